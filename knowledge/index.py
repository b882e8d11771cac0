"""BM25 ranking of clauses over jieba tokens.

Documents are clauses (notice id + clause ref). The index is built in memory when the
knowledge base loads; ranking can be restricted to some notices. A notice's clauses are
added together, so they hold one run of document numbers: a search restricted to a few
notices reads only their slices of each term's postings (found by bisection), whatever
the number of notices.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
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
        # after finish(): term -> (doc numbers, term frequencies), sorted by doc (compact:
        # 8 bytes per posting instead of a tuple's ~70)
        self._packed: dict[str, tuple[array[int], array[int]]] = {}
        self._idf: dict[str, float] = {}
        self._avgdl = 1.0
        # notice id -> runs [first doc, last doc + 1) of its clauses (one run when its
        # clauses are added together, as the knowledge base does)
        self._runs: dict[str, list[list[int]]] = {}

    def add(self, notice_id: str, clause_ref: str, tokens: list[str]) -> None:
        """Add one clause; call :meth:`finish` after the last one."""
        doc = len(self._docs)
        self._docs.append((notice_id, clause_ref))
        self._lengths.append(len(tokens))
        runs = self._runs.setdefault(notice_id, [])
        if runs and runs[-1][1] == doc:
            runs[-1][1] = doc + 1
        else:
            runs.append([doc, doc + 1])
        for term, tf in Counter(tokens).items():
            self._postings.setdefault(term, []).append((doc, tf))

    def finish(self) -> None:
        """Compute IDF and average length and pack the postings (after all :meth:`add`
        calls; none may follow)."""
        n = max(len(self._docs), 1)
        self._avgdl = (sum(self._lengths) / n) or 1.0
        self._idf = {
            t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self._postings.items()
        }
        self._packed = {
            t: (array("i", [d for d, _ in p]), array("i", [f for _, f in p]))
            for t, p in self._postings.items()
        }
        self._postings = {}

    def __getstate__(self) -> dict[str, object]:
        """Pickled state (a stored index loads without re-tokenising any clause)."""
        return {
            "k1": self.k1,
            "b": self.b,
            "docs": self._docs,
            "lengths": array("i", self._lengths),
            "packed": self._packed,
            "idf": self._idf,
            "avgdl": self._avgdl,
            "runs": self._runs,
        }

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(
            k1=state["k1"],
            b=state["b"],
            _docs=state["docs"],
            _lengths=state["lengths"],
            _postings={},
            _packed=state["packed"],
            _idf=state["idf"],
            _avgdl=state["avgdl"],
            _runs=state["runs"],
        )

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
        runs = None if notices is None else self._runs_of(notices)
        for term in terms:
            idf = self._idf.get(term)
            if not idf:
                continue
            docs, tfs = self._packed[term]
            for doc, tf in self._slices(docs, tfs, runs):
                norm = tf + self.k1 * (1 - self.b + self.b * self._lengths[doc] / self._avgdl)
                scores[doc] = scores.get(doc, 0.0) + idf * tf * (self.k1 + 1) / norm
                matched[doc] = matched.get(doc, 0.0) + idf
        best = sorted(scores, key=lambda d: -scores[d])[:limit]
        return [
            Hit(self._docs[d][0], self._docs[d][1], scores[d], matched[d] / total) for d in best
        ]

    def _runs_of(self, notices: set[str]) -> list[tuple[int, int]]:
        """The document runs of ``notices``, in document order (so hits come in the
        order a scan of the whole postings list would give them)."""
        return sorted((lo, hi) for nid in notices for lo, hi in self._runs.get(nid, ()))

    @staticmethod
    def _slices(
        docs: array[int], tfs: array[int], runs: list[tuple[int, int]] | None
    ) -> Iterable[tuple[int, int]]:
        """The ``(doc, tf)`` postings (``docs`` sorted) inside ``runs``; all of them when
        ``runs`` is None. O(runs × log(postings)) to find them."""
        if runs is None:
            return zip(docs, tfs, strict=True)
        out: list[tuple[int, int]] = []
        for lo, hi in runs:
            i = bisect_left(docs, lo)
            j = bisect_left(docs, hi, i)
            out += zip(docs[i:j], tfs[i:j], strict=True)
        return out
