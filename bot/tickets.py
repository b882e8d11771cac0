"""Handoff tickets and curated FAQ entries in SQLite (the state database).

Tables (created on first use in the :class:`~bot.storage.StateStore` database; times are
ISO-8601 UTC strings from an injectable clock)::

    tickets(id PK, origin UNIQUE, session_key, channel, user_id, chat_id, display_name,
            question, transcript JSON, draft, notice_id, status, answer, answered_by,
            created_at, answered_at)
        one question passed to staff; ``origin`` = "channel:message_id" of the turn that
        created it, so a re-processed message never creates a second ticket
    faq(id PK, ticket_id UNIQUE, question, variants JSON, answer, notice_id,
        created_by, created_at)
        a staff answer saved for reuse (one entry per ticket; saving again updates it)
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from bot.storage import StateStore

_SCHEMA = """
CREATE TABLE IF NOT EXISTS tickets (
    id INTEGER PRIMARY KEY AUTOINCREMENT, origin TEXT UNIQUE,
    session_key TEXT NOT NULL, channel TEXT NOT NULL, user_id TEXT NOT NULL,
    chat_id TEXT NOT NULL, display_name TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL, transcript TEXT NOT NULL DEFAULT '[]', draft TEXT NOT NULL DEFAULT '',
    notice_id TEXT, status TEXT NOT NULL, answer TEXT NOT NULL DEFAULT '',
    answered_by TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, answered_at TEXT);
CREATE INDEX IF NOT EXISTS tickets_status ON tickets(status, session_key);
CREATE TABLE IF NOT EXISTS faq (
    id INTEGER PRIMARY KEY AUTOINCREMENT, ticket_id INTEGER UNIQUE, question TEXT NOT NULL,
    variants TEXT NOT NULL, answer TEXT NOT NULL, notice_id TEXT,
    created_by TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL);
