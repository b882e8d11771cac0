"""The state database seam: one small async SQL interface with two backends.

:class:`SqliteDatabase` (aiosqlite, one file, the embedded default) and
:class:`PostgresDatabase` (psycopg 3 with a connection pool, shared by several worker
processes). The stores (:mod:`bot.storage`, :mod:`bot.tickets`, :mod:`bot.delivery`,
:mod:`bot.inbox`, :mod:`bot.identity`, :mod:`bot.limits`) write their SQL once, in the
subset both engines share:

- ``?`` placeholders (translated to psycopg's ``%s``);
- ``INSERT … ON CONFLICT (…) DO UPDATE/NOTHING`` instead of ``INSERT OR REPLACE``;
- ``RETURNING`` instead of ``lastrowid``;
- in DDL, ``INTEGER PRIMARY KEY AUTOINCREMENT`` (becomes ``BIGSERIAL PRIMARY KEY``);
- no boolean arithmetic (``sum(CASE WHEN … THEN 1 ELSE 0 END)``).

Writes go through :meth:`Database.transaction` (committed on exit, rolled back on an
exception); reads through :meth:`Database.fetchall` / :meth:`Database.fetchone`.
:meth:`Database.session_lock` serialises the turns of one session: an :class:`asyncio.Lock`
in one process, plus a PostgreSQL advisory lock across processes.

:func:`open_database` picks the backend from a URL (``postgresql://…``) or a file path.
"""

from __future__ import annotations

import abc
import asyncio
import contextlib
import functools
import re
import sqlite3
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any, Protocol

import aiosqlite

from knowledge.store import private_file

Row = tuple[Any, ...]
Args = Sequence[Any]


class Tx(Protocol):
    """The statements of one transaction (see :meth:`Database.transaction`)."""

    async def execute(self, sql: str, args: Args = ()) -> int:
        """Run one statement; returns the number of rows it changed."""

    async def fetchone(self, sql: str, args: Args = ()) -> Row | None:
        """The first row of a query (inside the transaction), or None."""

    async def fetchall(self, sql: str, args: Args = ()) -> list[Row]:
        """All rows of a query (inside the transaction)."""


class Database(abc.ABC):
    """An open state database (see the module docstring for the SQL dialect)."""

    dialect: str = ""
    """``"sqlite"`` or ``"postgresql"``."""

    def __init__(self) -> None:
        self._schemas: set[str] = set()
        self._local: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)

    @abc.abstractmethod
    async def open(self) -> Database:
        """Connect; returns ``self``."""

    @abc.abstractmethod
    async def close(self) -> None:
        """Disconnect (idempotent)."""

    @abc.abstractmethod
    def transaction(self) -> contextlib.AbstractAsyncContextManager[Tx]:
        """``async with db.transaction() as tx:`` statements committed together on exit,
        rolled back when the block raises. Not re-entrant: inside the block use ``tx``."""

    @abc.abstractmethod
    async def fetchall(self, sql: str, args: Args = ()) -> list[Row]:
        """All rows of a query, as tuples."""

    async def fetchone(self, sql: str, args: Args = ()) -> Row | None:
        """The first row of a query, or None."""
        rows = await self.fetchall(sql, args)
        return rows[0] if rows else None

    @abc.abstractmethod
    async def fetchdicts(self, sql: str, args: Args = ()) -> list[dict[str, Any]]:
        """All rows of a query, as ``{column: value}``."""

    async def execute(self, sql: str, args: Args = ()) -> int:
        """Run one write statement in its own transaction; returns rows changed."""
        async with self.transaction() as tx:
            return await tx.execute(sql, args)

    async def batch(self, statements: Sequence[tuple[str, Args]]) -> list[int]:
        """Run write statements ``[(sql, args), …]`` in one transaction (all or none);
        returns the rows each changed. For writes that need no result in between, e.g. a
        turn's session, processed record and transcript: SQLite runs them in one hop to
        its connection's thread instead of one per statement, BEGIN and COMMIT."""
        async with self.transaction() as tx:
            return [await tx.execute(sql, args) for sql, args in statements]

    async def ensure_schema(self, ddl: str, *added: tuple[str, str, str]) -> None:
        """Run a feature's ``CREATE … IF NOT EXISTS`` script once per connection, then add
        the columns ``(table, column, type and default)`` a database made by an older
        version lacks."""
        if ddl not in self._schemas:
            await self._script(ddl)
            for table, column, column_ddl in added:
                await self.add_column(table, column, column_ddl)
            self._schemas.add(ddl)

    @abc.abstractmethod
    async def _script(self, ddl: str) -> None:
        """Run a DDL script (several ``;``-separated statements)."""

    @abc.abstractmethod
    async def tables(self) -> set[str]:
        """Names of the tables that exist."""

    @abc.abstractmethod
    async def columns(self, table: str) -> set[str]:
        """Column names of ``table`` (empty when it does not exist)."""

    async def add_column(self, table: str, column: str, ddl: str) -> None:
        """Add ``column`` (type and default in ``ddl``) to an older table lacking it."""
        if column not in await self.columns(table):
            await self.execute(f"ALTER TABLE {table} ADD COLUMN {column} {ddl}")

    @contextlib.asynccontextmanager
    async def session_lock(self, key: str) -> AsyncIterator[None]:
        """Hold the lock of session ``key`` (turns of one user never interleave)."""
        async with self._local[key]:
            yield

    @abc.abstractmethod
    async def checkpoint(self) -> None:
        """Make deleted data unrecoverable from the write-ahead log, where it applies."""


