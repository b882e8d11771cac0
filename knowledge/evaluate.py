"""Score the answerer on a committed question set (``tests/data/questions.jsonl``).

Each question names the notice (place short name) the answer must come from, strings
the answer must contain, and whether it must fall back or ask for the city. A question
is correct when:

- ``fallback`` questions: the answer is a fallback; for a named city, at least one
  ``expect_any`` string (its contact) appears;
- ``clarify`` questions: the answer asks for the city (clarify set) or names several;
- otherwise: not a fallback, every ``expect_all`` and one ``expect_any`` string appears
  (after removing whitespace), and every citation comes from the expected notice.

Run ``python -m knowledge.evaluate [--db PATH] [--verbose]`` to print the score.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from knowledge.qa import Answer, Answerer
from knowledge.text import fold


@dataclass
class Verdict:
    """Result of one question: ``ok`` and, when wrong, ``why``."""

    qid: str
    ok: bool
    why: str
    wrong_notice: bool = False


def load_questions(path: Path) -> list[dict]:  # type: ignore[type-arg]
    """Read a JSONL question set."""
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def judge(item: dict, answer: Answer, place_of: dict[str, str]) -> Verdict:  # type: ignore[type-arg]
    """Judge one answer against one question item.

    Args:
        item: A question-set row.
        answer: The answerer's answer.
        place_of: ``{notice_id: place short name}``.
    """
    text = fold(answer.text)
    expect_any = [fold(s) for s in item.get("expect_any", [])]
    expect_all = [fold(s) for s in item.get("expect_all", [])]
    want = item.get("notice")
    cited = {place_of.get(c.notice_id, "?") for c in answer.citations}
    wrong = bool(want) and bool(cited - {want})
    if item.get("fallback"):
        if not answer.fallback:
            return Verdict(item["id"], False, "expected fallback", wrong)
        if want and expect_any and not any(s in text for s in expect_any):
            return Verdict(item["id"], False, "fallback without the right contact", wrong)
        return Verdict(item["id"], not wrong, "wrong notice cited" if wrong else "", wrong)
    if item.get("clarify"):
        ok = bool(answer.clarify) or len(cited) > 1
        return Verdict(item["id"], ok, "" if ok else "did not ask which city")
    if answer.fallback:
        return Verdict(item["id"], False, "unexpected fallback", wrong)
    if wrong:
        return Verdict(item["id"], False, f"cited {sorted(cited)} not {want}", True)
    if want and not cited:
        return Verdict(item["id"], False, "no citation")
    missing = [s for s in expect_all if s not in text]
    if missing or (expect_any and not any(s in text for s in expect_any)):
        return Verdict(item["id"], False, f"missing {missing or expect_any}")
    return Verdict(item["id"], True, "")


_CLARIFY = ("哪个", "哪一个", "哪座", "请问您", "请选择", "您想了解", "哪里", "哪个市", "哪一")


def judge_expect(item: dict, text: str, fallback: bool) -> bool:  # type: ignore[type-arg]
    """Judge an answer in the blind sets' format (the shared scorer's rules): every
    ``expect`` group has one alternative in the answer after NFKC and whitespace removal,
    no ``forbid`` string is; ``out_of_scope`` items must fall back; ``ambiguous`` items
    must name ``min_cities`` of ``cities`` or (``clarify_ok``) ask which one."""
    ans = fold(text)
    category = item.get("category")
    if category == "out_of_scope":
        return fallback
    if category == "ambiguous":
        named = [c for c in item.get("cities") or [] if c in ans]
        return len(named) >= item.get("min_cities", 2) or (
            bool(item.get("clarify_ok")) and any(w in ans for w in _CLARIFY)
        )
    if any(fold(f) in ans for f in item.get("forbid") or []):
        return False
    groups = item.get("expect") or []
    return bool(groups) and all(any(fold(alt) in ans for alt in g) for g in groups)


def evaluate(answerer: Answerer, items: list[dict], today: dt.date) -> list[Verdict]:  # type: ignore[type-arg]
    """Answer and judge every item."""
    place_of = {nid: m.place.short for nid, m in answerer.kb.metas.items()}
    return [judge(item, answerer.answer(item["question"], today), place_of) for item in items]


def main() -> None:  # pragma: no cover - CLI helper
    import argparse
    import asyncio
    import tempfile

    from knowledge.base import KnowledgeBase, ingest_files, load_knowledge_base
    from knowledge.store import NoticeStore

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--questions", type=Path, default=Path("tests/data/questions.jsonl"))
    ap.add_argument(
        "--extra", type=Path, nargs="*", default=[Path("tests/data/notices/qingchuan_2025.txt")]
    )
    ap.add_argument("--today", type=dt.date.fromisoformat, default=dt.date(2024, 6, 1))
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args()

    async def build() -> KnowledgeBase:
        with tempfile.TemporaryDirectory() as tmp:
            async with NoticeStore(Path(tmp) / "kb.db") as store:
                await ingest_files(store, list(args.extra))
                return await load_knowledge_base(store)

    kb = asyncio.run(build())
    answerer = Answerer(kb)
    items = load_questions(args.questions)
    verdicts = evaluate(answerer, items, args.today)
    by_id = {i["id"]: i for i in items}
    for v in verdicts:
        if not v.ok and args.verbose:
            item = by_id[v.qid]
            print(
                f"✗ {v.qid} [{item.get('notice')}/{item.get('intent')}] {item['question']} — {v.why}"
            )
            print(
                "   "
                + answerer.answer(item["question"], args.today).text.replace("\n", "\n   ")[:400]
            )
    ok = sum(v.ok for v in verdicts)
    print(
        f"accuracy {ok}/{len(verdicts)} = {ok / len(verdicts):.1%}; wrong-notice {sum(v.wrong_notice for v in verdicts)}"
    )


if __name__ == "__main__":  # pragma: no cover
    main()
