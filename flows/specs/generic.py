"""A form spec built from a parsed notice's attachment, for notices without a hand spec.

:func:`generic_spec` maps known printed labels to validators and profile slot names
(姓名 → ``name``, 身份证号码 → ``id_number``, 出生年月 → ``year_month`` ...); unknown
labels become free-text fields. A notice whose attachments list no fields gets a
common set of fields every 技能大师工作室 form asks for.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from flows.spec import FieldSpec, FormKind, FormSpec, GroupSpec
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

DATE_BLANKS = frozenset({"年", "月", "日"})
"""The blanks of a printed date line (``填报日期：  年  月  日``), not fields of their own."""

_NOTE = re.compile(r"[（(][^）)]*[）)]")
_LONG_END = re.compile(
    r"(情况|简介|业绩|成果|计划|措施|说明|经历|简历|理由|方案|事迹|贡献|目标|规划|思路)$"
)
_CHOOSE_MANY = re.compile(r"(荣誉|奖项|称号|奖励|获奖)")
_LEVELS = re.compile(r"(技师|高级工|中级工|初级工|[一二三四五]级)")
_NOT_FILLED = re.compile(r"(汇总|名额|分配|一览|统计)")


class _Type(NamedTuple):
    validator: str
    slot: str
    extra: dict[str, Any]
    confidence: float


# (pattern on the whole label, notes in brackets removed; validator; the leader's slot; params)
_TYPES: list[tuple[re.Pattern[str], str, str, dict[str, Any]]] = [
    (
        re.compile(r"^(?:领办人|领衔人)?(?:公民)?身份证(?:号码|号)?$|^公民身份号码$"),
        "id_number",
        "id_number",
        {},
    ),
    (
        re.compile(r"^(?:领办人|领衔人)?姓名$|^(?:领办人|领衔人|技能大师领办人)$"),
        "name",
        "leader_name",
        {},
    ),
    (
        re.compile(
            r"^(?:单位|申报单位|依托单位|工作室|项目)?(?:负责人|联系人|法定代表人|法人代表)(?:姓名)?$"
        ),
        "name",
        "",
        {},
    ),
    (re.compile(r"^性别$"), "sex", "sex", {"options": SEX_OPTIONS}),
    (re.compile(r"^出生年月$"), "year_month", "birth_date", {}),
    (re.compile(r"^出生日期$"), "date", "birth_date", {}),
    (re.compile(r"^民族$"), "ethnicity", "ethnicity", {}),
    (
        re.compile(r"^政治面貌$"),
        "political_status",
        "political_status",
        {"options": POLITICAL_OPTIONS},
    ),
    (
        re.compile(r"^(?:最高)?(?:学历|文化程度)$"),
        "education",
        "education",
        {"options": EDUCATION_OPTIONS},
    ),
    (
        re.compile(
            r"^(?:职业资格|技能等级|职业技能等级|技术等级|职业资格等级|职业资格（职业技能等级）)(?:等级)?$"
        ),
        "skill_level",
        "skill_level",
        {"options": SKILL_LEVEL_OPTIONS},
    ),
    (re.compile(r"^(?:工作室)?成立(?:时间|日期|年月)$"), "year_month", "studio_founded", {}),
    (
        re.compile(
            r"(?:成立|注册|取证|发证|参加工作|入职|认定|获得)[\u4e00-\u9fff]{0,4}?(?:时间|日期|年月)$"
        ),
        "year_month",
        "",
        {},
    ),
    (re.compile(r"^(?:填报|填表|申报)(?:时间|日期)$"), "date", "filled_on", {}),
    (
        re.compile(r"(?:面积)(?:（?平方米）?)?$"),
        "area_m2",
        "",
        {"min": 1, "max": 100000, "unit": "平方米"},
    ),
    (re.compile(r"^(?:手机|手机号码|移动电话)$"), "mobile", "", {}),
    (re.compile(r"^(?:办公电话|固定电话|座机|传真)$"), "landline", "", {}),
    (
        re.compile(r"(?:人|姓名)(?:及|和|与|/|、)(?:其)?(?:联系)?电话$"),
        "text",
        "",
        {},
    ),  # 联系人及电话
    (re.compile(r"(?:联系)?电话$|^联系方式$"), "phone", "", {}),
    (
        re.compile(r"^(?:电子)?(?:邮箱|信箱)$|^E-?mail$|^电子邮件$", re.IGNORECASE),
        "email",
        "email",
        {},
    ),
    (
        re.compile(r"^(?:邮编|邮政编码)$"),
        "text",
        "postcode",
        {"pattern": POSTCODE, "pattern_hint": "邮政编码应为6位数字。"},
    ),
    (
        re.compile(r"^统一社会信用代码$"),
        "text",
        "credit_code",
        {
            "pattern": r"[0-9A-HJ-NPQRTUWXY]{18}",
            "pattern_hint": "统一社会信用代码为18位数字或大写字母。",
        },
    ),
    (
        re.compile(r"(?:人数|人员数|成员数|职工数|总数)$"),
        "integer",
        "",
        {"min": 0, "max": 100000, "unit": "人"},
    ),
    (re.compile(r"(?:年限|工龄)$"), "integer", "", {"min": 0, "max": 70, "unit": "年"}),
    (  # 其中技师以上: how many of the team
        re.compile(r"^其中[\u4e00-\u9fff（）()]{0,10}?(?:以上|人员|人数|人)$"),
        "integer",
        "",
        {"min": 0, "max": 100000, "unit": "人"},
    ),
    (re.compile(r"^年龄$"), "integer", "age", {"min": 16, "max": 80}),
    (re.compile(r"^(?:排名|推荐排序)$"), "integer", "", {"min": 1, "max": 1000}),
    (re.compile(r"^是否"), "yes_no", "", {"options": ["是", "否"]}),
    (re.compile(r"^(?:申报|依托)?工作室名称$"), "text", "studio_name", {}),
    (
        re.compile(r"^(?:申报单位|依托单位|单位名称|申报单位名称|依托单位名称)$"),
        "text",
        "applicant_org",
        {},
    ),
    (
        re.compile(r"^(?:从事)?(?:职业|工种|职业（工种）|职业工种|从事工种)$"),
        "text",
        "occupation",
        {},
    ),
    (re.compile(r"^年度$"), "year", "year", {"min": 1950, "max": 2100}),
]


def field_type(
    label: str, options: list[str] | None = None, long: bool = False, unit: str = ""
) -> _Type:
    """The type of a form field from its whole printed label and its printed choices.

    Labels are matched as a whole (notes in brackets aside), never by a word inside
    them: ``近三年带徒情况（包括…技能等级…）`` is a paragraph, not a skill level. Printed
    choices (``□国有企业 □民营企业``) make a choice field — several may be ticked for
    honours; a level list keeps the level validator so the self-check's answer fits.

    A blank printed with a unit (``______人``, ``unit="人"``) is a number in that unit.

    Returns:
        ``(validator, leader slot or "", params, confidence)``; an unknown label is free
        text with confidence 0.3.
    """
    core = _NOTE.sub("", label).strip("：: ")
    opts = [o for o in options or [] if o]
    if opts:
        if core in ("性别",):
            return _Type("sex", "sex", {"options": opts}, 0.95)
        if _LEVELS.search("".join(opts)) and re.search(r"(等级|资格)", core):
            return _Type("skill_level", "skill_level", {"options": opts}, 0.9)
        many = bool(_CHOOSE_MANY.search(core))
        return _Type(
            "multi_choice" if many else "choice",
            "",
            {"options": opts, "allow_other": "其他" in opts},
            0.9,
        )
    if (
        long
        or (_LONG_END.search(core) and len(core) >= 4)
        or re.search(r"限\d+字|\d+字以内", label)
        or (_CHOOSE_MANY.search(core) and _NOTE.search(label))
    ):  # 获得荣誉（按时间顺序填写）: a list
        return _Type("text", "", {"max_len": 2000}, 0.8)
    for rx, validator, slot, extra in _TYPES:
        if rx.search(core):
            return _Type(validator, slot, dict(extra), 0.9)
    if unit in ("人", "名", "个", "项", "年"):
        return _Type("integer", "", {"min": 0, "max": 100000, "unit": unit}, 0.8)
    if unit in ("平方米", "㎡"):
        return _Type("area_m2", "", {}, 0.8)
    if unit in ("万元", "元"):
        return _Type("amount_yuan", "", {}, 0.8)
    return _Type("text", "", {}, 0.3)


def _prompt(label: str, t: _Type, hint: str) -> tuple[str, str]:
    """The question for a field and its help text, from its label, type and the form's hint."""
    core = _NOTE.sub("", label)
    bracket = _NOTE.search(label)
    note = hint.strip("（）() ") or (bracket.group(0).strip("（）()") if bracket else "")
    if t.validator in ("choice", "sex", "skill_level"):
        prompt = f"请选择“{core}”。"
    elif t.validator == "multi_choice":
        prompt = f"请选择“{core}”（可多选，用顿号分隔或回复序号；都没有请回复“无”）。"
    elif t.extra.get("max_len"):
        prompt = f"请简要填写“{core}”（可分几句话写）。"
    elif t.validator == "name":
        prompt = f"请输入“{core}”（姓名）。"
    elif t.validator in ("year_month",):
        prompt = f"请填写“{core}”（年月，例如：2018年9月）。"
    elif t.validator == "date":
        prompt = f"请填写“{core}”（日期，例如：2026年3月5日）。"
    else:
        prompt = f"请填写“{core}”。"
    return prompt, note


