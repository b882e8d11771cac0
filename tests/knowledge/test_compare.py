"""Comparing notices: a question naming several places gets a conclusion."""

from __future__ import annotations

import datetime as dt

TODAY = dt.date(2024, 6, 1)


def test_two_places_compared_get_a_conclusion(answerer) -> None:
    a = answerer.answer("太仓和无锡截止时间哪个早", TODAY)
    assert a.text.startswith("比较：") and "无锡市截止最早" in a.text


def test_equal_values_and_unstated_ones_are_said(answerer) -> None:
    same = answerer.answer("太仓和镇江哪个补助多", TODAY)
    assert same.text.startswith("比较：") and "补助相同" in same.text
    unknown = answerer.answer("无锡和韶关哪个有效期长", TODAY)
    assert "无锡市的通知没有写明有效期" in unknown.text
