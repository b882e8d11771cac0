"""Eligibility self-check ("我能申报吗") generated from a notice's parsed conditions.

There is no code per notice. :func:`rules_for` turns the conditions the parser found in
any notice (:attr:`knowledge.models.Facts.conditions`: age limit, retirement margin,
team size, qualified members, running years, qualification, honours, one-of lists,
funding share, floor area, one studio per trade, and the qualitative 全部/其他 lists)
into :class:`Rule` records, each with its clause and quote. Every check is done by the
same rule engine as the Q&A verdicts (:func:`knowledge.eligibility.rules.check_condition`):
the self-check's answers (slot values, see :mod:`flows.profile_questions`) become a
:class:`knowledge.profile.Profile` and each condition is judged on it.

Verdicts: ``met`` ✅, ``not_met`` ❌, ``unknown`` ❔ — a slot is missing, or the notice
leaves the rule open (does the team of 5 include the leader? a relaxation the applicant
may fall under), with the reason. Overall: ``not_met`` if a required rule is not met,
else ``unknown`` if one is open, else ``met``. Qualitative lists (有场地、有制度 ...) are
advisory rules: shown as ❔ to check against the text, never deciding the verdict.

Errors::

    LookupError
    └── UnknownProgrammeError   the notice has no checkable condition for the programme
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple

from pydantic import BaseModel, Field

from flows.choices import skill_level_rank
from flows.profile_questions import SLOT_LABELS, SLOT_ORDER, ProfileQuestion, question
from knowledge.eligibility.rules import Finding, Status, check_condition, section_text
from knowledge.models import Condition, ConditionKind, Notice
from knowledge.profile import Profile
from knowledge.text import shorten

__all__ = [
    "DEFAULT_PROGRAMME",
    "EligibilityReport",
    "ProfileQuestion",
    "Rule",
    "RuleResult",
    "UnknownProgrammeError",
    "Verdict",
    "check_eligibility",
    "next_question",
    "programmes",
    "questions_for",
    "rules_for",
]

DEFAULT_PROGRAMME = "技能大师工作室"
_REMINDER = (
    "通知中的其他要求（工作场地、设备设施、经费支持、管理制度等）无法在线自测，请对照通知原文准备。"
)


class UnknownProgrammeError(LookupError):
    """The notice has no checkable condition for the programme."""


class Verdict(StrEnum):
    """Result of one rule or of a whole check."""

    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"


class Outcome(NamedTuple):
    """What a rule's check returns: verdict, one Chinese sentence, slots still needed."""

    verdict: Verdict
    reason: str
    missing: tuple[str, ...] = ()


Check = Callable[[Mapping[str, Any], dt.date], Outcome]


@dataclass(frozen=True)
class Rule:
    """One eligibility condition of a notice, made checkable.

    Attributes:
        id: Stable within the notice, e.g. ``"age_max"``, ``"qualification|honours"``.
        description: The condition in Chinese, e.g. ``"领办人年龄不超过55周岁"``.
        notice_id: The notice it comes from.
        clause: Reference of the source clause, e.g. ``"一、（三）"``.
        quote: The condition as written (shortened to about 120 characters).
        check: ``(profile slots, today) -> Outcome``.
        slots: Profile slots the check reads, in asking order.
        programme: The programme it belongs to.
        required: False for advisory rules that never decide the overall verdict.
        options: Slot → the notice's own options (honours list, one-of items).
        prompts: Slot → question text for slots worded by the notice (``alt_<n>``).
    """

    id: str
    description: str
    notice_id: str
    clause: str
    quote: str
    check: Check
    slots: tuple[str, ...]
    programme: str = DEFAULT_PROGRAMME
    required: bool = True
    options: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    prompts: Mapping[str, str] = field(default_factory=dict)


class RuleResult(BaseModel):
    """One rule applied to a profile.

    Attributes:
        rule_id: e.g. ``"age_max"``.
        description: The condition in Chinese.
        clause: Clause reference, e.g. ``"一、（三）"``.
        quote: The condition as written in the notice.
        verdict: met / not_met / unknown.
        reason: Chinese explanation for this profile.
        required: Whether it counts for the overall verdict.
        missing: Slots whose absence made it unknown (empty when the notice leaves it open).
    """

    rule_id: str
    description: str
    clause: str
    quote: str
    verdict: Verdict
    reason: str
    required: bool = True
    missing: list[str] = Field(default_factory=list)


