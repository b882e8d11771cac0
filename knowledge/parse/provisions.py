"""Money, numbers and one-sentence provisions: subsidies, quotas, validity, publicity,
the studio-name format and the review procedure."""

from __future__ import annotations

import re

from knowledge.models import Clause, Quota, SimpleFact, Subsidy
from knowledge.parse.structure import programme_at
from knowledge.text import cn_number, split_sentences

_NUM = r"\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+"
_MONEY = re.compile(rf"(?P<n>{_NUM})\s*(?P<u>万元|千元|元)")
_GRANT = re.compile(r"(补助|资助|经费|奖励|资金|补贴|奖金|扶持|津贴|拨付)")
_VAGUE_GRANT = re.compile(r"(酌情予以补助|给予一定的奖励|给予[^。；]{0,8}补助)")
_QUOTA = re.compile(
    r"(?P<verb>评审认定|认定|评选|评定|推荐申报|推荐|立项|命名)(?:[\u4e00-\u9fff“”]{0,16}?(?P<cmp>不超过|不多于|控制在)|"
    r"[\u4e00-\u9fff“”]{0,16}?|\s*约?)\s*"
    r"(?P<n>\d+(?:\s*[-－~～至]\s*\d+)?|[一二两三四五六七八九十]+)\s*(?P<u>个|人|家|名)(?P<about>左右)?"
    r"|(?P<noun>工作室|首席技师|技能大师|工匠)(?P<cmp2>不超过|不多于|控制在)?\s*"
    r"(?P<n2>\d+|[一二两三四五六七八九十]+)\s*(?P<u2>个|家|名)"
)
_VALIDITY = re.compile(
    r"(?:有效期|每届任期|任期)[）)]?\s*(?:均|一般)?\s*(?:为|是)?\s*(\d+|[一二两三四五六七八九十]+)\s*年"
)
_QUOTA_CONTEXT = re.compile(r"(拟|计划|名额|数量|认定|评选|建设|限报|推荐|立项)")
_PUBLICITY = re.compile(r"公示\s*(\d+|[一二两三四五六七八九十]+)\s*个?\s*(工作日|日|天)")
_NAMING = re.compile(r"(?:格式为|命名为|名称为)\s*[:：]?\s*[“\"「]([^”\"」]+)[”\"」]")
_PROCEDURE_HEAD = re.compile(r"(程序|流程|评选方式|评定办法|认定办法|申报方式)")


def yuan(number: str, unit: str) -> int | None:
    """``("2", "万元")`` → 20000; ``("两", "万元")`` → 20000; ``("500", "元")`` → 500."""
    value: float | None
    try:
        value = float(number)
    except ValueError:
        n = cn_number(number)
        value = float(n) if n is not None else None
    if value is None:
        return None
    factor = {"万元": 10000, "千元": 1000, "元": 1}[unit]
    return int(round(value * factor))


_EXTRA = re.compile(
    r"([^，,。；;]{2,20}?)(?:在此基础上|另|再|额外)(?:再|另)?(?:增加|追加|给予|奖励)\s*$"
)
"""An amount added for some studios: ``民族传统技艺类工作室在此基础上增加1万元``."""


def _recipient(sentence: str) -> str:
    m = re.search(
        r"对(?:获得|经认定的|评上|认定的)?([^，,。]{2,24}?)(?:的项目|的)?，?给予", sentence
    )
    if m:
        return re.sub(r"[“”\"]", "", m.group(1))
    m = re.search(r"(评上.{2,16}?的)", sentence)
    return m.group(1) if m else ""


