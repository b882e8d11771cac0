"""Validators for free text, person names and PRC resident ID numbers (GB 11643-1999)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from flows import choices
from flows.validators.base import FieldError, today_of


def validate_text(raw: str, context: Mapping[str, Any]) -> str:
    """Non-empty free text, stripped; at most ``context["max_len"]`` (default 500) characters."""
    text = raw.strip()
    max_len = int(context.get("max_len", 500))
    if not text:
        raise FieldError("内容不能为空，请填写后再发送。")
    if len(text) > max_len:
        raise FieldError(f"内容太长了（{len(text)}字），请控制在{max_len}字以内。")
    return text


_CN_NAME = re.compile(r"[\u4e00-\u9fff]+(?:·[\u4e00-\u9fff]+)*")
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z .'\-]{1,49}")


def validate_name(raw: str, context: Mapping[str, Any]) -> str:
    """A person's name: 2–20 Chinese characters (``·`` allowed) or a latin name."""
    text = unicodedata.normalize("NFKC", raw).strip()
    compact = re.sub(r"\s+", "", text).replace("•", "·").replace(".", "·")
    if _CN_NAME.fullmatch(compact) and 2 <= len(compact) <= 20:
        return compact
    latin = re.sub(r"\s+", " ", text)
    if _LATIN_NAME.fullmatch(latin):
        return latin
    raise FieldError(
        "请填写真实姓名（2到20个汉字），例如：张三；少数民族姓名可用“·”分隔，例如：阿依古丽·买买提。"
    )


# --- PRC resident ID (GB 11643-1999) ------------------------------------------------

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_PROVINCES = {
    11,
    12,
    13,
    14,
    15,
    21,
    22,
    23,
    31,
    32,
    33,
    34,
    35,
    36,
    37,
    41,
    42,
    43,
    44,
    45,
    46,
    50,
    51,
    52,
    53,
    54,
    61,
    62,
    63,
    64,
    65,
    71,
    81,
    82,
    83,
}


def id_check_char(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character for the first 17 digits of an ID number."""
    return _ID_CHECK[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def id_birth_date(id_number: str) -> dt.date:
    """Birth date encoded in digits 7–14 of an 18-digit ID number.

    Raises:
        ValueError: The digits are not a real date.
    """
    s = id_number.strip()
    return dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))


def id_sex(id_number: str) -> str:
    """``"男"`` when the 17th digit is odd, else ``"女"``."""
    return "男" if int(id_number.strip()[16]) % 2 else "女"


def _year_month_of(value: Any) -> tuple[int, int] | None:
    if isinstance(value, dt.date):
        return value.year, value.month
    m = re.match(r"\s*(\d{4})-(\d{1,2})", str(value or ""))
    return (int(m.group(1)), int(m.group(2))) if m else None


def validate_id_number(raw: str, context: Mapping[str, Any]) -> str:
    """An 18-digit resident ID: checksum, province, real past birth date, consistency.

    Returns:
        The ID without spaces, check character upper-case (``"...X"``).

    Raises:
        FieldError: Wrong length/characters, failed checksum, impossible birth date,
            or a mismatch with ``context["birth_date"]`` / ``context["sex"]``.
    """
    s = re.sub(r"[\s\-]", "", unicodedata.normalize("NFKC", raw)).upper()
    if len(s) == 15 and s.isdigit():
        raise FieldError("这是旧版15位身份证号，请填写18位身份证号。")
    if not re.fullmatch(r"\d{17}[\dX]", s):
        raise FieldError(f"身份证号应为18位（最后一位可以是X），您填写了{len(s)}位，请核对。")
    if int(s[:2]) not in _PROVINCES:
        raise FieldError("身份证号前两位不是有效的省份代码，请核对。")
    try:
        birth = id_birth_date(s)
    except ValueError:
        raise FieldError("身份证号中的出生日期不存在，请核对第7到14位。") from None
    if not dt.date(1900, 1, 1) <= birth <= today_of(context):
        raise FieldError("身份证号中的出生日期不合理，请核对第7到14位。")
    if id_check_char(s[:17]) != s[17]:
        raise FieldError("身份证号校验位不正确，可能有数字输错了，请逐位核对。")
    given = _year_month_of(context.get("birth_date"))
    if given and given != (birth.year, birth.month):
        raise FieldError(
            f"身份证号中的出生日期是{birth.year}年{birth.month}月，"
            f"与您填写的出生年月{given[0]}年{given[1]}月不一致，请核对。"
        )
    sex = context.get("sex")
    if sex in choices.SEXES and sex != id_sex(s):
        raise FieldError(f"身份证号显示性别为{id_sex(s)}，与您填写的性别“{sex}”不一致，请核对。")
    return s
