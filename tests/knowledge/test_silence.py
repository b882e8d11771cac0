"""A notice silent on what was asked: the answer says so and gives the contact, instead
of quoting a clause about something else."""

from __future__ import annotations

import datetime as dt

TODAY = dt.date(2024, 6, 1)


def test_payment_date_not_written_is_said_so_with_the_contact(answerer) -> None:
    a = answerer.answer("太仓的补助什么时候到账", TODAY)
    assert a.fallback
    assert "没有写明" in a.text and "0512-53542494" in a.text
    assert "8月20日" not in a.text  # not the application deadline


def test_a_written_date_of_the_event_is_not_silence(answerer) -> None:
    a = answerer.answer("太仓的截止时间", TODAY)
    assert not a.fallback and "8月20日" in a.text


def test_questions_for_other_services_are_declined(answerer) -> None:
    for q in ("韶关高级技师证怎么考啊", "电工证过期了怎么年审"):
        a = answerer.answer(q, TODAY)
        assert a.fallback and a.out_of_scope, q


def test_own_facts_about_the_notice_in_context_are_answered(answerer, notice_of) -> None:
    a = answerer.answer("我1972年生的", TODAY, current=notice_of["太仓"])
    assert not a.out_of_scope


def test_an_amount_the_notice_leaves_open_is_not_stated(answerer) -> None:
    a = answerer.answer("韶关认定以后补助多少钱", TODAY)
    assert a.fallback and "酌情予以补助" in a.text and "0751-8605683" in a.text
    a = answerer.answer("镇江评估考核优秀的奖励具体多少钱", TODAY)
    assert a.fallback and "一定的奖励" in a.text


def test_a_fax_is_kept_apart_and_answered_when_asked() -> None:
    from knowledge.models import Clause
    from knowledge.parse.contacts import extract_contacts

    [c] = extract_contacts(
        [
            Clause(
                ref="五、",
                heading="联系方式",
                line=1,
                text="联系电话：0596-2592316，传真：0596-2592309。",
            )
        ],
        "0596",
    )
    assert c.phones == ["0596-2592316"] and c.faxes == ["0596-2592309"]
