"""A notice ingested while the server runs is answered without a restart."""

from __future__ import annotations

import asyncio
import datetime as dt
import subprocess
import sys
from pathlib import Path

from bot.app import build_runtime
from bot.messages import IncomingMessage
from bot.reload import KnowledgeReloader
from bot.settings import load_settings

TANGSHAN = Path(__file__).parents[1] / "data" / "blind_qa7" / "qa7_a.txt"
TODAY = dt.date(2026, 12, 1)


def ingest(db: Path, *files: Path) -> None:
    """``policybot ingest`` as staff run it: another process on the same file."""
    done = subprocess.run(
        [sys.executable, "-m", "bot", "ingest", "--db", str(db), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr


async def ask(rt, text: str, n: int) -> str:
    message = IncomingMessage(channel="test", user_id="u1", text=text, message_id=str(n))
    return "\n".join(r.text for r in await rt.engine.handle(message))


async def test_the_server_answers_a_notice_ingested_after_it_started(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    settings = load_settings({"POLICYBOT_KB_RELOAD_SECONDS": "0.2"}, db=db, today=TODAY)
    async with build_runtime(settings) as rt:
        before = len(rt.engine.kb.notices)
        assert "6万元" not in await ask(rt, "唐山的工作室补助多少钱", 1)

        await asyncio.to_thread(ingest, db, TANGSHAN)
        for _ in range(100):  # the reloader looks every 0.2 s
            if len(rt.engine.kb.notices) > before:
                break
            await asyncio.sleep(0.1)
        assert len(rt.engine.kb.notices) == before + 1
        reply = await ask(rt, "唐山的工作室补助多少钱", 2)
        assert "6万元" in reply and "唐山" in reply


async def test_an_unchanged_store_is_not_reloaded_and_a_broken_one_keeps_the_old_base(
    tmp_path: Path,
) -> None:
    db = tmp_path / "kb.db"
    settings = load_settings({"POLICYBOT_KB_RELOAD_SECONDS": "0"}, db=db, today=TODAY)
    async with build_runtime(settings) as rt:
        watch = KnowledgeReloader(db, rt.engine)
        await watch.start()
        kb = rt.engine.kb
        assert await watch.check() is False and rt.engine.kb is kb

        watch.path = tmp_path / "missing.db"  # unreadable: logged, the old base kept
        assert await watch.check() is False and rt.engine.kb is kb
