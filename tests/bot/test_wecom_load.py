"""Load test on loopback: the real ASGI callback app under uvicorn on 127.0.0.1 in front
of the REAL engine; 60 WeCom users × 3 questions sent concurrently over HTTP, plus 20
retried MsgIds. Every reply must reach its own user and answer that user's question:
none lost, none duplicated, none crossed; each request answered within WeCom's 5 s.

Throughput and latency are printed for information only (no timing assertions besides
the 5 s limit)."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import itertools
import socket
import statistics
import time
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn
from handoff_support import STAFF
from test_wecom_engine import (
    AES_KEY,
    AGENT_ID,
    API_BASE,
    CORP_ID,
    TOKEN,
    URL,
    WECOM_LIMIT,
    FakeWeComAPI,
    decrypt_passive,
    wecom_post,
)

from bot.app import build_runtime
from bot.channels.wecom.api import WeComAPI
from bot.channels.wecom.crypto import WeComCrypto
from bot.channels.wecom.render import render_text
from bot.channels.wecom.server import create_app, outbox_sender
from bot.settings import load_settings
from bot.storage import Session

USERS = 60
RETRIES_DURING = 10  # retried while the first delivery is still in flight
RETRIES_AFTER = 10  # retried after the turn is finished

NAMES = {"太仓": "太仓市", "镇江": "镇江市", "鹿城": "温州市鹿城区", "韶关": "韶关市"}
CITIES = list(NAMES)
QUESTIONS = {
    "phone": "{city}联系电话",
    "deadline": "{city}的截止时间",
    "subsidy": "{city}补助多少钱",
    "conditions": "{city}申报条件是什么",
    "age": "{city}领办人年龄有要求吗",
    "materials": "{city}需要准备哪些材料",  # long, with a checklist file: pushed by the API
}
PUSHED = {"materials"}
FACTS = {  # a fact each correct answer must state (checks the reference answers themselves)
    "phone": {
        "太仓": "0512-53542494",
        "镇江": "0511-85340338",
        "鹿城": "0577-88990719",
        "韶关": "0751-8605683",
    },
    "deadline": {
        "太仓": "2024年8月20日",
        "镇江": "2023年5月29日",
        "鹿城": "XX月XX日",
        "韶关": "另行通知",
    },
    "subsidy": {
        "太仓": "2万元建设补助",
        "镇江": "启动资金2万元",
        "鹿城": "2万元一次性资助",
        "韶关": "酌情予以补助",
    },
    "conditions": {
        "太仓": "技能大师的条件",
        "镇江": "中华技能大奖",
        "鹿城": "技能人才团队",
        "韶关": "技师以上资质",
    },
    "age": {"太仓": "年龄", "镇江": "年龄", "鹿城": "退休年龄", "韶关": "年龄"},
    "materials": {"太仓": "申请表", "镇江": "申报表", "鹿城": "申报表", "韶关": "申请表"},
}
TRIPLES = list(itertools.combinations(QUESTIONS, 3))  # 20 intent sets × 4 cities = 80 combos
_msg_ids = itertools.count(8_100_000_000_000_000_001)


@dataclass(frozen=True)
class Job:
    user: str
    city: str
    intent: str
    msg_id: str

    @property
    def question(self) -> str:
        return QUESTIONS[self.intent].format(city=self.city)


@dataclass
class Result:
    job: Job
    status: int
    passive: str | None
    latency: float


def user_jobs() -> list[Job]:
    """User i asks about city i mod 4 with intent set i // 4: a different combination each."""
    jobs = []
    for i in range(USERS):
        city, intents = CITIES[i % len(CITIES)], TRIPLES[i // len(CITIES)]
        jobs += [Job(f"user{i:02d}", city, intent, str(next(_msg_ids))) for intent in intents]
    assert len({(j.user, j.city) for j in jobs}) == USERS
    assert len({(j.city, *TRIPLES[int(j.user[4:]) // 4]) for j in jobs}) == USERS
    return jobs


async def send(client: httpx.AsyncClient, job: Job, nonce: str) -> Result:
    params, body = wecom_post(job.user, job.question, job.msg_id, nonce)
    started = time.monotonic()
    response = await client.post(URL, params=params, content=body)
    latency = time.monotonic() - started
    return Result(job, response.status_code, decrypt_passive(response, nonce, job.user), latency)


def free_socket() -> socket.socket:
    """A listening-ready socket bound to a free loopback port (handed to uvicorn)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def checklist_title(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as docx:
        assert docx.testzip() is None
        return docx.read("word/document.xml").decode("utf-8")


PASSIVE_BUDGET = 3.9
"""Seconds after which the server stops waiting for a turn and acknowledges it (its
``reply_timeout``, 4 s by default), less a little for the loopback round trip."""


async def test_60_users_3_questions_each_concurrently_over_loopback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = load_settings(
        {"POLICYBOT_STAFF_IDS": STAFF}, db=tmp_path / "kb.db", today=dt.date(2024, 6, 1)
    )
    # the default rate limit (20 a minute) stays on: 3 messages a user, retries never count
    assert settings.rate_limit_per_minute == 20
    async with build_runtime(settings) as rt:
        # the exact answer to every question, straight from the engine, nothing stored
        expected = {}
        for city, intent in itertools.product(CITIES, QUESTIONS):
            replies = rt.engine.answer_question(QUESTIONS[intent].format(city=city), Session())
            [reply] = replies
            text = render_text(reply)
            assert text.startswith(f"【{NAMES[city]}】") and FACTS[intent][city] in text, (
                city,
                intent,
            )
            assert all(f"【{other}】" not in text for c, other in NAMES.items() if c != city)
            assert bool(reply.files) == (intent in PUSHED), (city, intent)
            expected[city, intent] = text

        fake = FakeWeComAPI()
        async with httpx.AsyncClient(transport=httpx.MockTransport(fake)) as api_http:
            api = WeComAPI(CORP_ID, "secret", AGENT_ID, api_http, base_url=API_BASE)
            rt.outbox.register("wecom", outbox_sender(api))
            app = create_app(rt.engine, WeComCrypto(TOKEN, AES_KEY, CORP_ID), api)
            sock = free_socket()
            port = sock.getsockname()[1]
            config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
            server = uvicorn.Server(config)
            serving = asyncio.create_task(server.serve(sockets=[sock]))
            try:
                for _ in range(500):  # ≤ 10 s
                    if server.started or serving.done():
                        break
                    await asyncio.sleep(0.02)
                assert server.started, "uvicorn did not start"
                limits = httpx.Limits(max_connections=300, max_keepalive_connections=300)
                async with httpx.AsyncClient(
                    base_url=f"http://127.0.0.1:{port}",
                    limits=limits,
                    trust_env=False,
                    timeout=httpx.Timeout(30.0),
                ) as client:
                    jobs = user_jobs()
                    retried_during = jobs[1 : 1 + 3 * RETRIES_DURING : 3]
                    retried_after = jobs[2 : 2 + 6 * RETRIES_AFTER : 6]
                    assert not set(retried_during) & set(retried_after)
                    assert {j.intent for j in retried_during + retried_after} & PUSHED

                    started = time.monotonic()
                    wave = [send(client, job, f"a{n}") for n, job in enumerate(jobs)]
                    wave += [send(client, job, f"r{n}") for n, job in enumerate(retried_during)]
                    results = await asyncio.wait_for(asyncio.gather(*wave), timeout=60)
                    elapsed = time.monotonic() - started
                    await asyncio.wait_for(app.state.wecom.drain(timeout=30), timeout=35)
                    pushed_by = time.monotonic() - started
                    late = await asyncio.wait_for(
                        asyncio.gather(
                            *(send(client, j, f"l{n}") for n, j in enumerate(retried_after))
                        ),
                        timeout=30,
                    )
                    await asyncio.wait_for(app.state.wecom.drain(timeout=30), timeout=35)
            finally:
                server.should_exit = True
                await asyncio.wait_for(serving, timeout=15)

        first, during = results[: len(jobs)], results[len(jobs) :]
        latencies = [r.latency for r in results + late]
        with capsys.disabled():
            print(
                f"\nWeCom load: {len(results)} concurrent requests ({USERS} users × 3 + "
                f"{RETRIES_DURING} retries) in {elapsed:.2f} s = {len(results) / elapsed:.0f} req/s; "
                f"latency p50 {statistics.median(latencies) * 1000:.0f} ms, "
                f"p99 {percentile(latencies, 0.99) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms; "
                f"all pushes done {pushed_by:.2f} s after start"
            )

        # every request answered, within WeCom's limit
        assert all(r.status == 200 for r in results + late)
        assert max(latencies) < WECOM_LIMIT

        # passive replies: each its own user's answer to its own question; a turn that
        # outran the passive budget on a loaded machine was acknowledged and pushed instead
        overran = set()
        for r in first:
            if r.job.intent in PUSHED:
                assert r.passive is None, r.job  # acknowledged, answer pushed
            elif r.passive is None and r.latency > PASSIVE_BUDGET:
                overran.add(r.job)
            else:
                assert r.passive == expected[r.job.city, r.job.intent], r.job
        assert len(overran) <= len(first) // 10, overran  # a few at most, never the rule
        # a retry gets the same reply again or an empty acknowledgement
        own = {r.job: r.passive for r in first}
        for r in during + late:
            assert r.passive in (own[r.job], None), r.job
            if r.job.intent in PUSHED:
                assert r.passive is None

        # pushed replies: exactly the expected messages, each to its own user, once
        want_texts: Counter[tuple[str, str]] = Counter()
        want_files: Counter[tuple[str, str]] = Counter()
        for job in jobs:
            if job in overran:  # pushed instead of the passive reply, exactly once
                want_texts[job.user, expected[job.city, job.intent]] += 1
            if job.intent in PUSHED:
                want_texts[job.user, expected[job.city, job.intent]] += 1
                want_texts[job.user, "申报材料清单"] += 1  # the file's caption
                want_files[job.user, NAMES[job.city]] += 1
        got_texts = Counter(
            (m["touser"], m["text"]["content"]) for m in fake.sent if m["msgtype"] == "text"
        )
        assert got_texts == want_texts
        uploads = {u.media_id: u for u in fake.uploads}
        got_files: Counter[tuple[str, str]] = Counter()
        for m in (m for m in fake.sent if m["msgtype"] == "file"):
            upload = uploads.pop(m["file"]["media_id"])  # each upload sent once
            city = upload.filename.removesuffix("_申报材料清单.docx")
            assert f"{city}技能大师工作室申报材料清单" in checklist_title(upload.content), (
                upload.filename
            )
            got_files[m["touser"], city] += 1
        assert uploads == {} and got_files == want_files
        assert {m["msgtype"] for m in fake.sent} == {"text", "file"}
        assert all(m["agentid"] == AGENT_ID for m in fake.sent)
        assert fake.token_requests == 1  # one access token shared by all pushes

        # the engine saw every message exactly once, in its sender's own session
        for user in sorted({j.user for j in jobs}):
            lines = [
                t for role, t in await rt.state.history(f"wecom:{user}", 100) if role == "user"
            ]
            assert sorted(lines) == sorted(j.question for j in jobs if j.user == user), user
        for job in jobs:
            assert await rt.state.processed("wecom", f"{job.user}/{job.msg_id}") is not None
        row = await rt.state.database.fetchone(
            "SELECT count(*), count(DISTINCT message_id) FROM processed WHERE channel = 'wecom'"
        )
        assert row == (len(jobs), len(jobs))
