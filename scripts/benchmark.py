"""Benchmark the knowledge base: ingest, start-up, answer throughput/latency, memory.

Prints numbers only (no thresholds, no pass/fail) and ends with a markdown table that
can be pasted into the README.

Measured per knowledge-base size (``--notices 5,1000,10000``; 5 is the built-in
notices, larger sizes are that many synthetic notices from ``scripts/synthetic.py``
plus the built-in ones):

1. Ingest: ``ingest_files`` into a fresh SQLite db (read + parse + store).
2. Start-up: wall time of a fresh ``python -c`` process that opens the db, builds the
   knowledge base and an ``Answerer`` and answers one question; and the in-process
   ``load_knowledge_base`` time with its parts.
3. Answers per second and p50/p99 latency per answer, in process, single thread,
   pinned to one core, over ``tests/data/questions.jsonl`` (questions about the five
   built-in notices), and how many answers are identical to the built-in KB's.
4. Peak memory (``ru_maxrss``) of the fresh start-up process.

Usage::

    python scripts/benchmark.py --notices 5,1000,10000
    python scripts/benchmark.py --quick    # 5 and 100 notices
    python scripts/benchmark.py --profile  # also cProfile answering per size
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import datetime as dt
import io
import json
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic  # noqa: E402

from knowledge.base import (  # noqa: E402
    KnowledgeBase,
    builtin_paths,
    ingest_files,
    load_knowledge_base,
    snapshot_key,
)
from knowledge.qa import Answerer  # noqa: E402
from knowledge.store import NoticeStore  # noqa: E402
from knowledge.tokenize import Tokenizer  # noqa: E402

TODAY = dt.date(2024, 6, 1)  # the date the question set was written against
QUESTIONS = ROOT / "tests" / "data" / "questions.jsonl"
STARTUP_QUESTION = "太仓的截止时间？"

# Runs the command in argv[1:] as a grandchild (see :func:`startup`).
_LAUNCHER = "import subprocess, sys; sys.exit(subprocess.call(sys.argv[1:]))"

# Run in a fresh interpreter: argv = [db path, question]. Prints one JSON line.
_STARTUP_CODE = """
import time
t0 = time.perf_counter()
import asyncio, datetime, json, resource, sys
from knowledge.base import load_knowledge_base
from knowledge.qa import Answerer
from knowledge.store import NoticeStore
t1 = time.perf_counter()
rss_import = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

async def load():
    async with NoticeStore(sys.argv[1]) as store:
        return await load_knowledge_base(store)

kb = asyncio.run(load())
answerer = Answerer(kb)
t2 = time.perf_counter()
rss_load = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
answer = answerer.answer(sys.argv[2], datetime.date(2024, 6, 1))
t3 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "load_s": t2 - t1, "answer_s": t3 - t2,
                  "notices": len(kb.notices), "fallback": answer.fallback,
                  "rss_import_kib": rss_import, "rss_load_kib": rss_load,
                  "rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


@dataclass
class Latency:
    """Answer timings over a question set.

    Attributes:
        calls: Number of ``answer`` calls timed.
        total_s: Wall time of all timed calls (seconds).
        samples_ns: Per-call durations in nanoseconds.
        fallbacks: Calls answered with ``fallback=True`` (in the timed rounds).
        texts: Answer text per question (from the warm-up round).
    """

    calls: int
    total_s: float
    samples_ns: list[int]
    fallbacks: int
    texts: list[str]

    @property
    def per_second(self) -> float:
        """Answers per second."""
        return self.calls / self.total_s

    def percentile_ms(self, q: float) -> float:
        """The ``q``-th percentile latency (nearest rank) in milliseconds."""
        data = sorted(self.samples_ns)
        rank = max(1, min(len(data), round(q / 100 * len(data) + 0.5)))
        return data[rank - 1] / 1e6


@dataclass
class Startup:
    """Fresh-process start-up: wall time (median of runs) and the process's own report."""

    wall_s: float
    import_s: float
    load_s: float
    answer_s: float
    notices: int
    rss_import_mib: float
    rss_load_mib: float
    rss_mib: float


def rss_mib(kib: float) -> float:
    """``ru_maxrss`` to MiB (Linux reports KiB, macOS bytes)."""
    return kib / (1024 * 1024) if sys.platform == "darwin" else kib / 1024


def load_questions() -> list[str]:
    """The benchmark questions (field ``question`` of each JSON line)."""
    lines = QUESTIONS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines if line.strip()]


def fmt_s(seconds: float) -> str:
    """Human-readable duration: ms below one second, else seconds."""
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def timed(fn: Callable[[], object]) -> tuple[object, float]:
    """Call ``fn`` and return ``(result, seconds)``."""
    t = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - t


