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
_SIGNATURE = re.compile(r"(意见|盖章|签字|签章|审批|审核推荐)")
_NOT_LABEL = re.compile(r"^(注|（可另附|\(可另附|（包括|\(包括|年月日|年\s*月\s*日|二[〇O○]|附件|.*制$|.*（盖章）$)")
_SECTION = re.compile(r"(基本情况|情况|成员)$")
_MAX_LABEL = 24


def _cells(line: str) -> list[str]:
    line = _TAG.sub("\t", line)
    cells = [re.sub(r"\s+", "", c) for c in re.split(r"\t|\s{3,}", line)]
    return [c.rstrip(":：_") for c in cells]


def parse_form(raw: RawAttachment) -> Attachment:
    """Turn an attachment's lines into an :class:`Attachment` with its fields.

    Args:
        raw: The attachment as located by :func:`knowledge.parse.structure.parse_layout`.

    Returns:
        The attachment; ``fields`` is empty for attachments that are not forms.
    """
    fields: list[FormField] = []
    seen: set[str] = set()
    section = ""
    group = ""
    group_cols: list[str] = []
    text_lines: list[str] = []
    for _, line in raw.lines:
        text_lines.append(line)
        cells = [c for c in _cells(line) if c]
        labels = [c for c in cells if len(c) <= _MAX_LABEL and not _NOT_LABEL.match(c)
                  and re.search(r"[\u4e00-\u9fffA-Za-z]", c)]
        if not labels:
            continue
        if len(labels) == 1 and _SECTION.search(labels[0]) and len(cells) == 1:
            section, group = labels[0], ""
            continue
        if len(labels) >= 3 and ("姓名" in labels or "获奖项目" in labels) and any(
            f.label in ("姓名", "领办人", "领衔人", "技能大师领办人") for f in fields
        ):
            group = "工作室成员" if "姓名" in labels else "获奖情况"
            group_cols = labels
            for lbl in labels:
                key = f"{group}/{lbl}"
                if key not in seen:
                    seen.add(key)
                    fields.append(FormField(label=lbl, section=section, repeated=True, group=group))
            continue
        for lbl in labels:
            if lbl in seen or lbl in group_cols:
                continue
            seen.add(lbl)
            fields.append(FormField(label=lbl, section=section,
                                    signature=bool(_SIGNATURE.search(lbl))))
    return Attachment(number=raw.number, title=raw.title, line=raw.line, fields=fields,
                      text="\n".join(text_lines))
