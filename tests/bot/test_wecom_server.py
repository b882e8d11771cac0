"""WeCom callback app driven offline: wechatpy plays WeCom, MockTransport plays the API."""

from __future__ import annotations

import asyncio
import json
import os
import random
import time
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette
from wechatpy.enterprise.crypto import WeChatCrypto

from bot.channels.wecom.api import WeComAPI
from bot.channels.wecom.crypto import WeComCrypto, signature
from bot.channels.wecom.messages import parse_xml
from bot.channels.wecom.server import APOLOGY_TEXT, UNSUPPORTED_TEXT, create_app
from bot.messages import Choice, IncomingMessage, OutgoingFile, Reply

TOKEN = "QDG6eK"
CORP_ID = "wx5823bf96d3bd56c7"
AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
URL = "/wecom/callback"
WECOM = WeChatCrypto(TOKEN, AES_KEY, CORP_ID)  # independent implementation as "WeCom"


class FakeHandler:
    """Echo engine: ``"{user}:{text}"`` after ``delay`` seconds; records every call."""

    def __init__(self, delay: float | tuple[float, float] = 0.0) -> None:
        self.delay = delay
        self.calls: list[IncomingMessage] = []
        self.replies: list[Reply] | None = None
        self.fail = False

    async def handle(self, message: IncomingMessage) -> list[Reply]:
        self.calls.append(message)
        delay = random.uniform(*self.delay) if isinstance(self.delay, tuple) else self.delay
        await asyncio.sleep(delay)
        if self.fail:
            raise RuntimeError("engine bug")
        if self.replies is not None:
            return self.replies
        return [Reply(text=f"{message.user_id}:{message.text or message.payload}")]


class FakeAPI:
    """MockTransport handler recording what the bot pushes."""

    def __init__(self) -> None:
        self.sent: list[dict] = []
        self.uploads: list[bytes] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/gettoken"):
            return httpx.Response(200, json={"errcode": 0, "access_token": "T", "expires_in": 7200})
        if request.url.path.endswith("/media/upload"):
            self.uploads.append(request.content)
            return httpx.Response(200, json={"errcode": 0, "media_id": f"M{len(self.uploads)}"})
        self.sent.append(json.loads(request.content))
        return httpx.Response(200, json={"errcode": 0, "errmsg": "ok"})

    def texts(self, user: str | None = None) -> list[str]:
        return [
            m["text"]["content"]
            for m in self.sent
            if m["msgtype"] == "text" and user in (None, m["touser"])
        ]


def inbound(user: str, content: str = "", msg_id: str = "1", **extra: str) -> str:
    fields = {"ToUserName": CORP_ID, "FromUserName": user, "CreateTime": "1700000000"}
    fields |= {"MsgType": "text", "Content": content, "MsgId": msg_id, "AgentID": "1000002"}
    fields |= extra
    body = "".join(f"<{k}><![CDATA[{v}]]></{k}>" for k, v in fields.items() if v)
    return f"<xml>{body}</xml>"


async def post(
    client: httpx.AsyncClient, inner: str, *, nonce: str = "n1", wecom: WeChatCrypto = WECOM
) -> httpx.Response:
    envelope = parse_xml(wecom.encrypt_message(inner, nonce, "1700000000"))
    body = (
        f"<xml><ToUserName><![CDATA[{CORP_ID}]]></ToUserName>"
        f"<Encrypt><![CDATA[{envelope['Encrypt']}]]></Encrypt></xml>"
    )
    params = {"msg_signature": envelope["MsgSignature"], "timestamp": "1700000000", "nonce": nonce}
    return await client.post(URL, params=params, content=body)


def passive(response: httpx.Response, nonce: str = "n1") -> dict[str, str] | None:
    """Decrypt a passive reply with wechatpy; ``None`` for an empty acknowledgement."""
    assert response.status_code == 200
    if not response.content:
        return None
    env = parse_xml(response.content)
    assert env["Nonce"] == nonce
    return parse_xml(
        WECOM.decrypt_message(response.text, env["MsgSignature"], env["TimeStamp"], nonce)
    )


@pytest.fixture
def handler() -> FakeHandler:
    return FakeHandler()


@pytest.fixture
def fake_api() -> FakeAPI:
    return FakeAPI()