async def atimed(coro: object) -> tuple[object, float]:
    """Await ``coro`` and return ``(result, seconds)``."""
    t = time.perf_counter()
    result = await coro  # type: ignore[misc]
    return result, time.perf_counter() - t


async def ingest_fresh(db: Path, paths: list[Path], builtin: bool = False) -> float:
    """``ingest_files`` into a new db; seconds including open/close."""
    t = time.perf_counter()
    async with NoticeStore(db) as store:
        results = await ingest_files(store, paths, builtin=builtin)
    elapsed = time.perf_counter() - t
    errors = [r for r in results if r.status == "error"]
    if errors:
        print(f"  ! {len(errors)} ingest errors, first: {errors[0].message}")
    return elapsed


@dataclass
class LoadTimes:
    """In-process knowledge-base load times (medians, seconds).

    Attributes:
        total: ``load_knowledge_base`` on an already synced store (snapshot stored).
        read: ``store.snapshot()``: reading the stored snapshot.
        tokenizer: ``Tokenizer()``: jieba dictionary and domain terms.
        build: ``KnowledgeBase.from_snapshot``: unpickling, place words, places.
    """

    total: float
    read: float
    tokenizer: float
    build: float


async def load_in_process(db: Path, repeats: int) -> tuple[KnowledgeBase, LoadTimes]:
    """Load the knowledge base from ``db`` ``repeats`` times (after one run that syncs
    the built-in notices and stores the snapshot).

    Returns:
        The last knowledge base and the median times of its parts.
    """
    async with NoticeStore(db) as store:
        await load_knowledge_base(store)  # syncs the built-in notices, stores the snapshot
        key = snapshot_key(await store.hashes())
        totals, reads, toks, builds = [], [], [], []
        kb: KnowledgeBase | None = None
        for _ in range(repeats):
            kb, seconds = await atimed(load_knowledge_base(store))
            totals.append(seconds)
            data, seconds = await atimed(store.snapshot(key))
            reads.append(seconds)
            tokenizer, seconds = timed(Tokenizer)
            toks.append(seconds)
            assert isinstance(data, bytes) and isinstance(tokenizer, Tokenizer)
            _, seconds = timed(
                lambda d=data, t=tokenizer: KnowledgeBase.from_snapshot(d, store.notice_reader(), t)
            )
            builds.append(seconds)
    assert isinstance(kb, KnowledgeBase)
    med = statistics.median
    return kb, LoadTimes(med(totals), med(reads), med(toks), med(builds))


def _probe(db: Path, launcher: bool) -> tuple[float, dict[str, float]]:
    """Run the start-up probe once; ``(wall seconds, the probe's JSON report)``."""
    cmd = [sys.executable, "-c", _STARTUP_CODE, str(db), STARTUP_QUESTION]
    if launcher:
        cmd = [sys.executable, "-c", _LAUNCHER, *cmd]
    t = time.perf_counter()
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True)
    return time.perf_counter() - t, json.loads(out.stdout.strip().splitlines()[-1])


def startup(db: Path, runs: int) -> Startup:
    """Run the start-up probe in fresh interpreters.

    Times are medians over ``runs`` direct children. Memory comes from one extra run
    through a small launcher process: Linux carries ``ru_maxrss`` over ``exec`` from
    the address space being replaced, so a child spawned directly by this (large)
    process would report this process's peak instead of its own.
    """
    runs_ = [_probe(db, launcher=False) for _ in range(runs)]
    _, mem = _probe(db, launcher=True)

    def med(key: str) -> float:
        return statistics.median(r[key] for _, r in runs_)

    return Startup(
        statistics.median(w for w, _ in runs_),
        med("import_s"),
        med("load_s"),
        med("answer_s"),
        int(med("notices")),
        rss_mib(mem["rss_import_kib"]),
        rss_mib(mem["rss_load_kib"]),
        rss_mib(mem["rss_kib"]),
    )


def python_baseline(runs: int) -> float:
    """Median wall time of ``python -c pass`` (interpreter start-up alone)."""
    walls = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        walls.append(time.perf_counter() - t)
    return statistics.median(walls)


def pin_one_core() -> set[int] | None:
    """Pin this process to one CPU; returns the previous affinity (None if unsupported)."""
    if not hasattr(os, "sched_getaffinity"):
        return None
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(before)})
    return before


