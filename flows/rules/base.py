"""Building blocks of eligibility rules: verdicts, the rule record, profile questions
and the reusable checks (skill level, honours, achievement types, retirement, counts).

A rule is data plus one pure function ``check(profile, today) -> Outcome``. The profile
is a mapping of slot values as stored by the validators (see
:data:`flows.rules.questions.SLOT_LABELS` for the slot names).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NamedTuple

from rapidfuzz import fuzz

from flows.choices import normalise, skill_level_rank
from knowledge.retirement import YearMonth, months_to_retirement
from flows.rules.questions import SLOT_LABELS

STUDIO = "技能大师工作室"
CHIEF = "企业首席技师"


class Verdict(StrEnum):
    """Result of one rule or of a whole check."""

    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"  # a slot the rule needs is missing or unreadable


class Outcome(NamedTuple):
    """What a rule's check returns.

    Attributes:
        verdict: met / not_met / unknown.
        reason: Chinese, one sentence, shown to the user.
        missing: Slot names whose absence made the verdict unknown.
    """

    verdict: Verdict
    reason: str
    missing: tuple[str, ...] = ()


Check = Callable[[Mapping[str, Any], dt.date], Outcome]


@dataclass(frozen=True)
class Rule:
    """One eligibility condition of a notice.

    Attributes:
        id: Stable id, ``"<place>.<programme>.<what>"``, e.g. ``"wuxi.studio.age"``.
        description: The condition in Chinese, e.g. ``"领办人年龄不超过55周岁"``.
        notice_id: e.g. ``"003_56cbf65dfd360609"``.
        clause: Reference of the source clause, e.g. ``"一、（三）"``.
        quote: A short verbatim quote of the clause.
        check: ``(profile, today) -> Outcome``.
        slots: Profile slots the check reads, in the order to ask them.
        programme: ``"技能大师工作室"`` or ``"企业首席技师"``.
        required: False for advisory rules that never make the overall verdict not_met.
    """

    id: str
    description: str
    notice_id: str
    clause: str
    quote: str
    check: Check
    slots: tuple[str, ...]
    programme: str = STUDIO
    required: bool = True


def value_of(profile: Mapping[str, Any], slot: str) -> Any:
    """The slot's value, ``None`` when absent or blank."""
    value = profile.get(slot)
    return None if value is None or (isinstance(value, str) and not value.strip()) else value


def unknown(*slots: str, reason: str = "") -> Outcome:
    """An unknown outcome naming the missing slots."""
    labels = "、".join(SLOT_LABELS.get(s, s) for s in slots)
    return Outcome(Verdict.UNKNOWN, reason or f"还需要知道：{labels}。", slots)


def as_list(value: Any) -> list[str]:
    """A list slot as strings; a free-text answer is split on 、，,;； and newlines."""
    if value is None:
        return []
    if isinstance(value, str):
        return [p for p in re.split(r"[、，,;；\n]+", value) if p.strip()]
    return [str(v) for v in value if str(v).strip()]


# --- reusable checks ------------------------------------------------------------------

def skill_at_least(max_rank: int, wanted: str, note: str = "") -> Check:
    """Check ``skill_level`` rank ≤ ``max_rank`` (2 = 二级/技师 or above); ``note`` is
    appended to the not-met reason."""

    def check(profile: Mapping[str, Any], today: dt.date) -> Outcome:
        level = value_of(profile, "skill_level")
        if level is None:
            return unknown("skill_level")
        try:
            rank = skill_level_rank(str(level))
        except ValueError:
            return unknown("skill_level", reason=f"无法识别职业资格等级“{level}”，请重新填写。")
        if rank <= max_rank:
            return Outcome(Verdict.MET, f"领办人职业资格为{level}，达到{wanted}。")
        return Outcome(Verdict.NOT_MET, f"领办人职业资格为{level}，未达到{wanted}。{note}")

    return check


def flag(slot: str, yes: str, no: str, *, wanted: bool = True) -> Check:
    """Check a yes/no slot equals ``wanted``; ``yes``/``no`` are the reasons."""

    def check(profile: Mapping[str, Any], today: dt.date) -> Outcome:
        value = value_of(profile, slot)
        if value is None:
            return unknown(slot)
        ok = bool(value) == wanted
        return Outcome(Verdict.MET if ok else Verdict.NOT_MET, yes if bool(value) else no)

    return check


