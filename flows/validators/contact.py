"""Validators for mobile and landline phone numbers (via ``phonenumbers``) and e-mail."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

import phonenumbers

from flows.validators.base import FieldError


def _parse_cn(number: str) -> phonenumbers.PhoneNumber | None:
    try:
        parsed = phonenumbers.parse(number, "CN")
    except phonenumbers.NumberParseException:
        return None
    ok = parsed.country_code == 86 and phonenumbers.is_valid_number(parsed)
    return parsed if ok else None


def validate_mobile(raw: str, context: Mapping[str, Any]) -> str:
    """An 11-digit mainland mobile number; ``+86``, spaces and dashes accepted.

    Returns:
        The 11 digits, e.g. ``"13812345678"``.
    """
    parsed = _parse_cn(unicodedata.normalize("NFKC", raw).strip())
    nsn = str(parsed.national_number) if parsed else ""
    if not (len(nsn) == 11 and nsn.startswith("1")):
        raise FieldError("手机号格式不对，应为11位数字，例如：13812345678。")
    return nsn


def validate_landline(raw: str, context: Mapping[str, Any]) -> str:
    """A fixed-line number with or without area code; ``context["area_code"]`` is
    prefixed when the user omits it.

    Returns:
        ``"区号-号码"``, e.g. ``"0512-53542494"``.
    """
    text = re.sub(r"[^\d+]", "", unicodedata.normalize("NFKC", raw))
    if not text.startswith(("0", "+")) and 7 <= len(text) <= 8:
        area = str(context.get("area_code", ""))
        if not area:
            raise FieldError("请加上区号，例如：0512-53542494。")
        text = area + text
    parsed = _parse_cn(text)
    if parsed is None or phonenumbers.number_type(parsed) == phonenumbers.PhoneNumberType.MOBILE:
        raise FieldError("固定电话格式不对，请填写“区号-号码”，例如：0512-53542494。")
    nsn = str(parsed.national_number)
    cut = phonenumbers.length_of_geographical_area_code(parsed) or 3
    return f"0{nsn[:cut]}-{nsn[cut:]}"


def validate_phone(raw: str, context: Mapping[str, Any]) -> str:
    """A mobile (``"13812345678"``) or a landline (``"0512-53542494"``)."""
    for validator in (validate_mobile, validate_landline):
        try:
            return validator(raw, context)
        except FieldError:
            continue
    raise FieldError(
        "电话号码格式不对，请填写11位手机号（例如13812345678）或带区号的固定电话（例如0512-53542494）。"
    )


_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")


def validate_email(raw: str, context: Mapping[str, Any]) -> str:
    """An e-mail address; full-width characters folded, domain lower-cased."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", raw)).replace("。", ".")
    if not _EMAIL.fullmatch(text):
        raise FieldError("邮箱格式不对，例如：tczjkb@163.com。")
    local, domain = text.rsplit("@", 1)
    return f"{local}@{domain.lower()}"
