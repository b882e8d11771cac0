"""WeCom API client against an httpx.MockTransport fake of qyapi.weixin.qq.com."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from bot.channels.wecom.api import WeComAPI, WeComAPIError
from bot.channels.wecom.config import api_from_settings
from bot.channels.wecom.errors import ConfigError
from bot.channels.wecom.render import split_text, utf8_len
from bot.settings import SettingsError, load_settings

BASE = "https://qyapi.example.test/cgi-bin"


class FakeWeCom:
    """Records requests; answers like WeCom. ``reject`` = errcodes for the next sends."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.tokens_issued = 0
        self.reject: list[int] = []
        self.expires_in = 7200
        self.delivered: list[str] = []

    @property
    def sent(self) -> list[dict]:
        return [
            json.loads(r.content) for r in self.requests if r.url.path.endswith("/message/send")
        ]

    def calls(self, suffix: str) -> int:
        return sum(r.url.path.endswith(suffix) for r in self.requests)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path
        if path.endswith("/gettoken"):
            assert request.url.params["corpid"] == "ww-corp"
            if request.url.params["corpsecret"] != "s3cret":
                return httpx.Response(200, json={"errcode": 40001, "errmsg": "invalid credential"})
            self.tokens_issued += 1
            token = f"TOKEN{self.tokens_issued}"
            return httpx.Response(
                200, json={"errcode": 0, "access_token": token, "expires_in": self.expires_in}
            )
        if request.url.params.get("access_token") != f"TOKEN{self.tokens_issued}":
            return httpx.Response(200, json={"errcode": 42001, "errmsg": "access_token expired"})
        if self.reject:
            code = self.reject.pop(0)
            return httpx.Response(200, json={"errcode": code, "errmsg": "rejected"})
        if path.endswith("/media/upload"):
            assert request.url.params["type"] == "file"
            return httpx.Response(200, json={"errcode": 0, "type": "file", "media_id": "MEDIA1"})
        body = json.loads(request.content)
        self.delivered.append(body.get("text", {}).get("content", ""))
        return httpx.Response(200, json={"errcode": 0, "errmsg": "ok", "msgid": "m"})


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def fake() -> FakeWeCom:
    return FakeWeCom()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def api(fake: FakeWeCom, clock: Clock) -> AsyncIterator[WeComAPI]:
    async with httpx.AsyncClient(transport=httpx.MockTransport(fake)) as client:
        yield WeComAPI("ww-corp", "s3cret", "1000002", client, base_url=BASE, clock=clock)


async def test_send_text_payload(api: WeComAPI, fake: FakeWeCom) -> None:
    assert await api.send_text("zhangsan", "您好，请问要申报哪个工作室？") == 1
    assert fake.sent == [
        {
            "touser": "zhangsan",
            "msgtype": "text",
            "agentid": 1000002,
            "text": {"content": "您好，请问要申报哪个工作室？"},
        }
    ]
    assert str(fake.requests[0].url).startswith(BASE + "/gettoken")


async def test_token_cached_for_several_sends(api: WeComAPI, fake: FakeWeCom) -> None:
    for i in range(5):
        await api.send_text("u", f"第{i}条")
    assert fake.calls("/gettoken") == 1
    assert len(fake.sent) == 5


async def test_token_refreshed_after_expiry(api: WeComAPI, fake: FakeWeCom, clock: Clock) -> None:
    await api.send_text("u", "a")
    clock.now += 7200 - 300 - 1  # still inside expires_in minus the margin
    await api.send_text("u", "b")
    assert fake.calls("/gettoken") == 1
    clock.now += 2
    await api.send_text("u", "c")
    assert fake.calls("/gettoken") == 2
    assert len(fake.sent) == 3


@pytest.mark.parametrize("errcode", [40014, 42001])
async def test_token_refreshed_once_on_rejection(
    api: WeComAPI, fake: FakeWeCom, errcode: int
) -> None:
    await api.send_text("u", "a")
    fake.reject = [errcode]
    await api.send_text("u", "b")
    assert fake.calls("/gettoken") == 2
    assert fake.delivered == ["a", "b"]
    fake.reject = [errcode, errcode]
    with pytest.raises(WeComAPIError) as info:
        await api.send_text("u", "c")
    assert info.value.errcode == errcode
    assert fake.calls("/gettoken") == 3  # refreshed once, not in a loop


async def test_nonzero_errcode_raises(api: WeComAPI, fake: FakeWeCom) -> None:
    fake.reject = [81013]
    with pytest.raises(WeComAPIError) as info:
        await api.send_text("nobody", "x")
    assert (info.value.errcode, info.value.errmsg) == (81013, "rejected")


