"""Curated FAQ: staff answers saved from tickets, matched before the notices' Q&A.

Matching (:class:`FaqMatcher`): the question and every phrasing of an entry are
normalised (:func:`knowledge.text.normalize_question`, punctuation removed) and the
place mentions are taken out, so "太仓" never makes two different questions look alike.
The score mixes the overlap of content tokens (jieba via the knowledge base's tokenizer,
generic words such as 工作室 ignored; a Dice coefficient where a word containing the
other counts 0.8, weight 0.6) with rapidfuzz's
character similarity of the remaining text (weight 0.4). An entry about one city never
answers a question about another (the place named in the question, else the notice in
the session).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.messages import Reply, Source
from bot.routes import Route, Turn
from bot.tickets import FaqEntry, TicketStore
from knowledge.base import KnowledgeBase
from knowledge.text import normalize_question

MATCH_THRESHOLD = 0.75
"""Minimum score (0–1) for an FAQ answer; tuned in ``tests/bot/test_faq.py``."""
TOKEN_WEIGHT = 0.6
GENERIC = frozenset(
    {"工作室", "技能大师工作室", "大师工作室", "技能", "大师", "申报", "政策", "技能大师", "通知"}
)
_PUNCT = re.compile(r"[^\w]+")
CITATION = "——工作人员整理的答复（FAQ #{id}）"


@dataclass
class FaqMatch:
    """The best entry for a question and its score (0–1)."""

    entry: FaqEntry
    score: float


class FaqMatcher:
    """Scores questions against FAQ entries using a knowledge base's places and tokenizer."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._cache: dict[str, tuple[str, frozenset[str], list[str]]] = {}

    def _strip_places(self, text: str) -> tuple[str, list[str]]:
        hits = self.kb.places.match(text)
        for hit in hits:
            text = text.replace(hit.mention, " ")
        return text, [h.notice_id for h in hits]

    def features(self, question: str) -> tuple[str, frozenset[str], list[str]]:
        """``(text, content tokens, notice ids named)`` of a question (cached)."""
        cached = self._cache.get(question)
        if cached is not None:
            return cached
        if len(self._cache) > 5000:
            self._cache.clear()
        text, notices = self._strip_places(normalize_question(question))
        tokens = frozenset(t for t in self.kb.tokenizer.tokens(text) if t not in GENERIC)
        self._cache[question] = result = (_PUNCT.sub("", text), tokens, notices)
        return result

    def similarity(self, a: str, b: str) -> float:
        """Similarity of two questions, 0–1 (places ignored)."""
        ta, ka, _ = self.features(a)
        tb, kb_, _ = self.features(b)
        return _score(ta, ka, tb, kb_)

    def same_place(self, a: str | None, b: str | None) -> bool:
        """True when two notice ids are of the same place (or either is unknown)."""
        if not a or not b or a == b:
            return True
        na, nb = self.kb.notices.get(a), self.kb.notices.get(b)
        if na is None or nb is None:
            return True
        return na.meta.place.name == nb.meta.place.name

    def best(
        self, question: str, entries: list[FaqEntry], current: str | None = None
    ) -> FaqMatch | None:
        """The best entry scoring at least :data:`MATCH_THRESHOLD`, else None.

        Args:
            question: The user's text.
            entries: Candidate FAQ entries.
            current: The session's notice id, used when the question names no place.
        """
        text, tokens, named = self.features(question)
        if not tokens and not text:
            return None
        best: FaqMatch | None = None
        for entry in entries:
            if named:
                if entry.notice_id and not any(self.same_place(n, entry.notice_id) for n in named):
                    continue
            elif not self.same_place(current, entry.notice_id):
                continue
            for phrasing in entry.phrasings:
                pt, pk, _ = self.features(phrasing)
                score = _score(text, tokens, pt, pk)
                if score >= MATCH_THRESHOLD and (best is None or score > best.score):
                    best = FaqMatch(entry, score)
        return best


def _score(ta: str, ka: frozenset[str], tb: str, kb_: frozenset[str]) -> float:
    tokens = (_soft(ka, kb_) + _soft(kb_, ka)) / (len(ka) + len(kb_)) if ka and kb_ else 0.0
    chars = fuzz.ratio(ta, tb) / 100 if ta and tb else 0.0
    return TOKEN_WEIGHT * tokens + (1 - TOKEN_WEIGHT) * chars


def _soft(a: frozenset[str], b: frozenset[str]) -> float:
    """Tokens of ``a`` found in ``b``: 1 for the same word, 0.8 when one contains the
    other (发/发放, 时候/啥时候)."""
    total = 0.0
    for tok in a:
        if tok in b:
            total += 1.0
        elif any(tok in other or other in tok for other in b):
            total += 0.8
    return total


def faq_reply(entry: FaqEntry, kb: KnowledgeBase) -> Reply:
    """The reply for an FAQ answer: the staff text, the FAQ citation and the notice."""
    lines = [entry.answer.strip(), CITATION.format(id=entry.id)]
    sources = []
    notice = kb.notices.get(entry.notice_id or "")
    if notice is not None:
        lines.append(f"📄 参考通知：{notice.label}")
        sources.append(Source(notice=notice.label, clause="", quote=""))
    return Reply(text="\n".join(lines), sources=sources, from_staff=True)


def faq_route(tickets: TicketStore) -> Route:
    """A route answering plain questions from the curated FAQ when one matches.

    Commands, button presses, a pending city choice and turns inside a form are passed on.
    """

    matcher: FaqMatcher | None = None

    async def route(turn: Turn) -> list[Reply] | None:
        session = turn.session
        if (
            turn.payload
            or not turn.text
            or turn.text.startswith("/")
            or session.flow
            or session.pending_question
        ):
            return None
        entries = await tickets.faqs()
        if not entries:
            return None
        nonlocal matcher
        kb = turn.engine.kb
        if matcher is None or matcher.kb is not kb:  # features are cached per knowledge base
            matcher = FaqMatcher(kb)
        match = matcher.best(turn.text, entries, session.notice_id)
        if match is None:
            return None
        if match.entry.notice_id in kb.notices:
            session.notice_id = match.entry.notice_id
        return [faq_reply(match.entry, kb)]

    return route
