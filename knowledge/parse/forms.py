"""Attached application forms as field lists.

Form tables come out of the published documents as tab-separated cells (one cell a
line in some extractions) or stray ``<p>`` fragments. A cell that holds a short label
becomes a :class:`FormField`; a row of several labels followed by empty rows is a
repeated group (team members, awards); cells naming an official's opinion or a stamp
(意见, 盖章, 签字) are signature cells.
"""

from __future__ import annotations

import re

from knowledge.models import Attachment, FormField
from knowledge.parse.structure import RawAttachment

_TAG = re.compile(r"</?p>")
_SIGNATURE = re.compile(r"(意见|盖章|签字|签章|审批|审核推荐|承诺)")
_NOT_LABEL = re.compile(
    r"^(注(?:[：:]|\d|意|$)|备注[：:]|（可另附|\(可另附|（包括|\(包括|（盖章|\(盖章|年月日|年\s*月\s*日|二[〇O○]|附件|.*制$|(?!.*意见).*（盖章）$)"
)
_SECTION = re.compile(r"(基本情况|情况|成员|名单|花名册)(?:[（(][^（）()]{1,12}[）)])?$")
_BLANKS = re.compile(r"^[_＿\s]+$")
"""A line of blanks to write on (``________``): the field above it takes a long answer."""
_LABEL_OPTIONS = re.compile(r"^\s*([^：:□☐_\t]{2,24})[：:]\s*([□☐].*)$")
"""``单位性质：□国有企业  □民营企业`` — a label and its choices on one line."""
_MAX_LABEL = 24


def _cells(line: str) -> list[str]:
    line = _TAG.sub("\t", line)
    cells = [re.sub(r"\s+", "", c) for c in re.split(r"\t|\s{3,}", line)]
    return [c.rstrip(":：_") for c in cells]


_OPTIONS = re.compile(r"^(?:[□☐]\s*[^□☐]+){2,}$")
_HINT = re.compile(
    r"^[（(].*(包括|可另附|另附|附页|不超过|字以内|限\d+字|近[一二三四五]年|简要|填写).*[）)]$"
)
_PAGE = re.compile(r"第\s*\d+\s*页|共\s*\d+\s*页|^[-—－]\s*\d+\s*[-—－]$|〔\d{4}〕\s*\d+\s*号")
"""Page furniture inside a printed form: page numbers, the running 文号 header."""
_LABEL_END = re.compile(
    r"(名称|时间|日期|年月|号码|人数|等级|情况|面积|方式|地址|电话|邮箱|类型|性质|代码|姓名|职务|职称|）|\))$"
)
_INLINE = re.compile(r"([\u4e00-\u9fff（）()]{2,12})[：:]")


def _options(cell: str) -> list[str]:
    """``□国有企业　□民营企业`` → ``["国有企业", "民营企业"]``; ``[]`` for other cells."""
    cell = cell.strip()
    if not _OPTIONS.match(re.sub(r"\s+", "", cell)):
        return []
    found = [
        re.sub(r"[（(][^）)]*[）)]?$", "", o).strip(" 　:：_＿")
        for o in re.findall(r"[□☐]\s*([^□☐\s　]+)", cell)
    ]
    return [o for o in found if o]  # 其他（请注明：　　） → 其他


_CELL_OPTIONS = re.compile(r"^([^□☐\t：:_\s\u3000]{2,24})[ \u3000]{1,2}([□☐].*)$")


def _split_label_options(line: str) -> str:
    """A cell holding its label and its choices (``性别 □男 □女``, as Word tables are often
    filled) split in two cells, as if the label had its own: ``性别\t□男 □女``."""
    if "□" not in line and "☐" not in line:
        return line
    cells = line.split("\t")
    out = []
    for cell in cells:
        m = _CELL_OPTIONS.match(cell.strip())
        # a wide gap (□是   □否      传承人级别   □国家级) is a printed layout of several cells
        split = m and _options(m.group(2)) and not re.search(r"[ \u3000]{3,}", m.group(2))
        out.append(f"{m.group(1)}\t{m.group(2)}" if m and split else cell)
    return "\t".join(out)