@pytest.fixture
async def app_client(
    handler: FakeHandler, fake_api: FakeAPI, request: pytest.FixtureRequest
) -> AsyncIterator[tuple[Starlette, httpx.AsyncClient]]:
    reply_timeout = getattr(request, "param", 1.0)
    async with httpx.AsyncClient(transport=httpx.MockTransport(fake_api)) as api_client:
        api = WeComAPI(CORP_ID, "secret", 1000002, api_client, base_url="https://api.test/cgi-bin")
        crypto = WeComCrypto(TOKEN, AES_KEY, CORP_ID)
        app = create_app(handler, crypto, api, reply_timeout=reply_timeout)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://wecom.test") as client:
            yield app, client
            await app.state.wecom.drain(timeout=5)


@pytest.fixture
def client(app_client: tuple[Starlette, httpx.AsyncClient]) -> httpx.AsyncClient:
    return app_client[1]


async def drain(app_client: tuple[Starlette, httpx.AsyncClient]) -> None:
    await app_client[0].state.wecom.drain(timeout=5)


# --- URL verification (GET) -------------------------------------------------------------

SAMPLE_ECHOSTR = (
    "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ=="
)
SAMPLE_QUERY = {
    "msg_signature": "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3",
    "timestamp": "1409659589",
    "nonce": "263014780",
    "echostr": SAMPLE_ECHOSTR,
}


async def test_get_returns_exactly_the_echostr(client: httpx.AsyncClient) -> None:
    response = await client.get(URL, params=SAMPLE_QUERY)
    assert response.status_code == 200
    assert response.content == b"1616140317555161061"
    assert response.headers["content-type"].startswith("text/plain")


async def test_get_tolerates_unescaped_plus(client: httpx.AsyncClient) -> None:
    query = "&".join(f"{k}={v}" for k, v in SAMPLE_QUERY.items())  # raw "+" → " " on parse
    response = await client.get(f"{URL}?{query}")
    assert response.text == "1616140317555161061"


async def test_get_bad_signature_403(client: httpx.AsyncClient) -> None:
    response = await client.get(URL, params=SAMPLE_QUERY | {"msg_signature": "f" * 40})
    assert response.status_code == 403
    assert "1616140317555161061" not in response.text


# --- messages (POST) --------------------------------------------------------------------


async def test_fast_text_gets_passive_reply(
    client: httpx.AsyncClient, handler: FakeHandler, fake_api: FakeAPI
) -> None:
    reply = passive(await post(client, inbound("zhangsan", "申报条件", msg_id="100")))
    assert reply is not None
    assert reply["Content"] == "zhangsan:申报条件"
    assert (reply["ToUserName"], reply["FromUserName"], reply["MsgType"]) == (
        "zhangsan",
        CORP_ID,
        "text",
    )
    [call] = handler.calls
    assert call == IncomingMessage(
        channel="wecom", user_id="zhangsan", chat_id="zhangsan", text="申报条件", message_id="100"
    )
    assert fake_api.sent == []


async def test_choices_rendered_as_numbered_lines(
    client: httpx.AsyncClient, handler: FakeHandler
) -> None:
    handler.replies = [
        Reply(
            text="请选择申报类别：",
            choices=[Choice(label="国家级", payload="a"), Choice(label="省级", payload="b")],
        )
    ]
    reply = passive(await post(client, inbound("u1", "申报")))
    assert reply is not None and reply["Content"] == "请选择申报类别：\n1. 国家级\n2. 省级"


async def test_forged_signature_403(client: httpx.AsyncClient, handler: FakeHandler) -> None:
    envelope = parse_xml(WECOM.encrypt_message(inbound("u", "hi"), "n1", "1700000000"))
    body = f"<xml><Encrypt><![CDATA[{envelope['Encrypt']}]]></Encrypt></xml>"
    params = {"msg_signature": "0" * 40, "timestamp": "1700000000", "nonce": "n1"}
    assert (await client.post(URL, params=params, content=body)).status_code == 403
    assert (await client.post(URL, content=body)).status_code == 403
    assert handler.calls == []


