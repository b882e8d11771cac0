"""One contract for the state store, run against both backends: SQLite (the embedded
default) and a real PostgreSQL server (several workers).

Two store objects opened on one database stand for two worker processes: whatever one
writes the other sees, a message is processed, an outbox entry taken and a bind code
redeemed once, and (on PostgreSQL, where workers are separate processes) the turns of
one session never interleave.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from bot.delivery import Outbox
from bot.flow_state import CondFlow, Draft
from bot.identity import MAX_FAILURES, BindCodes
from bot.inbox import Inbox
from bot.limits import StoredTokenBucket
from bot.messages import IncomingMessage, Reply
from bot.storage import Session, StateStore
from bot.tickets import Status, TicketStore

Opener = Callable[[], "asyncio.Future[StateStore]"]


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """Where the state lives: a SQLite file or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return tmp_path / "state.db"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
async def stores(target: str | Path) -> AsyncIterator[tuple[StateStore, StateStore]]:
    """Two stores on one database (two workers)."""
    a = await StateStore(target).open()
    b = await StateStore(target).open()
    try:
        yield a, b
    finally:
        await a.close()
        await b.close()


def _ticket_fields(key: str, question: str = "补助什么时候到账") -> dict[str, object]:
    """What a handoff stores with a ticket, for the session ``key`` ("channel:user")."""
    channel, user = key.split(":", 1)
    return dict(
        session_key=key,
        channel=channel,
        user_id=user,
        chat_id=user,
        display_name="",
        question=question,
        transcript=[],
        draft="",
        notice_id=None,
    )


def _message(user: str, mid: str, text: str = "太仓电话") -> IncomingMessage:
    return IncomingMessage(channel="wecom", user_id=user, chat_id=user, message_id=mid, text=text)


async def test_a_session_saved_by_one_worker_is_loaded_by_the_other(stores) -> None:
    a, b = stores
    assert await b.load("wecom:u1") == Session()
    session = Session(
        notice_id="n1",
        last_question="截止时间",
        flow=CondFlow(notice_id="n1", pending=["校企合作协议书"]),
        drafts={"n1": Draft(profile={"leader_name": "张三"}, checked=["技能大师工作室"])},
    )
    await a.commit_turn("wecom:u1", session, "wecom", "u1/1", [{"text": "答"}], [("user", "问")])
    assert await b.load("wecom:u1") == session
    session.notice_id = "n2"
    await b.commit_turn("wecom:u1", session, "wecom", "u1/2", [], [])
    assert (await a.load("wecom:u1")).notice_id == "n2"


async def test_a_processed_message_keeps_its_replies_and_is_recorded_once(stores) -> None:
    a, b = stores
    assert await a.processed("wecom", "u1/7") is None
    await a.commit_turn("wecom:u1", None, "wecom", "u1/7", [{"text": "一"}], [])
    await b.commit_turn("wecom:u1", None, "wecom", "u1/7", [{"text": "二"}], [])
    assert await a.processed("wecom", "u1/7") == [{"text": "二"}]
    assert await a.database.fetchone("SELECT count(*) FROM processed") == (1,)


async def test_history_is_per_session_newest_last_and_limited(stores) -> None:
    a, b = stores
    for i in range(5):
        await a.commit_turn("k", None, "c", "", [], [("user", f"问{i}"), ("bot", f"答{i}")])
    await b.commit_turn("other", None, "c", "", [], [("user", "别人的")])
    assert await b.history("k", 3) == [("bot", "答3"), ("user", "问4"), ("bot", "答4")]
    assert await a.history("other") == [("user", "别人的")]


async def test_links_are_flattened_and_shared(stores) -> None:
    a, b = stores
    await a.link("wecom:zs", "telegram:1")
    await b.link("console:zs", "wecom:zs")  # linked to an alias: to its canonical key
    assert await a.canonical("console:zs") == "telegram:1"
    assert await b.canonical("wecom:zs") == "telegram:1"
    assert await a.canonical("telegram:1") == "telegram:1"
    await a.link("telegram:1", "telegram:1")  # to itself: nothing
    assert await b.canonical("telegram:1") == "telegram:1"


