"""Shared helpers for the staff-handoff tests: a runtime with the feature routes, a
recording Outbox sender, and a fake user on a channel."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from bot.app import Runtime, build_runtime
from bot.delivery import Outbox
from bot.features import build_staff_routes
from bot.filing import FilingRoute
from bot.messages import IncomingMessage, Reply
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


class User:
    """One person on one channel, talking to the engine."""

    def __init__(self, rt: Runtime, channel: str, user_id: str, name: str = "") -> None:
        self.rt, self.channel, self.user_id, self.name = rt, channel, user_id, name
        self.n = 0

    async def say(
        self, text: str = "", payload: str = "", message_id: str | None = None
    ) -> list[Reply]:
        self.n += 1
        mid = message_id if message_id is not None else f"{self.user_id}-{self.n}"
        if self.channel == "console" and message_id is None:
            mid = ""  # the console sends no message ids
        return await self.rt.engine.handle(
            IncomingMessage(
                channel=self.channel,
                user_id=self.user_id,
                text=text,
                payload=payload,
                message_id=mid,
                display_name=self.name,
            )
        )

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
