"""The engine end to end through a fake channel (a list of IncomingMessages)."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import docx
import pytest

from bot.app import build_runtime
from bot.channels.memory import MemoryChannel
from bot.engine import APOLOGY
from bot.messages import Reply
from bot.settings import load_settings


class FakeChannel(MemoryChannel):
    """Pushes user turns to the engine (message ids ``m1``, ``m2`` …) and keeps what
    the user would see."""

    def __init__(self, engine, user: str = "u1", channel: str = "test") -> None:
        super().__init__(engine, user_id=user, channel=channel, id_prefix="m")

    async def say(self, text: str = "", payload: str = "", message_id: str | None = None):
        """Type ``text`` or press ``payload`` (:meth:`MemoryChannel.push`)."""
        return await self.push(text, payload, message_id)


@pytest.fixture
def settings(tmp_path: Path):
    return load_settings({}, db=tmp_path / "kb.db", today=dt.date(2024, 6, 1))


async def test_clarify_then_pick_city_by_number(settings):
    async with build_runtime(settings) as rt:
        chat = FakeChannel(rt.engine)
        [ask] = await chat.say("需要准备哪些材料")
        assert "哪个城市" in ask.text
        labels = [c.label for c in ask.choices]
        assert "太仓市" in labels
        number = str(labels.index("太仓市") + 1)
        [answer] = await chat.say(number)
        assert "太仓市技能大师工作室申请表" in answer.text
        assert "太人社职〔2024〕7号" in answer.text
        assert answer.files and answer.files[0].path.exists()
        table = docx.Document(str(answer.files[0].path)).tables[0]
        names = [row.cells[1].text for row in table.rows[1:]]
        assert "太仓市技能大师工作室申请表" in names


async def test_follow_up_uses_the_notice_in_context(settings):
    async with build_runtime(settings) as rt:
        chat = FakeChannel(rt.engine)
        await chat.say("韶关联系电话")
        [reply] = await chat.say("申报材料要几份")
        assert "韶关市" in reply.text and "一式两份" in reply.text


async def test_redelivered_message_is_processed_once(settings):
    async with build_runtime(settings) as rt:
        chat = FakeChannel(rt.engine)
        first = await chat.say("需要准备哪些材料", message_id="same")
        again = await chat.say("需要准备哪些材料", message_id="same")
        assert [r.text for r in first] == [r.text for r in again]
        assert len(await rt.state.history("test:u1")) == 2  # one user line + one bot line
        other = FakeChannel(rt.engine, user="u2")  # another user, the same message id
        [theirs] = await other.say("韶关联系电话", message_id="same")
        assert "韶关" in theirs.text and theirs.text != first[-1].text
        assert len(await rt.state.history("test:u2")) == 2


async def test_crash_in_a_turn_apologises_and_keeps_the_session(settings, monkeypatch):
    async with build_runtime(settings) as rt:
        chat = FakeChannel(rt.engine)
        await chat.say("太仓的截止时间？")
        before = await rt.state.load("test:u1")

        def boom(*args, **kwargs):
            raise RuntimeError("bug")

        monkeypatch.setattr(rt.engine.answerer, "answer", boom)
        [reply] = await chat.say("无锡补贴")
        assert reply.text == APOLOGY
        assert await rt.state.load("test:u1") == before


async def test_session_survives_restart(settings):
    async with build_runtime(settings) as rt:
        chat = FakeChannel(rt.engine)
        await chat.say("补助多少钱是按什么条件")  # asks which city? not necessarily
        await chat.say("鹿城联系电话")
    async with build_runtime(settings) as rt2:
        chat = FakeChannel(rt2.engine)
        chat.n = 10
        [reply] = await chat.say("截止时间")
        assert "温州市鹿城区" in reply.text and "XX月XX日" in reply.text


async def test_fallback_offers_handoff_and_contacts(settings):
    async with build_runtime(settings) as rt:
        chat = FakeChannel(rt.engine)
        [reply] = await chat.say("太仓工作室每年要考核吗")
        assert reply.fallback
        assert "0512-53542494" in reply.text
        assert [c.payload for c in reply.choices] == ["handoff"]
        [human] = await chat.say(payload="handoff")
        assert "顾雪锋" in human.text


async def test_commands_and_oversized_message(settings):
    async with build_runtime(settings) as rt:
        chat = FakeChannel(rt.engine)
        [cities] = await chat.say("/cities")
        assert (
            "太仓市" in cities.text
            and "韶关市" in cities.text
            and "申报时间另行通知" in cities.text
        )
        [long] = await chat.say("问" * 3000)
        assert "太长" in long.text
        [unknown] = await chat.say("/nonsense")
        assert "/help" in unknown.text


async def test_forget_deletes_drafts_files_and_history_and_says_so(settings):
    async with build_runtime(settings) as rt:
        chat = FakeChannel(rt.engine)
        [answer] = await chat.say("太仓需要准备哪些材料")
        checklist = answer.files[0].path
        await chat.say("我要填报太仓")
        await chat.say("1")  # the 申请表
        user_dir = rt.engine.files_dir / "users" / "test_u1"
        user_dir.mkdir(parents=True, exist_ok=True)
        (user_dir / "申请表.docx").write_bytes(b"PK")
        assert (await rt.state.load("test:u1")).flow is not None
        [ask] = await chat.say("/forget")
        assert [c.payload for c in ask.choices] == ["forget:yes", "forget:no"]
        [done] = await chat.say("1")
        assert (
            "会话与填报草稿 1 条" in done.text
            and "聊天记录" in done.text
            and "生成的文件 1 个" in done.text
        )
        assert not user_dir.exists()
        session = await rt.state.load("test:u1")
        assert session.flow is None and session.drafts == {} and session.notice_id is None
        assert [r for r, _ in await rt.state.history("test:u1")] == [
            "user",
            "bot",
        ]  # only the /forget turn
        assert checklist.exists()  # notice checklists are shared, not personal


async def test_an_answer_matching_no_option_asks_for_the_option_number(settings):
    async with build_runtime(settings) as rt:
        chat = FakeChannel(rt.engine)
        [ask] = await chat.say("需要准备哪些材料")
        assert len(ask.choices) == 5
        [again] = await chat.say("好的好的")
        assert "选项编号（1–5）" in again.text
        [answer] = await chat.say("韶关需要准备哪些材料")  # a real question is still answered
        assert "韶关市技能大师工作室申请表" in answer.text


async def test_small_talk_and_the_self_check_hint(settings):
    async with build_runtime(settings) as rt:
        chat = FakeChannel(rt.engine)
        [hello] = await chat.say("你好")
        assert "太仓的截止时间" in hello.text  # examples of what to ask
        [thanks] = await chat.say("谢谢！")
        assert thanks.text.startswith("不客气")
        [conditions] = await chat.say("无锡申报年龄有要求吗")
        assert "55周岁" in conditions.text and "我能申报吗" in conditions.text


async def test_a_place_only_follow_up_asks_the_last_question_about_that_place(settings):
    async with build_runtime(settings) as rt:
        chat = FakeChannel(rt.engine)
        [first] = await chat.say("太仓的截止时间？")
        assert "8月20日" in first.text
        [other] = await chat.say("镇江呢")
        assert "镇江市" in other.text and not other.fallback
        assert "太仓" not in other.text
        [again] = await chat.say("那韶关的呢？")
        assert "韶关市" in again.text and not again.fallback


async def test_a_follow_up_with_its_own_question_is_not_rewritten(settings):
    async with build_runtime(settings) as rt:
        chat = FakeChannel(rt.engine)
        await chat.say("太仓的截止时间？")
        [reply] = await chat.say("韶关联系电话")
        assert "0751-8605683" in reply.text


async def test_a_correction_names_the_place_meant(settings):
    async with build_runtime(settings) as rt:
        chat = FakeChannel(rt.engine)
        await chat.say("鹿城今年评几个")
        [reply] = await chat.say("不是，我问的是无锡")
        assert "无锡市" in reply.text and not reply.fallback


async def test_which_is_more_compares_the_places_of_the_conversation(settings):
    async with build_runtime(settings) as rt:
        chat = FakeChannel(rt.engine)
        await chat.say("太仓补助多少")
        await chat.say("无锡呢")
        [reply] = await chat.say("哪个多")
        assert (
            reply.text.startswith("比较：")
            and "无锡市5万元" in reply.text
            and "无锡市最多" in reply.text
        )


async def test_which_notices_are_still_open(settings):
    async with build_runtime(settings) as rt:  # today 2024-06-01: 太仓 open, 无锡/镇江 closed
        chat = FakeChannel(rt.engine)
        [reply] = await chat.say("有没有现在还能报的")
        assert "太仓市" in reply.text and "80天" in reply.text
        assert "无锡市" not in reply.text.split("📄")[0]


async def test_an_honour_named_after_a_province_is_no_question_about_it(settings):
    async with build_runtime(settings) as rt:
        chat = FakeChannel(rt.engine)
        await chat.say("镇江领衔人要什么荣誉")
        [reply] = await chat.say("我是江苏省技术能手 有技术革新成果 行吗")
        assert "没有收录" not in reply.text and "镇江市" in reply.text


async def test_help_examples_name_the_places_the_knowledge_base_holds(settings):
    async with build_runtime(settings) as rt:
        chat = FakeChannel(rt.engine)
        [reply] = await chat.say("/help")
        places = {n.meta.place.short for n in rt.kb.notices.values()}
        examples = [ln[2:] for ln in reply.text.splitlines() if ln.startswith("• ")]
        assert sum(any(e.startswith(p) for p in places) for e in examples) >= 4


async def test_a_place_alone_asks_a_verdict_question_again(settings):
    """A question of facts with no cue word ("我女的 1978年生 工人身份 无锡能当领办人不") then
    "那鹿城呢": the facts are judged against 鹿城's rules, not an older question."""
    async with build_runtime(settings) as rt:
        chat = FakeChannel(rt.engine)
        await chat.say("韶关申报材料要几份")
        [first] = await chat.say("我女的 1978年生 工人身份 无锡能当领办人不")
        assert "55周岁" in first.text
        [again] = await chat.say("那鹿城呢")
        assert "温州市鹿城区" in again.text and "退休" in again.text and "一式" not in again.text


