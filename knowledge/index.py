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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import overload


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
        # after finish(): every term's postings back to back in two arrays (doc numbers,
        # term frequencies; 5 bytes per posting instead of a tuple's ~70), and each
        # term's [start, end) in them, its doc numbers sorted
        self._doc_of: array[int] = array("i")
        self._tf_of: array[int] = array("i")
        self._span: dict[str, tuple[int, int]] = {}
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
        top = max((f for p in self._postings.values() for _, f in p), default=0)
        self._tf_of = array("B" if top < 2**8 else "H" if top < 2**16 else "i")
        for t, p in self._postings.items():
            start = len(self._doc_of)
            self._doc_of.extend(d for d, _ in p)
            self._tf_of.extend(f for _, f in p)
            self._span[t] = (start, len(self._doc_of))
        self._postings = {}

    def __getstate__(self) -> dict[str, object]:
        """Pickled state (a stored index loads without re-tokenising any clause)."""
        return {
            "k1": self.k1,
            "b": self.b,
            "docs": _pack_docs(self._docs),
            "lengths": array("i", self._lengths),
            "doc_of": self._doc_of,
            "tf_of": self._tf_of,
            "span": self._span,
            "idf": self._idf,
            "avgdl": self._avgdl,
            "runs": self._runs,
        }

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(
            k1=state["k1"],
            b=state["b"],
            _docs=_DocList(*state["docs"]),  # type: ignore[misc]
            _lengths=state["lengths"],
            _postings={},
            _doc_of=state["doc_of"],
            _tf_of=state["tf_of"],
            _span=state["span"],
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
            for doc, tf in self._slices(self._span[term], runs):
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

    def _slices(
        self, span: tuple[int, int], runs: list[tuple[int, int]] | None
    ) -> Iterable[tuple[int, int]]:
        """A term's ``(doc, tf)`` postings (``span`` of the packed arrays) inside
        ``runs``; all of them when ``runs`` is None. O(runs × log(postings)) to find them."""
        start, end = span
        docs, tfs = self._doc_of, self._tf_of
        if runs is None:
            return zip(docs[start:end], tfs[start:end], strict=True)
        out: list[tuple[int, int]] = []
        for lo, hi in runs:
            i = bisect_left(docs, lo, start, end)
            j = bisect_left(docs, hi, i, end)
            out += zip(docs[i:j], tfs[i:j], strict=True)
        return out


def _pack_docs(
    docs: list[tuple[str, str]],
) -> tuple[list[str], array[int], list[str], array[int]]:
    """``[(notice id, clause ref)]`` as distinct ids and refs plus one index array each
    (a few hundred distinct refs serve 10,000 notices' clauses)."""
    ids: dict[str, int] = {}
    refs: dict[str, int] = {}
    id_of = array("i", (ids.setdefault(nid, len(ids)) for nid, _ in docs))
    ref_of = array("i", (refs.setdefault(ref, len(refs)) for _, ref in docs))
    return list(ids), id_of, list(refs), ref_of


class _DocList(Sequence[tuple[str, str]]):
    """The documents of a loaded index, ``(notice id, clause ref)`` by number, packed."""

    def __init__(self, ids: list[str], id_of: array[int], refs: list[str], ref_of: array[int]):
        self._ids, self._id_of, self._refs, self._ref_of = ids, id_of, refs, ref_of

    def __len__(self) -> int:
        return len(self._id_of)

    @overload
    def __getitem__(self, i: int) -> tuple[str, str]: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[tuple[str, str]]: ...
    def __getitem__(self, i: int | slice) -> tuple[str, str] | Sequence[tuple[str, str]]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        return self._ids[self._id_of[i]], self._refs[self._ref_of[i]]

    def __reduce__(self) -> tuple[object, ...]:
        return (_DocList, (self._ids, self._id_of, self._refs, self._ref_of))
