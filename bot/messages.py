"""Neutral message models shared by the engine and every channel.

A channel turns its messenger's payload into an :class:`IncomingMessage`, hands it to
:meth:`bot.engine.Engine.handle`, and renders each returned :class:`Reply`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from pydantic import BaseModel, Field, field_validator


class IncomingMessage(BaseModel):
    """One user turn as the engine sees it.

    Attributes:
        channel: ``"console"``, ``"telegram"``, ``"wecom"``, ``"test"``.
        user_id: The user's id within the channel (Telegram user id, WeCom UserID).
        chat_id: Where replies go (Telegram chat id); defaults to ``user_id``.
        text: What the user typed; empty for a button press.
        payload: The ``Choice.payload`` of a pressed button, empty for typed text.
        message_id: The channel's message id, used for de-duplication; may be empty.
        display_name: User's name as shown by the channel, for staff views.
    """

    channel: str
    user_id: str
    chat_id: str = ""
    text: str = ""
    payload: str = ""
    message_id: str = ""
    display_name: str = ""

    @field_validator(
        "channel", "user_id", "chat_id", "text", "payload", "message_id", "display_name"
    )
    @classmethod
    def _valid_unicode(cls, value: str) -> str:
        """Lone surrogates (a JSON ``"\\ud800"`` from a messenger) become ``?``, so every
        field can be stored and sent again."""
        return value if value.isascii() else value.encode("utf-8", "replace").decode("utf-8")

    @property
    def session_key(self) -> str:
        """Key of the per-channel identity: ``"telegram:12345"``."""
        return f"{self.channel}:{self.user_id}"


class Choice(BaseModel):
    """A button (Telegram inline keyboard) or numbered option (console, WeCom).

    Attributes:
        label: Text shown to the user (Chinese).
        payload: Sent back when chosen; at most 64 bytes UTF-8 (Telegram callback_data).
    """

    label: str
    payload: str


class OutgoingFile(BaseModel):
    """A document to send.

    Attributes:
        path: File on disk.
        filename: Name shown to the user, e.g. ``"太仓市申报材料清单.docx"``.
        caption: Optional short caption.
    """

    path: Path
    filename: str
    caption: str = ""


class Source(BaseModel):
    """A citation: the notice and the clause an answer relies on.

    Attributes:
        notice: Notice label (place + title/文号).
        clause: Clause reference, e.g. ``"四、（一）"``.
        quote: The quoted clause text (≤ 200 characters).
    """

    notice: str
    clause: str
    quote: str


class Reply(BaseModel):
    """One outgoing message.

    Attributes:
        text: Plain text (Chinese). Channels may add formatting.
        choices: Buttons/options offered with this message.
        files: Documents attached.
        sources: Citations the text relies on (also rendered into ``text``).
        fallback: True when the knowledge base did not answer the question.
        from_staff: True when the text was written by a staff member.
        unrecorded: The turn is refused as a whole (rate-limited): the engine stores
            nothing of it, neither the message nor the session.
    """

    text: str
    choices: list[Choice] = Field(default_factory=list)
    files: list[OutgoingFile] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    fallback: bool = False
    from_staff: bool = False
    unrecorded: bool = False


class MessageHandler(Protocol):
    """What a channel needs from the engine: one turn in, replies out.

    :class:`bot.engine.Engine` implements it; channel tests may pass a fake.
    """

    async def handle(self, message: IncomingMessage) -> list[Reply]:
        """Process one user turn and return the replies to send, in order."""
        ...
