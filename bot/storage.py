"""Dialog state: sessions, processed messages, transcripts (SQLite or PostgreSQL, see
:mod:`bot.db`).

Tables::

    sessions(key PK, data JSON, updated_at)          one row per user identity
    processed(channel, message_id, replies JSON)     idempotency: a re-delivered message
                                                     gets the stored replies again
    history(session_key, role, text, at)             recent transcript (handoff, /forget)
    links(alias_key PK, canonical_key)               one person across channels: the
                                                     alias identity uses the canonical session

Writes of one turn happen together in one transaction (:meth:`StateStore.commit_turn`),
so a crash mid-turn never leaves a half-saved session.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import (
    BaseModel,
    Field,
    ValidationError,
    ValidatorFunctionWrapHandler,
    field_validator,
)

from bot.db import SCHEMA_LOCK, Database, open_database
from bot.flow_state import Draft, Flow, load_flow

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    key TEXT PRIMARY KEY, data TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS processed (
    channel TEXT NOT NULL, message_id TEXT NOT NULL, replies TEXT NOT NULL, created_at TEXT NOT NULL,
    session_key TEXT, PRIMARY KEY (channel, message_id));
CREATE INDEX IF NOT EXISTS processed_key ON processed(session_key);
CREATE TABLE IF NOT EXISTS history (
    id INTEGER PRIMARY KEY AUTOINCREMENT, session_key TEXT NOT NULL, role TEXT NOT NULL,
    text TEXT NOT NULL, at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS history_key ON history(session_key);
CREATE TABLE IF NOT EXISTS links (
    alias_key TEXT PRIMARY KEY, canonical_key TEXT NOT NULL, linked_at TEXT NOT NULL);
"""


