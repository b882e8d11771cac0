"""The WeCom callback in front of the REAL engine (knowledge base, staff routes, guided
filing, FAQ), driven offline: wechatpy plays WeCom (it encrypts what WeCom sends and
decrypts our passive replies independently), an httpx MockTransport plays the WeCom
server API, and a recording Outbox sender plays the staff member's Telegram."""

from __future__ import annotations

import asyncio
import datetime as dt
import email
import email.policy
import io
import itertools
import json
import re
import time
import zipfile
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from handoff_support import STAFF, UNANSWERABLE, RecordingSender
from starlette.applications import Starlette
from wechatpy.enterprise.crypto import WeChatCrypto

from bot.app import Runtime, build_runtime
from bot.channels.wecom.api import WeComAPI
from bot.channels.wecom.crypto import WeComCrypto
from bot.channels.wecom.messages import parse_xml
from bot.channels.wecom.render import STAFF_PREFIX
from bot.channels.wecom.server import create_app, outbox_sender
from bot.messages import IncomingMessage
from bot.settings import load_settings
from bot.tickets import NOTIFY_MARK, Status, TicketStore, ticket_id_in

TOKEN = "QDG6eK"
CORP_ID = "wx5823bf96d3bd56c7"
AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
AGENT_ID = 1000002
URL = "/wecom/callback"
API_BASE = "https://qyapi.test/cgi-bin"
WECOM = WeChatCrypto(TOKEN, AES_KEY, CORP_ID)  # independent implementation as "WeCom"
WECOM_LIMIT = 5.0  # WeCom gives up on a callback after 5 s
_ids = itertools.count(7_300_000_000_000_000_001)


@dataclass
class Upload:
    media_id: str
    filename: str
    content: bytes


@dataclass
class FakeWeComAPI:
    """MockTransport handler playing qyapi.weixin.qq.com; records what the bot sends.

    ``fail_sends`` makes that many ``message/send`` calls answer an error (45009).
    """

    sent: list[dict] = field(default_factory=list)
    uploads: list[Upload] = field(default_factory=list)
    token_requests: int = 0
    fail_sends: int = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path.endswith("/gettoken"):
            assert request.url.params["corpid"] == CORP_ID
            self.token_requests += 1
            return httpx.Response(
                200, json={"errcode": 0, "access_token": "TOK", "expires_in": 7200}
            )
        assert request.url.params["access_token"] == "TOK"
        if path.endswith("/media/upload"):
            assert request.url.params["type"] == "file"
            filename, content = multipart_file(request)
            upload = Upload(f"MEDIA{len(self.uploads) + 1}", filename, content)
            self.uploads.append(upload)
            return httpx.Response(200, json={"errcode": 0, "media_id": upload.media_id})
        assert path.endswith("/message/send"), path
        if self.fail_sends:
            self.fail_sends -= 1
            return httpx.Response(200, json={"errcode": 45009, "errmsg": "api freq out of limit"})
        self.sent.append(json.loads(request.content))
        return httpx.Response(200, json={"errcode": 0, "errmsg": "ok"})

    def texts(self, user: str) -> list[str]:
        return [
            m["text"]["content"]
            for m in self.sent
            if m["touser"] == user and m["msgtype"] == "text"
        ]

    def files(self, user: str) -> list[Upload]:
        by_id = {u.media_id: u for u in self.uploads}
        return [
            by_id[m["file"]["media_id"]]
            for m in self.sent
            if m["touser"] == user and m["msgtype"] == "file"
        ]


def multipart_file(request: httpx.Request) -> tuple[str, bytes]:
    """The (filename, bytes) of the ``media`` part of a multipart upload."""
    head = f"Content-Type: {request.headers['content-type']}\r\n\r\n".encode()
    msg = email.message_from_bytes(head + request.content, policy=email.policy.HTTP)
    [part] = [
        p for p in msg.iter_parts() if p.get_param("name", header="content-disposition") == "media"
    ]
    content = part.get_payload(decode=True)
    assert isinstance(content, bytes)
    return part.get_filename() or "", content


