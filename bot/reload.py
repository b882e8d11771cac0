"""Notices ingested while a server runs are picked up without a restart.

Staff run ``policybot ingest`` against the same database file the running server reads
its notices from. :class:`KnowledgeReloader` looks every ``interval`` seconds at the
stored notices' ids and content hashes (one small query on its own connection); when
they changed it builds the new knowledge base on a thread (its own event loop and store
connection, so answering goes on meanwhile) and swaps it into the engine in one
assignment: a turn sees either the old knowledge base or the new one, never a mix.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from pathlib import Path
from typing import Protocol

from knowledge.base import KnowledgeBase, load_knowledge_base, snapshot_key
from knowledge.store import NoticeStore

log = logging.getLogger(__name__)


class UsesKnowledge(Protocol):
    """What the reloader swaps a knowledge base into (the engine)."""

    kb: KnowledgeBase

    def use_knowledge(self, kb: KnowledgeBase) -> None: ...


def stored_key(path: Path) -> str:
    """The snapshot key (:func:`knowledge.base.snapshot_key`) of the notices stored in
    the SQLite file ``path`` now. Raises ``sqlite3.Error`` when it cannot be read."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    try:
        rows = conn.execute("SELECT id, sha256 FROM notices").fetchall()
    finally:
        conn.close()
    return snapshot_key({nid: digest for nid, digest in rows})


def _build(path: Path) -> KnowledgeBase:
    """Load the knowledge base of ``path`` on the calling thread (its own event loop)."""

    async def load() -> KnowledgeBase:
        async with NoticeStore(path) as store:
            return await load_knowledge_base(store)

    return asyncio.run(load())


class KnowledgeReloader:
    """Keeps ``target.kb`` in step with the notices stored in ``path``.

    Args:
        path: The notices' SQLite file (``POLICYBOT_DB``).
        target: The engine; :meth:`UsesKnowledge.use_knowledge` receives the new base.
        interval: Seconds between two looks at the store (``POLICYBOT_KB_RELOAD_SECONDS``).
    """

    def __init__(self, path: Path, target: UsesKnowledge, interval: float = 30.0) -> None:
        self.path = path
        self.target = target
        self.interval = interval
        self.key = ""

    async def start(self) -> None:
        """Remember what is loaded now (call right after the first load)."""
        self.key = await asyncio.to_thread(stored_key, self.path)

    async def check(self) -> bool:
        """Reload when the stored notices changed since the last look; True if swapped.

        A store that cannot be read, or a knowledge base that fails to build, is logged
        and the current knowledge base kept (the next look tries again)."""
        try:
            key = await asyncio.to_thread(stored_key, self.path)
            if key == self.key:
                return False
            kb = await asyncio.to_thread(_build, self.path)
        except Exception:  # noqa: BLE001 - a bad reload never stops the server
            log.exception("knowledge base not reloaded from %s", self.path)
            return False
        before = len(self.target.kb.notices)
        self.target.use_knowledge(kb)
        self.key = key
        log.info("knowledge base reloaded: %d notices (was %d)", len(kb.notices), before)
        return True

    async def run(self) -> None:
        """Look every :attr:`interval` seconds until cancelled."""
        while True:
            await asyncio.sleep(self.interval)
            await self.check()
