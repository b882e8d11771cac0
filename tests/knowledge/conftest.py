"""Shared fixtures for the knowledge-base tests.

The knowledge base is expensive to build (parsing five notices, jieba, BM25), so it is
built once per test session: a temporary :class:`NoticeStore`, the fictional 青川 notice
ingested as a user upload, then :func:`load_knowledge_base` adds the built-in notices.
The async build runs under ``asyncio.run`` inside a sync fixture, so the session
fixture does not depend on pytest-asyncio's loop scope.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from knowledge.base import IngestResult, KnowledgeBase, ingest_files, load_knowledge_base
from knowledge.qa import Answerer
from knowledge.store import NoticeStore

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
QINGCHUAN = DATA / "notices" / "qingchuan_2025.txt"
QUESTIONS = DATA / "questions.jsonl"

# The date the question set was written against (before every built-in deadline).
TODAY = dt.date(2024, 6, 1)


@pytest.fixture(scope="session")
def qingchuan_path() -> Path:
    """The fictional 青川 notice: never seen by the parser's authors."""
    return QINGCHUAN


@pytest.fixture(scope="session")
def qingchuan_text() -> str:
    """Plain text of the 青川 notice."""
    return QINGCHUAN.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def kb_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[KnowledgeBase, list[IngestResult]]:
    """``(knowledge base, ingest results of the 青川 upload)``, built once."""
    db = tmp_path_factory.mktemp("kb") / "kb.db"

    async def build() -> tuple[KnowledgeBase, list[IngestResult]]:
        async with NoticeStore(db) as store:
            results = await ingest_files(store, [QINGCHUAN])
            return await load_knowledge_base(store), results

    return asyncio.run(build())


@pytest.fixture(scope="session")
def kb(kb_build: tuple[KnowledgeBase, list[IngestResult]]) -> KnowledgeBase:
    """The knowledge base: the five built-in notices plus 青川."""
    return kb_build[0]


@pytest.fixture(scope="session")
def answerer(kb: KnowledgeBase) -> Answerer:
    """An answerer over the session knowledge base (stateless, safe to share)."""
    return Answerer(kb)


@pytest.fixture(scope="session")
def notice_of(kb: KnowledgeBase) -> dict[str, str]:
    """``{place short name: notice id}``: ``"太仓"`` → ``"000_…"``, ``"青川"`` → ``"qingchuan_2025"``."""
    return {n.meta.place.short: nid for nid, n in kb.notices.items()}


@pytest.fixture
def store_path(tmp_path: Path) -> Iterator[Path]:
    """A fresh SQLite path for a test's own store."""
    yield tmp_path / "store.db"
