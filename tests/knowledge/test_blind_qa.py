"""The blind Q&A sets: questions and conversations written by someone who never read the
code, each scored once before anyone looked at its failures (first scores in the issue
notes), then committed here with floors a few points below the score measured then.

- ``tests/data/blind_qa/``: 160 questions, 30 conversations; the five built-in notices
  and four notices of the writer's own (``qa*.txt``).
- ``tests/data/blind_qa2/``: 120 questions, 25 conversations; the built-in notices and the
  held-out corpus batch H (``tests/data/corpus/h*``).
- ``tests/data/blind_qa3/``: 100 questions, 20 conversations; corpus batch G (``g*``).
- ``tests/data/blind_qa4/``: 100 questions, 20 conversations; the built-in notices and four
  notices of the writer's own (``qa4_*``: a two-programme notice, a news-style page, one
  still open on 2026-12-01).
- ``tests/data/blind_qa5/``: 100 questions, 20 conversations (54 turns); the built-in
  notices and four of the writer's own (``qa5_*``: a UTF-8 BOM numbered .txt, a GBK
  inline-numbered two-programme .txt, a closed round on an HTML page, a news-style .docx).

- ``tests/data/blind_qa6/``, ``blind_qa7/``: sessions 5 (a PDF 红头文件, a traditional
  repost, an HTML quota table, a closed .docx; two offices, a news-style closed page).
- ``tests/data/blind_qa8/``: 100 questions, 20 conversations (50 turns); four notices of the
  writer's own (``qa8_*``: a two-programme .docx of a county-level city with a per-town
  quota table, a GBK inline-numbered .txt with unlabelled contacts, a provincial HTML page
  with a second round, a closed PDF) and the eight development notices (``dev/``, copied
  from ``../shared/dev``) the questions also ask about.
- ``tests/data/blind_qa9/``: 100 questions, 20 conversations (50 turns) on notices written to
  look like real published ones (a provincial page with long preambles and a per-city
  quota table, a short district .txt with online filing, a .docx with applications and the
  yearly assessment of recognised studios, a GB18030 news report), the seeds and ``dev/``.
- ``tests/data/blind_qa10/``: 100 questions, 20 conversations (50 turns) on notices as bureaus
  publish them (a short page whose conditions are in an appended 管理办法, a 红头 PDF with two
  programmes and a schedule table, a WeChat news article with a deadline counted from the
  issue date, a traditional-script .docx second round whose deadline a 补充通知 extends),
  the seeds and ``dev/``.
- ``tests/data/blind_qa11/``: 100 questions, 20 conversations (52 turns): a provincial page
  recommending to the national programme (a quota table by prefecture, a scoring table), a
  city 申报指南 written as questions and answers, a district .docx that calls for two
  programmes and reports last year's assessment, a closed county PDF with its conditions
  in a table and a subsidy in three instalments; the seeds and ``dev/``.

- ``tests/data/blind_qa12/``: 100 questions, 20 conversations (51 turns): a district page
  whose conditions and materials are tables and whose 【更新】 clause moves two deadlines
  and a copy count, a county notice pasted from a phone (lines broken mid-word, a deadline
  given as 12月第三个星期五下午5:30前), a provincial .docx calling three programmes at once,
  a closed city PDF for a transport-industry studio issued with the 交通运输局; the seeds
  and ``dev/``; scored with today 2026-12-02.

A verdict must never be the opposite of the expected one (❌ for a user who qualifies,
✅ for one who does not).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.app import build_runtime
from bot.messages import IncomingMessage
from bot.settings import load_settings
from knowledge.base import KnowledgeBase, ingest_files, load_knowledge_base
from knowledge.evaluate import judge_expect
from knowledge.qa import Answerer
from knowledge.store import NoticeStore

DATA = Path(__file__).resolve().parents[1] / "data"
TODAY = dt.date(2026, 12, 1)


@dataclass(frozen=True)
class BlindSet:
    """One committed blind set and its floors (measured score in the comment)."""

    name: str
    notices: tuple[Path, ...]
    questions: int
    turns: int
    question_floor: float
    verdict_floor: float
    turn_floor: float
    today: dt.date = TODAY
    max_flipped: int = 0  # opposite verdicts measured blind and not fixed yet (may only fall)


def _calls(pattern: str) -> tuple[Path, ...]:
    out = []
    for exp in sorted((DATA / "corpus").glob(pattern + ".expected.json")):
        if json.loads(exp.read_text(encoding="utf-8")).get("is_call", True):
            out.append(exp.with_name(exp.name.removesuffix(".expected.json")))
    return tuple(out)


SETS = [
    # measured 0.888 / 0.818 / 0.917; first blind scores 0.681 / 0.400 / 0.750
    BlindSet(
        "blind_qa", tuple(sorted((DATA / "blind_qa").glob("qa*.txt"))), 160, 72, 0.85, 0.78, 0.88
    ),
    # measured 0.850 / 0.800 / 0.875; first blind scores 0.667 / 0.400 / 0.804
    BlindSet("blind_qa2", _calls("h*"), 120, 56, 0.81, 0.76, 0.84),
    # measured 0.820 / 0.639 / 0.848; first blind scores 0.720 / 0.556 / 0.804
    BlindSet("blind_qa3", _calls("g*"), 100, 46, 0.78, 0.60, 0.81),
    # measured 0.890 / 0.933 / 0.800; first blind scores 0.780 / 0.600 / 0.756
    BlindSet(
        "blind_qa4", tuple(sorted((DATA / "blind_qa4").glob("qa4_*"))), 100, 45, 0.86, 0.88, 0.76
    ),
    # measured 0.870 / 0.893 / 0.796; first blind scores 0.840 / 0.786 / 0.722
    BlindSet(
        "blind_qa5", tuple(sorted((DATA / "blind_qa5").glob("qa5_*"))), 100, 54, 0.84, 0.85, 0.76
    ),
    # measured 0.950 / 1.000 / 0.920; first blind scores 0.830 / 0.760 / 0.900
    BlindSet(
        "blind_qa6", tuple(sorted((DATA / "blind_qa6").glob("qa6_*"))), 100, 50, 0.91, 0.92, 0.86
    ),
    # measured 0.925 / 0.917 / 1.000; first blind scores 0.800 / 0.667 / 1.000
    BlindSet(
        "blind_qa7", tuple(sorted((DATA / "blind_qa7").glob("qa7_*"))), 40, 20, 0.87, 0.83, 0.95
    ),
    # measured 0.990 / 1.000 / 1.000; first blind scores 0.800 / 0.650 / 0.820
    BlindSet(
        "blind_qa8",
        tuple(sorted((DATA / "blind_qa8").glob("qa8_*")))
        + tuple(sorted((DATA / "blind_qa8" / "dev").glob("0*.txt"))),
        100,
        50,
        0.95,
        0.95,
        0.95,
    ),
    # measured 0.960 / 0.935 / 0.980; first blind scores 0.730 / 0.581 / 0.800
    BlindSet(
        "blind_qa9",
        tuple(sorted((DATA / "blind_qa9").glob("qa9_*")))
        + tuple(sorted((DATA / "blind_qa8" / "dev").glob("0*.txt"))),
        100,
        50,
        0.92,
        0.88,
        0.92,
    ),
    # measured 0.850 / 0.750 / 0.920; first blind scores 0.730 / 0.562 / 0.780
    BlindSet(
        "blind_qa10",
        tuple(sorted((DATA / "blind_qa10").glob("qa10_*")))
        + tuple(sorted((DATA / "blind_qa8" / "dev").glob("0*.txt"))),
        100,
        50,
        0.80,
        0.70,
        0.86,
    ),
    # measured 0.750 / 0.697 / 0.654; first blind scores 0.580 / 0.424 / 0.462
    BlindSet(
        "blind_qa11",
        tuple(sorted((DATA / "blind_qa11").glob("qa11_*")))
        + tuple(sorted((DATA / "blind_qa8" / "dev").glob("0*.txt"))),
        100,
        52,
        0.70,
        0.64,
        0.60,
    ),
    # measured 0.710 / 0.676 / 0.706; first blind scores 0.560 / 0.441 / 0.608
    BlindSet(
        "blind_qa12",
        tuple(sorted((DATA / "blind_qa12").glob("qa12_*")))
        + tuple(sorted((DATA / "blind_qa8" / "dev").glob("0*.txt"))),
        100,
        51,
        0.67,
        0.63,
        0.66,
        dt.date(2026, 12, 2),
    ),
]


def _rows(s: BlindSet, name: str) -> list[dict]:  # type: ignore[type-arg]
    text = (DATA / s.name / name).read_text(encoding="utf-8")
    return [json.loads(ln) for ln in text.splitlines() if ln.strip()]


@pytest.fixture(scope="module", params=SETS, ids=[s.name for s in SETS])
def blind(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[BlindSet, Path]:
    s: BlindSet = request.param
    path = tmp_path_factory.mktemp(s.name) / "kb.db"

    async def build() -> None:
        async with NoticeStore(path) as store:
            results = await ingest_files(store, list(s.notices))
            assert all(r.status != "error" for r in results), [r.message for r in results]

    asyncio.run(build())
    return s, path


def _answerer(db: Path) -> Answerer:
    async def load() -> KnowledgeBase:
        async with NoticeStore(db) as store:
            return await load_knowledge_base(store)

    return Answerer(asyncio.run(load()))


def _flipped(item: dict, text: str) -> bool:  # type: ignore[type-arg]
    """The answer's verdict is the opposite of the expected one."""
    first = item["expect"][0] if item.get("expect") else []
    unsure = any(w in ("待确认", "确认", "咨询") for w in first)
    negative = any(w.startswith("不") for w in first) and not unsure
    head = text.split("\n", 1)[0]
    return ("✅" in head) if negative else ("❌" in head and not unsure)


