"""Staff handoff end to end: an unanswerable question → 转人工 → ticket → staff notified
→ staff answer relayed in the user's own channel → saved as FAQ → answered from it."""

from __future__ import annotations

from pathlib import Path

from handoff_support import STAFF, UNANSWERABLE, RecordingSender, User, staff_runtime

from bot.tickets import NOTIFY_MARK, Status, TicketStore, ticket_id_in


async def test_unanswered_question_goes_to_staff_and_comes_back_as_faq(tmp_path: Path):
    async with staff_runtime(tmp_path / "kb.db") as (rt, outbox):
        telegram = RecordingSender()
        outbox.register("telegram", telegram)
        user = User(rt, "telegram", "42", "王小明")
        staff = User(rt, "telegram", "900", "李老师")

        [answer] = await user.say(UNANSWERABLE)
        assert answer.fallback
        assert [(c.label, c.payload) for c in answer.choices] == [("转人工", "handoff")]

        [passed] = await user.say(payload="handoff", message_id="press-1")
        assert "工单 #1" in passed.text and UNANSWERABLE in passed.text
        [again] = await user.say(payload="handoff", message_id="press-1")  # re-delivered
        assert again.text == passed.text
        [pressed_twice] = await user.say("转人工")
        assert "已转给工作人员（工单 #1）" in pressed_twice.text
        tickets = await TicketStore(rt.state).find()
        assert len(tickets) == 1 and tickets[0].status == Status.OPEN

        [note] = telegram.to("900")
        assert ticket_id_in(note.text) == 1 and NOTIFY_MARK in note.text
        assert UNANSWERABLE in note.text and "王小明" in note.text
        assert "太人社职〔2024〕7号" in note.text  # the notice the user was asking about
        assert "最近对话" in note.text and "通知中没有找到" in note.text
        assert telegram.to("42") == []

        [listing] = await staff.say("/tickets")
        assert "#1" in listing.text and UNANSWERABLE in listing.text

        [done] = await staff.say("/reply 1 需要。工作室每年考核一次，由市人社局组织。")
        assert "已答复" in done.text and "已发送给用户" in done.text
        [relayed] = telegram.to("42")
        assert relayed.from_staff
        assert "工作室每年考核一次" in relayed.text and "工单 #1" in relayed.text
        assert (await TicketStore(rt.state).get(1)).status == Status.ANSWERED

        [saved] = await staff.say("/faq 1 太仓工作室需要年审吗")
        assert "FAQ #1" in saved.text

        other = User(rt, "wecom", "zhangsan")
        for question in (UNANSWERABLE, "太仓的工作室每年都需要考核吗？", "太仓工作室需要年审吗"):
            [faq] = await other.say(question)
            assert faq.from_staff and not faq.fallback, question
            assert "工作室每年考核一次" in faq.text
            assert "工作人员整理的答复（FAQ #1）" in faq.text
            assert "太人社职〔2024〕7号" in faq.text
        [different] = await other.say("太仓工作室每年有补贴吗")
        assert "FAQ #" not in different.text
        [elsewhere] = await other.say("无锡工作室每年要考核吗")
        assert "FAQ #" not in elsewhere.text


async def test_console_user_gets_the_staff_answer_on_the_next_turn(tmp_path: Path):
    async with staff_runtime(tmp_path / "kb.db") as (rt, outbox):
        telegram = RecordingSender()
        outbox.register("telegram", telegram)
        user = User(rt, "console", "local")
        staff = User(rt, "telegram", "900")

        await user.say(UNANSWERABLE)
        [passed] = await user.say("转人工")
        assert "工单 #1" in passed.text
        [done] = await staff.say("/reply 1 每年考核一次。")
        assert "用户下次发消息时会收到" in done.text

        first, answer = await user.say("太仓的截止时间？")
        assert first.from_staff and "每年考核一次" in first.text
        assert "8月20日" in answer.text and not answer.from_staff
        [later] = await user.say("太仓的截止时间？")  # delivered once only
        assert not later.from_staff


async def test_question_typed_with_handoff_and_asked_for_when_missing(tmp_path: Path):
    async with staff_runtime(tmp_path / "kb.db") as (rt, outbox):
        outbox.register("telegram", RecordingSender())
        user = User(rt, "telegram", "7")
        [typed] = await user.say("转人工：太仓工作室考核不合格会怎样")
        assert "工单 #1" in typed.text and "考核不合格会怎样" in typed.text

        newcomer = User(rt, "telegram", "8")
        [ask] = await newcomer.say("人工客服")
        assert "描述您的问题" in ask.text
        [passed] = await newcomer.say("领办人退休了还能申报吗")
        assert "工单 #2" in passed.text
        ticket = await TicketStore(rt.state).get(2)
        assert ticket.question == "领办人退休了还能申报吗"


async def test_tickets_survive_a_restart(tmp_path: Path):
    db = tmp_path / "kb.db"
    async with staff_runtime(db) as (rt, outbox):
        user = User(rt, "telegram", "42")
        await user.say(UNANSWERABLE)
        await user.say(payload="handoff")
    async with staff_runtime(db) as (rt, outbox):
        telegram = RecordingSender()
        outbox.register("telegram", telegram)
        # no sender was registered before the restart: the notification waited in the db
        staff = User(rt, "telegram", "900")
        note, listing = await staff.say("/tickets")
        assert ticket_id_in(note.text) == 1
        assert "#1" in listing.text and UNANSWERABLE in listing.text
        await staff.say("/reply 1 考核一次。")
        assert telegram.to("42")[0].from_staff


async def test_staff_commands_are_refused_for_everyone_else(tmp_path: Path):
    async with staff_runtime(tmp_path / "kb.db") as (rt, outbox):
        stranger = User(rt, "wecom", "900")  # same user id, other channel: not staff
        for command in ("/tickets", "/reply 1 你好", "/faq 1", "/stats", "/export"):
            [refused] = await stranger.say(command)
            assert "仅供工作人员使用" in refused.text, command
        assert STAFF == "telegram:900"


async def test_without_staff_the_engine_lists_contacts(tmp_path: Path):
    from bot.app import build_runtime
    from bot.delivery import Outbox
    from bot.features import build_staff_routes
    from bot.settings import load_settings

    settings = load_settings({}, db=tmp_path / "kb.db")
    async with build_runtime(settings) as rt:
        rt.engine.routes[:0] = build_staff_routes(rt.settings, Outbox(rt.state))
        user = User(rt, "telegram", "1")
        [answer] = await user.say(UNANSWERABLE)
        assert [c.label for c in answer.choices] == ["联系工作人员"]  # no staff: no 转人工 promise
        [contacts] = await user.say(payload="handoff")
        assert "人工咨询渠道" in contacts.text and "0512-53542494" in contacts.text
