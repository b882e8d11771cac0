"""Shared helpers for the staff-handoff tests: a runtime with the feature routes, a
recording Outbox sender, and a fake user on a channel."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from bot.app import Runtime, build_runtime
from bot.channels.memory import MemoryChannel
from bot.delivery import Outbox
from bot.features import build_staff_routes
from bot.filing import FilingRoute
from bot.messages import Reply
from bot.privacy import ForgetRoute
from bot.settings import load_settings

STAFF = "telegram:900"
UNANSWERABLE = "太仓工作室每年要考核吗"


class RecordingSender:
    """An Outbox sender that keeps ``(chat_id, replies)`` instead of sending."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, list[Reply]]] = []

    async def __call__(self, chat_id: str, replies: list[Reply]) -> None:
        self.sent.append((chat_id, replies))

    def to(self, chat_id: str) -> list[Reply]:
        """Everything sent to ``chat_id``, in order."""
        return [r for c, rs in self.sent if c == chat_id for r in rs]


class User(MemoryChannel):
    """One person on one channel, talking to the engine (the console sends no message
    ids)."""

    def __init__(self, rt: Runtime, channel: str, user_id: str, name: str = "") -> None:
        super().__init__(
            rt.engine,
            user_id=user_id,
            channel=channel,
            display_name=name,
            id_prefix="" if channel == "console" else f"{user_id}-",
        )
        self.rt, self.name = rt, name

    async def say(
        self, text: str = "", payload: str = "", message_id: str | None = None
    ) -> list[Reply]:
        """Type ``text`` or press ``payload`` (:meth:`MemoryChannel.push`)."""
        return await self.push(text, payload, message_id)

    async def one(self, text: str = "", payload: str = "") -> Reply:
        replies = await self.say(text, payload)
        assert len(replies) == 1, [r.text for r in replies]
        return replies[0]


@asynccontextmanager
async def staff_runtime(db: Path, **route_options: Any) -> AsyncIterator[tuple[Runtime, Outbox]]:
    """A runtime on ``db`` with staff ``telegram:900``; its routes rebuilt as the
    composition root builds them, with the test's clocks and options."""
    settings = load_settings({"POLICYBOT_STAFF_IDS": STAFF}, db=db, today=dt.date(2024, 6, 1))
    async with build_runtime(settings) as rt:
        rt.engine.routes[:] = [
            ForgetRoute(),
            *build_staff_routes(
                rt.settings, rt.outbox, before_faq=[FilingRoute()], **route_options
            ),
        ]
        yield rt, rt.outbox


class FakeClock:
    """A settable clock: ``monotonic()`` seconds and aware-UTC ``now()``."""

    def __init__(self) -> None:
        self.t = 1000.0
        self.start = dt.datetime(2024, 6, 1, 1, 0, tzinfo=dt.UTC)

    def monotonic(self) -> float:
        return self.t

    def now(self) -> dt.datetime:
        return self.start + dt.timedelta(seconds=self.t - 1000.0)

    def advance(self, seconds: float) -> None:
        self.t += seconds


Clock = Callable[[], float]
