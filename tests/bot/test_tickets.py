"""Ticket store and Outbox: persistence, idempotency, pending delivery."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.delivery import Outbox
from bot.messages import Reply
from bot.storage import StateStore
from bot.tickets import NOTIFY_MARK, Status, TicketStore, ticket_id_in

T0 = dt.datetime(2024, 6, 1, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
async def state(tmp_path: Path):
    store = await StateStore(tmp_path / "state.db").open()
    yield store
    await store.close()


def ticket_args(origin: str = "telegram:1", key: str = "telegram:42", question: str = "考核吗"):
    return dict(
        origin=origin,
        session_key=key,
        channel="telegram",
        user_id="42",
        chat_id="42",
        display_name="王",
        question=question,
        transcript=[("user", question), ("bot", "没有找到")],
        draft="",
        notice_id="n1",
    )


async def test_create_is_idempotent_per_origin(state):
    tickets = TicketStore(state, now=lambda: T0)
    first, created = await tickets.create(**ticket_args())
    again, created_again = await tickets.create(**ticket_args())
    assert created and not created_again
    assert first.id == again.id == 1
    assert [t.id for t in await tickets.find()] == [1]
    assert first.transcript == [("user", "考核吗"), ("bot", "没有找到")]
    assert first.status == Status.OPEN and first.created_at == T0


async def test_answer_closes_and_keeps_the_first_answer_time(state):
    clock = [T0]
    tickets = TicketStore(state, now=lambda: clock[0])
    await tickets.create(**ticket_args())
    assert (await tickets.open_for("telegram:42")).id == 1
    clock[0] = T0 + dt.timedelta(hours=2)
    answered = await tickets.answer(1, "每年一次", by="telegram:900")
    assert answered.status == Status.ANSWERED and answered.answer == "每年一次"
    assert answered.answered_at - answered.created_at == dt.timedelta(hours=2)
    clock[0] = T0 + dt.timedelta(hours=5)
    again = await tickets.answer(1, "每年一次，年底进行", by="telegram:900")
    assert again.answered_at == answered.answered_at and again.answer.endswith("年底进行")
    assert await tickets.open_for("telegram:42") is None
    assert await tickets.find(Status.OPEN) == []
    with pytest.raises(KeyError):
        await tickets.answer(99, "x", by="telegram:900")


async def test_faq_saved_once_per_ticket_variants_merged(state):
    tickets = TicketStore(state)
    ticket, _ = await tickets.create(**ticket_args())
    ticket = await tickets.answer(ticket.id, "每年一次", by="s")
    entry = await tickets.save_faq(ticket, ["要年审吗"], by="s")
    again = await tickets.save_faq(ticket, ["要年审吗", "每年都考核吗"], by="s")
    assert entry.id == again.id
    assert again.phrasings == ["考核吗", "要年审吗", "每年都考核吗"]
    assert len(await tickets.faqs()) == 1
    assert await tickets.delete_faq(entry.id) and not await tickets.delete_faq(entry.id)


async def test_tickets_survive_reopening_the_database(tmp_path: Path):
    db = tmp_path / "state.db"
    state = await StateStore(db).open()
    await TicketStore(state).create(**ticket_args())
    await state.close()
    state = await StateStore(db).open()
    try:
        [ticket] = await TicketStore(state).find()
        assert ticket.question == "考核吗" and ticket.notice_id == "n1"
    finally:
        await state.close()


def test_ticket_id_in_notification_text():
    assert ticket_id_in(f"🔔 {NOTIFY_MARK}12\n用户：王") == 12
    assert ticket_id_in("已将您的问题转给工作人员（工单 #12）") is None
    assert ticket_id_in("") is None


async def test_outbox_sends_now_or_keeps_until_the_next_turn(state):
    outbox = Outbox(state)
    sent = []

    async def send(chat_id, replies):
        sent.append((chat_id, [r.text for r in replies]))

    outbox.register("telegram", send)
    assert await outbox.deliver("telegram", "42", "", [Reply(text="你好")])
    assert sent == [("42", ["你好"])]
    assert not await outbox.deliver("console", "local", "", [Reply(text="答复", from_staff=True)])
    assert await outbox.take("telegram:42") == []
    [waiting] = await outbox.take("console:local", "console:local")
    assert waiting.from_staff and waiting.text == "答复"
    assert await outbox.take("console:local") == []  # taken once


async def test_outbox_keeps_replies_when_the_channel_fails(state):
    outbox = Outbox(state, attempts=3, backoff=0.01)
    tries = []

    async def broken(chat_id, replies):
        tries.append(chat_id)
        raise OSError("network down")

    outbox.register("wecom", broken)
    assert not await outbox.deliver("wecom", "zhangsan", "", [Reply(text="答复")])
    assert tries == ["zhangsan"] * 3  # retried with backoff, then kept
    assert [r.text for r in await outbox.take("wecom:zhangsan")] == ["答复"]
    outbox.unregister("wecom")
    assert "wecom" not in outbox.senders


async def test_outbox_retries_a_transient_failure_and_delivers(state):
    outbox = Outbox(state, attempts=3, backoff=0.01)
    sent = []

    async def flaky(chat_id, replies):
        if not sent:
            sent.append("failed once")
            raise OSError("connection reset")
        sent.append(replies[0].text)

    outbox.register("telegram", flaky)
    assert await outbox.deliver("telegram", "42", "42", [Reply(text="答复")])
    assert sent == ["failed once", "答复"] and await outbox.take("telegram:42") == []