def wecom_post(
    user: str,
    content: str,
    msg_id: str,
    nonce: str,
    *,
    wecom: WeChatCrypto = WECOM,
    corp_id: str = CORP_ID,
) -> tuple[dict[str, str], str]:
    """Query parameters and body of a callback POST for a text message, as WeCom sends it."""
    now = int(time.time())
    inner = (
        f"<xml><ToUserName><![CDATA[{corp_id}]]></ToUserName>"
        f"<FromUserName><![CDATA[{user}]]></FromUserName><CreateTime>{now}</CreateTime>"
        f"<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content>"
        f"<MsgId>{msg_id}</MsgId><AgentID>{AGENT_ID}</AgentID></xml>"
    )
    envelope = parse_xml(wecom.encrypt_message(inner, nonce, str(now)))
    body = (
        f"<xml><ToUserName><![CDATA[{corp_id}]]></ToUserName>"
        f"<Encrypt><![CDATA[{envelope['Encrypt']}]]></Encrypt>"
        f"<AgentID><![CDATA[{AGENT_ID}]]></AgentID></xml>"
    )
    params = {"msg_signature": envelope["MsgSignature"], "timestamp": str(now), "nonce": nonce}
    return params, body


def decrypt_passive(response: httpx.Response, nonce: str, user: str) -> str | None:
    """The passive reply's text decrypted by wechatpy; ``None`` for an empty acknowledgement."""
    assert response.status_code == 200, response.status_code
    if not response.content:
        return None
    env = parse_xml(response.content)
    assert env["Nonce"] == nonce
    inner = parse_xml(
        WECOM.decrypt_message(response.text, env["MsgSignature"], env["TimeStamp"], nonce)
    )
    assert (inner["ToUserName"], inner["FromUserName"], inner["MsgType"]) == (user, CORP_ID, "text")
    return inner["Content"]


@dataclass
class Harness:
    rt: Runtime
    app: Starlette
    client: httpx.AsyncClient
    api: FakeWeComAPI
    telegram: RecordingSender

    async def drain(self) -> None:
        await self.app.state.wecom.drain(timeout=10)

    async def user_lines(self, user: str) -> list[str]:
        return [
            t for role, t in await self.rt.state.history(f"wecom:{user}", 200) if role == "user"
        ]

    async def staff(self, text: str) -> str:
        """Staff member telegram:900 sends a command through the engine."""
        [reply] = await self.rt.engine.handle(
            IncomingMessage(
                channel="telegram", user_id="900", text=text, message_id=f"tg-{next(_ids)}"
            )
        )
        return reply.text


class WeComUser:
    """One WeCom member talking to the callback; every send is timed against WeCom's 5 s."""

    def __init__(self, h: Harness, user_id: str) -> None:
        self.h, self.user_id = h, user_id

    async def send(self, text: str, msg_id: str | None = None) -> tuple[httpx.Response, str]:
        msg_id = msg_id or str(next(_ids))
        nonce = f"n{next(_ids) % 10**9}"  # WeCom sends a new nonce with every retry
        params, body = wecom_post(self.user_id, text, msg_id, nonce)
        started = time.monotonic()
        response = await self.h.client.post(URL, params=params, content=body)
        assert time.monotonic() - started < WECOM_LIMIT
        return response, nonce

    async def ask(self, text: str, msg_id: str | None = None) -> str | None:
        response, nonce = await self.send(text, msg_id)
        return decrypt_passive(response, nonce, self.user_id)

    async def passive(self, text: str) -> str:
        reply = await self.ask(text)
        assert reply is not None, f"expected a passive reply to {text!r}"
        return reply


