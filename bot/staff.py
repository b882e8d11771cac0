"""Staff commands: answer tickets, curate the FAQ, see statistics, export for the office.

Commands (only for identities in ``POLICYBOT_STAFF_IDS``, or anyone in a staff group
chat listed there, e.g. ``telegram:-1001234``; everyone else gets a polite refusal and
the attempt is logged without the text)::

    /tickets                 open tickets with their age
    /reply <id> <text>       answer a ticket: relayed to the user in their own channel,
                             marked as from staff; the ticket is closed. In Telegram a
                             reply to the notification message does the same.
    /faq <id> [问法1｜问法2]  save an answered ticket as an FAQ entry (extra phrasings
                             separated by ｜ | ； ; or new lines); /faq alone lists entries
    /unfaq <n>               remove FAQ entry n
    /stats                   question volume, fallback rate, top unanswered, tickets
    /export                  CSV of tickets, FAQ entries and unanswered questions
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Collection
from pathlib import Path

from bot.delivery import Outbox
from bot.faq import FaqMatcher
from bot.handoff import answer_reply
from bot.messages import OutgoingFile, Reply
from bot.metrics import cluster, compute_stats, format_age, format_stats, question_log, write_export
from bot.redact import redact
from bot.routes import Route, Turn
from bot.tickets import Status, TicketStore
from knowledge.base import KnowledgeBase
from knowledge.text import shorten

log = logging.getLogger(__name__)

COMMANDS = frozenset({"/tickets", "/reply", "/faq", "/unfaq", "/stats", "/export"})
REFUSAL = "抱歉，该命令仅供工作人员使用。如需人工帮助，请发送“转人工”。"
_COMMAND = re.compile(r"^(/[A-Za-z_]+)(?:@\S+)?(?:\s+(.*))?$", re.DOTALL)
_TICKET_ARG = re.compile(r"^#?(\d+)(?:\s+(.*))?$", re.DOTALL)
_VARIANT_SEP = re.compile(r"[｜|；;\n]+")

REPLY_USAGE = "用法：/reply 工单号 答复内容，例如：/reply 3 每年考核一次。"
FAQ_USAGE = "用法：/faq 工单号 [其他问法，用｜分隔]，例如：/faq 3 工作室要年审吗｜每年都考核吗"


class StaffCommands:
    """Handlers of the staff commands.

    Args:
        tickets: The ticket and FAQ store.
        outbox: Delivers answers to users.
        export_dir: Where CSV exports are written.
    """

    def __init__(self, tickets: TicketStore, outbox: Outbox, export_dir: Path) -> None:
        self.tickets, self.outbox, self.export_dir = tickets, outbox, export_dir

    async def run(self, command: str, arg: str, turn: Turn) -> list[Reply]:
        """Run one staff command and return the replies for the staff member."""
        kb = turn.engine.kb
        if command == "/tickets":
            return [await self.list_tickets()]
        if command == "/reply":
            return [await self.reply(arg, turn.message.session_key)]
        if command == "/faq":
            return [await self.save_faq(arg, turn.message.session_key, kb)]
        if command == "/unfaq":
            ok = arg.strip().lstrip("#").isdigit() and await self.tickets.delete_faq(
                int(arg.strip().lstrip("#"))
            )
            return [Reply(text="已删除该 FAQ。" if ok else "没有找到该 FAQ，用法：/unfaq 编号")]
        if command == "/stats":
            stats = await compute_stats(turn.engine.store, self.tickets, FaqMatcher(kb).similarity)
            return [Reply(text=format_stats(stats, self.tickets.now()))]
        return [await self.export(turn, kb)]

    async def list_tickets(self) -> Reply:
        """Open tickets, oldest first, with their age."""
        open_ = await self.tickets.find(Status.OPEN)
        if not open_:
            return Reply(text="目前没有待处理的工单。")
        now = self.tickets.now()
        lines = [f"待处理工单 {len(open_)} 张："]
        for t in open_:
            who = t.display_name or t.user_id
            lines.append(
                f"#{t.id} 已等待{format_age(now - t.created_at)} · {who}（{t.channel}）："
                f"{shorten(redact(t.question), 60)}"
            )
        lines.append("答复：/reply 工单号 答复内容")
        return Reply(text="\n".join(lines))

    async def reply(self, arg: str, staff: str) -> Reply:
        """Answer a ticket and relay the answer to its user."""
        match = _TICKET_ARG.match(arg.strip())
        if not match or not (match.group(2) or "").strip():
            return Reply(text=REPLY_USAGE)
        ticket_id, text = int(match.group(1)), match.group(2).strip()
        before = await self.tickets.get(ticket_id)
        if before is None:
            return Reply(text=f"没有找到工单 #{ticket_id}。发送 /tickets 查看待处理工单。")
        ticket = await self.tickets.answer(ticket_id, text, staff)
        sent = await self.outbox.deliver(
            ticket.channel, ticket.user_id, ticket.chat_id, [answer_reply(ticket)]
        )
        log.info("ticket #%d answered by staff", ticket_id)
        again = "（此工单此前已答复，本次为补充答复）" if before.status == Status.ANSWERED else ""
        how = "已发送给用户。" if sent else "用户下次发消息时会收到。"
        return Reply(
            text=f"工单 #{ticket_id} 已答复并关闭{again}，{how}\n"
            f"发送 /faq {ticket_id} 可保存为常见问题，以后自动答复。"
        )

    async def save_faq(self, arg: str, staff: str, kb: KnowledgeBase) -> Reply:
        """Save an answered ticket as an FAQ entry, or list the entries."""
        if not arg.strip():
            faqs = await self.tickets.faqs()
            if not faqs:
                return Reply(text="还没有 FAQ 条目。" + FAQ_USAGE)
            return Reply(
                text="\n".join(
                    ["FAQ 条目："]
                    + [
                        f"FAQ #{f.id}：{shorten('｜'.join(f.phrasings), 60)} → {shorten(f.answer, 40)}"
                        for f in faqs
                    ]
                )
            )
        match = _TICKET_ARG.match(arg.strip())
        if not match:
            return Reply(text=FAQ_USAGE)
        ticket = await self.tickets.get(int(match.group(1)))
        if ticket is None:
            return Reply(text=f"没有找到工单 #{match.group(1)}。")
        if ticket.status != Status.ANSWERED or not ticket.answer:
            return Reply(text=f"工单 #{ticket.id} 尚未答复，请先发送 /reply {ticket.id} 答复内容。")
        variants = [v.strip() for v in _VARIANT_SEP.split(match.group(2) or "") if v.strip()]
        entry = await self.tickets.save_faq(ticket, variants, staff)
        notice = kb.notices.get(entry.notice_id or "")
        ref = f"\n参考通知：{notice.label}" if notice else ""
        return Reply(
            text=f"已将工单 #{ticket.id} 保存为 FAQ #{entry.id}（{len(entry.phrasings)}种问法）。"
            f"以后相同或相近的问题将直接用此答复。{ref}"
        )

    async def export(self, turn: Turn, kb: KnowledgeBase) -> Reply:
        """Write the office CSV and attach it."""
        now = self.tickets.now()
        log_ = await question_log(turn.engine.store, now - dt.timedelta(days=90))
        unanswered = cluster([q for _, q, miss in log_ if miss], FaqMatcher(kb).similarity)

        def label(nid: str | None) -> str:
            notice = kb.notices.get(nid or "")
            return notice.label if notice else ""

        name = f"policybot_export_{now.strftime('%Y%m%d_%H%M%S')}.csv"
        path = write_export(
            self.export_dir / name,
            await self.tickets.find(),
            await self.tickets.faqs(),
            unanswered[:100],
            label,
        )
        return Reply(
            text="已导出工单、FAQ 和近90天未解决问题（CSV，可用 Excel 打开）。",
            files=[OutgoingFile(path=path, filename=name, caption="政策助手数据导出")],
        )


def staff_route(commands: StaffCommands, staff_ids: Collection[str]) -> Route:
    """Route the staff commands; refuse them unless the sender or the chat is in ``staff_ids``."""
    staff = frozenset(staff_ids)

    async def route(turn: Turn) -> list[Reply] | None:
        if turn.payload or not turn.text.startswith("/"):
            return None
        match = _COMMAND.match(turn.text)
        if not match or match.group(1).lower() not in COMMANDS:
            return None
        message = turn.message
        if message.session_key not in staff and f"{message.channel}:{message.chat_id}" not in staff:
            log.warning(
                "staff command %s refused for a %s user",
                match.group(1).lower(),
                turn.message.channel,
            )
            return [Reply(text=REFUSAL)]
        return await commands.run(match.group(1).lower(), match.group(2) or "", turn)

    return route