async def test_a_failed_turn_saves_nothing(stores) -> None:
    a, b = stores
    with pytest.raises(ZeroDivisionError):
        async with a.database.transaction() as tx:
            await tx.execute(
                "INSERT INTO sessions (key, data, updated_at) VALUES (?, ?, ?)", ("x", "{}", "t")
            )
            raise ZeroDivisionError
    assert await b.database.fetchone("SELECT count(*) FROM sessions") == (0,)


async def test_the_outbox_hands_each_pending_reply_out_once(stores) -> None:
    a, b = stores
    first, second = Outbox(a), Outbox(b)
    for i in range(20):
        await first.keep("telegram:9", [Reply(text=f"消息{i}")], about="wecom:x")
    taken = await asyncio.gather(*(o.take("telegram:9") for o in [first, second] * 4))
    texts = [r.text for batch in taken for r in batch]
    assert sorted(texts) == sorted(f"消息{i}" for i in range(20))
    assert await first.take("telegram:9") == []
    await second.keep("telegram:9", [Reply(text="甲")])
    await second.keep("telegram:9", [Reply(text="乙")])
    assert [r.text for r in await first.take("telegram:9", "telegram:9")] == ["甲", "乙"]


async def test_the_inbox_keeps_a_message_once_until_done(stores) -> None:
    a, b = stores
    msg = _message("u1", "m1")
    assert await Inbox(a).put(msg) is True
    assert await Inbox(b).put(msg) is False  # the platform's retry, seen by the other worker
    assert [m.message_id for m in await Inbox(b).pending("wecom")] == ["m1"]
    await Inbox(b).done(msg)
    assert await Inbox(a).pending("wecom") == []


async def test_a_bind_code_is_redeemed_once_and_failures_lock_across_workers(stores) -> None:
    a, b = stores
    code = await BindCodes(a).issue("telegram:1")
    results = await asyncio.gather(BindCodes(a).redeem(code), BindCodes(b).redeem(code))
    assert sorted(results, key=str) == sorted(["telegram:1", None], key=str)
    for _ in range(MAX_FAILURES):
        await BindCodes(a if _ % 2 else b).failed("wecom:bad")
    assert await BindCodes(b).locked("wecom:bad") and not await BindCodes(a).locked("wecom:ok")
    later = BindCodes(a, now=lambda: dt.datetime.now(dt.UTC) + dt.timedelta(minutes=11))
    assert not await later.locked("wecom:bad")


async def test_tickets_are_created_once_per_origin_and_answered(stores) -> None:
    a, b = stores
    fields = dict(
        session_key="wecom:u1",
        channel="wecom",
        user_id="u1",
        chat_id="u1",
        display_name="张三",
        question="补助什么时候到账",
        transcript=[("user", "补助什么时候到账")],
        draft="",
        notice_id="n1",
    )
    made = await asyncio.gather(
        TicketStore(a).create(origin="wecom:m1", **fields),
        TicketStore(b).create(origin="wecom:m1", **fields),
    )
    assert sorted(created for _, created in made) == [False, True]
    ticket = made[0][0]
    assert ticket.id == made[1][0].id and ticket.status == Status.OPEN
    assert (await TicketStore(b).open_for("wecom:u1")) is not None
    answered = await TicketStore(b).answer(ticket.id, "一般在年底前拨付。", by="telegram:900")
    assert answered.status == Status.ANSWERED and answered.answer.startswith("一般")
    assert await TicketStore(a).open_for("wecom:u1") is None
    with pytest.raises(KeyError):
        await TicketStore(a).answer(999, "x", by="s")