async def test_bad_secret(fake: FakeWeCom) -> None:
    async with httpx.AsyncClient(transport=httpx.MockTransport(fake)) as client:
        api = WeComAPI("ww-corp", "wrong", 1, client, base_url=BASE)
        with pytest.raises(WeComAPIError, match="40001"):
            await api.get_access_token()


async def test_http_error_raises(api: WeComAPI) -> None:
    async with httpx.AsyncClient(
        transport=httpx.MockTransport(lambda r: httpx.Response(502, text="bad gateway"))
    ) as client:
        broken = WeComAPI("ww-corp", "s3cret", 1, client, base_url=BASE)
        with pytest.raises(WeComAPIError) as info:
            await broken.get_access_token()
    assert info.value.errcode == -1


async def test_long_text_split_into_parts(api: WeComAPI, fake: FakeWeCom) -> None:
    paragraph = "根据《关于开展技能大师工作室申报工作的通知》第四条，申报单位应当具备相应条件。"
    text = "\n\n".join(f"{i}. {paragraph}" for i in range(42))
    assert utf8_len(text) > 5000
    count = await api.send_text("u", text)
    parts = [m["text"]["content"] for m in fake.sent]
    assert count == len(parts) >= 3
    assert all(utf8_len(p) <= 2048 for p in parts)
    assert all(p.endswith("条件。") for p in parts)  # cut between paragraphs
    assert "\n\n".join(parts) == text


def test_split_never_cuts_inside_a_character() -> None:
    text = "汉" * 2000 + "x" + "字" * 1000  # 9,001 bytes, no separators
    parts = split_text(text)
    assert all(utf8_len(p) <= 2048 for p in parts)
    assert "".join(parts) == text
    assert split_text("") == [] and split_text("短") == ["短"]


def test_split_prefers_line_then_sentence_boundaries() -> None:
    line = "甲" * 600  # 1,800 bytes
    assert split_text(f"{line}\n{line}") == [line, line]
    sentence = "乙" * 400 + "。"
    parts = split_text(sentence * 3)
    assert parts == [sentence, sentence, sentence]


async def test_markdown(api: WeComAPI, fake: FakeWeCom) -> None:
    await api.send_markdown("u", '**申报截止**：<font color="warning">6月30日</font>')
    assert fake.sent[0]["msgtype"] == "markdown"
    assert fake.sent[0]["markdown"]["content"].startswith("**申报截止**")


async def test_upload_and_send_file(api: WeComAPI, fake: FakeWeCom, tmp_path: Path) -> None:
    path = tmp_path / "checklist.docx"
    path.write_bytes(b"PK\x03\x04 fake docx")
    media_id = await api.upload_media(path, "申报材料清单.docx")
    await api.send_file("lisi", media_id)
    upload = next(r for r in fake.requests if r.url.path.endswith("/media/upload"))
    body = upload.content
    assert b'name="media"' in body and "申报材料清单.docx".encode() in body
    assert b"PK\x03\x04 fake docx" in body
    assert fake.sent == [
        {"touser": "lisi", "msgtype": "file", "agentid": 1000002, "file": {"media_id": "MEDIA1"}}
    ]


def test_api_from_settings_names_missing_variables() -> None:
    settings = load_settings(env={"POLICYBOT_WECOM_CORP_ID": "ww-corp"})
    with pytest.raises(ConfigError, match="POLICYBOT_WECOM_SECRET.*POLICYBOT_WECOM_AGENT_ID"):
        api_from_settings(settings, httpx.AsyncClient())
    settings = load_settings(
        env={
            "POLICYBOT_WECOM_CORP_ID": "ww-corp",
            "POLICYBOT_WECOM_SECRET": "s",
            "POLICYBOT_WECOM_AGENT_ID": "10000x2",
        }
    )
    with pytest.raises(SettingsError, match="POLICYBOT_WECOM_AGENT_ID"):  # ConfigError is one
        api_from_settings(settings, httpx.AsyncClient())


async def test_api_from_settings(fake: FakeWeCom) -> None:
    env = {
        "POLICYBOT_WECOM_CORP_ID": "ww-corp",
        "POLICYBOT_WECOM_SECRET": "s3cret",
        "POLICYBOT_WECOM_AGENT_ID": "1000002",
    }
    async with httpx.AsyncClient(transport=httpx.MockTransport(fake)) as client:
        api = api_from_settings(load_settings(env=env), client, base_url=BASE)
        await api.send_text("u", "好")
    assert fake.sent[0]["agentid"] == 1000002
