"""Durable inbox: an incoming message is saved before it is acknowledged.

A channel that must answer its platform quickly (WeCom gives 5 s and never retries a
200) writes each new message here first, then acknowledges; the message is marked done
only once its replies went out. After a crash or ``kill -9`` the messages still pending
are handled again at start-up: the engine's processed-message record makes that
idempotent (a turn committed before the crash is not run twice, its stored replies are
delivered), and a turn that never committed is run then. Nothing acknowledged is lost.

Table (created on first use, in the state database)::

    inbox(channel, user_id, message_id, message JSON, status, received_at)
        PRIMARY KEY (channel, user_id, message_id); status "pending" | "done"
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from bot.messages import IncomingMessage
from bot.storage import StateStore
from bot.tickets import utc_now

_SCHEMA = """
CREATE TABLE IF NOT EXISTS inbox (
    channel TEXT NOT NULL, user_id TEXT NOT NULL, message_id TEXT NOT NULL, message TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending', received_at TEXT NOT NULL,
    PRIMARY KEY (channel, user_id, message_id));
CREATE INDEX IF NOT EXISTS inbox_status ON inbox(channel, status);
"""
KEEP_DONE = dt.timedelta(days=1)
"""Done messages are kept this long (they absorb the platform's late retries)."""


class Inbox:
    """Pending incoming messages of the channels, in the state database.

    Args:
        state: The open state store.
        now: Aware-UTC clock, injectable for tests.
    """

    def __init__(self, state: StateStore, now: Callable[[], dt.datetime] = utc_now) -> None:
        self.state = state
        self.now = now

    async def put(self, message: IncomingMessage) -> bool:
        """Save ``message`` (committed before this returns); ``False`` when it was
        already there (a retry of the platform)."""
        db = self.state.database
        await db.ensure_schema(_SCHEMA)
        return bool(
            await db.execute(
                "INSERT INTO inbox (channel, user_id, message_id, message, received_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (
                    message.channel,
                    message.user_id,
                    message.message_id,
                    message.model_dump_json(),
                    self.now().isoformat(),
                ),
            )
        )

    async def done(self, message: IncomingMessage) -> None:
        """Mark ``message`` handled and its replies delivered."""
        db = self.state.database
        await db.ensure_schema(_SCHEMA)
        await db.execute(
            "UPDATE inbox SET status = 'done' WHERE channel = ? AND user_id = ? AND message_id = ?",
            (message.channel, message.user_id, message.message_id),
        )

    async def pending(self, channel: str) -> list[IncomingMessage]:
        """The messages of ``channel`` not yet done, oldest first. Asked once, at
        start-up: done messages older than :data:`KEEP_DONE` are dropped then, not on
        every incoming message."""
        db = self.state.database
        await db.ensure_schema(_SCHEMA)
        await db.execute(
            "DELETE FROM inbox WHERE status = 'done' AND received_at < ?",
            ((self.now() - KEEP_DONE).isoformat(),),
        )
        rows = await db.fetchall(
            "SELECT message FROM inbox WHERE channel = ? AND status = 'pending' ORDER BY received_at",
            (channel,),
        )
        return [IncomingMessage.model_validate_json(r[0]) for r in rows]
