"""Numbers for staff: question volume, fallback rate, frequent unanswered questions,
tickets and response times (``/stats``), and the office's CSV export (``/export``).

Sources: the transcript (``history``: what users asked), the processed-message record
(``processed.replies``: which replies were fallbacks, ``"fallback": true``) and the
ticket store. A user line counts as a question unless it is a command, a button, a bare
number or a handoff request; it is unanswered when the bot's next line in that session
is the text of a fallback reply. (Turns without a message id, i.e. the console, have
no processed record, so their fallbacks are not seen.)
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot.handoff import TRIGGERS
from bot.redact import redact
from bot.storage import StateStore
from bot.tickets import FaqEntry, Status, Ticket, TicketStore, utc_now

Similarity = Callable[[str, str], float]
CLUSTER_THRESHOLD = 0.6
"""Two unanswered questions this similar (0–1) are counted as one topic."""


@dataclass
class Stats:
    """What ``/stats`` shows.

    Attributes:
        days: Length of the window in days.
        questions: Questions asked in the window.
        questions_week: Questions in the last 7 days.
        unanswered: Questions answered with a fallback.
        top_unanswered: ``(representative question, count)``, most frequent first.
        open_tickets / answered_tickets: Tickets by status (all time).
        median_response: Median time from ticket to staff answer, None without answers.
        faq_count: Curated FAQ entries.
    """

    days: int
    questions: int = 0
    questions_week: int = 0
    unanswered: int = 0
    top_unanswered: list[tuple[str, int]] = field(default_factory=list)
    open_tickets: list[Ticket] = field(default_factory=list)
    answered_tickets: int = 0
    median_response: dt.timedelta | None = None
    faq_count: int = 0

    @property
    def fallback_rate(self) -> float:
        """Share of questions answered with a fallback (0–1)."""
        return self.unanswered / self.questions if self.questions else 0.0


def is_question(text: str) -> bool:
    """True for a user line that asks something (see the module docstring)."""
    text = text.strip()
    return (
        len(text) >= 2
        and not text.startswith(("/", "[按钮]"))
        and not text.isdigit()
        and not any(w in text for w in TRIGGERS)
    )


async def _fallback_texts(state: StateStore, since: str) -> set[str]:
    texts: set[str] = set()
    rows = await state.database.fetchall(
        "SELECT replies FROM processed WHERE created_at >= ?", (since,)
    )
    for (raw,) in rows:
        texts.update(r.get("text", "") for r in json.loads(raw) if r.get("fallback"))
    return texts


async def question_log(state: StateStore, since: dt.datetime) -> list[tuple[str, str, bool]]:
    """``(at, question, unanswered)`` for every question since ``since``."""
    fallbacks = await _fallback_texts(state, since.isoformat())
    out: list[tuple[str, str, bool]] = []
    pending: tuple[str, str] | None = None
    last_key = None
    rows = await state.database.fetchall(
        "SELECT session_key, role, text, at FROM history WHERE at >= ? ORDER BY session_key, id",
        (since.isoformat(),),
    )
    for key, role, text, at in rows:
        if key != last_key and pending:
            out.append((*pending, False))
            pending = None
        last_key = key
        if role == "user":
            if pending:
                out.append((*pending, False))
            pending = (at, text) if is_question(text) else None
        elif pending:
            out.append((*pending, text in fallbacks))
            pending = None
    if pending:
        out.append((*pending, False))
    return out


def cluster(
    questions: list[str], similarity: Similarity, threshold: float = CLUSTER_THRESHOLD
) -> list[tuple[str, int]]:
    """Group similar questions greedily; ``(first question of the group, size)`` by size."""
    groups: list[list[str]] = []
    for q in questions:
        for group in groups:
            if similarity(group[0], q) >= threshold:
                group.append(q)
                break
        else:
            groups.append([q])
    groups.sort(key=len, reverse=True)
    return [(g[0], len(g)) for g in groups]


async def compute_stats(
    state: StateStore, tickets: TicketStore, similarity: Similarity, days: int = 30, top: int = 5
) -> Stats:
    """Collect :class:`Stats` for the last ``days`` days."""
    now = utc_now()
    log = await question_log(state, now - dt.timedelta(days=days))
    week = (now - dt.timedelta(days=7)).isoformat()
    unanswered = [q for _, q, miss in log if miss]
    all_tickets = await tickets.find()
    waits = [(t.answered_at - t.created_at).total_seconds() for t in all_tickets if t.answered_at]
    return Stats(
        days=days,
        questions=len(log),
        questions_week=sum(1 for at, _, _ in log if at >= week),
        unanswered=len(unanswered),
        top_unanswered=cluster(unanswered, similarity)[:top],
        open_tickets=[t for t in all_tickets if t.status == Status.OPEN],
        answered_tickets=sum(1 for t in all_tickets if t.status == Status.ANSWERED),
        median_response=dt.timedelta(seconds=statistics.median(waits)) if waits else None,
        faq_count=len(await tickets.faqs()),
    )


def format_age(delta: dt.timedelta) -> str:
    """``timedelta(hours=26)`` → ``"1天2小时"``; under a minute → ``"不到1分钟"``."""
    minutes = int(delta.total_seconds() // 60)
    if minutes < 1:
        return "不到1分钟"
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days}天{hours}小时"
    return f"{hours}小时{mins}分钟" if hours else f"{mins}分钟"


def format_stats(stats: Stats, now: dt.datetime) -> str:
    """The ``/stats`` text (Chinese)."""
    lines = [
        f"📊 近{stats.days}天统计",
        f"提问：{stats.questions} 条（近7天 {stats.questions_week} 条）",
        f"未能回答：{stats.unanswered} 条，兜底率 {stats.fallback_rate:.0%}",
        f"工单：待处理 {len(stats.open_tickets)} 张，已答复 {stats.answered_tickets} 张",
        "中位响应时间："
        + (format_age(stats.median_response) if stats.median_response is not None else "暂无"),
        f"FAQ 条目：{stats.faq_count} 条",
    ]
    if stats.top_unanswered:
        lines.append("最常见的未解决问题：")
        lines += [f"  {i}. {q}（{n}次）" for i, (q, n) in enumerate(stats.top_unanswered, 1)]
    if stats.open_tickets:
        lines.append("待处理工单：")
        lines += [
            f"  #{t.id} 已等待{format_age(now - t.created_at)}：{t.question[:40]}"
            for t in stats.open_tickets[:10]
        ]
    return "\n".join(lines)


CSV_HEADER = [
    "类型",
    "编号",
    "状态",
    "渠道",
    "用户",
    "问题",
    "答复",
    "参考通知",
    "创建时间",
    "答复时间",
    "次数",
]


def write_export(
    path: Path,
    tickets: list[Ticket],
    faqs: list[FaqEntry],
    unanswered: list[tuple[str, int]],
    notice_label: Callable[[str | None], str],
) -> Path:
    """Write the office CSV (UTF-8 with BOM, opens in Excel): tickets, FAQ, unanswered.

    Returns:
        ``path``.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    status = {Status.OPEN: "待处理", Status.ANSWERED: "已答复"}
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(CSV_HEADER)
        for t in tickets:
            out.writerow(
                [
                    "工单",
                    t.id,
                    status[t.status],
                    t.channel,
                    t.display_name or t.user_id,
                    redact(t.question),
                    redact(t.answer),
                    notice_label(t.notice_id),
                    _local(t.created_at),
                    _local(t.answered_at),
                    "",
                ]
            )
        for f in faqs:
            out.writerow(
                [
                    "FAQ",
                    f.id,
                    "",
                    "",
                    f.created_by,
                    redact("｜".join(f.phrasings)),
                    f.answer,
                    notice_label(f.notice_id),
                    _local(f.created_at),
                    "",
                    "",
                ]
            )
        for i, (q, n) in enumerate(unanswered, 1):
            out.writerow(["未解决问题", i, "", "", "", q, "", "", "", "", n])
    return path


def _local(moment: dt.datetime | None) -> str:
    """China Standard Time, minutes precision; "" for None."""
    if moment is None:
        return ""
    return moment.astimezone(dt.timezone(dt.timedelta(hours=8))).strftime("%Y-%m-%d %H:%M")
