"""The Telegram webhook worker's ASGI app, in process: httpx's ASGITransport plays
Telegram posting updates, :class:`RecordingRequest` plays the Bot API (PTB's own seam),
and the application runs without an updater as PTB's custom-webhook pattern has it.

What Telegram and the user would notice: a call without the secret is refused, each
update is answered once (also when Telegram delivers it again, to this worker or after
a restart), the message is saved before Telegram gets its 200, and what a killed
worker's slot left pending is answered by that slot's next run, not by another slot.
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from telegram.error import NetworkError
from telegram.ext import Application
from test_telegram import FakeEngine, RecordingRequest, button_update, text_update

from bot.channels.telegram import ALLOWED_UPDATES, COMMANDS, build_application, recover
from bot.channels.telegram_webhook import (
    HEALTH_PATH,
    REGISTER_ATTEMPTS,
    SECRET_HEADER,
    create_webhook_app,
    register_webhook,
    webhook_path,
)
from bot.cli import main
from bot.inbox import Inbox
from bot.messages import IncomingMessage, Reply
from bot.settings import SettingsError, load_settings
from bot.storage import StateStore

SECRET = "s3cret-token"
PATH = "/tg/hook"


class BlockingEngine(FakeEngine):
    """Answers only once ``release`` is set (a turn still running)."""

    def __init__(self, *replies: Reply) -> None:
        super().__init__(*replies)
        self.release = asyncio.Event()

    async def handle(self, message: IncomingMessage) -> list[Reply]:
        await self.release.wait()
        return await super().handle(message)


class FailingInbox(Inbox):
    """An inbox whose database is unreachable for the next ``failures`` saves."""

    failures = 1

    async def put(self, message: IncomingMessage) -> bool:
        if self.failures:
            self.failures -= 1
            raise OSError("connection refused")
        return await super().put(message)


@dataclass
class Worker:
    """One webhook worker: the started application, its ASGI app and a client posting
    to it as Telegram does."""

    app: Application
    request: RecordingRequest
    client: httpx.AsyncClient

    async def post(self, payload: Any, secret: str | bytes | None = SECRET) -> httpx.Response:
        headers = {SECRET_HEADER: secret} if secret is not None else {}
        content = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        return await self.client.post(PATH, content=content, headers=headers)

    async def settle(self) -> None:
        """Wait until every queued update was handled."""
        await asyncio.wait_for(self.app.update_queue.join(), timeout=10)


@pytest.fixture
async def state(tmp_path: Path) -> AsyncIterator[StateStore]:
    store = await StateStore(tmp_path / "state.db").open()
    yield store
    await store.close()


@pytest.fixture
async def make_worker() -> AsyncIterator[Callable[..., Awaitable[Worker]]]:
    started: list[Worker] = []

    async def make(engine: FakeEngine, inbox: Inbox | None) -> Worker:
        request = RecordingRequest()
        app = build_application(
            engine, "123:TEST", request=request, inbox=lambda: inbox, polling=False, senders=2
        )
        assert app.updater is None  # PTB's custom webhook: no updater
        await app.initialize()
        await app.start()
        asgi = create_webhook_app(app, SECRET, PATH)
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=asgi), base_url="http://tg")
        worker = Worker(app, request, client)
        started.append(worker)
        return worker

    yield make
    for worker in started:
        await worker.client.aclose()
        if worker.app.running:
            await worker.app.stop()
        await worker.app.shutdown()


async def test_a_call_without_the_secret_token_is_refused(make_worker, state) -> None:
    engine = FakeEngine(Reply(text="不应发送"))
    inbox = Inbox(state)
    worker = await make_worker(engine, inbox)

    assert (await worker.post(text_update(1, "你好"), secret=None)).status_code == 403
    assert (await worker.post(text_update(2, "你好"), secret="guess")).status_code == 403
    assert (
        await worker.post(text_update(3, "你好"), secret="s3cret-tokeñ".encode("latin-1"))
    ).status_code == 403
    await worker.settle()

    assert engine.received == []
    assert worker.request.sent() == []
    assert await inbox.pending("telegram") == []


async def test_a_text_update_is_answered_once_through_the_bot_api(make_worker, state) -> None:
    engine = FakeEngine(Reply(text="太仓市：2024年8月20日前报送"))
    inbox = Inbox(state)
    worker = await make_worker(engine, inbox)

    response = await worker.post(text_update(1001, "太仓的截止时间？"))
    assert response.status_code == 200
    await worker.settle()

    [message] = engine.received
    assert (message.user_id, message.message_id, message.text) == ("42", "1001", "太仓的截止时间？")
    [call] = worker.request.sent()
    assert (call.params["chat_id"], call.params["text"]) == (42, "太仓市：2024年8月20日前报送")
    assert await inbox.pending("telegram") == []  # marked done once answered


async def test_a_button_press_is_answered_and_its_spinner_stopped(make_worker, state) -> None:
    engine = FakeEngine(Reply(text="已选择：太仓市"))
    worker = await make_worker(engine, Inbox(state))

    assert (await worker.post(button_update(2001, "city:taicang"))).status_code == 200
    await worker.settle()

    assert [m.payload for m in engine.received] == ["city:taicang"]
    assert [c.method for c in worker.request.calls if c.method != "getMe"] == [
        "answerCallbackQuery",
        "sendMessage",
    ]


async def test_an_update_delivered_again_is_handled_once(make_worker, state) -> None:
    engine = BlockingEngine(Reply(text="收到"))
    inbox = Inbox(state)
    worker = await make_worker(engine, inbox)
    update = text_update(1008, "镇江联系电话")

    # Telegram delivers again while the first delivery is still being answered …
    first, again = await asyncio.gather(worker.post(update), worker.post(update))
    assert (first.status_code, again.status_code) == (200, 200)
    engine.release.set()
    await worker.settle()
    # … and once more after it was answered, and after a restart of the worker
    assert (await worker.post(update)).status_code == 200
    await worker.settle()
    restarted = await make_worker(FakeEngine(Reply(text="收到")), Inbox(state))
    assert (await restarted.post(update)).status_code == 200
    await restarted.settle()

    assert [m.message_id for m in engine.received] == ["1008"]
    assert [c.params["text"] for c in worker.request.sent()] == ["收到"]
    assert restarted.request.sent() == []


async def test_the_message_is_saved_before_telegram_gets_its_200(make_worker, state) -> None:
    engine = BlockingEngine(Reply(text="2021年4月25日截止"))
    inbox = Inbox(state)
    worker = await make_worker(engine, inbox)

    response = await worker.post(text_update(1020, "无锡什么时候截止"))

    assert response.status_code == 200
    [saved] = await inbox.pending("telegram")  # committed, the turn not done yet
    assert (saved.user_id, saved.message_id, saved.text) == ("42", "1020", "无锡什么时候截止")
    assert worker.request.sent() == []
    engine.release.set()
    await worker.settle()
    assert [c.params["text"] for c in worker.request.sent()] == ["2021年4月25日截止"]
    assert await inbox.pending("telegram") == []


async def test_an_update_that_cannot_be_saved_is_not_acknowledged(make_worker, state) -> None:
    engine = FakeEngine(Reply(text="收到"))
    worker = await make_worker(engine, FailingInbox(state))
    update = text_update(1030, "韶关联系电话")

    assert (await worker.post(update)).status_code == 503  # Telegram delivers it again
    await worker.settle()
    assert engine.received == []
    assert (await worker.post(update)).status_code == 200  # the retry, the database back
    await worker.settle()
    assert [m.message_id for m in engine.received] == ["1030"]
    assert len(worker.request.sent()) == 1


@pytest.mark.parametrize(
    ("body", "status"),
    [(b"not json", 400), (b"[]", 400), (b"{}", 400), (b"{" + b" " * (1 << 20) + b"}", 413)],
)
async def test_a_body_that_is_no_update_is_refused(make_worker, body, status) -> None:
    engine = FakeEngine(Reply(text="不应发送"))
    worker = await make_worker(engine, None)

    assert (await worker.post(body)).status_code == status
    await worker.settle()
    assert engine.received == []


async def test_a_retry_is_dropped_by_the_in_memory_cache_without_an_inbox(make_worker) -> None:
    engine = FakeEngine(Reply(text="收到"))
    worker = await make_worker(engine, None)

    for _ in range(2):
        assert (await worker.post(text_update(1040, "你好"))).status_code == 200
        await worker.settle()

    assert [m.message_id for m in engine.received] == ["1040"]


async def test_healthz_names_the_worker_and_fails_once_stopped(make_worker) -> None:
    worker = await make_worker(FakeEngine(), None)

    response = await worker.client.get(HEALTH_PATH)
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "pid": os.getpid(), "updates_waiting": 0}
    await worker.app.stop()
    assert (await worker.client.get(HEALTH_PATH)).status_code == 503


async def test_a_restarted_worker_answers_what_its_slot_left_pending(make_worker, state) -> None:
    # worker 1 of 2 saved the message, acknowledged it and was killed before answering
    stuck = BlockingEngine(Reply(text="不应发送"))
    killed = await make_worker(stuck, Inbox(state, slot=1, slots=2))
    assert (await killed.post(text_update(1050, "鹿城联系电话"))).status_code == 200

    other = await make_worker(FakeEngine(Reply(text="不应发送")), Inbox(state, slot=0, slots=2))
    assert await recover(other.app) == 0  # worker 0 never takes a live slot's messages
    engine = FakeEngine(Reply(text="鹿城区：0577-88990719"))
    restarted = await make_worker(engine, Inbox(state, slot=1, slots=2))
    assert await recover(restarted.app) == 1

    assert [m.message_id for m in engine.received] == ["1050"]
    assert [c.params["text"] for c in restarted.request.sent()] == ["鹿城区：0577-88990719"]
    assert other.request.sent() == []
    assert await Inbox(state, slot=1, slots=2).pending("telegram") == []
    stuck.release.set()  # a real kill ends that turn; here it must end for the app to stop


def test_webhook_path_is_the_path_of_the_public_url() -> None:
    assert webhook_path("https://bot.example.cn/tg/hook") == "/tg/hook"
    assert webhook_path("https://bot.example.cn/tg/hook/") == "/tg/hook"
    assert webhook_path("https://bot.example.cn") == "/"


# --- setWebhook, once for the group -----------------------------------------------------

HOOK_ENV = {
    "POLICYBOT_TELEGRAM_TOKEN": "123:TEST",
    "POLICYBOT_TELEGRAM_WEBHOOK_URL": "https://bot.example.cn/tg/hook",
    "POLICYBOT_TELEGRAM_WEBHOOK_SECRET": SECRET,
}


async def test_register_webhook_sets_url_secret_updates_and_menu() -> None:
    request = RecordingRequest()

    await register_webhook(load_settings(env=HOOK_ENV), request=request)

    [hook] = request.sent("setWebhook")
    assert hook.params["url"] == "https://bot.example.cn/tg/hook"
    assert hook.params["secret_token"] == SECRET
    assert hook.params["allowed_updates"] == ALLOWED_UPDATES
    [menu] = request.sent("setMyCommands")
    assert [c["command"] for c in menu.params["commands"]] == [c.command for c in COMMANDS]


@pytest.mark.parametrize(
    ("status", "description", "names"),
    [
        (401, "Unauthorized", "POLICYBOT_TELEGRAM_TOKEN"),
        (400, "Bad Request: bad webhook: HTTPS url must be provided", "WEBHOOK_URL"),
    ],
)
async def test_register_webhook_refused_names_the_setting(status, description, names) -> None:
    with pytest.raises(SettingsError, match=names):
        await register_webhook(
            load_settings(env=HOOK_ENV), request=_Refusing(status, description), backoff=0
        )


class _Refusing(RecordingRequest):
    """The Bot API refusing ``setWebhook`` (or every call, for a bad token) with a status."""

    def __init__(self, status: int, description: str) -> None:
        super().__init__()
        self.status, self.description = status, description

    async def do_request(self, url: str, method: str, *args: Any, **kwargs: Any) -> Any:
        name = url.rsplit("/", 1)[-1]
        if self.status == 401 or name == "setWebhook":
            body = {"ok": False, "error_code": self.status, "description": self.description}
            return self.status, json.dumps(body).encode()
        return await super().do_request(url, method, *args, **kwargs)


class _Unreachable(RecordingRequest):
    """The Bot API unreachable for the first ``failures`` calls."""

    def __init__(self, failures: int) -> None:
        super().__init__()
        self.failures = failures

    async def do_request(self, *args: Any, **kwargs: Any) -> Any:
        if self.failures:
            self.failures -= 1
            raise NetworkError("connection refused")
        return await super().do_request(*args, **kwargs)


async def test_register_webhook_tries_again_when_telegram_is_unreachable() -> None:
    settings = load_settings(env=HOOK_ENV)
    flaky = _Unreachable(failures=REGISTER_ATTEMPTS - 1)
    await register_webhook(settings, request=flaky, backoff=0)
    assert len(flaky.sent("setWebhook")) == 1

    down = _Unreachable(failures=REGISTER_ATTEMPTS)
    with pytest.raises(SettingsError, match="POLICYBOT_TELEGRAM_API_BASE"):
        await register_webhook(settings, request=down, backoff=0)
    assert down.sent("setWebhook") == []


# --- the command line -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "names"),
    [
        ({}, "POLICYBOT_DATABASE_URL"),
        ({"POLICYBOT_DATABASE_URL": "postgresql://u@127.0.0.1/db"}, "POLICYBOT_TELEGRAM_TOKEN"),
        (
            {
                "POLICYBOT_DATABASE_URL": "postgresql://u@127.0.0.1/db",
                "POLICYBOT_TELEGRAM_TOKEN": "1:x",
            },
            "POLICYBOT_TELEGRAM_WEBHOOK_URL",
        ),
        (
            {
                "POLICYBOT_DATABASE_URL": "postgresql://u@127.0.0.1/db",
                "POLICYBOT_TELEGRAM_TOKEN": "1:x",
                "POLICYBOT_TELEGRAM_WEBHOOK_URL": "https://bot.example.cn/tg",
            },
            "POLICYBOT_TELEGRAM_WEBHOOK_SECRET",
        ),
    ],
)
def test_several_workers_need_postgresql_and_a_webhook(
    tmp_path, monkeypatch, capsys, env, names
) -> None:
    for name in [*HOOK_ENV, "POLICYBOT_DATABASE_URL"]:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)

    assert main(["telegram", "--workers", "2", "--db", str(tmp_path / "kb.db")]) == 2

    err = capsys.readouterr().err
    assert names in err and "配置错误" in err
