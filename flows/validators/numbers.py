"""Validators for counts, areas (m²), amounts (yuan) and yes/no answers."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

import cn2an

from flows import choices
from flows.choices import normalise
from flows.validators.base import FieldError


def number_runs(raw: str) -> list[str]:
    """The numbers written in ``raw`` (digits or Chinese numerals), each as written;
    a lone numeral inside a word (``一共``) is not counted when digits are present."""
    text = unicodedata.normalize("NFKC", raw).replace("m2", "").replace(",", "")
    runs = re.findall(r"-?[\d.〇零○一二两三四五六七八九十百千万亿]+", text)
    if any(re.search(r"\d", r) for r in runs):
        runs = [r for r in runs if re.search(r"\d", r) or len(r) > 1]
    return runs


def parse_number(raw: str) -> float | None:
    """Read a quantity with units and Chinese numerals: ``"5人"`` → 5, ``"一百二十平米"``
    → 120, ``"2.5万元"`` → 25000, ``"两万"`` → 20000; ``None`` when unreadable or when
    the text holds two numbers (``李强 45 技师 参与攻关5项`` is not 455: ask again)."""
    runs = number_runs(raw)
    if len(runs) != 1:  # 李强 45 技师 参与攻关5项: two numbers, not 455
        return None
    text = runs[0]
    try:
        return float(text)
    except ValueError:
        pass
    try:
        return float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def _check_range(value: float, context: Mapping[str, Any], unit: str = "") -> None:
    low, high = context.get("min"), context.get("max")
    if (low is not None and value < low) or (high is not None and value > high):
        rng = f"{'' if low is None else low}{unit}到{'' if high is None else high}{unit}"
        raise FieldError(f"数值应在{rng}之间，您填写的是{value:g}{unit}。")


def validate_integer(raw: str, context: Mapping[str, Any]) -> int:
    """A whole number (``5``, ``5人``, ``五人``, ``十二``) within ``context["min"]``/``["max"]``."""
    value = parse_number(raw)
    runs = number_runs(raw)
    if value is None and len(runs) > 1:
        raise FieldError(
            f"回复里有{len(runs)}个数字（{'、'.join(runs)}），请只填写这一项的数值，例如：5。"
        )
    if value is None or value != int(value):
        raise FieldError("请填写一个整数，例如：5。")
    _check_range(value, context)
    return int(value)


def validate_area_m2(raw: str, context: Mapping[str, Any]) -> float:
    """A floor area in m²: ``120``, ``120平方米``, ``120㎡``, ``一百二十平米`` → ``120.0``;
    optional ``context["min"]``/``["max"]`` in m²."""
    value = parse_number(raw)
    if value is None or value <= 0:
        raise FieldError("请填写面积（平方米），例如：120平方米。")
    _check_range(value, context, "平方米")
    return float(value)


def validate_amount_yuan(raw: str, context: Mapping[str, Any]) -> int:
    """An amount of money in yuan: ``2万元``, ``20000元``, ``两万`` → ``20000``;
    optional ``context["min"]``/``["max"]`` in yuan."""
    value = parse_number(raw)
    if value is None or value < 0:
        raise FieldError("请填写金额，例如：2万元 或 20000元。")
    _check_range(value, context, "元")
    return round(value)


def validate_yes_no(raw: str, context: Mapping[str, Any]) -> bool:
    """是/有/对/y → ``True``; 否/没有/不是/n → ``False``."""
    text = normalise(raw)
    if text in choices.YES_WORDS:
        return True
    if text in choices.NO_WORDS or text.startswith(("不", "没", "无", "否", "非")):
        return False
    if text.startswith(("是", "有", "对", "具", "符合", "同意")):
        return True
    raise FieldError("请回答“是”或“否”。")


def validate_percent(raw: str, context: Mapping[str, Any]) -> float:
    """A percentage 0–100: ``30``, ``30%``, ``30％``, ``百分之三十`` → ``30.0``."""
    text = unicodedata.normalize("NFKC", raw).replace("百分之", "").replace("%", "")
    value = parse_number(text)
    if value is None or not 0 <= value <= 100:
        raise FieldError("请填写0到100之间的百分比，例如：30%。")
    return float(value)
