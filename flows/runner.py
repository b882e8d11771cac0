"""The form runner: a pure ``advance(spec, state, input) -> StepResult``.

Rasa-style: the next question is the first active item still empty; a value the
validator rejects is not stored and the same field is asked again. Repeated groups
ask their columns row by row, then offer 再添加一位 / 完成. When nothing is empty the
form goes to the review screen; ``/confirm`` finishes it.

The engine keeps :class:`FormState` (JSON, ``state.model_dump(mode="json")``) per session,
calls :func:`start` once and :func:`advance` for every user turn, and renders the
returned :class:`StepResult` (prompt, choices, error, progress). Nothing here does I/O.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from flows.form_state import (
    Choice,
    FormInput,
    FormState,
    InputKind,
    Phase,
    StepResult,
    pending,
    question_key,
    to_json_value,
)
from flows.review import ask, progress_text, render_review
from flows.spec import FieldSpec, FormSpec, GroupSpec, active

Validators = Mapping[str, Any]

__all__ = [
    "Choice",
    "FormInput",
    "FormState",
    "InputKind",
    "Phase",
    "StepResult",
    "advance",
    "pending",
    "start",
]


def start(spec: FormSpec, values: Mapping[str, Any] | None = None) -> StepResult:
    """Begin ``spec``; ``values`` prefills top-level fields (e.g. the self-check profile).

    Prefilled values are not asked again (they show on the review screen); a list given
    for a text field (``honours`` from the self-check) is joined with ``、``.
    """
    state = FormState(spec_id=spec.id)
    for field in spec.fields:
        if field.name in (values or {}):
            value = to_json_value((values or {})[field.name])
            if isinstance(value, list) and field.validator == "text":
                value = "、".join(map(str, value))
            state.values[field.name] = value
    _settle(spec, state)
    intro = f"开始填写《{spec.title}》。随时可发送 /back 返回上一步，/review 查看已填内容。"
    return ask(spec, state, intro=intro)


def advance(
    spec: FormSpec,
    state: FormState,
    user_input: FormInput,
    validators: Validators | None = None,
    context: Mapping[str, Any] | None = None,
) -> StepResult:
    """Apply one user turn to a copy of ``state``.

    Args:
        spec: The form being filled (``spec.id == state.spec_id``).
        state: The saved state; not mutated.
        user_input: The answer or command (see :meth:`FormInput.parse`).
        validators: Name → validator; defaults to ``flows.validators.VALIDATORS``.
        context: Extra validator context, e.g. ``{"today": date, "area_code": "0512"}``.

    Returns:
        The new state and what to show.

    Raises:
        ValueError: ``state`` belongs to another spec.
        KeyError: A field names a validator missing from ``validators``.
    """
    if state.spec_id != spec.id:
        raise ValueError(f"state of {state.spec_id!r} given with spec {spec.id!r}")
    st = state.model_copy(deep=True)
    kind = user_input.kind
    if st.phase in (Phase.DONE, Phase.CANCELLED):
        return StepResult(
            state=st,
            prompt=f"《{spec.title}》已结束填写。",
            done=st.phase == Phase.DONE,
            cancelled=st.phase == Phase.CANCELLED,
        )
    if kind == InputKind.CANCEL:
        st.phase = Phase.CANCELLED
        return StepResult(state=st, prompt=f"已取消填写《{spec.title}》。", cancelled=True)
    if kind == InputKind.HANDOFF:
        res = ask(spec, st)
        res.prompt = "好的，正在为您转接人工服务，已填写的内容会保留。\n\n" + res.prompt
        res.handoff = True
        return res
    if kind == InputKind.BACK:
        return _back(spec, st)
    if kind == InputKind.EDIT:
        return _edit(spec, st, user_input.text)
    if kind in (InputKind.REVIEW, InputKind.STATUS):
        return _status(spec, st, kind)
    if kind == InputKind.CONFIRM:
        if st.phase == Phase.REVIEW:
            st.phase = Phase.DONE
            return StepResult(state=st, prompt=f"已确认《{spec.title}》的全部内容。", done=True)
        return ask(spec, st, error="还有未填写的项目，请先填写完。")
    if st.phase == Phase.REVIEW:
        return ask(spec, st, error="请发送 /confirm 确认提交，或发送 /edit 加项目名称进行修改。")
    nxt = pending(spec, st)
    assert nxt is not None, "filling phase with nothing pending"
    group, col = nxt
    if col is None:
        return _menu_input(spec, st, group, user_input)  # type: ignore[arg-type]
    if kind == InputKind.HELP:
        return ask(spec, st, intro=col.help or "这一项没有更多说明。")
    if kind == InputKind.SKIP:
        if col.required:
            return ask(spec, st, error="这一项是必填项，不能跳过。")
        return _store(spec, st, group, col, None)
    if kind != InputKind.TEXT:
        return ask(spec, st, error="这个操作现在用不上。")
    key = question_key(group, col)
    try:
        value = _validate(col, user_input.text, {**(context or {}), **_ctx(st)}, validators)
    except ValueError as err:
        st.failures[key] = st.failures.get(key, 0) + 1
        return ask(spec, st, error=str(err))
    st.failures.pop(key, None)
    return _store(spec, st, group, col, value)


def _validate(
    field: FieldSpec, raw: str, ctx: dict[str, Any], validators: Validators | None
) -> Any:
    text = raw.strip()
    if not text:
        raise ValueError("请填写内容" + ("，或发送 /skip 跳过。" if not field.required else "。"))
    if field.pattern and not re.fullmatch(field.pattern, text):
        raise ValueError(field.pattern_hint or "格式不正确，请核对后重新填写。")
    if validators is None:
        from flows.validators import VALIDATORS  # lazy: keeps specs importable alone

        validators = VALIDATORS
    return to_json_value(validators[field.validator](text, {**ctx, **field.context_params()}))


def _ctx(st: FormState) -> dict[str, Any]:
    values = {k: v for k, v in st.values.items() if v is not None}
    return {**values, **(st.item or {})}


def _store(
    spec: FormSpec, st: FormState, group: FieldSpec | GroupSpec, col: FieldSpec, value: Any
) -> StepResult:
    if group is col:
        st.values[col.name] = value
        st.history.append({"op": "set", "key": col.name, "user": True})
        if st.editing == col.name:
            st.editing = ""
    else:
        assert st.item is not None
        st.item[col.name] = value
        st.history.append({"op": "item_set", "key": col.name, "user": True})
    _settle(spec, st)
    return ask(spec, st)


def _settle(spec: FormSpec, st: FormState) -> None:
    """Commit full rows, open/close groups automatically; enter review when complete."""
    while (nxt := pending(spec, st)) is not None:
        group, col = nxt
        if not isinstance(group, GroupSpec) or col is not None:
            return
        rows = st.values.setdefault(group.name, [])
        if st.item is not None and st.group == group.name:  # row complete
            rows.append(st.item)
            st.item, st.group = None, ""
            st.history.append({"op": "item_commit", "group": group.name, "user": False})
        elif len(rows) >= group.max_items:
            st.done_groups.append(group.name)
            st.history.append({"op": "group_done", "group": group.name, "user": False})
        elif len(rows) < group.min_items:
            st.item, st.group = {}, group.name
            st.history.append({"op": "item_start", "group": group.name, "user": False})
        else:
            return
    st.phase, st.editing = Phase.REVIEW, ""


def _menu_input(spec: FormSpec, st: FormState, group: GroupSpec, inp: FormInput) -> StepResult:
    rows = st.values.setdefault(group.name, [])
    word = inp.text.strip()
    kind = inp.kind
    if kind == InputKind.TEXT:
        kind = (
            InputKind.ADD
            if word.startswith(("再", "添加", "是", "有", "继续"))
            else InputKind.DONE
            if word.startswith(("完成", "否", "没", "无", "不"))
            else kind
        )
    if kind == InputKind.ADD and len(rows) < group.max_items:
        st.item, st.group = {}, group.name
        st.history.append({"op": "item_start", "group": group.name, "user": True})
        return ask(spec, st)
    if kind in (InputKind.DONE, InputKind.SKIP) and len(rows) >= group.min_items:
        st.done_groups.append(group.name)
        st.history.append({"op": "group_done", "group": group.name, "user": True})
        if st.editing == group.name:
            st.editing = ""
        _settle(spec, st)
        return ask(spec, st)
    if kind == InputKind.DELETE and word.isdigit() and 1 <= int(word) <= len(rows):
        row = rows.pop(int(word) - 1)
        st.history.append(
            {"op": "delete", "group": group.name, "index": int(word) - 1, "row": row, "user": True}
        )
        _settle(spec, st)
        return ask(spec, st)
    if kind == InputKind.HELP:
        return ask(spec, st, intro=group.help or group.prompt or "这一项没有更多说明。")
    return ask(spec, st, error="请选择“再添加”或“完成”。")


def _back(spec: FormSpec, st: FormState) -> StepResult:
    if not any(rec["user"] for rec in st.history):
        return ask(spec, st, error="已经是第一项了。")
    st.phase = Phase.FILLING
    while st.history:
        rec = st.history.pop()
        st.undo(rec)
        if rec["user"]:
            break
    if pending(spec, st) is None:
        st.phase = Phase.REVIEW
    return ask(spec, st, intro="已返回上一步。")


def _edit(spec: FormSpec, st: FormState, query: str) -> StepResult:
    target = spec.find(query) if query else None
    if target is None:
        return ask(
            spec, st, error=f"没有找到“{query}”这一项，请按核对页上的名称发送 /edit 项目名称。"
        )
    if not active(target, st.values):
        return ask(spec, st, error=f"“{target.title}”这一项无需填写。")
    if st.item is not None:
        return ask(spec, st, error="请先填完当前这一条，再修改其他项目。")
    if isinstance(target, GroupSpec):
        if target.name not in st.done_groups:
            return ask(spec, st, error=f"“{target.title}”还没有填写完。")
        st.done_groups.remove(target.name)
        st.history.append({"op": "reopen", "group": target.name, "user": True})
    else:
        if target.name not in st.values:
            return ask(spec, st, error=f"“{target.title}”还没有填写，稍后会问到。")
        old = st.values.pop(target.name)
        st.history.append({"op": "edit", "key": target.name, "value": old, "user": True})
    st.phase, st.editing = Phase.FILLING, target.name
    return ask(spec, st)


def _status(spec: FormSpec, st: FormState, kind: InputKind) -> StepResult:
    if st.phase == Phase.REVIEW:
        return ask(spec, st)
    if kind == InputKind.REVIEW:
        return ask(spec, st, intro=render_review(spec, st.values, complete=False))
    return ask(
        spec,
        st,
        intro=f"正在填写《{spec.title}》，{progress_text(spec, st.values, pending(spec, st))}。",
    )
