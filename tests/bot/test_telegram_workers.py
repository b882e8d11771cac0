"""Several Telegram webhook workers on PostgreSQL: ``policybot telegram --workers 2`` as an
operator starts it, with the Bot API pointed at a loopback fake
(``POLICYBOT_TELEGRAM_API_BASE``) and this test playing Telegram: it posts every update
to the port with the secret token, on a new connection each time (so both workers get
them), and delivers again what was not acknowledged, as Telegram does.

The group registers the webhook once. Users' questions are each answered once, to their
own chat, and processed once; updates delivered again are not answered again. Then one
worker is killed with SIGKILL while the replies of its acknowledged updates wait for the
Bot API (the fake holds ``sendMessage``; the killed worker's calls never go out) and the
supervisor starts it again: its slot answers them, so nothing acknowledged is lost,
doubled, crossed or processed twice. SIGTERM stops the group with exit code 0.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import psycopg
import pytest
from loopback import (
    PHONES,
    FakeBotApi,
    fake_bot_api_server,
    free_port,
    serving,
    telegram_worker_env,
    worker_pids,
)

from bot.channels.telegram import ALLOWED_UPDATES
from bot.channels.telegram_webhook import SECRET_HEADER

USERS = 16
QUESTIONS = 3
SECRET = "group-secret"
PATH = "/tg/hook"


@pytest.fixture
def bot_api() -> Iterator[FakeBotApi]:
    with fake_bot_api_server() as api:
        yield api


def update(update_id: int, user: int, text: str) -> dict[str, object]:
    who = {"id": user, "is_bot": False, "first_name": f"用户{user}"}
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": int(time.time()),
            "chat": {"id": user, "type": "private"},
            "from": who,
            "text": text,
        },
    }


def answered(api: FakeBotApi, user: int) -> Counter[str]:
    """The cities whose phone number the user's chat received, with how often."""
    return Counter(c for t in api.texts(user) for c, phone in PHONES.items() if phone in t)


async def wait_for(check: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        await asyncio.sleep(0.3)


def busiest_worker(supervisor: int, pg_url: str) -> int:
    """The pid of the worker whose slot holds the most unanswered updates in the inbox
    (its command line names its slot: ``--worker K/N``)."""
    with psycopg.connect(pg_url) as conn:
        rows = conn.execute(
            "SELECT owner, count(*) FROM inbox WHERE status IN ('pending', 'pushing')"
            " GROUP BY owner ORDER BY count(*) DESC"
        ).fetchall()
    slots: dict[str, int] = {}
    for pid in worker_pids(supervisor):
        args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        slots["w" + args[args.index(b"--worker") + 1].decode().split("/")[0]] = pid
    return slots[rows[0][0]]


async def steady(count: Callable[[], int], timeout: float = 3, still: float = 0.5) -> None:
    """Wait until ``count()`` is above 0 and has not changed for ``still`` seconds."""
    deadline = time.monotonic() + timeout
    last, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        now = count()
        if now != last:
            last, since = now, time.monotonic()
        elif now > 0 and time.monotonic() - since >= still:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"never steady (last {last})")


