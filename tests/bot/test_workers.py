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
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
import psycopg
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from test_wecom_engine import AES_KEY, AGENT_ID, CORP_ID, TOKEN, URL, decrypt_passive, wecom_post

ROOT = Path(__file__).resolve().parents[2]
USERS = 24
PHONES = {"太仓": "53542494", "镇江": "85340338", "韶关": "8605683", "鹿城": "88990719"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class FakeApi:
    """qyapi.weixin.qq.com on loopback: tokens, uploads, and the pushes it received."""

    def __init__(self) -> None:
        self.sent: list[dict[str, object]] = []
        self.lock = threading.Lock()

    def app(self) -> Starlette:
        async def token(request: Request) -> JSONResponse:
            return JSONResponse({"errcode": 0, "access_token": "TOK", "expires_in": 7200})

        async def upload(request: Request) -> JSONResponse:
            await request.body()
            return JSONResponse({"errcode": 0, "media_id": "MEDIA"})

        async def send(request: Request) -> JSONResponse:
            body = json.loads(await request.body())
            with self.lock:
                self.sent.append(body)
            return JSONResponse({"errcode": 0, "errmsg": "ok"})

        return Starlette(
            routes=[
                Route("/cgi-bin/gettoken", token),
                Route("/cgi-bin/media/upload", upload, methods=["POST"]),
                Route("/cgi-bin/message/send", send, methods=["POST"]),
            ]
        )

    def texts(self, user: str) -> list[str]:
        with self.lock:
            return [
                str(m["text"]["content"])  # type: ignore[index]
                for m in self.sent
                if m["touser"] == user and m["msgtype"] == "text"
            ]


@pytest.fixture
def fake_api() -> object:
    api = FakeApi()
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(api.app(), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    api.base = f"http://127.0.0.1:{port}/cgi-bin"  # type: ignore[attr-defined]
    yield api
    server.should_exit = True
    thread.join(timeout=10)


def _env(pg_url: str, api_base: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        POLICYBOT_DATABASE_URL=pg_url,
        POLICYBOT_WECOM_TOKEN=TOKEN,
        POLICYBOT_WECOM_AES_KEY=AES_KEY,
        POLICYBOT_WECOM_CORP_ID=CORP_ID,
        POLICYBOT_WECOM_SECRET="secret",
        POLICYBOT_WECOM_AGENT_ID=str(AGENT_ID),
        POLICYBOT_WECOM_API_BASE=api_base,
        POLICYBOT_RATE_LIMIT_PER_MINUTE="0",
        PYTHONPATH=str(ROOT),
    )
    return env


async def _serving(base: str, pids: set[int], timeout: float = 90) -> None:
    """Wait until every process in ``pids`` answers ``/healthz`` (new connections land on
    either worker, so ask until each has answered once)."""
    seen: set[int] = set()
    deadline = time.monotonic() + timeout
    fresh = httpx.Limits(max_keepalive_connections=0)
    async with httpx.AsyncClient(base_url=base, limits=fresh, timeout=5) as client:
        while not pids <= seen:
            if time.monotonic() > deadline:
                raise AssertionError(f"workers {pids - seen} never answered")
            try:
                response = await client.get("/healthz")
                seen.add(int(response.json()["pid"]))
            except httpx.HTTPError:
                await asyncio.sleep(0.3)


def _worker_pids(supervisor: int) -> list[int]:
    out = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(supervisor)], capture_output=True, text=True
    )
    return [int(p) for p in out.stdout.split()]


async def test_two_workers_answer_every_question_once_through_a_crash(
    tmp_path: Path, pg_url: str, fake_api: FakeApi
) -> None:
    kb = tmp_path / "kb.db"
    env = _env(pg_url, fake_api.base)  # type: ignore[attr-defined]
    # the knowledge base is prepared once, before the workers read it
    subprocess.run(
        [sys.executable, "-m", "bot", "notices", "--db", str(kb)], env=env, check=True, timeout=120
    )
    port = _free_port()
    supervisor = subprocess.Popen(
        [sys.executable, "-m", "bot", "wecom", "--workers", "2", "--host", "127.0.0.1"]
        + ["--port", str(port), "--db", str(kb), "--today", "2026-12-01"],
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        while len(_worker_pids(supervisor.pid)) < 2:
            await asyncio.sleep(0.2)
        await _serving(base, set(_worker_pids(supervisor.pid)))
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
            victim = _worker_pids(supervisor.pid)[0]
            os.kill(victim, signal.SIGKILL)  # kill -9 one worker under load
            await first
            while len(set(_worker_pids(supervisor.pid)) - {victim}) < 2:
                await asyncio.sleep(0.2)  # the supervisor starts the slot again
            await _serving(base, set(_worker_pids(supervisor.pid)))
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