@pytest.fixture
async def wecom(tmp_path: Path) -> AsyncIterator[Harness]:
    settings = load_settings(
        {"POLICYBOT_STAFF_IDS": STAFF}, db=tmp_path / "kb.db", today=dt.date(2024, 6, 1)
    )
    async with build_runtime(settings) as rt:
        fake = FakeWeComAPI()
        async with httpx.AsyncClient(transport=httpx.MockTransport(fake)) as http:
            api = WeComAPI(CORP_ID, "secret", AGENT_ID, http, base_url=API_BASE)
            telegram = RecordingSender()
            rt.outbox.backoff = 0.01  # the outbox's retries, fast
            rt.outbox.register("telegram", telegram)
            rt.outbox.register("wecom", outbox_sender(api))  # as run_wecom does
            app = create_app(rt.engine, WeComCrypto(TOKEN, AES_KEY, CORP_ID), api)
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(
                transport=transport, base_url="http://wecom.test"
            ) as client:
                h = Harness(rt, app, client, fake, telegram)
                yield h
                await h.drain()


def numbered(text: str) -> dict[str, str]:
    """``"1. 太仓市"`` lines → ``{"太仓市": "1"}``."""
    return {m.group(2): m.group(1) for m in re.finditer(r"^(\d+)\. (.+)$", text, re.MULTILINE)}


# --- answers --------------------------------------------------------------------------------


async def test_deadline_question_gets_correct_encrypted_passive_reply(wecom: Harness) -> None:
    started = time.monotonic()
    reply = await WeComUser(wecom, "zhangsan").passive("太仓的截止时间？")
    assert time.monotonic() - started < WECOM_LIMIT
    assert "2024年8月20日" in reply and "太人社职〔2024〕7号" in reply
    assert reply.startswith("【太仓市】")
    assert wecom.api.sent == [] and wecom.api.token_requests == 0  # nothing pushed
    assert await wecom.user_lines("zhangsan") == ["太仓的截止时间？"]


async def test_choices_are_numbered_lines_and_typing_the_number_picks_one(wecom: Harness) -> None:
    user = WeComUser(wecom, "lisi")
    reply = await user.passive("补助多少钱")
    options = numbered(reply)
    assert {"太仓市", "镇江市", "温州市鹿城区", "韶关市", "无锡市"} <= set(options)
    assert sorted(options.values(), key=int) == [str(i) for i in range(1, len(options) + 1)]
    assert "【太仓市】" in reply  # answered for all cities, and the city is asked for

    picked = await user.passive(options["太仓市"])
    assert "太仓市" in picked and "镇江市" not in picked
    deadline = await user.passive("截止时间")  # now about the picked city
    assert deadline.startswith("【太仓市】") and "2024年8月20日" in deadline

    newcomer = WeComUser(wecom, "zhouba")
    which = await newcomer.passive("联系电话")  # no city yet: the bot asks which one
    assert "哪个城市" in which
    cities = numbered(which)
    assert set(cities) == {"太仓市", "镇江市", "温州市鹿城区", "韶关市", "无锡市"}
    answered = await newcomer.passive(cities["镇江市"])  # the number answers the question
    assert answered.startswith("【镇江市】") and "0511-85340338" in answered
    assert await wecom.user_lines("zhouba") == ["联系电话", cities["镇江市"]]
    assert wecom.api.sent == []


# --- retries and forgeries ------------------------------------------------------------------


async def test_retried_msg_id_is_processed_once(wecom: Harness) -> None:
    user = WeComUser(wecom, "wangwu")
    first = await user.ask("镇江联系电话", msg_id="9001")
    assert first is not None and "0511-85340338" in first
    again = await user.ask("镇江联系电话", msg_id="9001")  # WeCom retry: same MsgId, new nonce
    assert again in (first, None)

    # three copies at once (WeCom retried while the first was still in flight)
    responses = await asyncio.gather(*(user.send("韶关联系电话", msg_id="9002") for _ in range(3)))
    texts = [decrypt_passive(r, nonce, "wangwu") for r, nonce in responses]
    assert texts[0] is not None and "0751-8605683" in texts[0]
    assert all(t in (texts[0], None) for t in texts)

    # a retry reaching a restarted server: the engine's own record answers it
    restarted = create_app(
        wecom.rt.engine, WeComCrypto(TOKEN, AES_KEY, CORP_ID), wecom.app.state.wecom.api
    )
    params, body = wecom_post("wangwu", "镇江联系电话", "9001", "late")
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=restarted), base_url="http://x"
    ) as c:
        late = decrypt_passive(await c.post(URL, params=params, content=body), "late", "wangwu")
    assert late in (first, None)

    assert await wecom.user_lines("wangwu") == ["镇江联系电话", "韶关联系电话"]
    assert wecom.api.sent == []


