"""Question answering over the built-in notices plus the fictional 青川 notice.

Two layers:

- the committed question set (``tests/data/questions.jsonl``), scored by
  :func:`knowledge.evaluate.evaluate`: an accuracy floor, no answer citing a wrong
  notice, and every out-of-scope question declined;
- concrete behaviours a user would notice (a date, a phone number, a citation, a
  typo or a county resolving to the right city, an honest "not stated" with the
  right contact).

Strings are compared after :func:`knowledge.text.fold` (NFKC, whitespace removed), the
same way the evaluator compares them.
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
from knowledge.qa import Answer, Answerer
from knowledge.text import fold

QUESTIONS = Path(__file__).resolve().parents[2] / "tests" / "data" / "questions.jsonl"
TODAY = dt.date(2024, 6, 1)  # the date the question set was written against

# Target accuracy on the question set (issue 2); measured 95.1% (212/223) when set. Raise it as
# the answerer improves; never lower it.
ACCURACY_FLOOR = 0.95

ITEMS = load_questions(QUESTIONS)
OUT_OF_SCOPE = out_of_scope(ITEMS)


def ask(answerer: Answerer, question: str, today: dt.date = TODAY) -> Answer:
    return answerer.answer(question, today)


def text_of(answer: Answer) -> str:
    return fold(answer.text)


def has(answer: Answer, expected: str) -> bool:
    """``expected`` appears in the answer, compared in folded form."""
    return fold(expected) in text_of(answer)


def cited_ids(answer: Answer) -> set[str]:
    return {c.notice_id for c in answer.citations}


def assert_about(answer: Answer, nid: str) -> None:
    """The answer is about notice ``nid`` and cites nothing else."""
    assert answer.notice_ids[:1] == [nid], (
        f"resolved to {answer.notice_ids}, want {nid}\n{answer.text}"
    )
    assert cited_ids(answer) <= {nid}, f"cites {cited_ids(answer)}\n{answer.text}"


# ------------------------------------------------------------- question set


@pytest.fixture(scope="module")
def verdicts(answerer: Answerer) -> list[Verdict]:
    return score(answerer, ITEMS, TODAY, "question set")


def test_question_set_is_not_trivial() -> None:
    assert len(ITEMS) >= 200
    assert len(OUT_OF_SCOPE) >= 10


def test_accuracy_floor(verdicts: list[Verdict]) -> None:
    assert_accuracy(ITEMS, verdicts, ACCURACY_FLOOR, "question set")


def test_no_answer_cites_a_wrong_notice(verdicts: list[Verdict]) -> None:
    assert_no_wrong_notice(ITEMS, verdicts)


@pytest.mark.parametrize("item", OUT_OF_SCOPE, ids=[i["id"] for i in OUT_OF_SCOPE])
def test_out_of_scope_questions_are_declined(answerer: Answerer, item: dict) -> None:  # type: ignore[type-arg]
    assert_declined(ask(answerer, item["question"]))


# ------------------------------------------------------------- 太仓 deadline


def test_taicang_deadline_is_dated_and_cited(answerer: Answerer, notice_of: dict[str, str]) -> None:
    answer = ask(answerer, "太仓的截止时间？")
    text = text_of(answer)
    assert "2024年8月20日" in text
    assert "太人社职〔2024〕7号" in text
    assert not answer.fallback
    assert_about(answer, notice_of["太仓"])
    assert any(c.clause == "四、（一）" for c in answer.citations), [
        c.clause for c in answer.citations
    ]
    assert has(answer, "四、（一）"), "the clause reference must be shown to the user"


def test_deadline_passed_is_said(answerer: Answerer) -> None:
    assert "已过" in text_of(ask(answerer, "太仓的截止时间？", dt.date(2024, 9, 1)))


def test_deadline_not_yet_passed_is_not_called_passed(answerer: Answerer) -> None:
    assert "已过" not in text_of(ask(answerer, "太仓的截止时间？", dt.date(2024, 6, 1)))


# ------------------------------------------------------------- other cities


def test_lucheng_materials(answerer: Answerer, notice_of: dict[str, str]) -> None:
    answer = ask(answerer, "鹿城需要准备哪些材料")
    text = text_of(answer)
    assert_about(answer, notice_of["鹿城"])
    assert not answer.fallback
    assert "申报表" in text
    assert "申报报告" in text
    assert "A4" in text


def test_shaoguan_phone(answerer: Answerer, notice_of: dict[str, str]) -> None:
    answer = ask(answerer, "韶关联系电话")
    assert_about(answer, notice_of["韶关"])
    assert "0751-8605683" in text_of(answer)


def test_wuxi_age_limit(answerer: Answerer, notice_of: dict[str, str]) -> None:
    answer = ask(answerer, "无锡申报年龄有要求吗")
    assert_about(answer, notice_of["无锡"])
    assert "55周岁" in text_of(answer)


def test_subsidy_without_city_lists_cities_or_asks(answerer: Answerer, kb) -> None:  # type: ignore[no-untyped-def]
    answer = ask(answerer, "补助多少钱")
    assert not answer.out_of_scope
    places_named = [
        n.meta.place.name for n in kb.notices.values() if n.meta.place.name in answer.text
    ]
    assert answer.clarify or len(places_named) >= 3, answer.text
    if not answer.clarify:
        assert len(cited_ids(answer)) >= 2


def test_weather_is_out_of_scope(answerer: Answerer) -> None:
    answer = ask(answerer, "明天天气怎么样")
    assert answer.out_of_scope
    assert not answer.citations


# ------------------------------------------------------------- resolving the city


@pytest.mark.parametrize(
    ("question", "place", "expect"),
    [
        ("太仑截止时间", "太仓", "8月20日"),  # look-alike typo
        ("taicang截止时间", "太仓", "8月20日"),  # pinyin
        ("無錫申報年齡", "无锡", "55周岁"),  # traditional characters
        ("江阴补贴", "无锡", "5万元"),  # county of 无锡
        ("太人社职[2024]7号的截止时间", "太仓", "8月20日"),  # 文号 with ASCII brackets
    ],
    ids=["typo", "pinyin", "traditional", "county", "doc-number"],
)
def test_question_resolves_to_the_right_notice(
    answerer: Answerer, notice_of: dict[str, str], question: str, place: str, expect: str
) -> None:
    answer = ask(answerer, question)
    assert_about(answer, notice_of[place])
    assert not answer.fallback, answer.text
    assert expect in text_of(answer)


# ------------------------------------------------------------- not stated


def test_unanswered_question_falls_back_with_contact(
    answerer: Answerer, notice_of: dict[str, str]
) -> None:
    answer = ask(answerer, "太仓工作室每年要考核吗")
    text = text_of(answer)
    assert answer.fallback, answer.text
    assert not answer.out_of_scope
    assert cited_ids(answer) <= {notice_of["太仓"]}
    assert "53542494" in text
    assert "转人工" in text


# ------------------------------------------------------------- 青川 (unseen notice)


def test_qingchuan_was_ingested(kb_build) -> None:  # type: ignore[no-untyped-def]
    _, results = kb_build
    assert [r.status for r in results] == ["added"], results


def test_qingchuan_deadline(answerer: Answerer, notice_of: dict[str, str]) -> None:
    answer = ask(answerer, "青川申报截止时间是什么时候")
    assert_about(answer, notice_of["青川"])
    assert not answer.fallback
    assert "2025年9月30日" in text_of(answer)


def test_qingchuan_contact_phone(answerer: Answerer, notice_of: dict[str, str]) -> None:
    answer = ask(answerer, "青川联系电话多少")
    assert_about(answer, notice_of["青川"])
    text = text_of(answer)
    assert "0839-1234567" in text or "0839-1234568" in text


def test_qingchuan_subsidy(answerer: Answerer, notice_of: dict[str, str]) -> None:
    answer = ask(answerer, "青川补助多少钱")
    assert_about(answer, notice_of["青川"])
    assert not answer.fallback
    assert "3万元" in text_of(answer)


def test_a_count_written_in_chinese_numerals_finds_the_clause(answerer):
    answer = answerer.answer("韶关工作室五年后怎么办", TODAY)
    assert not answer.fallback
    assert "期满后可以申请延续" in answer.text


def test_a_known_place_without_a_notice_is_said_so_even_in_a_conversation(answerer):
    taicang = "000_2e12cdb3a8cadbd3"
    answer = answerer.answer("溧阳有工作室通知吗", TODAY, current=taicang)
    assert answer.fallback and not answer.citations
    assert "常州市溧阳市" in answer.text and "没有收录" in answer.text
    # 新兴 (a county of 云浮) inside 新兴产业 is a word, not a place
    industry = answerer.answer("韶关重点支持哪些新兴产业", TODAY)
    assert "没有收录" not in industry.text