class _SqliteTx:
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self.conn = conn

    async def execute(self, sql: str, args: Args = ()) -> int:
        cur = await self.conn.execute(sql, tuple(args))
        return cur.rowcount or 0

    async def fetchone(self, sql: str, args: Args = ()) -> Row | None:
        rows = await self.fetchall(sql, args)
        return rows[0] if rows else None

    async def fetchall(self, sql: str, args: Args = ()) -> list[Row]:
        # one hop to aiosqlite's thread (execute, fetch and close there), not three
        return [tuple(r) for r in await self.conn.execute_fetchall(sql, tuple(args))]


class SqliteDatabase(Database):
    """One aiosqlite connection to a file (WAL, ``synchronous=NORMAL``, ``secure_delete``).

    Writers take one lock, so one writer's commit never takes in another's half-done
    statements on the shared connection; each write transaction begins IMMEDIATE and
    waits up to 5 s (``busy_timeout``) for another connection's. The file is created 0600.
    """

    dialect = "sqlite"

    def __init__(self, path: Path | str) -> None:
        """Args: path: SQLite file (shared with the notice store is fine)."""
        super().__init__()
        self.path = Path(path)
        self._conn: aiosqlite.Connection | None = None
        self._writing = asyncio.Lock()

    async def open(self) -> SqliteDatabase:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        private_file(self.path)
        self._schemas = set()
        self._conn = await aiosqlite.connect(self.path)
        # pragmas that return a row are read to the end: a statement left in progress
        # would make the next COMMIT on this connection fail
        await self._conn.execute_fetchall("PRAGMA journal_mode=WAL")
        await self._conn.execute("PRAGMA synchronous=NORMAL")
        await self._conn.execute_fetchall("PRAGMA busy_timeout=5000")
        await self._conn.execute_fetchall("PRAGMA secure_delete=ON")  # /forget leaves no old bytes
        return self

    async def close(self) -> None:
        if self._conn is not None:
            await self._conn.close()
            self._conn = None

    @property
    def conn(self) -> aiosqlite.Connection:
        if self._conn is None:
            raise RuntimeError("the state database is not open")
        return self._conn

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[Tx]:
        async with self._writing:
            # IMMEDIATE: the write lock is taken now, so another connection's commit
            # cannot invalidate this transaction's snapshot halfway (SQLITE_BUSY_SNAPSHOT)
            await self._begin()
            try:
                yield _SqliteTx(self.conn)
                await self.conn.commit()
            except BaseException:
                await self.conn.rollback()
                raise

    async def batch(self, statements: Sequence[tuple[str, Args]]) -> list[int]:
        work = [(sql, tuple(args)) for sql, args in statements]
        async with self._writing:
            # aiosqlite's own queue to its thread (what each of its methods uses): the
            # whole transaction is one hop instead of len(statements) + 2
            return await self.conn._execute(_run_batch, self.conn._conn, work)  # noqa: SLF001

    async def _begin(self, attempts: int = 100) -> None:
        """``BEGIN IMMEDIATE``, waiting out another connection's write (SQLite can report
        ``database is locked`` at once instead of using the busy timeout in WAL mode)."""
        for attempt in range(attempts):
            try:
                await self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == attempts - 1:
                    raise
                await asyncio.sleep(0.05)

    async def fetchall(self, sql: str, args: Args = ()) -> list[Row]:
        return await _SqliteTx(self.conn).fetchall(sql, args)

    async def fetchdicts(self, sql: str, args: Args = ()) -> list[dict[str, Any]]:
        cur = await self.conn.execute(sql, tuple(args))
        rows = await cur.fetchall()  # the cursor is finalised with its object, no third hop
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in rows]

    async def _script(self, ddl: str) -> None:
        async with self._writing:
            await self.conn.executescript(ddl)
            await self.conn.commit()

    async def tables(self) -> set[str]:
        rows = await self.fetchall("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {r[0] for r in rows}

    async def columns(self, table: str) -> set[str]:
        return {r[1] for r in await self.fetchall(f"PRAGMA table_info({table})")}

    async def checkpoint(self) -> None:
        async with self._writing:
            await self.conn.execute_fetchall("PRAGMA wal_checkpoint(TRUNCATE)")


def _run_batch(
    conn: sqlite3.Connection, work: list[tuple[str, tuple[Any, ...]]], attempts: int = 100
) -> list[int]:
    """:meth:`SqliteDatabase.batch` on the connection's thread: ``BEGIN IMMEDIATE``
    (waiting out another connection's write as :meth:`SqliteDatabase._begin` does), the
    statements, ``COMMIT``; rolled back when one fails."""
    for attempt in range(attempts):
        try:
            conn.execute("BEGIN IMMEDIATE")
            break
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.05)
    try:
        changed = [conn.execute(sql, args).rowcount or 0 for sql, args in work]
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    return [max(n, 0) for n in changed]


