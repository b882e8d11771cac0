"""SIGTERM ends ``policybot wecom`` cleanly: exit 0, stores closed, the WAL checkpointed
into the database (a real process on 127.0.0.1, bounded in time)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_sigterm_shuts_the_wecom_server_down_cleanly(tmp_path: Path) -> None:
    port = _free_port()
    env = {
        **os.environ,
        "POLICYBOT_WECOM_CORP_ID": "ww123",
        "POLICYBOT_WECOM_AGENT_ID": "1000002",
        "POLICYBOT_WECOM_SECRET": "s",
        "POLICYBOT_WECOM_TOKEN": "tok",
        "POLICYBOT_WECOM_AES_KEY": "a" * 43,
    }
    db = tmp_path / "state.db"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bot",
            "wecom",
            "--db",
            str(db),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert proc.poll() is None and time.monotonic() < deadline, (
                proc.stdout.read() if proc.stdout else ""
            )
            time.sleep(0.2)
        assert (tmp_path / "state.db-wal").exists()  # running: the WAL is in use
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    assert db.exists() and not (tmp_path / "state.db-wal").exists()  # closed and checkpointed
