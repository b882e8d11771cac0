"""Question answering: a question in, a short cited answer (or a clarifying question,
or a plain "the notices don't say" with the right contact) out.

Steps: normalise → find the notice (文号, place, or the session's current notice) →
classify intents → compose from facts → else rank clauses (BM25) and quote the best
one if it covers the question → else fall back with the notice's contact.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields

from knowledge.base import KnowledgeBase
from knowledge.compare import conclusion
from knowledge.compose import Citation, Part, cite, compose, fmt_date
from knowledge.divisions import divisions
from knowledge.eligibility import deadline_verdict, verdict_part
from knowledge.evidence import UNSETTLED, Evidence, asks_count, has_count, section_path
from knowledge.followups import (
    comparison_follow_up,
    fact_follow_up,
    hypothetical_follow_up,
    kind_follow_up,
    place_follow_up,
    programme_follow_up,
    table_place_follow_up,
    topic_follow_up,
    unit_follow_up,
)
from knowledge.intents import (
    Intent,
    classify,
    fix_homophones,
    from_pinyin,
    function_words,
    in_domain,
    off_topics,
    paraphrases,
    specific_cue,
)
from knowledge.models import ConditionKind, Notice
from knowledge.places import (
    NameFinder,
    Strength,
    place_names,
    short_name,
    stands_alone,
    table_place_names,
)
from knowledge.profile import Profile, read_profile
from knowledge.silence import silent_on, timed_events
from knowledge.text import fold, normalize_question, shorten, to_simplified

# Intents whose per-city answers are short enough to list for every city at once.
_COMPACT = {Intent.DEADLINE, Intent.SUBSIDY, Intent.VALIDITY, Intent.QUOTA, Intent.PUBLICITY}
_MAX_CHOICES = 8  # city buttons offered at most; more are named by typing
_MIN_COVERAGE = 0.6


@dataclass
class Answer:
    """The knowledge base's answer to one question.

    Attributes:
        text: Answer text (Chinese), citations rendered at the end.
        citations: The clauses relied on.
        fallback: True when the notices do not answer the question.
        out_of_scope: True when the question is outside this domain.
        clarify: Notice ids to choose from when the question must name a city.
        notice_ids: Notices the answer is about (the session remembers the first).
        intents: Intents recognised.
    """

    text: str
    citations: list[Citation] = field(default_factory=list)
    fallback: bool = False
    out_of_scope: bool = False
    clarify: list[str] = field(default_factory=list)
    notice_ids: list[str] = field(default_factory=list)
    intents: list[str] = field(default_factory=list)


_STILL_OPEN = re.compile(
    r"(还能|还可以|来得及|还来得及|现在能|现在可以|现在还|截止了吗|过期了吗|结束了吗|过了吗|还有机会|补交|补报|迟交|晚交|还行吗|还行不行)"
)
_HONOUR_AFTER = re.compile(
    r"(?:省|市|区|县)?(?:级)?(?:技术能手|工匠|劳模|劳动模范|首席技师|名匠|技能大奖|技能大师|"
    r"有突出贡献|乡土人才|青年岗位能手|五一劳动奖章|特支计划)(?!工作室)"
)
_OPEN_NOW = re.compile(
    r"(哪些|哪个|有没有|还有|目前|现在)[^，。？?]{0,8}(还能报|能报|可以报|还在申报|正在申报|在申报|没截止|未截止|开放)"
)
_GENERAL_CONDITIONS = re.compile(
    r"(什么|啥|哪些|哪几|怎样的|何种)(样的)?(条件|要求|资格)|条件是(什么|啥)|要满足"
)
_ASKS_ELIGIBLE = re.compile(
    r"(能报|能申报|能申请|可以报|可以申报|能不能|可不可以|行吗|行不行|够吗|够不够|符合|算吗|算不算|能依托|能建|可以建|"
    r"满足|有资格|能领办|可以领办|还能|能参加|可以参加|能算|算[^，,。？?]{1,10}(?:吗|么|不)|可以吗|可以不)"
)
_ASKS_ROUND = re.compile(
    r"(?:还?[评报](?:不[评报])?|申报|申请|认定|评选|评审|开始报|下一批|下一轮|明年)"
    r"[^。]{0,12}?(?:吗|呢|么|不|没|什么时候|啥时候|几时|多久|哪天|几月|？|\?)"
)
"""A question about the programme's rounds (中卫明年还评不评, 下一批什么时候报): in scope
for a notice the question names, even with no word the notices use."""
_EXAMPLE_TOPICS = ("的截止时间？", "申报年龄有要求吗", "联系电话", "需要准备哪些材料")
_COMMON_WORD_FREQ = 1000  # jieba count above which a place short name is an everyday word


_RULE_KINDS: dict[str, tuple[ConditionKind, ...]] = {
    "age": (ConditionKind.AGE_MAX, ConditionKind.RETIREMENT_MARGIN, ConditionKind.WORKING_AGE),
    "birth": (ConditionKind.AGE_MAX, ConditionKind.RETIREMENT_MARGIN, ConditionKind.WORKING_AGE),
    "years_to_retirement": (ConditionKind.RETIREMENT_MARGIN, ConditionKind.WORKING_AGE),
    "level": (ConditionKind.QUALIFICATION,),
    "team_size": (ConditionKind.TEAM_MIN,),
}
"""Facts the rule engine decides, and the condition kinds that speak to them."""
_FACT_TOPIC = {
    "age": "年龄",
    "birth": "年龄",
    "years_to_retirement": "距法定退休年龄的年限",
    "level": "职业资格等级",
    "team_size": "团队人数",
}


_NOT_FACTS = frozenset(
    {"question", "stated", "team_includes_leader", "unit_years_approx", "sex", "category"}
)
"""Profile fields that only qualify a fact (who counts in the team, which retirement age)."""


def _unruled_topics(notice: Notice, profile: Profile) -> list[str]:
    """The topics of facts the user states that no condition of the notice speaks to
    (``我今年56岁`` on a notice with no age rule): ``["年龄"]``."""
    kinds = {c.kind for c in notice.facts.conditions}
    return list(
        dict.fromkeys(
            _FACT_TOPIC[f]
            for f, rule_kinds in _RULE_KINDS.items()
            if getattr(profile, f) is not None and not any(k in kinds for k in rule_kinds)
        )
    )


def _unregulated_facts(notice: Notice, profile: Profile) -> bool:
    """True when the user states only facts of kinds the engine decides and the notice
    has no condition of those kinds (``我还有3年退休`` on a notice without a retirement
    rule): the answer is that the notice sets none, not a sentence that merely shares a
    word (``领衔人退休、调离的…``)."""
    said = {f for f in _RULE_KINDS if getattr(profile, f) is not None}
    others = [
        f.name
        for f in fields(profile)
        if f.name not in _RULE_KINDS
        and f.name not in _NOT_FACTS
        and getattr(profile, f.name) not in (None, "", [], False)
    ]
    if not said or others:
        return False
    kinds = {c.kind for c in notice.facts.conditions}
    return not any(k in kinds for f in said for k in _RULE_KINDS[f])


class Answerer:
    """Answers questions from a :class:`KnowledgeBase`. Stateless; thread-safe."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.evidence = Evidence(kb)
        self._examples: list[str] | None = None
        self._national: tuple[str, ...] | None = None
        self._rows: tuple[NameFinder, dict[str, list[str]]] | None = None
        self._place_words = {a for m in kb.metas.values() for a in m.place.aliases}
        self._place_names = place_names(lambda w: kb.tokenizer.frequency(w) > _COMMON_WORD_FREQ)
        self._elsewhere = NameFinder(n for n in self._place_names if n not in self._place_words)
        self._all_places: list[str] | None = None

    def select_notices(self, question: str, current: str | None = None) -> tuple[list[str], str]:
        """Which notices a normalised question is about.

        Returns:
            ``(notice_ids, note)``: ids newest first per place; ``note`` explains a
            weak match (parent city) and is empty otherwise.
        """
        ids, note, _county = self._select(question, current)
        return ids, note

    def _select(self, question: str, current: str | None) -> tuple[list[str], str, str]:
        """:meth:`select_notices` plus the county/district named (``"江阴"``), if any."""
        by_doc = self.kb.by_doc_number(question)
        if by_doc:
            return [by_doc], "", ""
        hits = self.kb.places.match(question)
        if hits:
            top = hits[0].strength
            ids = [h.notice_id for h in hits if h.strength == top]
            note = ""
            if top == Strength.PARENT:
                places = "、".join(self.kb.metas[i].place.name for i in ids)
                note = f"（目前收录的{hits[0].mention}相关通知是{places}的通知。）"
            county = hits[0].mention if top == Strength.PART else self._county_named(question, ids)
            return self._newest_per_place(ids), note, county
        if current and current in self.kb.notices:
            return [current], "", ""
        rows = self._table_rows(question)
        if rows:  # 红河州能推荐几个: a row of one notice's quota table
            ids, row = rows
            return ids, f"（{row}的名额见{self.kb.metas[ids[0]].place.name}的通知。）", ""
        if "国家级" in question and len(self._national_calls()) == 1:
            # 能报国家级吗 with no place: the one notice calling for the national programme
            return list(self._national_calls()), "", ""
        return [], "", ""

    def _table_rows(self, question: str) -> tuple[list[str], str] | None:
        """``(notice ids, the row's name)`` when the question names a place of some
        notices' quota tables (in full, short or autonomous short form), newest first."""
        if self._rows is None:
            index: dict[str, list[str]] = {}
            for nid, meta in self.kb.metas.items():
                for row in meta.table_places:
                    for name in table_place_names(row):
                        if len(name) >= 2 and name not in self._place_words:
                            index.setdefault(name, []).append(nid)
            self._rows = (NameFinder(index), index)
        finder, index = self._rows
        found = [name for _, _, name in finder.finditer(question)]
        if not found:
            return None
        name = max(found, key=len)
        return self._newest_per_place(list(dict.fromkeys(index[name]))), name

    def _national_calls(self) -> tuple[str, ...]:
        """Ids of the notices that call for (or recommend to) the national programme
        (``国家级技能大师工作室建设项目推荐``), computed once."""
        if self._national is None:
            self._national = tuple(
                nid
                for nid, meta in self.kb.metas.items()
                if re.search(r"国家级[^，。]{0,12}(?:工作室|项目)", meta.title)
            )
        return self._national

    def examples(self) -> list[str]:
        """Example questions about the places this knowledge base holds (up to four, newest
        notice per place first): ``["太仓的截止时间？", "无锡申报年龄有要求吗", ...]``. The
        help text and prompts use them, so they name the notices a deployment really has."""
        if self._examples is None:
            shorts = [
                self.kb.metas[n].place.short or self.kb.metas[n].place.name
                for n in self._every_place()
            ]
            shorts = [s for s in dict.fromkeys(shorts) if s][: len(_EXAMPLE_TOPICS)]
            self._examples = [s + t for s, t in zip(shorts, _EXAMPLE_TOPICS, strict=False)] or [
                "截止时间是哪天？"
            ]
        return self._examples

    def place_follow_up(self, text: str, last_question: str) -> str:
        """See :func:`knowledge.followups.place_follow_up`."""
        return place_follow_up(self.kb, text, last_question)

    def fact_follow_up(self, text: str, last_question: str) -> str:
        """See :func:`knowledge.followups.fact_follow_up` (a number changed) and
        :func:`knowledge.followups.kind_follow_up` (an honour, level or unit changed)."""
        return fact_follow_up(text, last_question) or kind_follow_up(text, last_question)

    def context_follow_up(self, text: str, last_question: str, current: str | None) -> str:
        """A follow-up about the notice of the conversation: another of its programmes
        (:func:`knowledge.followups.programme_follow_up`) or another row of its table
        (:func:`knowledge.followups.table_place_follow_up`); ``""`` otherwise."""
        notice = self.kb.notices.get(current) if current else None
        if notice is None or not last_question:
            return ""
        return (
            programme_follow_up(notice, text, last_question)
            or table_place_follow_up(notice, text, last_question)
            or unit_follow_up(notice, text, last_question)
            or hypothetical_follow_up(text, last_question)
            or (self._topic_follow_up(notice, text, last_question))
        )

    def _topic_follow_up(self, notice: Notice, text: str, last_question: str) -> str:
        """:func:`knowledge.followups.topic_follow_up`, only for a text that is no question
        of its own: out of scope alone (``县里推荐呢``; ``照片呢`` is a detail asked) and
        stating no fact of the user's (``那算上我一共6个呢``)."""
        q = normalize_question(text)
        if self._in_scope(q, [i for i, _ in classify(q)]) or self._known_content(q):
            return ""
        if read_profile(q, dt.date.today()):
            return ""
        return topic_follow_up(notice, text, last_question)

    def comparison_follow_up(self, text: str, last_question: str, recent: list[str]) -> str:
        """See :func:`knowledge.followups.comparison_follow_up`."""
        return comparison_follow_up(self.kb, text, last_question, recent)

    def _topics_in_notices(self) -> frozenset[str]:
        """The other-service topics some notice speaks of (computed once, on first use)."""
        return self.kb.text_topics()

    def _county_named(self, question: str, ids: list[str]) -> str:
        """A county of the notice's place named beside it (``无锡宜兴``: 宜兴), for the rules
        and table rows the notice gives for it; ``""`` when none is."""
        for nid in ids:
            place = self.kb.metas[nid].place
            own = {place.name, place.short, place.city, short_name(place.city)}
            # 连云 of 连云区 inside 连云港: a county is named only outside the notice's own name
            rest = question
            for name in sorted((n for n in own if n), key=len, reverse=True):
                rest = rest.replace(name, "　")
            for alias in place.aliases:
                if len(alias) >= 2 and alias not in own and not alias.isascii() and alias in rest:
                    return alias
        return ""

    def _every_place(self) -> list[str]:
        """The newest notice of every place, newest first (:meth:`_newest_per_place` of
        all notices; computed once, the knowledge base is immutable)."""
        if self._all_places is None:
            self._all_places = self._newest_per_place(list(self.kb.notices))
        return self._all_places

    def _newest_per_place(self, ids: list[str]) -> list[str]:
        seen: dict[str, str] = {}
        for nid in self.kb.latest(ids):
            seen.setdefault(self.kb.metas[nid].place.name, nid)
        return list(seen.values())

    def _division_pinyin(self, q: str) -> str:
        """``taiyuan能推荐几个`` → ``太原能推荐几个``: a pinyin word that is no place of the
        knowledge base (those the place matcher reads itself) but a province or
        prefecture of the gazetteer, in characters."""
        if not re.search(r"[a-z]{4}", q):
            return q

        def chinese(m: re.Match[str]) -> str:
            word = m.group()
            if self.kb.places.match(word):
                return word
            return divisions().by_pinyin(word) or word

        return re.sub(r"(?<![a-z])[a-z]{4,}(?![a-z])", chinese, q)

    def _facts_text(self, question: str, q: str) -> str:
        """The question as the applicant's facts are read from it: ``q`` with the spaces
        typed between facts kept as ``，`` (``我女的 今年52 技师``); ``q`` itself when the
        question has no such spaces."""
        if not re.search(r"\S\s+\S", question.strip()):
            return q
        return fix_homophones(
            from_pinyin(normalize_question(question, breaks=True)),
            self._is_word,
            self.kb.tokenizer.segment,
        )

    def answer(self, question: str, today: dt.date, current: str | None = None) -> Answer:
        """Answer one question.

        Args:
            question: Raw user text.
            today: Today's date (deadline status is relative to it).
            current: Notice id the conversation is about, used when no place is named.

        Returns:
            The answer; see :class:`Answer` for the flags.
        """
        # tangshan jiezhi riqi: 截止日期; 材聊 / 大狮: 材料 / 大师
        q = fix_homophones(
            from_pinyin(normalize_question(question)), self._is_word, self.kb.tokenizer.segment
        )
        q = self._division_pinyin(q)
        ranked = classify(q)
        top = ranked[0][1] if ranked else 0.0
        intents = [i for i, s in ranked if s >= max(2.5, 0.5 * top) or s == top]
        notices, note, county = self._select(q, None)
        in_scope = bool(q) and self._in_scope(q, intents)
        profile = read_profile(self._facts_text(question, q), today)
        if q and not in_scope and (notices or current in self.kb.notices):
            # about a notice named or in context: the user's own facts (我1972年生的) or an
            # eligibility question (社保交了3年够吗) belong to it
            in_scope = (
                bool(profile)
                or bool(_ASKS_ELIGIBLE.search(q))
                or (
                    bool(notices)
                    and (
                        self._known_content(q)
                        or bool(_ASKS_ROUND.search(q))
                        or (top >= 2.5 and self._cued(q))
                    )
                )
            )
        uncovered = self._uncovered_place(q) if not notices else ""
        if uncovered and in_scope:  # a real place with no notice: not the one in context
            return self._not_collected(uncovered, intents)
        if not notices and current is not None and current in self.kb.notices:
            notices = [current]
        if q and notices and not in_scope and self._cued(q):  # 珍珠批发市场: not ours
            short = len(q) <= 8 and bool(re.search(r"(哪|几|多少|怎么|什么|啥|吗|呢)", q))
            bar = 0.34 if short else _MIN_COVERAGE  # 分几次拨 on the notice in context
            found = [(nid, part) for nid in notices[:3] if (part := self._retrieve(nid, q, bar))]
            if found:
                return self._assemble(found, intents, note)
        if not in_scope:
            return Answer(
                "抱歉，我是技能大师工作室申报政策助手，只能解答申报条件、材料、截止时间、补助、"
                f"联系方式等相关问题。您可以问我：“{self.examples()[0]}”",
                fallback=True,
                out_of_scope=True,
            )
        if not notices and _OPEN_NOW.search(q):
            return self._open_now(today)
        if not notices:
            return self._no_city(q, intents, today)
        chunks = _sub_questions(to_simplified(question)) if len(notices) == 1 else []
        parts = []
        for nid in notices[:3]:
            if chunks:  # 材料要几份 复印件要盖章吗: each part answered, one reply
                subs: list[Part] = []
                for k, chunk in enumerate(chunks):
                    cq = self._division_pinyin(normalize_question(chunk))
                    cr = classify(cq)
                    ctop = cr[0][1] if cr else 0.0
                    # each part asks one thing: its best intent (ties kept)
                    ci = [
                        i
                        for i, sc in cr
                        if sc == ctop or (i is Intent.DEADLINE and _STILL_OPEN.search(cq))
                    ] or intents  # 现在能报吗: whether the round is open is asked too
                    sub = self._notice_part(  # the place's own notes once, with the first part
                        nid, cq, ci, cr, today, read_profile(cq, today), county if k == 0 else ""
                    )
                    said = {ln for p in subs for ln in p.lines}
                    if subs and set(sub.lines) <= said:  # 有效期几年 / 到期以后怎么办: the same
                        # facts again; the second part asks something the clauses say
                        sub = self._retrieve(nid, cq, 0.3) or sub
                    subs.append(sub)
                parts.append((nid, _merge(subs)))
                continue
            parts.append((nid, self._notice_part(nid, q, intents, ranked, today, profile, county)))
        answer = self._assemble(parts, intents, note)
        line = conclusion([self.kb.notices[nid] for nid, _ in parts], intents, q)
        if line:
            answer.text = line + "\n" + answer.text
        return answer

    def _is_word(self, text: str) -> bool:
        """``text`` is a word a user means: in the notices' vocabulary, or in jieba's
        dictionary and not one of its rarest entries (``电化``, frequency 25, typed for
        电话 in a question no notice says 电化 in, is a typo; ``实践`` is a word)."""

        if self._known_word(text):
            return True
        half = len(text) // 2  # 截止时间 (rare in jieba's dictionary) is 截止 + 时间
        return len(text) >= 4 and self._known_word(text[:half]) and self._known_word(text[half:])

    def _known_word(self, word: str) -> bool:
        return (
            word in self._place_words  # a place of the knowledge base is a word
            or self.kb.index.idf(word) > 0
            or self.kb.tokenizer.frequency(word) >= _RARE_WORD
        )

    def _cued(self, q: str) -> bool:
        """A question with a clear cue of a notice topic is about the notice it names when
        its other words are the notices' or no real words at all: ``推荐几号前报到`` (jieba's
        前报 is in no dictionary) yes; ``房价多少钱`` (房价 is a word no notice uses) no."""
        if self._off_topic(q):
            return False
        said = {**paraphrases(), **timed_events()}
        unknown = [
            t
            for t in self.kb.tokenizer.tokens(q)
            if len(t) >= 2
            and t not in self._place_words
            and not t.isascii()
            and self.kb.index.idf(t) <= 0
            and t not in said  # 到期 (the notices write 期满), 到账 (拨付)
            and not _CUE.search(t)  # question words (几次, 在哪) ask, they name no topic
            and t not in function_words()  # 拨下来, 2万块钱
        ]
        return all(self.kb.tokenizer.frequency(t) < 50 for t in unknown)

    def _off_topic(self, q: str) -> bool:
        """The question names another service's topic no notice speaks of (社保卡, 招聘会)."""
        return any(t in q for t in off_topics() if t not in self._topics_in_notices())

    def _known_content(self, q: str) -> bool:
        """Most words of the question besides places and question words occur in the
        notices, one of them a specific one (``赣州照片要几张``: 照片 does; ``韶关最近有什么
        招聘会``: only 工作 does), and no other service's topic is named."""
        if any(t in q for t in off_topics() if t not in self._topics_in_notices()):
            return False
        tokens = [
            t
            for t in self.kb.tokenizer.tokens(q)
            if len(t) >= 2
            and t not in self._place_words
            and not t.isascii()
            and not _CUE.search(t)
            and t not in function_words()
        ]
        known = [t for t in tokens if self.kb.index.idf(t) > 0]
        # most words known, one of them specific (工作 or 推荐 alone is no topic of ours)
        return 2 * len(known) >= len(tokens) > 0 and any(self.kb.index.idf(t) >= 2.5 for t in known)

    def _notice_part(
        self,
        nid: str,
        q: str,
        intents: list[Intent],
        ranked: list[tuple[Intent, float]],
        today: dt.date,
        profile: Profile,
        county: str,
    ) -> Part:
        """The answer about one notice: a verdict on the user's facts, "not stated", or
        the facts and clause the question asks for."""
        verdict = (
            verdict_part(
                self.kb.notices[nid], profile, today, programme_named(q, self.kb.notices[nid])
            )
            if profile
            else None
        )
        answered = {Intent.CONDITIONS}  # what a verdict answers: no conditions list after it
        if verdict is None and Intent.DEADLINE in intents and _STILL_OPEN.search(q):
            verdict = deadline_verdict(self.kb.notices[nid], today, q)
            answered.add(Intent.DEADLINE)
            if not re.search(r"哪些|什么材料|啥材料|清单", q):  # 材料还没交 现在还能交吗
                answered.add(Intent.MATERIALS)
            case = self.evidence.verdict(nid, q, today) if _ASKS_ELIGIBLE.search(q) else None
            if case is not None and case.lines[0].startswith(("✅", "❌")):
                # 我已经退休返聘了 还能报吗: the rule for the user's case, then the round
                rnd = verdict if verdict is not None else Part([])
                verdict = Part(case.lines + rnd.lines, case.citations + rnd.citations)
        unregulated = verdict is None and _unregulated_facts(self.kb.notices[nid], profile)
        if unregulated and _ASKS_ELIGIBLE.search(q):
            topics = "、".join(
                dict.fromkeys(
                    _FACT_TOPIC[f] for f in _RULE_KINDS if getattr(profile, f) is not None
                )
            )
            return self._not_stated(
                nid, Part([f"通知的申报条件中没有关于{topics}的规定，其他条件请对照原文。"])
            )
        if verdict is None and _ASKS_ELIGIBLE.search(q) and not _GENERAL_CONDITIONS.search(q):
            verdict = self.evidence.verdict(nid, q, today)
            hit = self._retrieve(nid, q) if verdict and UNSETTLED in verdict.lines[0] else None
            if verdict is not None and hit is not None:  # unsettled: the clause, read by the user
                verdict = Part([verdict.lines[0], *hit.lines], hit.citations)
        elif (
            verdict is not None
            and not verdict.lines[0].startswith("❌")
            and _ASKS_ELIGIBLE.search(q)
            and re.search(r"\d\s*(?:个月|万元|万|元|%|％)", q)  # a quantity no rule kind reads
        ):
            # 团队5个人含我 有个新来的社保才交了3个月: a fact no rule kind reads, settled by
            # its sentence (连续缴纳社会保险满6个月), decides against the rest
            case = self.evidence.verdict(nid, q, today)
            if case is not None and case.lines[0].startswith("❌"):
                verdict = Part(case.lines + verdict.lines, case.citations + verdict.citations)
        unruled = _unruled_topics(self.kb.notices[nid], profile) if verdict is not None else []
        if unruled and verdict is not None and verdict.lines[0][:1] in ("✅", "❔"):
            # 56岁 技师 on a notice with no age rule: say the notice sets none
            note = f"• 通知的申报条件中没有关于{'、'.join(unruled)}的规定。"
            verdict = Part([*verdict.lines, note], verdict.citations)
        if verdict is not None and set(intents) <= answered:
            return verdict
        missing = "" if verdict is not None else self._silent(nid, q)
        if missing:
            return self._not_stated(nid, Part([f"通知没有写明{missing}。"]))
        if verdict is not None:  # 补助多少 as well: only what the verdict does not answer
            intents = [i for i in intents if i not in answered]
        part = self._about(nid, q, intents, today, [i for i, _ in ranked if i not in intents])
        if verdict is not None:
            part = Part(verdict.lines + part.lines, verdict.citations + part.citations)
        row_given = any(
            ln.startswith("名额：") and _county_short(county) in ln for ln in part.lines
        )
        if (
            county
            and not row_given
            and (not intents or {Intent.SUBSIDY, Intent.QUOTA} & set(intents))
        ):
            extra = self._county_notes(nid, county)
            if extra:
                part = Part(part.lines + extra.lines, part.citations + extra.citations)
        return part

    def _silent(self, nid: str, q: str) -> str:
        """What the notice does not say that ``q`` asks (:func:`knowledge.silence.silent_on`)."""
        return silent_on(self.kb.notices[nid], q)

    def _county_notes(self, nid: str, county: str) -> Part | None:
        """What a notice says specifically about a county/district the user named:
        sentences naming it (江阴、宜兴两市…由当地财政部门…) and its row in an attached
        table (宜兴市 3（紫砂业不超过1人） 8（紫砂业不超过2人）)."""
        notice = self.kb.notices[nid]
        short = _county_short(county)
        lines: list[str] = []
        cites: list[Citation] = []
        for clause in notice.clauses:
            for s in re.split(r"(?<=[。；])", clause.text.replace("\n", "")):
                if re.search(r"联系人|电话|地址|邮箱|传真", s):
                    continue  # 地址：太原市迎泽区…: the bureau's address, nothing about the place
                if short in s and len(lines) < 2:
                    lines.append(f"关于{county}：{shorten(s.strip(), 120)}")
                    cites.append(cite(notice, clause.ref, s))
        for att in notice.attachments:
            cells = [c.strip() for c in re.split(r"[\t\n]", att.text)]
            lines_of = [[c.strip() for c in ln.split("\t")] for ln in att.text.split("\n")]
            for i, cell in enumerate(cells):
                if cell.startswith(short) and len(cell) <= len(short) + 2:
                    row: list[str] = []
                    own = next((ln for ln in lines_of if cell in ln), [])  # its table row only
                    after = own[own.index(cell) + 1 :] if own else []
                    if not any(after):  # one cell a line: the cells after it
                        after = cells[i + 1 : i + 8]
                    for c in after:
                        if c and not re.match(r"^\d", c):
                            break
                        if c:
                            row.append(c)
                    if row:
                        header = list(
                            dict.fromkeys(
                                c for c in cells[:16] if c and ("工作室" in c or "技师" in c)
                            )
                        )
                        cols = (
                            "、".join(f"{h}{v}" for h, v in zip(header, row, strict=False))
                            if header
                            else "、".join(row)
                        )
                        lines.append(f"{att.title}中{cell}：{cols}")
                        cites.append(
                            Citation(
                                nid, notice.label, f"附件{att.number}", f"{cell} {' '.join(row)}"
                            )
                        )
                        break
        return Part(lines, cites) if lines else None

    def _in_scope(self, q: str, intents: list[Intent]) -> bool:
        """In scope: a domain term, or an intent cue whose other words all occur in the
        notices (``韶关联系电话`` yes; ``韶关丹霞山门票多少钱``: 丹霞山 and 门票 never do).
        A topic of another service (``高级技师证怎么考``, ``电工证年审``:
        ``knowledge/data/off_topic.txt``) no notice speaks of is out of scope."""
        topic = next((t for t in off_topics() if t in q), "")
        if topic and topic not in self._topics_in_notices():
            return False
        if in_domain(q) or specific_cue(q):
            return True
        if not intents:
            return False
        tokens = [
            t
            for t in self.kb.tokenizer.tokens(q)
            if t not in self._place_words and not t.isascii() and t not in function_words()
        ]
        said = paraphrases()  # 推 for 推荐, 对接 for 联系: the notices' words for the user's
        return all(
            self.kb.index.idf(t) > 0 or any(self.kb.index.idf(w) > 0 for w in said.get(t, ()))
            for t in tokens
        )

    def _about(
        self,
        nid: str,
        q: str,
        intents: list[Intent],
        today: dt.date,
        weaker: list[Intent] | None = None,
    ) -> Part:
        """The answer about one notice: the facts of the question's intents (or, when the
        notice has none for them, of its weaker intents: ``申报表几号前要报`` is about the
        deadline when the notice has no form), else the best clause, else not stated."""
        notice = self.kb.notices[nid]
        prog = programme_named(q, notice)
        if self._names_material(notice, q) and not {
            Intent.SUBMISSION,
            Intent.FORMS,
            Intent.MATERIALS,
        } & set(intents):
            intents = [Intent.MATERIALS, *intents]
        wanted = intents[: 3 if len(q) > 25 else 2]
        found = [p for p in (compose(i, notice, today, prog, q) for i in wanted) if p]
        if not found and weaker:
            found = [p for p in (compose(i, notice, today, prog, q) for i in weaker[:1]) if p]
        good = [p for p in found if not p.missing]
        if good:
            composed = Part(
                [ln for p in good for ln in p.lines], [c for p in good for c in p.citations]
            )
            if Intent.CONTACT in wanted:  # a phone or fax is the answer itself
                return composed
            return self.evidence.sharper(nid, q, composed) or composed
        retrievable = not found or (intents and intents[0] == Intent.CONDITIONS)
        hit = self._retrieve(nid, q) if retrievable else None
        if hit:
            return hit
        if not intents:
            overview = compose(Intent.OVERVIEW, notice, today)
            if overview and any(w in q for w in ("通知", "政策", "文件", "介绍")):
                return overview
        return self._not_stated(nid, found[0] if found else None)

    @staticmethod
    def _names_material(notice: Notice, q: str) -> bool:
        """True when the question names one of the notice's materials and asks about it
        (申办报告字数有限制吗)."""
        return any(
            len(m.name) >= 4 and (m.name in q or m.name[-4:] in q) for m in notice.facts.materials
        ) and any(
            w in q
            for w in (
                "字数",
                "格式",
                "内容",
                "限制",
                "包括",
                "要求",
                "多少字",
                "怎么写",
                "要不要",
                "需不需要",
                "是否",
                "放",
            )
        )

    def _retrieve(self, nid: str, q: str, bar: float = _MIN_COVERAGE) -> Part | None:
        tokens = [
            t for t in self.kb.tokenizer.tokens(q) if t not in self.kb.metas[nid].place.aliases
        ]
        if not tokens:
            return None
        notice = self.kb.notices[nid]
        best_cov, clause = 0.0, None
        said = paraphrases()  # 到期 finds 期满: the notice's words for the user's
        wider = tokens + [w for t in tokens for w in said.get(t, ()) if w not in tokens]
        for hit in self.kb.index.search(wider, {nid}, limit=5):
            candidate = notice.clause(hit.clause_ref)
            cov = self.evidence.coverage(tokens, candidate.text) if candidate else 0.0
            if cov > best_cov:
                best_cov, clause = cov, candidate
        if clause is None:  # a word inside the notice's longer words (照片 in 彩色照片)
            found = self.evidence.best_sentence(notice, tokens, min_length=6)
            if found is not None:
                best_cov, clause = found[0], found[2]
        if clause is None or best_cov < bar:
            return None
        sentences = [
            s for s in re.split(r"(?<=[。；])", clause.text.replace("\n", "")) if s.strip()
        ]
        ranked = sorted(sentences, key=lambda s: (-sum(t in s for t in wider), len(s)))
        best = [s for s in sentences if s in ranked[:2] and any(t in s for t in wider)] or ranked[
            :1
        ]
        section = section_path(notice, clause)
        text = "".join(best)
        if asks_count(q) and not has_count(text):
            return None  # 认定几个: a clause without a number is not the answer
        return Part(
            [f"通知相关规定{section}：{shorten(text, 200)}"], [cite(notice, clause.ref, text)]
        )

    def _not_stated(self, nid: str, part: Part | None) -> Part:
        notice = self.kb.notices[nid]
        lines = list(part.lines) if part else ["通知中没有找到与这个问题相关的规定。"]
        contact = compose(Intent.CONTACT, notice, dt.date.today())
        if contact:
            lines.append("建议直接咨询：" + contact.lines[0])
            lines += contact.lines[1:3]
        else:
            lines.append(
                "通知未列联系人，建议咨询发文单位：" + "、".join(notice.meta.issuers) + "。"
            )
        lines.append("也可以回复“转人工”，由工作人员为您解答。")
        cites = (part.citations if part else []) + (contact.citations if contact else [])
        return Part(lines, cites, missing=True)

    def _open_now(self, today: dt.date) -> Answer:
        """ "哪些现在还能报": every place whose applicant deadline has not passed (or is to
        be announced), with the date."""
        lines: list[str] = []
        cites: list[Citation] = []
        ids = self._every_place()
        for nid in ids:  # deadlines are in memory: only the notices cited are read
            place = self.kb.metas[nid].place.name
            own = [d for d in self.kb.deadlines[nid] if d.applicant and not d.closed]
            dated = [d for d in own if d.date is not None and d.date >= today]
            if dated:
                d = min(dated, key=lambda x: x.date or today)
                lines.append(
                    f"【{place}】截止{fmt_date(d.date or today)}，还有{((d.date or today) - today).days}天。"
                )
                cites.append(cite(self.kb.notices[nid], d.clause, d.quote))
            elif (
                own
                and all(d.date is None for d in own)
                and any(d.date_text == "另行通知" for d in own)
            ):
                lines.append(f"【{place}】申报时间另行通知。")
        if not lines:
            return Answer(
                f"目前收录的通知中，没有截止日期在{fmt_date(today)}之后的。可回复城市名称查看各地通知。",
                fallback=True,
                clarify=ids[:_MAX_CHOICES],
            )
        return Answer(
            _render([f"截至{fmt_date(today)}，还能申报的通知："] + lines, cites),
            cites,
            notice_ids=[c.notice_id for c in cites],
            intents=[Intent.DEADLINE.value],
        )

    def _uncovered_place(self, q: str) -> str:
        """Full name of a place the question names that no notice covers (溧阳 →
        常州市溧阳市), else ``""``."""
        names = self._place_names
        for start, end, name in self._elsewhere.finditer(q):
            if _HONOUR_AFTER.match(q, end):
                continue  # 江苏省技术能手 is an honour, not a question about 江苏省
            if stands_alone(q, start, end, self.kb.tokenizer.segment, names):
                return names[name]
        return ""

    def _not_collected(self, place: str, intents: list[Intent]) -> Answer:
        """A place the gazetteer knows but no notice covers: say so, offer the others."""
        ids = self._every_place()[:_MAX_CHOICES]
        names = "、".join(self.kb.metas[i].place.name for i in ids)
        text = (
            f"目前还没有收录{place}的技能大师工作室申报通知，无法回答该地的具体规定，"
            f"建议咨询当地人力资源和社会保障局，或回复“转人工”。已收录：{names}。"
        )
        return Answer(text, fallback=True, clarify=ids, intents=[i.value for i in intents])

    def _no_city(self, q: str, intents: list[Intent], today: dt.date) -> Answer:
        ids = self._every_place()
        if intents and intents[0] in _COMPACT and len(ids) <= 8:
            lines, cites = (
                [f"各地通知的{_INTENT_NAMES[intents[0]]}（请告诉我您所在的城市，可查看详情）："],
                [],
            )
            for nid in ids:
                notice = self.kb.notices[nid]
                part = compose(intents[0], notice, today, programme_named(q, notice), q)
                place = self.kb.metas[nid].place.name
                if part and not part.missing:
                    body = (
                        "；".join(ln.lstrip("• ") for ln in part.lines if not ln.endswith("："))
                        or part.lines[0]
                    )
                    lines.append(f"【{place}】{shorten(body, 90)}")
                    cites += part.citations[:1]
                else:
                    lines.append(f"【{place}】通知未写明。")
            return Answer(
                _render(lines, cites), cites, clarify=list(ids), intents=[i.value for i in intents]
            )
        shown = ids[:_MAX_CHOICES]
        names = "、".join(self.kb.metas[i].place.name for i in shown)
        more = f"等{len(ids)}个地区" if len(ids) > len(shown) else ""
        return Answer(
            f"请问您咨询的是哪个城市（地区）的通知？目前收录：{names}{more}。可以直接回复城市名称。",
            clarify=shown,
            intents=[i.value for i in intents],
        )

    def _assemble(self, parts: list[tuple[str, Part]], intents: list[Intent], note: str) -> Answer:
        lines, cites = [], []
        for nid, part in parts:
            place = self.kb.metas[nid].place.name
            lines.append(f"【{place}】" + part.lines[0])
            lines += part.lines[1:]
            cites += part.citations
        if note:
            lines.append(note)
        fallback = all(p.missing for _, p in parts)
        return Answer(
            _render(lines, cites),
            cites,
            fallback=fallback,
            notice_ids=[nid for nid, _ in parts],
            intents=[i.value for i in intents],
        )


