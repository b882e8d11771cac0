"""The durable inbox of the WeCom channel: a message is saved before WeCom gets its 200,
marked done once answered, and a message a crash left pending is answered at the next
start (pushed, since the passive window is gone)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette
from test_wecom_server import AES_KEY, CORP_ID, TOKEN, FakeAPI, FakeHandler, inbound, passive, post

from bot.channels.wecom.api import WeComAPI
from bot.channels.wecom.crypto import WeComCrypto
from bot.channels.wecom.messages import InboundMessage
from bot.channels.wecom.render import to_incoming
from bot.channels.wecom.server import create_app
from bot.inbox import Inbox
from bot.storage import StateStore


@pytest.fixture
async def state(tmp_path: Path) -> AsyncIterator[StateStore]:
    store = await StateStore(tmp_path / "state.db").open()
    yield store
    await store.close()


async def _app(
    handler: FakeHandler, api_fake: FakeAPI, inbox: Inbox, timeout: float
) -> tuple[Starlette, httpx.AsyncClient, httpx.AsyncClient]:
    api_client = httpx.AsyncClient(transport=httpx.MockTransport(api_fake))
    api = WeComAPI(CORP_ID, "secret", 1000002, api_client, base_url="https://api.test/cgi-bin")
    app = create_app(
        handler, WeComCrypto(TOKEN, AES_KEY, CORP_ID), api, reply_timeout=timeout, inbox=inbox
    )
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://wecom.test")
    return app, client, api_client


async def test_a_message_is_saved_before_the_ack_and_done_once_answered(state: StateStore) -> None:
    inbox, fake = Inbox(state), FakeAPI()
    handler = FakeHandler(delay=0.3)
    app, client, api_client = await _app(handler, fake, inbox, timeout=0.05)
    async with client, api_client:
        response = await post(client, inbound("zhangsan", "太仓的截止时间？", msg_id="900"))
        assert passive(response) is None  # acknowledged: the answer will be pushed
        [saved] = await inbox.pending("wecom")
        assert (saved.user_id, saved.message_id, saved.text) == (
            "zhangsan",
            "900",
            "太仓的截止时间？",
        )
        await app.state.wecom.drain(timeout=5)
        assert fake.texts("zhangsan") == ["zhangsan:太仓的截止时间？"]
        assert await inbox.pending("wecom") == []
        handler.delay = 0.0
        fast = passive(await post(client, inbound("lisi", "韶关电话", msg_id="901")))
        assert fast is not None and fast["Content"] == "lisi:韶关电话"  # answered at once: done too
        assert await inbox.pending("wecom") == []


async def test_a_message_left_pending_by_a_crash_is_answered_at_the_next_start(
    state: StateStore,
) -> None:
    inbox = Inbox(state)
    first_api = FakeAPI()
    crashed, client, api_client = await _app(FakeHandler(delay=30), first_api, inbox, timeout=0.05)
    async with client, api_client:
        assert (
            passive(await post(client, inbound("zhangsan", "我要填报太仓", msg_id="902"))) is None
        )
        for turn in crashed.state.wecom.turns.values():  # kill -9: the turn never finishes
            turn.task.cancel()
        await asyncio.sleep(0)
    assert first_api.sent == [] and len(await inbox.pending("wecom")) == 1

    handler, second_api = FakeHandler(), FakeAPI()
    inbox = Inbox(state)  # the restarted process's
    restarted, client, api_client = await _app(handler, second_api, inbox, timeout=1.0)
    async with client, api_client:
        await restarted.state.wecom.recover()
        assert [m.message_id for m in handler.calls] == ["902"]
        assert second_api.texts("zhangsan") == ["zhangsan:我要填报太仓"]
        assert await inbox.pending("wecom") == []
        again = await post(
            client, inbound("zhangsan", "我要填报太仓", msg_id="902")
        )  # WeCom's late retry
        assert again.status_code == 200 and len(handler.calls) == 1  # not handled twice


async def test_a_retry_on_another_worker_and_the_restart_answer_once(state: StateStore) -> None:
    """kill -9 of worker 0 drops its connection: WeCom retries on worker 1 while worker 0's
    restart recovers the same pending message; the user gets one answer either way."""
    for retry_first in (True, False):
        msg_id = f"91{int(retry_first)}"
        message = to_incoming(
            InboundMessage.from_xml(inbound("zhangsan", "韶关电话", msg_id=msg_id))
        )
        assert message is not None
        await Inbox(state, slot=0, slots=2).put(message)  # saved by worker 0, which died
        other_api, restart_api = FakeAPI(), FakeAPI()
        other, other_client, other_http = await _app(
            FakeHandler(), other_api, Inbox(state, slot=1, slots=2), timeout=1.0
        )
        restarted, client, http = await _app(
            FakeHandler(), restart_api, Inbox(state, slot=0, slots=2), timeout=1.0
        )
        async with other_client, other_http, client, http:
            if retry_first:
                reply = passive(
                    await post(other_client, inbound("zhangsan", "韶关电话", msg_id=msg_id))
                )
                await restarted.state.wecom.recover()
                assert reply is not None and restart_api.texts("zhangsan") == []
            else:
                await restarted.state.wecom.recover()
                reply = passive(
                    await post(other_client, inbound("zhangsan", "韶关电话", msg_id=msg_id))
                )
                assert reply is None and restart_api.texts("zhangsan") == ["zhangsan:韶关电话"]
            await other.state.wecom.drain(timeout=5)
            assert other_api.texts("zhangsan") == []


async def test_a_message_that_cannot_be_saved_is_not_acknowledged(state: StateStore) -> None:
    class Broken(Inbox):
        async def put(self, message):  # type: ignore[no-untyped-def]
            raise OSError("disk full")

    handler = FakeHandler()
    app, client, api_client = await _app(handler, FakeAPI(), Broken(state), timeout=1.0)
    async with client, api_client:
        response = await post(client, inbound("zhangsan", "太仓的截止时间？", msg_id="903"))
        assert response.status_code == 503 and handler.calls == []  # WeCom retries it