async def test_forged_signature_or_other_corp_is_refused_and_nothing_processed(
    wecom: Harness,
) -> None:
    params, body = wecom_post("mallory", "太仓的截止时间？", "666", "n")
    forged = params | {"msg_signature": "0" * 40}
    assert (await wecom.client.post(URL, params=forged, content=body)).status_code == 403
    tampered = body.replace("<Encrypt><![CDATA[", "<Encrypt><![CDATA[AAAA")
    assert (await wecom.client.post(URL, params=params, content=tampered)).status_code == 403
    assert (await wecom.client.post(URL, content=body)).status_code == 403  # no signature at all

    other_corp = WeChatCrypto(TOKEN, AES_KEY, "ww1436e0e65a779aee")
    params, body = wecom_post("mallory", "太仓的截止时间？", "667", "m", wecom=other_corp)
    assert (await wecom.client.post(URL, params=params, content=body)).status_code == 403

    wrong_token = WeChatCrypto("other-token", AES_KEY, CORP_ID)
    params, body = wecom_post("mallory", "太仓的截止时间？", "668", "k", wecom=wrong_token)
    assert (await wecom.client.post(URL, params=params, content=body)).status_code == 403

    await wecom.drain()
    assert await wecom.user_lines("mallory") == []
    for msg_id in ("666", "667", "668"):
        assert await wecom.rt.state.processed("wecom", f"mallory/{msg_id}") is None
    assert wecom.app.state.wecom.turns == {}
    assert wecom.api.sent == [] and wecom.telegram.sent == []


# --- staff handoff and FAQ ------------------------------------------------------------------


async def test_unanswered_question_goes_to_staff_comes_back_by_api_and_becomes_faq(
    wecom: Harness,
) -> None:
    zhang = WeComUser(wecom, "zhangsan")
    fallback = await zhang.passive(UNANSWERABLE)
    assert "转人工" in fallback and numbered(fallback) == {"转人工": "1"}

    passed_id = str(next(_ids))
    passed = await zhang.ask("转人工", msg_id=passed_id)
    assert passed is not None and "工单 #1" in passed and UNANSWERABLE in passed
    retried = await zhang.ask("转人工", msg_id=passed_id)  # WeCom retry: no second ticket
    assert retried in (passed, None)
    tickets = await TicketStore(wecom.rt.state).find()
    assert [(t.id, t.channel, t.user_id, t.status) for t in tickets] == [
        (1, "wecom", "zhangsan", Status.OPEN)
    ]

    [note] = wecom.telegram.to("900")  # staff notified once, in Telegram
    assert ticket_id_in(note.text) == 1 and NOTIFY_MARK in note.text
    assert UNANSWERABLE in note.text and "wecom" in note.text and "太人社职〔2024〕7号" in note.text
    assert wecom.api.sent == []  # nothing pushed to the user yet

    answer = "需要。工作室每年考核一次，由市人社局组织。"
    done = await wecom.staff(f"/reply 1 {answer}")
    assert "已答复" in done and "已发送给用户" in done
    [pushed] = wecom.api.sent
    assert {k: v for k, v in pushed.items() if k != "text"} == {
        "touser": "zhangsan",
        "msgtype": "text",
        "agentid": AGENT_ID,
    }
    relayed = pushed["text"]["content"]
    assert relayed.startswith(STAFF_PREFIX) and "【工作人员回复】" in relayed
    assert answer in relayed and "工单 #1" in relayed
    answered = await TicketStore(wecom.rt.state).get(1)
    assert answered is not None and answered.status == Status.ANSWERED

    saved = await wecom.staff("/faq 1 太仓工作室需要年审吗")
    assert "FAQ #1" in saved

    li = WeComUser(wecom, "lisi")
    for question in (UNANSWERABLE, "太仓工作室需要年审吗"):
        faq = await li.passive(question)
        assert answer in faq and "FAQ #1" in faq and "太人社职〔2024〕7号" in faq, faq
        assert "转人工" not in numbered(faq)
    await wecom.drain()
    assert wecom.api.texts("lisi") == [] and len(wecom.api.sent) == 1
    assert len(await TicketStore(wecom.rt.state).find()) == 1


