"""Scoring a committed question set, shared by ``test_qa.py`` and ``test_holdout.py``.

Each set is answered once (:func:`knowledge.evaluate.evaluate`) and checked three ways:
an accuracy floor, no answer citing another city's notice, and every out-of-scope
question declined without quoting a notice.  Failures list the questions by id.
The grader itself (:func:`knowledge.evaluate.judge`) is tested in ``test_evaluate.py``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from knowledge.evaluate import Verdict, evaluate
from knowledge.qa import Answer, Answerer

Item = dict[str, Any]


def out_of_scope(items: list[Item]) -> list[Item]:
    """The questions of a set that must be declined."""
    return [
        i for i in items if i.get("intent") == "out_of_scope" or "out_of_scope" in i.get("tags", [])
    ]


def score(answerer: Answerer, items: list[Item], today: dt.date, name: str) -> list[Verdict]:
    """Answer and judge every question; print the accuracy and the wrong ones (``-s``)."""
    verdicts = evaluate(answerer, items, today)
    ok = sum(v.ok for v in verdicts)
    print(f"\n{name} accuracy: {ok}/{len(verdicts)} = {ok / len(verdicts):.1%}")
    print(report(items, [v for v in verdicts if not v.ok]))
    return verdicts


def report(items: list[Item], pick: list[Verdict]) -> str:
    """One line a verdict: id, question, why it is wrong."""
    by_id = {i["id"]: i for i in items}
    return "\n".join(f"{v.qid} {by_id[v.qid]['question']} — {v.why}" for v in pick)


def assert_accuracy(items: list[Item], verdicts: list[Verdict], floor: float, name: str) -> None:
    assert len(verdicts) == len(items), "every question must be judged"
    ok = sum(v.ok for v in verdicts)
    accuracy = ok / len(verdicts)
    wrong = [v for v in verdicts if not v.ok]
    assert accuracy >= floor, (
        f"{name} accuracy {ok}/{len(verdicts)} = {accuracy:.1%} < {floor:.0%}; wrong:\n"
        + report(items, wrong)
    )


def assert_no_wrong_notice(items: list[Item], verdicts: list[Verdict]) -> None:
    wrong = [v for v in verdicts if v.wrong_notice]
    assert not wrong, "answers citing another city's notice:\n" + report(items, wrong)


def assert_declined(answer: Answer) -> None:
    """An out-of-scope question is declined (or falls back) and quotes no notice."""
    assert answer.out_of_scope or answer.fallback, answer.text
    assert not answer.citations, "an out-of-scope question must not quote a notice"