async def test_two_webhook_workers_answer_every_update_once_through_a_crash(
    tmp_path: Path, pg_url: str, bot_api: FakeBotApi
) -> None:
    kb = tmp_path / "kb.db"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = telegram_worker_env(pg_url, bot_api.base, f"{base}{PATH}", SECRET)
    subprocess.run(  # the knowledge base is prepared once, before the workers read it
        [sys.executable, "-m", "bot", "notices", "--db", str(kb)], env=env, check=True, timeout=120
    )
    supervisor = subprocess.Popen(
        [sys.executable, "-m", "bot", "telegram", "--workers", "2", "--host", "127.0.0.1"]
        + ["--port", str(port), "--db", str(kb), "--today", "2026-12-01"],
        env=env,
    )
    cities = list(PHONES)
    ids = itertools.count(5000)
    jobs = [  # (user, city, update): each user asks about different cities
        (user, cities[(user + k) % len(cities)], next(ids))
        for user in range(1, USERS + 1)
        for k in range(QUESTIONS)
    ]
    payloads = {uid: update(uid, user, f"{city}联系电话") for user, city, uid in jobs}
    try:
        while len(worker_pids(supervisor.pid)) < 2:
            await asyncio.sleep(0.2)
        await serving(base, set(worker_pids(supervisor.pid)))
        fresh = httpx.Limits(max_keepalive_connections=0)
        async with httpx.AsyncClient(base_url=base, timeout=30, limits=fresh) as client:

            async def deliver(uid: int) -> None:
                """Post one update until it is acknowledged, as Telegram retries."""
                for _ in range(40):
                    try:
                        response = await client.post(
                            PATH, json=payloads[uid], headers={SECRET_HEADER: SECRET}
                        )
                    except httpx.HTTPError:  # the killed worker's connections
                        await asyncio.sleep(0.5)
                        continue
                    if response.status_code == 200:
                        return
                    await asyncio.sleep(0.5)
                raise AssertionError(f"update {uid} was never acknowledged")

            async def user_turns(users: set[int]) -> None:
                async def one(user: int) -> None:
                    for u, _, uid in jobs:
                        if u == user:
                            await deliver(uid)

                await asyncio.gather(*(one(u) for u in users))

            def all_answered(users: set[int]) -> bool:
                return all(
                    answered(bot_api, u) >= Counter(c for v, c, _ in jobs if v == u) for u in users
                )

            # 1. both workers up: every update answered once, also when delivered again
            calm = set(range(1, USERS // 2 + 1))
            await user_turns(calm)
            await wait_for(lambda: all_answered(calm))
            again = [uid for u, _, uid in jobs if u in calm][::5]
            await asyncio.gather(*(deliver(uid) for uid in again))
            await asyncio.sleep(2)  # what a second answer would take
            for user in calm:
                own = Counter(c for u, c, _ in jobs if u == user)
                assert answered(bot_api, user) == own, (user, bot_api.texts(user))

            # 2. one worker killed with SIGKILL while its turns wait for the Bot API
            stormy = set(range(USERS // 2 + 1, USERS + 1))
            bot_api.hold.set()
            await user_turns(stormy)  # all acknowledged: saved in the inbox
            await steady(lambda: bot_api.held)  # every turn that can run waits for its reply
            victim = busiest_worker(supervisor.pid, pg_url)
            os.kill(victim, signal.SIGKILL)
            await wait_for(lambda: victim not in worker_pids(supervisor.pid), timeout=10)
            bot_api.hold.clear()  # the survivor's replies go out; the victim's never did
            await wait_for(lambda: bot_api.dropped > 0, timeout=10)
            await wait_for(lambda: len(worker_pids(supervisor.pid)) >= 2)
            await serving(base, set(worker_pids(supervisor.pid)))
            await wait_for(lambda: all_answered(stormy))  # by the victim's restarted slot
            await asyncio.sleep(1)

        for user in range(1, USERS + 1):
            own = Counter(c for u, c, _ in jobs if u == user)
            got = answered(bot_api, user)
            assert got == own, (user, bot_api.texts(user))  # none lost, doubled or crossed
        [hook] = bot_api.called("setWebhook")  # once for the group, not per worker start
        assert (hook["url"], hook["secret_token"]) == (f"{base}{PATH}", SECRET)
        assert json.loads(hook["allowed_updates"]) == ALLOWED_UPDATES
        assert len(bot_api.called("setMyCommands")) == 1
        with psycopg.connect(pg_url) as conn:
            processed = conn.execute(
                "SELECT count(*), count(DISTINCT message_id) FROM processed"
                " WHERE channel = 'telegram'"
            ).fetchone()
            owners = {r[0] for r in conn.execute("SELECT DISTINCT owner FROM inbox").fetchall()}
            open_rows = conn.execute(
                "SELECT count(*) FROM inbox WHERE status IN ('pending', 'pushing')"
            ).fetchone()
        assert processed == (len(jobs), len(jobs))  # each turn run once
        assert owners == {"w0", "w1"}  # both workers took updates
        assert open_rows == (0,)
    finally:
        supervisor.send_signal(signal.SIGTERM)
        code = supervisor.wait(timeout=60)
    assert code == 0
