"""What the parser understood of a notice, for staff: the ingest report and the notices table.

Staff add notices every month; after ``policybot ingest`` they must see at a glance
whether the notice was understood (place with its parent, title, 文号, programmes,
deadlines, how many contacts, materials and conditions) and which expected part is
missing, so they can check the file or answer those questions themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from knowledge.models import DeadlineStatus, Notice


@dataclass
class Understanding:
    """The summary of one parsed notice.

    Attributes:
        place: ``"苏州市太仓市"`` style chain with the level, e.g. ``"太仓市（苏州市，县级）"``.
        title, doc_number: As parsed (``doc_number`` empty when none).
        programmes: Programme names.
        deadlines: ``"2024-08-20 报送申报材料"`` lines; ``"另行通知"`` for announced later.
        contacts, materials, conditions, subsidies: Counts.
        warnings: One Chinese sentence per expected part that was not found.
    """

    place: str
    title: str
    doc_number: str
    programmes: list[str]
    deadlines: list[str]
    contacts: int
    materials: int
    conditions: int
    subsidies: int
    warnings: list[str] = field(default_factory=list)


_LEVEL = {"national": "全国", "province": "省级", "city": "市级", "county": "县级"}


def place_label(notice: Notice) -> str:
    """``"太仓市（江苏省苏州市，县级）"``; ``"未知地区"`` when the place was not resolved."""
    p = notice.meta.place
    if not p.level:
        return p.name or "未知地区"
    parents = "".join(
        x for x in (p.province, p.city) if x and x != p.name and not p.name.startswith(x)
    )
    level = _LEVEL.get(p.level, "")
    inside = "，".join(x for x in (parents, level) if x)
    return f"{p.name}（{inside}）" if inside else p.name


def understand(notice: Notice) -> Understanding:
    """Summarise what was extracted from ``notice`` and warn about missing parts."""
    facts = notice.facts
    deadlines = []
    for d in facts.deadlines:
        if d.status == DeadlineStatus.UNSPECIFIED:
            when = "另行通知"
        elif d.date is not None:
            when = d.date.isoformat()
        else:
            when = d.date_text
        who = f"{d.actor}：" if d.actor and d.actor not in d.what else ""
        flags = "".join(f"（{x}）" for x in (d.round, "已结束" if d.closed else "") if x)
        deadlines.append(f"{when} {who}{d.what}{flags}".strip())
    warnings = []
    if not notice.meta.place.level:
        warnings.append("未能确定通知适用的地区（标题、发文单位、文号中没有可识别的行政区划）")
    if not notice.meta.doc_number:
        warnings.append("未找到文号")
    if not notice.meta.issue_date:
        warnings.append("未找到落款日期")
    if not any(d.applicant for d in facts.deadlines):
        warnings.append("未找到申报截止时间")
    if not facts.contacts:
        warnings.append("未找到联系人或联系电话")
    elif not any(c.phones for c in facts.contacts):
        warnings.append("联系方式中没有电话号码")
    if not facts.materials:
        warnings.append("未找到申报材料清单")
    if not facts.conditions:
        warnings.append("未找到申报条件")
    return Understanding(
        place=place_label(notice),
        title=notice.meta.title,
        doc_number=notice.meta.doc_number,
        programmes=list(notice.meta.programmes),
        deadlines=deadlines,
        contacts=len(facts.contacts),
        materials=len(facts.materials),
        conditions=len(facts.conditions),
        subsidies=len(facts.subsidies),
        warnings=warnings,
    )


def report_lines(notice: Notice) -> list[str]:
    """The ingest report of one notice as indented lines (Chinese)."""
    u = understand(notice)
    lines = [
        f"  地区：{u.place}",
        f"  标题：{u.title}",
        f"  文号：{u.doc_number or '（无）'}",
        f"  项目：{'、'.join(u.programmes)}",
        f"  时间：{'；'.join(u.deadlines) if u.deadlines else '（无）'}",
        f"  联系方式 {u.contacts} 处，材料 {u.materials} 项，条件 {u.conditions} 条，补助 {u.subsidies} 项",
    ]
    lines += [f"  ⚠ {w}" for w in u.warnings]
    return lines


def table_rows(notices: list[Notice], today: dt.date | None = None) -> list[list[str]]:
    """Rows of the ``policybot notices`` table: id, place, year, 文号, programmes,
    applicant deadline, counts (contacts/materials/conditions), warnings, title."""
    rows = [["id", "地区", "年份", "文号", "项目", "申报截止", "联/材/条", "警告", "标题"]]
    for n in notices:
        u = understand(n)
        first = next((d for d in n.facts.deadlines if d.applicant and not d.closed), None)
        if first is None:
            due = "-"
        elif first.status == DeadlineStatus.UNSPECIFIED:
            due = "另行通知"
        else:
            due = first.date.isoformat() if first.date else first.date_text
            if first.date and today and first.date < today:
                due += "（已过）"
        rows.append(
            [
                n.id,
                u.place,
                str(n.meta.year or "-"),
                u.doc_number or "-",
                "、".join(u.programmes),
                due,
                f"{u.contacts}/{u.materials}/{u.conditions}",
                str(len(u.warnings)),
                u.title,
            ]
        )
    return rows
