"""The grader behind the accuracy floors (:func:`knowledge.evaluate.judge`).

``test_qa.py`` and ``test_holdout.py`` trust its verdicts; a grader that passed wrong
answers would keep both floors green.  Here it judges hand-made answers.
"""

from __future__ import annotations

from typing import Any

import pytest

from knowledge.compose import Citation
from knowledge.evaluate import judge
from knowledge.qa import Answer

PLACE_OF = {"n-tc": "太仓", "n-wx": "无锡"}


def item(**fields: Any) -> dict[str, Any]:
    row = {"id": "q1", "question": "太仓的截止时间？", "notice": "太仓", "expect_any": ["8月20日"]}
    return row | fields


def cite(notice_id: str) -> Citation:
    return Citation(notice_id=notice_id, notice=PLACE_OF[notice_id], clause="四、（一）", quote="…")


def answer(text: str, *cited: str, **fields: Any) -> Answer:
    return Answer(text=text, citations=[cite(n) for n in cited], **fields)


def test_right_string_from_the_right_notice_is_correct() -> None:
    verdict = judge(item(), answer("截止时间为2024年8 月 20 日。", "n-tc"), PLACE_OF)
    assert (verdict.ok, verdict.wrong_notice, verdict.qid) == (True, False, "q1")


@pytest.mark.parametrize(
    ("row", "reply", "why"),
    [
        (item(), answer("截止时间为9月1日。", "n-tc"), "missing"),
        (item(), answer("截止时间为8月20日。"), "no citation"),
        (item(), answer("没有找到", "n-tc", fallback=True), "unexpected fallback"),
        (item(expect_all=["8月20日", "17:00"]), answer("8月20日前", "n-tc"), "missing"),
        (
            item(fallback=True, expect_any=["53542494"]),
            answer("8月20日", "n-tc"),
            "expected fallback",
        ),
        (
            item(fallback=True, expect_any=["53542494"]),
            answer("通知没有写明。", fallback=True),
            "fallback without the right contact",
        ),
        (item(clarify=True), answer("8月20日", "n-tc"), "did not ask which city"),
    ],
    ids=[
        "wrong-string",
        "uncited",
        "fallback",
        "one-of-expect-all-missing",
        "should-fall-back",
        "fallback-without-contact",
        "should-clarify",
    ],
)
def test_wrong_answers_are_marked_wrong(row: dict[str, Any], reply: Answer, why: str) -> None:
    verdict = judge(row, reply, PLACE_OF)
    assert not verdict.ok
    assert why in verdict.why, verdict.why


def test_citing_another_city_is_wrong_even_with_the_right_string() -> None:
    verdict = judge(item(), answer("8月20日", "n-tc", "n-wx"), PLACE_OF)
    assert not verdict.ok and verdict.wrong_notice
    verdict = judge(
        item(fallback=True, expect_any=["53542494"]),
        answer("请致电53542494", "n-wx", fallback=True),
        PLACE_OF,
    )
    assert not verdict.ok and verdict.wrong_notice


def test_fallback_with_contact_and_clarification_are_correct() -> None:
    fallback = item(fallback=True, expect_any=["0512-53542494"])
    assert judge(fallback, answer("请致电0512-53542494", "n-tc", fallback=True), PLACE_OF).ok
    clarify = item(notice=None, clarify=True)
    assert judge(clarify, answer("请问是哪个城市？", clarify=["n-tc", "n-wx"]), PLACE_OF).ok
    assert judge(clarify, answer("太仓8月20日，无锡4月25日", "n-tc", "n-wx"), PLACE_OF).ok
