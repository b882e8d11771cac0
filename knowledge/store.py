"""SQLite persistence of parsed notices (aiosqlite).

Table ``notices``: one row per notice, the parsed :class:`~knowledge.models.Notice` as
JSON plus its source hash. Table ``kb_snapshot``: the knowledge base's search structures
ready to load (``knowledge.base.KnowledgeBase.snapshot``), for the current notices. Re-ingesting a file with the same name replaces the row;
nothing else is touched.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

import aiosqlite

from knowledge.models import Notice

_SCHEMA = """
CREATE TABLE IF NOT EXISTS notices (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    builtin INTEGER NOT NULL DEFAULT 0,
    data TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS index_cache (
    key TEXT PRIMARY KEY,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS kb_snapshot (
    key TEXT PRIMARY KEY,
    data BLOB NOT NULL
)
"""


def private_file(path: Path) -> None:
    """Create ``path`` readable by its owner only (0600) if missing, and make an existing
    one so; SQLite creates its ``-wal`` and ``-shm`` files with the same mode."""
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    if path.stat().st_mode & 0o077:
        path.chmod(0o600)


class NoticeStore:
    """Async store of notices in one SQLite file.

    Use as ``async with NoticeStore(path) as store: ...`` or call :meth:`open` /
    :meth:`close`.
    """

    def __init__(self, path: Path | str) -> None:
        """Args: path: SQLite file; parent directories are created."""
        self.path = Path(path)
        self._db: aiosqlite.Connection | None = None

    async def open(self) -> NoticeStore:
        """Open the database and create the table if needed."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        private_file(self.path)
        self._db = await aiosqlite.connect(self.path)
        await self._db.execute("PRAGMA journal_mode=WAL")
        await self._db.executescript(_SCHEMA)
        await self._db.commit()
        return self

    async def close(self) -> None:
        """Close the connection."""
        if self._db is not None:
            await self._db.close()
            self._db = None

    async def __aenter__(self) -> NoticeStore:
        return await self.open()

    async def __aexit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    @property
    def db(self) -> aiosqlite.Connection:
        if self._db is None:
            raise RuntimeError("NoticeStore is not open")
        return self._db

    async def hashes(self) -> dict[str, str]:
        """``{notice_id: sha256}`` of the stored notices."""
        async with self.db.execute("SELECT id, sha256 FROM notices") as cur:
            return {row[0]: row[1] async for row in cur}

    async def upsert(self, notice: Notice, builtin: bool = False, force: bool = False) -> bool:
        """Insert or replace a notice.

        Args:
            notice: The parsed notice.
            builtin: Mark it as one of the built-in notices.
            force: Replace even when the source hash is unchanged (a new parser).

        Returns:
            True when the stored notice changed (new, or a different source hash).
        """
        async with self.db.execute("SELECT sha256 FROM notices WHERE id = ?", (notice.id,)) as cur:
            row = await cur.fetchone()
        if row and row[0] == notice.sha256 and not force:
            return False
        await self.db.execute(
            "INSERT OR REPLACE INTO notices (id, source, sha256, builtin, data, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                notice.id,
                notice.source,
                notice.sha256,
                int(builtin),
                notice.model_dump_json(),
                dt.datetime.now(dt.UTC).isoformat(),
            ),
        )
        await self.db.commit()
        return True

    async def remove(self, notice_id: str) -> bool:
        """Delete a notice; True when it existed."""
        cur = await self.db.execute("DELETE FROM notices WHERE id = ?", (notice_id,))
        await self.db.commit()
        return (cur.rowcount or 0) > 0

    async def get_meta(self, key: str) -> str | None:
        """A value of the ``meta`` table (e.g. ``"parser"``: the parser fingerprint)."""
        async with self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)) as cur:
            row = await cur.fetchone()
        return row[0] if row else None

    async def set_meta(self, key: str, value: str) -> None:
        """Set a value of the ``meta`` table."""
        await self.db.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value)
        )
        await self.db.commit()

    async def builtin_ids(self) -> set[str]:
        """Ids of the notices stored as built-in."""
        async with self.db.execute("SELECT id FROM notices WHERE builtin = 1") as cur:
            return {row[0] async for row in cur}

    async def cached_tokens(self, key: str) -> dict[str, list[list[str]]] | None:
        """Clause tokens stored for vocabulary ``key`` (see ``knowledge.base``), or None."""
        async with self.db.execute("SELECT data FROM index_cache WHERE key = ?", (key,)) as cur:
            row = await cur.fetchone()
        return json.loads(row[0]) if row else None

    async def save_tokens(self, key: str, tokens: dict[str, list[list[str]]]) -> None:
        """Replace the token cache with ``tokens`` for vocabulary ``key``."""
        await self.db.execute("DELETE FROM index_cache")
        await self.db.execute(
            "INSERT INTO index_cache (key, data) VALUES (?, ?)",
            (key, json.dumps(tokens, ensure_ascii=False)),
        )
        await self.db.commit()

    async def all(self) -> list[Notice]:
        """All stored notices, ordered by id."""
        async with self.db.execute("SELECT data FROM notices ORDER BY id") as cur:
            return [Notice.model_validate_json(row[0]) async for row in cur]

    @property
    def can_load_lazily(self) -> bool:
        """True when notices can be read one by one after start-up (a file database)."""
        return str(self.path) != ":memory:"

    async def snapshot(self, key: str) -> bytes | None:
        """The knowledge-base snapshot stored for ``key`` (see ``knowledge.base``), or None."""
        async with self.db.execute("SELECT data FROM kb_snapshot WHERE key = ?", (key,)) as cur:
            row = await cur.fetchone()
        return bytes(row[0]) if row else None

    async def save_snapshot(self, key: str, data: bytes) -> None:
        """Replace the stored snapshot with ``data`` for ``key``."""
        await self.db.execute("DELETE FROM kb_snapshot")
        await self.db.execute("INSERT INTO kb_snapshot (key, data) VALUES (?, ?)", (key, data))
        await self.db.commit()

    def notice_reader(self) -> Callable[[str], Notice]:
        """A synchronous reader of one stored notice by id, on its own connection (it
        outlives this store's; thread-safe): what a lazily loaded knowledge base calls
        when a question needs a full notice (~1–3 ms: one row, JSON validated).

        The reader raises ``KeyError`` for an id not stored.
        """
        conn = sqlite3.connect(self.path, check_same_thread=False)
        lock = threading.Lock()

        def read(notice_id: str) -> Notice:
            with lock:
                row = conn.execute("SELECT data FROM notices WHERE id = ?", (notice_id,)).fetchone()
            if row is None:
                raise KeyError(notice_id)
            return Notice.model_validate_json(row[0])

        return read
