"""The eligibility self-check as a form, run by the same runner as every form
(:func:`flows.runner.advance`).

Shapes::

    check_form(notice, programme, today) -> FormSpec   one optional field per profile
        question (questions_for order); ``asks`` = the slots some rule is still unknown
        for, so a question decided by an alternative already met is passed over
    check_state(spec, profile, answered, skipped) -> FormState
        profile answers as values, skipped slots as None, one undo record per answer
        (``/back`` takes the last answer back; a skip stays)
    check_answers(state) -> (profile, answered, skipped)   the inverse

The bot keeps ``(profile, answered, skipped)`` in its flow and renders the questions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from flows.eligibility import check_eligibility, questions_for
from flows.form_state import FormState
from flows.profile_questions import ProfileQuestion
from flows.spec import AskIf, FieldSpec, FormKind, FormSpec
from knowledge.models import Notice


def _field(q: ProfileQuestion) -> FieldSpec:
    """A profile question as an optional field; its ``prompt`` is its label too (the
    validators see the question asked)."""
    [(slot, value)] = q.ask_if.items() if q.ask_if else [("", None)]
    return FieldSpec(
        name=q.slot,
        label=q.prompt,
        prompt=q.prompt,
        validator=q.validator,
        options=list(q.options),
        required=False,
        ask_if=AskIf(slot=slot, equals=value) if slot else None,
        context={**q.context, "options": list(q.options)},
    )


def known(values: Mapping[str, Any]) -> dict[str, Any]:
    """The profile of a check's values: the slots answered (skipped ones are ``None``)."""
    return {k: v for k, v in values.items() if v is not None}


def check_form(notice: Notice, programme: str, today: dt.date) -> FormSpec:
    """The self-check of ``programme`` as a form (see the module docstring).

    Raises:
        UnknownProgrammeError: No checkable condition for the programme.
    """

    def asks(values: Mapping[str, Any]) -> set[str]:
        return set(check_eligibility(notice, known(values), today, programme).missing_slots)

    return FormSpec(
        id=f"check:{notice.id}:{programme}",
        notice_id=notice.id,
        title=f"{notice.meta.place.name}{programme}申报条件自查",
        kind=FormKind.SELF_CHECK,
        items=[_field(q) for q in questions_for(notice, programme)],
        asks=asks,
    )


def check_state(
    spec: FormSpec,
    profile: Mapping[str, Any],
    answered: Sequence[str],
    skipped: Sequence[str],
    current: str = "",
) -> FormState:
    """The runner state of a check: answers, skips (``None``), an undo record per answer."""
    values: dict[str, Any] = {s: None for s in skipped}
    values.update(profile)
    history = [{"op": "set", "key": s, "user": True} for s in answered if s in profile]
    return FormState(spec_id=spec.id, values=values, history=history, current=current)


def check_answers(state: FormState) -> tuple[dict[str, Any], list[str], list[str]]:
    """``(profile, answered, skipped)`` of a check's runner state, answers in order."""
    profile = known(state.values)
    answered = [r["key"] for r in state.history if r["op"] == "set" and r["key"] in profile]
    answered = list(dict.fromkeys(answered))
    skipped = [k for k, v in state.values.items() if v is None]
    return profile, answered, skipped
