"""Telegram adapter, driven offline through PTB's own seams.

The Bot API transport is replaced by :class:`RecordingRequest` (a ``BaseRequest`` that
records every call and answers with canned JSON, as PTB's ``tests/auxil/networking.py``
does); updates are fed with ``Application.process_update(Update.de_json(...))``.
Assertions check what the user would see: message texts, buttons, documents.
"""

from __future__ import annotations

import html
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from telegram import Update
from telegram.ext import Application
from telegram.request import BaseRequest, RequestData

from bot.channels.telegram import (
    ALLOWED_UPDATES,
    APOLOGY,
    COMMANDS,
    CONCURRENT_UPDATES,
    TEXT_ONLY_HINT,
    UpdateDeduplicator,
    build_application,
    recover,
    run_telegram,
    set_commands,
    webhook_options,
)
from bot.channels.telegram_render import (
    MAX_MESSAGE_CHARS,
    STAFF_PREFIX,
    check_callback_data,
    render_reply,
    split_text,
)
from bot.inbox import Inbox
from bot.messages import Choice, IncomingMessage, OutgoingFile, Reply
from bot.settings import SettingsError, load_settings
from bot.storage import StateStore

BOT_USER = {"id": 999, "is_bot": True, "first_name": "政策助手", "username": "policy_bot"}
USER = {
    "id": 42,
    "is_bot": False,
    "first_name": "小明",
    "last_name": "王",
    "language_code": "zh-hans",
}
CHAT = {"id": 42, "type": "private"}


# --- the fake Bot API -------------------------------------------------------------------


@dataclass
class Call:
    """One recorded Bot API call."""

    method: str
    params: dict[str, Any]
    files: dict[str, tuple[str, bytes]]


