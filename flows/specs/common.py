"""Field factories shared by the per-notice specs.

Every factory takes the printed ``label`` (whitespace removed) so a spec reads like the
form it models; the slot names follow the eligibility module's profile names.
"""

from __future__ import annotations

from typing import Any

from flows import choices
from flows.spec import AskIf, FieldSpec, GroupSpec

SEX_OPTIONS = list(choices.SEXES)
POLITICAL_OPTIONS = list(choices.POLITICAL_STATUSES)
EDUCATION_OPTIONS = list(choices.EDUCATION_LEVELS)
SKILL_LEVEL_OPTIONS = list(choices.SKILL_LEVELS)
YES_NO = ["是", "否"]

POSTCODE = r"\d{6}"
ACCOUNT = r"[0-9 ]{8,34}"


def _with(kw: dict[str, Any], **defaults: Any) -> dict[str, Any]:
    """Merge caller keyword arguments over a factory's defaults."""
    return {**defaults, **kw}


def fld(
    name: str,
    label: str,
    prompt: str = "",
    validator: str = "text",
    **kwargs: Any,
) -> FieldSpec:
    """Build a :class:`FieldSpec`; the prompt defaults to ``请填写“<label>”。``."""
    return FieldSpec(
        name=name,
        label=label,
        prompt=prompt or f"请填写“{label}”。",
        validator=validator,
        **kwargs,
    )


def long_text(name: str, label: str, prompt: str, help: str = "", **kw: Any) -> FieldSpec:
    """A free-text cell for a paragraph (work record, plans); 2000 characters max."""
    kw.setdefault("max_len", 2000)
    help = help or "可以分几句话写；内容较多时可写要点，并注明“详见附页”。"
    return fld(name, label, prompt, "text", help=help, **kw)


def person_name(name: str, label: str, who: str, **kw: Any) -> FieldSpec:
    """A person's name (``name`` validator)."""
    return fld(
        name, label, f"请输入{who}的姓名。", "name", **_with(kw, help="填写身份证上的姓名。")
    )


def sex(label: str = "性别", name: str = "sex", who: str = "领办人", **kw: Any) -> FieldSpec:
    """性别 with 男/女 buttons."""
    return fld(name, label, f"{who}的性别？", "sex", options=SEX_OPTIONS, **kw)


def ethnicity(
    label: str = "民族", name: str = "ethnicity", who: str = "领办人", **kw: Any
) -> FieldSpec:
    """民族, e.g. 汉族."""
    return fld(name, label, f"{who}的民族？（如：汉族）", "ethnicity", **kw)


def political(
    label: str = "政治面貌", name: str = "political_status", who: str = "领办人", **kw: Any
) -> FieldSpec:
    """政治面貌 with the usual choices."""
    return fld(
        name, label, f"{who}的政治面貌？", "political_status", options=POLITICAL_OPTIONS, **kw
    )


def education(label: str, name: str = "education", who: str = "领办人", **kw: Any) -> FieldSpec:
    """学历 / 文化程度."""
    return fld(name, label, f"{who}的{label}？", "education", options=EDUCATION_OPTIONS, **kw)


def skill_level(label: str, name: str = "skill_level", who: str = "领办人", **kw: Any) -> FieldSpec:
    """职业资格（技能）等级 with the five national levels as buttons."""
    return fld(
        name,
        label,
        f"{who}的{label}？",
        "skill_level",
        options=SKILL_LEVEL_OPTIONS,
        **_with(
            kw,
            help="国家职业资格（职业技能等级）：一级/高级技师、二级/技师、三级/高级工、"
            "四级/中级工、五级/初级工。",
        ),
    )


def birth(
    label: str = "出生年月", name: str = "birth_date", who: str = "领办人", **kw: Any
) -> FieldSpec:
    """出生年月 as ``YYYY-MM``."""
    return fld(
        name,
        label,
        f"{who}的出生年月？（如：1975-06）",
        "year_month",
        **_with(kw, help="格式为“年-月”，例如 1975-06 或 1975年6月。"),
    )


def id_number(label: str, name: str = "id_number", who: str = "领办人", **kw: Any) -> FieldSpec:
    """18-digit 居民身份证号码, checked against birth date and sex."""
    return fld(
        name,
        label,
        f"请输入{who}的身份证号码（18位）。",
        "id_number",
        **_with(kw, help="18位居民身份证号码，最后一位可能是 X；需与已填的出生年月、性别一致。"),
    )


def phone(name: str, label: str, who: str = "", **kw: Any) -> FieldSpec:
    """A mobile or landline number."""
    return fld(
        name,
        label,
        f"请输入{who}{label}（手机或座机）。",
        "phone",
        **_with(kw, help="手机号11位；座机请带区号，如 0512-53542494。"),
    )


