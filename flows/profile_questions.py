"""Profile questions for the quick self-check (我能申报吗): one per slot.

Slot names are shared with the form specs. Values, as stored by the validators:

========================  =============================================================
``birth_date``            ``"YYYY-MM"``
``sex``                   ``"男"`` / ``"女"``
``category``              ``"worker"`` / ``"cadre"`` (women only: original age 50 / 55)
``skill_level``           canonical level, e.g. ``"二级/技师"``, or ``"无"``
``honours``               ``list[str]`` of titles held
``has_unique_skill``      ``bool`` (绝技绝活)
``achievement_types``     ``list[str]`` of the notice's achievement categories
``team_size``             ``int``, members besides the leader
``qualified_members``     ``int``, members incl. the leader holding 技师 or above
``studio_founded``        ``"YYYY-MM"``
``host_type``             ``"企业"`` / ``"职业院校"`` / ``"事业单位"`` / ``"其他"``
``unit_founded``          ``int`` year the host unit was founded
``training_funds_share``  ``float`` percent (太仓, enterprise hosts)
``studio_area``           ``float`` square metres
``holds_studio``          ``bool``, already holds a studio (or its funding) of that level or above
``same_major_exists``     ``bool``
``alt_<n>``               ``bool``, an alternative a notice writes into a condition
                          (``技师、高级技师，或具有绝技绝活``), asked in the notice's words
========================  =============================================================
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from flows.choices import CATEGORY_OPTIONS, SKILL_LEVELS, SKILL_NONE

SLOT_LABELS: dict[str, str] = {
    "birth_date": "领办人的出生年月",
    "sex": "领办人的性别",
    "category": "领办人按工人还是干部身份退休",
    "skill_level": "领办人的职业资格（技能等级）",
    "honours": "领办人获得的荣誉称号",
    "has_unique_skill": "领办人是否具有绝技绝活",
    "achievement_types": "领办人具备的业绩条件",
    "team_size": "除领办人外的团队人数",
    "qualified_members": "具备技师以上资格的人数（含领办人）",
    "studio_founded": "工作室成立时间",
    "host_type": "工作室依托的单位类型",
    "unit_founded": "依托单位的成立年份",
    "training_funds_share": "企业职工教育经费用于高技能人才培养的比例",
    "studio_area": "工作室场地面积",
    "holds_studio": "是否已有同类工作室（或资助）",
    "same_major_exists": "本单位是否已有相同专业（工种）的工作室",
}

HOST_TYPES: tuple[str, ...] = ("企业", "职业院校", "事业单位", "其他")


class ProfileQuestion(BaseModel):
    """One question of the self-check.

    Attributes:
        slot: Profile slot it fills, e.g. ``"birth_date"``.
        prompt: The question in Chinese.
        validator: Name in :data:`flows.validators.VALIDATORS`.
        options: Choices offered (buttons), passed as ``context["options"]``.
        context: Further validator context (``min``, ``max``, ``allow_other`` ...).
        ask_if: Slot → value that must hold for the question to be asked, e.g.
            ``{"sex": "女"}`` for ``category``; empty = always.
    """

    model_config = ConfigDict(frozen=True)

    slot: str
    prompt: str
    validator: str
    options: list[str] = Field(default_factory=list)
    context: dict[str, Any] = Field(default_factory=dict)
    ask_if: dict[str, Any] = Field(default_factory=dict)

    def applies(self, profile: Mapping[str, Any]) -> bool:
        """True when every ``ask_if`` condition holds in ``profile``."""
        return all(profile.get(k) == v for k, v in self.ask_if.items())

    def validator_context(self, profile: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """``context`` plus ``options`` (and the profile's facts, for consistency checks)."""
        return {**(profile or {}), **self.context, "options": list(self.options)}


_MULTI = "可多选，用顿号分隔或回复序号；都没有请回复“无”。"

_BASE: dict[str, tuple[str, str, Sequence[str], dict[str, Any], dict[str, Any]]] = {
    # slot: (prompt, validator, options, context, ask_if)
    "birth_date": ("领办人的出生年月？（例如：1975年3月）", "year_month", (), {}, {}),
    "sex": ("领办人的性别？", "sex", ("男", "女"), {}, {}),
    "category": (
        "领办人按哪类人员确定退休年龄？",
        "retirement_category",
        CATEGORY_OPTIONS,
        {},
        {"sex": "女"},
    ),
    "skill_level": (
        "领办人的职业资格（技能等级）是？",
        "skill_level",
        (*SKILL_LEVELS, SKILL_NONE),
        {},
        {},
    ),
    "honours": (
        f"领办人获得过以下哪些荣誉称号？{_MULTI}",
        "multi_choice",
        (),
        {"allow_other": True},
        {},
    ),
    "has_unique_skill": (
        "领办人是否具有绝技绝活（在挖掘和传承传统工艺上）？",
        "yes_no",
        (),
        {},
        {},
    ),
    "achievement_types": (f"领办人具备以下哪方面的条件？{_MULTI}", "multi_choice", (), {}, {}),
    "team_size": (
        "除领办人外，工作室团队还有几名成员？",
        "integer",
        (),
        {"min": 0, "max": 500},
        {},
    ),
    "qualified_members": (
        "工作室（含领办人）有几人具备技师（二级）或以上职业资格？",
        "integer",
        (),
        {"min": 0, "max": 500},
        {},
    ),
    "studio_founded": ("工作室是哪年哪月成立的？（例如：2018年9月）", "year_month", (), {}, {}),
    "host_type": ("工作室依托哪类单位建立？", "choice", HOST_TYPES, {}, {}),
    "unit_founded": ("依托单位是哪一年成立（注册）的？（例如：2015）", "year", (), {}, {}),
    "training_funds_share": (
        "企业职工教育经费中，用于高技能人才培养、交流等方面的费用占百分之几？",
        "percent",
        (),
        {},
        {"host_type": "企业"},
    ),
    "studio_area": ("工作室场地面积有多少平方米？", "area_m2", (), {}, {}),
    "holds_studio": (
        "领办人或工作室是否已获评（或已获资助）同级或更高级别的同类工作室？",
        "yes_no",
        (),
        {},
        {},
    ),
    "same_major_exists": ("本单位是否已经有相同专业（工种）的工作室？", "yes_no", (), {}, {}),
}

SLOT_ORDER: tuple[str, ...] = tuple(_BASE)
"""The order questions are asked in (dynamic ``alt_<n>`` slots come last)."""


def question(slot: str, options: Sequence[str] | None = None) -> ProfileQuestion:
    """The standard question for ``slot``; ``options`` replaces its default options.

    Raises:
        KeyError: Unknown slot.
    """
    prompt, validator, default, context, ask_if = _BASE[slot]
    return ProfileQuestion(
        slot=slot,
        prompt=prompt,
        validator=validator,
        options=list(default if options is None else options),
        context=dict(context),
        ask_if=dict(ask_if),
    )
