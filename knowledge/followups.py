"""Follow-ups that are not questions of their own: the question they ask, rewritten.

``镇江呢`` after ``太仓的截止时间`` asks ``截止时间 镇江``; ``不是，我问的是无锡`` corrects the
place; ``哪个多`` after questions about two places asks the last question about both.
The engine keeps the conversation (last question, recent notices); these functions only
rewrite text, so the answerer stays stateless.
"""

from __future__ import annotations

import re

from knowledge.base import KnowledgeBase
from knowledge.compare import COMPARES
from knowledge.intents import classify
from knowledge.text import normalize_question

_FOLLOW_UP_FILLER = re.compile(
    r"不是|我问的是|我说的是|问的是|我是问|我想问|应该是|换成|改成|"
    r"[呢吗嘛啊呀的那么和跟与及还有也这边那边边方面怎样如何样呀？?。.，,！!\s]|那里|那儿|这里"
)


def place_follow_up(kb: KnowledgeBase, text: str, last_question: str) -> str:
    """The question a place-only follow-up asks (``镇江呢`` after ``太仓的截止时间``
    → ``截止时间 镇江``), or ``""`` when ``text`` asks something of its own.

    Args:
        text: The user's new message (raw).
        last_question: The previous question answered in this conversation (raw).
    """
    q = normalize_question(text)
    hits = kb.places.match(q)
    if not last_question or not hits or len(q) > 16:
        return ""
    rest = q
    for h in sorted(hits, key=lambda h: -len(h.mention)):
        rest = rest.replace(h.mention, "")
    rest = _FOLLOW_UP_FILLER.sub("", rest)
    if rest and (classify(rest) or len(rest) > 2):
        return ""
    places = " ".join(dict.fromkeys(h.mention for h in hits))
    return f"{_without_places(kb, last_question)} {places}"


def comparison_follow_up(
    kb: KnowledgeBase, text: str, last_question: str, recent: list[str]
) -> str:
    """``哪个多`` after questions about two places: the last question about both of
    them (``补助 佛山市顺德区 株洲市 哪个多``), or ``""``.

    Args:
        text: The user's new message (raw).
        last_question: The previous question answered (raw).
        recent: Notice ids the conversation was about, most recent first.
    """
    q = normalize_question(text)
    if (
        not last_question
        or len(recent) < 2
        or len(q) > 16
        or not COMPARES.search(q)
        or kb.places.match(q)
    ):
        return ""
    places = " ".join(kb.metas[n].place.name for n in recent[:2] if n in kb.metas)
    return f"{_without_places(kb, last_question)} {places} {q}"


def _without_places(kb: KnowledgeBase, question: str) -> str:
    """The normalised question with the places it names taken out (``太仓的截止时间`` →
    ``截止时间``), so it can be asked of another place."""
    q = normalize_question(question)
    for h in sorted(kb.places.match(q), key=lambda h: -len(h.mention)):
        q = q.replace(h.mention, "")
    return q.strip(" ，,的")


_QUANTITY = re.compile(
    r"(?<!\d)(\d{1,3}(?:\.\d+)?|[一二两三四五六七八九十]{1,3})\s*(周岁|岁|年(?!\d)|个人|人|名|位|平方米|平米|㎡|万元|万|%|％)"
)
"""A fact's quantity: ``3年``, ``一年``, ``56岁``, ``4个人`` (not a year such as ``2024年``)."""
_UNIT_FAMILY = {
    "周岁": "岁",
    "岁": "岁",
    "年": "年",
    "个人": "人",
    "人": "人",
    "名": "人",
    "位": "人",
    "平方米": "平方米",
    "平米": "平方米",
    "㎡": "平方米",
    "万元": "万",
    "万": "万",
    "%": "%",
    "％": "%",
}
_FACT_FILLER = re.compile(
    r"那如果|如果|要是|假如|换成|改成|那|我们|我|还有|还剩|只有|有|是|今年|已经|都|也|就|才|"
    r"行不行|够不够|可以吗|能报吗|行吗|够吗|呢|吗|的|了|[，,。？?！!\s]"
)
_FACT_FOLLOW_UP = re.compile(
    r"^(?:那|那如果|如果|要是|换成|改成|假如)|(?:呢|行吗|行不行|够吗|够不够|可以吗|能报吗)$"
)


def fact_follow_up(text: str, last_question: str) -> str:
    """The question a follow-up changing one of the user's facts asks: ``那我还有一年呢``
    after ``我还有3年退休 遵义的能报吗`` → ``我还有1年退休 遵义的能报吗`` (the quantity of the
    same unit replaced); ``""`` when ``text`` is a question of its own.

    Args:
        text: The user's new message (raw).
        last_question: The previous question answered in this conversation (raw).
    """
    q, last = normalize_question(text), normalize_question(last_question)
    new = _QUANTITY.findall(q)
    if not last or len(q) > 16 or len(new) != 1 or not _FACT_FOLLOW_UP.search(q):
        return ""
    rest = _FACT_FILLER.sub("", _QUANTITY.sub("", q))
    if len(rest) >= 2:  # more than the changed fact (那技能大师工作室呢 也是3个人)
        return ""
    number, unit = new[0]
    family = _UNIT_FAMILY[unit]
    for m in _QUANTITY.finditer(last):
        if _UNIT_FAMILY[m.group(2)] == family:
            return last[: m.start()] + number + m.group(2) + last[m.end() :]
    return ""