def _field_for(ff: FormField, label: str, slot: str, section: str, taken: set[str]) -> FieldSpec:
    """Build a field for a printed ``label``; ``slot`` is the fallback slot name."""
    t = field_type(ff.label, ff.options, ff.long, ff.unit)
    if t.slot and t.slot not in taken:
        slot = t.slot
    taken.add(slot)
    prompt, help_ = _prompt(ff.label, t, ff.hint)
    extra = dict(t.extra)
    extra.pop("allow_other", None)  # 其他 is one of the printed options
    return fld(slot, label, prompt, t.validator, section=section, help=help_, **extra)


def _pick_attachment(notice: Notice) -> Attachment | None:
    forms = fillable_attachments(notice)
    for a in forms:
        if "申报表" in a.title or "申请表" in a.title:
            return a
    return forms[0] if forms else None


def fillable_attachments(notice: Notice) -> list[Attachment]:
    """The attachments an applicant fills: forms with fields of their own (申报表, 成员名单,
    推荐表), not the bureaus' summaries (汇总表, 名额分配表) or an outline."""
    return [
        a
        for a in notice.attachments
        if any(not f.signature for f in a.fields)
        and not _NOT_FILLED.search(a.title)
        and not re.search(r"(提纲|方案|报告)[)）]?$", a.title)
    ]


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


