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
        PRIMARY KEY (channel, user_id, message_id); status "pending" | "done"
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

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

    async def done(self, message: IncomingMessage) -> None:
        """Mark ``message`` handled and its replies delivered."""
        db = await self._db()
        await db.execute(
            "UPDATE inbox SET status = 'done' WHERE channel = ? AND user_id = ? AND message_id = ?",
            (message.channel, message.user_id, message.message_id),
        )

    async def pending(self, channel: str) -> list[IncomingMessage]:
        """The messages of ``channel`` not yet done that this worker's slot owns (and, for
        slot ``w0``, those of slots no longer running), oldest first."""
        return await self._pending(channel, None)

    async def recoverable(self, channel: str) -> list[IncomingMessage]:
        """:meth:`pending` messages received before this worker started: left by its
        previous incarnation (a crash, a restart), never one in flight now. Asked once,
        at start-up: done messages older than :data:`KEEP_DONE` are dropped then."""
        db = await self._db()
        await db.execute(
            "DELETE FROM inbox WHERE status = 'done' AND received_at < ?",
            ((self.now() - KEEP_DONE).isoformat(),),
        )
        return await self._pending(channel, self.started)

    async def _pending(self, channel: str, before: dt.datetime | None) -> list[IncomingMessage]:
        db = await self._db()
        owners = [self.owner]
        sql = "SELECT message FROM inbox WHERE channel = ? AND status = 'pending' AND (owner = ?"
        if self.owner == "w0":  # also the slots of a larger group, and rows from before slots
            marks = ",".join("?" * len(self.slots))
            sql += f" OR owner NOT IN ({marks})"  # noqa: S608
            owners += self.slots
        sql += ")"
        args: list[object] = [channel, *owners]
        if before is not None:
            sql += " AND received_at < ?"
            args.append(before.isoformat())
        rows = await db.fetchall(sql + " ORDER BY received_at", args)
        return [IncomingMessage.model_validate_json(r[0]) for r in rows]