@functools.lru_cache(maxsize=512)
def to_psycopg(sql: str) -> str:
    """``?`` placeholders → ``%s`` (a literal ``%`` doubled), DDL types to PostgreSQL's."""
    sql = sql.replace("%", "%%").replace("?", "%s")
    return re.sub(r"INTEGER PRIMARY KEY AUTOINCREMENT", "BIGSERIAL PRIMARY KEY", sql)


class _PgTx:
    def __init__(self, conn: Any) -> None:
        self.conn = conn

    async def execute(self, sql: str, args: Args = ()) -> int:
        cur = await self.conn.execute(to_psycopg(sql), tuple(args))
        return max(cur.rowcount, 0)

    async def fetchone(self, sql: str, args: Args = ()) -> Row | None:
        cur = await self.conn.execute(to_psycopg(sql), tuple(args))
        row = await cur.fetchone()
        return tuple(row) if row is not None else None

    async def fetchall(self, sql: str, args: Args = ()) -> list[Row]:
        cur = await self.conn.execute(to_psycopg(sql), tuple(args))
        return [tuple(r) for r in await cur.fetchall()]


SCHEMA_LOCK = 0x706F6C6963790001
"""The advisory lock key DDL scripts (and the retention purge) hold on PostgreSQL."""
"""Advisory lock key taken while a schema script runs: workers starting together would
otherwise race on ``CREATE TABLE IF NOT EXISTS`` (a unique violation in pg_type)."""


