"""Staff commands, statistics, export, access control, rate limits and channel senders."""

from __future__ import annotations

import csv
import json
import logging
from pathlib import Path

import httpx
from handoff_support import UNANSWERABLE, FakeClock, RecordingSender, User, staff_runtime
from telegram import Update

from bot.channels.telegram import incoming_from_update
from bot.channels.wecom.api import WeComAPI
from bot.channels.wecom.server import outbox_sender
from bot.messages import Reply
from bot.tickets import NOTIFY_MARK


async def open_ticket(rt, user: User, question: str = UNANSWERABLE) -> None:
    await user.say(question)
    [passed] = await user.say(payload="handoff")
    assert "工单 #" in passed.text


async def test_reply_and_faq_usage_errors(tmp_path: Path):
    async with staff_runtime(tmp_path / "kb.db") as (rt, outbox):
        outbox.register("telegram", RecordingSender())
        staff = User(rt, "telegram", "900")
        assert "用法" in (await staff.one("/reply")).text
        assert "用法" in (await staff.one("/reply 1")).text
        assert "没有找到工单 #7" in (await staff.one("/reply 7 你好")).text
        assert "目前没有待处理的工单" in (await staff.one("/tickets")).text
        assert "还没有 FAQ" in (await staff.one("/faq")).text
        await open_ticket(rt, User(rt, "telegram", "42"))
        assert "尚未答复" in (await staff.one("/faq 1")).text
        await staff.say("/reply #1 每年考核一次。")
        assert "FAQ #1" in (await staff.one("/faq 1 要年审吗；每年都考核吗")).text
        listing = (await staff.one("/faq")).text
        assert "FAQ #1" in listing and "要年审吗" in listing
        assert "已删除" in (await staff.one("/unfaq 1")).text
        assert "FAQ #" not in (await User(rt, "wecom", "x").one(UNANSWERABLE)).text


async def test_second_answer_is_sent_as_a_supplement(tmp_path: Path):
    async with staff_runtime(tmp_path / "kb.db") as (rt, outbox):
        telegram = RecordingSender()
        outbox.register("telegram", telegram)
        staff = User(rt, "telegram", "900")
        await open_ticket(rt, User(rt, "telegram", "42"))
        await staff.say("/reply 1 每年考核一次。")
        again = await staff.one("/reply 1 考核在每年12月进行。")
        assert "补充答复" in again.text
        assert [r.from_staff for r in telegram.to("42")] == [True, True]
        assert "12月" in telegram.to("42")[1].text


async def test_stats_show_volume_fallbacks_topics_and_response_time(tmp_path: Path):
    clock = FakeClock()
    async with staff_runtime(tmp_path / "kb.db", now=clock.now) as (rt, outbox):
        outbox.register("telegram", RecordingSender())
        a, b = User(rt, "telegram", "1"), User(rt, "wecom", "2")
        await a.say(UNANSWERABLE)
        await b.say("太仓的工作室每年都需要考核吗？")
        await b.say("太仓的截止时间？")
        await a.say(payload="handoff")
        await User(rt, "telegram", "3").say("无锡补贴多少")
        clock.advance(90 * 60)
        staff = User(rt, "telegram", "900")
        await staff.say("/reply 1 每年考核一次。")
        await b.say("转人工")
        clock.advance(30 * 60)
        stats = (await staff.one("/stats")).text
        assert "提问：4 条" in stats
        assert "未能回答：2 条，兜底率 50%" in stats
        assert f"1. {UNANSWERABLE}（2次）" in stats
        assert "待处理 1 张，已答复 1 张" in stats
        assert "中位响应时间：1小时30分钟" in stats
        assert "#2 已等待30分钟" in stats


async def test_export_is_a_csv_with_tickets_faq_and_unanswered(tmp_path: Path):
    async with staff_runtime(tmp_path / "kb.db") as (rt, outbox):
        outbox.register("telegram", RecordingSender())
        await open_ticket(rt, User(rt, "telegram", "42", "王小明"))
        staff = User(rt, "telegram", "900")
        await staff.say("/reply 1 每年考核一次。")
        await staff.say("/faq 1")
        export = await staff.one("/export")
        [file] = export.files
        assert file.filename.endswith(".csv") and file.path.exists()
        with file.path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
        ticket = next(r for r in rows if r["类型"] == "工单")
        assert ticket["编号"] == "1" and ticket["状态"] == "已答复"
        assert ticket["问题"] == UNANSWERABLE and ticket["答复"] == "每年考核一次。"
        assert ticket["用户"] == "王小明" and "太人社职〔2024〕7号" in ticket["参考通知"]
        assert any(r["类型"] == "FAQ" and r["答复"] == "每年考核一次。" for r in rows)
        assert any(r["类型"] == "未解决问题" and r["问题"] == UNANSWERABLE for r in rows)