def test_questions_floor(blind: tuple[BlindSet, Path]) -> None:
    s, db = blind
    answerer = _answerer(db)
    rows = _rows(s, "questions.jsonl")
    right: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    flipped = []
    for q in rows:
        a = answerer.answer(q["question"], s.today)
        seen[q["category"]] += 1
        right[q["category"]] += judge_expect(q, a.text, a.fallback)
        if q["category"] == "verdict" and _flipped(q, a.text):
            flipped.append(q["question"])
    assert len(rows) == s.questions
    assert sum(right.values()) / len(rows) >= s.question_floor, dict(right)
    assert right["verdict"] / seen["verdict"] >= s.verdict_floor
    assert len(flipped) <= s.max_flipped, flipped


async def test_conversation_turns_floor(blind: tuple[BlindSet, Path], tmp_path: Path) -> None:
    s, db = blind
    state = tmp_path / "state.db"
    state.write_bytes(db.read_bytes())
    right = total = 0
    async with build_runtime(load_settings({}, db=state, today=s.today)) as rt:
        for d in _rows(s, "conversations.jsonl"):
            for i, turn in enumerate(d["turns"]):
                replies = await rt.engine.handle(
                    IncomingMessage(
                        channel="console",
                        user_id=d["id"],
                        text=turn["q"],
                        message_id=f"{d['id']}-{i}",
                    )
                )
                text = "\n".join(r.text for r in replies)
                right += judge_expect(turn, text, any(r.fallback for r in replies))
                total += 1
    assert total == s.turns
    assert right / total >= s.turn_floor, f"{right}/{total}"
