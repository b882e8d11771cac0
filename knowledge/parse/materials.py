"""Required materials and submission rules (copies, paper, binding, electronic copy, where).

A materials list is the numbered children of a clause that introduces them
(``申报材料应包括：``, ``在线申报上传下列材料：``, a section headed ``申报材料``).
A notice without such a list (镇江) names its materials in sentences: the forms it
asks to fill in (``填写《…申报表》``), the report (``申办报告``) and supporting proof
(``证明材料``).
"""

from __future__ import annotations

import re

from knowledge.models import Clause, Material, SubmissionRule
from knowledge.parse.structure import in_assessment, programme_of
from knowledge.text import cn_number, split_sentences

_INTRO = re.compile(
    r"(材料(?:应|须|需)?包括|下列材料|以下材料|上传材料包括|(?:申报|报送|提交)材料(?:及|和|与)?(?:要求|清单|目录)?$"
    r"|需提交|提交以下)"
)
_INLINE_ITEM = re.compile(r"(?:(?<=[；;。：:，,])|(?<=材料)|^)\s*(\d{1,2})\s*[.．、](?!\d)")
"""An item number written inside the clause: ``申报材料1.《…申报表》一式两份；2.领办人…``."""
_COPIES = re.compile(r"一式\s*([一二两三四五\d])\s*份")
_JOINT = re.compile(
    r"(?:其中|[；;])\s*([^，,。；;]{2,24}?)的[，,]?\s*(?:还需|还应|另需|需|须)提供([^。；;]+)"
)
_CONDITIONAL = re.compile(
    r"^([^，,。；;]{2,30}?的)[，,]\s*(?:还需|还应|另需|需|须|应)?(?:提供|提交|附|报送)([^。；;]+)"
)
_NAMED_FORM = re.compile(r"《([^》]{4,30}?(?:表|报告))》")
_URL = re.compile(r"https?://[^\s（）()，,。；]+")
_TO = re.compile(
    r"(?:(?<![申填汇上])报送|(?<![申填汇上])报(?![名表])|交|提交至|送至|(?<!报)送)"
    r"([^，,。；》]{2,30}?(?:科|股|处|局|办公室|中心|部门|工作部))(?:审核|初审|[，,。；（(]|$)"
    r"|向([^，,。；]{2,30}?(?:局|部门|中心))(?:申报|提交|报送)"
)


def _name(text: str) -> str:
    head = re.split(r"[，,。；;：:]", text, maxsplit=1)[0]
    head = re.sub(r"[（(](?:一式[^）)]*|见?附件[\d、，,和及\s附件]*)[）)]", "", head)
    head = re.sub(r"[（(][^）)]*$", "", head)  # a parenthesis cut open by the split above
    head = re.sub(
        r"(?:纸质[版件]?)?一式\s*[一二两三四五六\d]\s*份$", "", head
    )  # 《…申报表》一式两份
    return head.strip("《》 ").replace("《", "").replace("》", "")


def extract_materials(clauses: list[Clause], programmes: list[str]) -> list[Material]:
    """Find the materials list(s).

    Args:
        clauses: Body clauses.
        programmes: The notice's programmes; lists under a programme's section are
            attributed to it (无锡: 技能大师工作室 vs 企业首席技师).

    Returns:
        One :class:`Material` per item; a ``其中…的，还需提供…`` clause yields an extra
        conditional item.
    """
    out: list[Material] = []
    children: dict[str, list[Clause]] = {}
    for c in clauses:
        children.setdefault(c.parent, []).append(c)
    for clause in clauses:
        intro = clause.heading if clause.text.strip() == clause.heading else clause.text
        inline = re.match(r"\s*(?:申报|报送|提交)材料(?:及要求)?[：:]?\s*1\s*[.．、]", clause.text)
        if not (inline or _INTRO.search(clause.heading) or _INTRO.search(intro.split("\n")[-1])):
            continue
        prog = programme_of(clause, clauses, programmes)
        table = _table_items(clause, prog)
        if table:  # 序号｜材料名称｜份数｜备注: one item a row
            out += table
            continue
        kids = children.get(clause.ref, []) or _inline_items(clause)
        if not kids:
            continue
        for kid in kids:
            text = kid.text.split("\n")[0]
            copies = _COPIES.search(text)
            conditional = _CONDITIONAL.match(text)  # 校企合作共建的，还需提供合作协议复印件
            out.append(
                Material(
                    index=kid.ref[len(clause.ref) :] or kid.ref,
                    name=_name(conditional.group(2) if conditional else text),
                    text=text.rstrip("；;。"),
                    copies=cn_number(copies.group(1)) if copies else None,
                    condition=conditional.group(1).removesuffix("的") if conditional else "",
                    programme=prog,
                    clause=kid.ref,
                )
            )
            joint = _JOINT.search(text)
            if joint:
                extra = joint.group(2).rstrip("；;。")
                out.append(
                    Material(
                        index=out[-1].index,
                        name=re.split(r"和|及", extra)[0],
                        text=extra,
                        condition=joint.group(1),
                        programme=prog,
                        clause=kid.ref,
                    )
                )
    if not out:
        out = _materials_from_sentences(clauses)
    for clause in clauses:  # 《…申报表》份数由一式三份调整为一式两份: the amended count
        for m in _COPIES_AMENDED.finditer(clause.text.replace("\n", "")):
            for i, item in enumerate(out):
                if item.name and (item.name in m.group(1) or m.group(1) in item.name):
                    out[i] = item.model_copy(
                        update={
                            "copies": cn_number(m.group(2)),
                            "text": f"{item.text}（{m.group(0)}）",
                        }
                    )
    return out