def measure_answers(answerer: Answerer, questions: list[str], rounds: int) -> Latency:
    """Answer every question ``rounds`` times after one untimed warm-up round. The
    tokenizer's memory of segmented questions is emptied before each round, so each
    question is timed as a new one (the same text asked again would be cheaper)."""
    texts = [answerer.answer(q, TODAY).text for q in questions]
    samples: list[int] = []
    fallbacks = 0
    clock = time.perf_counter_ns
    start = clock()
    for _ in range(rounds):
        answerer.kb.tokenizer.forget()
        for q in questions:
            t = clock()
            answer = answerer.answer(q, TODAY)
            samples.append(clock() - t)
            fallbacks += answer.fallback
    total = (clock() - start) / 1e9
    return Latency(len(samples), total, samples, fallbacks, texts)


def print_profile(prof: cProfile.Profile, title: str, limit: int = 15) -> None:
    """Print the top functions of a finished profile by cumulative and by own time."""
    for key in ("cumulative", "tottime"):
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).strip_dirs().sort_stats(key).print_stats(limit)
        body = buf.getvalue()
        body = body[body.find("   ncalls") :]
        print(f"\n### cProfile: {title} (by {key})\n\n```\n{body.rstrip()}\n```")


def print_latency(label: str, lat: Latency, rounds: int) -> None:
    """One line of answer timings."""
    print(
        f"  {label}: {lat.calls} answers in {lat.total_s:.2f} s = {lat.per_second:.0f}/s;"
        f" p50 {lat.percentile_ms(50):.2f} ms, p99 {lat.percentile_ms(99):.2f} ms,"
        f" max {max(lat.samples_ns) / 1e6:.1f} ms; fallbacks per round {lat.fallbacks // rounds}"
    )


@dataclass
class SizeResult:
    """Everything measured for one knowledge-base size.

    Attributes:
        label: Column title, e.g. ``"10,000 notices"``.
        notices: Notices in the knowledge base (synthetic plus built-in).
        ingest_s: ``ingest_files`` of the synthetic files into a fresh db (seconds;
            the built-in notices alone for the smallest size).
        db_mib: Size of the SQLite file.
        load: In-process load times.
        start: Fresh-process start-up.
        latency: Answer timings (one core).
        same: Questions answered exactly as on the built-in knowledge base.
    """

    label: str
    notices: int
    ingest_s: float
    db_mib: float
    load: LoadTimes
    start: Startup
    latency: Latency
    same: int


async def measure_size(
    args: argparse.Namespace,
    tmp: Path,
    count: int,
    questions: list[str],
    reference: list[str] | None,
) -> SizeResult:
    """Build a knowledge base of ``count`` synthetic notices (0: the built-in ones only)
    and measure ingest, start-up, answers and memory on it."""
    builtins = builtin_paths()
    db = tmp / f"kb-{count}.db"
    if count:
        variants, gen_s = timed(lambda: synthetic.generate(tmp / f"syn-{count}", count, args.seed))
        assert isinstance(variants, list)
        print(f"  generated {count:,} synthetic notices in {fmt_s(gen_s)}")
        ingest_s = await ingest_fresh(db, [v.path for v in variants])
    else:
        ingest_s = await ingest_fresh(db, builtins, builtin=True)
    repeats = 1 if count >= 5000 else 3
    kb, load = await load_in_process(db, repeats)
    start = startup(db, args.startup_runs)
    rounds = args.rounds or (10 if count < 100 else 3)
    previous = pin_one_core() if args.pin else None
    try:
        latency = measure_answers(Answerer(kb), questions, rounds)
    finally:
        if previous:
            os.sched_setaffinity(0, previous)
    ref = reference if reference is not None else latency.texts
    same = sum(a == b for a, b in zip(ref, latency.texts, strict=True))
    result = SizeResult(
        f"{len(kb.notices):,} notices",
        len(kb.notices),
        ingest_s,
        db.stat().st_size / 2**20,
        load,
        start,
        latency,
        same,
    )
    print(
        f"  ingest_files {fmt_s(ingest_s)} (db {result.db_mib:.1f} MiB);"
        f" in-process load {fmt_s(load.total)} (read snapshot {fmt_s(load.read)},"
        f" Tokenizer() {fmt_s(load.tokenizer)}, from_snapshot {fmt_s(load.build)})"
    )
    print(
        f"  fresh process wall {fmt_s(start.wall_s)} = imports {fmt_s(start.import_s)}"
        f" + load {fmt_s(start.load_s)} + first answer {fmt_s(start.answer_s)};"
        f" RSS after imports {start.rss_import_mib:.0f} MiB, after load"
        f" {start.rss_load_mib:.0f} MiB, after first answer {start.rss_mib:.0f} MiB"
    )
    print_latency(f"{rounds} rounds", latency, rounds)
    print(f"  answers identical to the built-in KB's: {same}/{len(questions)}")
    if args.profile:
        prof = cProfile.Profile()
        prof.runcall(measure_answers, Answerer(kb), questions, 1)
        print_profile(prof, f"answer the question set twice on {result.label}")
    return result


