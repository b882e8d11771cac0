"""Render the engine's neutral :class:`~bot.messages.Reply` as Telegram messages.

Pure functions, no network: :func:`render_reply` turns one reply into the text messages
(HTML, ≤ 4096 characters each, inline keyboard on the last one) and the documents to
send. :mod:`bot.channels.telegram` does the sending.

Limits come from the Telegram Bot API (https://core.telegram.org/bots/api):
``sendMessage`` text 1-4096 characters after entity parsing, ``sendDocument`` caption
0-1024 characters, ``InlineKeyboardButton.callback_data`` 1-64 bytes. Telegram counts
characters in UTF-16 code units, so this module does too (an emoji outside the BMP
counts 2; Chinese characters count 1).
"""

from __future__ import annotations

import html
import unicodedata
from dataclasses import dataclass, field

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.channels import STAFF_PREFIX
from bot.messages import Choice, OutgoingFile, Reply

MAX_MESSAGE_CHARS = 4096
"""``sendMessage`` text limit, UTF-16 code units after HTML parsing."""
MAX_CAPTION_CHARS = 1024
"""``sendDocument`` caption limit, UTF-16 code units."""
MAX_CALLBACK_DATA_BYTES = 64
"""``callback_data`` limit, bytes UTF-8."""
SHORT_LABEL_WIDTH = 12
"""Labels at most this wide (CJK characters count 2) are laid out two per row."""

CHOOSE_PROMPT = "请选择："
"""Text sent with a keyboard when the reply has choices but no text (Telegram needs text)."""


@dataclass(frozen=True)
class TextMessage:
    """One ``sendMessage`` call.

    Attributes:
        html: Message text in Telegram HTML, already escaped.
        keyboard: Inline keyboard, only on the last message of a reply.
    """

    html: str
    keyboard: InlineKeyboardMarkup | None = None


@dataclass(frozen=True)
class RenderedReply:
    """Everything one :class:`Reply` becomes, in sending order (texts, then documents).

    Attributes:
        messages: Text messages; empty when the reply has neither text nor choices.
        documents: Files to send with ``sendDocument``, captions already truncated.
    """

    messages: list[TextMessage] = field(default_factory=list)
    documents: list[OutgoingFile] = field(default_factory=list)


def render_reply(reply: Reply, *, limit: int = MAX_MESSAGE_CHARS) -> RenderedReply:
    """Render a reply: HTML text split to ``limit``, keyboard on the last chunk.

    ``reply.sources`` is not rendered: the engine already cites them in ``reply.text``.
    A staff reply is prefixed with ``【工作人员回复】``.

    Args:
        reply: The engine's reply.
        limit: Maximum length of one message in UTF-16 code units after escaping.

    Returns:
        The messages and documents to send.

    Raises:
        ValueError: a choice's payload is empty or longer than 64 bytes UTF-8 (an engine
            bug: payloads are produced by the engine, never by users).
    """
    keyboard = build_keyboard(reply.choices)
    text = reply.text.strip()
    if reply.from_staff:
        text = f"{STAFF_PREFIX}\n{text}" if text else STAFF_PREFIX
    if not text and keyboard is not None:
        text = CHOOSE_PROMPT
    chunks = [html.escape(chunk, quote=False) for chunk in split_text(text, limit)]
    messages = [TextMessage(chunk) for chunk in chunks]
    if messages and keyboard is not None:
        messages[-1] = TextMessage(messages[-1].html, keyboard)
    documents = [
        f.model_copy(update={"caption": truncate(f.caption, MAX_CAPTION_CHARS)})
        for f in reply.files
    ]
    return RenderedReply(messages, documents)


def build_keyboard(choices: list[Choice]) -> InlineKeyboardMarkup | None:
    """Lay choices out as an inline keyboard.

    One button per row; two per row when every label is short (display width
    ≤ :data:`SHORT_LABEL_WIDTH`, CJK characters counting 2), e.g. ``是`` / ``否``.

    Args:
        choices: Buttons in order; ``Choice.payload`` becomes ``callback_data``.

    Returns:
        The keyboard, or ``None`` when there are no choices.

    Raises:
        ValueError: a payload is empty or longer than 64 bytes UTF-8.
    """
    if not choices:
        return None
    buttons = [
        InlineKeyboardButton(c.label, callback_data=check_callback_data(c.payload)) for c in choices
    ]
    per_row = 2 if all(display_width(c.label) <= SHORT_LABEL_WIDTH for c in choices) else 1
    rows = [buttons[i : i + per_row] for i in range(0, len(buttons), per_row)]
    return InlineKeyboardMarkup(rows)


def check_callback_data(payload: str) -> str:
    """Return ``payload`` unchanged if it fits Telegram's ``callback_data`` (1-64 bytes).

    Args:
        payload: A ``Choice.payload`` from the engine.

    Raises:
        ValueError: empty, or longer than 64 bytes UTF-8. Truncating would make the
            button send a payload the engine never issued, so this is an engine bug.
    """
    size = len(payload.encode("utf-8"))
    if size == 0 or size > MAX_CALLBACK_DATA_BYTES:
        raise ValueError(
            f"Choice payload must be 1-{MAX_CALLBACK_DATA_BYTES} bytes UTF-8 for Telegram "
            f"callback_data, got {size} bytes: {payload[:80]!r}"
        )
    return payload


def split_text(text: str, limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """Split plain text so each chunk, once HTML-escaped, is at most ``limit`` long.

    Splits at the last paragraph break (``"\\n\\n"``) in the second half of the window,
    else at the last line break there, else hard at the limit. The text is split
    *before* escaping, so an entity such as ``&amp;`` is never cut; line breaks at a
    split point are dropped.

    Args:
        text: Plain (unescaped) text.
        limit: Maximum escaped length of a chunk in UTF-16 code units; at least 5 so
            the longest entity (``&amp;``) fits.

    Returns:
        Non-empty chunks in order; ``[]`` for blank text.

    Raises:
        ValueError: ``limit`` below 5.
    """
    if limit < len("&amp;"):
        raise ValueError(f"limit must be at least 5, got {limit}")
    chunks: list[str] = []
    rest = text.strip("\n")
    while rest:
        cut = _fit(rest, limit)
        if cut == len(rest):
            chunks.append(rest)
            break
        window = rest[:cut]
        end, skip = cut, cut
        for sep in ("\n\n", "\n"):
            i = window.rfind(sep)
            if i >= cut // 2 and i > 0:
                end, skip = i, i + len(sep)
                break
        chunks.append(window[:end].rstrip("\n"))
        rest = rest[skip:].lstrip("\n")
    return chunks


def truncate(text: str, limit: int) -> str:
    """Shorten ``text`` to ``limit`` UTF-16 code units, ending with ``…`` if cut."""
    if _utf16_len(text) <= limit:
        return text
    out, used = [], 1
    for ch in text:
        used += _utf16_len(ch)
        if used > limit:
            break
        out.append(ch)
    return "".join(out) + "…"


def display_width(label: str) -> int:
    """Approximate on-screen width: wide/fullwidth (CJK) characters 2, others 1."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in label)


def _fit(text: str, limit: int) -> int:
    """Length of the longest prefix of ``text`` whose escaped UTF-16 length ≤ ``limit``."""
    used = 0
    for i, ch in enumerate(text):
        used += _escaped_len(ch)
        if used > limit:
            return i
    return len(text)


def _escaped_len(ch: str) -> int:
    return len(html.escape(ch, quote=False)) if ch in "&<>" else _utf16_len(ch)


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
