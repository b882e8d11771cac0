"""Composition root: settings → stores → knowledge base → engine. No globals.

Usage::

    async with build_runtime(settings) as rt:
        replies = await rt.engine.handle(message)
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from bot.delivery import Outbox
from bot.engine import Engine
from bot.features import build_staff_routes
from bot.filing import FilingRoute
from bot.privacy import ForgetRoute, apply_retention
from bot.reload import KnowledgeReloader
from bot.settings import Settings
from bot.storage import StateStore
from knowledge.base import KnowledgeBase, load_knowledge_base
from knowledge.store import NoticeStore

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    """Everything a command needs, wired together."""

    settings: Settings
    notices: NoticeStore
    state: StateStore
    kb: KnowledgeBase
    engine: Engine
    outbox: Outbox


def clock(settings: Settings) -> dt.date:
    """Today's date: ``settings.today`` when set (``--today``), else the real date."""
    return settings.today or dt.date.today()


@asynccontextmanager
async def build_runtime(settings: Settings) -> AsyncIterator[Runtime]:
    """Open the database, load the knowledge base (built-in notices included) and build
    the engine; close everything on exit."""
    notices = await NoticeStore(settings.db).open()
    state = await StateStore(settings.state_target).open()
    try:
        purged = await apply_retention(state, settings.files_dir, settings.retention_days)
        if purged:
            log.info(
                "retention: data of %d users silent for %d days deleted",
                purged,
                settings.retention_days,
            )
        kb = await load_knowledge_base(notices)
        outbox = Outbox(state)
        # limits, pending staff answers, /bind, staff commands, 转人工 → filing → FAQ → Q&A
        routes = [ForgetRoute(), *build_staff_routes(settings, outbox, before_faq=[FilingRoute()])]
        engine = Engine(
            kb,
            state,
            settings.files_dir,
            today=lambda: clock(settings),
            routes=routes,
            staff_available=bool(settings.staff_ids),
            max_inflight=settings.max_inflight,
        )
        reloader: asyncio.Task[None] | None = None
        if settings.kb_reload_seconds:
            watch = KnowledgeReloader(settings.db, engine, settings.kb_reload_seconds)
            await watch.start()
            reloader = asyncio.create_task(watch.run(), name="kb-reload")
        try:
            yield Runtime(settings, notices, state, kb, engine, outbox)
        finally:
            if reloader is not None:
                reloader.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await reloader
    finally:
        await state.close()
        await notices.close()