class PostgresDatabase(Database):
    """A psycopg 3 connection pool to a PostgreSQL database, shared by worker processes.

    Turns of one session are serialised across processes by a session-level advisory
    lock (``pg_advisory_lock(hashtextextended(key, 0))``) held on a connection of a
    separate pool, so a waiting turn never takes a connection the writers need.

    Args:
        url: ``postgresql://user:password@host:port/dbname``.
        size: Connections for statements (per process).
        lock_size: Connections for held session locks (per process): bounds the turns
            of different users in progress at once.
    """

    dialect = "postgresql"

    def __init__(self, url: str, size: int = 6, lock_size: int = 16) -> None:
        super().__init__()
        self.url = url
        self.size, self.lock_size = size, lock_size
        self._pool: Any = None
        self._locks: Any = None

    async def open(self) -> PostgresDatabase:
        from psycopg_pool import AsyncConnectionPool  # imported only when PostgreSQL is used

        self._schemas = set()
        self._pool = AsyncConnectionPool(
            self.url, min_size=1, max_size=self.size, open=False, kwargs={"autocommit": True}
        )
        self._locks = AsyncConnectionPool(
            self.url, min_size=0, max_size=self.lock_size, open=False, kwargs={"autocommit": True}
        )
        await self._pool.open(wait=True, timeout=15)
        await self._locks.open()
        return self

    async def close(self) -> None:
        for pool in (self._locks, self._pool):
            if pool is not None:
                await pool.close()
        self._pool = self._locks = None

    @property
    def pool(self) -> Any:
        if self._pool is None:
            raise RuntimeError("the state database is not open")
        return self._pool

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[Tx]:
        async with self.pool.connection() as conn, conn.transaction():
            yield _PgTx(conn)

    async def fetchall(self, sql: str, args: Args = ()) -> list[Row]:
        async with self.pool.connection() as conn:
            return await _PgTx(conn).fetchall(sql, args)

    async def fetchdicts(self, sql: str, args: Args = ()) -> list[dict[str, Any]]:
        async with self.pool.connection() as conn:
            cur = await conn.execute(to_psycopg(sql), tuple(args))
            names = [d.name for d in cur.description]
            return [dict(zip(names, row, strict=True)) for row in await cur.fetchall()]

    async def _script(self, ddl: str) -> None:
        async with self.transaction() as tx:
            await tx.execute("SELECT pg_advisory_xact_lock(?)", (SCHEMA_LOCK,))
            for statement in filter(str.strip, ddl.split(";")):
                await tx.execute(statement)

    async def tables(self) -> set[str]:
        rows = await self.fetchall(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
        return {r[0] for r in rows}

    async def columns(self, table: str) -> set[str]:
        rows = await self.fetchall(
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND table_name = ?",
            (table,),
        )
        return {r[0] for r in rows}

    async def checkpoint(self) -> None:
        """Nothing to do: PostgreSQL recycles WAL segments itself (see README, privacy)."""

    @contextlib.asynccontextmanager
    async def session_lock(self, key: str) -> AsyncIterator[None]:
        async with self._local[key]:
            if self._locks is None:
                raise RuntimeError("the state database is not open")
            async with self._locks.connection() as conn:
                await conn.execute("SELECT pg_advisory_lock(hashtextextended(%s, 0))", (key,))
                try:
                    yield
                finally:
                    await conn.execute("SELECT pg_advisory_unlock(hashtextextended(%s, 0))", (key,))


def is_postgres_url(target: str) -> bool:
    """True for ``postgresql://…`` / ``postgres://…`` URLs."""
    return target.startswith(("postgresql://", "postgres://"))


def open_database(target: str | Path) -> Database:
    """A (not yet opened) database for a PostgreSQL URL or a SQLite file path."""
    if isinstance(target, str) and is_postgres_url(target):
        return PostgresDatabase(target)
    return SqliteDatabase(target)
