"""Dialog state in SQLite (aiosqlite): sessions, processed messages, transcripts.

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

import asyncio
import datetime as dt
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import aiosqlite
from pydantic import BaseModel, Field

from knowledge.store import private_file

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    key TEXT PRIMARY KEY, data TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS processed (
    channel TEXT NOT NULL, message_id TEXT NOT NULL, replies TEXT NOT NULL, created_at TEXT NOT NULL,
    PRIMARY KEY (channel, message_id));
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
        flow: State of a running form or self-check (owned by the flows layer), or None.
        drafts: Saved form drafts by notice id (owned by the flows layer).
        data: Free-form extension data.
    """

    notice_id: str | None = None
    pending_question: str = ""
    last_question: str = ""
    choices: dict[str, str] = Field(default_factory=dict)
    flow: dict[str, Any] | None = None
    drafts: dict[str, Any] = Field(default_factory=dict)
    data: dict[str, Any] = Field(default_factory=dict)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


class StateStore:
    """Async SQLite store of sessions with one lock per session key."""

    def __init__(self, path: Path | str) -> None:
        """Args: path: SQLite file (shared with the notice store is fine)."""
        self.path = Path(path)
        self._db: aiosqlite.Connection | None = None
        self._locks: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._schemas: set[str] = set()
        self.writing = asyncio.Lock()
        """Held while a writer's statements and their commit run: every store sharing
        this connection takes it, so one writer's commit or rollback never takes in
        another writer's half-done statements."""

    async def open(self) -> StateStore:
        """Open the database and create tables."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._schemas = set()
        private_file(self.path)
        self._db = await aiosqlite.connect(self.path)
        await self._db.execute("PRAGMA journal_mode=WAL")
        await self._db.execute("PRAGMA secure_delete=ON")  # /forget leaves no old bytes behind
        await self._db.executescript(_SCHEMA)
        async with self._db.execute("PRAGMA table_info(processed)") as cur:
            columns = {row[1] async for row in cur}
        if "session_key" not in columns:  # databases created before /forget existed
            await self._db.execute("ALTER TABLE processed ADD COLUMN session_key TEXT")
        await self._db.commit()
        return self

    async def close(self) -> None:
        """Close the connection."""
        if self._db is not None:
            await self._db.close()
            self._db = None

    @property
    def db(self) -> aiosqlite.Connection:
        if self._db is None:
            raise RuntimeError("StateStore is not open")
        return self._db

    async def ensure_schema(self, sql: str) -> aiosqlite.Connection:
        """The connection, with a feature's tables (``CREATE … IF NOT EXISTS`` script
        ``sql``) created once per connection; tickets, outbox and bind codes live here."""
        if sql not in self._schemas:
            async with self.writing:
                await self.db.executescript(sql)
                await self.db.commit()
            self._schemas.add(sql)
        return self.db

    def lock(self, key: str) -> asyncio.Lock:
        """The lock serialising turns of one session."""
        return self._locks[key]

    async def canonical(self, key: str) -> str:
        """The session key ``key`` is linked to (itself when unlinked)."""
        async with self.db.execute(
            "SELECT canonical_key FROM links WHERE alias_key = ?", (key,)
        ) as cur:
            row = await cur.fetchone()
        return row[0] if row else key

    async def link(self, alias_key: str, canonical_key: str) -> None:
        """Make ``alias_key`` (e.g. ``"wecom:zhangsan"``) share ``canonical_key``'s session
        (e.g. ``"telegram:123"``). Links are flattened: linking to an alias links to its
        canonical key."""
        target = await self.canonical(canonical_key)
        if target == alias_key:
            return
        async with self.writing:
            await self.db.execute(
                "INSERT OR REPLACE INTO links (alias_key, canonical_key, linked_at)"
                " VALUES (?, ?, ?)",
                (alias_key, target, _now()),
            )
            await self.db.execute(
                "UPDATE links SET canonical_key = ? WHERE canonical_key = ?", (target, alias_key)
            )
            await self.db.commit()

    async def load(self, key: str) -> Session:
        """The session for ``key`` (a fresh one when none is stored)."""
        async with self.db.execute("SELECT data FROM sessions WHERE key = ?", (key,)) as cur:
            row = await cur.fetchone()
        return Session.model_validate_json(row[0]) if row else Session()

    async def processed(self, channel: str, message_id: str) -> list[dict[str, Any]] | None:
        """Stored replies of an already processed message, else ``None``."""
        async with self.db.execute(
            "SELECT replies FROM processed WHERE channel = ? AND message_id = ?",
            (channel, message_id),
        ) as cur:
            row = await cur.fetchone()
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
        db = self.db
        async with self.writing:
            await self._commit_turn(db, key, session, channel, message_id, replies, transcript)

    async def _commit_turn(
        self,
        db: aiosqlite.Connection,
        key: str,
        session: Session | None,
        channel: str,
        message_id: str,
        replies: list[dict[str, Any]],
        transcript: list[tuple[str, str]],
    ) -> None:
        try:
            if session is not None:
                await db.execute(
                    "INSERT OR REPLACE INTO sessions (key, data, updated_at) VALUES (?, ?, ?)",
                    (key, session.model_dump_json(), _now()),
                )
            if message_id:
                await db.execute(
                    "INSERT OR REPLACE INTO processed (channel, message_id, replies, created_at, session_key)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (channel, message_id, json.dumps(replies, ensure_ascii=False), _now(), key),
                )
            for role, text in transcript:
                await db.execute(
                    "INSERT INTO history (session_key, role, text, at) VALUES (?, ?, ?, ?)",
                    (key, role, text, _now()),
                )
            await db.commit()
        except Exception:
            await db.rollback()
            raise

    async def history(self, key: str, limit: int = 10) -> list[tuple[str, str]]:
        """The last ``limit`` transcript lines ``(role, text)``, oldest first."""
        async with self.db.execute(
            "SELECT role, text FROM history WHERE session_key = ? ORDER BY id DESC LIMIT ?",
            (key, limit),
        ) as cur:
            rows = await cur.fetchall()
        return [(r[0], r[1]) for r in reversed(list(rows))]

    async def purge(self, older_than: dt.timedelta) -> list[str]:
        """Retention: delete everything of the sessions untouched for ``older_than`` (see
        :meth:`forget`), and transcript lines and stored replies that old of every session.

        Returns:
            The keys of the sessions deleted.
        """
        horizon = (dt.datetime.now(dt.UTC) - older_than).isoformat()
        async with self.db.execute(
            "SELECT key FROM sessions WHERE updated_at < ?", (horizon,)
        ) as cur:
            stale = [row[0] async for row in cur]
        for key in stale:
            await self.forget(key, checkpoint=False)
        async with self.writing:
            await self.db.execute("DELETE FROM history WHERE at < ?", (horizon,))
            await self.db.execute("DELETE FROM processed WHERE created_at < ?", (horizon,))
            await self.db.commit()
            await self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return stale

    async def forget(self, key: str, checkpoint: bool = True) -> dict[str, int]:
        """Delete everything stored about a user: session (drafts included), transcript,
        stored replies, staff tickets and the FAQ entries made from them, pending pushes
        to the user and staff notifications quoting them, bind codes and channel links;
        then checkpoint the WAL so no deleted page survives in it (``secure_delete`` has
        zeroed them in the database file).

        Args:
            key: The canonical session key.
            checkpoint: Checkpoint the WAL now (a purge of many users does it once).

        Returns:
            Rows deleted per table, e.g. ``{"sessions": 1, "history": 12, ...}``.
        """
        counts: dict[str, int] = {}
        async with self.db.execute("SELECT name FROM sqlite_master WHERE type='table'") as cur:
            existing = {row[0] async for row in cur}
        async with self.db.execute(
            "SELECT alias_key FROM links WHERE canonical_key = ?", (key,)
        ) as cur:
            identities = [key, *[row[0] async for row in cur]]
        marks = ",".join("?" * len(identities))
        statements = [
            ("sessions", "DELETE FROM sessions WHERE key = ?", [key]),
            ("history", "DELETE FROM history WHERE session_key = ?", [key]),
            ("processed", "DELETE FROM processed WHERE session_key = ?", [key]),
            (
                "faq",
                "DELETE FROM faq WHERE ticket_id IN (SELECT id FROM tickets WHERE session_key = ?)",
                [key],
            ),
            ("tickets", "DELETE FROM tickets WHERE session_key = ?", [key]),
            (
                "outbox",
                f"DELETE FROM outbox WHERE identity IN ({marks}) OR about IN ({marks})",  # noqa: S608
                identities * 2,
            ),
            ("bind_codes", "DELETE FROM bind_codes WHERE session_key = ?", [key]),
            ("bind_failures", f"DELETE FROM bind_failures WHERE identity IN ({marks})", identities),  # noqa: S608
            (
                "inbox",
                f"DELETE FROM inbox WHERE channel || ':' || user_id IN ({marks})",
                identities,
            ),  # noqa: S608
            ("links", "DELETE FROM links WHERE canonical_key = ? OR alias_key = ?", [key, key]),
        ]
        async with self.writing:
            try:
                for table, sql, params in statements:
                    if table in existing and (table != "faq" or "tickets" in existing):
                        cur = await self.db.execute(sql, params)
                        counts[table] = counts.get(table, 0) + (cur.rowcount or 0)
                await self.db.commit()
            except Exception:
                await self.db.rollback()
                raise
            if checkpoint:  # a retention purge of many users checkpoints once, at its end
                await self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return counts