"""

NOTIFY_MARK = "新工单 #"
"""Marker in a staff notification; a staff reply to that message answers the ticket."""
_MARK_RE = re.compile(re.escape(NOTIFY_MARK) + r"(\d+)")


def utc_now() -> dt.datetime:
    """The current time, timezone-aware UTC."""
    return dt.datetime.now(dt.UTC)


def _time(value: str | None) -> Any:
    """An ISO timestamp column as a datetime (None stays None)."""
    return dt.datetime.fromisoformat(value) if value else None


def ticket_id_in(text: str) -> int | None:
    """The ticket id of a staff notification text (``"🔔 新工单 #12 …"`` → 12), else None."""
    match = _MARK_RE.search(text or "")
    return int(match.group(1)) if match else None


class Status(StrEnum):
    """Ticket status."""

    OPEN = "open"
    ANSWERED = "answered"


@dataclass
class Ticket:
    """One question passed to staff.

    Attributes:
        id: Ticket number shown to users and staff.
        session_key: Canonical session of the user.
        channel / user_id / chat_id: Where the answer is delivered (the user's own channel).
        question: The user's question.
        transcript: Recent ``(role, text)`` lines, oldest first.
        draft: Summary of the user's form state (may be empty).
        notice_id: The notice the conversation was about, if any.
        answer: The staff answer ("" while open).
    """

    id: int
    session_key: str
    channel: str
    user_id: str
    chat_id: str
    display_name: str
    question: str
    transcript: list[tuple[str, str]]
    draft: str
    notice_id: str | None
    status: Status
    answer: str
    answered_by: str
    created_at: dt.datetime
    answered_at: dt.datetime | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Ticket:
        """Build from a ``tickets`` row."""
        data = {k: v for k, v in row.items() if k != "origin"}
        data["transcript"] = [(r, t) for r, t in json.loads(row["transcript"])]
        data["status"] = Status(row["status"])
        data["created_at"] = dt.datetime.fromisoformat(row["created_at"])
        data["answered_at"] = _time(row["answered_at"])
        return cls(**data)


@dataclass
class FaqEntry:
    """A curated answer: question variants, the staff answer and the notice it is about."""

    id: int
    question: str
    variants: list[str]
    answer: str
    notice_id: str | None
    ticket_id: int | None = None
    created_by: str = ""
    created_at: dt.datetime = field(default_factory=utc_now)

    @property
    def phrasings(self) -> list[str]:
        """The question and its variants, without duplicates."""
        return list(dict.fromkeys([self.question, *self.variants]))


def _faq_entry(row: dict[str, Any]) -> FaqEntry:
    """Build from a ``faq`` row."""
    return FaqEntry(
        **(row | {"variants": json.loads(row["variants"]), "created_at": _time(row["created_at"])})
    )


class TicketStore:
    """Tickets and FAQ entries stored next to the sessions.

    Args:
        state: The open state store (its connection is shared).
        now: Clock returning aware UTC datetimes (injectable for tests).
    """

    _faq_writes = 0
    """FAQ writes made by any instance in this process (cached entries are then stale)."""

    def __init__(self, state: StateStore, now: Callable[[], dt.datetime] = utc_now) -> None:
        self.state = state
        self.now = now
        self._faqs: tuple[tuple[object, ...], list[FaqEntry]] | None = None

    async def open(self) -> TicketStore:
        """Create the tables when missing (idempotent)."""
        await self.state.ensure_schema(_SCHEMA)
        return self

    async def _rows(self, sql: str, args: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        """Rows as dicts (the shared connection's row factory is left alone)."""
        db = await self.state.ensure_schema(_SCHEMA)
        async with db.execute(sql, args) as cur:
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row, strict=True)) for row in await cur.fetchall()]

    async def create(
        self,
        *,
        origin: str,
        session_key: str,
        channel: str,
        user_id: str,
        chat_id: str,
        display_name: str,
        question: str,
        transcript: list[tuple[str, str]],
        draft: str,
        notice_id: str | None,
    ) -> tuple[Ticket, bool]:
        """Open a ticket, once per ``origin``.

        Returns:
            ``(ticket, created)``; ``created`` is False when ``origin`` already has one.
        """
        db = await self.state.ensure_schema(_SCHEMA)
        async with self.state.writing:
            cur = await db.execute(
                "INSERT OR IGNORE INTO tickets (origin, session_key, channel, user_id, chat_id,"
                " display_name, question, transcript, draft, notice_id, status, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    origin,
                    session_key,
                    channel,
                    user_id,
                    chat_id,
                    display_name,
                    question,
                    json.dumps(transcript, ensure_ascii=False),
                    draft,
                    notice_id,
                    Status.OPEN.value,
                    self.now().isoformat(),
                ),
            )
            created = bool(cur.rowcount)
            await db.commit()
        [row] = await self._rows("SELECT * FROM tickets WHERE origin = ?", (origin,))
        return Ticket.from_row(row), created

    async def get(self, ticket_id: int) -> Ticket | None:
        """The ticket with this id, or None."""
        rows = await self._rows("SELECT * FROM tickets WHERE id = ?", (ticket_id,))
        return Ticket.from_row(rows[0]) if rows else None

    async def open_for(self, session_key: str) -> Ticket | None:
        """The user's newest open ticket, or None."""
        rows = await self._rows(
            "SELECT * FROM tickets WHERE session_key = ? AND status = ? ORDER BY id DESC LIMIT 1",
            (session_key, Status.OPEN.value),
        )
        return Ticket.from_row(rows[0]) if rows else None

    async def find(self, status: Status | None = None) -> list[Ticket]:
        """Tickets oldest first, optionally only those with ``status``."""
        if status is None:
            rows = await self._rows("SELECT * FROM tickets ORDER BY id")
        else:
            rows = await self._rows(
                "SELECT * FROM tickets WHERE status = ? ORDER BY id", (status.value,)
            )
        return [Ticket.from_row(r) for r in rows]

    async def answer(self, ticket_id: int, text: str, by: str) -> Ticket:
        """Record the staff answer and close the ticket (a later answer replaces it).

        Raises:
            KeyError: no such ticket.
        """
        db = await self.state.ensure_schema(_SCHEMA)
        async with self.state.writing:
            cur = await db.execute(
                "UPDATE tickets SET status = ?, answer = ?, answered_by = ?,"
                " answered_at = COALESCE(answered_at, ?) WHERE id = ?",
                (Status.ANSWERED.value, text, by, self.now().isoformat(), ticket_id),
            )
            await db.commit()
        if not cur.rowcount:
            raise KeyError(ticket_id)
        ticket = await self.get(ticket_id)
        assert ticket is not None
        return ticket

    async def save_faq(self, ticket: Ticket, variants: list[str], by: str) -> FaqEntry:
        """Save an answered ticket as an FAQ entry (update it when already saved)."""
        db = await self.state.ensure_schema(_SCHEMA)
        async with self.state.writing:
            rows = await self._rows("SELECT * FROM faq WHERE ticket_id = ?", (ticket.id,))
            if rows:
                old = json.loads(rows[0]["variants"])
                merged = list(dict.fromkeys([*old, *variants]))
                await db.execute(
                    "UPDATE faq SET variants = ?, answer = ? WHERE ticket_id = ?",
                    (json.dumps(merged, ensure_ascii=False), ticket.answer, ticket.id),
                )
            else:
                await db.execute(
                    "INSERT INTO faq (ticket_id, question, variants, answer, notice_id, created_by,"
                    " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        ticket.id,
                        ticket.question,
                        json.dumps(variants, ensure_ascii=False),
                        ticket.answer,
                        ticket.notice_id,
                        by,
                        self.now().isoformat(),
                    ),
                )
            await db.commit()
            TicketStore._faq_writes += 1
        [row] = await self._rows("SELECT * FROM faq WHERE ticket_id = ?", (ticket.id,))
        return _faq_entry(row)

    async def faqs(self) -> list[FaqEntry]:
        """All FAQ entries, oldest first.

        The entries are read once and kept until the FAQ changes: a write through any
        :class:`TicketStore` of this process, or a commit by another connection to the
        database (``PRAGMA data_version``, e.g. the other channel's process), so the FAQ
        route does not re-read the table on every turn.
        """
        db = await self.state.ensure_schema(_SCHEMA)
        async with db.execute("PRAGMA data_version") as cur:
            row = await cur.fetchone()
        version = (db, row[0] if row else None, TicketStore._faq_writes)
        if self._faqs is None or self._faqs[0] != version:
            rows = await self._rows("SELECT * FROM faq ORDER BY id")
            self._faqs = (version, [_faq_entry(r) for r in rows])
        return list(self._faqs[1])

    async def delete_faq(self, faq_id: int) -> bool:
        """Remove an FAQ entry; True when it existed."""
        db = await self.state.ensure_schema(_SCHEMA)
        async with self.state.writing:
            cur = await db.execute("DELETE FROM faq WHERE id = ?", (faq_id,))
            await db.commit()
            TicketStore._faq_writes += 1
        return bool(cur.rowcount)