def parse_form(raw: RawAttachment) -> Attachment:
    """Turn an attachment's lines into an :class:`Attachment` with its fields and grid.

    Args:
        raw: The attachment as located by :func:`knowledge.parse.structure.parse_layout`.

    Returns:
        The attachment; ``fields`` is empty for attachments that are not forms. Each
        field carries its printed options (□…), the form's hint, and its grid row.
    """
    fields: list[FormField] = []
    rows: list[list[str]] = []
    seen: set[str] = set()
    section = ""
    group = ""
    group_cols: list[str] = []
    text_lines: list[str] = []
    units: dict[str, str] = {}
    lines = _vertical_rows(
        [_split_label_options(line) for _, line in raw.lines if not _PAGE.search(line)]
    )
    for k, line in enumerate(lines):
        text_lines.append(line)
        if fields and _BLANKS.match(line) and "_" in line:  # lines to write on: a long answer
            fields[-1] = fields[-1].model_copy(update={"long": True})
            continue
        if fields and fields[-1].options and re.match(r"\s*[□☐]", line) and "\t" not in line:
            more = _options(line) or _options(line + " □")[:-1]  # the choices go on
            fields[-1] = fields[-1].model_copy(update={"options": fields[-1].options + more})
            continue
        if (  # one cell a line (a ruled PDF table): the choices in the cell under the label
            fields
            and not fields[-1].options
            and not fields[-1].repeated
            and "\t" not in line
            and _options(line)
            and k > 0
            and re.sub(r"\s+", "", lines[k - 1]).rstrip(":：") == fields[-1].label
        ):
            fields[-1] = fields[-1].model_copy(update={"options": _options(line)})
            continue
        if (  # a hint in the cell under its label: （限800字，可附页）
            fields
            and "\t" not in line
            and _HINT.match(re.sub(r"\s+", "", line))
            and k > 0
            and re.sub(r"\s+", "", lines[k - 1]).rstrip(":：") == fields[-1].label
        ):
            fields[-1] = fields[-1].model_copy(
                update={"hint": re.sub(r"\s+", "", line), "long": True}
            )
            continue
        wrapped = re.sub(r"\s+", "", line)
        if (  # a long label wrapped in its cell: 是否已命名为…技能大师工 / 作室
            fields
            and "\t" not in line
            and 1 <= len(wrapped) <= 3
            and len(fields[-1].label) >= 14
            and not _LABEL_END.search(fields[-1].label)
            and k > 0
            and re.sub(r"\s+", "", lines[k - 1]) == fields[-1].label
        ):
            seen.discard(fields[-1].label)
            fields[-1] = fields[-1].model_copy(update={"label": fields[-1].label + wrapped})
            seen.add(fields[-1].label)
            lines[k] = fields[-1].label  # the next line's "label above" test sees it whole
            continue
        raw_cells = [c.strip() for c in re.split(r"\t|</?p>", line)]
        cells = [c for c in _cells(line) if c]
        with_options = _LABEL_OPTIONS.match(line) if len(raw_cells) == 1 else None
        if with_options:  # 单位性质：□国有企业  □民营企业  □其他____
            raw_cells = [with_options.group(1).strip(), with_options.group(2).strip()]
            cells = [re.sub(r"\s+", "", c) for c in raw_cells]
        elif len(raw_cells) == 1 and len(_INLINE.findall(line)) >= 2:  # 工作室名称：　　　领办人：
            raw_cells = [part for lbl in _INLINE.findall(line) for part in (lbl, "")]
            cells = [lbl for lbl in _INLINE.findall(line)]
            units.update(_blank_units(line))
        elif len(raw_cells) == 1 and len(cells) > 1:  # cells set apart by runs of spaces
            raw_cells = _join_options(cells)
            cells = raw_cells
        labels = [
            c
            for c in cells
            if 2 <= len(c) <= _MAX_LABEL
            and not _NOT_LABEL.match(c)
            and re.search(r"[\u4e00-\u9fffA-Za-z]", c)
            and not _options(c)
            and not c.startswith(("□", "☐"))
        ]
        if len(raw_cells) > 1 and labels:
            labels = [
                lbl
                for lbl in (re.sub(r"\s+", "", c).rstrip(":：_") for c in raw_cells)
                if lbl in labels
            ]
        if raw_cells != [""] and (len(raw_cells) > 1 or labels):
            rows.append([re.sub(r"[ 　]{2,}", " ", c) for c in raw_cells])
        if not labels:
            continue
        if (
            len(labels) == 1
            and _SECTION.search(labels[0])
            and len(cells) == 1
            and len(raw_cells) == 1
            and _opens_rows(lines[k + 1 :])
        ):
            section, group = labels[0], ""
            continue
        header = (
            len(labels) >= 3
            and len(labels) == len([c for c in raw_cells if c])
            and ("姓名" in labels or "获奖项目" in labels)
        )
        if header and re.search(r"(成员|人员|名单|情况)$", labels[0]) and "姓名" in labels[1:]:
            section, labels = (
                labels[0],
                labels[1:],
            )  # 团队成员 | 姓名 | 性别 …: the table's name, then its columns
        people = bool(re.search(r"(名单|花名册|成员|人员)", raw.title + section))
        if header and (
            any(f.label in ("姓名", "领办人", "领衔人", "技能大师领办人") for f in fields) or people
        ):
            group = (
                ("工作室成员" if not re.search(r"(成员|人员)", section) else section)
                if "姓名" in labels
                else "获奖情况"
            )
            group_cols = labels
            for lbl in labels:
                key = f"{group}/{lbl}"
                if key not in seen:
                    seen.add(key)
                    fields.append(
                        FormField(
                            label=lbl,
                            section=section,
                            repeated=True,
                            group=group,
                            row=len(rows) - 1,
                        )
                    )
            continue
        for lbl in labels:
            if lbl in seen or lbl in group_cols:
                continue
            seen.add(lbl)
            after = _next_cell(raw_cells, lbl)
            hint = after if _HINT.match(re.sub(r"\s+", "", after)) else ""
            fields.append(
                FormField(
                    label=lbl,
                    section=section,
                    signature=bool(_SIGNATURE.search(lbl)),
                    options=_options(after),
                    hint=hint,
                    long=bool(hint) or "另附" in after,
                    row=len(rows) - 1,
                    unit=units.get(lbl, ""),
                )
            )
    return Attachment(
        number=raw.number,
        title=raw.title,
        line=raw.line,
        fields=fields,
        text="\n".join(text_lines),
        rows=rows,
    )