def extract_subsidies(clauses: list[Clause], programmes: list[str] | None = None) -> list[Subsidy]:
    """Money a studio or person receives; amounts in yuan.

    Amounts inside parentheses or after ``其中`` detail a larger grant
    (``5万元启动经费（含领办人1万元），其中1万元作为个人奖励``) and are not separate
    subsidies; the quote keeps them.

    Returns:
        Subsidies in document order; a promised grant without an amount has
        ``amount_yuan=None``. With several programmes each names its programme.
    """
    out: list[Subsidy] = []
    progs = programmes or []
    for clause in clauses:
        flat = clause.text.replace("\n", "")
        for sentence in split_sentences(flat):
            offset = flat.find(sentence)
            for part in re.split(r"[；;]", sentence):
                part_at = offset + sentence.find(part)
                found = False
                for m in _MONEY.finditer(part):
                    after = part[m.end() : m.end() + 16]
                    before = part[max(0, m.start() - 16) : m.start()]
                    extra = _EXTRA.search(part[: m.start()])  # …类工作室在此基础上增加1万元
                    if not (_GRANT.search(after) or _GRANT.search(before) or "给予" in before):
                        if not extra:
                            continue
                    if re.search(r"[（(]含[^）)]*$", part[: m.start()]) or before.endswith("其中"):
                        continue
                    purpose_m = re.match(r"[^，,。；;（(]{0,14}", after)
                    purpose = purpose_m.group().lstrip("的") if purpose_m else ""
                    if not _GRANT.search(purpose):
                        lead = re.search(r"给予([^，,。；]{0,12})$", part[: m.start()])
                        purpose = lead.group(1) if lead else purpose
                    cond = re.search(r"对([^，,。]{2,30}?)的?，?给予", part)
                    if extra and not purpose.strip():
                        purpose = "（在上述补助基础上增加）"
                    out.append(
                        Subsidy(
                            amount_yuan=yuan(m.group("n"), m.group("u")),
                            purpose=purpose.strip(),
                            recipient=_recipient(part) or (extra.group(1) if extra else ""),
                            condition=cond.group(1)
                            if cond and ("考核" in cond.group(1) or "优秀" in cond.group(1))
                            else "",
                            programme=programme_at(
                                flat, part_at + m.start(), clause, clauses, progs
                            ),
                            clause=clause.ref,
                            quote=sentence,
                        )
                    )
                    found = True
                vague = _VAGUE_GRANT.search(part)
                if not found and vague and not _MONEY.search(part):
                    cond = re.search(r"对([^，,。]{2,30}?)的?，?给予", part)
                    out.append(
                        Subsidy(
                            amount_yuan=None,
                            purpose=vague.group(),
                            recipient=_recipient(part),
                            condition=cond.group(1) if cond else "",
                            clause=clause.ref,
                            quote=sentence,
                        )
                    )
    return out


def extract_quotas(clauses: list[Clause], programmes: list[str] | None = None) -> list[Quota]:
    """How many are recognised (``认定不超过5个``, ``评审认定10个左右``) or may be
    recommended (``各地推荐申报1-2家``), and the per-place rows of a quota table
    (``恩施市\t3`` under ``推荐名额``)."""
    out: list[Quota] = []
    progs = programmes or []
    for clause in clauses:
        flat = clause.text.replace("\n", "")
        out += _quota_rows(clause, progs)
        for sentence in split_sentences(flat):
            offset = flat.find(sentence)
            for m in _QUOTA.finditer(sentence):
                raw = m.group("n") or m.group("n2")
                unit = m.group("u") or m.group("u2")
                count = (
                    cn_number(raw) if re.fullmatch(r"\d+|[一二两三四五六七八九十]+", raw) else None
                )
                scope = "推荐" if (m.group("verb") or "").startswith("推荐") else "认定"
                about = sentence + clause.heading  # （二）当涂县首席技师。…评选不超过10名
                if unit == "名" and "技师" not in about and "名额" not in about:
                    continue
                lead = sentence[max(0, m.start() - 8) : m.start()]
                if sentence[m.end() : m.end() + 1] == "次":
                    continue  # 认定不少于1000人次: a count of assessments, no quota
                if m.group("noun") and (
                    not (m.group("cmp2") or _QUOTA_CONTEXT.search(sentence[: m.start()]))
                    or re.search(r"(累计|已|共有|建成)", sentence[: m.start()])
                ):
                    continue
                if (
                    m.group("verb")
                    and not m.group("cmp")
                    and re.search(r"(累计|已|共有|建成|带徒|培养|成员)", lead + m.group())
                ):
                    continue  # 累计认定47家, 带徒5名: history or other counts, not a quota
                total = re.search(r"(共计|共|总计|合计|全市|全省|全区|全州)", lead) and not any(
                    p in m.group() for p in progs
                )
                programme = (
                    "" if total else programme_at(flat, offset + m.start(), clause, clauses, progs)
                )
                out.append(
                    Quota(
                        count=count,
                        text=sentence,
                        scope=scope,
                        clause=clause.ref,
                        programme=programme,
                    )
                )
    return out


