"""Curated forms kept as data: ``knowledge/data/forms/<notice id>.yaml``.

Some published notices lose their attachments' table layout (a .txt where every cell
became a line), so the fields cannot be read back from the text; staff then describe the
forms in a YAML file next to the notice, with friendlier prompts and help texts. No form
is Python: the five built-in notices are such files, and any ingested notice may get one.

File shape (every key but ``notice`` and ``forms`` optional)::

    notice: 000_2e12cdb3a8cadbd3        # the notice id (or doc_number: 太人社职〔2024〕7号)
    outline: [申办工作室名称, …]          # headings of the report the notice asks for
    forms:                               # FormSpec fields; items are FieldSpec / GroupSpec
      - id: taicang_application
        title: 太仓市技能大师工作室申请表
        items:
          - {name: leader_name, label: 领办人姓名, validator: name, prompt: 请输入领办人的姓名。}
          - {kind: group, name: members, label: 工作室成员, fields: [...]}
    prompts:                             # for generated forms: printed label → prompt/help
      工作室名称: {prompt: 工作室的名称？, help: 如：某市张三焊工技能大师工作室。}

Defaults filled in by the loader, so files stay short: the help text of a validator
(:data:`DEFAULT_HELP`), the usual options of sex/education/political status/levels, the
``postcode`` shorthand (6 digits) and floor areas in 平方米.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml
from pydantic import BaseModel, Field, ValidationError

from flows.spec import FieldSpec, FormSpec, GroupSpec
from flows.specs import common
from flows.specs.common import POSTCODE
from knowledge.models import Notice

_FACTORY_DEFAULTS: list[FieldSpec] = [
    common.id_number("身份证号码"),
    common.phone("phone", "联系电话"),
    common.mobile("mobile"),
    common.landline("landline", "办公电话"),
    common.email("email", "电子邮箱"),
    common.skill_level("职业资格等级"),
    common.person_name("name", "姓名", "领办人"),
    common.area("area", "场地面积"),
    common.sex(),
    common.political(),
    common.education("学历"),
    common.yes_no("yes_no", "是否", "是否？"),
]

DEFAULT_HELP: dict[str, str] = {f.validator: f.help for f in _FACTORY_DEFAULTS if f.help}
"""Help text shown for a field of this validator when its file gives none: the one the
shared field factories (:mod:`flows.specs.common`) give it."""

LONG_HELP = common.long_text("x", "x", "x").help
"""Help text of a paragraph cell (``max_len`` ≥ 1000) when its file gives none."""

DEFAULT_OPTIONS: dict[str, list[str]] = {
    f.validator: f.options for f in _FACTORY_DEFAULTS if f.options
}
"""The usual choices of a validator (sex, political status, education, levels, 是/否)."""

_SHORTHANDS: dict[str, dict[str, Any]] = {
    "postcode": {"validator": "text", "pattern": POSTCODE, "pattern_hint": "邮政编码应为6位数字。"},
}


class CuratedFormsError(ValueError):
    """A curated forms file does not parse; the message names the file and the reason."""


class PromptOverride(BaseModel):
    """A friendlier question and help for a printed label of a generated form."""

    prompt: str = ""
    help: str = ""


class CuratedForms(BaseModel):
    """One ``knowledge/data/forms/*.yaml`` file, validated.

    Attributes:
        notice: The notice id the file belongs to.
        doc_number: The notice's 文号, an alternative key.
        outline: Headings of the report (申办报告) the notice asks the applicant to write.
        forms: The notice's forms, the application form first; empty to keep the
            forms generated from the attachments.
        prompts: Printed label (whitespace removed) → prompt/help for generated forms.
    """

    notice: str = ""
    doc_number: str = ""
    title: str = ""
    outline: list[str] = Field(default_factory=list)
    forms: list[FormSpec] = Field(default_factory=list)
    prompts: dict[str, PromptOverride] = Field(default_factory=dict)


def _field(raw: dict[str, Any]) -> dict[str, Any]:
    data = dict(raw)
    validator = str(data.get("validator", "text"))
    data.update(_SHORTHANDS.get(validator, {}))
    validator = str(data.get("validator", "text"))
    if "help" not in data:
        long = (data.get("max_len") or 0) >= 1000
        data["help"] = DEFAULT_HELP.get(validator, LONG_HELP if long else "")
    if "options" not in data and validator in DEFAULT_OPTIONS:
        data["options"] = list(DEFAULT_OPTIONS[validator])
    if validator == "area_m2":
        data.setdefault("unit", "平方米")
        data.setdefault("min", 1)
        data.setdefault("max", 100000)
    return data


def _item(raw: dict[str, Any]) -> dict[str, Any]:
    if raw.get("kind") == "group":
        return {**raw, "fields": [_field(f) for f in raw.get("fields", [])]}
    return _field(raw)


def parse_curated(text: str, name: str = "forms.yaml") -> CuratedForms:
    """Parse one curated forms file.

    Args:
        text: The YAML text.
        name: The file name, for messages.

    Raises:
        CuratedFormsError: Not YAML, or a form that does not validate (with the reason).
    """
    try:
        raw = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise CuratedFormsError(f"{name}：不是有效的 YAML（{exc}）") from exc
    if not isinstance(raw, dict):
        raise CuratedFormsError(f"{name}：顶层应为键值表")
    notice = str(raw.get("notice", ""))
    forms = []
    for k, form in enumerate(raw.get("forms") or []):
        form = {**form, "notice_id": notice, "items": [_item(i) for i in form.get("items", [])]}
        form.setdefault("id", f"curated_{notice}_{k}")
        forms.append(form)
    try:
        return CuratedForms.model_validate({**raw, "forms": forms})
    except ValidationError as exc:
        raise CuratedFormsError(f"{name}：{exc}") from exc


@cache
def curated_files() -> tuple[CuratedForms, ...]:
    """Every curated file shipped in ``knowledge/data/forms/``, parsed once.

    Raises:
        CuratedFormsError: A shipped file does not parse (a packaging bug).
    """
    root = resources.files("knowledge").joinpath("data", "forms")
    found = []
    for path in sorted(root.iterdir(), key=lambda p: p.name):
        if path.name.endswith((".yaml", ".yml")):
            found.append(parse_curated(path.read_text(encoding="utf-8"), path.name))
    return tuple(found)


def curated_for(notice: Notice) -> CuratedForms | None:
    """The curated file of ``notice`` (matched by id, else by 文号), or ``None``."""
    for cur in curated_files():
        if cur.notice == notice.id:
            return cur
    number = notice.meta.doc_number
    return next((c for c in curated_files() if number and c.doc_number == number), None)


def curated_spec(spec_id: str) -> FormSpec | None:
    """The curated form saved as ``FormState.spec_id``, or ``None``."""
    return next((s for c in curated_files() for s in c.forms if s.id == spec_id), None)


def apply_prompts(spec: FormSpec, prompts: dict[str, PromptOverride]) -> FormSpec:
    """``spec`` with the curated prompt and help of each printed label that has one."""
    if not prompts:
        return spec

    def fix(field: FieldSpec) -> FieldSpec:
        over = prompts.get("".join(field.label.split()))
        if over is None:
            return field
        return field.model_copy(
            update={"prompt": over.prompt or field.prompt, "help": over.help or field.help}
        )

    items: list[FieldSpec | GroupSpec] = []
    for item in spec.items:
        if isinstance(item, GroupSpec):
            items.append(item.model_copy(update={"fields": [fix(f) for f in item.fields]}))
        else:
            items.append(fix(item))
    return spec.model_copy(update={"items": items})
