"""Follow-ups that are not questions of their own: the question they ask, rewritten.

``镇江呢`` after ``太仓的截止时间`` asks ``截止时间 镇江``; ``不是，我问的是无锡`` corrects the
place; ``哪个多`` after questions about two places asks the last question about both.
The engine keeps the conversation (last question, recent notices); these functions only
rewrite text, so the answerer stays stateless.
"""

from __future__ import annotations

import datetime as dt
import re

from knowledge.base import KnowledgeBase
from knowledge.compare import COMPARES
from knowledge.intents import classify
from knowledge.models import Notice
from knowledge.places import table_place_names
from knowledge.profile import read_profile
from knowledge.text import normalize_question, to_simplified

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
    studio = re.search(
        r"[\u4e00-\u9fff]{2,8}工作室", rest
    )  # 胶州首席技师工作室呢: its programme too
    if studio and rest == studio.group():
        rest = ""
    if rest and (classify(rest) or len(rest) > 2):
        return ""
    places = " ".join(dict.fromkeys(h.mention for h in hits))
    named = f" {studio.group()}" if studio else ""
    return f"{_without_places(kb, last_question)} {places}{named}"


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
    r"(?<!\d)(\d{1,3}(?:\.\d+)?|[一二两三四五六七八九十]{1,3})\s*"
    r"(周岁|岁|年(?!\d)|个人|人|名|位|个(?![月年])|平方米|平米|㎡|万元|万|%|％)"
)
"""A fact's quantity: ``3年``, ``一年``, ``56岁``, ``4个人`` (not a year such as ``2024年``)."""
_UNIT_FAMILY = {
    "周岁": "岁",
    "岁": "岁",
    "年": "年",
    "个人": "人",
    "个": "人",
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
    r"那如果|如果|要是|假如|换成|改成|团队成员|团队|成员|工作室|那|我们|我|还有|还剩|只剩|就剩|剩下|剩|只有|只|仅|有|是|今年|已经|都|也|就|才|"
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
    bare = re.fullmatch(
        r"(?:那|那如果|如果|要是|假如)?(?:我)?(?:要是|如果)?(\d{2})(?:岁)?(?:呢|行吗|可以吗)", q
    )
    if bare and not new and last:  # 那我要是51呢 after 我48 高级技师…: the age the user gave
        age = read_profile(last, dt.date.today()).age
        said = re.search(rf"(?<!\d){age}(?!\d)", last) if age is not None else None
        if said:
            return last[: said.start()] + bare.group(1) + last[said.end() :]
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


_KIND_FACTS = [
    re.compile(
        r"(?:国家级|全国|省级|市级|县级|区级|(?:^|(?<=[，,\s是为有获评的]))[\u4e00-\u9fff]{2,3}[省市县区])"
        r"(?:非遗|非物质文化遗产)?"
        r"[\u4e00-\u9fff]{0,4}?(?:传承人|技术能手|工匠|劳动模范|劳模|首席技师|技能大奖)"
    ),
    re.compile(r"高级技师|技师|高级工|中级工|初级工"),
    re.compile(
        r"事业单位|民营企业|国有企业|国企|私企|企业|技工院校|技工学校|职业院校|个体工商户|个体户|"
        r"合作社|社会组织|行业协会|协会|机关"
    ),
]
"""Facts named by a word, not a number: an honour, a level, a kind of unit."""
_KIND_FILLER = re.compile(
    r"说错了|说错|不好意思|更正一下|更正|纠正一下|其实|应该是|"  # 说错了，我是高级技师: a correction
    r"那如果|如果|要是|假如|换成|改成|只是|就是|仅仅|那|我们|我|要|只|仅|就|是|的|呢|吗|了|[，,。？?！!\s]"
)


def kind_follow_up(text: str, last_question: str) -> str:
    """``那我要只是市级传承人呢`` after ``…是省级非遗传承人 青海能报吗``: the last question
    with that fact replaced by the new one (an honour, a level, a kind of unit); ``""``
    when ``text`` says more than one such fact or the last question has none of its kind.

    Args:
        text: The user's new message (raw).
        last_question: The previous question answered in this conversation (raw).
    """
    q, last = normalize_question(text), normalize_question(last_question)
    if not last or len(q) > 16 or not _FACT_FOLLOW_UP.search(q):
        return ""
    for rx in _KIND_FACTS:
        new = [m.group() for m in rx.finditer(q)]
        if len(new) != 1 or _KIND_FILLER.sub("", rx.sub("", q)):
            continue
        word = _KIND_FILLER.sub("", new[0]) if rx is _KIND_FACTS[0] else new[0]
        raw = last_question.strip()  # its spaces kept: they separate the user's facts
        old = rx.search(raw) or rx.search(last)
        base = raw if rx.search(raw) else last
        if old is None or old.group() == word:
            return ""
        return base[: old.start()] + word + base[old.end() :]
    return ""


def _core(text: str) -> str:
    """A follow-up without its filler words (``那首席技师工作室呢`` → ``首席技师工作室``)."""
    return _FOLLOW_UP_FILLER.sub("", normalize_question(text))


def programme_follow_up(notice: Notice, text: str, last_question: str) -> str:
    """``首席技师工作室呢`` after ``胶州技能大师工作室补助多少``: the last question asked of the
    other programme of the same notice (``胶州补助多少 首席技师工作室``); ``""`` when
    ``text`` names no single programme of ``notice`` or asks more than that."""
    core = _core(text)
    if not last_question or not core or len(core) > 12 or len(notice.meta.programmes) < 2:
        return ""
    named = [
        p
        for p in notice.meta.programmes
        if core in (p, p.removesuffix("工作室")) or (len(core) >= 4 and core in p)
    ]
    if len(named) != 1:
        return ""
    last = normalize_question(last_question)
    for p in sorted(notice.meta.programmes, key=len, reverse=True):  # the other one out
        last = last.replace(p, "").replace(p.removesuffix("工作室"), "")
    return f"{last.strip(' ，,的')} {named[0]}"


def table_place_follow_up(notice: Notice, text: str, last_question: str) -> str:
    """``海西州呢`` after ``青海第二批西宁能推荐几个``: the last question asked of another row
    of the notice's own table (its quota rows name towns, prefectures, units that are not
    places of the knowledge base): the row named before is replaced; ``""`` otherwise."""
    core = _core(text)
    if not last_question or not core or len(core) > 12:
        return ""
    rows = {q.place for q in notice.facts.quotas if q.place}
    hit = next((r for r in rows if core in table_place_names(r)), "")
    if not hit:
        return ""
    last = normalize_question(last_question)
    for r in sorted(rows, key=len, reverse=True):
        for name in sorted(table_place_names(r), key=len, reverse=True):
            if name in last:
                return last.replace(name, hit, 1)
    return f"{last} {hit}"


_HYPOTHETICAL = re.compile(r"^(?:那|那么)?(?:我|我们)?(?:要是|如果|假如|若是|万一)")


def hypothetical_follow_up(text: str, last_question: str) -> str:
    """``那我要是做平遥推光漆这种传统技艺的呢`` after a question stating the user's facts: the
    last question with the new fact added (``…山西省级能报吗，那我要是做…传统技艺的呢``);
    ``""`` when ``text`` is no such follow-up."""
    q = normalize_question(text)
    if not last_question or len(q) > 30 or not _HYPOTHETICAL.search(q) or not q.endswith("呢"):
        return ""
    if read_profile(q, dt.date.today()):  # 那要是算上我一共才4个呢: a question of its own
        return ""
    return f"{last_question.strip()}{text.strip()}"  # one question: never split in two


def unit_follow_up(notice: Notice, text: str, last_question: str) -> str:
    """``年度考核呢`` after ``包头申报认定找谁``: the last question asked of another of the
    notice's contact lines (their matter or office), the one named before replaced."""
    core = _core(text)
    units = [c.unit for c in notice.facts.contacts if c.unit]
    if not last_question or not core or len(core) > 12 or core not in units:
        return ""
    last = normalize_question(last_question)
    for unit in sorted(units, key=len, reverse=True):
        if unit in last:
            return last.replace(unit, core, 1)
    return f"{last} {core}"


def topic_follow_up(notice: Notice, text: str, last_question: str) -> str:
    """``县里推荐呢`` after ``南平第二批啥时候截止``: the last question asked of another thing
    the notice speaks of (``南平第二批啥时候截止 县里推荐``), when the follow-up names that
    thing and asks nothing of its own (no intent cue: ``邮箱呢`` is a question of its
    own); ``""`` otherwise.

    Args:
        notice: The notice of the conversation.
        text: The user's new message (raw).
        last_question: The previous question answered in this conversation (raw).
    """
    raw = normalize_question(text)
    core = re.sub(r"^(?:那么?|还有|那要是|那如果)|(?:的)?呢$", "", raw).strip("，, ")
    if (
        not last_question
        or len(core) < 2
        or len(core) > 8
        or not (raw.endswith("呢") or raw.startswith("那"))
        or classify(core)
    ):
        return ""
    body = to_simplified(notice.text or "".join(c.text for c in notice.clauses))
    if not any(core[i : i + 2] in body for i in range(len(core) - 1)):
        return ""  # words the notice never uses: not a follow-up about it
    return f"{normalize_question(last_question)} {core}"
