"""The self-check as a form (flows/check_form.py) run by the forms' runner: it asks what
next_question asks, /skip leaves a slot unknown, /back takes the last answer back."""

from __future__ import annotations

import datetime as dt

import pytest
from test_eligibility import LUCHENG, SHAOGUAN, TAICANG, WUXI, ZHENJIANG, notice

from flows.check_form import check_answers, check_form, check_state
from flows.eligibility import next_question, programmes
from flows.form_state import FormInput, pending
from flows.runner import advance

TODAY = dt.date(2024, 6, 1)
TYPED = {  # an applicant's answers by slot; any other question is skipped
    "skill_level": "高级技师",
    "achievement_types": "1",
    "host_type": "企业",
    "training_funds_share": "35%",
    "birth_date": "1975年3月",
    "sex": "男",
    "team_size": "6",
    "studio_founded": "2018年9月",
    "qualified_members": "4",
}


@pytest.mark.parametrize("name", [TAICANG, ZHENJIANG, LUCHENG, WUXI, SHAOGUAN])
def test_the_runner_asks_what_next_question_asks(name: str) -> None:
    n = notice(name)
    for programme in programmes(n):
        spec = check_form(n, programme, TODAY)
        state = check_state(spec, {}, [], [])
        asked = []
        while (nxt := pending(spec, state)) is not None:
            profile, _, skipped = check_answers(state)
            q = next_question(n, profile, TODAY, programme, skipped=skipped)
            assert q is not None and nxt[1] is not None and q.slot == nxt[1].name
            asked.append(q.slot)
            typed = TYPED.get(q.slot, "/skip")
            result = advance(spec, state, FormInput.parse(typed), context={"today": TODAY})
            assert not result.error, (q.slot, result.error)
            state = result.state
        profile, answered, skipped = check_answers(state)
        assert next_question(n, profile, TODAY, programme, skipped=skipped) is None
        assert asked and answered + skipped and set(answered) <= set(TYPED)


def test_skip_stays_and_back_takes_the_last_answer_back() -> None:
    n = notice(TAICANG)
    spec = check_form(n, "技能大师工作室", TODAY)
    state = check_state(spec, {}, [], [])
    for typed in ["高级技师", "/skip"]:
        state = advance(spec, state, FormInput.parse(typed), context={"today": TODAY}).state
    profile, answered, skipped = check_answers(state)
    assert profile == {"skill_level": "一级/高级技师"} and answered == ["skill_level"]
    assert skipped == ["achievement_types"]
    again = check_state(spec, profile, answered, skipped)  # saved and loaded between turns
    back = advance(spec, again, FormInput.parse("/back"), context={"today": TODAY}).state
    assert check_answers(back) == ({}, [], ["achievement_types"])
    bad = advance(spec, again, FormInput.parse("40%"), context={"today": TODAY})
    assert bad.error and bad.state.values == again.values  # host_type asked: not a choice