def sizes(args: argparse.Namespace) -> list[int]:
    """Synthetic notice counts to measure; 0 (the built-in notices alone) comes first,
    since every other size's answers are compared with its."""
    if args.notices:
        wanted = [int(x.replace("_", "")) for x in args.notices.split(",") if x.strip()]
    else:
        wanted = [5, args.count or (100 if args.quick else 1000)]
    # 5 (or fewer) means the built-in notices; larger sizes are synthetic counts
    counts = [0 if n <= len(builtin_paths()) else n for n in wanted]
    return [0, *dict.fromkeys(n for n in counts if n)]


async def run(args: argparse.Namespace) -> None:
    """Run every measurement and print the results and the markdown table."""
    questions = load_questions()
    tmp = Path(tempfile.mkdtemp(prefix="policybot-bench-"))
    counts = sizes(args)
    print(
        f"# policybot benchmark: {len(builtin_paths())} built-in notices, synthetic sizes"
        f" {', '.join(f'{n:,}' for n in counts if n)}, {len(questions)} questions\n"
    )
    print(f"python {sys.version.split()[0]} on {sys.platform}, {os.cpu_count()} CPUs; tmp {tmp}")
    baseline = python_baseline(3)
    print(f"python -c pass: {fmt_s(baseline)}")
    results: list[SizeResult] = []
    reference: list[str] | None = None
    for count in counts:
        print(f"\n## {count:,} synthetic notices" if count else "\n## built-in notices")
        result = await measure_size(args, tmp, count, questions, reference)
        reference = reference or result.latency.texts
        results.append(result)

    rows: list[tuple[str, Callable[[SizeResult], str]]] = [
        ("Ingest (`ingest_files`: read + parse + store)", lambda r: fmt_s(r.ingest_s)),
        ("Start-up, fresh process → first answer (wall)", lambda r: fmt_s(r.start.wall_s)),
        (
            "↳ of which imports / load KB / first answer",
            lambda r: (
                f"{fmt_s(r.start.import_s)} / {fmt_s(r.start.load_s)} / {fmt_s(r.start.answer_s)}"
            ),
        ),
        ("Answers per second (1 core)", lambda r: f"{r.latency.per_second:,.0f}"),
        (
            "Latency p50 / p99 per answer",
            lambda r: f"{r.latency.percentile_ms(50):.2f} / {r.latency.percentile_ms(99):.2f} ms",
        ),
        ("Peak RSS after first answer (`ru_maxrss`)", lambda r: f"{r.start.rss_mib:.0f} MiB"),
        (
            "Answers identical to the 5-notice KB's",
            lambda r: f"{r.same}/{len(questions)}",
        ),
    ]
    print(
        f"\n## Summary ({dt.date.today().isoformat()}, python {sys.version.split()[0]},"
        f" {os.cpu_count()} CPUs, {len(questions)} questions)\n"
    )
    print("| Metric | " + " | ".join(r.label for r in results) + " |")
    print("|---|" + "---:|" * len(results))
    for name, cell in rows:
        print(f"| {name} | " + " | ".join(cell(r) for r in results) + " |")
    print(f"\n(Python interpreter start-up alone: {fmt_s(baseline)}.)")
    if not args.keep:
        for path in sorted(tmp.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        tmp.rmdir()


def main(argv: list[str] | None = None) -> None:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="100 synthetic notices, fewer rounds")
    ap.add_argument("--count", type=int, default=0, help="synthetic notices (overrides --quick)")
    ap.add_argument(
        "--notices",
        default="",
        help="comma-separated knowledge-base sizes, e.g. 5,1000,10000 (5: the built-in"
        " notices; larger: that many synthetic notices); overrides --count",
    )
    ap.add_argument(
        "--startup-runs", type=int, default=3, help="fresh processes timed per size (median)"
    )
    ap.add_argument("--rounds", type=int, default=0, help="timed rounds over the question set")
    ap.add_argument("--seed", type=int, default=7, help="seed for the synthetic notices")
    ap.add_argument(
        "--no-pin", dest="pin", action="store_false", help="do not pin the answer loop to one CPU"
    )
    ap.add_argument("--profile", action="store_true", help="print cProfile hotspots")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    asyncio.run(run(ap.parse_args(argv)))


if __name__ == "__main__":
    main()