async def test_rate_limit_refuses_the_21st_message_in_a_minute(tmp_path: Path):
    clock = FakeClock()
    async with staff_runtime(tmp_path / "kb.db", clock=clock.monotonic) as (rt, _):
        user = User(rt, "telegram", "42")
        for _ in range(20):
            assert "太频繁" not in (await user.one("/help")).text
        lines = len(await rt.state.history("telegram:42", 100))
        refused = await user.one("我的身份证320102198001011234")
        assert "太频繁" in refused.text and "3秒" in refused.text
        assert (
            len(await rt.state.history("telegram:42", 100)) == lines
        )  # the refused message not stored
        assert await rt.state.processed("telegram", f"42/{user.user_id}-{user.n}") is None
        assert "太频繁" not in (await User(rt, "telegram", "43").one("/help")).text
        clock.advance(3)
        assert "太频繁" not in (await user.one("/help")).text
        staff = User(rt, "telegram", "900")
        for _ in range(30):
            assert "太频繁" not in (await staff.one("/tickets")).text


async def test_logs_carry_no_question_text_or_phone_numbers(tmp_path: Path, caplog):
    caplog.set_level(logging.DEBUG)
    async with staff_runtime(tmp_path / "kb.db") as (rt, outbox):
        outbox.register("telegram", RecordingSender())
        user = User(rt, "telegram", "42")
        await user.say("转人工：太仓考核不合格怎么办，我的电话13812345678")
        await User(rt, "wecom", "x").say("/tickets")
        await User(rt, "telegram", "900").say("/reply 1 请致电0512-53542494咨询")
    # aiosqlite logs statement arguments at DEBUG: the CLI must keep it at INFO or above
    ours = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("bot"))
    assert "ticket #1 opened" in ours and "refused" in ours
    for secret in ("13812345678", "考核不合格", "53542494"):
        assert secret not in ours


def staff_reply_to(notification: dict, text: str, update_id: int = 77) -> Update:
    """A Telegram update: staff member 900 answers ``notification`` with ``text``."""
    return Update.de_json(
        {
            "update_id": update_id,
            "message": {
                "message_id": update_id,
                "date": 0,
                "chat": {"id": 900, "type": "private"},
                "from": {"id": 900, "is_bot": False, "first_name": "李"},
                "text": text,
                "reply_to_message": notification,
            },
        },
        None,
    )


def test_telegram_reply_to_a_notification_becomes_a_reply_command():
    notification = {
        "message_id": 5,
        "date": 0,
        "chat": {"id": 900, "type": "private"},
        "from": {"id": 999, "is_bot": True, "first_name": "助手"},
        "text": f"🔔 {NOTIFY_MARK}12\n用户：王",
    }
    update = staff_reply_to(notification, "每年考核一次。")
    assert incoming_from_update(update).text == "/reply 12 每年考核一次。"
    notification["text"] = "太仓的截止时间是8月20日"
    update = staff_reply_to(notification, "谢谢", update_id=78)
    assert incoming_from_update(update).text == "谢谢"


async def test_wecom_sender_pushes_staff_answers_with_prefix():
    sent = []

    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/gettoken"):
            return httpx.Response(200, json={"errcode": 0, "access_token": "T", "expires_in": 7200})
        sent.append(json.loads(request.content))
        return httpx.Response(200, json={"errcode": 0, "errmsg": "ok"})

    async with httpx.AsyncClient(transport=httpx.MockTransport(handle)) as client:
        api = WeComAPI("ww-corp", "s3cret", 1000002, client, base_url="https://wecom.test/cgi-bin")
        await outbox_sender(api)("zhangsan", [Reply(text="每年考核一次。", from_staff=True)])
    [message] = sent
    assert message["touser"] == "zhangsan"
    assert message["text"]["content"] == "【工作人员回复】\n每年考核一次。"


async def test_a_staff_group_chat_gets_notifications_and_may_answer(tmp_path: Path):
    import datetime as dt

    from bot.app import build_runtime
    from bot.delivery import Outbox
    from bot.features import build_staff_routes
    from bot.messages import IncomingMessage
    from bot.settings import load_settings

    env = {"POLICYBOT_STAFF_IDS": "telegram:-100777"}
    settings = load_settings(env, db=tmp_path / "kb.db", today=dt.date(2024, 6, 1))
    async with build_runtime(settings) as rt:
        outbox = Outbox(rt.state)
        rt.engine.routes[:0] = build_staff_routes(rt.settings, outbox)
        telegram = RecordingSender()
        outbox.register("telegram", telegram)
        await open_ticket(rt, User(rt, "telegram", "42"))
        [note] = telegram.to("-100777")
        assert NOTIFY_MARK in note.text
        in_group = IncomingMessage(
            channel="telegram",
            user_id="555",
            chat_id="-100777",
            text="/reply 1 每年考核一次。",
            message_id="g1",
        )
        [done] = await rt.engine.handle(in_group)
        assert "已答复" in done.text
        assert telegram.to("42")[0].from_staff
        outside = in_group.model_copy(update={"chat_id": "555", "message_id": "g2"})
        [refused] = await rt.engine.handle(outside)
        assert "仅供工作人员使用" in refused.text
