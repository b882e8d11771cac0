"""Validators for choices: generic (fuzzy) single and multiple choice, and the fixed
vocabularies of :mod:`flows.choices` (sex, 民族, 政治面貌, 学历, 技能等级)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from flows import choices
from flows.choices import ChoiceError, match_choice, normalise, parse_skill_level
from flows.validators.base import FieldError


def _choice_error(raw: str, options: tuple[str, ...], err: ChoiceError) -> FieldError:
    if err.candidates:
        return FieldError(
            f"“{raw.strip()}”可以对应多个选项：{'、'.join(err.candidates)}，请说得具体一些或回复序号。"
        )
    listing = "；".join(f"{i}. {o}" for i, o in enumerate(options, 1))
    return FieldError(f"没有找到“{raw.strip()}”这个选项，请回复序号或选项名称：{listing}")


def _choose(raw: str, options: tuple[str, ...], synonyms: Mapping[str, str] | None) -> str:
    try:
        return match_choice(raw, options, synonyms)
    except ChoiceError as err:
        raise _choice_error(raw, options, err) from None


def _vocab_choose(
    raw: str,
    vocab: tuple[str, ...],
    synonyms: Mapping[str, str],
    context: Mapping[str, Any],
) -> str:
    """Choose from a fixed vocabulary; a form's own ``context["options"]`` (buttons) win
    when the answer is exactly one of them or its number, so a spec offering
    ``"研究生"`` gets ``"研究生"`` back."""
    offered = tuple(context.get("options") or ())
    text = normalise(raw)
    pick = next((o for o in offered if normalise(o) == text), None)
    if pick is None and text.isdigit() and 1 <= int(text) <= len(offered):
        pick = offered[int(text) - 1]
    if pick is not None:
        try:
            return match_choice(pick, vocab, synonyms, cutoff=90)
        except ChoiceError:
            return pick
    return _choose(raw, vocab, synonyms)


def validate_choice(raw: str, context: Mapping[str, Any]) -> str:
    """One of ``context["options"]`` by number, name, synonym (``context["synonyms"]``)
    or fuzzy match. Returns the canonical option."""
    return _choose(raw, tuple(context["options"]), context.get("synonyms"))


def validate_multi_choice(raw: str, context: Mapping[str, Any]) -> list[str]:
    """Several of ``context["options"]`` separated by ``、，, ;`` or ``和``.

    ``"没有"``/``"无"``/``"以上都没有"`` → ``[]``. With ``context["allow_other"]``
    unmatched items are kept as typed (e.g. honours not in the list).

    Returns:
        Canonical options in option order, then other items in typed order.
    """
    options = tuple(context["options"])
    parts = [p for p in re.split(r"[,，、;；\s]+|和|以及|及", raw.strip()) if p]
    if not parts or normalise(raw) in {"无", "没有", "都没有", "以上都没有", "暂无", "否"}:
        return []
    chosen: list[str] = []
    for part in parts:
        try:
            chosen.append(match_choice(part, options, context.get("synonyms")))
        except ChoiceError as err:
            if not context.get("allow_other") or err.candidates:
                raise _choice_error(part, options, err) from None
            chosen.append(part)
    known = [o for o in options if o in chosen]
    return known + [c for c in dict.fromkeys(chosen) if c not in options]


def validate_sex(raw: str, context: Mapping[str, Any]) -> str:
    """``"男"`` or ``"女"`` (男性/女士/male/f ... accepted)."""
    text = normalise(raw)
    if text in choices.SEX_SYNONYMS:
        return choices.SEX_SYNONYMS[text]
    if ("男" in text) != ("女" in text):
        return "男" if "男" in text else "女"
    raise FieldError("请回答性别：男 或 女。")


def validate_ethnicity(raw: str, context: Mapping[str, Any]) -> str:
    """One of the 56 民族; ``"汉"`` → ``"汉族"``."""
    text = normalise(raw)
    if text + "族" in choices.ETHNICITIES:
        return text + "族"
    try:
        return match_choice(raw, choices.ETHNICITIES, choices.ETHNICITY_SYNONYMS, cutoff=80)
    except ChoiceError:
        raise FieldError("请填写民族全称，例如：汉族、回族、蒙古族。") from None


def validate_political_status(raw: str, context: Mapping[str, Any]) -> str:
    """政治面貌: 中共党员, 中共预备党员, 共青团员, 民主党派, 无党派人士, 群众."""
    return _vocab_choose(raw, choices.POLITICAL_STATUSES, choices.POLITICAL_SYNONYMS, context)


def validate_education(raw: str, context: Mapping[str, Any]) -> str:
    """学历: 博士研究生 … 初中及以下; 本科/大专/硕士/博士 accepted, 研究生 asks which."""
    offered = {normalise(o) for o in context.get("options") or ()}
    pair = choices.EDUCATION_AMBIGUOUS.get(normalise(raw))
    if pair and normalise(raw) not in offered:
        raise FieldError(f"请说明是{'还是'.join(pair)}。")
    return _vocab_choose(raw, choices.EDUCATION_LEVELS, choices.EDUCATION_SYNONYMS, context)


def validate_skill_level(raw: str, context: Mapping[str, Any]) -> str:
    """职业资格/技能等级 → ``"二级/技师"`` etc. (``"无"`` when none); see
    :func:`flows.choices.parse_skill_level`."""
    try:
        return parse_skill_level(raw)
    except ValueError as err:
        raise FieldError(str(err)) from None


_CATEGORY_WORDS: tuple[tuple[str, str], ...] = (
    ("干部", "cadre"),
    ("管理", "cadre"),
    ("专业技术", "cadre"),
    ("55", "cadre"),
    ("cadre", "cadre"),
    ("工人", "worker"),
    ("职工", "worker"),
    ("工勤", "worker"),
    ("50", "worker"),
    ("worker", "worker"),
)


def validate_retirement_category(raw: str, context: Mapping[str, Any]) -> str:
    """Which original retirement age applies to a woman: ``"worker"`` (工人, 50) or
    ``"cadre"`` (干部/管理技术岗位, 55). Option numbers 1/2 follow
    :data:`flows.choices.CATEGORY_OPTIONS`."""
    text = normalise(raw)
    if text in {"1", "2"}:
        return ("worker", "cadre")[int(text) - 1]
    hits = {code for word, code in _CATEGORY_WORDS if word in text}
    if len(hits) == 1:
        return hits.pop()
    raise FieldError("请选择：1. 工人（原50周岁退休）；2. 干部/管理技术岗位（原55周岁退休）。")
