"""/bind links a Telegram and a WeCom identity to one session."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from handoff_support import FakeClock, User, staff_runtime

from bot.identity import BAD_CODE, LOCKED, MAX_FAILURES


def code_in(text: str) -> str:
    digits = [w for w in text.replace("：", " ").replace("，", " ").split() if w.isdigit()]
    assert digits and len(digits[0]) == 6, text
    return digits[0]


async def test_bind_shares_the_session_across_channels(tmp_path: Path):
    async with staff_runtime(tmp_path / "kb.db") as (rt, _):
        telegram = User(rt, "telegram", "42")
        wecom = User(rt, "wecom", "zhangsan")
        await telegram.say("韶关联系电话")
        chosen = (await rt.state.load("telegram:42")).notice_id
        assert rt.kb.notices[chosen].meta.place.name == "韶关市"

        [issued] = await telegram.say("/bind")
        assert "10分钟内有效" in issued.text
        [linked] = await wecom.say(f"/bind {code_in(issued.text)}")
        assert "绑定成功" in linked.text and "Telegram" in linked.text
        assert await rt.state.canonical("wecom:zhangsan") == "telegram:42"

        [reply] = await wecom.say("申报材料要几份")  # follows up on 韶关 chosen in Telegram
        assert "韶关市" in reply.text and "一式两份" in reply.text
        await wecom.say("太仓的截止时间？")
        session = await rt.state.load("telegram:42")
        assert rt.kb.notices[session.notice_id].meta.place.name == "太仓市"


async def test_codes_are_single_use_and_expire(tmp_path: Path):
    clock = FakeClock()
    async with staff_runtime(tmp_path / "kb.db", now=clock.now) as (rt, _):
        telegram = User(rt, "telegram", "42")
        code = code_in((await telegram.one("/bind")).text)
        clock.advance(11 * 60)
        assert (await User(rt, "wecom", "a").one(f"/bind {code}")).text == BAD_CODE

        code = code_in((await telegram.one("/bind")).text)
        assert "绑定成功" in (await User(rt, "wecom", "b").one(f"/bind {code}")).text
        assert (await User(rt, "wecom", "c").one(f"/bind {code}")).text == BAD_CODE
        assert await rt.state.canonical("wecom:c") == "wecom:c"


async def test_own_code_and_bad_input(tmp_path: Path):
    async with staff_runtime(tmp_path / "kb.db") as (rt, _):
        telegram = User(rt, "telegram", "42")
        code = code_in((await telegram.one("/bind")).text)
        assert "同一个账号" in (await telegram.one(f"/bind {code}")).text
        assert "用法" in (await telegram.one("/bind abc")).text


async def test_guessing_codes_is_locked_out(tmp_path: Path):
    clock = FakeClock()
    async with staff_runtime(tmp_path / "kb.db", now=clock.now) as (rt, _):
        owner = User(rt, "telegram", "42")
        code = code_in((await owner.one("/bind")).text)
        wrong = f"{(int(code) + 1) % 1_000_000:06d}"
        guesser = User(rt, "wecom", "mallory")
        for _ in range(MAX_FAILURES):
            assert (await guesser.one(f"/bind {wrong}")).text == BAD_CODE
        assert (await guesser.one(f"/bind {code}")).text == LOCKED
        clock.advance(dt.timedelta(minutes=11).total_seconds())
        code = code_in((await owner.one("/bind")).text)
        assert "绑定成功" in (await guesser.one(f"/bind {code}")).text


async def test_the_lockout_survives_a_restart_and_holds_across_identities(tmp_path: Path):
    from bot.identity import MAX_GLOBAL_FAILURES, BindCodes

    clock = FakeClock()
    db = tmp_path / "kb.db"
    async with staff_runtime(db, now=clock.now) as (rt, _):
        guesser = User(rt, "wecom", "mallory")
        for n in range(MAX_FAILURES):
            await guesser.one(f"/bind {n:06d}")
    async with staff_runtime(db, now=clock.now) as (rt, _):  # restarted
        owner = User(rt, "telegram", "42")
        code = code_in((await owner.one("/bind")).text)
        [locked] = await User(rt, "wecom", "mallory").say(
            f"/bind {code}", message_id="after-restart"
        )
        assert locked.text == LOCKED
        codes = BindCodes(rt.state, clock.now)
        for n in range(MAX_GLOBAL_FAILURES):  # many accounts, a few guesses each
            await codes.failed(f"wecom:bot{n}")
        assert await codes.locked("wecom:newcomer")  # every redemption stops
        clock.advance(dt.timedelta(minutes=11).total_seconds())
        assert not await codes.locked("wecom:newcomer")