class EligibilityReport(BaseModel):
    """The self-check result for one notice and programme.

    Attributes:
        notice_id: e.g. ``"002_776fcaae778a508b"``.
        programme: e.g. ``"技能大师工作室"``.
        today: The date the check was made for (ages, running time, retirement).
        verdict: Overall verdict.
        results: Per-rule results in rule order.
        summary: One or two Chinese sentences.
        next_steps: Chinese action items (``"可以准备申报材料"``, what to fix, what to add).
        missing_slots: Slots still needed, in question order.
    """

    notice_id: str
    programme: str
    today: dt.date
    verdict: Verdict
    results: list[RuleResult]
    summary: str
    next_steps: list[str]
    missing_slots: list[str] = Field(default_factory=list)


# --- from the self-check's answers to the engine's profile ------------------------------


def _year_month(value: Any) -> tuple[int, int] | None:
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", str(value or ""))
    return (int(m.group(1)), int(m.group(2))) if m else None


def _yes(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


def to_profile(slots: Mapping[str, Any], today: dt.date) -> Profile:
    """The engine's :class:`Profile` from self-check slot values.

    ``team_size`` counts the members besides the leader; ``"无"`` for honours or
    one-of items means none; unreadable values are left unknown.
    """
    p = Profile()
    p.birth = _year_month(slots.get("birth_date"))
    p.sex = str(slots.get("sex") or "")
    p.category = str(slots.get("category") or "")
    level = slots.get("skill_level")
    if level:
        try:
            rank = skill_level_rank(str(level))
        except ValueError:
            rank = 0
        p.level = rank or None
    honours = [h for h in slots.get("honours") or [] if h and h != "无"]
    if "honours" in slots:
        p.honours, p.no_honour = honours, not honours
    if "achievement_types" in slots:
        p.achievements = [a for a in slots.get("achievement_types") or [] if a and a != "无"]
    if isinstance(slots.get("team_size"), int):
        p.team_size, p.team_includes_leader = slots["team_size"], False
    if isinstance(slots.get("qualified_members"), int):
        p.qualified_members = slots["qualified_members"]
    founded = _year_month(slots.get("studio_founded"))
    if founded:
        months = (today.year - founded[0]) * 12 + today.month - founded[1]
        p.running_years = max(months, 0) / 12
    host = str(slots.get("host_type") or "")
    p.unit_type = host
    if isinstance(slots.get("unit_founded"), int):
        p.unit_years = float(today.year - slots["unit_founded"])
    for slot, attr in (("training_funds_share", "funds_share"), ("studio_area", "area")):
        if isinstance(slots.get(slot), (int, float)):
            setattr(p, attr, float(slots[slot]))
    p.same_major_exists = _yes(slots.get("same_major_exists"))
    holds = _yes(slots.get("holds_studio"))
    if holds is not None:
        p.holds_tier = 4 if holds else 0
    return p


# --- rules from conditions ----------------------------------------------------------

_SLOTS: dict[ConditionKind, tuple[str, ...]] = {
    ConditionKind.AGE_MAX: ("birth_date",),
    ConditionKind.RETIREMENT_MARGIN: ("birth_date", "sex", "category"),
    ConditionKind.WORKING_AGE: ("birth_date", "sex", "category"),
    ConditionKind.TEAM_MIN: ("team_size",),
    ConditionKind.QUALIFIED_MEMBERS_MIN: ("qualified_members",),
    ConditionKind.YEARS_RUNNING: ("studio_founded",),
    ConditionKind.QUALIFICATION: ("skill_level",),
    ConditionKind.HONOURS: ("honours",),
    ConditionKind.ONE_OF: ("achievement_types",),
    ConditionKind.FUNDING_SHARE: ("host_type", "training_funds_share"),
    ConditionKind.AREA_MIN: ("studio_area",),
    ConditionKind.UNIQUE: ("same_major_exists",),
    ConditionKind.UNIT_TYPE: ("host_type",),
    ConditionKind.UNIT_YEARS: ("unit_founded",),
    ConditionKind.NO_REPEAT: ("holds_studio",),
}
_ALTERNATIVE = re.compile(r"或(?:是|者)?\s*((?:具有|具备|荣获|获得|获)[^，,。；;]{2,40})")
_STATUS = {Status.MET: Verdict.MET, Status.NOT_MET: Verdict.NOT_MET, Status.UNSURE: Verdict.UNKNOWN}


def _description(c: Condition) -> str:
    v = f"{c.value:g}" if c.value is not None else ""
    leader = (
        "（含领办人）"
        if re.search(r"(?<!不)(含|包括)领(办|衔)人", c.text)
        else "（不含领办人）"
        if re.search(r"(不含|不包括|除)领(办|衔)人", c.text)
        else ""
    )
    items = "、".join(c.options[:6]) + ("等" if len(c.options) > 6 else "")
    return {
        ConditionKind.AGE_MAX: f"领办人年龄不超过{v}周岁"
        if v
        else "领办人出生日期：" + shorten(c.text, 30),
        ConditionKind.RETIREMENT_MARGIN: f"距法定退休年龄不少于{v}年",
        ConditionKind.WORKING_AGE: "在法定劳动年龄内",
        ConditionKind.TEAM_MIN: f"团队成员不少于{v}人{leader}",
        ConditionKind.QUALIFIED_MEMBERS_MIN: f"具备技师以上资格的不少于{v}人（含领办人）",
        ConditionKind.YEARS_RUNNING: f"工作室已运行满{v}年",
        ConditionKind.QUALIFICATION: f"领办人职业资格：{items}"
        + (f"，或{c.or_level}并获得所列荣誉之一" if c.or_level else ""),
        ConditionKind.HONOURS: f"获得所列荣誉之一：{items}",
        ConditionKind.ONE_OF: f"具备所列条件之一：{items}",
        ConditionKind.FUNDING_SHARE: f"职工教育经费用于高技能人才培养的比例不低于{v}%",
        ConditionKind.AREA_MIN: f"工作室场地不少于{v}平方米",
        ConditionKind.UNIQUE: "同一单位相同专业（工种）只设一个",
        ConditionKind.UNIT_TYPE: ("申报单位为" + "、".join(c.options) if c.options else "")
        + ("；" if c.options and c.excluded else "")
        + ("、".join(c.excluded) + "不在申报范围" if c.excluded else ""),
        ConditionKind.UNIT_YEARS: f"依托单位成立满{v}年",
        ConditionKind.NO_REPEAT: "不重复申报：" + shorten(c.text, 40),
    }.get(c.kind, shorten(c.text, 40))


def _outcome(
    finding: Finding | None, slots: tuple[str, ...], profile: Mapping[str, Any]
) -> Outcome:
    missing = tuple(
        s
        for s in slots
        if profile.get(s) in (None, "", []) and not (s == "category" and profile.get("sex") != "女")
    )
    if finding is not None and finding.status is Status.UNSURE and missing:
        return Outcome(Verdict.UNKNOWN, finding.reason, missing)  # open until the rest is asked
    if finding is None:
        labels = "、".join(SLOT_LABELS.get(s, s) for s in missing)
        return Outcome(
            Verdict.UNKNOWN,
            f"还需要知道：{labels}。" if labels else "信息不足，暂时无法判断。",
            missing or slots[:1],
        )
    return Outcome(_STATUS[finding.status], finding.reason)


def _single(c: Condition, section: str, slots: tuple[str, ...]) -> Check:
    def check(profile: Mapping[str, Any], today: dt.date) -> Outcome:
        return _outcome(
            check_condition(c, to_profile(profile, today), today, section), slots, profile
        )

    return check


def _plain(c: Condition) -> Condition:
    """The condition without its alternative (its options alone), so the engine decides it."""
    return c.model_copy(update={"text": "、".join(c.options)})


def _either(first: Check, second: Check, what: str) -> Check:
    """Met when either alternative is met; not met when both are not."""

    def check(profile: Mapping[str, Any], today: dt.date) -> Outcome:
        a, b = first(profile, today), second(profile, today)
        for o in (a, b):
            if o.verdict is Verdict.MET:
                return o
        if a.verdict is Verdict.NOT_MET and b.verdict is Verdict.NOT_MET:
            return Outcome(Verdict.NOT_MET, f"{a.reason}也不{what}。")
        pending = a if a.missing else b
        return Outcome(Verdict.UNKNOWN, pending.reason, pending.missing or a.missing + b.missing)

    return check


def _flag(slot: str, phrase: str) -> Check:
    def check(profile: Mapping[str, Any], today: dt.date) -> Outcome:
        value = profile.get(slot)
        if not isinstance(value, bool):
            return Outcome(Verdict.UNKNOWN, f"还需要知道：是否{phrase}。", (slot,))
        return Outcome(
            Verdict.MET if value else Verdict.NOT_MET, f"{'' if value else '不'}{phrase}。"
        )

    return check


def _advisory(c: Condition) -> Check:
    items = "；".join(shorten(o, 40) for o in c.options[:6]) or shorten(c.text, 80)

    def check(profile: Mapping[str, Any], today: dt.date) -> Outcome:
        return Outcome(Verdict.UNKNOWN, f"无法在线自测，请对照原文逐项确认：{items}")

    return check


class _Common(NamedTuple):
    notice_id: str
    clause: str
    quote: str
    programme: str


def programmes(notice: Notice) -> list[str]:
    """The programmes of a notice that have conditions to check, in the notice's order
    (``["技能大师工作室", "企业首席技师"]``); one default programme for a notice that
    names none; empty when the notice states no condition at all."""
    if not notice.facts.conditions:
        return []
    named = list(dict.fromkeys(c.programme for c in notice.facts.conditions if c.programme))
    listed = [p for p in notice.meta.programmes if p in named or not named]
    return list(dict.fromkeys(listed + named)) or [
        notice.meta.programmes[0] if notice.meta.programmes else DEFAULT_PROGRAMME
    ]


def rules_for(notice: Notice, programme: str | None = None) -> tuple[Rule, ...]:
    """The checkable rules of one programme of a notice, in the notice's order.

    Conditions of the programme and those for every programme are used; repeated ones
    (the same kind and threshold) once. A qualification with an honours list in the same
    sentence joined by 或 is one rule met by either; an alternative written in words
    (``或具有绝技绝活``) is asked as a yes/no question in the notice's words.

    Raises:
        UnknownProgrammeError: No condition for the programme.
    """
    progs = programmes(notice)
    programme = programme or (progs[0] if progs else DEFAULT_PROGRAMME)
    if programme not in progs:
        raise UnknownProgrammeError(f"notice {notice.id!r} has no conditions for {programme!r}")
    conds = [c for c in notice.facts.conditions if c.programme in ("", programme)]
    seen: set[tuple[Any, ...]] = set()
    rules: list[Rule] = []
    used: set[int] = set()
    for i, c in enumerate(conds):
        key = (
            c.kind,
            c.value,
            tuple(c.options),
            c.clause if c.kind in (ConditionKind.ALL_OF, ConditionKind.OTHER) else "",
        )
        if key in seen or i in used:
            continue
        seen.add(key)
        quote = shorten(c.text, 120)
        common = _Common(notice.id, c.clause, quote, programme)
        section = section_text(notice, c.clause)
        if c.kind in (ConditionKind.ALL_OF, ConditionKind.OTHER):
            what = f"通知所列的其他{len(c.options)}项条件" if c.options else shorten(c.text, 30)
            rules.append(
                Rule(
                    f"{c.kind.value}.{len(rules)}",
                    what,
                    check=_advisory(c),
                    slots=(),
                    required=False,
                    **common._asdict(),
                )
            )
            continue
        slots = _SLOTS[c.kind]
        options = (
            {"honours": tuple(c.options)}
            if c.kind is ConditionKind.HONOURS
            else ({"achievement_types": tuple(c.options)} if c.kind is ConditionKind.ONE_OF else {})
        )
        if c.kind is ConditionKind.UNIT_TYPE:  # the kinds the notice names, then 其他
            options = {"host_type": tuple(dict.fromkeys([*c.options, *c.excluded, "其他"]))}
        if (
            c.kind is ConditionKind.QUALIFICATION and c.or_honours
        ):  # 高级技师, or 技师 with an honour
            slots, options = ("skill_level", "honours"), {"honours": tuple(c.or_honours)}
        check = _single(c, section, slots)
        rid, desc = c.kind.value, _description(c)
        if c.kind is ConditionKind.QUALIFICATION:
            partner = next(
                (
                    j
                    for j, o in enumerate(conds)
                    if j > i
                    and o.kind is ConditionKind.HONOURS
                    and o.clause == c.clause
                    and o.text == c.text
                ),
                None,
            )
            alt = (
                _ALTERNATIVE.search(c.text) if not c.or_level else None
            )  # 或技师且获得…: asked as honours
            if partner is not None and "或" in c.text:
                used.add(partner)
                h = conds[partner]
                check = _either(
                    _single(_plain(c), section, slots),
                    _single(h.model_copy(update={"text": ""}), "", ("honours",)),
                    "具备所列荣誉",
                )
                slots, options = ("skill_level", "honours"), {"honours": tuple(h.options)}
                rid, desc = "qualification|honours", f"{_description(c)}，或{_description(h)}"
            elif alt:
                phrase = alt.group(1).rstrip("的")
                slot = f"alt_{len(rules)}"
                check = _either(_single(_plain(c), section, slots), _flag(slot, phrase), phrase)
                slots = ("skill_level", slot)
                rid, desc = f"qualification|{slot}", f"{_description(c)}，或{phrase}"
                rules.append(
                    Rule(
                        rid,
                        desc,
                        check=check,
                        slots=slots,
                        options=options,
                        prompts={slot: f"领办人是否{phrase}？"},
                        **common._asdict(),
                    )
                )
                continue
        n = sum(1 for r in rules if r.id.split("#")[0] == rid)
        rules.append(
            Rule(
                rid + (f"#{n + 1}" if n else ""),
                desc,
                check=check,
                slots=slots,
                options=options,
                **common._asdict(),
            )
        )
    if not any(r.required for r in rules):
        raise UnknownProgrammeError(
            f"notice {notice.id!r} has no checkable condition for {programme!r}"
        )
    return tuple(rules)


def check_eligibility(
    notice: Notice,
    profile: Mapping[str, Any],
    today: dt.date,
    programme: str | None = None,
) -> EligibilityReport:
    """Check an applicant profile against a notice's conditions.

    Args:
        notice: The parsed notice.
        profile: Slot values (``birth_date`` ``"YYYY-MM"``, ``skill_level``, ...);
            absent slots make the rules that need them unknown.
        today: Date of the check (the application date).
        programme: One of :func:`programmes`; the first when omitted.

    Returns:
        Per-rule results, overall verdict, Chinese summary and next steps.

    Raises:
        UnknownProgrammeError: No checkable condition for the programme.
    """
    rules = rules_for(notice, programme)
    programme = rules[0].programme
    results = []
    for rule in rules:
        outcome = rule.check(profile, today)
        results.append(
            RuleResult(
                rule_id=rule.id,
                description=rule.description,
                clause=rule.clause,
                quote=rule.quote,
                verdict=outcome.verdict,
                reason=outcome.reason,
                required=rule.required,
                missing=list(outcome.missing),
            )
        )
    required = [r for r in results if r.required]
    if any(r.verdict is Verdict.NOT_MET for r in required):
        verdict = Verdict.NOT_MET
    elif any(r.verdict is Verdict.UNKNOWN for r in required):
        verdict = Verdict.UNKNOWN
    else:
        verdict = Verdict.MET
    order = [q.slot for q in questions_for(notice, programme)]
    missing = sorted({s for r in results for s in r.missing if s in order}, key=order.index)
    labels = {s: p for r in rules for s, p in r.prompts.items()}
    summary, steps = _explain(
        f"{notice.meta.place.name}{programme}", verdict, results, missing, labels
    )
    return EligibilityReport(
        notice_id=notice.id,
        programme=programme,
        today=today,
        verdict=verdict,
        results=results,
        summary=summary,
        next_steps=steps,
        missing_slots=missing,
    )


def _explain(
    name: str,
    verdict: Verdict,
    results: list[RuleResult],
    missing: list[str],
    prompts: Mapping[str, str],
) -> tuple[str, list[str]]:
    failed = [r for r in results if r.required and r.verdict is Verdict.NOT_MET]
    open_ = [r for r in results if r.required and r.verdict is Verdict.UNKNOWN and not r.missing]
    checked = sum(1 for r in results if r.required)
    if verdict is Verdict.MET:
        summary = f"根据您提供的信息，符合{name}的全部{checked}项可自测申报条件。"
        return summary, ["可以准备申报材料。", _REMINDER]
    steps = [f"不符合「{r.description}」（{r.clause}）：{r.reason}" for r in failed]
    steps += [
        f"待确认「{r.description}」（{r.clause}）：{r.reason}请向通知的联系人确认。" for r in open_
    ]
    if missing:
        steps.append(
            "请补充："
            + "、".join(SLOT_LABELS.get(s) or prompts.get(s, s).rstrip("？") for s in missing)
            + "。"
        )
    if verdict is Verdict.NOT_MET:
        summary = f"按您提供的信息，有{len(failed)}项条件暂不符合{name}的申报要求。"
    elif missing:
        summary = f"目前还缺少{len(missing)}项信息，暂时无法判断能否申报{name}。"
    else:
        summary = (
            f"有{len(open_)}项条件通知未写明如何认定，需向联系人确认后才能判断能否申报{name}。"
        )
    return summary, steps


def questions_for(notice: Notice, programme: str | None = None) -> list[ProfileQuestion]:
    """The profile questions of a quick self-check, in asking order.

    One question per slot read by the programme's rules, with the notice's own options
    (honours list, one-of items) and the notice's words for alternatives. ``ask_if``
    marks conditional ones (``category`` for women, ``training_funds_share`` for
    enterprise hosts).

    Raises:
        UnknownProgrammeError: No checkable condition for the programme.
    """
    rules = rules_for(notice, programme)
    slots = list(dict.fromkeys(s for r in rules for s in r.slots))
    options = {s: o for r in rules for s, o in r.options.items()}
    kinds = [k for r in rules for k in r.options.get("host_type", ()) if k != "其他"]
    if kinds:  # several unit conditions (admitted, refused): one list of kinds, then 其他
        options["host_type"] = (*dict.fromkeys(kinds), "其他")
    prompts = {s: p for r in rules for s, p in r.prompts.items()}
    rank: dict[str, float] = {s: i for i, s in enumerate(SLOT_ORDER)}
    for r in rules:  # a worded alternative right after the slot it stands in for
        for s in r.prompts:
            rank[s] = rank.get(r.slots[0], len(SLOT_ORDER)) + 0.5
    slots.sort(key=lambda s: rank.get(s, len(rank)))
    out = []
    for s in slots:
        if s in prompts:
            out.append(ProfileQuestion(slot=s, prompt=prompts[s], validator="yes_no"))
        else:
            out.append(question(s, options.get(s)))
    return out


def next_question(
    notice: Notice,
    profile: Mapping[str, Any],
    today: dt.date,
    programme: str | None = None,
    skipped: Collection[str] = (),
) -> ProfileQuestion | None:
    """The first question still worth asking, or ``None`` when the check is decided.

    Only slots some rule is unknown for are asked, so an alternative already met is
    skipped (a 技师 is not asked about honours when either would do); nor are the
    ``skipped`` slots (the applicant answered ``/skip``).

    Raises:
        UnknownProgrammeError: No checkable condition for the programme.
    """
    report = check_eligibility(notice, profile, today, programme)
    needed = set(report.missing_slots) - set(skipped)
    for q in questions_for(notice, programme):
        if q.slot in needed and q.applies(profile):
            return q
    return None
