"""Extension routes: how features (guided filing, staff handoff) plug into the engine.

A route is an async callable ``route(turn) -> list[Reply] | None``. The engine offers
every turn to its routes in order before its own Q&A handling; the first route that
returns a list of replies consumes the turn (``None`` passes it on). Routes change
``turn.session`` in place; the engine saves it with the turn, or not at all when the
turn raises.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from bot.messages import IncomingMessage, Reply
from bot.storage import Session

if TYPE_CHECKING:  # pragma: no cover
    from bot.engine import Engine


@dataclass
class Turn:
    """One user turn as routes see it.

    Attributes:
        message: The incoming message.
        session: The user's session (mutable; saved after the turn).
        text: The message text, stripped.
        payload: Button payload, or the payload of a numbered option the user typed.
        today: Today's date (``--today`` aware).
        engine: The engine, for shared services (``answer_question``, ``kb``, ``store``).
        key: The canonical session key (linked identities share it).
    """

    message: IncomingMessage
    session: Session
    text: str
    payload: str
    today: dt.date
    engine: Engine
    key: str


class Route(Protocol):
    """A feature that may consume a turn."""

    async def __call__(self, turn: Turn) -> list[Reply] | None:
        """Return replies to consume the turn, or ``None`` to pass it on."""
        ...
