#!/usr/bin/env python3
"""Score short conversations through the real engine (the console chat's path).

Each line of the JSONL file is ``{"id", "turns": [{"q", "category", "expect", "forbid"?,
"cities"?, "min_cities"?, "clarify_ok"?}, ...]}``; a turn is judged like a single
question of ``../shared/dev/run_eval.py`` (after NFKC and whitespace removal every expect
group has one alternative in the reply, no forbid string is, out-of-scope turns fall
back, ambiguous turns name several places or ask which one).

usage: python scripts/eval_dialogs.py CONVERSATIONS.jsonl --db KB.db [--today YYYY-MM-DD] [-v]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.app import build_runtime  # noqa: E402
from bot.messages import IncomingMessage  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from knowledge.evaluate import judge_expect  # noqa: E402


async def run(path: Path, db: Path, today: dt.date, verbose: bool) -> int:
    """Play every conversation, each as a new user; print per-category accuracy."""
    dialogs = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    whole = 0
    async with build_runtime(load_settings({}, db=db, today=today)) as rt:
        for d in dialogs:
            ok_all = True
            for i, turn in enumerate(d["turns"]):
                replies = await rt.engine.handle(
                    IncomingMessage(
                        channel="console",
                        user_id=f"eval-{d['id']}",
                        text=turn["q"],
                        message_id=f"{d['id']}-{i}",
                    )
                )
                answer = "\n".join(r.text for r in replies)
                fallback = any(r.fallback for r in replies)
                ok = judge_expect(turn, answer, fallback)
                total[turn.get("category", "?")] += 1
                right[turn.get("category", "?")] += ok
                ok_all &= ok
                if verbose and not ok:
                    print(f"✗ {d['id']}#{i + 1} {turn['q']}\n    {answer[:200]!r}")
            whole += ok_all
    for cat in sorted(total):
        print(f"{cat:16s} {right[cat]:3d}/{total[cat]:<3d} {100 * right[cat] / total[cat]:5.1f}%")
    n = sum(total.values())
    print(f"conversations fully right: {whole}/{len(dialogs)}")
    print(f"turns: {100 * sum(right.values()) / n:.1f}% ({sum(right.values())}/{n})")
    return 0


def main() -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(prog="eval_dialogs.py")
    ap.add_argument("conversations", type=Path)
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--today", type=dt.date.fromisoformat, default=dt.date(2026, 12, 1))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    return asyncio.run(run(args.conversations, args.db, args.today, args.verbose))


if __name__ == "__main__":
    sys.exit(main())