_RARE_WORD = 30
"""jieba dictionary frequency below which a word no notice uses may be a typed homophone."""
_CUE = re.compile(
    r"(吗|呢|几|多少|什么|啥|怎么|怎样|哪|多久|多长|多大|能不能|要不要|是不是|是否|会怎样|如何"
    r"|有[^，,。]{0,8}(?:没|没有)$)"  # 字数有限制没: a question too
)


def _county_short(county: str) -> str:
    """``宜兴市`` → ``宜兴`` (a two-character name kept whole): how the notice names it."""
    return county.rstrip("市区县") if len(county) > 2 else county


def _sub_questions(question: str) -> list[str]:
    """The parts of a question asking two things (``韶关材料要几份 复印件要盖章吗``), each
    with its own question word, split at spaces and punctuation; ``[]`` for one question.
    The first part carries the place and the programme, so later parts keep them."""
    pieces = [p for p in re.split(r"[\s，,；;？?。!！]+", question.strip()) if p]
    chunks: list[str] = []
    for piece in pieces:
        if chunks and (
            not _CUE.search(chunks[-1])
            or re.fullmatch(
                r"(?:几号|哪个|哪间|几楼|几层|哪一?[个间层])[\u4e00-\u9fff]{0,4}", piece
            )
        ):
            # 芜湖 / 同一个人两种工作室能一起报吗: one question; 交到哪 / 几号办公室:
            # the second only narrows the first
            chunks[-1] += piece
        else:
            chunks.append(piece)
    chunks = [c for c in chunks if len(c) >= 3]
    if len(chunks) < 2 or not all(_CUE.search(c) for c in chunks):
        return []
    return chunks[:3]