class Session(BaseModel):
    """Per-user dialog state, stored as JSON.

    Attributes:
        notice_id: The notice the conversation is about (set by the last answer).
        pending_question: A question waiting for the user to pick a city.
        last_question: The last question answered about a notice; a follow-up that only
            names another place (``镇江呢``) asks it again about that place.
        choices: ``{"1": payload, ...}`` of the last numbered options shown (console/WeCom).
        flow: The running filing step (:data:`bot.flow_state.Flow`), or None.
        drafts: Notice id → the applicant's :class:`~bot.flow_state.Draft` for it.
        data: Free-form extension data.

    A stored flow or draft that no longer validates is dropped with a warning (the rest
    of the session loads).
    """

    notice_id: str | None = None
    pending_question: str = ""
    last_question: str = ""
    choices: dict[str, str] = Field(default_factory=dict)
    flow: Flow | None = None
    drafts: dict[str, Draft] = Field(default_factory=dict)
    data: dict[str, Any] = Field(default_factory=dict)

    @field_validator("flow", mode="before")
    @classmethod
    def _valid_flow(cls, value: Any) -> Any:
        return load_flow(value)

    @field_validator("drafts", mode="wrap")
    @classmethod
    def _valid_drafts(cls, value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        if not isinstance(value, dict):
            return handler(value)
        out = {}
        for nid, draft in value.items():
            try:
                out[nid] = handler({nid: draft})[nid]
            except ValidationError as err:
                log.warning("stored draft for %s dropped: %s", nid, err.errors()[0].get("msg"))
        return out


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


_FORGET = [
    ("sessions", "DELETE FROM sessions WHERE key = ?", "key"),
    ("history", "DELETE FROM history WHERE session_key = ?", "key"),
    ("processed", "DELETE FROM processed WHERE session_key = ?", "key"),
    (
        "faq",
        "DELETE FROM faq WHERE ticket_id IN (SELECT id FROM tickets WHERE session_key = ?)",
        "key",
    ),
    ("tickets", "DELETE FROM tickets WHERE session_key = ?", "key"),
    ("outbox", "DELETE FROM outbox WHERE identity IN ({ids}) OR about IN ({ids})", "ids2"),
    ("bind_codes", "DELETE FROM bind_codes WHERE session_key = ?", "key"),
    ("bind_failures", "DELETE FROM bind_failures WHERE identity IN ({ids})", "ids"),
    ("inbox", "DELETE FROM inbox WHERE channel || ':' || user_id IN ({ids})", "ids"),
    ("rate_limits", "DELETE FROM rate_limits WHERE key IN ({ids})", "ids"),
    ("links", "DELETE FROM links WHERE canonical_key = ? OR alias_key = ?", "key2"),
]
"""What ``/forget`` deletes, per table: (table, statement, which keys it takes)."""


class StateStore:
    """Sessions, processed messages and transcripts in a :class:`~bot.db.Database`; the
    other stores (tickets, outbox, inbox, bind codes, rate limits) share its database.

    Args:
        target: SQLite file path, or a ``postgresql://`` URL (several workers).
    """

    def __init__(self, target: Path | str) -> None:
        self.target = target
        self.database: Database = open_database(target)

    async def open(self) -> StateStore:
        """Connect and create the tables."""
        await self.database.open()
        # databases created before /forget existed lack processed.session_key
        await self.database.ensure_schema(_SCHEMA, ("processed", "session_key", "TEXT"))
        return self

    async def close(self) -> None:
        """Disconnect."""
        await self.database.close()

    def lock(self, key: str) -> contextlib.AbstractAsyncContextManager[None]:
        """The lock serialising turns of one session (across processes on PostgreSQL)."""
        return self.database.session_lock(key)

    async def canonical(self, key: str) -> str:
        """The session key ``key`` is linked to (itself when unlinked)."""
        row = await self.database.fetchone(
            "SELECT canonical_key FROM links WHERE alias_key = ?", (key,)
        )
        return str(row[0]) if row else key

    async def link(self, alias_key: str, canonical_key: str) -> None:
        """Make ``alias_key`` (e.g. ``"wecom:zhangsan"``) share ``canonical_key``'s session
        (e.g. ``"telegram:123"``). Links are flattened: linking to an alias links to its
        canonical key."""
        target = await self.canonical(canonical_key)
        if target == alias_key:
            return
        async with self.database.transaction() as tx:
            await tx.execute(
                "INSERT INTO links (alias_key, canonical_key, linked_at) VALUES (?, ?, ?)"
                " ON CONFLICT (alias_key) DO UPDATE SET canonical_key = excluded.canonical_key,"
                " linked_at = excluded.linked_at",
                (alias_key, target, _now()),
            )
            await tx.execute(
                "UPDATE links SET canonical_key = ? WHERE canonical_key = ?", (target, alias_key)
            )

    async def load(self, key: str) -> Session:
        """The session for ``key`` (a fresh one when none is stored)."""
        row = await self.database.fetchone("SELECT data FROM sessions WHERE key = ?", (key,))
        return Session.model_validate_json(row[0]) if row else Session()

    async def begin_turn(
        self, key: str, channel: str, message_id: str
    ) -> tuple[list[dict[str, Any]] | None, Session]:
        """``(stored replies of this message or None, the session)`` in one query: what a
        turn reads first, under the session's lock."""
        row = await self.database.fetchone(
            "SELECT (SELECT replies FROM processed WHERE channel = ? AND message_id = ?),"
            " (SELECT data FROM sessions WHERE key = ?)",
            (channel, message_id, key),
        )
        replies, data = row if row else (None, None)
        session = Session.model_validate_json(data) if data else Session()
        return (json.loads(replies) if replies else None), session

    async def processed(self, channel: str, message_id: str) -> list[dict[str, Any]] | None:
        """Stored replies of an already processed message, else ``None``."""
        row = await self.database.fetchone(
            "SELECT replies FROM processed WHERE channel = ? AND message_id = ?",
            (channel, message_id),
        )
        return json.loads(row[0]) if row else None

    async def commit_turn(
        self,
        key: str,
        session: Session | None,
        channel: str,
        message_id: str,
        replies: list[dict[str, Any]],
        transcript: list[tuple[str, str]],
    ) -> None:
        """Save one turn atomically: the session (unless ``None``), the processed-message
        record and transcript lines ``(role, text)``."""
        now = _now()
        statements: list[tuple[str, Sequence[Any]]] = []
        if session is not None:
            statements.append(
                (
                    "INSERT INTO sessions (key, data, updated_at) VALUES (?, ?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET data = excluded.data,"
                    " updated_at = excluded.updated_at",
                    (key, session.model_dump_json(), now),
                )
            )
        if message_id:
            statements.append(
                (
                    "INSERT INTO processed (channel, message_id, replies, created_at, session_key)"
                    " VALUES (?, ?, ?, ?, ?) ON CONFLICT (channel, message_id) DO UPDATE SET"
                    " replies = excluded.replies, created_at = excluded.created_at,"
                    " session_key = excluded.session_key",
                    (channel, message_id, json.dumps(replies, ensure_ascii=False), now, key),
                )
            )
        if transcript:  # every line in one statement
            rows = ", ".join("(?, ?, ?, ?)" for _ in transcript)
            statements.append(
                (
                    f"INSERT INTO history (session_key, role, text, at) VALUES {rows}",  # noqa: S608
                    [v for role, text in transcript for v in (key, role, text, now)],
                )
            )
        if statements:  # one transaction; on SQLite one hop to the connection's thread
            await self.database.batch(statements)

    async def history(self, key: str, limit: int = 10) -> list[tuple[str, str]]:
        """The last ``limit`` transcript lines ``(role, text)``, oldest first."""
        rows = await self.database.fetchall(
            "SELECT role, text FROM history WHERE session_key = ? ORDER BY id DESC LIMIT ?",
            (key, limit),
        )
        return [(r[0], r[1]) for r in reversed(rows)]

    async def purge(self, older_than: dt.timedelta) -> list[str]:
        """Retention: delete everything of the sessions untouched for ``older_than`` (see
        :meth:`forget`), and transcript lines and stored replies that old of every session.

        Returns:
            The keys of the sessions deleted.
        """
        horizon = (dt.datetime.now(dt.UTC) - older_than).isoformat()
        rows = await self.database.fetchall(
            "SELECT key FROM sessions WHERE updated_at < ?", (horizon,)
        )
        stale = [str(r[0]) for r in rows]
        for key in stale:
            await self.forget(key, checkpoint=False)
        async with self.database.transaction() as tx:
            if self.database.dialect == "postgresql":
                # a worker starting next to this one creates its tables and indexes under
                # the schema lock; deleting from two of them meanwhile could deadlock
                await tx.execute("SELECT pg_advisory_xact_lock(?)", (SCHEMA_LOCK,))
            await tx.execute("DELETE FROM history WHERE at < ?", (horizon,))
            await tx.execute("DELETE FROM processed WHERE created_at < ?", (horizon,))
        await self.database.checkpoint()
        return stale

    async def forget(self, key: str, checkpoint: bool = True) -> dict[str, int]:
        """Delete everything stored about a user: session (drafts included), transcript,
        stored replies, staff tickets and the FAQ entries made from them, pending pushes
        to the user and staff notifications quoting them, bind codes, rate-limit state
        and channel links; then checkpoint the WAL so no deleted page survives in it
        (``secure_delete`` has zeroed them in the SQLite file).

        Args:
            key: The canonical session key.
            checkpoint: Checkpoint the WAL now (a purge of many users does it once).

        Returns:
            Rows deleted per table, e.g. ``{"sessions": 1, "history": 12, ...}``.
        """
        existing = await self.database.tables()
        rows = await self.database.fetchall(
            "SELECT alias_key FROM links WHERE canonical_key = ?", (key,)
        )
        identities = [key, *[str(r[0]) for r in rows]]
        marks = ",".join("?" * len(identities))
        params = {"key": [key], "key2": [key, key], "ids": identities, "ids2": identities * 2}
        counts: dict[str, int] = {}
        async with self.database.transaction() as tx:
            for table, sql, keys in _FORGET:
                if table in existing and (table != "faq" or "tickets" in existing):
                    counts[table] = await tx.execute(sql.format(ids=marks), params[keys])
            if counts.get("faq") and "faq_version" in existing:  # cached FAQs are stale
                await tx.execute("UPDATE faq_version SET version = version + 1")
        if checkpoint:  # a retention purge of many users checkpoints once, at its end
            await self.database.checkpoint()
        return counts