class RecordingRequest(BaseRequest):
    """Records Bot API calls and answers them with canned results; never touches a network."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._next_message_id = 100

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    @property
    def read_timeout(self) -> float | None:
        return 1

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        api_method = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        files: dict[str, tuple[str, bytes]] = {}
        if request_data and request_data.contains_files:
            for name, (filename, content, _mime) in request_data.multipart_data.items():
                data = content.read() if hasattr(content, "read") else content
                files[name] = (filename, data)
        self.calls.append(Call(api_method, params, files))
        body = {"ok": True, "result": self._result(api_method, params)}
        return 200, json.dumps(body).encode()

    def _result(self, api_method: str, params: dict[str, Any]) -> Any:
        if api_method == "getMe":
            return BOT_USER
        if api_method in ("sendMessage", "sendDocument"):
            self._next_message_id += 1
            message: dict[str, Any] = {
                "message_id": self._next_message_id,
                "date": 1_700_000_000,
                "chat": {"id": int(params["chat_id"]), "type": "private"},
                "from": BOT_USER,
            }
            if api_method == "sendMessage":
                message["text"] = html.unescape(params["text"])
            else:
                message["document"] = {"file_id": "doc1", "file_unique_id": "u1"}
            return message
        return True  # answerCallbackQuery and anything else

    def sent(self, method: str = "sendMessage") -> list[Call]:
        """Calls of one Bot API method, in order."""
        return [c for c in self.calls if c.method == method]


class FakeEngine:
    """A MessageHandler that records turns and returns scripted replies."""

    def __init__(self, *replies: Reply, error: Exception | None = None) -> None:
        self.replies = list(replies)
        self.error = error
        self.received: list[IncomingMessage] = []

    async def handle(self, message: IncomingMessage) -> list[Reply]:
        self.received.append(message)
        if self.error is not None:  # fail once, then answer normally
            error, self.error = self.error, None
            raise error
        return self.replies


# --- helpers ---------------------------------------------------------------------------


def text_update(update_id: int, text: str, *, chat: dict[str, Any] = CHAT) -> dict[str, Any]:
    message: dict[str, Any] = {
        "message_id": update_id + 7,
        "date": 1_700_000_000,
        "chat": chat,
        "from": USER,
        "text": text,
    }
    if text.startswith("/"):
        length = len(text.split(" ", 1)[0])
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
    return {"update_id": update_id, "message": message}


def button_update(update_id: int, data: str) -> dict[str, Any]:
    return {
        "update_id": update_id,
        "callback_query": {
            "id": "cbq-1",
            "from": USER,
            "chat_instance": "ci-1",
            "data": data,
            "message": {
                "message_id": 55,
                "date": 1_700_000_000,
                "chat": CHAT,
                "from": BOT_USER,
                "text": "请选择城市：",
            },
        },
    }


def buttons(call: Call) -> list[list[tuple[str, str]]]:
    """The inline keyboard of a sendMessage as rows of (label, callback_data)."""
    markup = call.params.get("reply_markup")
    if markup is None:
        return []
    if isinstance(markup, str):
        markup = json.loads(markup)
    return [[(b["text"], b["callback_data"]) for b in row] for row in markup["inline_keyboard"]]


@dataclass
class Bot:
    app: Application
    request: RecordingRequest

    async def feed(self, payload: dict[str, Any]) -> None:
        await self.app.process_update(Update.de_json(payload, self.app.bot))


@pytest.fixture
async def make_bot():
    apps: list[Application] = []

    async def make(engine: FakeEngine, inbox: Inbox | None = None) -> Bot:
        request = RecordingRequest()
        app = build_application(
            engine,
            "123:TEST",
            request=request,
            get_updates_request=RecordingRequest(),
            inbox=lambda: inbox,
        )
        await app.initialize()
        apps.append(app)
        return Bot(app, request)

    yield make
    for app in apps:
        await app.shutdown()


# --- incoming --------------------------------------------------------------------------


async def test_text_message_becomes_incoming_message_and_html_reply(make_bot):
    engine = FakeEngine(Reply(text="申报条件：<一>年龄 & 工龄"))
    bot = await make_bot(engine)

    await bot.feed(text_update(1001, "太仓市怎么申报？"))

    assert engine.received == [
        IncomingMessage(
            channel="telegram",
            user_id="42",
            chat_id="42",
            text="太仓市怎么申报？",
            payload="",
            message_id="1001",
            display_name="小明 王",
        )
    ]
    [call] = bot.request.sent()
    assert call.params["chat_id"] == 42
    assert call.params["parse_mode"] == "HTML"
    assert call.params["text"] == "申报条件：&lt;一&gt;年龄 &amp; 工龄"
    assert "reply_markup" not in call.params


@pytest.mark.parametrize(
    ("typed", "engine_sees"),
    [
        ("/start", "/start"),
        ("/help", "/help"),
        ("/cities 苏州", "/cities 苏州"),
        ("/reset", "/reset"),
        ("/ticket 材料清单打不开", "/ticket 材料清单打不开"),
        ("/reset@policy_bot", "/reset"),
        ("/cities@other_bot 苏州", "/cities@other_bot 苏州"),
    ],
)
async def test_commands_pass_through_unchanged(make_bot, typed, engine_sees):
    engine = FakeEngine(Reply(text="好的"))
    bot = await make_bot(engine)

    await bot.feed(text_update(1002, typed))

    assert [m.text for m in engine.received] == [engine_sees]
    assert [c.params["text"] for c in bot.request.sent()] == ["好的"]


async def test_choices_become_inline_keyboard(make_bot):
    engine = FakeEngine(
        Reply(
            text="请选择您所在的城市：",
            choices=[
                Choice(label="苏州", payload="city:suzhou"),
                Choice(label="太仓", payload="city:taicang"),
                Choice(label="昆山", payload="city:kunshan"),
            ],
        ),
        Reply(
            text="下一步？",
            choices=[
                Choice(label="查看市级技能大师工作室申报条件", payload="q:conditions"),
                Choice(label="生成申报材料清单", payload="flow:checklist"),
            ],
        ),
    )
    bot = await make_bot(engine)

    await bot.feed(text_update(1003, "/cities"))

    short, long = bot.request.sent()
    assert short.params["text"] == "请选择您所在的城市："
    assert buttons(short) == [
        [("苏州", "city:suzhou"), ("太仓", "city:taicang")],
        [("昆山", "city:kunshan")],
    ]
    assert buttons(long) == [
        [("查看市级技能大师工作室申报条件", "q:conditions")],
        [("生成申报材料清单", "flow:checklist")],
    ]


async def test_button_press_sends_payload_answers_query_and_replies(make_bot):
    engine = FakeEngine(Reply(text="已选择：太仓市"))
    bot = await make_bot(engine)

    await bot.feed(button_update(2001, "city:taicang"))

    [message] = engine.received
    assert (message.payload, message.text) == ("city:taicang", "")
    assert (message.user_id, message.chat_id, message.message_id) == ("42", "42", "2001")
    methods = [c.method for c in bot.request.calls if c.method != "getMe"]
    assert methods == ["answerCallbackQuery", "sendMessage"]
    assert bot.request.sent("answerCallbackQuery")[0].params["callback_query_id"] == "cbq-1"
    assert bot.request.sent()[0].params["text"] == "已选择：太仓市"


async def test_non_text_message_gets_hint_without_engine(make_bot):
    engine = FakeEngine(Reply(text="不应发送"))
    bot = await make_bot(engine)
    sticker = text_update(1004, "")
    del sticker["message"]["text"]
    sticker["message"]["sticker"] = {
        "file_id": "s1",
        "file_unique_id": "s1u",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
        "type": "regular",
    }

    await bot.feed(sticker)

    assert engine.received == []
    assert [c.params["text"] for c in bot.request.sent()] == [TEXT_ONLY_HINT]


async def test_staff_reply_is_prefixed(make_bot):
    bot = await make_bot(FakeEngine(Reply(text="您的材料已收到。", from_staff=True)))

    await bot.feed(text_update(1005, "材料发了吗"))

    assert bot.request.sent()[0].params["text"] == f"{STAFF_PREFIX}\n您的材料已收到。"


# --- long texts ------------------------------------------------------------------------


async def test_long_reply_is_split_at_paragraphs_keyboard_on_last(make_bot):
    paragraphs = [f"第{i}段：" + "技能大师工作室申报材料说明。" * 20 for i in range(1, 36)]
    text = "\n\n".join(paragraphs)
    assert len(text) > 10_000
    choice = Choice(label="返回主菜单", payload="menu")
    bot = await make_bot(FakeEngine(Reply(text=text, choices=[choice])))

    await bot.feed(text_update(1006, "全部条款"))

    calls = bot.request.sent()
    assert len(calls) == 3
    assert all(len(c.params["text"]) <= MAX_MESSAGE_CHARS for c in calls)
    chunks = [c.params["text"] for c in calls]
    # every chunk is whole paragraphs; nothing lost or reordered
    assert "\n\n".join(chunks) == text
    assert all(chunk.startswith("第") and chunk.endswith("。") for chunk in chunks)
    assert [buttons(c) for c in calls] == [[], [], [[("返回主菜单", "menu")]]]


def test_split_never_cuts_an_entity_and_counts_escaped_length():
    text = "A&B<C>" * 3000  # 18,000 characters, 42,000 once escaped
    chunks = [html.escape(c, quote=False) for c in split_text(text)]
    assert all(len(c) <= MAX_MESSAGE_CHARS for c in chunks)
    assert "".join(html.unescape(c) for c in chunks) == text
    for chunk in chunks:  # each chunk is valid on its own: no dangling "&am"
        assert html.escape(html.unescape(chunk), quote=False) == chunk


def test_split_prefers_line_breaks_then_hard_split():
    lines = "\n".join(f"第{i:03d}行" + "。" * 95 for i in range(100))  # 100 lines of 100 chars
    chunks = split_text(lines, limit=1000)
    assert all(len(c) <= 1000 for c in chunks)
    assert "\n".join(chunks) == lines
    assert all(c.startswith("第") for c in chunks)

    unbroken = "政" * 2500
    assert [len(c) for c in split_text(unbroken, limit=1000)] == [1000, 1000, 500]


def test_split_counts_utf16_units_like_telegram():
    emoji = "📄" * 3000  # 2 UTF-16 units each
    chunks = split_text(emoji)
    assert [len(c) for c in chunks] == [2048, 952]


def test_split_blank_text():
    assert split_text("") == []
    assert split_text("\n\n") == []


# --- files, errors, de-duplication -----------------------------------------------------


async def test_file_reply_uploads_document(make_bot, tmp_path: Path):
    path = tmp_path / "checklist.docx"
    path.write_bytes(b"PK\x03\x04 fake docx")
    reply = Reply(
        text="已为您生成材料清单：",
        files=[OutgoingFile(path=path, filename="太仓市申报材料清单.docx", caption="请核对")],
    )
    bot = await make_bot(FakeEngine(reply))

    await bot.feed(text_update(1007, "生成清单"))

    assert [c.method for c in bot.request.calls if c.method != "getMe"] == [
        "sendMessage",
        "sendDocument",
    ]
    [doc] = bot.request.sent("sendDocument")
    assert doc.params["caption"] == "请核对"
    assert doc.params["chat_id"] == 42
    [(filename, content)] = doc.files.values()
    assert filename == "太仓市申报材料清单.docx"
    assert content == b"PK\x03\x04 fake docx"


async def test_redelivered_update_is_processed_once(make_bot):
    engine = FakeEngine(Reply(text="收到"))
    bot = await make_bot(engine)

    await bot.feed(text_update(1008, "你好"))
    await bot.feed(text_update(1008, "你好"))
    await bot.feed(text_update(1009, "你好"))

    assert [m.message_id for m in engine.received] == ["1008", "1009"]
    assert [c.params["text"] for c in bot.request.sent()] == ["收到", "收到"]


async def test_update_redelivered_after_a_restart_is_dropped_by_the_inbox(make_bot, tmp_path):
    state = await StateStore(tmp_path / "state.db").open()
    try:
        first_engine, second_engine = FakeEngine(Reply(text="收到")), FakeEngine(Reply(text="收到"))
        first = await make_bot(first_engine, Inbox(state))
        await first.feed(text_update(1010, "太仓补助多少"))
        # a new process: its in-memory LRU is empty, the inbox in the database is not
        second = await make_bot(second_engine, Inbox(state))
        await second.feed(text_update(1010, "太仓补助多少"))
        await second.feed(text_update(1011, "镇江呢"))

        assert [m.message_id for m in first_engine.received] == ["1010"]
        assert [m.message_id for m in second_engine.received] == ["1011"]
        assert len(first.request.sent()) == len(second.request.sent()) == 1
    finally:
        await state.close()


async def test_message_left_in_processing_by_a_crash_is_answered_at_the_next_start(
    make_bot, tmp_path
):
    state = await StateStore(tmp_path / "state.db").open()
    try:
        crashed = FakeEngine(error=RuntimeError("kill -9"))
        bot = await make_bot(crashed, Inbox(state))
        await bot.feed(text_update(1020, "无锡什么时候截止"))  # saved, never done
        assert [c.params["text"] for c in bot.request.sent()] == [APOLOGY]

        engine = FakeEngine(Reply(text="2021年4月25日截止"))
        restarted = await make_bot(engine, Inbox(state))
        assert await recover(restarted.app) == 1
        assert [m.text for m in engine.received] == ["无锡什么时候截止"]
        sent = restarted.request.sent()
        assert [(c.params["chat_id"], c.params["text"]) for c in sent] == [
            (42, "2021年4月25日截止")
        ]
        assert await recover((await make_bot(engine, Inbox(state))).app) == 0  # done now
    finally:
        await state.close()


def test_deduplicator_is_bounded():
    dedup = UpdateDeduplicator(maxsize=2)
    assert [dedup.seen(i) for i in (1, 2, 1, 3)] == [False, False, True, False]
    # 1 was refreshed by the repeat, so 2 was the oldest and is forgotten
    assert dedup.seen(2) is False
    assert dedup.seen(3) is True


async def test_handler_exception_apologises_and_logs(make_bot, caplog):
    engine = FakeEngine(Reply(text="恢复正常"), error=RuntimeError("database is locked"))
    bot = await make_bot(engine)

    with caplog.at_level(logging.ERROR, logger="bot.channels.telegram"):
        await bot.feed(text_update(1010, "申报条件"))

    assert [c.params["text"] for c in bot.request.sent()] == [APOLOGY]
    [record] = [r for r in caplog.records if r.name == "bot.channels.telegram"]
    assert record.exc_info is not None and "database is locked" in str(record.exc_info[1])

    # the application keeps working for the next update
    await bot.feed(text_update(1011, "再试"))
    assert [c.params["text"] for c in bot.request.sent()] == [APOLOGY, "恢复正常"]


def test_callback_data_over_64_bytes_raises():
    too_long = "flow:checklist:" + "太仓" * 10  # 15 + 60 bytes
    with pytest.raises(ValueError, match="64 bytes"):
        render_reply(Reply(text="选", choices=[Choice(label="清单", payload=too_long)]))
    with pytest.raises(ValueError, match="got 0 bytes"):
        check_callback_data("")
    assert check_callback_data("x" * 64) == "x" * 64


async def test_bad_payload_sends_apology_not_half_an_answer(make_bot):
    bad = Reply(text="选", choices=[Choice(label="清单", payload="x" * 65)])
    bot = await make_bot(FakeEngine(Reply(text="第一条"), bad))

    await bot.feed(text_update(1012, "清单"))

    assert [c.params["text"] for c in bot.request.sent()] == [APOLOGY]


# --- run configuration -----------------------------------------------------------------


def test_run_telegram_requires_token():
    with pytest.raises(SettingsError, match="POLICYBOT_TELEGRAM_TOKEN"):
        run_telegram(FakeEngine(), load_settings(env={}))


def test_webhook_options():
    assert webhook_options(load_settings(env={"POLICYBOT_TELEGRAM_TOKEN": "1:x"})) is None
    settings = load_settings(
        env={
            "POLICYBOT_TELEGRAM_TOKEN": "1:x",
            "POLICYBOT_TELEGRAM_WEBHOOK_URL": "https://bot.example.cn/tg/hook",
            "POLICYBOT_TELEGRAM_WEBHOOK_SECRET": "s3cret",
            "POLICYBOT_TELEGRAM_PORT": "8080",
        }
    )
    assert webhook_options(settings) == {
        "listen": "0.0.0.0",
        "port": 8080,
        "url_path": "tg/hook",
        "webhook_url": "https://bot.example.cn/tg/hook",
        "secret_token": "s3cret",
        "allowed_updates": ALLOWED_UPDATES,
    }


def test_webhook_without_secret_is_refused():
    settings = load_settings(
        env={
            "POLICYBOT_TELEGRAM_TOKEN": "1:x",
            "POLICYBOT_TELEGRAM_WEBHOOK_URL": "https://bot.example.cn/tg/hook",
        }
    )
    with pytest.raises(SettingsError, match="POLICYBOT_TELEGRAM_WEBHOOK_SECRET"):
        webhook_options(settings)


async def test_platform_conventions_concurrency_parse_mode_and_command_menu() -> None:
    request = RecordingRequest()
    app = build_application(
        FakeEngine(Reply(text="好")),
        "123:TEST",
        request=request,
        get_updates_request=RecordingRequest(),
    )
    await app.initialize()
    try:
        assert app.concurrent_updates == CONCURRENT_UPDATES > 1  # users in parallel
        assert app.bot.defaults is not None and app.bot.defaults.parse_mode == "HTML"
        await set_commands(app)
        [call] = request.sent("setMyCommands")
        menu = call.params["commands"]  # the list of {command, description}
        assert [c["command"] for c in menu] == [c.command for c in COMMANDS]
        assert {"start", "help", "apply", "forget"} <= {c["command"] for c in menu}
    finally:
        await app.shutdown()