_COPIES_AMENDED = re.compile(
    r"《([^》]{2,40})》[^。；;]{0,10}?份数由一式[一二两三四五\d]份(?:调整|改|变更|更正|修改)为一式"
    r"([一二两三四五\d])份"
)
"""A copy count a later clause changes (``《…申报表》份数由一式三份调整为一式两份``)."""


_TABLE_NAME = re.compile(r"^(?:材料名称|材料|名称|申报材料|材料清单|材料目录)$")
_TABLE_COPIES = re.compile(r"^(?:份数|数量|份\s*数|报送份数)$")
_TABLE_NOTE = re.compile(r"^(?:备注|要求|说明|具体要求|材料要求|格式要求)$")
_ROW_COPIES = re.compile(r"(?:一式|各|复印件各?|原件|复印件)?\s*([一二两三四五六七八九十\d]+)\s*份")
_ONLY = re.compile(r"(?:仅|只|限)([^，,。；;]{2,30}?)(?:的)?(?:提供|提交|报送|需要)")


def _table_items(clause: Clause, prog: str) -> list[Material]:
    """The rows of a materials table (``序号	材料名称	份数	备注``) as materials: name
    from the name column, copies from the 份数 column (``一式三份``, ``复印件各1份``), the
    note kept in the text, a 仅…提供 note as the item's condition; ``[]`` without one."""
    lines = clause.text.split("\n")
    for at, line in enumerate(lines):
        head = [c.strip() for c in line.split("\t")]
        name_col = next((i for i, c in enumerate(head) if _TABLE_NAME.match(c)), None)
        if name_col is None or len(head) < 2:
            continue
        copies_col = next((i for i, c in enumerate(head) if _TABLE_COPIES.match(c)), None)
        note_col = next((i for i, c in enumerate(head) if _TABLE_NOTE.match(c)), None)
        out: list[Material] = []
        for row in lines[at + 1 :]:
            cells = [c.strip() for c in row.split("\t")]
            if len(cells) != len(head) or not cells[name_col]:
                break
            name = _name(cells[name_col])
            copies_text = cells[copies_col] if copies_col is not None else ""
            copies = _ROW_COPIES.search(copies_text)
            note = cells[note_col] if note_col is not None else ""
            only = _ONLY.search(note)
            text = "，".join(x for x in (cells[name_col], copies_text, note) if x)
            out.append(
                Material(
                    index=cells[0] if cells[0].isdigit() else str(len(out) + 1),
                    name=name,
                    text=text,
                    copies=cn_number(copies.group(1))
                    if copies and "张" not in copies_text
                    else None,
                    condition=only.group(1) if only else "",
                    programme=prog,
                    clause=clause.ref,
                )
            )
        if out:
            return out
    return []


def _inline_items(clause: Clause) -> list[Clause]:
    """The items of a list written inside one clause (``申报材料1.…；2.…；3.…。以上…``)
    as clauses of their own (refs ``四、1.``…); ``[]`` unless the numbers run 1, 2, 3 …"""
    text = clause.text.replace("\n", "")
    marks = list(_INLINE_ITEM.finditer(text))
    if len(marks) < 2 or [int(m.group(1)) for m in marks] != list(range(1, len(marks) + 1)):
        return []
    items = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        body = text[m.end() : end]
        if i + 1 == len(marks):  # the last item ends with its sentence
            body = re.split(r"(?<=[。])", body, maxsplit=1)[0]
        items.append(
            clause.model_copy(
                update={
                    "ref": f"{clause.ref}{m.group(1)}.",
                    "text": body.strip(),
                    "heading": body[:40],
                }
            )
        )
    return items


