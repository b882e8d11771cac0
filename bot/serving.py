"""HTTP serving helpers shared by the ASGI channels (WeCom callback, Telegram webhook).

* :func:`read_limited`: a request body, refused past a size limit before it is all read.
* :func:`graceful_sigterm`: SIGTERM ends :meth:`uvicorn.Server.serve` normally.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
from collections.abc import Iterator

from starlette.requests import Request

log = logging.getLogger(__name__)


async def read_limited(request: Request, limit: int) -> bytes | None:
    """Read the body, or ``None`` once it exceeds ``limit`` bytes."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


@contextlib.contextmanager
def graceful_sigterm() -> Iterator[None]:
    """Let SIGTERM end :meth:`uvicorn.Server.serve` normally: uvicorn stops accepting,
    finishes the requests in flight, then re-raises the signal to the handler that was
    there before it; this one only logs, so the caller still finishes its work (turns,
    pushes), closes and checkpoints the stores, and the process exits 0 (not 143)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(
        signal.SIGTERM, lambda sig, frame: log.info("SIGTERM: shut down cleanly")
    )
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
