"""Test helper: answer any form spec through ``advance()`` with plausible values."""

from __future__ import annotations

from collections.abc import Callable

from flows.form_state import FormInput, StepResult
from flows.runner import advance, pending, start
from flows.spec import FieldSpec, FormSpec, GroupSpec
from flows.specs.common import ACCOUNT, POSTCODE

MALE_ID = "320102198001150019"  # born 1980-01-15, male
FEMALE_ID = "320102198001150027"
BAD_ID = "320102198001150018"  # checksum wrong
MOBILE = "13812345678"

BY_VALIDATOR = {
    "name": "张三",
    "sex": "男",
    "ethnicity": "汉族",
    "political_status": "中共党员",
    "education": "大学本科",
    "skill_level": "高级技师",
    "id_number": MALE_ID,
    "mobile": MOBILE,
    "landline": "0512-53542494",
    "phone": MOBILE,
    "email": "master@163.com",
    "year_month": "2000-07",
    "date": "2023-05-20",
    "year": "2020",
    "area_m2": "120",
    "yes_no": "否",
}
BY_NAME = {"birth_date": "1980-01"}


def answer_for(field: FieldSpec, n: int = 0) -> str:
    """A valid answer for ``field``; ``n`` varies names between group rows."""
    if field.name == "birth_date":
        return "1980-01-15" if field.validator == "date" else "1980-01"
    if field.validator == "name" and n:
        return ["李四", "王五", "赵六", "钱七", "孙八"][(n - 1) % 5]
    if field.validator in BY_VALIDATOR:
        return BY_VALIDATOR[field.validator]
    if field.validator == "choice":
        return field.options[0]
    if field.validator == "integer":
        return "35"
    if field.pattern == POSTCODE:
        return "215400"
    if field.pattern == ACCOUNT:
        return "6222020200112233445"
    return f"{field.label}的内容"


Hook = Callable[[FormSpec, StepResult], str | None]


def fill(
    spec: FormSpec,
    rows: int = 2,
    hook: Hook | None = None,
    max_turns: int = 400,
) -> tuple[StepResult, list[str]]:
    """Answer ``spec`` until its review screen; groups get ``max(rows, min_items)`` rows.

    ``hook(spec, result)`` may return a raw input to send instead of the default
    answer (commands included). Returns the last result and the inputs sent.
    """
    result = start(spec)
    sent: list[str] = []
    for _ in range(max_turns):
        if result.state.phase != "filling":
            return result, sent
        raw = hook(spec, result) if hook else None
        if raw is None:
            raw = default_input(spec, result, rows)
        sent.append(raw)
        result = advance(spec, result.state, FormInput.parse(raw))
    raise AssertionError("form did not reach review")


def default_input(spec: FormSpec, result: StepResult, rows: int) -> str:
    """The default answer to the pending question of ``result``."""
    nxt = pending(spec, result.state)
    assert nxt is not None
    item, col = nxt
    if col is None:
        assert isinstance(item, GroupSpec)
        have = len(result.state.values.get(item.name, []))
        return "/add" if have < max(rows, item.min_items) else "/done"
    n = len(result.state.values.get(item.name, [])) + 1 if isinstance(item, GroupSpec) else 0
    return answer_for(col, n)