async def test_a_full_engine_says_busy_and_records_nothing_so_a_retry_is_served(settings):
    from bot.engine import BUSY

    async with build_runtime(settings) as rt:
        release = asyncio.Event()

        async def slow(turn):  # a route holding the only slot
            if turn.text == "慢":
                await release.wait()
                return [Reply(text="慢的答复")]
            return None

        rt.engine.routes.insert(0, slow)
        rt.engine.max_inflight = 1
        first = FakeChannel(rt.engine, user="a")
        other = FakeChannel(rt.engine, user="b")
        pending = asyncio.create_task(first.say("慢", message_id="m-slow"))
        await asyncio.sleep(0.05)
        [busy] = await other.say("太仓的截止时间？", message_id="m-1")
        assert busy.text == BUSY
        assert await rt.state.processed("test", "b/m-1") is None  # not recorded
        release.set()
        [slow_reply] = await pending
        assert slow_reply.text == "慢的答复" and rt.engine.inflight == 0
        [served] = await other.say("太仓的截止时间？", message_id="m-1")  # the channel's retry
        assert "太仓" in served.text and served.text != BUSY


async def test_an_oversized_message_is_refused_and_not_stored(settings):
    async with build_runtime(settings) as rt:
        chat = FakeChannel(rt.engine, user="big")
        [refused] = await chat.say("我的身份证320102198001011234。" + "很长" * 150_000)
        assert "消息太长" in refused.text and "没有保存" in refused.text
        assert await rt.state.history("test:big") == []
        assert await rt.state.processed("test", "big/m1") is None
