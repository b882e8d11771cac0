"""Verdicts on an applicant's own facts against a notice's parsed conditions.

One function, :func:`assess`, turns the conditions the parser found in any notice
(:class:`knowledge.models.Condition`: age limit, retirement margin, team size,
qualification) into findings for the facts a user stated (:class:`knowledge.profile.Profile`):
符合, 不符合 or 待确认 with the reason and the clause. A rule the notice leaves open
(does the team of 5 include the leader? a level below the one required when an honour
would also do; a birth year whose birthday decides) is 待确认, never 不符合.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from knowledge.compose import Part, cite
from knowledge.models import Condition, ConditionKind, Notice
from knowledge.profile import LEVEL_NAMES, Profile
from knowledge.retirement import months_to_retirement


class Status(StrEnum):
    """A finding's verdict."""

    MET = "符合"
    NOT_MET = "不符合"
    UNSURE = "待确认"


@dataclass(frozen=True)
class Finding:
    """One condition checked against the user's facts.

    Attributes:
        status: 符合 / 不符合 / 待确认.
        reason: One Chinese sentence (``您56岁，超过“年龄不超过55周岁”的要求``).
        condition: The notice's condition (its text and clause are quoted).
    """

    status: Status
    reason: str
    condition: Condition


_REQUIRED_LEVEL = [(re.compile(r"高级技师|一级"), 1), (re.compile(r"(?<!高级)技师|二级"), 2),
                   (re.compile(r"高级工|三级"), 3)]
_ALTERNATIVE = re.compile(r"(或|或者|之一|以及获得|或获得)")


def assess(notice: Notice, profile: Profile, today: dt.date, programme: str = "") -> list[Finding]:
    """Check the user's stated facts against the notice's conditions.

    Args:
        notice: The parsed notice.
        profile: The facts the user stated.
        today: The date ages and retirement are counted at.
        programme: Only conditions of this programme (and those for all), when given.

    Returns:
        Findings in the notice's order, one per condition the user's facts bear on.
    """
    out: list[Finding] = []
    for c in notice.facts.conditions:
        if programme and c.programme and c.programme != programme:
            continue
        finding = _check(c, profile, today)
        if finding is not None and not any(f.condition.kind == c.kind and f.status == finding.status
                                           and f.condition.value == c.value for f in out):
            out.append(finding)
    return out


def overall(findings: list[Finding]) -> Status | None:
    """不符合 when one finding fails, 待确认 when one is open, 符合 when all are met."""
    if not findings:
        return None
    statuses = {f.status for f in findings}
    if Status.NOT_MET in statuses:
        return Status.NOT_MET
    return Status.UNSURE if Status.UNSURE in statuses else Status.MET


def _check(c: Condition, p: Profile, today: dt.date) -> Finding | None:
    if c.kind == ConditionKind.AGE_MAX and c.value is not None:
        return _age(c, p, today)
    if c.kind == ConditionKind.RETIREMENT_MARGIN and c.value is not None:
        return _retirement(c, p, today)
    if c.kind == ConditionKind.TEAM_MIN and c.value is not None and p.team_size is not None:
        return _team(c, p.team_size, p.team_includes_leader)
    if c.kind == ConditionKind.QUALIFICATION and p.level is not None:
        return _level(c, p.level)
    return None


def _age(c: Condition, p: Profile, today: dt.date) -> Finding | None:
    ages = p.age_on(today)
    if ages is None:
        return None
    limit = int(c.value or 0)
    low, high = ages
    said = f"您{low}岁" if low == high else f"按出生年份您今年{low}或{high}岁"
    if high <= limit:
        return Finding(Status.MET, f"{said}，在“年龄不超过{limit}周岁”以内。", c)
    if low > limit:
        return Finding(Status.NOT_MET, f"{said}，超过了“年龄不超过{limit}周岁”的要求。", c)
    return Finding(Status.UNSURE, f"{said}，是否超过{limit}周岁要看出生月份（以申报时的周岁计）。", c)


