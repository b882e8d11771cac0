"""A form spec built from a parsed notice's attachment, for notices without a hand spec.

:func:`generic_spec` maps known printed labels to validators and profile slot names
(姓名 → ``name``, 身份证号码 → ``id_number``, 出生年月 → ``year_month`` ...); unknown
labels become free-text fields. A notice whose attachments list no fields gets a
common set of fields every 技能大师工作室 form asks for.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from flows.spec import FieldSpec, FormSpec, GroupSpec
from flows.specs.common import (
    EDUCATION_OPTIONS,
    POLITICAL_OPTIONS,
    POSTCODE,
    SEX_OPTIONS,
    SKILL_LEVEL_OPTIONS,
    awards_group,
    birth,
    fld,
    id_number,
    long_text,
    member_row,
    person_name,
    phone,
    sex,
    skill_level,
)
from knowledge.models import Attachment, FormField, Notice

LONG_WORDS = ("简介", "业绩", "经历", "计划", "措施", "情况", "理由", "简历", "说明", "意见")
DATE_BLANKS = frozenset({"年", "月", "日"})
"""The blanks of a printed date line (``填报日期：  年  月  日``), not fields of their own."""

# (test on the label, validator, slot name for the leader's own field, extra params)
Rule = tuple[Callable[[str], bool], str, str, dict]
RULES: list[Rule] = [
    (lambda s: "身份证" in s, "id_number", "id_number", {}),
    (lambda s: s == "出生年月", "year_month", "birth_date", {}),
    (lambda s: s == "出生日期", "date", "birth_date", {}),
    (lambda s: s == "性别", "sex", "sex", {"options": SEX_OPTIONS}),
    (lambda s: s == "民族", "ethnicity", "ethnicity", {}),
    (
        lambda s: "政治面貌" in s,
        "political_status",
        "political_status",
        {"options": POLITICAL_OPTIONS},
    ),
    (
        lambda s: "学历" in s or "文化程度" in s,
        "education",
        "education",
        {"options": EDUCATION_OPTIONS},
    ),
    (
        lambda s: any(w in s for w in ("职业资格", "技能等级", "技术等级")),
        "skill_level",
        "skill_level",
        {"options": SKILL_LEVEL_OPTIONS},
    ),
    (lambda s: "成立时间" in s, "year_month", "studio_founded", {}),
    (lambda s: "面积" in s, "area_m2", "", {"min": 1, "max": 100000}),
    (lambda s: "手机" in s, "mobile", "", {}),
    (lambda s: any(w in s for w in ("办电", "办公电话", "传真")), "landline", "", {}),
    (lambda s: "电话" in s, "phone", "", {}),
    (lambda s: "邮箱" in s or "mail" in s.lower(), "email", "email", {}),
    (
        lambda s: s in ("邮编", "邮政编码"),
        "text",
        "postcode",
        {"pattern": POSTCODE, "pattern_hint": "邮政编码应为6位数字。"},
    ),
    (
        lambda s: s.endswith("姓名") or s in ("姓名", "领办人", "领衔人", "技能大师领办人"),
        "name",
        "leader_name",
        {},
    ),
    (lambda s: s == "年龄", "integer", "age", {"min": 16, "max": 80}),
    (lambda s: s == "排名", "integer", "rank", {"min": 1, "max": 100}),
    (lambda s: s == "年度", "year", "year", {"min": 1950, "max": 2100}),
    (lambda s: "参加工作时间" in s, "year_month", "work_start", {}),
    (lambda s: "填报时间" in s, "date", "filled_on", {}),
]


def _field_for(label: str, slot: str, section: str, taken: set[str]) -> FieldSpec:
    """Build a field for a printed ``label``; ``slot`` is the fallback slot name."""
    validator, extra = "text", {}
    for test, rule_validator, rule_slot, rule_extra in RULES:
        if test(label):
            validator, extra = rule_validator, dict(rule_extra)
            if rule_slot and rule_slot not in taken:
                slot = rule_slot
            break
    if validator == "text" and any(w in label for w in LONG_WORDS):
        extra.setdefault("max_len", 2000)
    taken.add(slot)
    return fld(slot, label, f"请填写“{label}”。", validator, section=section, **extra)


def _pick_attachment(notice: Notice) -> Attachment | None:
    forms = [a for a in notice.attachments if any(not f.signature for f in a.fields)]
    for a in forms:
        if "申报表" in a.title or "申请表" in a.title:
            return a
    return forms[0] if forms else None


def _common_items(place: str) -> list[FieldSpec | GroupSpec]:
    return [
        fld("applicant_org", "申报单位", "申报单位的全称？"),
        fld(
            "studio_name",
            "工作室名称",
            "工作室的名称？",
            help=f"通常格式为“{place}+领办人名字+职业工种名称+技能大师工作室”。",
        ),
        person_name("leader_name", "领办人姓名", "领办人"),
        sex(),
        birth(),
        id_number("身份证号码"),
        phone("phone", "联系电话", "领办人"),
        fld("employer", "工作单位", "领办人的工作单位？"),
        fld("occupation", "职业（工种）", "领办人的职业（工种）？"),
        skill_level("职业资格等级"),
        long_text("achievements", "主要工作业绩", "请简述领办人的主要工作业绩。"),
        GroupSpec(
            name="members", label="工作室成员", item_label="成员", fields=member_row(), min_items=1
        ),
        awards_group("awards", "主要获奖情况", min_items=0),
    ]


def _group_name(group: str, n: int, taken: set[str]) -> str:
    name = "members" if "成员" in group or "人员" in group else f"group_{n}"
    if name in taken:
        name = f"group_{n}"
    taken.add(name)
    return name


def generic_spec(notice: Notice) -> FormSpec:
    """Build a :class:`FormSpec` from ``notice.attachments[*].fields``.

    The attachment whose title contains 申报表/申请表 is used, else the first one with
    fields. Repeated fields (``FormField.repeated``) become a :class:`GroupSpec` per
    ``group``; signature fields become ``signature_cells``.

    Args:
        notice: A parsed notice.

    Returns:
        A spec with id ``"generic_<notice.id>"``.
    """
    place = notice.meta.place.name or notice.meta.place.short
    attachment = _pick_attachment(notice)
    title = attachment.title if attachment else f"{place}技能大师工作室申报表"
    spec_id = f"generic_{notice.id}"
    if attachment is None:
        return FormSpec(id=spec_id, notice_id=notice.id, title=title, items=_common_items(place))
    taken: set[str] = set()
    items: list[FieldSpec | GroupSpec] = []
    groups: dict[str, GroupSpec] = {}
    signatures: list[str] = []
    for i, ff in enumerate(attachment.fields):
        label = "".join(ff.label.split())
        if ff.signature:
            signatures.append(label)
        elif label in DATE_BLANKS:
            continue
        elif ff.repeated:
            _add_column(ff, label, i, items, groups, taken)
        else:
            items.append(_field_for(label, f"field_{i}", ff.section, taken))
    return FormSpec(
        id=spec_id,
        notice_id=notice.id,
        title=title,
        attachment=f"附件{attachment.number}" if attachment.number else "",
        items=items,
        signature_cells=signatures,
    )


def _add_column(
    ff: FormField,
    label: str,
    i: int,
    items: list[FieldSpec | GroupSpec],
    groups: dict[str, GroupSpec],
    taken: set[str],
) -> None:
    key = ff.group or ff.section or "重复项"
    group = groups.get(key)
    if group is None:
        group = GroupSpec(
            name=_group_name(key, len(groups) + 1, taken),
            label=key,
            item_label="成员" if "成员" in key or "人员" in key else "项",
            section=ff.section,
            fields=[],
            min_items=0 if "获奖" in key else 1,
        )
        groups[key] = group
        items.append(group)
    column = _field_for(label, f"col_{len(group.fields) + 1}", "", {f.name for f in group.fields})
    if column.name == "leader_name":
        column = column.model_copy(update={"name": "name"})
    group.fields.append(column)
    del i


_REPORT_CONTENT = re.compile(r"(?:内容)?包括[:：]?(.+?)(?:等[，,。；;]|等$|[。；;]|$)")


def report_headings_from(notice: Notice) -> list[str]:
    """申办报告 headings read from the notice's own description of the report, for
    notices without hand-written headings.

    ``"申办报告，包括工作室名称（统一命名为“…”）、领办人及团队成员简介、场地设备情况…等"``
    → ``["工作室名称", "领办人及团队成员简介", "场地设备情况", …]``.

    Returns:
        The headings in the notice's order; empty when no material describes a report.
    """
    for material in notice.facts.materials:
        if "报告" not in material.name:
            continue
        m = _REPORT_CONTENT.search(material.text)
        if not m:
            continue
        body = re.sub(r"[（(][^）)]*[）)]", "", m.group(1))
        parts = re.split(r"[、，,]|以及", body)
        headings = [p.strip().removeprefix("和").strip() for p in parts]
        return [h for h in headings if 2 <= len(h) <= 30]
    return []
