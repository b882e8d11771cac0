"""Several workers on PostgreSQL: ``policybot wecom --workers 2`` as an operator starts it,
in front of a loopback stand-in for the WeCom server API (``POLICYBOT_WECOM_API_BASE``).

Users send questions concurrently over HTTP (with WeCom's retries of some messages);
one worker is killed with SIGKILL halfway and the supervisor starts it again. Every
question must be answered once, to its own user, and recorded once: none lost,
duplicated, crossed or processed twice. SIGTERM then stops the group with exit code 0.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import psycopg
import pytest
from loopback import PHONES, FakeApi, fake_api_server, free_port, serving, worker_env, worker_pids
from test_wecom_engine import URL, decrypt_passive, wecom_post

USERS = 24


@pytest.fixture
def fake_api() -> Iterator[FakeApi]:
    with fake_api_server() as api:
        yield api


async def test_two_workers_answer_every_question_once_through_a_crash(
    tmp_path: Path, pg_url: str, fake_api: FakeApi
) -> None:
    kb = tmp_path / "kb.db"
    env = worker_env(pg_url, fake_api.base)
    # the knowledge base is prepared once, before the workers read it
    subprocess.run(
        [sys.executable, "-m", "bot", "notices", "--db", str(kb)], env=env, check=True, timeout=120
    )
    port = free_port()
    supervisor = subprocess.Popen(
        [sys.executable, "-m", "bot", "wecom", "--workers", "2", "--host", "127.0.0.1"]
        + ["--port", str(port), "--db", str(kb), "--today", "2026-12-01"],
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        while len(worker_pids(supervisor.pid)) < 2:
            await asyncio.sleep(0.2)
        await serving(base, set(worker_pids(supervisor.pid)))
        ids = itertools.count(1)
        cities = list(PHONES)
        jobs = [
            (f"u{u}", cities[(u + k) % len(cities)], f"{u}{k:02d}{next(ids)}")
            for u in range(USERS)
            for k in range(3)
        ]
        passive: dict[str, list[str]] = {}
        fresh = httpx.Limits(max_keepalive_connections=0)  # WeCom connects anew: either worker
        async with httpx.AsyncClient(base_url=base, timeout=30, limits=fresh) as client:

            async def send(user: str, city: str, msg_id: str) -> None:
                nonce = f"n{msg_id}"
                params, body = wecom_post(user, f"{city}联系电话", msg_id, nonce)
                for _ in range(20):  # a worker being restarted refuses: WeCom retries
                    try:
                        response = await client.post(URL, params=params, content=body)
                    except httpx.HTTPError:
                        await asyncio.sleep(0.5)
                        continue
                    if response.status_code == 200:
                        text = decrypt_passive(response, nonce, user)
                        if text:
                            passive.setdefault(msg_id, []).append(text)
                        return
                    await asyncio.sleep(0.5)
                raise AssertionError(f"message {msg_id} was never accepted")

            async def user_turns(user: str) -> None:
                for u, city, mid in jobs:
                    if u == user:
                        await send(u, city, mid)

            users = sorted({u for u, _, _ in jobs})
            first = asyncio.gather(*(user_turns(u) for u in users[: USERS // 2]))
            await asyncio.sleep(0.5)
            victim = worker_pids(supervisor.pid)[0]
            os.kill(victim, signal.SIGKILL)  # kill -9 one worker under load
            await first
            while len(set(worker_pids(supervisor.pid)) - {victim}) < 2:
                await asyncio.sleep(0.2)  # the supervisor starts the slot again
            await serving(base, set(worker_pids(supervisor.pid)))
            await asyncio.gather(*(user_turns(u) for u in users[USERS // 2 :]))
            retries = jobs[::7]  # WeCom's retries of answered messages
            await asyncio.gather(*(send(u, c, m) for u, c, m in retries))

        # every question is answered (passively or pushed), once, to its own user
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            pushed = {u: fake_api.texts(u) for u in {j[0] for j in jobs}}
            answered = sum(len(v) for v in pushed.values()) + sum(
                1 for mid, texts in passive.items() if texts
            )
            if answered >= len(jobs):
                break
            await asyncio.sleep(0.5)
        for user in {j[0] for j in jobs}:
            own = [c for u, c, _ in jobs if u == user]
            texts = fake_api.texts(user) + [
                t for u, _, m in jobs if u == user for t in passive.get(m, [])[:1]
            ]
            got = Counter(c for t in texts for c, phone in PHONES.items() if phone in t)
            assert got == Counter(own), (user, texts)  # none lost, duplicated or crossed
        with psycopg.connect(pg_url) as conn:
            rows = conn.execute(
                "SELECT count(*), count(DISTINCT message_id) FROM processed WHERE channel = 'wecom'"
            ).fetchone()
            owners = {r[0] for r in conn.execute("SELECT DISTINCT owner FROM inbox").fetchall()}
            pending = conn.execute("SELECT count(*) FROM inbox WHERE status = 'pending'").fetchone()
        assert rows == (len(jobs), len(jobs))  # each processed once
        assert owners == {"w0", "w1"}  # both workers took messages
        assert pending == (0,)
    finally:
        supervisor.send_signal(signal.SIGTERM)
        code = supervisor.wait(timeout=60)
    assert code == 0