def _merge(parts: list[Part]) -> Part:
    """One part from the parts of a multi-part question: lines and clauses once each; a
    "not stated" part only when every part is."""
    lines: list[str] = []
    cites: list[Citation] = []
    for part in parts:
        lines += [ln for ln in part.lines if ln not in lines]
        cites += [c for c in part.citations if c not in cites]
    return Part(lines, cites, missing=all(p.missing for p in parts))


def programme_named(question: str, notice: Notice) -> str:
    """The programme of a multi-programme notice the question names (无锡: ``首席技师``
    selects ``企业首席技师``); ``""`` when it names none or the notice has one."""
    progs = notice.meta.programmes
    if len(progs) < 2:
        return ""
    named = [p for p in progs if p in question or p.removeprefix("企业") in question]
    # its own words: 大师工作室 names 技能大师工作室 beside 首席技师工作室 (bigrams no other has)
    plain = re.sub(
        r"(?:高级|首席)?技师(?!工作室)|高级工", "", question
    )  # 我高级技师: a level, not 首席技师
    hits = [
        p
        for p in progs
        if any(
            p[i : i + 2] in plain
            for i in range(len(p) - 1)
            if not any(p[i : i + 2] in o for o in progs if o != p)
        )
    ]
    if len(set(named) | set(hits)) >= 2 and re.search(r"分别|和|与|及|两类|两个|都", question):
        return ""  # 技能大师工作室和劳模工匠创新工作室补助分别多少: both, none singled out
    if named:
        return max(named, key=len)
    return hits[0] if len(hits) == 1 else ""


