"""Eligibility self-check ("我能申报吗") against the notices' stated conditions.

Each notice's conditions are explicit :class:`~flows.rules.base.Rule` records in
``flows/rules/<place>.py`` (id, Chinese description, clause reference, verbatim quote,
check function). :func:`check_eligibility` runs them on an applicant profile (a mapping
of slot values, see :mod:`flows.rules.questions`) and returns an
:class:`EligibilityReport`; :func:`questions_for` / :func:`next_question` tell the
engine what to ask.

Overall verdict: ``not_met`` if any required rule is not met; else ``unknown`` if any
is unknown; else ``met``. Qualitative conditions (场地、设备、经费、制度、身体健康 ...)
are not checked; the report's next steps remind the applicant of them.

Errors::

    LookupError
    └── UnknownProgrammeError   notice id not known, or programme not in that notice
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from typing import Any

from pydantic import BaseModel, Field

from flows.rules import lucheng, shaoguan, taicang, wuxi, zhenjiang
from flows.rules.base import CHIEF, STUDIO, Rule, Verdict
from flows.rules.questions import SLOT_LABELS, ProfileQuestion, question

__all__ = [
    "RULES_BY_NOTICE",
    "EligibilityReport",
    "ProfileQuestion",
    "Rule",
    "RuleResult",
    "UnknownProgrammeError",
    "Verdict",
    "check_eligibility",
    "next_question",
    "questions_for",
]

_MODULES = (taicang, zhenjiang, lucheng, wuxi, shaoguan)

RULES_BY_NOTICE: dict[str, tuple[Rule, ...]] = {m.NOTICE_ID: m.RULES for m in _MODULES}
"""Notice id → all its rules (every programme), in the order they are checked."""

_PLACES = {m.NOTICE_ID: m.PLACE for m in _MODULES}
_OPTIONS: dict[tuple[str, str], Mapping[str, tuple[str, ...]]] = {
    **{(m.NOTICE_ID, STUDIO): m.OPTIONS for m in _MODULES},
    (wuxi.NOTICE_ID, CHIEF): wuxi.CHIEF_OPTIONS,
}
_REMINDER = "通知中的其他要求（工作场地、设备设施、经费支持、管理制度等）无法在线自测，请对照通知原文准备。"


class UnknownProgrammeError(LookupError):
    """The notice id is unknown, or the notice has no rules for the programme."""


class RuleResult(BaseModel):
    """One rule applied to a profile.

    Attributes:
        rule_id: e.g. ``"wuxi.studio.age"``.
        description: The condition in Chinese.
        clause: Clause reference, e.g. ``"一、（三）"``.
        quote: Verbatim quote from the notice.
        verdict: met / not_met / unknown.
        reason: Chinese explanation for this profile.
        required: Whether it counts for the overall verdict.
        missing: Slots whose absence made it unknown.
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
        programme: ``"技能大师工作室"`` or ``"企业首席技师"``.
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


def rules_for(notice_id: str, programme: str = STUDIO) -> tuple[Rule, ...]:
    """The rules of one notice and programme.

    Raises:
        UnknownProgrammeError: Unknown notice id or programme.
    """
    if notice_id not in RULES_BY_NOTICE:
        raise UnknownProgrammeError(f"no eligibility rules for notice {notice_id!r}")
    rules = tuple(r for r in RULES_BY_NOTICE[notice_id] if r.programme == programme)
    if not rules:
        raise UnknownProgrammeError(f"notice {notice_id!r} has no programme {programme!r}")
    return rules


