"""Several worker processes behind one port: ``policybot wecom --workers N`` and
``policybot telegram --workers N`` (webhook).

The supervisor (this module, the process the operator starts) binds the listening
socket once and starts N workers, ``python -m bot wecom … --worker K/N --fd FD``, which
inherit the socket; the kernel hands each connection to one of them. Each worker is a
whole bot (engine, knowledge base, channel) sharing its state with the others through
PostgreSQL (``POLICYBOT_DATABASE_URL``): sessions and their locks, processed messages,
the inbox (:class:`bot.inbox.Inbox` with the worker's slot), outbox, tickets, FAQ, rate
limits and bind codes.

A worker that dies (a crash, ``kill -9``) is started again in its slot, and the new
one recovers the messages its slot had acknowledged but not answered. SIGTERM or
SIGINT to the supervisor stops every worker cleanly (they finish their turns and
pushes) and the supervisor exits 0.
"""

from __future__ import annotations

import logging
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Sequence

log = logging.getLogger(__name__)

RESTARTS_PER_MINUTE = 5
"""A slot whose worker keeps dying faster than this is given up (the supervisor then
stops the others and exits 1): a broken configuration, not a crash to ride out."""


def listen(host: str, port: int, backlog: int = 2048) -> socket.socket:
    """A bound, listening, inheritable TCP socket (``port`` 0 picks a free one)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(backlog)
    sock.set_inheritable(True)
    return sock


def worker_argv(argv: Sequence[str], slot: int, workers: int, fd: int) -> list[str]:
    """The command line of worker ``slot``: the supervisor's own arguments plus its slot
    and the inherited socket's file descriptor."""
    return [
        sys.executable,
        "-m",
        "bot",
        *argv,
        "--worker",
        f"{slot}/{workers}",
        "--fd",
        str(fd),
    ]


def supervise(
    argv: Sequence[str],
    host: str,
    port: int,
    workers: int,
    prepare: Callable[[], None] | None = None,
) -> int:
    """Run ``workers`` worker processes on one socket until SIGTERM/SIGINT.

    Args:
        argv: The ``policybot`` arguments the workers get (``wecom --db … --port …``).
        host: Listen address.
        port: Listen port.
        workers: Number of worker processes (≥ 1).
        prepare: Called once, after the socket listens and before any worker starts
            (Telegram's ``setWebhook``: what arrives meanwhile waits in the backlog).

    Returns:
        0 after a clean stop; 1 when a slot's worker kept dying.

    Raises:
        Exception: what ``prepare`` raises (the socket is closed, no worker started).
    """
    sock = listen(host, port)
    if prepare is not None:
        try:
            prepare()
        except BaseException:
            sock.close()
            raise
    fd = sock.fileno()
    stopping = False

    def stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGINT)}
    procs: dict[int, subprocess.Popen[bytes]] = {}
    deaths: dict[int, list[float]] = {slot: [] for slot in range(workers)}

    def start(slot: int) -> None:
        procs[slot] = subprocess.Popen(worker_argv(argv, slot, workers, fd), pass_fds=(fd,))
        log.info("worker %d started (pid %d)", slot, procs[slot].pid)

    failed = False
    try:
        for slot in range(workers):
            start(slot)
        while not stopping:
            time.sleep(0.2)
            for slot, proc in list(procs.items()):
                code = proc.poll()
                if code is None or stopping:
                    continue
                now = time.monotonic()
                deaths[slot] = [t for t in deaths[slot] if now - t < 60] + [now]
                if len(deaths[slot]) > RESTARTS_PER_MINUTE:
                    log.error("worker %d keeps dying (exit %s): stopping", slot, code)
                    failed = stopping = True
                    break
                log.warning("worker %d exited with %s: started again", slot, code)
                start(slot)
    finally:
        for proc in procs.values():
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in procs.values():
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        sock.close()
        for s, handler in previous.items():
            signal.signal(s, handler)
    return 1 if failed else 0