async def test_an_faq_saved_by_one_worker_is_seen_by_the_other_at_once(stores) -> None:
    a, b = stores
    store_a, store_b = TicketStore(a), TicketStore(b)
    assert await store_b.faqs() == []  # cached empty
    ticket, _ = await store_a.create(origin="c:1", **_ticket_fields("c:u"))
    ticket = await store_a.answer(ticket.id, "年底前。", by="s")
    await store_a.save_faq(ticket, ["补助几时到账"], by="s")
    [entry] = await store_b.faqs()
    assert entry.answer == "年底前。" and "补助几时到账" in entry.phrasings
    await store_a.save_faq(ticket, ["钱啥时候到"], by="s")
    assert "钱啥时候到" in (await store_b.faqs())[0].phrasings
    assert await store_b.delete_faq(entry.id)
    assert await store_a.faqs() == []


async def test_forget_deletes_the_user_everywhere_and_nobody_else(stores) -> None:
    a, b = stores
    await a.link("wecom:zs", "telegram:1")
    for key in ("telegram:1", "telegram:2"):
        await a.commit_turn(
            key, Session(notice_id="n"), "telegram", f"{key}/1", [], [("user", "身份证")]
        )
    await Outbox(a).keep("wecom:zs", [Reply(text="待发")])
    await Outbox(a).keep("telegram:900", [Reply(text="新工单 身份证")], about="telegram:1")
    await Inbox(a).put(_message("zs", "m9"))
    await BindCodes(a).issue("telegram:1")
    await BindCodes(a).failed("wecom:zs")
    ticket, _ = await TicketStore(a).create(
        origin="telegram:t1", **_ticket_fields("telegram:1", "问")
    )
    await TicketStore(a).save_faq(await TicketStore(a).answer(ticket.id, "答", by="s"), [], by="s")
    assert len(await TicketStore(b).faqs()) == 1
    counts = await b.forget("telegram:1")
    assert counts["sessions"] == 1 and counts["history"] == 1 and counts["processed"] == 1
    assert counts["outbox"] == 2 and counts["tickets"] == 1 and counts["faq"] == 1
    assert counts["inbox"] == 1 and counts["bind_codes"] == 1 and counts["bind_failures"] == 1
    assert counts["links"] == 1
    assert await TicketStore(a).faqs() == []  # the other worker's cache is not stale
    assert await a.load("telegram:1") == Session() and await a.canonical("wecom:zs") == "wecom:zs"
    assert (await a.load("telegram:2")).notice_id == "n"  # nobody else
    assert len(await a.history("telegram:2")) == 1


async def test_retention_purges_silent_sessions_only(stores) -> None:
    a, b = stores
    await a.commit_turn("old", Session(), "c", "old/1", [], [("user", "旧")])
    await a.commit_turn("new", Session(), "c", "new/1", [], [("user", "新")])
    long_ago = (dt.datetime.now(dt.UTC) - dt.timedelta(days=40)).isoformat()
    async with a.database.transaction() as tx:
        await tx.execute("UPDATE sessions SET updated_at = ? WHERE key = 'old'", (long_ago,))
        await tx.execute("UPDATE history SET at = ? WHERE session_key = 'old'", (long_ago,))
    assert await b.purge(dt.timedelta(days=30)) == ["old"]
    assert await a.history("old") == [] and await a.history("new") == [("user", "新")]


async def test_turns_of_one_session_never_interleave_across_workers(stores, target) -> None:
    if isinstance(target, Path):
        pytest.skip("SQLite serves one process: its session lock is in-process by design")
    a, b = stores
    order: list[str] = []

    async def turn(store: StateStore, name: str) -> None:
        async with store.lock("wecom:u1"):
            order.append(f"{name}+")
            await asyncio.sleep(0.05)
            order.append(f"{name}-")

    await asyncio.gather(*(turn(s, f"{n}{i}") for i in range(3) for n, s in (("a", a), ("b", b))))
    assert all(order[i][:-1] == order[i + 1][:-1] for i in range(0, len(order), 2)), order
    async with a.lock("wecom:u1"), b.lock("wecom:u2"):  # other sessions are not blocked
        pass