async def test_wrong_corp_id_403(client: httpx.AsyncClient, handler: FakeHandler) -> None:
    other = WeChatCrypto(TOKEN, AES_KEY, "ww1436e0e65a779aee")
    assert (await post(client, inbound("u", "hi"), wecom=other)).status_code == 403
    assert handler.calls == []


@pytest.mark.parametrize("encrypt", ["not base64!", "QUJD", ""])
async def test_bad_payload_400(client: httpx.AsyncClient, encrypt: str) -> None:
    params = {"msg_signature": signature(TOKEN, "1", "2", encrypt), "timestamp": "1", "nonce": "2"}
    body = f"<xml><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"
    assert (await client.post(URL, params=params, content=body)).status_code == 400
    assert (await client.post(URL, params=params, content=b"<xml><Enc")).status_code == 400


async def test_replayed_msg_id_handled_once(
    client: httpx.AsyncClient, handler: FakeHandler
) -> None:
    first = passive(await post(client, inbound("u2", "你好", msg_id="777"), nonce="a"), "a")
    again = passive(await post(client, inbound("u2", "你好", msg_id="777"), nonce="b"), "b")
    assert len(handler.calls) == 1
    assert first is not None and again is not None
    assert again["Content"] == first["Content"] == "u2:你好"


@pytest.mark.parametrize("app_client", [0.05], indirect=True)
async def test_slow_handler_acknowledges_then_pushes(
    app_client: tuple[Starlette, httpx.AsyncClient], handler: FakeHandler, fake_api: FakeAPI
) -> None:
    handler.delay = 0.5
    client = app_client[1]
    started = time.monotonic()
    response = await post(client, inbound("lisi", "材料清单", msg_id="900"))
    assert time.monotonic() - started < 0.4
    assert response.status_code == 200 and response.content == b""
    retry = await post(client, inbound("lisi", "材料清单", msg_id="900"))  # WeCom retries
    assert retry.status_code == 200 and retry.content == b""
    assert fake_api.sent == []
    await drain(app_client)
    assert len(handler.calls) == 1
    assert fake_api.sent == [
        {
            "touser": "lisi",
            "msgtype": "text",
            "agentid": 1000002,
            "text": {"content": "lisi:材料清单"},
        }
    ]


async def test_concurrent_retry_same_passive_reply(
    client: httpx.AsyncClient, handler: FakeHandler
) -> None:
    handler.delay = 0.1
    responses = await asyncio.gather(
        *(post(client, inbound("u3", "重复", msg_id="55"), nonce="r") for _ in range(3))
    )
    assert len(handler.calls) == 1
    assert [passive(r, "r") for r in responses] == [passive(responses[0], "r")] * 3


async def test_long_or_several_replies_and_files_are_pushed(
    app_client: tuple[Starlette, httpx.AsyncClient],
    handler: FakeHandler,
    fake_api: FakeAPI,
    tmp_path: Path,
) -> None:
    doc = tmp_path / "list.docx"
    doc.write_bytes(b"PK docx bytes")
    long_text = "\n".join(["申报单位须在规定时间内提交全部材料。" * 5] * 30)
    handler.replies = [
        Reply(text=long_text),
        Reply(text="清单如下", files=[OutgoingFile(path=doc, filename="申报材料清单.docx")]),
    ]
    response = await post(app_client[1], inbound("wangwu", "清单"))
    assert response.content == b""
    await drain(app_client)
    texts = fake_api.texts("wangwu")
    assert len(texts) >= 3 and all(len(t.encode()) <= 2048 for t in texts)
    assert "\n".join(texts[:-1]) == long_text and texts[-1] == "清单如下"
    assert (
        fake_api.sent[-1]["file"] == {"media_id": "M1"} and b"PK docx bytes" in fake_api.uploads[0]
    )


