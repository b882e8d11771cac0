"""Stored notices are parsed again when the parser changes (not only when a file does)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from knowledge.base import ingest_files, load_knowledge_base, parser_fingerprint
from knowledge.models import Facts
from knowledge.store import NoticeStore

QINGCHUAN = Path(__file__).resolve().parents[1] / "data" / "notices" / "qingchuan_2025.txt"
TAICANG = "000_2e12cdb3a8cadbd3"


def test_a_new_parser_reparses_stored_notices(tmp_path: Path):
    async def scenario() -> tuple[int, int, int, int, str | None]:
        async with NoticeStore(tmp_path / "kb.db") as store:
            await ingest_files(store, [QINGCHUAN])
            await load_knowledge_base(store)
            # what an older parser left behind: same source text, fewer facts
            for notice in await store.all():
                if notice.id in (TAICANG, "qingchuan_2025"):
                    await store.upsert(notice.model_copy(update={"facts": Facts()}), force=True)
            stale = {n.id: len(n.facts.deadlines) for n in await store.all()}
            kept = await load_knowledge_base(store)  # same parser: nothing re-read
            # read now: a knowledge base reads full notices from the store when first
            # needed, so after the re-parse below it would see the new rows
            kept_deadlines = len(kept.notices[TAICANG].facts.deadlines)
            await store.set_meta("parser", "an older parser")
            fresh = await load_knowledge_base(store)
            return (
                stale[TAICANG],
                kept_deadlines,
                len(fresh.notices[TAICANG].facts.deadlines),
                len(fresh.notices["qingchuan_2025"].facts.deadlines),
                await store.get_meta("parser"),
            )

    stale, kept, taicang, qingchuan, version = asyncio.run(scenario())
    assert stale == kept == 0
    assert taicang >= 1 and qingchuan >= 1
    assert version == parser_fingerprint()
