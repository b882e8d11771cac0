"""Validators for dates as people type them, and the Chinese-numeral helper they share."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

import cn2an

from flows.validators.base import FieldError, today_of

_CN_RUN = re.compile(r"[〇零○一二两三四五六七八九十]+")
_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {
    "零": "0",
    "○": "0",
    "两": "2",
}


def cn_digits(text: str) -> str:
    """Replace Chinese numerals by Arabic ones: ``一九七五年三月`` → ``1975年3月``,
    ``二十日`` → ``20日`` (runs without 十 are read digit by digit)."""

    def repl(m: re.Match[str]) -> str:
        run = m.group(0)
        if "十" in run:
            return str(cn2an.cn2an(run.replace("两", "二"), "normal"))
        return "".join(_CN_DIGIT[c] for c in run)

    return _CN_RUN.sub(repl, text)


_FULL = re.compile(r"(\d{4}|\d{2})\s*[年./\-]\s*(\d{1,2})\s*[月./\-]\s*(\d{1,2})\s*[日号]?")
_COMPACT_FULL = re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)")
_YM = re.compile(r"(\d{4}|\d{2})\s*[年./\-]\s*(\d{1,2})(?!\d)")
_COMPACT_YM = re.compile(r"(?<!\d)(\d{4})(\d{2})(?!\d)")


def _year(text: str, today: dt.date) -> int:
    year = int(text)
    if len(text) == 2:
        year += 1900 if year > today.year % 100 else 2000
    return year


def _check_month(year: int, month: int, example: str) -> None:
    if not 1 <= month <= 12:
        raise FieldError(f"月份“{month}”不存在，月份应在1到12之间，例如：{example}。")
    if year < 1900:
        raise FieldError(f"年份“{year}”不合理，请填写四位年份，例如：{example}。")


def validate_year_month(raw: str, context: Mapping[str, Any]) -> str:
    """A year and month as people type it: ``1975年3月``, ``1975.03``, ``75年3月``,
    ``一九七五年三月``, ``197503``; a full date is accepted and its day dropped.

    Two-digit years are 19xx when above the current two-digit year, else 20xx.

    Returns:
        ``"YYYY-MM"``.

    Raises:
        FieldError: Unreadable, month outside 1–12, or in the future (unless
            ``context["allow_future"]``).
    """
    today = today_of(context)
    text = cn_digits(unicodedata.normalize("NFKC", raw))
    m = (
        _FULL.search(text)
        or _COMPACT_FULL.search(text)
        or _YM.search(text)
        or _COMPACT_YM.search(text)
    )
    if not m:
        hint = "请补充月份，" if re.fullmatch(r"\s*\d{4}\s*年?\s*", text) else "没有看懂这个年月，"
        raise FieldError(f"{hint}请按“1975年3月”或“1975-03”的格式填写。")
    year, month = _year(m.group(1), today), int(m.group(2))
    _check_month(year, month, "1975年3月")
    if (year, month) > (today.year, today.month) and not context.get("allow_future"):
        raise FieldError(f"{year}年{month}月还没有到，请填写已经过去的年月，例如：1975年3月。")
    return f"{year:04d}-{month:02d}"


def validate_date(raw: str, context: Mapping[str, Any]) -> dt.date:
    """A full date: ``2024年8月20日``, ``2024-8-20``, ``2024/08/20``, ``20240820``,
    ``二〇二四年八月二十日``.

    Raises:
        FieldError: Unreadable, impossible (``2月30日``), or in the future (unless
            ``context["allow_future"]``).
    """
    today = today_of(context)
    text = cn_digits(unicodedata.normalize("NFKC", raw))
    m = _FULL.search(text) or _COMPACT_FULL.search(text)
    if not m:
        raise FieldError("没有看懂这个日期，请按“2024年8月20日”或“2024-08-20”的格式填写。")
    year, month, day = _year(m.group(1), today), int(m.group(2)), int(m.group(3))
    _check_month(year, month, "2024年8月20日")
    try:
        value = dt.date(year, month, day)
    except ValueError:
        raise FieldError(
            f"{year}年{month}月{day}日不存在，请检查日期，例如：2024年8月20日。"
        ) from None
    if value > today and not context.get("allow_future"):
        raise FieldError(f"{year}年{month}月{day}日还没有到，请填写已经过去的日期。")
    return value


def validate_year(raw: str, context: Mapping[str, Any]) -> int:
    """A four-digit year (``2024``, ``2024年``, ``二〇二四年``) within
    ``context["min"]`` (default 1900) … ``context["max"]`` (default this year + 5)."""
    text = cn_digits(unicodedata.normalize("NFKC", raw))
    m = re.fullmatch(r"\s*(\d{4})\s*年?\s*", text)
    low, high = int(context.get("min", 1900)), int(context.get("max", today_of(context).year + 5))
    if not m or not low <= int(m.group(1)) <= high:
        raise FieldError(f"请填写{low}到{high}之间的四位年份，例如：2024。")
    return int(m.group(1))
