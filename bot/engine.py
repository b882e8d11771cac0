"""The dialog engine: one incoming message in, replies out; channel-agnostic.

Per turn: de-duplicate by (channel, message_id) → take the session's lock → load the
session → route (command, button, pending city choice, question) → save session,
processed-message record and transcript in one transaction. An exception in a turn is
logged with its stack and answered with a short apology; the saved session is untouched.
"""

from __future__ import annotations

import asyncio
import contextvars
import datetime as dt
import logging
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bot.filing_outputs import deadline_text, format_note, safe_filename, submit_to_text
from bot.logs import REQUEST_ID
from bot.messages import Choice, IncomingMessage, OutgoingFile, Reply, Source
from bot.routes import Route, Turn
from bot.storage import Session, StateStore
from flows.documents import ChecklistItem, ChecklistMeta, render_checklist_docx
from knowledge.base import KnowledgeBase
from knowledge.intents import Intent
from knowledge.qa import Answer, Answerer
from knowledge.text import normalize_question

log = logging.getLogger(__name__)
_ANSWERING = ThreadPoolExecutor(max_workers=1, thread_name_prefix="answering")
"""The thread free questions are answered on (the knowledge base is shared, read-only)."""

APOLOGY = "抱歉，系统出了点问题，您的资料没有丢失，请稍后再试。"
BUSY = "系统繁忙，请稍后再试。您的消息没有保存，稍后重新发送即可。"
MAX_TEXT = 2000
"""Longest message taken, in characters; a longer one is refused and not stored."""
TOO_LONG = "您的消息太长（{n}字），请精简到{limit}字以内，或分几次发送。这条消息没有保存。"
MAX_TEXT = 2000
GREETINGS = frozenset(
    {"你好", "您好", "hi", "hello", "在吗", "在不在", "哈喽", "嗨", "早上好", "下午好", "晚上好"}
)
THANKS = frozenset({"谢谢", "多谢", "感谢", "谢谢你", "谢谢您", "好的", "ok", "知道了", "明白了"})
HANDOFF_WORDS = ("转人工", "找人工", "人工客服", "人工服务", "找客服")
"""Words asking for a person (also used by the ticket route, :mod:`bot.handoff`)."""


def help_text(examples: list[str]) -> str:
    """The help message, its examples naming places the knowledge base holds."""
    asked = "".join(f"• {e}\n" for e in examples)
    return (
        "我是技能大师工作室申报政策助手，可以回答各地申报通知中的问题，并注明出处。\n"
        f"可以这样问：\n{asked}• 补助多少钱\n"
        "填报：发送“我要填报”逐项填写申报表，“我能申报吗”自查条件。\n"
        "命令：/cities 查看已收录的通知，/reset 重新开始，/forget 删除我的全部资料，/help 帮助。"
    )


