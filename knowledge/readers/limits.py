"""Reading limits: file sizes, zip and page counts, the time limit and how a reader
is held to it (:class:`_Deadline`, :func:`_run_with_timeout`), and
:class:`DocumentReadError`, raised whenever a file cannot be read."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

MB = 1024 * 1024
TEXT_MAX_BYTES = 20 * MB
"""Largest ``.txt``/``.html``/``.htm`` file read."""
BINARY_MAX_BYTES = 50 * MB
"""Largest ``.docx``/``.pdf`` file read."""
DOCX_MAX_UNCOMPRESSED = 100 * MB
"""Largest total uncompressed size of a ``.docx`` zip (photos barely compress, so a
legitimate 50 MB file stays far below; a zip bomb does not)."""
DOCX_MAX_MEMBERS = 5000
"""Most files inside a ``.docx`` zip."""
PDF_MAX_PAGES = 200
"""Most pages read from a PDF; longer ones are refused rather than silently cut."""
READ_TIMEOUT_S = 5.0
"""Longest a single file may take to read."""


class DocumentReadError(Exception):
    """A file could not be read as a notice document.

    Attributes:
        path: The file.
        reason: Why (Chinese, shown to staff).
    """

    def __init__(self, path: Path, reason: str) -> None:
        self.path, self.reason = path, reason
        super().__init__(f"{path.name}: {reason}")


class _Deadline:
    """Cooperative time limit: readers call :meth:`check` between units of work."""

    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds
        self.cancelled = threading.Event()

    def check(self, path: Path) -> None:
        if self.cancelled.is_set() or time.monotonic() > self.end:
            raise DocumentReadError(path, _timeout_reason())


def _timeout_reason(seconds: float = READ_TIMEOUT_S) -> str:
    return f"读取超时（超过 {seconds:g} 秒），文件可能过大、过于复杂或已损坏"


def _run_with_timeout(reader: Callable[[Path, _Deadline], str], path: Path, seconds: float) -> str:
    """Run ``reader`` in a daemon thread and give up after ``seconds``
    (:func:`~knowledge.readers.read_document` passes :data:`READ_TIMEOUT_S`).

    The reader also checks the deadline itself, so an abandoned thread stops at its
    next check instead of running on.
    """
    deadline = _Deadline(seconds)
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["text"] = reader(path, deadline)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller below
            box["error"] = exc

    thread = threading.Thread(target=work, name=f"read:{path.name}", daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        deadline.cancelled.set()
        raise DocumentReadError(path, _timeout_reason(seconds))
    error = box.get("error")
    if error is None:
        return str(box["text"])
    if isinstance(error, DocumentReadError):
        raise error
    if isinstance(error, MemoryError):
        raise DocumentReadError(path, "文件内容过大，内存不足，无法读取") from error
    if isinstance(error, Exception):  # the libraries raise many types for corrupt files
        raise DocumentReadError(
            path, f"无法读取文件内容（{type(error).__name__}: {error}）"
        ) from error
    raise error
