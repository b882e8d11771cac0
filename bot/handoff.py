"""User side of the staff handoff: 转人工 → a ticket → staff notified → answer relayed.

A user presses the "转人工" button the engine offers with a fallback answer (payload
``handoff``; forms use ``/handoff``) or types 转人工 / 找人工 / 人工客服. The route
opens a ticket with the user's last question (from the transcript, or text typed after
转人工), the recent transcript and a summary of the user's form state, notifies every
staff member or staff group chat in ``POLICYBOT_STAFF_IDS`` through the
:class:`~bot.delivery.Outbox`, and tells the user. A message
processed twice never opens two tickets (the ticket's origin is the message id).
Without configured staff the route steps aside and the engine lists the contacts.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Sequence
from typing import Any

from bot.delivery import Outbox
from bot.engine import HANDOFF_WORDS
from bot.flow_state import FormFlow
from bot.messages import Reply
from bot.redact import redact
from bot.routes import Route, Turn
from bot.storage import Session
from bot.tickets import NOTIFY_MARK, Ticket, TicketStore
from knowledge.base import KnowledgeBase
from knowledge.text import shorten

log = logging.getLogger(__name__)

TRIGGERS = HANDOFF_WORDS
PAYLOADS = frozenset({"handoff", "/handoff"})
_FILLER = re.compile(r"[\s，。,.!！?？:：、~～]|我要|我想|帮我|请|麻烦|一下|谢谢|你好|您好")
WAITING = "handoff_waiting"
"""``session.data`` flag: the next text is the question for a new ticket."""

ASK = "好的，请用一句话描述您的问题，我会转给工作人员。"
PASSED = (
    "已将您的问题转给工作人员（工单 #{id}）：\n“{question}”\n"
    "工作人员答复后会在这里通知您，请留意消息。"
)
ALREADY = "您的问题已转给工作人员（工单 #{id}），请耐心等待，答复会发到这里。"
ANSWERED = "关于您的问题（工单 #{id}）“{question}”，工作人员答复如下：\n{answer}"


def wants_human(turn: Turn) -> bool:
    """True for the handoff button, ``/handoff`` or a text asking for a person."""
    if turn.payload:
        return turn.payload in PAYLOADS
    text = turn.text
    return text.lower() == "/handoff" or text == "真人" or any(w in text for w in TRIGGERS)


def _typed_question(text: str) -> str:
    """The question typed together with 转人工 (``"转人工：太仓要考核吗"``), else ""."""
    rest = text
    for word in TRIGGERS:
        rest = rest.replace(word, " ")
    core = _FILLER.sub("", rest)
    return rest.strip(" ：:，,。") if len(core) >= 5 else ""


def last_question(history: Sequence[tuple[str, str]]) -> str:
    """The user's last real question in a transcript (commands, buttons, numbers and
    handoff requests skipped), or ""."""
    for role, text in reversed(history):
        text = text.strip()
        if role != "user" or not text or text.startswith(("/", "[按钮]")) or text.isdigit():
            continue
        if any(w in text for w in TRIGGERS):
            typed = _typed_question(text)
            if typed:
                return typed
            continue
        if len(_FILLER.sub("", text)) >= 2:
            return text
    return ""


def draft_summary(session: Session, kb: KnowledgeBase) -> str:
    """One line on what the user is filing: the running form and saved drafts, or ""."""
    parts = []
    flow = session.flow
    if flow is not None:
        state = flow.state if isinstance(flow, FormFlow) else None
        spec = getattr(flow, "spec_id", "") or flow.kind
        values: dict[str, Any] = state.values if state else {}
        filled = sum(1 for v in values.values() if v not in (None, "", []))
        phase = state.phase.value if state else ""
        current = state.current if state else getattr(flow, "current", "")
        parts.append(
            f"正在填写 {spec}（{phase or '进行中'}，已填{filled}项"
            + (f"，当前问题：{current}" if current else "")
            + "）"
        )
    if session.drafts:
        names = [kb.notices[n].meta.place.name if n in kb.notices else n for n in session.drafts]
        parts.append("已保存草稿：" + "、".join(names))
    return "；".join(parts)


def notification(ticket: Ticket, kb: KnowledgeBase) -> str:
    """The staff notification text; it carries :data:`~bot.tickets.NOTIFY_MARK` so a reply
    to it answers the ticket."""
    who = ticket.display_name or ticket.user_id
    lines = [f"🔔 {NOTIFY_MARK}{ticket.id}", f"用户：{who}（{ticket.channel}）"]
    notice = kb.notices.get(ticket.notice_id or "")
    if notice is not None:
        lines.append(f"关于：{notice.label}")
    lines.append(f"问题：{redact(ticket.question)}")
    if ticket.draft:
        lines.append(f"填写进度：{redact(ticket.draft)}")
    if ticket.transcript:
        lines.append("最近对话：")
        lines += [
            f"  {'用户' if role == 'user' else '助手'}：{shorten(redact(text).replace(chr(10), ' '), 80)}"
            for role, text in ticket.transcript[-6:]
        ]
    lines.append(f"直接回复本消息即可答复用户，或发送：/reply {ticket.id} 答复内容")
    return "\n".join(lines)


def staff_identities(staff_ids: Sequence[str]) -> list[tuple[str, str]]:
    """``["telegram:900"]`` → ``[("telegram", "900")]`` (malformed entries skipped)."""
    pairs = [tuple(s.split(":", 1)) for s in staff_ids if ":" in s]
    return [(c, u) for c, u in pairs if c and u]


def handoff_route(tickets: TicketStore, outbox: Outbox, staff_ids: Sequence[str]) -> Route:
    """The user-side handoff route (see the module docstring)."""
    staff = staff_identities(staff_ids)

    async def open_ticket(turn: Turn, question: str) -> list[Reply]:
        message, session, kb = turn.message, turn.session, turn.engine.kb
        current = await tickets.open_for(turn.key)
        if current is not None and current.question == question:
            return [Reply(text=ALREADY.format(id=current.id))]
        origin = (
            f"{message.channel}:{message.message_id}"
            if message.message_id
            else f"{turn.key}:{uuid.uuid4().hex}"
        )
        ticket, created = await tickets.create(
            origin=origin,
            session_key=turn.key,
            channel=message.channel,
            user_id=message.user_id,
            chat_id=message.chat_id or message.user_id,
            display_name=message.display_name,
            question=question,
            transcript=await turn.engine.store.history(turn.key, 10),
            draft=draft_summary(session, kb),
            notice_id=session.notice_id,
        )
        if created:
            log.info("ticket #%d opened from %s", ticket.id, message.channel)
            text = notification(ticket, kb)
            for channel, user in staff:
                await outbox.deliver(channel, user, user, [Reply(text=text)], about=turn.key)
        return [Reply(text=PASSED.format(id=ticket.id, question=shorten(redact(question), 100)))]

    async def route(turn: Turn) -> list[Reply] | None:
        if not staff:
            return None
        session = turn.session
        if (
            session.data.pop(WAITING, False)
            and turn.text
            and not turn.payload
            and not turn.text.startswith("/")
            and not wants_human(turn)
        ):
            return await open_ticket(turn, turn.text)
        if not wants_human(turn):
            return None
        question = _typed_question(turn.text) if not turn.payload else ""
        question = question or last_question(await turn.engine.store.history(turn.key, 20))
        if not question:
            session.data[WAITING] = True
            return [Reply(text=ASK)]
        return await open_ticket(turn, question)

    return route


def answer_reply(ticket: Ticket) -> Reply:
    """What the user receives when staff answers their ticket (marked from staff)."""
    return Reply(
        text=ANSWERED.format(
            id=ticket.id, question=shorten(ticket.question, 60), answer=ticket.answer
        ),
        from_staff=True,
    )
