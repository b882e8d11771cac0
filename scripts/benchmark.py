"""Benchmark the knowledge base: ingest, start-up, answer throughput/latency, memory.

Prints numbers only (no thresholds, no pass/fail) and ends with a markdown table that
can be pasted into the README.

Measured:

1. Ingest of the five built-in notices (read + parse + store into a fresh SQLite db).
2. Ingest of a synthetic knowledge base (``scripts/synthetic.py``: fictional variants of
   the built-in notices): parse only, store only, and ``ingest_files`` end to end.
3. Start-up: wall time of a fresh ``python -c`` process that opens an existing db,
   builds the knowledge base and an ``Answerer`` and answers one question; and the
   in-process ``load_knowledge_base`` time.
4. Answers per second and p50/p99 latency per answer, in process, single thread,
   pinned to one core, over ``tests/data/questions.jsonl``.
5. Peak memory (``ru_maxrss``) of a fresh process after loading each knowledge base.

Usage::

    python scripts/benchmark.py            # 1,000 synthetic notices
    python scripts/benchmark.py --quick    # 100 synthetic notices
    python scripts/benchmark.py --profile  # also cProfile ingest and answering
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import datetime as dt
import gc
import io
import json
import os
import pstats
import resource
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
)
from knowledge.models import Notice  # noqa: E402
from knowledge.parse import parse_notice  # noqa: E402
from knowledge.qa import Answerer  # noqa: E402
from knowledge.readers import read_document  # noqa: E402
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


def parse_files(paths: list[Path]) -> list[Notice]:
    """Read and parse notice files (what ``ingest_files`` does before storing)."""
    return [parse_notice(read_document(p), p.name) for p in paths]


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


async def store_fresh(db: Path, notices: list[Notice]) -> float:
    """Store already parsed notices into a new db; seconds including open/close."""
    t = time.perf_counter()
    async with NoticeStore(db) as store:
        for notice in notices:
            await store.upsert(notice)
    return time.perf_counter() - t


@dataclass
class LoadTimes:
    """In-process knowledge-base load times (medians, seconds).

    Attributes:
        total: ``load_knowledge_base`` on an already synced store.
        read: ``store.all()``: reading and validating the stored JSON.
        tokenizer: ``Tokenizer()``: jieba dictionary and domain terms.
        build: ``KnowledgeBase(notices, tokenizer)``: place words, BM25 index, places.
    """

    total: float
    read: float
    tokenizer: float
    build: float


async def load_in_process(db: Path, repeats: int) -> tuple[KnowledgeBase, LoadTimes]:
    """Load the knowledge base from ``db`` ``repeats`` times (after one sync run).

    Returns:
        The last knowledge base and the median times of its parts.
    """
    async with NoticeStore(db) as store:
        await load_knowledge_base(store)  # syncs the built-in notices once
        totals, reads, toks, builds = [], [], [], []
        kb: KnowledgeBase | None = None
        for _ in range(repeats):
            kb, seconds = await atimed(load_knowledge_base(store))
            totals.append(seconds)
            notices, seconds = await atimed(store.all())
            reads.append(seconds)
            tokenizer, seconds = timed(Tokenizer)
            toks.append(seconds)
            _, seconds = timed(lambda n=notices, t=tokenizer: KnowledgeBase(n, t))
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
    """Answer every question ``rounds`` times after one untimed warm-up round."""
    texts = [answerer.answer(q, TODAY).text for q in questions]
    samples: list[int] = []
    fallbacks = 0
    clock = time.perf_counter_ns
    start = clock()
    for _ in range(rounds):
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


async def run(args: argparse.Namespace) -> None:
    """Run every measurement and print the results and the markdown table."""
    n = args.count or (100 if args.quick else 1000)
    small_rounds = args.rounds or (3 if args.quick else 10)
    big_rounds = args.rounds or (2 if args.quick else 3)
    runs = 3
    questions = load_questions()
    builtins = builtin_paths()
    tmp = Path(tempfile.mkdtemp(prefix="policybot-bench-"))
    print(
        f"# policybot benchmark: {len(builtins)} built-in notices, {n} synthetic notices,"
        f" {len(questions)} questions\n"
    )
    print(f"python {sys.version.split()[0]} on {sys.platform}, {os.cpu_count()} CPUs; tmp {tmp}")

    # 1. Built-in notices.
    print("\n## 1. Ingest: built-in notices")
    cold = await ingest_fresh(tmp / "cold.db", builtins, builtin=True)
    parse_small = statistics.median(timed(lambda: parse_files(builtins))[1] for _ in range(runs))
    notices_small = parse_files(builtins)
    store_small = statistics.median(
        [await store_fresh(tmp / f"s{i}.db", notices_small) for i in range(runs)]
    )
    ingest_small = statistics.median(
        [await ingest_fresh(tmp / f"b{i}.db", builtins, True) for i in range(runs)]
    )
    small_db = tmp / "b0.db"
    print(f"  first ingest in this process (cold caches): {fmt_s(cold)}")
    print(
        f"  median of {runs}: parse {fmt_s(parse_small)}, store {fmt_s(store_small)},"
        f" ingest_files {fmt_s(ingest_small)}"
    )

    # 2. Synthetic notices.
    print(f"\n## 2. Ingest: {n} synthetic notices")
    variants, gen_s = timed(lambda: synthetic.generate(tmp / "synthetic", n, args.seed))
    assert isinstance(variants, list)
    paths = [v.path for v in variants]
    notices_big, parse_big = timed(lambda: parse_files(paths))
    assert isinstance(notices_big, list)
    templates = {t.path.name: t.notice for t in synthetic.load_templates()}
    invalid = sum(
        bool(synthetic.check_variant(v, nt, templates[v.template]))
        for v, nt in zip(variants, notices_big, strict=True)
    )
    store_big = await store_fresh(tmp / "store-only.db", notices_big)
    big_db = tmp / "synthetic.db"
    ingest_big = await ingest_fresh(big_db, paths)
    size_mib = big_db.stat().st_size / 2**20
    print(f"  generated in {fmt_s(gen_s)}; {n - invalid}/{n} valid variants")
    print(
        f"  parse only {fmt_s(parse_big)} ({parse_big / n * 1000:.1f} ms/notice),"
        f" store only {fmt_s(store_big)} ({store_big / n * 1000:.1f} ms/notice),"
        f" ingest_files {fmt_s(ingest_big)}; db {size_mib:.1f} MiB"
    )

    # 3. Start-up.
    print("\n## 3. Start-up")
    kb_small, load_small = await load_in_process(small_db, runs)
    kb_big, load_big = await load_in_process(big_db, runs)
    baseline = python_baseline(runs)
    start_small = startup(small_db, runs)
    start_big = startup(big_db, runs)
    print(f"  python -c pass: {fmt_s(baseline)}")
    for label, kb, load, st in (
        ("built-in", kb_small, load_small, start_small),
        ("synthetic", kb_big, load_big, start_big),
    ):
        print(
            f"  {label} ({len(kb.notices)} notices): in-process load_knowledge_base"
            f" {fmt_s(load.total)} (store.all {fmt_s(load.read)}, Tokenizer()"
            f" {fmt_s(load.tokenizer)}, KnowledgeBase() {fmt_s(load.build)});"
            f" fresh process wall {fmt_s(st.wall_s)} = imports {fmt_s(st.import_s)}"
            f" + load {fmt_s(st.load_s)} + first answer {fmt_s(st.answer_s)}"
            f" + interpreter start/exit"
        )

    # 4. Answers.
    print(f"\n## 4. Answers (single thread, {'pinned to one core' if args.pin else 'unpinned'})")
    previous = pin_one_core() if args.pin else None
    try:
        lat_small = measure_answers(Answerer(kb_small), questions, small_rounds)
        print_latency(f"built-in KB, {small_rounds} rounds", lat_small, small_rounds)
        lat_big = measure_answers(Answerer(kb_big), questions, big_rounds)
        print_latency(f"synthetic KB, {big_rounds} rounds", lat_big, big_rounds)
        same = sum(a == b for a, b in zip(lat_small.texts, lat_big.texts, strict=True))
        print(
            f"  answers identical on both KBs: {same}/{len(questions)}"
            " (the others name no place, or one without a notice: the reply lists every place)"
        )
    finally:
        if previous:
            os.sched_setaffinity(0, previous)

    # 5. Memory.
    own = rss_mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    print("\n## 5. Peak memory (ru_maxrss, fresh process)")
    for label, st in (("built-in", start_small), ("synthetic", start_big)):
        print(
            f"  {label}: after imports {st.rss_import_mib:.0f} MiB, after load"
            f" {st.rss_load_mib:.0f} MiB, after first answer {st.rss_mib:.0f} MiB"
        )
    print(f"  (this benchmark process, which also parsed everything: {own:.0f} MiB)")

    big = f"{n:,} synthetic + {len(builtins)} built-in"
    rows = [
        (
            "Ingest: read + parse",
            fmt_s(parse_small),
            f"{fmt_s(parse_big)} ({parse_big / n * 1000:.1f} ms/notice)",
        ),
        (
            "Ingest: store (SQLite)",
            fmt_s(store_small),
            f"{fmt_s(store_big)} ({store_big / n * 1000:.1f} ms/notice)",
        ),
        ("Ingest: total (`ingest_files`)", fmt_s(ingest_small), fmt_s(ingest_big)),
        (
            "Load KB in process (`load_knowledge_base`)",
            fmt_s(load_small.total),
            fmt_s(load_big.total),
        ),
        (
            "↳ of which read db / jieba `Tokenizer()` / build index",
            f"{fmt_s(load_small.read)} / {fmt_s(load_small.tokenizer)} / {fmt_s(load_small.build)}",
            f"{fmt_s(load_big.read)} / {fmt_s(load_big.tokenizer)} / {fmt_s(load_big.build)}",
        ),
        (
            "Start-up, fresh process → first answer (wall)",
            fmt_s(start_small.wall_s),
            fmt_s(start_big.wall_s),
        ),
        (
            "↳ of which imports / load KB / first answer",
            f"{fmt_s(start_small.import_s)} / {fmt_s(start_small.load_s)} / "
            f"{fmt_s(start_small.answer_s)}",
            f"{fmt_s(start_big.import_s)} / {fmt_s(start_big.load_s)} / "
            f"{fmt_s(start_big.answer_s)}",
        ),
        ("Answers per second (1 core)", f"{lat_small.per_second:.0f}", f"{lat_big.per_second:.0f}"),
        (
            "Latency p50 / p99 per answer",
            f"{lat_small.percentile_ms(50):.2f} / {lat_small.percentile_ms(99):.2f} ms",
            f"{lat_big.percentile_ms(50):.2f} / {lat_big.percentile_ms(99):.2f} ms",
        ),
        (
            "Peak RSS after loading KB (`ru_maxrss`)",
            f"{start_small.rss_load_mib:.0f} MiB",
            f"{start_big.rss_load_mib:.0f} MiB",
        ),
    ]
    print(
        f"\n## Summary ({dt.date.today().isoformat()}, python {sys.version.split()[0]},"
        f" {len(questions)} questions, median of {runs} where repeated)\n"
    )
    print(f"| Metric | Built-in KB ({len(builtins)} notices) | Synthetic KB ({big}) |")
    print("|---|---:|---:|")
    for name, a, b in rows:
        print(f"| {name} | {a} | {b} |")
    print(f"\n(Python interpreter start-up alone: {fmt_s(baseline)}.)")

    if args.profile:
        gc.collect()
        gc.freeze()  # keep collections of the parsed notices out of the profiles
        prof = cProfile.Profile()
        prof.runcall(parse_files, paths[:100])
        print_profile(prof, f"read + parse {len(paths[:100])} synthetic notices")
        prof = cProfile.Profile()
        prof.enable()
        await ingest_fresh(tmp / "profile.db", paths[:200])
        prof.disable()
        print_profile(prof, f"ingest_files of {len(paths[:200])} synthetic notices")
        async with NoticeStore(big_db) as store:
            prof = cProfile.Profile()
            prof.enable()
            await load_knowledge_base(store)
            prof.disable()
        print_profile(prof, "load_knowledge_base of the synthetic KB")
        prof = cProfile.Profile()
        prof.runcall(measure_answers, Answerer(kb_big), questions, 1)
        print_profile(prof, "answer the question set twice on the synthetic KB")
    if not args.keep:
        for path in sorted(tmp.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        tmp.rmdir()


def main(argv: list[str] | None = None) -> None:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="100 synthetic notices, fewer rounds")
    ap.add_argument("--count", type=int, default=0, help="synthetic notices (overrides --quick)")
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