_QUOTA_HEAD = re.compile(r"(名额|数量|指标|个数|限额)")


def _quota_rows(clause: Clause, programmes: list[str] | None = None) -> list[Quota]:
    """Rows of a quota table inside a clause: a header cell naming 名额/数量 and rows
    ``place \t number`` below it (the 合计 row is the total); a row whose first cell
    names one of the notice's programmes is that programme's quota."""
    rows = [ln.split("\t") for ln in clause.text.split("\n")]
    out: list[Quota] = []
    columns: list[tuple[int, str]] = []  # (cell index, the programme its header names)
    width = 0  # cells of the header row
    for cells in rows:
        cells = [c.strip() for c in cells]
        if len(cells) < 2:
            columns = [] if columns and not cells[0] else columns
            continue
        heads = [i for i, c in enumerate(cells) if _QUOTA_HEAD.search(c)]
        if heads and not any(re.fullmatch(r"\d+", c) for c in cells):
            named = [(i, next((p for p in programmes or [] if p in cells[i]), "")) for i in heads]
            # 技能大师工作室推荐名额 | 首席技师工作室推荐名额: one column per programme
            columns = named if len(heads) > 1 and all(p for _, p in named) else named[:1]
            width = len(cells)
            continue
        if not columns:
            continue
        first = columns[0][0] - (
            width - len(cells) if len(columns) > 1 and width > len(cells) else 0
        )
        name = next((c for c in cells[: max(first, 1)] if c and not re.fullmatch(r"\d+", c)), "")
        if not name:
            continue
        total = bool(re.fullmatch(r"(合计|总计|小计|共计)", name))
        shift = width - len(cells) if len(columns) > 1 and 0 < width - len(cells) < 3 else 0
        for column, head_programme in columns:
            column -= shift  # 合计 | 21个 | 24个: a merged 序号 cell, the counts right-aligned
            count = (  # 3, 3个, 不超过30个
                re.fullmatch(
                    r"(?:不超过|不多于|原则上不超过|限报?|约)?\s*(\d{1,3})\s*(?:个|名|家)?(?:左右)?",
                    cells[column],
                )
                if column < len(cells)
                else None
            )
            if count is None:
                continue
            programme = head_programme or next((p for p in programmes or [] if p in name), "")
            several = len(programmes or []) > 1
            if not head_programme and (
                programme
                or len(programmes or []) == 1
                and any(w in name for w in ("工作室", "技师"))
            ):
                out.append(
                    Quota(
                        count=int(count.group(1)),
                        text="\t".join(cells),
                        scope="认定",
                        programme=programme if several else "",
                        clause=clause.ref,
                    )
                )
                continue
            out.append(
                Quota(
                    count=int(count.group(1)),
                    text="\t".join(cells),
                    scope="认定" if total else "推荐",
                    place="" if total else name,
                    programme=head_programme if several else "",
                    clause=clause.ref,
                )
            )
    return out


def _simple(
    clauses: list[Clause], rx: re.Pattern[str], unit: str, programmes: list[str] | None = None
) -> list[SimpleFact]:
    out: list[SimpleFact] = []
    for clause in clauses:
        flat = clause.text.replace("\n", "")
        for sentence in split_sentences(flat):
            m = rx.search(sentence)
            if m:
                n = cn_number(m.group(1))
                tail = m.group(2) if m.lastindex and m.lastindex >= 2 else unit
                at = flat.find(sentence) + m.start()
                out.append(
                    SimpleFact(
                        text=sentence,
                        value=f"{n}{'个' if tail == '工作日' else ''}{tail}",
                        programme=programme_at(flat, at, clause, clauses, programmes or []),
                        clause=clause.ref,
                    )
                )
    return out