def check_eligibility(
    notice_id: str,
    profile: Mapping[str, Any],
    today: dt.date,
    programme: str = STUDIO,
) -> EligibilityReport:
    """Check an applicant profile against a notice's conditions.

    Args:
        notice_id: e.g. ``"003_56cbf65dfd360609"``.
        profile: Slot values (``birth_date`` ``"YYYY-MM"``, ``skill_level``, ...);
            absent slots make the rules that need them ``unknown``.
        today: Date of the check (the application date).
        programme: ``"技能大师工作室"`` (default) or ``"企业首席技师"`` (无锡 only).

    Returns:
        Per-rule results, overall verdict, Chinese summary and next steps.

    Raises:
        UnknownProgrammeError: Unknown notice id or programme.
    """
    rules = rules_for(notice_id, programme)
    results = []
    for rule in rules:
        outcome = rule.check(profile, today)
        results.append(RuleResult(
            rule_id=rule.id, description=rule.description, clause=rule.clause,
            quote=rule.quote, verdict=outcome.verdict, reason=outcome.reason,
            required=rule.required, missing=list(outcome.missing),
        ))
    required = [r for r in results if r.required]
    if any(r.verdict is Verdict.NOT_MET for r in required):
        verdict = Verdict.NOT_MET
    elif any(r.verdict is Verdict.UNKNOWN for r in required):
        verdict = Verdict.UNKNOWN
    else:
        verdict = Verdict.MET
    order = [q.slot for q in questions_for(notice_id, programme)]
    missing = sorted({s for r in results for s in r.missing}, key=order.index)
    summary, steps = _explain(f"{_PLACES[notice_id]}{programme}", verdict, results, missing)
    return EligibilityReport(
        notice_id=notice_id, programme=programme, today=today, verdict=verdict,
        results=results, summary=summary, next_steps=steps, missing_slots=missing,
    )


def _explain(
    name: str, verdict: Verdict, results: list[RuleResult], missing: list[str]
) -> tuple[str, list[str]]:
    failed = [r for r in results if r.verdict is Verdict.NOT_MET]
    if verdict is Verdict.MET:
        summary = f"根据您提供的信息，符合{name}的全部{len(results)}项可自测申报条件。"
        return summary, ["可以准备申报材料。", _REMINDER]
    steps = [f"不符合「{r.description}」（{r.clause}）：{r.reason}" for r in failed]
    if missing:
        steps.append("请补充：" + "、".join(SLOT_LABELS.get(s, s) for s in missing) + "。")
    if verdict is Verdict.NOT_MET:
        summary = f"按您提供的信息，有{len(failed)}项条件暂不符合{name}的申报要求。"
    else:
        summary = f"目前还缺少{len(missing)}项信息，暂时无法判断能否申报{name}。"
    return summary, steps


def questions_for(notice_id: str, programme: str = STUDIO) -> list[ProfileQuestion]:
    """The minimal profile questions for a quick self-check, in asking order.

    One question per slot read by the notice's rules; honours and achievement-type
    questions carry the notice's own options. ``ask_if`` marks conditional ones
    (``category`` for women, ``training_funds_share`` for enterprise hosts).

    Raises:
        UnknownProgrammeError: Unknown notice id or programme.
    """
    slots = list(dict.fromkeys(s for r in rules_for(notice_id, programme) for s in r.slots))
    if "category" in slots and "sex" in slots:  # category right after sex
        slots.remove("category")
        slots.insert(slots.index("sex") + 1, "category")
    options = _OPTIONS.get((notice_id, programme), {})
    return [question(s, options.get(s)) for s in slots]


def next_question(
    notice_id: str,
    profile: Mapping[str, Any],
    today: dt.date,
    programme: str = STUDIO,
    skipped: Collection[str] = (),
) -> ProfileQuestion | None:
    """The first question still worth asking, or ``None`` when the check is decided.

    Only slots that some rule is ``unknown`` for are asked, so alternatives already
    satisfied are skipped (a 技师 is not asked about honours in 鹿城); nor are the
    ``skipped`` slots (the applicant answered ``/skip``).

    Raises:
        UnknownProgrammeError: Unknown notice id or programme.
    """
    report = check_eligibility(notice_id, profile, today, programme)
    needed = set(report.missing_slots) - set(skipped)
    for q in questions_for(notice_id, programme):
        if q.slot in needed and q.applies(profile):
            return q
    return None
