"""State and turn models of the form runner, and the pending-question rule.

Shapes::

    FormInput   one user turn: an answer (TEXT) or a command (/back, /skip, /edit ...)
    FormState   what is saved per session between turns (JSON)
    StepResult  what the engine shows after a turn: prompt, choices, error, progress
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field

from flows.spec import FieldSpec, FormSpec, GroupSpec, active


class Phase(StrEnum):
    """Where a form stands."""

    FILLING = "filling"
    REVIEW = "review"
    DONE = "done"
    CANCELLED = "cancelled"


class InputKind(StrEnum):
    """What the user sent: an answer or a command (``/back`` ...)."""

    TEXT = "text"
    BACK = "back"
    SKIP = "skip"
    EDIT = "edit"
    REVIEW = "review"
    CANCEL = "cancel"
    STATUS = "status"
    CONFIRM = "confirm"
    HELP = "help"
    HANDOFF = "handoff"
    ADD = "add"  # 再添加一位 (group)
    DONE = "done"  # 完成 (group)
    DELETE = "del"  # 删除第 N 位 (group being edited)


class FormInput(BaseModel):
    """One user turn. ``text`` is the answer, the field for ``edit``, the row for ``del``."""

    kind: InputKind = InputKind.TEXT
    text: str = ""

    @classmethod
    def parse(cls, raw: str) -> FormInput:
        """Parse typed text or a button payload: ``"/edit 联系电话"`` → EDIT, else TEXT."""
        text = raw.strip().replace("／", "/")
        match = re.fullmatch(r"/(\w+)\s*(.*)", text, flags=re.S)
        if match and match.group(1).lower() in set(InputKind) - {InputKind.TEXT}:
            return cls(kind=InputKind(match.group(1).lower()), text=match.group(2).strip())
        return cls(text=raw)


class Choice(BaseModel):
    """A button: ``label`` shown, ``payload`` sent back (≤ 64 bytes, for FormInput.parse)."""

    label: str
    payload: str


class FormState(BaseModel):
    """Everything needed to resume a form; JSON-serialisable.

    Attributes:
        spec_id: ``FormSpec.id``.
        phase: filling / review / done / cancelled.
        values: Slot name → value; a group's slot holds a list of row dicts; a skipped
            optional field holds ``None``.
        current: Key of the question last asked: ``"sex"``, ``"members.name"``,
            ``"members"`` (the 再添加/完成 menu), ``""`` on review.
        group: Group whose row is being filled, ``""`` when none.
        item: The row in progress (column name → value), ``None`` when none.
        done_groups: Groups closed with 完成 (or full).
        failures: Rejected answers per question key since its last success.
        history: Undo records for ``/back``, newest last.
        editing: Slot being changed from the review screen, ``""`` when none.
    """

    spec_id: str
    phase: Phase = Phase.FILLING
    values: dict[str, Any] = Field(default_factory=dict)
    current: str = ""
    group: str = ""
    item: dict[str, Any] | None = None
    done_groups: list[str] = Field(default_factory=list)
    failures: dict[str, int] = Field(default_factory=dict)
    history: list[dict[str, Any]] = Field(default_factory=list)
    editing: str = ""

    def undo(self, rec: dict[str, Any]) -> None:
        """Reverse one history record (see the ``op`` values written by the runner:
        set, item_set, item_start, item_commit, group_done, edit, reopen, delete)."""
        op = rec["op"]
        if op == "set":
            self.values.pop(rec["key"], None)
        elif op == "item_set" and self.item is not None:
            self.item.pop(rec["key"], None)
        elif op == "item_start":
            self.item, self.group = None, ""
        elif op == "item_commit":
            self.item, self.group = self.values[rec["group"]].pop(), rec["group"]
        elif op == "group_done" and rec["group"] in self.done_groups:
            self.done_groups.remove(rec["group"])
        elif op == "edit":
            self.values[rec["key"]] = rec["value"]
            self.editing = ""
        elif op == "reopen":
            self.done_groups.append(rec["group"])
            self.editing = ""
        elif op == "delete":
            self.values[rec["group"]].insert(rec["index"], rec["row"])


class StepResult(BaseModel):
    """What the engine shows after one turn.

    Attributes:
        state: The new state to save (the input state is never mutated).
        prompt: Text to send (Chinese): the next question, review screen, or notice.
        choices: Buttons (options, 是/否, 再添加一位/完成, help/skip/handoff).
        error: Why the answer was rejected (the same field is asked again), else ``""``.
        progress: e.g. ``"第 7/23 项"``.
        done: True once the user confirmed the review screen.
        cancelled: True after ``/cancel``.
        handoff: True when the user asked for a human (``/handoff``).
    """

    state: FormState
    prompt: str
    choices: list[Choice] = Field(default_factory=list)
    error: str = ""
    progress: str = ""
    done: bool = False
    cancelled: bool = False
    handoff: bool = False


Pending = tuple[FieldSpec | GroupSpec, FieldSpec | None]


def pending(spec: FormSpec, state: FormState) -> Pending | None:
    """Return the next question: ``(field, field)``, ``(group, column)`` for a row in
    progress, ``(group, None)`` for the group menu, or ``None`` when all is filled.

    A field the spec no longer :attr:`~flows.spec.FormSpec.asks` is passed over."""
    asks: Collection[str] | None = None
    for it in spec.items:
        if not active(it, state.values):
            continue
        if isinstance(it, FieldSpec):
            if it.name in state.values:
                continue
            if spec.asks is not None:
                asks = spec.asks(state.values) if asks is None else asks
                if it.name not in asks:
                    continue
            return it, it
        elif it.name not in state.done_groups:
            if state.group == it.name and state.item is not None:
                col = next((f for f in it.fields if f.name not in state.item), None)
                if col is not None:
                    return it, col
            return it, None
    return None


def question_key(group: FieldSpec | GroupSpec, col: FieldSpec) -> str:
    return col.name if group is col else f"{group.name}.{col.name}"


def to_json_value(value: Any) -> Any:
    """Make a validator's value JSON-safe: dates → ISO strings, tuples → lists."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [to_json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json_value(v) for k, v in value.items()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)
