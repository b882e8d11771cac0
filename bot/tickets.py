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
    faq_version(id PK, version)    bumped by every FAQ write (cache invalidation)
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
CREATE TABLE IF NOT EXISTS faq_version (id INTEGER PRIMARY KEY, version INTEGER NOT NULL);
"""
_BUMP = (
    "INSERT INTO faq_version (id, version) VALUES (1, 1)"
    " ON CONFLICT (id) DO UPDATE SET version = faq_version.version + 1"
)
"""Run in every FAQ write's transaction: readers in any process see the FAQ changed."""

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
        state: The open state store (its database is shared).
        now: Clock returning aware UTC datetimes (injectable for tests).
    """

    def __init__(self, state: StateStore, now: Callable[[], dt.datetime] = utc_now) -> None:
        self.state = state
        self.now = now
        self._faqs: tuple[object, list[FaqEntry]] | None = None

    async def open(self) -> TicketStore:
        """Create the tables when missing (idempotent)."""
        await self.state.database.ensure_schema(_SCHEMA)
        return self

    async def _rows(self, sql: str, args: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        db = self.state.database
        await db.ensure_schema(_SCHEMA)
        return await db.fetchdicts(sql, args)

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
        await self.open()
        created = await self.state.database.execute(
            "INSERT INTO tickets (origin, session_key, channel, user_id, chat_id,"
            " display_name, question, transcript, draft, notice_id, status, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
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
        [row] = await self._rows("SELECT * FROM tickets WHERE origin = ?", (origin,))
        return Ticket.from_row(row), bool(created)

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
        await self.open()
        changed = await self.state.database.execute(
            "UPDATE tickets SET status = ?, answer = ?, answered_by = ?,"
            " answered_at = COALESCE(answered_at, ?) WHERE id = ?",
            (Status.ANSWERED.value, text, by, self.now().isoformat(), ticket_id),
        )
        if not changed:
            raise KeyError(ticket_id)
        ticket = await self.get(ticket_id)
        assert ticket is not None
        return ticket

    async def save_faq(self, ticket: Ticket, variants: list[str], by: str) -> FaqEntry:
        """Save an answered ticket as an FAQ entry (update it when already saved)."""
        await self.open()
        async with self.state.database.transaction() as tx:
            row = await tx.fetchone("SELECT variants FROM faq WHERE ticket_id = ?", (ticket.id,))
            if row is not None:
                merged = list(dict.fromkeys([*json.loads(row[0]), *variants]))
                await tx.execute(
                    "UPDATE faq SET variants = ?, answer = ? WHERE ticket_id = ?",
                    (json.dumps(merged, ensure_ascii=False), ticket.answer, ticket.id),
                )
            else:
                await tx.execute(
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
            await tx.execute(_BUMP)
        [entry] = await self._rows("SELECT * FROM faq WHERE ticket_id = ?", (ticket.id,))
        return _faq_entry(entry)

    async def faqs(self) -> list[FaqEntry]:
        """All FAQ entries, oldest first.

        The entries are read once and kept until the FAQ changes: every FAQ write, by
        any process sharing the database, bumps ``faq_version`` in its transaction, so
        the FAQ route reads one small row per turn instead of the table.
        """
        await self.open()
        row = await self.state.database.fetchone("SELECT version FROM faq_version WHERE id = 1")
        version = (id(self.state.database), row[0] if row else 0)
        if self._faqs is None or self._faqs[0] != version:
            rows = await self._rows("SELECT * FROM faq ORDER BY id")
            self._faqs = (version, [_faq_entry(r) for r in rows])
        return list(self._faqs[1])

    async def delete_faq(self, faq_id: int) -> bool:
        """Remove an FAQ entry; True when it existed."""
        await self.open()
        async with self.state.database.transaction() as tx:
            deleted = await tx.execute("DELETE FROM faq WHERE id = ?", (faq_id,))
            await tx.execute(_BUMP)
        return bool(deleted)