async def test_events_and_other_message_types(
    client: httpx.AsyncClient, handler: FakeHandler
) -> None:
    enter = inbound("u4", msg_id="", MsgType="event", Event="enter_agent")
    assert passive(await post(client, enter))["Content"] == "u4:/start"  # type: ignore[index]
    click = inbound("u4", msg_id="", MsgType="event", Event="click", EventKey="menu_notices")
    assert passive(await post(client, click))["Content"] == "u4:menu_notices"  # type: ignore[index]
    assert [(c.text, c.payload, c.message_id) for c in handler.calls] == [
        ("/start", "", "u4:1700000000:enter_agent"),
        ("", "menu_notices", "u4:1700000000:click"),
    ]
    subscribe = inbound("u4", msg_id="", MsgType="event", Event="subscribe")
    assert passive(await post(client, subscribe)) is None
    image = inbound("u4", msg_id="5", MsgType="image", PicUrl="http://x/y.jpg")
    assert passive(await post(client, image))["Content"] == UNSUPPORTED_TEXT  # type: ignore[index]
    assert len(handler.calls) == 2


async def test_engine_failure_answers_apology(
    client: httpx.AsyncClient, handler: FakeHandler
) -> None:
    handler.fail = True
    reply = passive(await post(client, inbound("u5", "崩溃")))
    assert reply is not None and reply["Content"] == APOLOGY_TEXT


class SplitHandler(FakeHandler):
    """Even users answered at once (passive reply), odd users late (pushed)."""

    async def handle(self, message: IncomingMessage) -> list[Reply]:
        self.delay = 0.3 + random.uniform(0, 0.05) if int(message.user_id[-2:]) % 2 else 0.0
        return await super().handle(message)


@pytest.mark.parametrize("app_client", [0.1], indirect=True)
async def test_50_users_2_messages_concurrently(
    app_client: tuple[Starlette, httpx.AsyncClient], fake_api: FakeAPI
) -> None:
    app, client = app_client
    handler = SplitHandler()
    app.state.wecom.handler = handler
    jobs = [(f"user{u:02d}", f"问题{m}", f"{u}{m}") for u in range(50) for m in (1, 2)]
    responses = await asyncio.gather(*(post(client, inbound(*job)) for job in jobs))
    await drain(app_client)
    delivered: list[tuple[str, str]] = []
    for (user, _, _), response in zip(jobs, responses, strict=True):
        if (reply := passive(response)) is not None:
            assert reply["ToUserName"] == user
            delivered.append((user, reply["Content"]))
    passive_count = len(delivered)
    delivered += [(m["touser"], m["text"]["content"]) for m in fake_api.sent]
    expected = [(user, f"{user}:{text}") for user, text, _ in jobs]
    assert sorted(delivered) == sorted(expected)  # none lost, duplicated or crossed
    assert len(handler.calls) == 100
    assert passive_count > 0 and len(fake_api.sent) >= 50  # both paths exercised


@pytest.mark.parametrize("app_client", [0.05], indirect=True)
async def test_slow_engine_failure_pushes_apology(
    app_client: tuple[Starlette, httpx.AsyncClient], handler: FakeHandler, fake_api: FakeAPI
) -> None:
    handler.delay, handler.fail = 0.2, True
    assert (await post(app_client[1], inbound("u6", "慢且崩溃"))).content == b""
    await drain(app_client)
    assert fake_api.texts("u6") == [APOLOGY_TEXT]


async def test_oversized_body_413(client: httpx.AsyncClient, handler: FakeHandler) -> None:
    response = await client.post(URL, content=b"<xml>" + b"x" * (1024 * 1024 + 1))
    assert response.status_code == 413
    assert handler.calls == []


async def test_health_endpoint_reports_turns_and_pushes(client: httpx.AsyncClient) -> None:
    await post(client, inbound("zhangsan", "申报条件", msg_id="300"))
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "turns_in_progress": 0,
        "pushes_pending": 0,
        "pid": os.getpid(),  # which worker answered
    }


async def test_a_replayed_callback_outside_the_time_window_is_refused(
    app_client: tuple[Starlette, httpx.AsyncClient], handler: FakeHandler
) -> None:
    app, client = app_client
    state = app.state.wecom
    state.max_clock_skew = 300.0
    state.wall = lambda: 1_700_000_000 + 60  # the posts below are signed at 1700000000
    fresh = passive(await post(client, inbound("zhangsan", "申报条件", msg_id="400")))
    assert fresh is not None and len(handler.calls) == 1
    state.wall = lambda: 1_700_000_000 + 3600  # an hour later: the same request replayed
    replay = await post(client, inbound("zhangsan", "申报条件", msg_id="401"))
    assert replay.status_code == 403 and len(handler.calls) == 1