def extract_validity(
    clauses: list[Clause], programmes: list[str] | None = None
) -> list[SimpleFact]:
    """``认定有效期为5年`` → value ``"5年"``; with several programmes, each names its own,
    also in a table with a 有效期 column (``市级技能大师工作室\t10个\t…\t3年``)."""
    out = _simple(clauses, _VALIDITY, "年", programmes)
    for clause in clauses:
        for row, value in _column(clause, re.compile(r"有效期|期限")):
            years = re.fullmatch(r"(\d+|[一二两三四五六七八九十]+)\s*年", value)
            if years:
                programme = next((p for p in programmes or [] if p in row[0] or row[0] in p), "")
                out.append(
                    SimpleFact(
                        text="\t".join(row),
                        value=f"{cn_number(years.group(1))}年",
                        programme=programme if len(programmes or []) > 1 else "",
                        clause=clause.ref,
                    )
                )
    return out


def _column(clause: Clause, header: re.Pattern[str]) -> list[tuple[list[str], str]]:
    """``(row cells, cell)`` of the column whose header matches, for every row below a
    header row in the clause's tab-separated table lines."""
    out: list[tuple[list[str], str]] = []
    column = -1
    for line in clause.text.split("\n"):
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < 2:
            column = -1
            continue
        hits = [
            i
            for i, c in enumerate(cells)
            if header.fullmatch(c) or (header.search(c) and len(c) <= 8)
        ]
        if hits:
            column = hits[0]
            continue
        if 0 <= column < len(cells) and cells[column]:
            out.append((cells, cells[column]))
    return out


def extract_publicity(clauses: list[Clause]) -> list[SimpleFact]:
    """``公示5个工作日`` → value ``"5个工作日"``; a 公示 step without a length is kept
    with an empty value."""
    out = _simple(clauses, _PUBLICITY, "日")
    if out:
        return out
    for clause in clauses:
        for sentence in split_sentences(clause.text.replace("\n", "")):
            if "公示" in sentence:
                out.append(SimpleFact(text=sentence, value="", clause=clause.ref))
    return out


def extract_naming(clauses: list[Clause]) -> list[SimpleFact]:
    """The required studio-name format: ``格式为“太仓市+领办人名字+…”``."""
    out: list[SimpleFact] = []
    for clause in clauses:
        for m in _NAMING.finditer(clause.text):
            start = clause.text.rfind("，", 0, m.start()) + 1
            out.append(
                SimpleFact(
                    text=clause.text[start : m.end() + 1].strip(),
                    value=m.group(1),
                    clause=clause.ref,
                )
            )
    return out


def extract_procedure(clauses: list[Clause], skip: set[str] | None = None) -> list[SimpleFact]:
    """Steps of the application and review procedure, one per clause of a section whose
    heading names a procedure (``申报程序``, ``评选方式``, ``申报及评定程序``).

    Args:
        clauses: Body clauses.
        skip: Clause refs to leave out (the materials list inside a procedure section).
    """
    out: list[SimpleFact] = []
    heads = {
        c.ref for c in clauses if _PROCEDURE_HEAD.search(c.heading) and "材料" not in c.heading
    }
    for clause in clauses:
        under = (
            clause.ref in heads
            or any(clause.ref.startswith(h) for h in heads)
            or bool(re.search(r"(组织专家|专家评审|评审委员会)", clause.text))
        )
        if not under or clause.text.strip() == clause.heading or clause.ref in (skip or set()):
            continue
        body = clause.text.replace("\n", "")
        if body.endswith(("：", ":")):
            body = "".join(split_sentences(body)[:-1]) if "。" in body else ""
            if not body:
                continue
        out.append(SimpleFact(text=body[:240], value=clause.heading, clause=clause.ref))
    return out
