"""Loopback stand-ins shared by the multi-worker tests and ``scripts/loadtest.py``: the
WeCom server API and the Telegram Bot API on 127.0.0.1 (the calls they received), free
ports, a supervisor's worker processes and waiting until each worker answers."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from test_wecom_engine import AES_KEY, AGENT_ID, CORP_ID, TOKEN

ROOT = Path(__file__).resolve().parents[2]
PHONES = {"太仓": "53542494", "镇江": "85340338", "韶关": "8605683", "鹿城": "88990719"}
"""The built-in notices' phone numbers: ``{city}联系电话`` is answered with its own."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class FakeApi:
    """qyapi.weixin.qq.com on loopback: tokens, uploads, and the pushes it received."""

    def __init__(self) -> None:
        self.sent: list[dict[str, object]] = []
        self.lock = threading.Lock()
        self.base = ""

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


@contextmanager
def fake_api_server() -> Iterator[FakeApi]:
    """A :class:`FakeApi` served on a free loopback port (``api.base`` is its API root)."""
    api = FakeApi()
    with _served(api.app()) as port:
        api.base = f"http://127.0.0.1:{port}/cgi-bin"
        yield api


@contextmanager
def _served(app: Starlette) -> Iterator[int]:
    """Serve ``app`` with uvicorn in a thread on a free loopback port; yields the port."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(timeout=10)


TELEGRAM_BOT = {"id": 999, "is_bot": True, "first_name": "政策助手", "username": "policy_bot"}


class FakeBotApi:
    """api.telegram.org on loopback: ``getMe``, ``sendMessage`` and the rest answered as
    Telegram does (python-telegram-bot posts form-encoded parameters), every call kept.
    ``base`` is the root for ``POLICYBOT_TELEGRAM_API_BASE`` (the token is appended).

    While ``hold`` is set, ``sendMessage`` calls wait (``held`` counts them); a call
    whose client went away meanwhile (a killed worker) is not sent, only counted in
    ``dropped``."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()
        self.base = ""
        self.hold = threading.Event()
        self.held = self.dropped = 0
        self._message_ids = iter(range(1000, 10**9))

    def app(self) -> Starlette:
        async def method(request: Request) -> Response:
            name = request.path_params["method"]
            params = dict(parse_qsl((await request.body()).decode()))
            if name == "sendMessage" and self.hold.is_set():
                with self.lock:
                    self.held += 1
                while self.hold.is_set():
                    await asyncio.sleep(0.02)
                with self.lock:
                    self.held -= 1
                if await request.is_disconnected():
                    with self.lock:
                        self.dropped += 1
                    return Response(status_code=499)
            with self.lock:
                self.calls.append((name, params))
                result = self._result(name, params)
            return JSONResponse({"ok": True, "result": result})

        return Starlette(routes=[Route("/{bot}/{method}", method, methods=["POST"])])

    def _result(self, name: str, params: dict[str, str]) -> Any:
        if name == "getMe":
            return TELEGRAM_BOT
        if name == "sendMessage":
            return {
                "message_id": next(self._message_ids),
                "date": int(time.time()),
                "chat": {"id": int(params["chat_id"]), "type": "private"},
                "from": TELEGRAM_BOT,
                "text": params.get("text", ""),
            }
        return True

    def called(self, name: str) -> list[dict[str, str]]:
        """The parameters of every call of one Bot API method, in order."""
        with self.lock:
            return [p for n, p in self.calls if n == name]

    def texts(self, chat_id: int) -> list[str]:
        """The texts sent to one chat."""
        return [p["text"] for p in self.called("sendMessage") if p["chat_id"] == str(chat_id)]


@contextmanager
def fake_bot_api_server() -> Iterator[FakeBotApi]:
    """A :class:`FakeBotApi` served on a free loopback port."""
    api = FakeBotApi()
    with _served(api.app()) as port:
        api.base = f"http://127.0.0.1:{port}/bot"
        yield api


def telegram_worker_env(
    pg_url: str, api_base: str, webhook_url: str, secret: str
) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        POLICYBOT_DATABASE_URL=pg_url,
        POLICYBOT_TELEGRAM_TOKEN="123:TEST",
        POLICYBOT_TELEGRAM_WEBHOOK_URL=webhook_url,
        POLICYBOT_TELEGRAM_WEBHOOK_SECRET=secret,
        POLICYBOT_TELEGRAM_API_BASE=api_base,
        POLICYBOT_RATE_LIMIT_PER_MINUTE="0",
        PYTHONPATH=str(ROOT),
    )
    return env


def worker_env(pg_url: str, api_base: str) -> dict[str, str]:
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


async def serving(base: str, pids: set[int], timeout: float = 90) -> None:
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


def worker_pids(supervisor: int) -> list[int]:
    out = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(supervisor)], capture_output=True, text=True
    )
    return [int(p) for p in out.stdout.split()]
