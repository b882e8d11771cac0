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

from knowledge.evaluate import Verdict, evaluate, load_questions
from knowledge.qa import Answerer

HOLDOUT = Path(__file__).resolve().parents[2] / "tests" / "data" / "questions_holdout.jsonl"
TODAY = dt.date(2024, 6, 1)  # the date the set was written against

HOLDOUT_FLOOR = 0.80

ITEMS = load_questions(HOLDOUT)
BY_ID = {i["id"]: i for i in ITEMS}
OUT_OF_SCOPE = [
    i for i in ITEMS if i.get("intent") == "out_of_scope" or "out_of_scope" in i.get("tags", [])
]


@pytest.fixture(scope="module")
def verdicts(answerer: Answerer) -> list[Verdict]:
    result = evaluate(answerer, ITEMS, TODAY)
    ok = sum(v.ok for v in result)
    print(f"\nhold-out accuracy: {ok}/{len(result)} = {ok / len(result):.1%}")
    for v in result:
        if not v.ok:
            print(f"  WRONG {v.qid} {BY_ID[v.qid]['question']} — {v.why}")
    return result


def _report(pick: list[Verdict]) -> str:
    return "\n".join(f"{v.qid} {BY_ID[v.qid]['question']} — {v.why}" for v in pick)


def test_holdout_set_shape() -> None:
    assert len(ITEMS) == 80
    assert len({i["id"] for i in ITEMS}) == len(ITEMS)
    assert len(OUT_OF_SCOPE) >= 8
    assert sum(bool(i.get("clarify")) for i in ITEMS) >= 8


def test_holdout_accuracy_floor(verdicts: list[Verdict]) -> None:
    ok = sum(v.ok for v in verdicts)
    accuracy = ok / len(verdicts)
    wrong = [v for v in verdicts if not v.ok]
    assert accuracy >= HOLDOUT_FLOOR, (
        f"hold-out accuracy {ok}/{len(verdicts)} = {accuracy:.1%} < {HOLDOUT_FLOOR:.0%}; wrong:\n"
        + _report(wrong)
    )


def test_holdout_no_wrong_notice(verdicts: list[Verdict]) -> None:
    wrong = [v for v in verdicts if v.wrong_notice]
    assert not wrong, "answers citing another city's notice:\n" + _report(wrong)


@pytest.mark.parametrize("item", OUT_OF_SCOPE, ids=[i["id"] for i in OUT_OF_SCOPE])
def test_holdout_out_of_scope_falls_back(answerer: Answerer, item: dict) -> None:  # type: ignore[type-arg]
    answer = answerer.answer(item["question"], TODAY)
    assert answer.out_of_scope or answer.fallback, answer.text
    assert not answer.citations, "an out-of-scope question must not quote a notice"