async def test_a_rate_limit_is_one_allowance_shared_by_the_workers(stores) -> None:
    a, b = stores
    now = [1000.0]
    buckets = [StoredTokenBucket(s, capacity=4, period=60, clock=lambda: now[0]) for s in (a, b)]
    waits = [await buckets[i % 2].take("wecom:u1") for i in range(5)]
    assert waits[:4] == [0.0] * 4 and waits[4] == pytest.approx(15.0)
    assert await buckets[0].take("wecom:u2") == 0.0  # another user is not limited
    now[0] += 15.0
    assert await buckets[1].take("wecom:u1") == 0.0  # one token refilled in 15 s
    assert (await a.forget("wecom:u1"))["rate_limits"] == 1


async def test_a_worker_recovers_only_what_its_slot_left_before_it_started(stores) -> None:
    a, b = stores
    w0, w1 = Inbox(a, slot=0, slots=2), Inbox(b, slot=1, slots=2)
    old_group = Inbox(a, slot=3, slots=4)  # a slot of a larger group that no longer runs
    await w0.put(_message("u1", "m1"))
    await w1.put(_message("u2", "m2"))
    await old_group.put(_message("u3", "m3"))
    assert await Inbox(a, slot=0, slots=2).recoverable("wecom") != []
    assert await w1.recoverable("wecom") == []  # m2 arrived after w1 started: in flight
    later0, later1 = Inbox(b, slot=0, slots=2), Inbox(a, slot=1, slots=2)  # restarted
    assert sorted(m.message_id for m in await later0.recoverable("wecom")) == ["m1", "m3"]
    assert [m.message_id for m in await later1.recoverable("wecom")] == ["m2"]
    await later1.done(_message("u2", "m2"))
    assert await Inbox(a, slot=1, slots=2).recoverable("wecom") == []


async def test_one_worker_claims_the_delivery_of_a_message(stores) -> None:
    a, b = stores
    w0, w1 = Inbox(a, slot=0, slots=2), Inbox(b, slot=1, slots=2)
    answered = _message("u1", "m1")
    await w0.put(answered)
    assert await w1.claim(answered, "passive") is True  # WeCom's retry reached w1
    assert await w0.claim(answered, "push") is False  # w0 must not push it as well
    assert await w0.claim(answered, "passive") is True  # a later retry: that response was lost
    assert await w0.pending("wecom") == [] and await w1.pending("wecom") == []

    pushed = _message("u2", "m2")
    await w0.put(pushed)
    assert await w0.claim(pushed, "push") is True
    assert await w1.claim(pushed, "passive") is False  # a retry acknowledges only
    assert [m.message_id for m in await w0.pending("wecom")] == ["m2"]  # pushing
    await w0.done(pushed)
    assert await w0.pending("wecom") == []
    assert await w1.claim(_message("u3", "never-saved"), "push") is True


async def test_a_restart_resumes_only_what_no_other_worker_took(stores) -> None:
    a, b = stores
    w0, w1 = Inbox(a, slot=0, slots=2), Inbox(b, slot=1, slots=2)
    taken, left, pushing = _message("u1", "m1"), _message("u2", "m2"), _message("u3", "m3")
    for message in (taken, left, pushing):
        await w0.put(message)
    assert await w0.claim(pushing, "push") is True  # then w0 is killed mid-push
    restarted = Inbox(b, slot=0, slots=2)
    recovered = await restarted.recoverable("wecom")
    assert sorted(m.message_id for m in recovered) == ["m1", "m2", "m3"]
    assert await w1.claim(taken, "passive") is True  # the retry answered first
    assert await restarted.resume(taken) is False
    assert await restarted.resume(left) is True
    assert await restarted.resume(pushing) is True  # its previous incarnation's push
    assert await w1.claim(left, "passive") is False
