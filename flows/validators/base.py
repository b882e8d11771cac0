"""Base of the validators package: the error type, the validator signature, helpers.

Error tree::

    ValueError
    └── FieldError          an answer the user must correct (``message``, Chinese)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

Validator = Callable[[str, Mapping[str, Any]], Any]
"""``(raw answer, context) -> normalised value``; raises :class:`FieldError`."""


class FieldError(ValueError):
    """An answer that cannot be accepted; ``message`` is Chinese and user-facing."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def today_of(context: Mapping[str, Any]) -> dt.date:
    """``context["today"]`` when it is a date, else today's date."""
    today = context.get("today")
    return today if isinstance(today, dt.date) else dt.date.today()