def mobile(name: str, label: str = "手机", who: str = "", **kw: Any) -> FieldSpec:
    """An 11-digit mobile number."""
    return fld(name, label, f"请输入{who}手机号码。", "mobile", **_with(kw, help="11位手机号码。"))


def landline(name: str, label: str, who: str = "", **kw: Any) -> FieldSpec:
    """A landline number with area code."""
    return fld(
        name,
        label,
        f"请输入{who}{label}（座机，带区号）。",
        "landline",
        **_with(kw, help="座机号码请带区号，如 0577-88990719。"),
    )


def email(name: str, label: str, **kw: Any) -> FieldSpec:
    """An e-mail address."""
    return fld(
        name, label, f"请输入{label}。", "email", **_with(kw, help="例如 name@example.com。")
    )


def postcode(name: str, label: str, **kw: Any) -> FieldSpec:
    """A 6-digit 邮政编码."""
    return fld(
        name,
        label,
        f"请输入{label}（6位数字）。",
        "text",
        pattern=POSTCODE,
        pattern_hint="邮政编码应为6位数字。",
        **kw,
    )


def year_month(name: str, label: str, prompt: str, **kw: Any) -> FieldSpec:
    """A ``YYYY-MM`` date such as 参加工作时间."""
    return fld(name, label, prompt, "year_month", **_with(kw, help="格式为“年-月”，例如 1998-07。"))


def area(name: str, label: str, **kw: Any) -> FieldSpec:
    """A floor area in square metres."""
    return fld(
        name,
        label,
        f"{label}有多少平方米？",
        "area_m2",
        **_with(kw, help="填写数字，单位为平方米，例如 120。", min=1, max=100000, unit="平方米"),
    )


def yes_no(name: str, label: str, prompt: str, **kw: Any) -> FieldSpec:
    """A 是/否 question."""
    return fld(name, label, prompt, "yes_no", options=YES_NO, **kw)


def team_size(label: str, **kw: Any) -> FieldSpec:
    """Members besides the leader (profile slot ``team_size``), printed ``4人（不含领办人）``."""
    return fld(
        "team_size",
        label,
        "除领办人外，工作室团队还有几名成员？",
        "integer",
        **_with(kw, min=0, max=500, unit="人（不含领办人）", help="只填人数，例如 4。"),
    )


def when(slot: str, equals: Any = True) -> AskIf:
    """Shorthand for :class:`AskIf`."""
    return AskIf(slot=slot, equals=equals)


def awards_group(name: str, label: str, section: str = "", min_items: int = 1) -> GroupSpec:
    """The 获奖情况 table: 获奖项目 | 奖励名称 | 授予单位 | 等级 | 排名 | 年度."""
    return GroupSpec(
        name=name,
        label=label,
        item_label="获奖",
        prompt="下面逐项填写获奖情况，每项获奖填一行。",
        section=section,
        min_items=min_items,
        max_items=10,
        fields=[
            fld("project", "获奖项目", "获奖项目是什么？（如：数控车削技术攻关）"),
            fld("award", "奖励名称", "奖励名称？（如：江苏省技术能手）"),
            fld("grantor", "授予单位", "授予单位？"),
            fld("level", "等级", "获奖等级？（如：省级、一等奖）"),
            fld("rank", "排名", "本人排名第几？（个人奖填 1）", "integer", min=1, max=100),
            fld("year", "年度", "获奖年度？（如：2022）", "year", min=1950, max=2100),
        ],
    )


def member_row(
    *,
    with_sex: bool = False,
    with_education: bool = False,
    occupation_label: str = "",
    qualification_label: str = "职业资格",
    specialty_label: str = "",
    achievement_label: str = "突出业绩",
) -> list[FieldSpec]:
    """Columns of a team-member table, in the order given by the flags' form."""
    cols = [person_name("name", "姓名", "该成员")]
    if with_sex:
        cols.append(sex(who="该成员"))
    cols.append(fld("age", "年龄", "该成员的年龄？", "integer", min=16, max=80))
    if with_education:
        cols.append(education("学历", who="该成员"))
    if occupation_label:
        cols.append(fld("occupation", occupation_label, "该成员的职业（工种）？"))
    cols.append(skill_level(qualification_label, who="该成员"))
    if specialty_label:
        cols.append(fld("specialty", specialty_label, "该成员的技能特长？", max_len=200))
    cols.append(
        fld("achievements", achievement_label, "该成员的主要业绩？（一两句话）", max_len=500)
    )
    return cols