def generic_specs(notice: Notice) -> list[FormSpec]:
    """One :class:`FormSpec` per attachment the applicant fills, the application form
    first; a notice whose attachments list no fields gets the common fields of a
    技能大师工作室 form."""
    forms = fillable_attachments(notice)
    main = _pick_attachment(notice)
    ordered = ([main] if main else []) + [a for a in forms if a is not main]
    if not ordered:
        return [generic_spec(notice)]
    return [
        _spec_from(notice, a, f"generic_{notice.id}" + (f"_{k}" if k else ""))
        for k, a in enumerate(ordered)
    ]


def generic_spec(notice: Notice) -> FormSpec:
    """The spec of the notice's main application form (see :func:`generic_specs`).

    Returns:
        A spec with id ``"generic_<notice.id>"``.
    """
    place = notice.meta.place.name or notice.meta.place.short
    attachment = _pick_attachment(notice)
    spec_id = f"generic_{notice.id}"
    if attachment is None:
        return FormSpec(
            id=spec_id,
            notice_id=notice.id,
            title=f"{place}技能大师工作室申报表",
            items=_common_items(place),
        )
    return _spec_from(notice, attachment, spec_id)


def _spec_from(notice: Notice, attachment: Attachment, spec_id: str) -> FormSpec:
    """A spec from one attachment: typed fields, repeated rows as groups, signature cells
    blank, the form's own grid for printing and its 注 lines."""
    title = attachment.title
    taken: set[str] = set()
    items: list[FieldSpec | GroupSpec] = []
    groups: dict[str, GroupSpec] = {}
    signatures: list[str] = []
    by_label: dict[str, str] = {}
    for i, ff in enumerate(attachment.fields):
        label = "".join(ff.label.split())
        if ff.signature:
            signatures.append(label)
        elif label in DATE_BLANKS:
            continue
        elif ff.repeated and label == "序号":
            continue  # numbered when printed
        elif ff.repeated:
            _add_column(ff, label, i, items, groups, taken)
            by_label[f"#{ff.group}"] = groups[ff.group or ff.section or "重复项"].name
        else:
            field = _field_for(ff, label, f"field_{i}", ff.section, taken)
            items.append(field)
            by_label[label] = field.name
    sections = list(dict.fromkeys(i.section for i in items if i.section))
    kind = (
        FormKind.MEMBER_RECORD
        if re.search(r"(名单|花名册|备案表|成员)", title) and groups
        else FormKind.APPLICATION
    )
    notes = [ln.strip() for ln in attachment.text.splitlines() if re.match(r"^\s*注[:：]", ln)]
    return FormSpec(
        id=spec_id,
        notice_id=notice.id,
        title=title,
        attachment=f"附件{attachment.number}" if attachment.number else "",
        kind=kind,
        sections=sections,
        items=items,
        signature_cells=signatures,
        notes=notes,
        grid=_grid(attachment, by_label),
    )


def _label(cell: str) -> str:
    return "".join(cell.split()).rstrip(":：_")