_BLANK_UNIT = re.compile(
    r"([\u4e00-\u9fff（）()]{2,12})[：:]\s*[_＿]{2,}\s*(人|名|个|项|万元|元|平方米|㎡|年)(?![\u4e00-\u9fff])"
)


def _blank_units(line: str) -> dict[str, str]:
    """``团队成员人数：______人      其中高级技师：______人`` → ``{label: "人"}``: the unit a
    blank is printed with, which makes its field a number."""
    return {m.group(1): m.group(2) for m in _BLANK_UNIT.finditer(line)}


def _vertical_rows(lines: list[str]) -> list[str]:
    """A table header printed one cell a line (``序号`` / ``姓名`` / ``性别`` … then ``1``,
    ``2`` …, as a ruled PDF table extracts) joined into one tab-separated row, and its
    numbered empty rows into rows of their own: the shape a member list has elsewhere."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while (
            j < len(lines)
            and "\t" not in lines[j]
            and 1 <= len(re.sub(r"\s+", "", lines[j])) <= 8
            and not re.fullmatch(r"\s*\d{1,2}\s*", lines[j])
            and not _options(lines[j])
        ):
            j += 1
        run = [re.sub(r"\s+", "", x) for x in lines[i:j]]
        numbered = j < len(lines) and re.fullmatch(r"\s*1\s*", lines[j])
        if numbered and len(run) >= 3 and "姓名" in run:
            out.append("\t".join(run))
            while j < len(lines) and re.fullmatch(r"\s*\d{1,2}\s*", lines[j]):
                out.append(lines[j].strip() + "\t" * (len(run) - 1))
                j += 1
            i = j
            continue
        out += lines[i : max(j, i + 1)]  # no later start in this run is followed by 1 either
        i = max(j, i + 1)
    return out


def _opens_rows(rest: list[str]) -> bool:
    """True when the line after a one-cell ``…情况`` line is a row of several cells: the
    line heads a section (领办人基本情况 over its rows); else it is a tall cell of its
    own (获得荣誉情况 over blank lines)."""
    nxt = next((ln for ln in rest if ln.strip()), "")
    return len([c for c in _cells(nxt) if c]) >= 2 and not _SIGNATURE.search(nxt)


def _join_options(cells: list[str]) -> list[str]:
    """Space-separated cells with the checkbox choices of one label joined into one cell
    (``单位类型  □企业  □技工院校`` → ``["单位类型", "□企业 □技工院校"]``)."""
    out: list[str] = []
    for c in cells:
        if c.startswith(("□", "☐")) and out and out[-1].startswith(("□", "☐")):
            out[-1] += " " + c
        else:
            out.append(c)
    return out


def _next_cell(cells: list[str], label: str) -> str:
    """The cell printed right after ``label`` (its value cell), ``""`` when none."""
    for i, c in enumerate(cells):
        if re.sub(r"\s+", "", c).rstrip(":：_") == label:
            after = cells[i + 1] if i + 1 < len(cells) else ""
            for more in cells[i + 2 :]:  # □国有企业 ⇥ □民营企业 ⇥ …: one choice per cell
                if not (after.startswith(("□", "☐")) and more.startswith(("□", "☐"))):
                    break
                after += " " + more
            return after
    return ""
