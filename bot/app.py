"""Composition root: settings → stores → knowledge base → engine. No globals.

Usage::

    async with build_runtime(settings) as rt:
        replies = await rt.engine.handle(message)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from bot.engine import Engine
from bot.settings import Settings
from bot.storage import StateStore
from knowledge.base import KnowledgeBase, load_knowledge_base
from knowledge.store import NoticeStore


@dataclass
class Runtime:
    """Everything a command needs, wired together."""

    settings: Settings
    notices: NoticeStore
    state: StateStore
    kb: KnowledgeBase
    engine: Engine


def clock(settings: Settings) -> dt.date:
    """Today's date: ``settings.today`` when set (``--today``), else the real date."""
    return settings.today or dt.date.today()


@asynccontextmanager
async def build_runtime(settings: Settings) -> AsyncIterator[Runtime]:
    """Open the database, load the knowledge base (built-in notices included) and build
    the engine; close everything on exit."""
    notices = await NoticeStore(settings.db).open()
    state = await StateStore(settings.db).open()
    try:
        kb = await load_knowledge_base(notices)
        engine = Engine(kb, state, settings.files_dir, today=lambda: clock(settings))
        yield Runtime(settings, notices, state, kb, engine)
    finally:
        await state.close()
        await notices.close()
