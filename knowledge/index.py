"""BM25 ranking of clauses over jieba tokens.

Documents are clauses (notice id + clause ref). The index is built in memory when the
knowledge base loads; ranking can be restricted to some notices.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class Hit:
    """A ranked clause: ``score`` is BM25; ``coverage`` the IDF-weighted share (0–1) of the
    distinct query tokens that occur in the clause (a token no notice contains weighs
    as much as the rarest known token)."""

    notice_id: str
    clause_ref: str
    score: float
    coverage: float


class BM25Index:
    """Okapi BM25 (k1=1.5, b=0.75) over token lists."""

    def __init__(self, k1: float = 1.5, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self._docs: list[tuple[str, str]] = []
        self._lengths: list[int] = []
        self._postings: dict[str, list[tuple[int, int]]] = {}
        self._idf: dict[str, float] = {}
        self._avgdl = 1.0

    def add(self, notice_id: str, clause_ref: str, tokens: list[str]) -> None:
        """Add one clause; call :meth:`finish` after the last one."""
        doc = len(self._docs)
        self._docs.append((notice_id, clause_ref))
        self._lengths.append(len(tokens))
        for term, tf in Counter(tokens).items():
            self._postings.setdefault(term, []).append((doc, tf))

    def finish(self) -> None:
        """Compute IDF and average length (after all :meth:`add` calls)."""
        n = max(len(self._docs), 1)
        self._avgdl = (sum(self._lengths) / n) or 1.0
        self._idf = {
            t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self._postings.items()
        }

    def idf(self, term: str) -> float:
        """IDF of ``term`` (0 for unknown terms)."""
        return self._idf.get(term, 0.0)

    def search(
        self, tokens: list[str], notices: set[str] | None = None, limit: int = 5
    ) -> list[Hit]:
        """Rank clauses for a tokenised query.

        Args:
            tokens: Query tokens.
            notices: Restrict to these notice ids; ``None`` searches all.
            limit: Maximum number of hits.

        Returns:
            Hits, best first.
        """
        terms = list(dict.fromkeys(tokens))
        scores: dict[int, float] = {}
        matched: dict[int, float] = {}
        unknown = math.log(1 + len(self._docs))
        total = sum(self._idf.get(t) or unknown for t in terms) or 1.0
        for term in terms:
            idf = self._idf.get(term)
            if not idf:
                continue
            for doc, tf in self._postings[term]:
                if notices is not None and self._docs[doc][0] not in notices:
                    continue
                norm = tf + self.k1 * (1 - self.b + self.b * self._lengths[doc] / self._avgdl)
                scores[doc] = scores.get(doc, 0.0) + idf * tf * (self.k1 + 1) / norm
                matched[doc] = matched.get(doc, 0.0) + idf
        best = sorted(scores, key=lambda d: -scores[d])[:limit]
        return [
            Hit(self._docs[d][0], self._docs[d][1], scores[d], matched[d] / total) for d in best
        ]
