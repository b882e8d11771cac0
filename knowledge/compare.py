"""Comparing notices: "太仓和镇江哪个补助多" gets a conclusion, not two lists.

For the quantity a question compares (subsidy in yuan, validity in years, quota, the
applicant's deadline) each notice's value is taken from its facts; the reply names the
larger (or earlier) one, or says they are equal, or that a notice does not state it.
"""

from __future__ import annotations

import re

from knowledge.compose import fmt_date, fmt_yuan
from knowledge.intents import Intent
from knowledge.models import Notice

COMPARES = re.compile(
    r"(哪个|哪家|哪里|哪边|谁|哪一个)[^，。？?]{0,6}?(多|高|长|大|少|低|短|早|晚|宽松|严)|"
    r"比较|相比|对比|区别|差别|一样吗|有什么不同"
)


def _value(notice: Notice, intent: Intent) -> tuple[float, str] | None:
    """``(value to compare, as shown)`` of one notice, ``None`` when not stated."""
    facts = notice.facts
    if intent == Intent.SUBSIDY:
        amounts = [s.amount_yuan for s in facts.subsidies if s.amount_yuan]
        return (max(amounts), fmt_yuan(max(amounts))) if amounts else None
    if intent == Intent.VALIDITY:
        years = [int(m.group()) for v in facts.validity for m in [re.search(r"\d+", v.value)] if m]
        return (max(years), f"{max(years)}年") if years else None
    if intent == Intent.QUOTA:
        counts = [q.count for q in facts.quotas if q.count and not q.place and q.scope == "认定"]
        return (max(counts), f"{max(counts)}个") if counts else None
    if intent == Intent.DEADLINE:
        dates = [d.date for d in facts.deadlines if d.applicant and d.date and not d.closed]
        return (dates[0].toordinal(), fmt_date(dates[0])) if dates else None
    return None


_NAMES = {
    Intent.SUBSIDY: "补助",
    Intent.VALIDITY: "有效期",
    Intent.QUOTA: "名额",
    Intent.DEADLINE: "截止时间",
}


def conclusion(notices: list[Notice], intents: list[Intent], question: str) -> str:
    """The comparison line for a question naming several notices, ``""`` when the
    question compares nothing or there is nothing to compare."""
    if len(notices) < 2 or not COMPARES.search(question):
        return ""
    intent = next((i for i in intents if i in _NAMES), None)
    if intent is None:
        return ""
    values = [(n.meta.place.name, _value(n, intent)) for n in notices]
    known = [(place, v) for place, v in values if v is not None]
    silent = [place for place, v in values if v is None]
    if len(known) < 2:
        return (
            f"比较：{'、'.join(silent)}的通知没有写明{_NAMES[intent]}，无法比较。" if silent else ""
        )
    shown = "，".join(f"{place}{v[1]}" for place, v in known)
    top = max(v[0] for _, v in known)
    low = min(v[0] for _, v in known)
    note = f"（{'、'.join(silent)}未写明）" if silent else ""
    if top == low:
        return f"比较：{shown}，{_NAMES[intent]}相同。{note}"
    if intent == Intent.DEADLINE:
        first = next(place for place, v in known if v[0] == low)
        return f"比较：{shown}，{first}截止最早。{note}"
    best = next(place for place, v in known if v[0] == top)
    word = "最长" if intent == Intent.VALIDITY else "最多"
    return f"比较：{shown}，{best}{word}。{note}"
