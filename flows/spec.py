"""Declarative form specs: one :class:`FormSpec` per attached application form.

A spec is data only; :func:`flows.runner.advance` runs it and
:func:`flows.documents.render_form_docx` prints it. Shapes::

    FormSpec                     one printed form (申请表, 申报表, 备案表, 申办报告 ...)
    ├── items: list[FieldSpec | GroupSpec]   in the order they are asked
    │   ├── FieldSpec            one cell: slot name, printed label, validator, ...
    │   └── GroupSpec            a repeated table (members, awards): fields per row
    └── signature_cells: list[str]   cells filled by officials (单位意见 ...), left blank

Slot names are shared with the eligibility module where a field carries the same
fact: ``birth_date``, ``sex``, ``skill_level``, ``honours``, ``team_size``,
``studio_founded``, ``host_type`` ...
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

YES_WORDS = frozenset({"是", "yes", "y", "true", "1", "有", "对"})


class FormKind(StrEnum):
    """What a form is for."""

    APPLICATION = "application"  # 申请表 / 申报表
    MEMBER_RECORD = "member_record"  # 成员申报备案表
    REPORT = "report"  # 申办报告
    ASSESSMENT = "assessment"  # 评估考核表
    SELF_CHECK = "self_check"  # the eligibility self-check's questions (never printed)


class AskIf(BaseModel):
    """A condition on another slot deciding whether a field or group is asked.

    With neither ``equals`` nor ``one_of`` set, the slot must be filled and truthy.

    Attributes:
        slot: The slot the condition reads, e.g. ``"leader_change"``.
        equals: Required value; ``True``/``False`` also match ``"是"``/``"否"``.
        one_of: Any of these values.
    """

    slot: str
    equals: str | int | bool | None = None
    one_of: list[str] = Field(default_factory=list)

    def holds(self, values: dict[str, Any]) -> bool:
        """Return whether the condition holds for ``values`` (slot name → value)."""
        value = values.get(self.slot)
        if self.one_of:
            return value in self.one_of
        if self.equals is None:
            return bool(value)
        if isinstance(self.equals, bool):
            return _as_bool(value) is self.equals
        return value == self.equals


def _as_bool(value: Any) -> bool | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in YES_WORDS


class FieldSpec(BaseModel):
    """One fillable cell of a form.

    Attributes:
        kind: Discriminator, always ``"field"``.
        name: Slot name (English identifier), unique within the form.
        label: The label as printed on the form, whitespace removed.
        display: A disambiguated label for review screens and ``/edit`` when the
            printed label repeats (``"联系人办电"``); empty to use ``label``.
        prompt: The question asked (Chinese).
        help: Longer help text shown on ``/help`` or after repeated failures.
        validator: Name of a validator in ``flows.validators.VALIDATORS``.
        options: Choices offered as buttons and passed as ``context["options"]``.
        required: False when the user may ``/skip`` it.
        section: The form section the cell belongs to (``"领办人基本情况"``).
        min: Lower bound passed as ``context["min"]`` (integers, years, areas).
        max: Upper bound passed as ``context["max"]``.
        max_len: Maximum length in characters, ``context["max_len"]``.
        pattern: Optional regular expression the raw answer must fully match
            (postcodes, bank accounts), checked before the validator.
        pattern_hint: Error message shown when ``pattern`` does not match.
        sensitive: Mask the value on review screens (bank card numbers).
        unit: Appended to the value when shown or printed (``"平方米"``).
        ask_if: Only ask when this condition on other slots holds.
        context: Further validator parameters (``{"allow_other": True}``), passed
            with the others by :meth:`context_params`.
    """

    kind: Literal["field"] = "field"
    name: str
    label: str
    display: str = ""
    prompt: str
    help: str = ""
    validator: str = "text"
    options: list[str] = Field(default_factory=list)
    required: bool = True
    section: str = ""
    min: float | None = None
    max: float | None = None
    max_len: int | None = None
    pattern: str = ""
    pattern_hint: str = ""
    sensitive: bool = False
    unit: str = ""
    ask_if: AskIf | None = None
    context: dict[str, Any] = Field(default_factory=dict)

    @property
    def title(self) -> str:
        """The label shown to users: ``display`` or the printed ``label``."""
        return self.display or self.label

    def show(self, value: Any) -> str:
        """The value as printed: :func:`format_value` plus ``unit`` (empty stays empty)."""
        text = format_value(value)
        return f"{text}{self.unit}" if text and self.unit else text

    def context_params(self) -> dict[str, Any]:
        """Validator parameters: ``options``, ``min``, ``max``, ``max_len``, ``label``,
        then :attr:`context`."""
        params: dict[str, Any] = {"label": self.title}
        if self.options:
            params["options"] = list(self.options)
        for key in ("min", "max", "max_len"):
            value = getattr(self, key)
            if value is not None:
                params[key] = value
        return {**params, **self.context}


class GroupSpec(BaseModel):
    """A repeated table of the form (team members, awards, work history).

    Each completed row is stored as a dict (field name → value) in the list
    ``values[name]``.

    Attributes:
        kind: Discriminator, always ``"group"``.
        name: Slot name holding the list of rows.
        label: The table's label as printed (``"技能大师工作室其他成员"``).
        item_label: What one row is called in questions (``"成员"``, ``"获奖项目"``).
        prompt: Introduction shown before the first row.
        help: Help text.
        section: Form section.
        fields: The columns, asked in order for each row.
        min_items: Rows required before ``完成`` is offered (0 = optional table).
        max_items: Rows after which the table is closed automatically.
        layout: ``"table"`` (one row per item) or ``"records"`` (one sub-form per
            item, e.g. the 太仓 成员申报备案表).
        signature_cells: Per-record official cells (``"工作室意见"``), records only.
        ask_if: Only ask when this condition holds.
    """

    kind: Literal["group"] = "group"
    name: str
    label: str
    item_label: str = "项"
    prompt: str = ""
    help: str = ""
    section: str = ""
    fields: list[FieldSpec]
    min_items: int = 1
    max_items: int = 20
    layout: Literal["table", "records"] = "table"
    signature_cells: list[str] = Field(default_factory=list)
    ask_if: AskIf | None = None

    @property
    def title(self) -> str:
        """The label shown to users."""
        return self.label

    @property
    def required(self) -> bool:
        """True when at least one row is required."""
        return self.min_items > 0

    def field(self, name: str) -> FieldSpec | None:
        """Return the column named ``name``, or ``None``."""
        return next((f for f in self.fields if f.name == name), None)


Item = FieldSpec | GroupSpec


class FormSpec(BaseModel):
    """One printed form, as a sequence of fields and repeated groups.

    Attributes:
        id: Stable id, e.g. ``"taicang_application"``; saved in ``FormState.spec_id``.
        notice_id: The notice the form is attached to (``"000_2e12cdb3a8cadbd3"``).
        title: The form's title as printed (``"太仓市技能大师工作室申请表"``).
        attachment: Attachment number as printed (``"附件1"``), empty when none.
        kind: What the form is for.
        sections: Section names in print order.
        items: Fields and groups in asking order (= print order).
        signature_cells: Official cells left blank for signatures and stamps.
        naming_pattern: The notice's naming rule for the studio, when it has one,
            e.g. ``"太仓市+领办人名字+职业工种名称+技能大师工作室"``.
        notes: Footnotes printed under the form (``"注：本表一式二份"``).
        grid: The attachment's table as printed, for forms built from it: rows of cells,
            each a printed text, a ``{slot}`` value cell or a ``{group:<slot>}`` row
            standing for the rows of a repeated table; empty for hand-made layouts.
        asks: ``values → slots still worth asking`` (the self-check: the slots some rule
            is still unknown for); a field outside them is passed over. ``None`` asks
            every active field. Code, not data: set by the builder, never stored.
    """

    id: str
    notice_id: str
    title: str
    attachment: str = ""
    kind: FormKind = FormKind.APPLICATION
    sections: list[str] = Field(default_factory=list)
    items: list[FieldSpec | GroupSpec] = Field(default_factory=list)
    signature_cells: list[str] = Field(default_factory=list)
    naming_pattern: str = ""
    notes: list[str] = Field(default_factory=list)
    grid: list[list[str]] = Field(default_factory=list)
    asks: Callable[[Mapping[str, Any]], Collection[str]] | None = Field(
        default=None, exclude=True, repr=False
    )

    @model_validator(mode="after")
    def _check(self) -> FormSpec:
        names = [item.name for item in self.items]
        duplicates = {n for n in names if names.count(n) > 1}
        if duplicates:
            raise ValueError(f"duplicate slot names in {self.id}: {sorted(duplicates)}")
        for item in self.items:
            if item.section and item.section not in self.sections:
                self.sections.append(item.section)
        return self

    def item(self, name: str) -> Item | None:
        """Return the field or group with slot ``name``, or ``None``."""
        return next((i for i in self.items if i.name == name), None)

    @property
    def fields(self) -> list[FieldSpec]:
        """Top-level fields (not group columns) in order."""
        return [i for i in self.items if isinstance(i, FieldSpec)]

    @property
    def groups(self) -> list[GroupSpec]:
        """Repeated groups in order."""
        return [i for i in self.items if isinstance(i, GroupSpec)]

    def find(self, query: str) -> Item | None:
        """Find an item by slot name, display label or printed label.

        Whitespace and full-width/half-width parentheses are ignored; when several
        items share a printed label the first one wins (use its ``display``).
        """
        key = _norm(query)
        for attr in ("name", "display", "label"):
            for item in self.items:
                if _norm(str(getattr(item, attr, "") or "")) == key and key:
                    return item
        return None


def _norm(text: str) -> str:
    return "".join(text.split()).replace("（", "(").replace("）", ")").lower()


def active(item: Item, values: dict[str, Any]) -> bool:
    """Return whether ``item`` is asked given the current ``values``."""
    return item.ask_if is None or item.ask_if.holds(values)


def format_value(value: Any) -> str:
    """Format a slot value for display and print: ``True`` → ``是``, ``None`` → ````,
    ``120.0`` → ``120``, lists joined with ``、``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list):
        return "、".join(format_value(v) for v in value)
    return str(value)
