"""Command line: ``policybot {chat,ask,ingest,notices,telegram,wecom}``.

Every command takes ``--db PATH`` (knowledge base and state; default under the user's
data directory, env ``POLICYBOT_DB``) and ``--today YYYY-MM-DD`` (env ``POLICYBOT_TODAY``).
A fresh database is loaded with the built-in notices first.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import logging
import os
import sqlite3
import sys
from collections import Counter
from contextlib import AsyncExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tqdm import tqdm

from bot import logs
from bot.messages import IncomingMessage, Reply
from bot.settings import Settings, SettingsError, load_settings
from knowledge.base import IngestResult, ingest_files, load_knowledge_base, notice_files
from knowledge.qa import Answerer
from knowledge.report import report_lines, table_rows
from knowledge.store import NoticeStore

if TYPE_CHECKING:  # the runtime (engine, filing, channels) is imported by the commands using it
    from bot.app import Runtime

log = logging.getLogger("policybot")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from exc


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for tests and ``--help``)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, help="SQLite file for knowledge base and state")
    common.add_argument("--today", type=_date, help="pretend today is this date (YYYY-MM-DD)")
    common.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    parser = argparse.ArgumentParser(prog="policybot", description="技能大师工作室申报政策助手")
    sub = parser.add_subparsers(dest="command", required=True)
    chat = sub.add_parser("chat", parents=[common], help="console chat (no token needed)")
    chat.add_argument("--user", default="local", help="console user id (sessions persist per id)")
    ask = sub.add_parser(
        "ask", parents=[common], help="answer one question, or one per stdin line with '-'"
    )
    ask.add_argument("--json", action="store_true", help="print JSON: answer, sources, fallback")
    ask.add_argument("question", help="the question, or '-' to read one per line from stdin")
    ingest = sub.add_parser(
        "ingest", parents=[common], help="add notices (.txt .docx .html .pdf, or folders of them)"
    )
    ingest.add_argument(
        "files", nargs="+", type=Path, help="notice files or directories (searched recursively)"
    )
    sub.add_parser("notices", parents=[common], help="list the notices in the knowledge base")
    sub.add_parser(
        "health", parents=[common], help="exit 0 when the database opens and holds notices"
    )
    telegram = sub.add_parser(
        "telegram", parents=[common], help="run the Telegram bot (POLICYBOT_TELEGRAM_TOKEN)"
    )
    telegram.add_argument("--host", help="webhook listen address (POLICYBOT_TELEGRAM_LISTEN)")
    telegram.add_argument("--port", type=int, help="webhook listen port (POLICYBOT_TELEGRAM_PORT)")
    _worker_arguments(
        telegram,
        "webhook worker processes on one port (more than 1 needs POLICYBOT_DATABASE_URL"
        " and POLICYBOT_TELEGRAM_WEBHOOK_URL)",
    )
    wecom = sub.add_parser("wecom", parents=[common], help="run the WeCom callback server")
    wecom.add_argument("--host", default="0.0.0.0")
    wecom.add_argument("--port", type=int, default=8080)
    _worker_arguments(
        wecom, "worker processes on one port (more than 1 needs POLICYBOT_DATABASE_URL)"
    )
    return parser


def _worker_arguments(parser: argparse.ArgumentParser, text: str) -> None:
    parser.add_argument("--workers", type=int, default=1, help=text)
    parser.add_argument("--worker", default="", help=argparse.SUPPRESS)  # K/N, by the supervisor
    parser.add_argument("--fd", type=int, default=-1, help=argparse.SUPPRESS)  # inherited socket


def _slot(args: argparse.Namespace) -> tuple[int, int]:
    """This worker's slot and the group's size (``--worker K/N``; ``0/1`` alone)."""
    slot, slots = (int(n) for n in (args.worker or "0/1").split("/"))
    return slot, slots


def answer_json(answerer: Answerer, question: str, today: dt.date) -> dict[str, object]:
    """The ``ask --json`` object for one question."""
    a = answerer.answer(question, today)
    return {
        "answer": a.text,
        "sources": [
            {"notice": c.notice, "clause": c.clause, "quote": c.quote} for c in a.citations
        ],
        "fallback": a.fallback,
    }


async def _ask(settings: Settings, question: str, as_json: bool) -> int:
    """``policybot ask``: the knowledge base and the answerer only (no dialog state, no
    filing stack), so a batch of questions starts fast."""
    store = await NoticeStore(settings.db).open()
    try:
        answerer = Answerer(await load_knowledge_base(store))
        today = settings.today or dt.date.today()
        questions = (line.strip() for line in sys.stdin) if question == "-" else iter([question])
        for q in questions:
            if not q:
                continue
            if as_json:
                print(json.dumps(answer_json(answerer, q, today), ensure_ascii=False), flush=True)
            else:
                print(answerer.answer(q, today).text + "\n", flush=True)
    finally:
        await store.close()
    return 0


DETAILED = 20
"""Up to this many files, each notice's parsed facts are printed; more get the summary."""
VERBS = {"added": "已添加", "updated": "已更新", "unchanged": "未变化"}