def _retirement(c: Condition, p: Profile, today: dt.date) -> Finding | None:
    need = int(c.value or 0)
    if p.years_to_retirement is not None:
        left = p.years_to_retirement
        if left >= need:
            return Finding(Status.MET, f"您距退休还有{left}年，满足“距法定退休年龄不少于{need}年”。", c)
        return Finding(Status.NOT_MET, f"您距退休只有{left}年，不满足“距法定退休年龄不少于{need}年”。", c)
    ages = p.age_on(today)
    if ages is None:
        return None
    low, high = ages
    birth_year = today.year - high
    cases = [(sex, cat) for sex in ((p.sex,) if p.sex else ("男", "女"))
             for cat in (("worker",) if sex == "男" else ("worker", "cadre"))]
    margins = []
    for sex, cat in cases:
        for month in (1, 12):
            months = months_to_retirement(f"{birth_year}-{month:02d}", sex, cat, today)  # type: ignore[arg-type]
            margins.append(months)
    if min(margins) >= need * 12:
        return Finding(Status.MET, f"按您的年龄（{high}岁），距法定退休年龄不少于{need}年。", c)
    if max(margins) < need * 12:
        return Finding(Status.NOT_MET, f"按您的年龄（{high}岁），距法定退休年龄已不足{need}年。", c)
    return Finding(Status.UNSURE, f"您{high}岁，是否距法定退休年龄还有{need}年，要看性别、岗位（工人/干部）和出生月份。", c)


def _team(c: Condition, size: int, user_counts_leader: bool | None) -> Finding:
    need = int(c.value or 0)
    text = c.text
    notice_counts_leader = None if "含领办人" not in text and "含领衔人" not in text else (
        not re.search(r"不含领(办|衔)人|不包括领(办|衔)人", text))
    members = {size - 1, size} if user_counts_leader is None else {size - 1 if user_counts_leader else size}
    needed = {need - 1, need} if notice_counts_leader is None else {need - 1 if notice_counts_leader else need}
    rule = f"团队成员不少于{need}人" + ("（含领办人）" if notice_counts_leader else "（不含领办人）"
                                      if notice_counts_leader is False else "")
    if min(members) >= max(needed):
        return Finding(Status.MET, f"团队{size}人，满足“{rule}”。", c)
    if max(members) < min(needed):
        return Finding(Status.NOT_MET, f"团队{size}人，达不到“{rule}”。", c)
    return Finding(Status.UNSURE, f"团队{size}人，是否满足“{rule}”要看领办人本人算不算在内。", c)


def _level(c: Condition, rank: int) -> Finding | None:
    text = " ".join(c.options) + c.text
    mentioned = [r for rx, r in _REQUIRED_LEVEL if rx.search(text)]
    if not mentioned:
        return None
    required = max(mentioned)  # 技师、高级技师: 技师 is enough
    name = LEVEL_NAMES[required]
    if rank <= required:
        return Finding(Status.MET, f"您是{LEVEL_NAMES[rank]}，满足“{name}及以上”的等级要求。", c)
    if _ALTERNATIVE.search(c.text):
        return Finding(Status.UNSURE, f"您是{LEVEL_NAMES[rank]}，低于要求的{name}；通知也接受其他条件"
                                      "（如相应荣誉），具备的话仍可申报。", c)
    return Finding(Status.NOT_MET, f"您是{LEVEL_NAMES[rank]}，达不到“{name}及以上”的等级要求。", c)


_ICONS = {Status.MET: "✅", Status.NOT_MET: "❌", Status.UNSURE: "❔"}
_CONCLUSION = {Status.MET: "就您提到的情况，符合通知的相应条件（其他条件请逐项对照）",
               Status.NOT_MET: "按通知条件，您目前不符合申报要求",
               Status.UNSURE: "按通知条件，还需要确认"}


def verdict_part(notice: Notice, profile: Profile, today: dt.date, programme: str = "") -> Part | None:
    """The verdict lines for a question stating the user's own facts, each condition
    quoted; ``None`` when the user stated nothing the notice has a condition on."""
    findings = assess(notice, profile, today, programme)
    verdict = overall(findings)
    if verdict is None:
        return None
    lines = [f"{_ICONS[verdict]} {_CONCLUSION[verdict]}："]
    lines += [f"• {_ICONS[f.status]} {f.reason}" for f in findings]
    cites = [cite(notice, f.condition.clause, f.condition.text) for f in findings]
    return Part(lines, cites)
