"""What the form runner shows: questions with buttons, progress, the review screen.

Masks follow the usual Chinese practice for screens that may be seen by others:
ID ``3201**********1234``, mobile ``138****5678``, landline ``0512-****2494``, bank
numbers keep their first and last four digits. Printed forms are never masked.
"""

from __future__ import annotations

import re
from typing import Any

from flows.form_state import Choice, FormState, Phase, StepResult, pending, question_key
from flows.masking import mask_id, mask_phone
from flows.spec import FieldSpec, FormSpec, GroupSpec, active

PHONE_VALIDATORS = frozenset({"mobile", "phone", "landline"})
MAX_SHOWN = 40  # characters of a long answer shown on the review screen


def _mask_digits(text: str) -> str:
    return re.sub(r"\d[\d ]{6,}\d", lambda m: mask_id(m.group(0).replace(" ", "")), text)


def mask_value(field: FieldSpec, value: Any) -> str:
    """Format ``value`` for a screen, masking IDs, phones and sensitive numbers."""
    text = field.show(value)
    if not text:
        return "（未填）"
    if field.validator == "id_number":
        return mask_id(text)
    if field.validator in PHONE_VALIDATORS:
        return mask_phone(text)
    if field.sensitive:
        return _mask_digits(text)
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + "…"


def active_items(spec: FormSpec, values: dict[str, Any]) -> list[FieldSpec | GroupSpec]:
    """Top-level items asked given ``values`` (``ask_if`` applied)."""
    return [i for i in spec.items if active(i, values)]


def progress_text(spec: FormSpec, values: dict[str, Any], nxt: tuple[Any, Any] | None) -> str:
    """``"第 7/23 项"`` for the pending item, ``"共 23 项，已全部填写"`` when none."""
    items = active_items(spec, values)
    if nxt is None:
        return f"共 {len(items)} 项，已全部填写"
    index = next((n for n, i in enumerate(items, 1) if i is nxt[0]), len(items))
    return f"第 {index}/{len(items)} 项"


def _row_text(group: GroupSpec, row: dict[str, Any]) -> str:
    return "；".join(f"{c.label}：{mask_value(c, row.get(c.name))}" for c in group.fields)


def render_review(spec: FormSpec, values: dict[str, Any], *, complete: bool) -> str:
    """The review screen: every answer by section, masked, with how to edit.

    Args:
        spec: The form.
        values: Slot values.
        complete: True when everything is filled (adds the /edit and /confirm hint);
            False lists only what is filled so far.
    """
    lines = [f"请核对《{spec.title}》的填写内容：" if complete else "目前已填写："]
    section = ""
    for item in active_items(spec, values):
        if item.name not in values:
            continue
        if item.section and item.section != section:
            section = item.section
            lines.append(f"【{section}】")
        if isinstance(item, FieldSpec):
            lines.append(f"· {item.title}：{mask_value(item, values[item.name])}")
            continue
        rows = values.get(item.name) or []
        lines.append(f"· {item.title}（{len(rows)} 条）：" if rows else f"· {item.title}：（无）")
        lines += [f"    {n}. {_row_text(item, row)}" for n, row in enumerate(rows, 1)]
    if complete:
        example = spec.fields[0].title if spec.fields else ""
        lines.append(
            f"\n如需修改，请发送 /edit 加项目名称（如：/edit {example}）；确认无误请发送 /confirm。"
        )
    return "\n".join(lines)


# --- prompts -------------------------------------------------------------------------


def ask(spec: FormSpec, st: FormState, *, intro: str = "", error: str = "") -> StepResult:
    """Build the result asking the pending question (or showing the review screen)."""
    nxt = pending(spec, st) if st.phase == Phase.FILLING else None
    progress = progress_text(spec, st.values, nxt)
    if nxt is None:
        st.phase, st.current = Phase.REVIEW, ""
        text = render_review(spec, st.values, complete=True)
        choices = [
            Choice(label="确认提交", payload="/confirm"),
            Choice(label="返回上一步", payload="/back"),
        ]
        return StepResult(
            state=st, prompt=_join(intro, text), choices=choices, error=error, progress=progress
        )
    group, col = nxt
    if col is None:
        assert isinstance(group, GroupSpec)
        st.current = group.name
        text, choices = _menu_prompt(group, st)
    else:
        st.current = question_key(group, col)
        text, choices = _field_prompt(spec, group, col, st)
        if st.failures.get(st.current, 0) >= 3:
            choices += [Choice(label="查看填写说明", payload="/help")]
            if not col.required:
                choices += [Choice(label="跳过", payload="/skip")]
            choices += [Choice(label="转人工", payload="/handoff")]
    return StepResult(
        state=st, prompt=_join(intro, text), choices=choices, error=error, progress=progress
    )


def _field_prompt(
    spec: FormSpec, group: FieldSpec | GroupSpec, col: FieldSpec, st: FormState
) -> tuple[str, list[Choice]]:
    lines = []
    if isinstance(group, GroupSpec):
        assert st.item is not None
        n = len(st.values.get(group.name, [])) + 1
        if not st.item and n == 1 and group.prompt:
            lines.append(group.prompt)
        lines.append(f"【{group.title} · 第 {n} {_unit(group)}{group.item_label}】")
    elif col.section and _first_of_section(spec, col):
        lines.append(f"【{col.section}】")
    question = col.prompt
    if not col.required:
        question += "（选填，可发送 /skip 跳过）"
    lines.append(question)
    if st.editing == col.name:
        old = next((r["value"] for r in reversed(st.history) if r["op"] == "edit"), None)
        lines.append(f"原填写：{mask_value(col, old)}")
    choices = [Choice(label=o, payload=o) for o in col.options]
    if not col.required and st.failures.get(question_key(group, col), 0) < 3:
        choices.append(Choice(label="跳过", payload="/skip"))
    return "\n".join(lines), choices


def _menu_prompt(group: GroupSpec, st: FormState) -> tuple[str, list[Choice]]:
    rows = st.values.get(group.name, [])
    unit = _unit(group)
    add = Choice(label=f"再添加一{unit}", payload="/add")
    done = Choice(label="完成", payload="/done")
    if not rows:
        return f"是否填写“{group.title}”？", [
            Choice(label="添加", payload="/add"),
            Choice(label="不填，跳过", payload="/done"),
        ]
    names = "、".join(str(r.get(group.fields[0].name, "")) for r in rows)
    text = f"“{group.title}”已填写 {len(rows)} {unit}：{names}。"
    if len(rows) < group.max_items:
        text += f"还要再添加一{unit}吗？"
    choices = [add] if len(rows) < group.max_items else []
    choices += [done] if len(rows) >= group.min_items else []
    if st.editing == group.name:
        text += "\n可删除某一条后重新添加。"
        choices += [
            Choice(label=f"删除第{i}{unit}", payload=f"/del {i}") for i in range(1, len(rows) + 1)
        ]
    return text, choices


def _unit(group: GroupSpec) -> str:
    return "位" if group.item_label in ("成员", "人员") else "项"


def _first_of_section(spec: FormSpec, field: FieldSpec) -> bool:
    same = [i for i in spec.items if i.section == field.section]
    return bool(same) and same[0] is field


def _join(*parts: str) -> str:
    return "\n\n".join(p for p in parts if p)