async def _ingest(settings: Settings, paths: list[Path]) -> int:
    """``policybot ingest FILES_OR_DIRS...``: a progress bar (files/s, time left) on a
    terminal, every file tried, then a summary: added, updated, unchanged, failed with
    the file and the reason. Exit code 1 when any file failed."""
    from bot.app import build_runtime

    files = notice_files(paths)
    async with build_runtime(settings) as rt:
        with tqdm(
            total=len(files),
            unit="份",
            desc="导入通知",
            disable=not sys.stderr.isatty(),
            file=sys.stderr,
        ) as bar:

            def advance(_: IngestResult) -> None:
                bar.update(1)

            results = await ingest_files(rt.notices, files, progress=advance)
    counts = Counter(r.status for r in results)
    for r in results:
        if r.status == "error":
            print(f"✗ {r.message}", file=sys.stderr)
        elif len(results) <= DETAILED:
            print(f"✓ {r.path.name}: {VERBS[r.status]} {r.notice_id}")
            if r.notice is not None:
                print("\n".join(report_lines(r.notice)))
    print(
        f"共 {len(results)} 个文件：已添加 {counts['added']}，已更新 {counts['updated']}，"
        f"未变化 {counts['unchanged']}，失败 {counts['error']}。"
    )
    return 1 if counts["error"] else 0


async def _notices(rt: Runtime) -> int:
    from bot.app import clock

    rows = table_rows(list(rt.kb.notices.values()), clock(rt.settings))
    for row in rows:
        print("\t".join(row))
    return 0


def health(db: Path) -> int:
    """The container's HEALTHCHECK: 0 when ``db`` opens read-only and holds at least one
    notice (it is filled at the first start), else 1 with the reason on stderr."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            (count,) = conn.execute("SELECT count(*) FROM notices").fetchone()
    except sqlite3.Error as exc:
        print(f"unhealthy: {db}: {exc}", file=sys.stderr)
        return 1
    print(f"ok: {count} notices")
    return 0 if count else 1


async def _run(args: argparse.Namespace, settings: Settings) -> int:
    if args.command == "ingest":
        return await _ingest(settings, args.files)
    if args.command == "ask":
        return await _ask(settings, args.question, args.json)
    from bot.app import build_runtime

    async with build_runtime(settings) as rt:
        if args.command == "chat":
            from bot.channels.console import run_console

            await run_console(rt.engine, user_id=args.user)
            return 0
        if args.command == "notices":
            return await _notices(rt)
        if args.command == "wecom":
            import socket

            from bot.channels.wecom import run_wecom
            from bot.inbox import Inbox

            slot, slots = _slot(args)
            await run_wecom(
                rt.engine,
                settings,
                host=args.host,
                port=args.port,
                register_sender=rt.outbox.register,
                inbox=Inbox(rt.state, slot=slot, slots=slots),
                sock=socket.socket(fileno=args.fd) if args.fd >= 0 else None,
            )
            return 0
        if args.command == "telegram":  # one worker of ``telegram --workers N``
            import socket

            from bot.channels.telegram_webhook import run_webhook_worker
            from bot.inbox import Inbox

            slot, slots = _slot(args)
            await run_webhook_worker(
                rt.engine,
                settings,
                host=settings.telegram_listen,
                port=settings.telegram_port,
                inbox=Inbox(rt.state, slot=slot, slots=slots),
                register_sender=rt.outbox.register,
                sock=socket.socket(fileno=args.fd) if args.fd >= 0 else None,
                senders=slots,
            )
            return 0
    raise AssertionError(args.command)


def _run_telegram(settings: Settings) -> int:
    """PTB's run_polling/run_webhook own the event loop, so the runtime is built in
    the application's post_init and closed in post_shutdown."""
    from bot.app import build_runtime
    from bot.channels.telegram import run_telegram
    from bot.inbox import Inbox

    settings.require("telegram_token")

    senders: dict[str, Any] = {}
    stack = AsyncExitStack()

    class _Engine:
        """The runtime's engine, opened in PTB's event loop (post_init) and closed at
        shutdown (post_shutdown)."""

        rt: Runtime | None = None
        _inbox: Inbox | None = None

        async def start(self) -> None:
            self.rt = await stack.enter_async_context(build_runtime(settings))
            for channel, send in senders.items():
                self.rt.outbox.register(channel, send)

        async def handle(self, message: IncomingMessage) -> list[Reply]:
            if self.rt is None:
                raise RuntimeError("runtime not started")
            return await self.rt.engine.handle(message)

        def inbox(self) -> Inbox | None:
            if self.rt is None:
                return None
            if self._inbox is None:
                self._inbox = Inbox(self.rt.state)
            return self._inbox

    engine = _Engine()
    run_telegram(
        engine,
        settings,
        register_sender=senders.__setitem__,
        on_start=engine.start,
        on_stop=stack.aclose,
        inbox=engine.inbox,
    )
    return 0


