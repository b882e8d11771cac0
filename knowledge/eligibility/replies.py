"""The verdict as the user reads it: the lines of a verdict answer, each with its clause."""

from __future__ import annotations

import datetime as dt
import re

from knowledge.compose import Part, cite
from knowledge.eligibility.rules import Status, assess, overall
from knowledge.models import Deadline, Notice
from knowledge.profile import Profile

_ICONS = {Status.MET: "✅", Status.NOT_MET: "❌", Status.UNSURE: "❔"}
_CONCLUSION = {
    Status.MET: "就您提到的情况，符合通知的相应条件（其他条件请逐项对照）",
    Status.NOT_MET: "按通知条件，您目前不符合申报要求",
    Status.UNSURE: "按通知条件，还需要确认",
}


def focus(text: str, reason: str, limit: int = 150) -> str:
    """The part of a long condition sentence that the reason quotes (``“距法定退休年龄3年
    以上”`` in a 200-character 有大师：… sentence), with its neighbouring phrase; the
    whole text when it is short or the quote is not in it."""
    if len(text) <= limit:
        return text
    for phrase in re.findall(r"“([^”]{3,60})”", reason):
        at = text.find(phrase)
        if at < 0:
            continue
        start = max(text.rfind(ch, 0, at) for ch in "，,；;。：:") + 1
        start = max(text.rfind(ch, 0, max(start - 1, 0)) for ch in "，,；;。：:") + 1
        ends = [i for ch in "，,；;。" if (i := text.find(ch, at + len(phrase))) >= 0]
        end = min(ends) + 1 if ends else len(text)
        return ("…" if start > 0 else "") + text[start:end]
    return text


def verdict_part(
    notice: Notice, profile: Profile, today: dt.date, programme: str = ""
) -> Part | None:
    """The verdict lines for a question stating the user's own facts, each condition
    quoted; ``None`` when the user stated nothing the notice has a condition on."""
    findings = [f for f in assess(notice, profile, today, programme) if not f.weak]
    progs = list(dict.fromkeys(f.condition.programme for f in findings if f.condition.programme))
    main = [p for p in progs if "技能大师工作室" in p]
    others: list[str] = []
    if not programme and len(progs) > 1 and len(main) == 1:
        # no programme named on a notice of two: the studio the user asks about, the
        # other one offered (its conditions differ)
        programme, others = main[0], [p for p in progs if p != main[0]]
        findings = [f for f in findings if f.condition.programme in ("", programme)]
        progs = [programme]
    verdict = overall(findings)
    if verdict is None:
        return None
    rank = {Status.NOT_MET: 0, Status.UNSURE: 1, Status.MET: 2}  # the deciding clauses first
    cites = [
        cite(notice, f.condition.clause, focus(f.condition.text, f.reason))
        for f in sorted(findings, key=lambda f: rank[f.status])
    ]
    if not programme and len(progs) > 1:  # no programme named: each programme's own verdict
        lines = []
        for prog in progs:
            own = [f for f in findings if f.condition.programme in ("", prog)]
            v = overall(own)
            assert v is not None
            lines.append(f"{_ICONS[v]} 申报{prog}：{_CONCLUSION[v]}：")
            lines += [f"• {_ICONS[f.status]} {f.reason}" for f in own]
        return Part(lines, cites)
    lines = [f"{_ICONS[verdict]} {_CONCLUSION[verdict]}："]
    lines += [f"• {_ICONS[f.status]} {f.reason}" for f in findings]
    if others:
        lines.append(
            f"（以上按{programme}的条件；通知中的{'、'.join(others)}条件不同，如需对照请说明。）"
        )
    return Part(lines, cites)


def last_deadline(notice: Notice) -> Deadline | None:
    """The date the open round ends: the applicants' latest dated deadline, else (when
    the notice dates only the bureaus' steps) the latest dated step; ``None`` when
    nothing is dated."""
    live = [d for d in notice.facts.deadlines if not d.closed and d.date is not None]
    own = [d for d in live if d.applicant]
    pool = own or live
    return max(pool, key=lambda d: d.date or dt.date.min) if pool else None


def round_closed(notice: Notice, today: dt.date) -> Deadline | None:
    """The deadline that closed the notice's round, ``None`` while it is open or undated.

    Used before a filing starts (a closed round is said before the first question)."""
    d = last_deadline(notice)
    return d if d is not None and d.date is not None and d.date < today else None


def deadline_verdict(notice: Notice, today: dt.date, question: str = "") -> Part | None:
    """ "现在还能报吗": the applicant's deadline of the open round against ``today``; for a
    question about the assessment of recognised studios (``考核自评材料现在还能交吗``),
    that assessment's deadline.

    Returns:
        ✅ still open (days left), ❌ passed, ❔ 另行通知 or not stated; ``None`` when the
        notice gives no applicant deadline at all.
    """
    from knowledge.compose import ASKS_ASSESSMENT, assessment_deadlines, fmt_date
    from knowledge.models import DeadlineStatus
    from knowledge.qa import programme_named

    assessing = assessment_deadlines(notice) if ASKS_ASSESSMENT.search(question) else []
    prog = programme_named(question, notice)
    own = assessing or [
        d
        for d in notice.facts.deadlines
        if d.applicant and not d.closed and d.programme in ("", prog or d.programme)
    ]
    what = "考核材料" if assessing else "申报"
    asked = re.search(r"第[一二三四五六七八九十\d]+批|首批", question)
    rounds = [d for d in notice.facts.deadlines if asked and d.round == asked.group()]
    if rounds and not assessing:  # 第一批还能报吗: that round's date, closed or not
        own, what = rounds, f"{asked.group()}申报" if asked else what
    dated = [d for d in own if d.date is not None]
    if dated:
        d = max(dated, key=lambda x: x.date or today)
        assert d.date is not None
        if d.date >= today:
            line = f"✅ 还来得及：{what}截止时间是{fmt_date(d.date)}，距今还有{(d.date - today).days}天。"
        else:
            line = f"❌ 已经截止：{what}截止时间是{fmt_date(d.date)}，已过（今天是{fmt_date(today)}）。"
        return Part([line], [cite(notice, d.clause, d.quote)])
    announced = [d for d in own if d.status == DeadlineStatus.UNSPECIFIED]
    if announced:
        d = announced[0]
        return Part(
            ["❔ 申报时间另行通知，目前还没有公布具体截止日期。"], [cite(notice, d.clause, d.quote)]
        )
    others = [d for d in notice.facts.deadlines if not d.closed and d.date is not None]
    if others:  # no date for applicants: the round is over when its last step is
        d = max(others, key=lambda x: x.date or today)
        assert d.date is not None
        who = f"（{d.actor}）" if d.actor else ""
        if d.date < today:
            line = (
                f"❌ 已经截止：通知未单独写申报单位的截止日，最后一个环节{who}截止于{fmt_date(d.date)}，"
                f"已过（今天是{fmt_date(today)}）。"
            )
        else:
            line = (
                f"❔ 通知未单独写申报单位的截止日；{fmt_date(d.date)}前{who}须完成报送，"
                "请尽早向所属主管部门提交。"
            )
        return Part([line], [cite(notice, d.clause, d.quote)])
    return None
