"""Personal data: staff never see a full ID or mobile number, ``/forget`` leaves no copy
in any table, in the database file or in its WAL, logs of every library are masked, and
the database is readable by its owner only."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import pytest
from handoff_support import STAFF, RecordingSender, User, staff_runtime

from bot.redact import RedactingFilter, redact
from bot.tickets import TicketStore

ID = "320102198001011234"
MOBILE = "13812345678"
QUESTION = f"转人工：我的身份证号{ID}，手机{MOBILE}，太仓工作室每年要考核吗"


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        (f"身份证{ID}", "身份证3201**********1234"),
        ("身份证11010519491231002X", "身份证1101**********002X"),
        (f"手机{MOBILE}，电话0512-53542494", "手机138****5678，电话0512-53542494"),
        ("卡号6222 0212 3456 7890 123", "卡号6222***********0123"),
        ("2024年8月20日前，补助20000元", "2024年8月20日前，补助20000元"),
    ],
)
def test_redact_masks_ids_cards_and_mobiles_only(text: str, masked: str) -> None:
    assert redact(text) == masked


def test_log_records_of_any_library_are_masked() -> None:
    record = logging.LogRecord(
        "telegram.ext.ExtBot",
        logging.DEBUG,
        __file__,
        1,
        "Calling Bot API endpoint `sendMessage` with parameters %s",
        ({"text": QUESTION},),
        None,
    )
    assert RedactingFilter().filter(record)
    assert ID not in record.getMessage() and MOBILE not in record.getMessage()
    assert "3201**********1234" in record.getMessage()


async def test_staff_see_masked_numbers_and_forget_leaves_no_copy_anywhere(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    async with staff_runtime(db) as (rt, outbox):
        user = User(rt, "telegram", "42", "王小明")
        staff = User(rt, "telegram", "900", "李老师")
        [passed] = await user.say(QUESTION)
        assert "工单 #1" in passed.text and ID not in passed.text  # the echo is masked
        [(note,)] = await rt.state.database.fetchall(
            "SELECT replies FROM outbox WHERE identity = ?", (STAFF,)
        )
        assert (
            ID not in note and MOBILE not in note and "3201**********1234" in note
        )  # no sender yet: kept
        telegram = RecordingSender()
        outbox.register("telegram", telegram)
        *pending, listing = await staff.say("/tickets")  # the kept notification comes first
        assert pending and all(ID not in r.text for r in pending)
        assert "#1" in listing.text and ID not in listing.text and MOBILE not in listing.text
        await staff.say("/reply 1 需要，每年考核一次。")
        await staff.say("/faq 1")
        outbox.unregister("telegram")
        await staff.say("/reply 1 补充：考核在12月。")  # kept for the user: a pending push
        assert (await TicketStore(rt.state).get(1)) is not None

        *_, ask = await user.say("/forget")  # the staff's kept answer comes first
        assert [c.payload for c in ask.choices] == ["forget:yes", "forget:no"]
        await outbox.keep("telegram:42", [], about="")  # another push waiting for the user
        *_, done = await user.say(payload="forget:yes")
        assert "人工咨询工单 1 条" in done.text and "由您的工单整理的常见问题 1 条" in done.text
        assert "待发送的消息" in done.text
        assert await TicketStore(rt.state).get(1) is None
        assert stat.S_IMODE(db.stat().st_mode) == 0o600
        files = list(tmp_path.glob("state.db*"))  # while the server runs: the database, its WAL
        assert len(files) >= 2
        for path in files:
            data = path.read_bytes()
            assert ID.encode() not in data and MOBILE.encode() not in data, path.name


async def test_retention_deletes_the_data_of_users_silent_for_the_set_days(tmp_path: Path) -> None:
    import datetime as dt

    from bot.app import build_runtime
    from bot.settings import load_settings

    db = tmp_path / "state.db"
    settings = load_settings({"POLICYBOT_RETENTION_DAYS": "30"}, db=db, today=dt.date(2024, 6, 1))
    async with build_runtime(settings) as rt:
        old, recent = User(rt, "telegram", "1"), User(rt, "telegram", "2")
        await old.say(f"我的身份证{ID}，太仓的截止时间？")
        await recent.say("韶关电话")
        files = rt.engine.files_dir / "users" / "telegram_1"
        files.mkdir(parents=True, exist_ok=True)
        (files / "申请表.docx").write_bytes(b"PK")
        long_ago = (dt.datetime.now(dt.UTC) - dt.timedelta(days=45)).isoformat()
        async with rt.state.database.transaction() as tx:
            await tx.execute(
                "UPDATE sessions SET updated_at = ? WHERE key = 'telegram:1'", (long_ago,)
            )
            await tx.execute(
                "UPDATE history SET at = ? WHERE session_key = 'telegram:1'", (long_ago,)
            )
    async with build_runtime(settings) as rt:  # the next start applies the retention
        assert await rt.state.history("telegram:1") == [] and not files.exists()
        assert len(await rt.state.history("telegram:2")) == 2  # a user active within 30 days
        assert await rt.state.database.fetchone(
            "SELECT count(*) FROM sessions WHERE key = 'telegram:1'"
        ) == (0,)
