"""When a notice is silent on what was asked, so the answer says so instead of quoting a
nearby clause.

The date of an event that is not the deadline (``补助什么时候到账``, ``答辩安排在哪天``)
is asked often and rarely written: the notice is silent when no sentence names the event
(``knowledge/data/timed_events.txt``: 到账 ≈ 拨付/下达/发放) together with a time (a date,
上旬/中旬/下旬, N个工作日内; a specific day when the user asks 哪一天/几号).

Details often asked and often unstated (the validity period, one payment or
instalments, the floor area, a residence rule: ``knowledge/data/detail_questions.txt``)
are silent when no sentence of the notice has the words that would state them.

A yes/no question about a word the notice never uses (``要不要答辩``) was tried and left
out: a notice writes the same thing in other words (电子版 ≈ 电子文档) too often.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from knowledge.models import Notice

_ASKS_TIME = re.compile(
    r"(什么时候|啥时候|何时|哪天|哪一天|几号|几月几[日号]|多久|多长时间|啥时|哪个月|具体时间|具体日期)"
)
_ASKS_DAY = re.compile(r"(哪天|哪一天|几号|几月几[日号]|具体日期|具体是哪)")
_TIME = re.compile(
    r"(\d{1,2}月(?:\d{1,2}日|上旬|中旬|下旬|底|初)?|上旬|中旬|下旬|\d+个?工作日|年底|年初|季度|之日起|后\d+)"
)
_DAY = re.compile(r"\d{1,2}月\d{1,2}日")
_DURATION = re.compile(r"(?:公示|公告)(?:期)?(?:为|不少于|不低于)?\s*\d+\s*个?工作日")
"""How long a list is on show (公示5个工作日) says nothing of when a result comes."""


@lru_cache(maxsize=1)
def timed_events() -> dict[str, tuple[str, ...]]:
    """``{user's word: notice words}`` from ``knowledge/data/timed_events.txt``."""
    text = (
        resources.files("knowledge").joinpath("data/timed_events.txt").read_text(encoding="utf-8")
    )
    out: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            word, *synonyms = line.split()
            out[word] = tuple(synonyms) or (word,)
    return out


@lru_cache(maxsize=1)
def detail_questions() -> list[tuple[str, re.Pattern[str], re.Pattern[str]]]:
    """``[(what is not stated, question pattern, notice pattern)]`` from
    ``knowledge/data/detail_questions.txt``."""
    text = (
        resources.files("knowledge")
        .joinpath("data/detail_questions.txt")
        .read_text(encoding="utf-8")
    )
    out = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            what, asks, answers = (part.strip() for part in line.split(" | "))
            out.append((what, re.compile(asks), re.compile(answers)))
    return out


def _sentences(notice: Notice) -> list[str]:
    return [
        s
        for c in notice.clauses
        for s in re.split(r"(?<=[。；;])", c.text.replace("\n", ""))
        if s.strip()
    ]


def silent_on(notice: Notice, question: str) -> str:
    """What the notice does not say that the question asks, e.g. ``"到账的具体时间"``;
    ``""`` when the notice may answer it.

    Args:
        notice: The notice the question is about.
        question: The normalised question.
    """
    if _ASKS_TIME.search(question):
        for word, synonyms in timed_events().items():
            if word not in question:
                continue
            timed = _DAY if _ASKS_DAY.search(question) else _TIME
            if not any(
                any(w in s for w in synonyms) and timed.search(_DURATION.sub("", s))
                for s in _sentences(notice)
            ):
                return f"{word if word in synonyms else synonyms[0]}的具体时间"
            return ""
    for what, asks, answers in detail_questions():
        if asks.search(question):
            return "" if any(answers.search(s) for s in _sentences(notice)) else what
    return ""
