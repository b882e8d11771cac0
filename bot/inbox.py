"""Durable inbox: an incoming message is saved before it is acknowledged.

A channel that must answer its platform quickly (WeCom gives 5 s and never retries a
200) writes each new message here first, then acknowledges; the message is marked done
only once its replies went out. After a crash or ``kill -9`` the messages still pending
are handled again at start-up: the engine's processed-message record makes that
idempotent (a turn committed before the crash is not run twice, its stored replies are
delivered), and a turn that never committed is run then. Nothing acknowledged is lost.

Several workers (``policybot wecom --workers N``) share one inbox on PostgreSQL. Each
message is owned by the worker slot that received it (``w0`` … ``wN-1``); a worker
recovers only the pending messages its slot received before it started (its previous
incarnation's, after a crash or a restart), and slot ``w0`` also those of slots that
no longer exist (the group was restarted with fewer workers). So a message in flight
in a live worker is never taken over by another one.

Table (created on first use, in the state database)::

    inbox(channel, user_id, message_id, message JSON, status, received_at, owner)
        PRIMARY KEY (channel, user_id, message_id)

Status: ``pending`` (saved, not answered) → ``passive`` (answered in the callback's HTTP
response; final) or ``pushing`` (one worker is pushing the replies) → ``done``. A worker
claims a message (:meth:`Inbox.claim`) with one conditional UPDATE before it delivers
anything, so when the platform's retry of a message reaches a second worker while the
first one's restart recovers it, exactly one of them answers. What is left is the
at-least-once window of a push: a worker killed after the platform accepted a reply and
before ``done`` was written pushes it again when it restarts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Literal

from bot.db import Database
from bot.messages import IncomingMessage
from bot.storage import StateStore
from bot.tickets import utc_now

_SCHEMA = """
CREATE TABLE IF NOT EXISTS inbox (
    channel TEXT NOT NULL, user_id TEXT NOT NULL, message_id TEXT NOT NULL, message TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending', received_at TEXT NOT NULL,
    owner TEXT NOT NULL DEFAULT '', PRIMARY KEY (channel, user_id, message_id));
CREATE INDEX IF NOT EXISTS inbox_status ON inbox(channel, status);
"""
KEEP_DONE = dt.timedelta(days=1)
"""Done messages are kept this long (they absorb the platform's late retries)."""


class Inbox:
    """Pending incoming messages of the channels, in the state database.

    Args:
        state: The open state store.
        now: Aware-UTC clock, injectable for tests.
        slot: This worker's slot, ``0`` … ``slots - 1``.
        slots: Workers in the group.
    """

    def __init__(
        self,
        state: StateStore,
        now: Callable[[], dt.datetime] = utc_now,
        slot: int = 0,
        slots: int = 1,
    ) -> None:
        self.state = state
        self.now = now
        self.owner = f"w{slot}"
        self.slots = [f"w{i}" for i in range(slots)]
        self.started = now()

    async def _db(self) -> Database:
        db = self.state.database
        await db.ensure_schema(_SCHEMA, ("inbox", "owner", "TEXT NOT NULL DEFAULT ''"))
        return db

    async def put(self, message: IncomingMessage) -> bool:
        """Save ``message`` (committed before this returns); ``False`` when it was
        already there (a retry of the platform)."""
        db = await self._db()
        return bool(
            await db.execute(
                "INSERT INTO inbox (channel, user_id, message_id, message, received_at, owner)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (
                    message.channel,
                    message.user_id,
                    message.message_id,
                    message.model_dump_json(),
                    self.now().isoformat(),
                    self.owner,
                ),
            )
        )

    async def claim(self, message: IncomingMessage, how: Literal["passive", "push"]) -> bool:
        """Take the delivery of ``message``'s replies; ``False`` when another worker has it.

        ``"passive"`` (the replies go in the HTTP response) succeeds on a pending message
        and on one answered passively before (the platform retries only what it got no
        response to, so that response was lost); ``"push"`` only on a pending message.
        A message not in the inbox (saved by no one) is claimed trivially.
        """
        db = await self._db()
        allowed = "('pending', 'passive')" if how == "passive" else "('pending')"
        status = "passive" if how == "passive" else "pushing"
        changed = await db.execute(
            f"UPDATE inbox SET status = ?, owner = ? WHERE channel = ? AND user_id = ?"  # noqa: S608
            f" AND message_id = ? AND status IN {allowed}",
            (status, self.owner, message.channel, message.user_id, message.message_id),
        )
        return bool(changed) or not await self._known(message)

    async def resume(self, message: IncomingMessage) -> bool:
        """Take over the delivery of a message :meth:`recoverable` returned: pending, or
        left ``pushing`` by this slot's previous incarnation; ``False`` when another worker
        has answered or claimed it meanwhile."""
        db = await self._db()
        owned, owners = self._owned()
        sql = (
            "UPDATE inbox SET status = 'pushing', owner = ? WHERE channel = ? AND user_id = ?"
            f" AND message_id = ? AND (status = 'pending' OR (status = 'pushing' AND {owned}))"
        )
        args = [self.owner, message.channel, message.user_id, message.message_id, *owners]
        return bool(await db.execute(sql, args))

    def _owned(self) -> tuple[str, list[str]]:
        """``(SQL predicate, its arguments)`` for the rows this worker's slot owns: its own,
        and for slot ``w0`` also those of slots no longer running (a larger group before,
        rows from before slots)."""
        if self.owner != "w0":
            return "(owner = ?)", [self.owner]
        marks = ",".join("?" * len(self.slots))
        return f"(owner = ? OR owner NOT IN ({marks}))", [self.owner, *self.slots]

    async def _known(self, message: IncomingMessage) -> bool:
        db = await self._db()
        row = await db.fetchone(
            "SELECT 1 FROM inbox WHERE channel = ? AND user_id = ? AND message_id = ?",
            (message.channel, message.user_id, message.message_id),
        )
        return row is not None

    async def done(self, message: IncomingMessage) -> None:
        """Mark ``message`` handled and its replies delivered."""
        db = await self._db()
        await db.execute(
            "UPDATE inbox SET status = 'done' WHERE channel = ? AND user_id = ? AND message_id = ?",
            (message.channel, message.user_id, message.message_id),
        )

    async def pending(self, channel: str) -> list[IncomingMessage]:
        """The messages of ``channel`` not yet answered (pending, or left ``pushing``)
        that this worker's slot owns (and, for
        slot ``w0``, those of slots no longer running), oldest first."""
        return await self._pending(channel, None)

    async def recoverable(self, channel: str) -> list[IncomingMessage]:
        """:meth:`pending` messages received before this worker started: left by its
        previous incarnation (a crash, a restart), never one in flight now. Asked once,
        at start-up: done messages older than :data:`KEEP_DONE` are dropped then."""
        db = await self._db()
        await db.execute(
            "DELETE FROM inbox WHERE status IN ('done', 'passive') AND received_at < ?",
            ((self.now() - KEEP_DONE).isoformat(),),
        )
        return await self._pending(channel, self.started)

    async def _pending(self, channel: str, before: dt.datetime | None) -> list[IncomingMessage]:
        db = await self._db()
        owned, owners = self._owned()
        sql = (
            "SELECT message FROM inbox WHERE channel = ? AND status IN ('pending', 'pushing')"
            f" AND {owned}"  # noqa: S608
        )
        args: list[object] = [channel, *owners]
        if before is not None:
            sql += " AND received_at < ?"
            args.append(before.isoformat())
        rows = await db.fetchall(sql + " ORDER BY received_at", args)
        return [IncomingMessage.model_validate_json(r[0]) for r in rows]