def _supervise(args: argparse.Namespace, settings: Settings, argv: list[str]) -> int:
    """``policybot wecom --workers N``: N workers on one port sharing PostgreSQL."""
    from bot.workers import supervise

    _require_shared_state(settings)
    crypto_from_settings_check(settings)
    return supervise(argv, args.host, args.port, args.workers)


def _supervise_telegram(args: argparse.Namespace, settings: Settings, argv: list[str]) -> int:
    """``policybot telegram --workers N``: N webhook workers on one port sharing
    PostgreSQL; the supervisor calls ``setWebhook`` once, before the workers start."""
    from bot.channels.telegram import webhook_options
    from bot.channels.telegram_webhook import register_webhook
    from bot.workers import supervise

    _require_shared_state(settings)
    settings.require("telegram_token")
    if not settings.telegram_webhook_url:
        raise SettingsError(
            "多个 worker 只能以 webhook 接收 Telegram 消息，请设置 POLICYBOT_TELEGRAM_WEBHOOK_URL"
            " 和 POLICYBOT_TELEGRAM_WEBHOOK_SECRET / --workers > 1 needs a webhook:"
            " POLICYBOT_TELEGRAM_WEBHOOK_URL (long polling is one process per token)"
        )
    webhook_options(settings)  # the secret is required with a webhook

    def prepare() -> None:
        asyncio.run(register_webhook(settings))

    return supervise(
        argv, settings.telegram_listen, settings.telegram_port, args.workers, prepare=prepare
    )


def _require_shared_state(settings: Settings) -> None:
    """Several workers share their state through PostgreSQL, never one SQLite file.

    Raises:
        SettingsError: ``POLICYBOT_DATABASE_URL`` is not set.
    """
    if not settings.database_url:
        raise SettingsError(
            "多个 worker 需要共享的 PostgreSQL 状态库，请设置 POLICYBOT_DATABASE_URL"
            " / --workers > 1 needs POLICYBOT_DATABASE_URL (postgresql://…)"
        )


def crypto_from_settings_check(settings: Settings) -> None:
    """Fail before starting workers when the WeCom settings are missing or malformed.

    Raises:
        SettingsError: naming the variable.
    """
    from bot.channels.wecom.config import crypto_from_settings
    from bot.channels.wecom.errors import ConfigError

    try:
        crypto_from_settings(settings)
    except ConfigError as exc:
        raise SettingsError(str(exc)) from exc


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``policybot`` console script.

    Returns:
        Process exit code (0 ok, 1 some input failed, 2 bad settings).
    """
    args = build_parser().parse_args(argv)
    os.umask(0o077)  # the database, its WAL and every generated file: owner only (0600)
    # aiosqlite logs SQL parameters (session JSON with ID numbers) at DEBUG; httpx logs
    # URLs with secrets at INFO: keep both out of the logs.
    logging.getLogger("aiosqlite").setLevel(logging.INFO)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    try:
        settings = load_settings(db=args.db, today=args.today)
        logs.setup(args.verbose, settings.log_format)  # request ids, masking, text or JSON
        if args.command == "telegram":
            listen = {"telegram_listen": args.host, "telegram_port": args.port}
            settings = settings.model_copy(
                update={k: v for k, v in listen.items() if v is not None}
            )
            if args.worker:
                return asyncio.run(_run(args, settings))
            if args.workers > 1:
                return _supervise_telegram(
                    args, settings, argv if argv is not None else sys.argv[1:]
                )
            return _run_telegram(settings)
        if args.command == "health":
            return health(settings.db)
        if args.command == "wecom" and args.workers > 1 and not args.worker:
            return _supervise(args, settings, argv if argv is not None else sys.argv[1:])
        return asyncio.run(_run(args, settings))
    except SettingsError as exc:
        print(f"配置错误：{exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
