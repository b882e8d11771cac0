"""Held-out question set: how well the answerer generalises beyond the tuned set.

``tests/data/questions_holdout.jsonl`` (80 questions) was written from the notice texts
alone, without looking at the answering code or at ``tests/data/questions.jsonl``:
colloquial, long and traditional-character phrasings, plausible place-name typos,
pinyin, county names (丹阳/句容, 江阴/宜兴/梁溪, 南雄/乐昌/曲江, 苏州, 温州), city-less
questions that need a clarification, out-of-scope questions and in-domain questions
the notice does not answer. Every expected string is copied from the notice.

Do not edit the expectations to match the bot's answers; raise HOLDOUT_FLOOR as the
answerer improves.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from evaluation_support import (
    assert_accuracy,
    assert_declined,
    assert_no_wrong_notice,
    out_of_scope,
    score,
)

from knowledge.evaluate import Verdict, load_questions
from knowledge.qa import Answerer

HOLDOUT = Path(__file__).resolve().parents[2] / "tests" / "data" / "questions_holdout.jsonl"
TODAY = dt.date(2024, 6, 1)  # the date the set was written against

HOLDOUT_FLOOR = 0.80

ITEMS = load_questions(HOLDOUT)
OUT_OF_SCOPE = out_of_scope(ITEMS)


@pytest.fixture(scope="module")
def verdicts(answerer: Answerer) -> list[Verdict]:
    return score(answerer, ITEMS, TODAY, "hold-out")


def test_holdout_set_shape() -> None:
    assert len(ITEMS) == 80
    assert len({i["id"] for i in ITEMS}) == len(ITEMS)
    assert len(OUT_OF_SCOPE) >= 8
    assert sum(bool(i.get("clarify")) for i in ITEMS) >= 8


def test_holdout_accuracy_floor(verdicts: list[Verdict]) -> None:
    assert_accuracy(ITEMS, verdicts, HOLDOUT_FLOOR, "hold-out")


def test_holdout_no_wrong_notice(verdicts: list[Verdict]) -> None:
    assert_no_wrong_notice(ITEMS, verdicts)


@pytest.mark.parametrize("item", OUT_OF_SCOPE, ids=[i["id"] for i in OUT_OF_SCOPE])
def test_holdout_out_of_scope_falls_back(answerer: Answerer, item: dict) -> None:  # type: ignore[type-arg]
    assert_declined(answerer.answer(item["question"], TODAY))