def _materials_from_sentences(clauses: list[Clause]) -> list[Material]:
    """Materials named in running text (no numbered list)."""
    out: list[Material] = []
    seen: set[str] = set()
    for clause in clauses:
        for sentence in split_sentences(clause.text.replace("\n", "")):
            if not re.search(r"(填写|提交|提供|报送|填报)", sentence):
                continue
            names = _NAMED_FORM.findall(sentence)
            if "申办报告" in sentence:
                names.append("申办报告")
            if "证明材料" in sentence and "提供" in sentence:
                names.append("相关证明材料")
            for name in names:
                if name in seen:
                    continue
                seen.add(name)
                cond = "已认定的工作室参加评估考核" if in_assessment(clause, clauses) else ""
                copies = re.search(
                    rf"《{re.escape(name)}》\s*(?:（[^）]*）)?\s*一式\s*([一二两三四五\d])\s*份",
                    sentence,
                )
                out.append(
                    Material(
                        index=str(len(out) + 1),
                        name=name,
                        text=sentence,
                        copies=cn_number(copies.group(1)) if copies else None,
                        condition=cond,
                        clause=clause.ref,
                    )
                )
    _copies_from_phrases(out, clauses)
    return out


_PHRASE_COPIES = re.compile(r"([^，,。；;]{0,16}?)[（(]一式\s*([一二两三四五\d])\s*份[）)]")


def _copies_from_phrases(items: list[Material], clauses: list[Clause]) -> None:
    """``提交的表格和报告（一式两份）``, ``证明材料（一式一份）``: copies stated for a
    kind of material apply to the items of that kind that state none themselves."""
    for clause in clauses:
        for m in _PHRASE_COPIES.finditer(clause.text.replace("\n", "")):
            phrase, n = m.group(1), cn_number(m.group(2))
            for item in items:
                if item.copies is not None:
                    continue
                kind_form = "表" in phrase and item.name.endswith("表")
                kind_report = "报告" in phrase and item.name.endswith("报告")
                kind_proof = "证明" in phrase and "证明" in item.name
                if kind_form or kind_report or kind_proof:
                    item.copies = n


def _media(sentence: str) -> str:
    """The electronic copy a sentence asks for without the word 电子 (``申报表Word版及其余
    材料PDF扫描件存入U盘``): that phrase; ``""`` when it asks none."""
    m = re.search(r"[^，,。；;]*(?:PDF|扫描件|Word版|U盘|光盘)[^，,。；;]*", sentence)
    return m.group().strip() if m else ""


def extract_submission(
    clauses: list[Clause], items: list[Material] | None = None
) -> list[SubmissionRule]:
    """Sentences that say how to hand materials in (copies, A4, binding, electronic copy,
    online system, where to).

    Args:
        clauses: Body clauses.
        items: The materials list; an item's own text (``申请表（一式两份）``) is not a
            rule for the whole set.
    """
    out: list[SubmissionRule] = []
    item_texts = {m.text.rstrip("；;。") for m in items or []}
    for clause in clauses:
        # a table's rows (序号	材料名称	份数…) are items, not rules for the whole set
        prose = "".join(line for line in clause.text.split("\n") if "\t" not in line)
        for sentence in split_sentences(prose):
            if sentence.rstrip("；;。") in item_texts and not _TO.search(sentence):
                continue
            has_format = re.search(
                r"(A4|装订|胶装|一式|电子版|电子文档|网站填报|在线申报|登陆网站|登录网站|公章|盖章|"
                r"线上填报|网上填报|网上申报|线上申报|系统填报|网址|https?://|U盘|光盘|PDF|扫描件)",
                sentence,
            )
            to = _TO.search(sentence)
            if not has_format and not (to and re.search(r"(材料|申报)", sentence)):
                continue
            copies = _COPIES.search(sentence)
            electronic = re.search(
                r"(?:同时)?报送([^，。；]{0,16}?)(?:的)?电子(?:版|文档)", sentence
            )
            url = _URL.search(sentence)
            out.append(
                SubmissionRule(
                    copies=cn_number(copies.group(1)) if copies else None,
                    paper="A4" if "A4" in sentence else "",
                    binding="胶装成册"
                    if re.search(r"(?<!不需)(?<!无需)(?<!不)胶装", sentence)
                    else ("装订成册" if "装订" in sentence else ""),
                    electronic=(electronic.group(1) or "申报材料")
                    if electronic
                    else ("电子版" if "电子" in sentence else _media(sentence)),
                    online=url.group() if url else "",
                    to=(to.group(1) or to.group(2)) if to else "",
                    text=sentence,
                    clause=clause.ref,
                )
            )
    return out
