"""Logging set-up: every record of a turn carries its request id, as text or JSON lines.

The engine sets :data:`REQUEST_ID` (``"wecom:zhangsan/8234"``: channel, user, message id)
for the duration of a turn, so the lines of one turn, of any library, can be found
together; ``POLICYBOT_LOG_FORMAT=json`` writes one JSON object per line for a log
collector. Personal numbers are masked by :mod:`bot.redact` before either is written.
"""

from __future__ import annotations

import contextvars
import json
import logging

from bot import redact

REQUEST_ID: contextvars.ContextVar[str] = contextvars.ContextVar("policybot_request", default="-")
"""The turn being handled (``"channel:user/message_id"``), ``"-"`` outside a turn."""

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s]: %(message)s"


class RequestIdFilter(logging.Filter):
    """Adds ``record.request_id`` from :data:`REQUEST_ID` (a filter never drops a record)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = REQUEST_ID.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, request id, message (and the
    traceback when there is one)."""

    def format(self, record: logging.LogRecord) -> str:
        out = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "message": record.getMessage(),
        }
        if record.exc_info:
            out["traceback"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False)


def setup(verbose: bool = False, fmt: str = "text") -> None:
    """Configure the root logger: level (DEBUG with ``verbose``, else WARNING), the
    request id and masking filters on its handler, text or JSON lines.

    Args:
        verbose: Debug logging.
        fmt: ``"text"`` or ``"json"`` (``POLICYBOT_LOG_FORMAT``).
    """
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING)
    root = logging.getLogger()
    for handler in root.handlers:
        if not any(isinstance(f, RequestIdFilter) for f in handler.filters):
            handler.addFilter(RequestIdFilter())
        handler.setFormatter(JsonFormatter() if fmt == "json" else logging.Formatter(TEXT_FORMAT))
    redact.install()  # ID, card and mobile numbers masked in every library's records
