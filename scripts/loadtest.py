"""Load and crash test on loopback: ``policybot wecom --workers N`` on PostgreSQL under
many simulated WeCom users, optionally with one worker killed by SIGKILL mid-run.

Prints one row per worker count: turns/s, request latency p50/p99, requests over
WeCom's 5 s, and the correctness counts (lost, duplicated, crossed, processed twice),
which must all be 0. Numbers only, no pass/fail; bounded in users and time; 127.0.0.1
only.

Usage::

    python scripts/loadtest.py                       # 500 users × 2 questions, 1/2/4 workers
    python scripts/loadtest.py --users 200 --workers 2 --kill
    python scripts/loadtest.py --database-url postgresql://…/postgres   # an existing server

Without ``--database-url`` a throw-away PostgreSQL cluster is started from Debian's
``initdb`` (``tests/bot/pg_support.py``).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "bot")]

import httpx  # noqa: E402
import psycopg  # noqa: E402
from loopback import PHONES, fake_api_server, free_port, serving, worker_env, worker_pids  # noqa: E402
from pg_support import fresh_database, postgres_server  # noqa: E402
from test_wecom_engine import URL, decrypt_passive, wecom_post  # noqa: E402

BUSY_PREFIX = "系统繁忙"
"""The engine's polite refusal when its queue is full: the simulated user sends again."""


@dataclass
class Run:
    """What one load run measured."""

    workers: int
    turns: int
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    lost: int = 0
    duplicated: int = 0
    crossed: int = 0
    processed_twice: int = 0
    busy: int = 0
    started: float = 0.0
    restarted: bool = False

    def row(self) -> str:
        lat = sorted(self.latencies) or [0.0]
        p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))]
        over = sum(1 for x in lat if x > 5.0)
        return (
            f"| {self.workers} | {self.turns} | {self.turns / self.seconds:.0f} | "
            f"{statistics.median(lat) * 1000:.0f} | {p99 * 1000:.0f} | {over} | "
            f"{self.busy} | {self.lost} | {self.duplicated} | {self.crossed} | {self.processed_twice} | "
            f"{'yes' if self.restarted else 'no'} |"
        )


async def _load(base: str, jobs: list[tuple[str, str, str]], run: Run, kill: int | None) -> dict:
    passive: dict[str, str] = {}
    # one connection per request in flight, as WeCom's many servers open them: a request
    # never waits in the load generator's own pool, so its latency is the server's
    limits = httpx.Limits(max_keepalive_connections=100, max_connections=len(jobs) + 100)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        bodies = {  # encrypted before the clock starts: the load generator stays light
            mid: wecom_post(u, f"{city}联系电话", mid, f"n{mid}") for u, city, mid in jobs
        }

        async def send(user: str, city: str, msg_id: str) -> None:
            mid = msg_id
            for attempt in range(10):  # the user sends the question again after 系统繁忙
                nonce = f"n{mid}"
                params, body = bodies.get(mid) or wecom_post(user, f"{city}联系电话", mid, nonce)
                text = await post(params, body, nonce, user)
                if text is None or not text.startswith(BUSY_PREFIX):
                    if text:
                        passive[msg_id] = text
                    return
                run.busy += 1
                await asyncio.sleep(1.0 + attempt)
                mid = f"{msg_id}r{attempt}"

        async def post(params: dict, body: bytes, nonce: str, user: str) -> str | None:
            for _ in range(40):  # WeCom retries what got no 200
                started = time.monotonic()
                try:
                    response = await client.post(URL, params=params, content=body)
                except httpx.HTTPError:
                    await asyncio.sleep(0.5)
                    continue
                run.latencies.append(time.monotonic() - started)
                if response.status_code == 200:
                    return decrypt_passive(response, nonce, user)
                await asyncio.sleep(0.5)
            return None

        async def user(name: str) -> None:
            for u, city, mid in jobs:
                if u == name:
                    await send(u, city, mid)

        async def killer() -> None:
            await asyncio.sleep(1.0)
            pids = worker_pids(kill) if kill else []
            if pids:
                os.kill(pids[0], signal.SIGKILL)
                run.restarted = True

        run.started = time.monotonic()
        await asyncio.gather(killer(), *(user(u) for u in sorted({j[0] for j in jobs})))
        run.seconds = time.monotonic() - run.started
    return passive


def _check(run: Run, jobs: list[tuple[str, str, str]], passive: dict, api, url: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # pushes still under way
        pushed = sum(len(api.texts(u)) for u in {j[0] for j in jobs})
        if pushed + len(passive) >= len(jobs):
            break
        time.sleep(0.2)
    run.seconds = max(run.seconds, time.monotonic() - run.started)  # until the last reply
    for name in {j[0] for j in jobs}:
        own = Counter(c for u, c, _ in jobs if u == name)
        texts = api.texts(name) + [passive[m] for u, _, m in jobs if u == name and m in passive]
        got = Counter(c for t in texts for c, phone in PHONES.items() if phone in t)
        run.lost += sum((own - got).values())
        run.duplicated += sum((got - own).values())
        run.crossed += sum(1 for t in texts if not any(p in t for p in PHONES.values()))
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT count(*) - count(DISTINCT message_id) FROM processed WHERE channel = 'wecom'"
        ).fetchone()
    run.processed_twice = int(row[0]) if row else 0


def one_run(server: str, workers: int, users: int, questions: int, kill: bool) -> Run:
    """Start ``workers`` workers on a fresh database, load them, stop them."""
    url = fresh_database(server)
    with tempfile.TemporaryDirectory() as tmp, fake_api_server() as api:
        kb = Path(tmp) / "kb.db"
        env = worker_env(url, api.base)
        subprocess.run([sys.executable, "-m", "bot", "notices", "--db", str(kb)], env=env,
                       check=True, capture_output=True, timeout=300)  # fmt: skip
        port = free_port()
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "wecom", "--workers", str(workers), "--host"]
            + ["127.0.0.1", "--port", str(port), "--db", str(kb), "--today", "2026-12-01"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        cities = list(PHONES)
        jobs = [
            (f"u{u}", cities[(u + k) % len(cities)], f"{u}x{k}")
            for u in range(users)
            for k in range(questions)
        ]
        run = Run(workers, len(jobs))
        try:
            pids = {proc.pid} if workers == 1 else set()
            while workers > 1 and len(pids) < workers:
                pids = set(worker_pids(proc.pid))
                time.sleep(0.2)
            asyncio.run(serving(base, pids))
            passive = asyncio.run(
                _load(base, jobs, run, proc.pid if kill and workers > 1 else None)
            )
            _check(run, jobs, passive, api, url)
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=500)
    parser.add_argument("--questions", type=int, default=2, help="questions per user")
    parser.add_argument("--workers", default="1,2,4", help="worker counts, comma-separated")
    parser.add_argument("--kill", action="store_true", help="SIGKILL one worker after 1 s")
    parser.add_argument("--database-url", default="", help="a PostgreSQL maintenance db URL")
    args = parser.parse_args()
    counts = [int(n) for n in args.workers.split(",")]
    if args.database_url:
        os.environ["POLICYBOT_TEST_DATABASE_URL"] = args.database_url
    print(f"{args.users} users × {args.questions} questions on 127.0.0.1, {os.cpu_count()} cores")
    print("| workers | turns | turns/s | p50 ms | p99 ms | > 5 s | 系统繁忙 | lost | duplicated | "
          "crossed | processed twice | worker killed |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    with postgres_server() as server:
        for n in counts:
            print(one_run(server, n, args.users, args.questions, args.kill).row(), flush=True)


if __name__ == "__main__":
    main()
