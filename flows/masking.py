"""Masking of personal numbers for screens and logs (no other dependency, so the log
filter of every command can use it without importing the filing stack)."""

from __future__ import annotations

import re

__all__ = ["mask_id", "mask_phone"]


def mask_id(text: str) -> str:
    """``"320102198001011234"`` → ``"3201**********1234"``."""
    return text[:4] + "*" * (len(text) - 8) + text[-4:] if len(text) > 8 else text


def mask_phone(text: str) -> str:
    """``"13856785678"`` → ``"138****5678"``; ``"0512-53542494"`` → ``"0512-****2494"``."""
    if re.fullmatch(r"1\d{10}", text):
        return text[:3] + "****" + text[-4:]
    head, sep, rest = text.rpartition("-")
    if len(rest) > 4:
        return head + sep + "*" * (len(rest) - 4) + rest[-4:]
    return text