_INTENT_NAMES = {
    Intent.DEADLINE: "截止时间",
    Intent.SUBSIDY: "补助标准",
    Intent.VALIDITY: "有效期",
    Intent.QUOTA: "名额",
    Intent.PUBLICITY: "公示规定",
}


def _render(lines: list[str], cites: list[Citation]) -> str:
    """The answer text: its lines, then the clauses it relies on, the notice named once
    (``📄 依据：太仓市《…》（太人社职〔2024〕7号）四、（一）：“…”``). A clause whose sentence
    the answer already shows is cited by its reference alone; at most three clauses."""
    text = "\n".join(lines)
    flat = fold(text)
    by_notice: dict[str, list[str]] = {}
    labels: dict[str, str] = {}
    seen: dict[tuple[str, str], tuple[int, set[str]]] = {}
    shown = 0
    for c in cites:
        key = (c.notice_id, c.clause)
        quote = fold(shorten(c.quote, 90)).rstrip("…")
        figures = re.findall(r"\d{5,}", c.quote)
        said = (len(quote) >= 8 and quote in flat) or bool(  # the answer shows the whole quote,
            figures and all(f in flat for f in figures)  # or every phone of a contact line
        )
        if key in seen:  # another sentence of a clause already cited: its quote joins it
            at, quotes = seen[key]
            if not said and c.quote not in quotes and len(quotes) < 2:
                quotes.add(c.quote)
                parts = by_notice[c.notice_id]
                head = parts[at] if "：“" in parts[at] else f"{parts[at]}："
                parts[at] = f"{head}“{shorten(c.quote, 90)}”"
            continue
        if shown >= 3:
            continue
        shown += 1
        labels[c.notice_id] = c.notice
        parts = by_notice.setdefault(c.notice_id, [])
        seen[key] = (len(parts), {c.quote})
        parts.append(c.clause if said else f"{c.clause}：“{shorten(c.quote, 90)}”")
    refs = [f"📄 依据：{labels[nid]}，" + "；".join(parts) for nid, parts in by_notice.items()]
    return text + ("\n" + "\n".join(refs) if refs else "")
