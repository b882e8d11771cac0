"""The notice corpus: every notice, field by field, against its hand-written expected facts.

Fields the parser still gets wrong are listed in ``tests/data/corpus/known_failures.json``;
each notice must fail exactly those, so a regression fails and a fix forces the list to
be updated.
The aggregate floors sit a few points below the measured accuracy.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge.notice_check import (
    FACT_FIELDS,
    META_FIELDS,
    NoticeScore,
    corpus_files,
    score_notice,
    summarize,
)

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
KNOWN = json.loads((CORPUS / "known_failures.json").read_text(encoding="utf-8"))
FILES = corpus_files([CORPUS])
_SCORES: dict[str, NoticeScore] = {}


def _score(path: Path, expected: dict[str, object]) -> NoticeScore:
    if path.name not in _SCORES:
        _SCORES[path.name] = score_notice(path, expected)  # type: ignore[arg-type]
    return _SCORES[path.name]


def test_corpus_is_large_and_varied() -> None:
    suffixes = {p.suffix for p, _ in FILES}
    assert len(FILES) >= 40
    assert {".txt", ".html", ".docx", ".pdf"} <= suffixes
    assert any(not e.get("is_call", True) for _, e in FILES)
    assert any(e.get("script") == "traditional" for _, e in FILES)


@pytest.mark.parametrize(("path", "expected"), FILES, ids=[p.name for p, _ in FILES])
def test_notice(path: Path, expected: dict[str, object]) -> None:
    """Every field right, except exactly the known failures of this notice: a regression
    fails, and so does a fix until the entry is removed from the list."""
    score = _score(path, expected)
    wrong = sorted(k for k, ok in score.fields.items() if not ok)
    found = {k: score.found.get(k) for k in wrong}
    assert wrong == sorted(KNOWN.get(path.name, [])), f"{path.name}: found {found} {score.error}"


FLOORS = {"accepted": 0.97, "metadata": 0.97, "key facts": 0.97}  # measured 1.00 on 100 notices


def test_accuracy_floors() -> None:
    totals = summarize([_score(p, e) for p, e in FILES])
    ok, n = totals["accepted"]
    assert ok / n >= FLOORS["accepted"]
    for label, names in (("metadata", META_FIELDS[1:]), ("key facts", FACT_FIELDS)):
        ok = sum(totals[k][0] for k in names if k in totals)
        n = sum(totals[k][1] for k in names if k in totals)
        assert ok / n >= FLOORS[label], f"{label}: {ok}/{n}"