class Engine:
    """Dialog engine shared by all channels (implements ``MessageHandler``)."""

    def __init__(
        self,
        kb: KnowledgeBase,
        store: StateStore,
        files_dir: Path,
        today: Callable[[], dt.date] = dt.date.today,
        routes: Sequence[Route] = (),
        staff_available: bool = False,
        max_inflight: int = 1024,
    ) -> None:
        """Args:
        kb: The knowledge base.
        store: Session storage (opened).
        files_dir: Where generated files (checklists) are written.
        today: Clock for deadline checks (injectable for tests and ``--today``).
        routes: Feature routes offered each turn before Q&A (see :mod:`bot.routes`).
        staff_available: Staff are configured to answer tickets: the handoff button
            reads 转人工; without staff it reads 联系工作人员 and shows the contacts.
        max_inflight: Turns taken on at once (waiting for their session or running);
            one more gets :data:`BUSY` and is not recorded, so a retry is served later.
        """
        self.kb = kb
        self.routes = list(routes)
        self.answerer = Answerer(kb)
        self.store = store
        self.files_dir = files_dir
        self.today = today
        self.handoff_label = "转人工" if staff_available else "联系工作人员"
        self.max_inflight = max_inflight
        self.inflight = 0

    def use_knowledge(self, kb: KnowledgeBase) -> None:
        """Answer from ``kb`` from the next turn on (notices ingested while running, see
        :mod:`bot.reload`); a turn in progress keeps the one it started with."""
        self.kb, self.answerer = kb, Answerer(kb)

    async def handle(self, message: IncomingMessage) -> list[Reply]:
        """Process one turn; idempotent per ``(channel, user, message_id)`` (two users'
        message ids may collide; a re-delivered message gets the stored replies).

        The session used is the canonical one of the sender's identity (identities
        linked across channels share one session). With :attr:`max_inflight` turns
        already taken on, the message is refused with :data:`BUSY` and not recorded."""
        if self.inflight >= self.max_inflight:  # back-pressure: nothing stored, a retry is served
            log.warning(
                "busy: %d turns in flight, %s message refused", self.inflight, message.channel
            )
            return [Reply(text=BUSY)]
        if len(message.text) > MAX_TEXT:  # a 300 KB paste: refused, never stored whole
            return [Reply(text=TOO_LONG.format(n=len(message.text), limit=MAX_TEXT))]
        self.inflight += 1
        token = REQUEST_ID.set(f"{message.session_key}/{message.message_id or '-'}")
        try:
            return await self._handle(message)
        finally:
            REQUEST_ID.reset(token)
            self.inflight -= 1

    async def _handle(self, message: IncomingMessage) -> list[Reply]:
        key = await self.store.canonical(message.session_key)
        mid = f"{message.user_id}/{message.message_id}" if message.message_id else ""
        async with self.store.lock(key):  # a retry waits for its first delivery's turn
            done, session = await self.store.begin_turn(key, message.channel, mid)
            if mid and done is not None:
                return [Reply.model_validate(r) for r in done]
            try:
                replies = await self._turn(message, session, key)
                offered = next((r.choices for r in reversed(replies) if r.choices), [])
                session.choices = {str(i): c.payload for i, c in enumerate(offered, 1)}
            except Exception:
                log.exception("turn failed for %s", message.channel)
                return [Reply(text=APOLOGY)]
            if any(r.unrecorded for r in replies):  # refused as a whole: nothing stored
                return replies
            transcript = [("user", message.text or f"[按钮] {message.payload}")]
            transcript += [("bot", r.text) for r in replies]
            await self.store.commit_turn(
                key,
                session,
                message.channel,
                mid,
                [r.model_dump(mode="json") for r in replies],
                transcript,
            )
            return replies

    async def _turn(self, message: IncomingMessage, session: Session, key: str) -> list[Reply]:
        text = (message.text or "").strip()
        payload = message.payload
        if not payload and text in session.choices:
            payload = session.choices[text]
        offered = len(session.choices)
        session.choices = {}
        if len(text) > MAX_TEXT:
            return [
                Reply(text=f"消息太长了（{len(text)}字），请把问题精简到{MAX_TEXT}字以内再发送。")
            ]
        turn = Turn(message, session, text, payload, self.today(), self, key)
        for route in self.routes:
            consumed = await route(turn)
            if consumed is not None:
                return consumed
        if payload:
            return self._button(payload, session)
        if text.startswith("/"):
            return self._command(text, session)
        if not text:
            return [Reply(text=f"请直接输入您的问题，例如：{self.answerer.examples()[0]}")]
        small_talk = normalize_question(text).strip("!！。.~～ ")
        if small_talk in GREETINGS:
            return [Reply(text="您好！" + help_text(self.answerer.examples()))]
        if small_talk in THANKS and not offered:
            return [Reply(text="不客气！还有其他问题可以随时问我。")]
        if text == "真人" or any(w in text for w in HANDOFF_WORDS):
            return [self.contacts_reply(session)]
        if session.pending_question:
            picked = self.answerer.select_notices(normalize_question(text))[0]
            if picked and len(normalize_question(text)) <= 8:
                question, session.pending_question = session.pending_question, ""
                return self.answer_question(question, session, forced=picked[0])
        session.pending_question = ""
        follow_up = (
            self.answerer.place_follow_up(text, session.last_question)
            or self.answerer.fact_follow_up(text, session.last_question)
            or self.answerer.context_follow_up(text, session.last_question, session.notice_id)
        ) or self.answerer.comparison_follow_up(
            text, session.last_question, session.data.get("recent", [])
        )
        # answering is CPU-bound: on its own thread, so the event loop keeps accepting and
        # acknowledging other users' messages meanwhile (one thread: answers never overlap)
        loop = asyncio.get_running_loop()
        context = contextvars.copy_context()  # the request id goes with it into the thread
        replies, answer = await loop.run_in_executor(
            _ANSWERING, context.run, self._answer, follow_up or text, session
        )
        if offered and answer.out_of_scope:  # a reply to the options that matches none
            return [
                Reply(
                    text=f"没看懂您的回复。请回复上面的选项编号（1–{offered}），或直接提出您的问题，"
                    f"例如：{self.answerer.examples()[0]}"
                )
            ]
        return replies

    def answer_question(
        self, question: str, session: Session, forced: str | None = None
    ) -> list[Reply]:
        """Answer a free question (also used by routes, e.g. a question mid-form).

        Args:
            question: The user's text.
            session: Updated with the notice the answer is about.
            forced: Answer about this notice id (a city the user picked).

        Returns:
            One reply (with a checklist file for a materials question).
        """
        return self._answer(question, session, forced)[0]

    def _answer(
        self, question: str, session: Session, forced: str | None = None
    ) -> tuple[list[Reply], Answer]:
        answer = self.answerer.answer(question, self.today(), current=forced or session.notice_id)
        if forced and not answer.notice_ids and not answer.out_of_scope:
            answer = self.answerer.answer(
                question + " " + self.kb.notices[forced].meta.place.short, self.today()
            )
        if answer.notice_ids:
            session.notice_id = answer.notice_ids[0]
        if answer.notice_ids and not answer.out_of_scope and (answer.intents or answer.citations):
            session.last_question = (
                question  # a verdict on the user's facts too: "那镇江呢" asks it again
            )
            recent = [n for n in session.data.get("recent", []) if n not in answer.notice_ids]
            session.data["recent"] = (answer.notice_ids + recent)[:3]
        reply = self._reply(answer)
        if answer.clarify and not answer.citations:
            session.pending_question = question
        replies = [reply]
        if Intent.CONDITIONS.value in answer.intents and answer.notice_ids and not answer.fallback:
            reply.text += "\n💡 发送“我能申报吗”，可按通知条件逐项自查。"
        if Intent.MATERIALS.value in answer.intents and answer.notice_ids and not answer.fallback:
            file = self._checklist_file(answer.notice_ids[0])
            if file:
                reply.files.append(file)
        return replies, answer

    def _reply(self, answer: Answer) -> Reply:
        choices: list[Choice] = []
        if answer.clarify:
            choices = [
                Choice(label=self.kb.notices[n].meta.place.name, payload=f"city:{n}")
                for n in answer.clarify
            ]
        elif answer.fallback and not answer.out_of_scope:
            choices = [Choice(label=self.handoff_label, payload="handoff")]
        sources = [
            Source(notice=c.notice, clause=c.clause, quote=c.quote) for c in answer.citations
        ]
        return Reply(text=answer.text, choices=choices, sources=sources, fallback=answer.fallback)

    def _button(self, payload: str, session: Session) -> list[Reply]:
        if payload.startswith("city:"):
            nid = payload[5:]
            if nid not in self.kb.notices:
                return [Reply(text="该通知已不存在，请发送 /cities 查看当前收录的通知。")]
            session.notice_id = nid
            question, session.pending_question = session.pending_question, ""
            if question:
                return self.answer_question(question, session, forced=nid)
            place = self.kb.notices[nid].meta.place.name
            return [Reply(text=f"已切换到{place}的通知，请问您想了解什么？")]
        if payload == "handoff":
            return [self.contacts_reply(session)]
        return [Reply(text="这个按钮已失效，请重新提问。")]

    def contacts_reply(self, session: Session) -> Reply:
        """The contacts of the current notice (or of all notices): the human channel."""
        lines = ["好的，以下是通知中的人工咨询渠道："]
        ids = [session.notice_id] if session.notice_id else list(self.kb.notices)
        for nid in ids:
            notice = self.kb.notices[nid]
            contacts = notice.facts.contacts
            if contacts:
                c = contacts[0]
                lines.append(
                    f"【{notice.meta.place.name}】"
                    + "；".join(
                        filter(
                            None,
                            [
                                "联系人：" + "、".join(c.persons) if c.persons else "",
                                "电话：" + "、".join(c.phones) if c.phones else "",
                                "邮箱：" + "、".join(c.emails) if c.emails else "",
                            ],
                        )
                    )
                )
            else:
                lines.append(
                    f"【{notice.meta.place.name}】通知未列联系人，请咨询"
                    + "、".join(notice.meta.issuers)
                )
        return Reply(text="\n".join(lines))

    def _command(self, text: str, session: Session) -> list[Reply]:
        cmd, _, arg = text.partition(" ")
        cmd = cmd.lower().split("@", 1)[0]
        if cmd in ("/start", "/help"):
            return [Reply(text=help_text(self.answerer.examples()))]
        if cmd == "/reset":
            session.notice_id, session.pending_question, session.flow = None, "", None
            session.last_question = ""
            return [Reply(text="已重新开始。请问您想了解哪个城市的申报政策？")]
        if cmd == "/cities":
            return [self._cities()]
        return [Reply(text=f"未知命令 {cmd}。发送 /help 查看可用命令。")]

    def _cities(self) -> Reply:
        today = self.today()
        lines = ["已收录的申报通知："]
        choices = []
        for nid, n in self.kb.notices.items():
            dl = next((d for d in n.facts.deadlines if d.applicant), None)
            if dl is None or dl.date is None:
                status = (
                    "截止日期未明确"
                    if dl is None or dl.status != "unspecified"
                    else "申报时间另行通知"
                )
            elif dl.date < today:
                status = f"已截止（{dl.date.isoformat()}）"
            else:
                status = f"申报中，{dl.date.isoformat()} 截止"
            number = f"，{n.meta.doc_number}" if n.meta.doc_number else ""
            lines.append(f"• {n.meta.place.name}（{n.meta.year}年{number}）：{status}")
            choices.append(Choice(label=n.meta.place.name, payload=f"city:{nid}"))
        return Reply(text="\n".join(lines), choices=choices)

    def _checklist_file(self, nid: str) -> OutgoingFile | None:
        """The notice's general materials checklist (all programmes) as a .docx."""
        notice = self.kb.notices[nid]
        if not notice.facts.materials:
            return None
        today = self.today()
        name = f"{safe_filename(notice.meta.place.name)}_申报材料清单.docx"
        # one file per notice version and day (its deadline line is relative to today),
        # written once through a temp file, so concurrent uploads never read half a file
        path = self.files_dir / "checklists" / f"{notice.sha256[:12]}_{today.isoformat()}_{name}"
        if not path.exists():
            fmt = format_note(notice)
            items = [
                ChecklistItem(
                    name=m.name + (f"（{m.programme}）" if m.programme else ""),
                    copies=m.copies,
                    format_note=fmt,
                    condition_note=f"仅{m.condition}的需要" if m.condition else "",
                )
                for m in notice.facts.materials
            ]
            meta = ChecklistMeta(
                title=f"{notice.meta.place.name}技能大师工作室申报材料清单",
                notice_label=notice.label,
                deadline_text=deadline_text(notice, today),
                submit_to_text=submit_to_text(notice),
            )
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            render_checklist_docx(items, meta, tmp)
            os.replace(tmp, path)
        return OutgoingFile(path=path, filename=name, caption="申报材料清单")
