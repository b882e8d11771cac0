"""Translate between WeCom and the neutral message models; byte-safe text splitting.

WeCom text and markdown messages are limited to 2,048 bytes UTF-8 and have no buttons:
choices are rendered as numbered lines, and long texts are split at paragraph, line or
sentence boundaries.
"""

from __future__ import annotations

from bot.channels import STAFF_PREFIX
from bot.channels.wecom.messages import InboundMessage
from bot.messages import IncomingMessage, Reply

TEXT_LIMIT_BYTES = 2048
"""Longest text/markdown message WeCom delivers untruncated, in bytes UTF-8."""

_BOUNDARIES: tuple[tuple[str, ...], ...] = (
    ("\n\n",),
    ("\n",),
    ("。", "！", "？", "；", "!", "?", ";"),
    ("，", "、", ",", " "),
)


def utf8_len(text: str) -> int:
    """Length of ``text`` in bytes UTF-8 (the unit of WeCom's limits)."""
    return len(text.encode("utf-8"))


def split_text(text: str, limit: int = TEXT_LIMIT_BYTES) -> list[str]:
    """Split ``text`` into parts of at most ``limit`` bytes UTF-8.

    Cuts at the last paragraph break that fits, else the last line break, else after
    the last sentence or clause mark, else at a character boundary (never inside a
    multi-byte character). Whitespace at the cut is dropped.

    Args:
        text: Any text.
        limit: Maximum part size in bytes (≥ 4, so one character always fits).

    Returns:
        Non-empty parts in order; ``[]`` for blank text.
    """
    parts: list[str] = []
    rest = text.strip()
    while utf8_len(rest) > limit:
        head = rest.encode("utf-8")[:limit].decode("utf-8", errors="ignore")
        cut = _last_boundary(head) or len(head)
        part, rest = head[:cut].rstrip(), rest[cut:].lstrip()
        if part:
            parts.append(part)
    if rest:
        parts.append(rest)
    return parts


def _last_boundary(head: str) -> int:
    """Index just after the best separator in ``head``, or 0 when there is none."""
    for group in _BOUNDARIES:
        ends = [i + len(sep) for sep in group if (i := head.rfind(sep)) > 0]
        if ends:
            return max(ends)
    return 0


def render_text(reply: Reply) -> str:
    """Render a neutral reply as WeCom plain text.

    WeCom text messages have no buttons, so choices become numbered lines under the
    text; the engine accepts the number or the label as the answer. A staff answer is
    headed ``【工作人员回复】`` whether it goes back passively or is pushed.

    Returns:
        E.g. ``"请选择：\\n1. 是\\n2. 否"``; ``""`` when there is neither text nor choices.
    """
    lines = [STAFF_PREFIX] if reply.from_staff else []
    lines += [reply.text.rstrip()] if reply.text.strip() else []
    lines += [f"{i}. {choice.label}" for i, choice in enumerate(reply.choices, start=1)]
    return "\n".join(lines)


START_TEXT = "/start"
"""Text the engine receives when a member opens the app (``enter_agent`` event)."""


def to_incoming(msg: InboundMessage) -> IncomingMessage | None:
    """Map a WeCom message to the engine's model; ``None`` for what the bot ignores.

    Text → ``text``; ``enter_agent`` → ``text="/start"``; menu ``click`` →
    ``payload=EventKey``. Events have no ``MsgId``; their id is
    ``"{FromUserName}:{CreateTime}:{Event}"``.
    """
    user = msg.from_user_name
    text, payload = "", ""
    if msg.msg_type == "text":
        text = msg.content
    elif msg.msg_type == "event" and msg.event == "enter_agent":
        text = START_TEXT
    elif msg.msg_type == "event" and msg.event == "click":
        payload = msg.event_key
    else:
        return None
    message_id = msg.msg_id or f"{user}:{msg.create_time}:{msg.event}"
    return IncomingMessage(
        channel="wecom",
        user_id=user,
        chat_id=user,
        text=text,
        payload=payload,
        message_id=message_id,
    )
