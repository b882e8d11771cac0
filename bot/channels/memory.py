"""In-memory channel: one user's turns through :meth:`bot.engine.Engine.handle`, the
replies kept as :class:`~bot.messages.Reply` objects and as the console renders them.

Used by the dialog tests and the golden transcripts (``scripts/transcripts.py``)::

    chat = MemoryChannel(rt.engine, user_id="zhang")
    await chat.push("我要填报太仓")          # typed text → the replies of the turn
    await chat.press("仍要继续")             # a button of the last replies, by label
    chat.pop()                              # replies received since the last pop
    chat.transcript()                       # "> 我要填报太仓\\n<rendered replies>\\n\\n..."

A transcript shows a typed line as ``> text`` and a pressed button as ``> [label]``;
file paths are shown relative to the engine's files directory, so two runs on
different temporary directories render the same.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import TYPE_CHECKING

from bot.channels.console import render as console_render
from bot.messages import IncomingMessage, Reply

if TYPE_CHECKING:  # pragma: no cover
    from bot.engine import Engine
    from bot.flow_state import Flow
    from bot.storage import Session

CONTINUE_CLOSED = "file:closedok:"
"""Payload prefix of 仍要继续 (filing on a round that has closed)."""
CONSENT_YES = "file:consent:yes"
"""Payload of 同意 (personal numbers given online)."""


def render(reply: Reply, root: Path | None = None) -> str:
    """``reply`` as the console prints it; file paths relative to ``root`` when under it."""
    if root is not None and reply.files:
        files = [
            f.model_copy(update={"path": f.path.relative_to(root)})
            if f.path.is_relative_to(root)
            else f
            for f in reply.files
        ]
        reply = reply.model_copy(update={"files": files})
    return console_render(reply)


class MemoryChannel:
    """One user on an in-memory channel.

    Args:
        engine: The engine turns go to (its store gives the session back).
        user_id: The user's id within the channel.
        channel: The channel name the engine sees (``"test"``).
        display_name: The user's name as a channel would give it.
        continue_closed: Press 仍要继续 whenever a filing starts on a closed round (the
            turn's warning is kept in :attr:`seen` and the log, not returned).
        consent: Press 同意 whenever asked before the first personal number (the
            question is kept in :attr:`seen` and the log, not returned).
        id_prefix: Message ids are ``<id_prefix><n>``; by default ``<user>-<random>-``,
            unique per channel object (a new runtime on the same database never sees a
            message id again); ``""`` sends no ids, as the console does.

    Attributes:
        seen: Every reply received, in order (auto-pressed turns included).
        log: The transcript lines: ``> text`` / ``> [label]`` and rendered replies.
        n: Turns sent.
    """

    def __init__(
        self,
        engine: Engine,
        user_id: str = "zhang",
        channel: str = "test",
        display_name: str = "",
        continue_closed: bool = False,
        consent: bool = False,
        id_prefix: str | None = None,
    ) -> None:
        self.engine, self.user_id, self.channel = engine, user_id, channel
        self.display_name = display_name
        self.continue_closed, self.consent = continue_closed, consent
        self.seen: list[Reply] = []
        self.log: list[str] = []
        self.n = 0
        self.id_prefix = f"{user_id}-{secrets.token_hex(4)}-" if id_prefix is None else id_prefix
        self._popped = 0

    @property
    def key(self) -> str:
        """The identity's session key, ``"<channel>:<user_id>"``."""
        return f"{self.channel}:{self.user_id}"

    async def push(
        self, text: str = "", payload: str = "", message_id: str | None = None
    ) -> list[Reply]:
        """Send typed ``text`` or a button ``payload``; returns the turn's replies (after
        the automatic presses, see the class arguments)."""
        self.n += 1
        if message_id is None:
            message_id = f"{self.id_prefix}{self.n}" if self.id_prefix else ""
        self.log.append(f"> {text}" if text or not payload else f"> [{self._label(payload)}]")
        replies = await self.engine.handle(
            IncomingMessage(
                channel=self.channel,
                user_id=self.user_id,
                text=text,
                payload=payload,
                message_id=message_id,
                display_name=self.display_name,
            )
        )
        self.seen += replies
        root = self.engine.files_dir
        self.log += [render(r, root) for r in replies]
        self.log.append("")
        go_on = [
            c.payload for r in replies for c in r.choices if c.payload.startswith(CONTINUE_CLOSED)
        ]
        if self.continue_closed and go_on:
            return await self.push(payload=go_on[0])
        agree = [c.payload for r in replies for c in r.choices if c.payload == CONSENT_YES]
        if self.consent and agree:
            return replies[:-1] + await self.push(payload=agree[0])
        return replies

    async def press(self, label: str) -> list[Reply]:
        """Press the button labelled ``label`` of the last replies that offered buttons."""
        offered = next((r.choices for r in reversed(self.seen) if r.choices), [])
        payload = next((c.payload for c in offered if c.label == label), None)
        if payload is None:
            raise LookupError(f"no button {label!r} among {[c.label for c in offered]}")
        return await self.push(payload=payload)

    def pop(self) -> list[Reply]:
        """The replies received since the last ``pop`` (all of them the first time)."""
        out, self._popped = self.seen[self._popped :], len(self.seen)
        return out

    def transcript(self) -> str:
        """The conversation so far as text: turns separated by a blank line."""
        return "\n".join(self.log)

    async def session(self) -> Session:
        """The user's saved session (the canonical one when identities are linked)."""
        store = self.engine.store
        return await store.load(await store.canonical(self.key))

    async def flow(self) -> Flow | None:
        """The running filing step of the saved session, ``None`` when none."""
        return (await self.session()).flow

    def _label(self, payload: str) -> str:
        """The label of the button last offered with ``payload`` (else the payload)."""
        for reply in reversed(self.seen):
            for choice in reply.choices:
                if choice.payload == payload:
                    return choice.label
        return payload
