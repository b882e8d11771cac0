"""Fuzz tests (hypothesis): malformed input gets a clear refusal, never a traceback.

- the WeCom XML parser: any bytes → a dict or :class:`PayloadError`;
- the WeCom callback: any body, query and declared encoding → 200 or 4xx, never 500;
- the engine: any text → replies (never an exception), the session still loadable;
- every form validator: any string → a value or :class:`FieldError`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app import build_runtime
from bot.channels.wecom.api import WeComAPI
from bot.channels.wecom.crypto import WeComCrypto
from bot.channels.wecom.errors import PayloadError
from bot.channels.wecom.messages import parse_xml
from bot.channels.wecom.server import create_app
from bot.engine import APOLOGY
from bot.messages import IncomingMessage, Reply
from bot.settings import load_settings
from flows.validators import VALIDATORS, FieldError

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
TEXT = st.text(st.one_of(st.characters(), CJK), max_size=200)
XML_LIKE = st.one_of(
    st.binary(max_size=400),
    st.builds(
        lambda enc, body: f'<?xml version="1.0" encoding="{enc}"?><xml>{body}</xml>'.encode(
            "utf-8", "surrogatepass"
        ),
        st.sampled_from(["GBK", "gb2312", "UTF-16", "utf-8", "latin-1", "x-nope", "", "big5"]),
        TEXT,
    ),
    st.builds(
        lambda body: f"<xml><Encrypt><![CDATA[{body}]]></Encrypt></xml>".encode(
            "utf-8", "surrogatepass"
        ),
        TEXT,
    ),
)


@FUZZ
@given(XML_LIKE)
def test_the_xml_parser_refuses_cleanly(data: bytes) -> None:
    try:
        out = parse_xml(data)
    except PayloadError:
        return
    assert isinstance(out, dict)


class _Echo:
    async def handle(self, message: IncomingMessage) -> list[Reply]:
        return [Reply(text="好")]


def _api_handler(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"errcode": 0, "access_token": "T", "expires_in": 7200})


@FUZZ
@given(
    body=XML_LIKE,
    query=st.dictionaries(
        st.sampled_from(["msg_signature", "timestamp", "nonce", "echostr"]),
        st.text(max_size=40),
        max_size=4,
    ),
    method=st.sampled_from(["GET", "POST"]),
)
def test_the_callback_answers_any_body_without_a_server_error(
    body: bytes, query: dict[str, str], method: str
) -> None:
    async def run() -> int:
        async with httpx.AsyncClient(transport=httpx.MockTransport(_api_handler)) as api_client:
            api = WeComAPI(
                "wx5823bf96d3bd56c7",
                "secret",
                1000002,
                api_client,
                base_url="https://api.test/cgi-bin",
            )
            crypto = WeComCrypto(
                "QDG6eK", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "wx5823bf96d3bd56c7"
            )
            app = create_app(_Echo(), crypto, api)
            transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
            async with httpx.AsyncClient(
                transport=transport, base_url="http://wecom.test"
            ) as client:
                response = await client.request(
                    method, "/wecom/callback", params=query, content=body
                )
                return response.status_code

    status = asyncio.run(run())
    assert status < 500, status


@pytest.fixture(scope="module")
def runtime_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "kb.db"


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(texts=st.lists(TEXT, min_size=1, max_size=4))
def test_the_engine_answers_any_text(runtime_db: Path, texts: list[str]) -> None:
    async def run() -> None:
        async with build_runtime(
            load_settings({}, db=runtime_db, today=dt.date(2026, 12, 1))
        ) as rt:
            for n, text in enumerate(texts):
                message = IncomingMessage(
                    channel="test", user_id="fuzz", text=text, message_id=f"{n}-{hash(text)}"
                )
                replies = await rt.engine.handle(message)
                # the engine turns a crash into its apology: that must never be the answer
                assert replies and all(r.text and r.text != APOLOGY for r in replies), text
            await rt.state.load("test:fuzz")  # the session still validates

    asyncio.run(run())


CONTEXT = {
    "options": ["是", "否", "其他"],
    "min": 0,
    "max": 100,
    "max_len": 200,
    "label": "字段",
    "today": dt.date(2026, 12, 1),
    "area_code": "0512",
}


@FUZZ
@given(name=st.sampled_from(sorted(VALIDATORS)), raw=TEXT)
def test_every_validator_returns_a_value_or_a_field_error(name: str, raw: str) -> None:
    try:
        VALIDATORS[name](raw, CONTEXT)
    except FieldError as err:
        assert str(err)  # a message in Chinese for the applicant
