"""Masking of personal numbers in free text staff or logs see.

Users type ID numbers, mobile numbers and bank card numbers into questions and answers
(``转人工：我的身份证320102198001011234``). Everything shown to staff (ticket
notifications, ticket lists, exports) and every log record goes through :func:`redact`;
:class:`RedactingFilter` does it for the log records of every library (python-telegram-bot
and httpx log whole requests at DEBUG).
"""

from __future__ import annotations

import logging
import re

from flows.masking import mask_id, mask_phone

_ID = re.compile(
    r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]"
    r"(?![0-9A-Za-z])"
)
_CARD = re.compile(r"(?<![\d-])\d(?:[ -]?\d){14,18}(?![\d-])")
_MOBILE = re.compile(r"(?<!\d)(?:\+?86[ -]?)?1[3-9]\d{9}(?!\d)")


def redact(text: str) -> str:
    """``text`` with ID numbers, bank card numbers (15–19 digits) and mobile numbers
    masked (``3201**********1234``, ``6222********1234``, ``138****5678``); office
    landlines (``0512-53542494``) stay readable."""
    if not text:
        return text
    text = _ID.sub(lambda m: mask_id(m.group(0)), text)
    text = _CARD.sub(lambda m: mask_id(re.sub(r"[ -]", "", m.group(0))), text)
    return _MOBILE.sub(lambda m: mask_phone(m.group(0)[-11:]), text)


class RedactingFilter(logging.Filter):
    """A handler filter that masks personal numbers in every record it passes on."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Render the record's message once, masked; always keep the record."""
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a malformed record is logged as it is
            return True
        masked = redact(message)
        if masked != message or record.args:
            record.msg, record.args = masked, None
        return True


def install(logger: logging.Logger | None = None) -> None:
    """Put a :class:`RedactingFilter` on every handler of ``logger`` (the root logger by
    default), so records of every library are masked before they are written."""
    target = logger or logging.getLogger()
    for handler in target.handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())
