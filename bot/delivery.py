"""Outbox: messages the bot sends on its own (staff notifications, staff answers).

A channel that can push messages registers a sender for its name
(``outbox.register("telegram", send)``, see ``outbox_sender`` in the channel modules).
:meth:`Outbox.deliver` sends at once through it; without a live sender (console, CLI,
a channel not running in this process) or when sending fails, the replies are stored
and :func:`pending_route` puts them in front of the user's next turn.

Table (created on first use, in the state database)::

    outbox(id PK, identity, replies JSON, created_at, about)   pending replies per
        "channel:user"; ``about`` is the session the text is about (a staff notification
        quotes the user's question), so ``/forget`` deletes it too
"""

from __future__ import annotations

import contextvars
import json
import logging
from collections.abc import Awaitable, Callable

from tenacity import AsyncRetrying, stop_after_attempt, wait_exponential

from bot.db import Database
from bot.messages import Reply
from bot.routes import Route, Turn
from bot.storage import StateStore
from bot.tickets import utc_now

log = logging.getLogger(__name__)

Sender = Callable[[str, list[Reply]], Awaitable[None]]
"""``await send(chat_id, replies)``: push replies to a chat of one channel."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT, identity TEXT NOT NULL, replies TEXT NOT NULL,
    created_at TEXT NOT NULL, about TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS outbox_identity ON outbox(identity);
"""

REPLAYING: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "policybot_replaying", default=False
)
"""True while :func:`pending_route` re-runs a turn; routes that count turns skip it."""


class Outbox:
    """Per-channel senders plus a persistent queue of undelivered replies.

    Args:
        state: The open state store (its connection holds the queue).
    """

    def __init__(self, state: StateStore, attempts: int = 3, backoff: float = 0.5) -> None:
        """Args:
        state: The open state store (its connection holds the queue).
        attempts: Tries per delivery before the replies are kept as pending.
        backoff: First wait between tries, in seconds (doubling, at most 8 s).
        """
        self.state = state
        self.senders: dict[str, Sender] = {}
        self.attempts, self.backoff = attempts, backoff

    def register(self, channel: str, send: Sender) -> None:
        """Use ``send`` for ``channel`` from now on (replaces an earlier sender)."""
        self.senders[channel] = send

    def unregister(self, channel: str) -> None:
        """Stop pushing to ``channel``; later deliveries wait for the user's next turn."""
        self.senders.pop(channel, None)

    async def deliver(
        self, channel: str, user_id: str, chat_id: str, replies: list[Reply], about: str = ""
    ) -> bool:
        """Send ``replies`` to a user now, or keep them for the user's next turn.

        Args:
            channel: Channel name, e.g. ``"telegram"``.
            user_id: The user's id in that channel (pending replies are keyed by it).
            chat_id: Where to send (Telegram chat id); ``user_id`` when empty.
            replies: What to send.
            about: The session key the replies quote (a staff notification), if any.

        Returns:
            True when sent now, False when stored as pending.
        """
        send = self.senders.get(channel)
        if send is not None:
            try:
                async for attempt in AsyncRetrying(
                    stop=stop_after_attempt(self.attempts),
                    wait=wait_exponential(multiplier=self.backoff, max=8),
                    reraise=True,
                ):
                    with attempt:
                        await send(chat_id or user_id, replies)
                return True
            except Exception:  # noqa: BLE001 - any channel failure: keep the message
                log.exception(
                    "outbox: sending to a %s chat failed %d times; kept as pending",
                    channel,
                    self.attempts,
                )
        await self.keep(f"{channel}:{user_id}", replies, about)
        return False

    async def _db(self) -> Database:
        db = self.state.database
        # outboxes created before /forget covered them lack the about column
        await db.ensure_schema(_SCHEMA, ("outbox", "about", "TEXT NOT NULL DEFAULT ''"))
        return db

    async def keep(self, identity: str, replies: list[Reply], about: str = "") -> None:
        """Store replies for ``identity`` (``"channel:user"``) until its next turn;
        ``about`` is the session key they quote, for ``/forget``."""
        db = await self._db()
        await db.execute(
            "INSERT INTO outbox (identity, replies, created_at, about) VALUES (?, ?, ?, ?)",
            (
                identity,
                json.dumps([r.model_dump(mode="json") for r in replies], ensure_ascii=False),
                utc_now().isoformat(),
                about,
            ),
        )

    async def take(self, *identities: str) -> list[Reply]:
        """Remove and return the pending replies of these ``"channel:user"`` identities
        (taken once, even by two workers at the same moment)."""
        db = await self._db()
        keys = list(dict.fromkeys(identities))
        marks = ",".join("?" * len(keys))
        if not await db.fetchone(  # the usual case, nothing waiting: one read, no transaction
            f"SELECT 1 FROM outbox WHERE identity IN ({marks}) LIMIT 1",  # noqa: S608
            keys,
        ):
            return []
        async with db.transaction() as tx:
            rows = await tx.fetchall(
                f"DELETE FROM outbox WHERE identity IN ({marks}) RETURNING id, replies",  # noqa: S608
                keys,
            )
        rows.sort(key=lambda r: r[0])
        return [Reply.model_validate(item) for r in rows for item in json.loads(r[1])]


def pending_route(outbox: Outbox) -> Route:
    """A route that shows pending replies before the answer to the user's turn.

    When replies are waiting for the sender, the turn is run again through the engine
    (with :data:`REPLAYING` set) and the pending replies are put in front of its replies.
    """

    async def route(turn: Turn) -> list[Reply] | None:
        if REPLAYING.get():
            return None
        waiting = await outbox.take(turn.message.session_key, turn.key)
        if not waiting:
            return None
        message = turn.message
        if turn.payload and not message.payload:  # a typed number already resolved
            message = message.model_copy(update={"payload": turn.payload, "text": ""})
            turn.session.choices = {}
        token = REPLAYING.set(True)
        try:
            rest = await turn.engine._turn(message, turn.session, turn.key)  # noqa: SLF001
        except Exception:
            await outbox.keep(turn.message.session_key, waiting)  # not lost with the turn
            raise
        finally:
            REPLAYING.reset(token)
        return waiting + rest

    return route