def count_at_least(slot: str, minimum: int, what: str, note: str = "") -> Check:
    """Check an integer slot ≥ ``minimum``; ``what`` names the counted people."""

    def check(profile: Mapping[str, Any], today: dt.date) -> Outcome:
        value = value_of(profile, slot)
        if value is None:
            return unknown(slot)
        try:
            n = int(value)
        except (TypeError, ValueError):
            return unknown(slot, reason=f"无法识别人数“{value}”，请填写数字。")
        if n >= minimum:
            return Outcome(Verdict.MET, f"{what}{n}人，不少于{minimum}人。")
        return Outcome(Verdict.NOT_MET, f"{what}只有{n}人，少于{minimum}人。{note}")

    return check


def matched_options(
    values: Iterable[str], options: Sequence[str], aliases: Mapping[str, str] | None = None,
    *, cutoff: float = 88.0,
) -> list[str]:
    """Options designated by free-form values (honours, achievement types).

    A value designates an option when the option (or one of its aliases) is contained
    in it after :func:`flows.choices.normalise`, or their rapidfuzz ratio ≥ ``cutoff``;
    failing that, when it is contained in exactly one option (at least 4 characters).
    ``"江苏省技术能手（2019年）"`` → ``["江苏省技术能手"]``; ``"技术能手"`` alone
    designates nothing (too vague to tell 全国/省/市 apart).

    Returns:
        Matched options in option order.
    """
    keys: dict[str, str] = {normalise(o): o for o in options}
    for alias, target in (aliases or {}).items():
        keys.setdefault(normalise(alias), target)
    found: set[str] = set()
    for raw in values:
        text = normalise(re.sub(r"\d{4}年?|称号|荣誉|获得|荣获", "", raw))
        if not text:
            continue
        hits = {o for k, o in keys.items() if k in text or fuzz.ratio(text, k) >= cutoff}
        around = {o for k, o in keys.items() if len(text) >= 4 and text in k}
        found |= hits or (around if len(around) == 1 else set())
    return [o for o in options if o in found]


def one_of(
    slot: str, options: Sequence[str], what: str, aliases: Mapping[str, str] | None = None
) -> Check:
    """Check a list slot designates at least one of ``options``."""

    def check(profile: Mapping[str, Any], today: dt.date) -> Outcome:
        value = value_of(profile, slot)
        if value is None:
            return unknown(slot)
        hits = matched_options(as_list(value), options, aliases)
        if hits:
            return Outcome(Verdict.MET, f"具备{what}：{'、'.join(hits)}。")
        return Outcome(Verdict.NOT_MET, f"未具备所列{what}中的任何一项。")

    return check


def any_of(*checks: Check) -> Check:
    """Met when one check is met; else unknown when one is unknown; else not met."""

    def check(profile: Mapping[str, Any], today: dt.date) -> Outcome:
        outcomes = [c(profile, today) for c in checks]
        met = [o for o in outcomes if o.verdict is Verdict.MET]
        if met:
            return met[0]
        missing = tuple(dict.fromkeys(s for o in outcomes for s in o.missing))
        if missing:
            return unknown(*missing)
        return Outcome(Verdict.NOT_MET, "".join(o.reason for o in outcomes))

    return check


def birth_of(profile: Mapping[str, Any]) -> YearMonth | None:
    """``birth_date`` as a :class:`YearMonth`, ``None`` when absent or unreadable."""
    value = value_of(profile, "birth_date")
    try:
        return None if value is None else YearMonth.parse(value)
    except ValueError:
        return None


def retirement_inputs(profile: Mapping[str, Any]) -> tuple[YearMonth, str, str] | Outcome:
    """``(birth, sex, category)`` for :mod:`knowledge.retirement`, or an unknown outcome
    naming what is missing (``category`` is only needed for women)."""
    birth, sex, category = birth_of(profile), value_of(profile, "sex"), value_of(profile, "category")
    missing = [s for s, v in (("birth_date", birth), ("sex", sex)) if v is None]
    if sex == "女" and category not in ("worker", "cadre"):
        missing.append("category")
    if missing or birth is None:
        return unknown(*missing)
    return birth, str(sex), str(category or "worker")


def months_left(profile: Mapping[str, Any], today: dt.date) -> int | Outcome:
    """Months from ``today`` to the statutory retirement month, or an unknown outcome."""
    inputs = retirement_inputs(profile)
    if isinstance(inputs, Outcome):
        return inputs
    birth, sex, category = inputs
    return months_to_retirement(birth, sex, category, today)  # type: ignore[arg-type]


def ym_text(ym: YearMonth) -> str:
    """``YearMonth(1975, 3)`` → ``"1975年3月"``."""
    return f"{ym.year}年{ym.month}月"
