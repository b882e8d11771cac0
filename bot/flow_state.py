"""Typed state of the guided filing route, stored in :class:`bot.storage.Session`.

Shapes (the JSON stored is the same as the dicts older versions saved)::

    Flow  = FormFlow  {"kind": "form", "notice_id", "spec_id", "state": FormState, "opts",
                       "await_consent"}
          | CheckFlow {"kind": "check", "notice_id", "programme", "profile", "answered",
                       "skipped", "current", "spec_id" (form to start after, or ""), "opts"}
          | CondFlow  {"kind": "cond", "notice_id", "pending": [material names], "opts"}
          | ReuseFlow {"kind": "reuse", "notice_id", "spec_id", "opts"}
    Draft = {"spec_id", "state", "profile", "checked", "filled", "answers", "closed_ok"}

``session.flow`` is the running step (one of the four, told apart by ``kind``);
``session.drafts[notice_id]`` is the applicant's work on one notice, kept between flows.
A stored flow that does not validate (an unknown ``kind``, a missing field) is dropped
on load, as older code ignored it, instead of making the whole session unreadable.
"""

from __future__ import annotations

import logging
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, TypeAdapter, ValidationError, field_validator

from flows.form_state import FormState

log = logging.getLogger(__name__)


class _FlowBase(BaseModel):
    """What every flow has.

    Attributes:
        notice_id: The notice filed.
        opts: ``"<i>"`` → the full payload of a button whose payload was too long for a
            messenger (sent as ``file:opt:<i>``); replaced with every step's buttons.
    """

    notice_id: str
    opts: dict[str, str] = Field(default_factory=dict)


def _form_state_or_none(value: Any) -> Any:
    """An empty dict (a flow saved before its first step) is no state."""
    return None if value == {} else value


class FormFlow(_FlowBase):
    """A form being filled.

    Attributes:
        spec_id: ``FormSpec.id`` of the form.
        state: The runner's state (``None`` only before the first step is shown).
        await_consent: The applicant was asked to agree to giving personal numbers
            online and has not answered yet.
    """

    kind: Literal["form"] = "form"
    spec_id: str
    state: FormState | None = None
    await_consent: bool = False

    _empty_state = field_validator("state", mode="before")(_form_state_or_none)


class CheckFlow(_FlowBase):
    """The eligibility self-check of one programme.

    Attributes:
        programme: The programme checked (``技能大师工作室``, ``企业首席技师`` …).
        profile: Slot → the answer validated (JSON values).
        answered: Slots answered, in order (``/back`` pops the last).
        skipped: Slots skipped with ``/skip``.
        current: The slot being asked, ``""`` before the first question.
        spec_id: The form started after the check, ``""`` for a check on its own.
    """

    kind: Literal["check"] = "check"
    programme: str
    profile: dict[str, Any] = Field(default_factory=dict)
    answered: list[str] = Field(default_factory=list)
    skipped: list[str] = Field(default_factory=list)
    current: str = ""
    spec_id: str = ""


class CondFlow(_FlowBase):
    """Yes/no questions deciding conditional materials before the checklist.

    Attributes:
        pending: Names of the materials still to decide; the first is being asked.
    """

    kind: Literal["cond"] = "cond"
    pending: list[str] = Field(default_factory=list)


class ReuseFlow(_FlowBase):
    """The offer to reuse answers of another form of the notice (是/否).

    Attributes:
        spec_id: The form about to start.
    """

    kind: Literal["reuse"] = "reuse"
    spec_id: str


Flow = Annotated[FormFlow | CheckFlow | CondFlow | ReuseFlow, Field(discriminator="kind")]
"""A running filing step, told apart by ``kind``."""

_FLOW: TypeAdapter[Flow] = TypeAdapter(Flow)


def load_flow(value: Any) -> Flow | None:
    """A stored flow (dict or model) as a typed flow; ``None`` for nothing or for a flow
    that does not validate (logged)."""
    if value is None or isinstance(value, FormFlow | CheckFlow | CondFlow | ReuseFlow):
        return value
    try:
        return _FLOW.validate_python(value)
    except ValidationError as err:
        log.warning("stored flow dropped: %s", err.errors()[0].get("msg", err))
        return None


class Draft(BaseModel):
    """One applicant's work on one notice.

    Attributes:
        spec_id: The form in progress, ``None`` when none.
        state: Its runner state, ``None`` when none.
        profile: The self-check answers (slot → value); they prefill forms.
        checked: Programmes whose self-check was completed.
        filled: Spec id → values of every form finished.
        answers: Material name → the applicant's yes/no to its condition.
        closed_ok: The applicant chose to go on although the round has closed.
    """

    spec_id: str | None = None
    state: FormState | None = None
    profile: dict[str, Any] = Field(default_factory=dict)
    checked: list[str] = Field(default_factory=list)
    filled: dict[str, dict[str, Any]] = Field(default_factory=dict)
    answers: dict[str, bool] = Field(default_factory=dict)
    closed_ok: bool = False

    _empty_state = field_validator("state", mode="before")(_form_state_or_none)

    def merged(self) -> dict[str, Any]:
        """Every answer of the notice: the profile, then each finished form's values."""
        values = dict(self.profile)
        for filled in self.filled.values():
            values.update(filled)
        return values