async def test_number_for_handoff_and_staff_answer_kept_when_push_fails(wecom: Harness) -> None:
    """The "1" typed under 转人工 opens the ticket; when WeCom refuses the push, the staff
    answer waits and comes, marked, with the user's next turn (pushed: two replies)."""
    user = WeComUser(wecom, "zhaoliu")
    await user.passive(UNANSWERABLE)
    passed = await user.passive("1")
    assert "工单 #1" in passed

    wecom.api.fail_sends = 3  # every try of the outbox's retries is refused
    done = await wecom.staff("/reply 1 每年考核一次。")
    assert "用户下次发消息时会收到" in done
    assert wecom.api.sent == []

    response, _ = await user.send("太仓的截止时间？")
    assert response.status_code == 200 and response.content == b""  # two replies: pushed
    await wecom.drain()
    first, second = wecom.api.texts("zhaoliu")
    assert "每年考核一次" in first and "工作人员答复" in first and "工单 #1" in first
    assert second.startswith("【太仓市】") and "2024年8月20日" in second
    assert await wecom.user_lines("zhaoliu") == [UNANSWERABLE, "1", "太仓的截止时间？"]


# --- long answers and files -----------------------------------------------------------------


async def test_long_answer_with_checklist_is_acknowledged_then_pushed(wecom: Harness) -> None:
    user = WeComUser(wecom, "sunqi")
    msg_id = str(next(_ids))
    started = time.monotonic()
    response, _ = await user.send("无锡需要准备哪些材料", msg_id=msg_id)
    assert time.monotonic() - started < WECOM_LIMIT
    assert response.status_code == 200 and response.content == b""  # immediate ack
    await wecom.drain()

    texts = wecom.api.texts("sunqi")
    assert texts[0].startswith("【无锡市】需要准备的材料")
    assert all(len(t.encode("utf-8")) <= 2048 for t in texts)
    assert "申报材料清单" in texts[-1]  # the file's caption
    [upload] = wecom.api.files("sunqi")
    assert upload.filename.endswith("申报材料清单.docx") and "无锡" in upload.filename
    with zipfile.ZipFile(io.BytesIO(upload.content)) as docx:
        assert "无锡市技能大师工作室申报材料清单" in docx.read("word/document.xml").decode("utf-8")
    kinds = [m["msgtype"] for m in wecom.api.sent]
    assert kinds[-1] == "file" and set(kinds[:-1]) == {"text"}
    assert all(m["agentid"] == AGENT_ID and m["touser"] == "sunqi" for m in wecom.api.sent)
    assert wecom.api.token_requests == 1  # the access token is cached

    pushed = len(wecom.api.sent)
    retry, _ = await user.send("无锡需要准备哪些材料", msg_id=msg_id)  # WeCom retry
    await wecom.drain()
    assert retry.status_code == 200 and retry.content == b""
    assert len(wecom.api.sent) == pushed and len(wecom.api.uploads) == 1  # not pushed twice
    assert await wecom.user_lines("sunqi") == ["无锡需要准备哪些材料"]