def _grid(attachment: Attachment, by_label: dict[str, str]) -> list[list[str]]:
    """The attachment's rows with each value cell a ``{slot}`` placeholder (``{slot|ticks}``
    where the form prints checkboxes), a row of labels alone followed by a row of its
    values, and the rows of a repeated table one ``{group:<slot>}`` row after its header."""
    rows: list[list[str]] = []
    for r, row in enumerate(attachment.rows):
        cells: list[str] = []
        for c in row:  # 年 月 日 blanks: a date field's value cell, else part of the cell before
            blank = c.strip() in DATE_BLANKS
            if blank and cells and _label(cells[-1]) in by_label:
                cells.append("")
            elif blank and len(cells) >= 2 and cells[-1] == "" and _label(cells[-2]) in by_label:
                continue
            elif blank and cells:
                cells[-1] = f"{cells[-1]} {c.strip()}".strip()
            else:
                cells.append(c)
        header = [f for f in attachment.fields if f.repeated and f.row == r]
        if header:
            rows.append([c for c in cells if c])
            name = by_label.get(f"#{header[0].group}", "")
            if name:
                rows.append([f"{{group:{name}}}"])
            continue
        labels = ["".join(c.split()).rstrip(":：_") for c in cells]
        if len(cells) >= 2 and all(lb in by_label for lb in labels):  # labels above, values below
            rows.append(cells)
            rows.append([f"{{{by_label[lb]}}}" for lb in labels])
            continue
        out: list[str] = []
        i = 0
        while i < len(cells):
            label = "".join(cells[i].split()).rstrip(":：_")
            out.append(cells[i])
            if label in by_label:
                slot = by_label[label]
                nxt = cells[i + 1] if i + 1 < len(cells) else ""
                if re.fullmatch(r"\s*(年\s*)?(月\s*)?日?\s*", nxt) or nxt.lstrip().startswith(
                    ("□", "☐", "（", "(")
                ):
                    ticks = "|ticks" if nxt.lstrip().startswith(("□", "☐")) else ""
                    out.append(f"{{{slot}{ticks}}}")
                    i += 2 if i + 1 < len(cells) else 1
                    while i < len(cells) and not cells[i].strip():  # the value cell's merged blanks
                        i += 1
                    continue
                out.append(f"{{{slot}}}")
            i += 1
        rows.append(out)
    return rows


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
    column = _field_for(
        ff, label, f"col_{len(group.fields) + 1}", "", {f.name for f in group.fields}
    )
    if column.name == "leader_name":
        column = column.model_copy(update={"name": "name"})
    group.fields.append(column)
    del i


_REPORT_CONTENT = re.compile(r"(?:内容)?包括[:：]?(.+?)(?:等[，,。；;]|等$|[。；;]|$)")


OUTLINE_WORDS = ("申办报告", "申报报告", "建设方案", "建设规划", "工作方案", "申报书")
"""Materials the applicant writes as a document: an outline of it is generated."""
_TOP_HEADING = re.compile(r"^\s*[一二三四五六七八九十]+、\s*(.+?)\s*$")


def outline_from(notice: Notice, programme: str = "") -> tuple[str, list[str]]:
    """The document the notice asks the applicant to write (申办报告, 建设方案, 建设规划…)
    and its headings, from the notice itself: the outline attachment's 一、二、 headings
    (``附件3 建设方案（提纲）``), else the material's own description (``建设方案应包括
    工作室基本情况、建设目标…等内容``).

    Returns:
        ``(kind, headings)`` such as ``("建设方案", ["工作室基本情况", …])``; headings
        empty when the notice asks for the document without describing it, ``("", [])``
        when it asks for none.
    """
    found = ""
    for m in notice.facts.materials:
        if m.programme and programme and m.programme != programme:
            continue
        kind = next((w for w in OUTLINE_WORDS if w in m.name), "")
        if not kind:
            continue
        for a in notice.attachments:
            if kind in a.title or (
                ("提纲" in a.title or "报告" in a.title) and kind[-2:] in a.title
            ):
                heads = [h.group(1) for ln in a.text.splitlines() if (h := _TOP_HEADING.match(ln))]
                if len(heads) >= 2:
                    return kind, [re.sub(r"[（(][^）)]*[）)]$", "", h).strip() for h in heads]
        heads = _described_headings(m.text)
        if heads:
            return kind, heads
        found = found or kind
    return found, []


def _described_headings(text: str) -> list[str]:
    m = _REPORT_CONTENT.search(text)
    if not m:
        return []
    body = re.sub(r"[（(][^）)]*[）)]", "", m.group(1))
    parts = re.split(r"[、，,]|以及", body)
    headings = [
        p.strip().removeprefix("和").strip().removesuffix("等内容").removesuffix("内容")
        for p in parts
    ]
    return [h for h in headings if 2 <= len(h) <= 30]
