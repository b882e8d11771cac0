"""Scale: the structures that keep a question's cost independent of the number of notices
answer exactly as the linear ones they replace, and a knowledge base loaded from its
snapshot answers as the one it was taken of."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import random
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.base import KnowledgeBase, load_knowledge_base, snapshot_key
from knowledge.index import BM25Index
from knowledge.lazy import NoticeMap
from knowledge.models import Notice
from knowledge.places import NameFinder
from knowledge.qa import Answerer
from knowledge.store import NoticeStore

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT / "tests" / "data" / "questions.jsonl"
TODAY = dt.date(2024, 6, 1)  # the date the question set was written against


def _regex_matches(names: list[str], text: str) -> list[tuple[int, int, str]]:
    """What the alternation regex (longest names first) used to find."""
    order = sorted({n for n in names if n}, key=len, reverse=True)
    if not order:
        return []
    rx = re.compile("|".join(map(re.escape, order)))
    return [(m.start(), m.end(), m.group()) for m in rx.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(
    names=st.lists(st.text(alphabet="太仓江阴市区县", min_size=1, max_size=4), max_size=12),
    text=st.text(alphabet="太仓江阴市区县的", max_size=30),
)
def test_name_finder_finds_what_the_alternation_regex_found(names: list[str], text: str):
    assert list(NameFinder(names).finditer(text)) == _regex_matches(names, text)


def test_name_finder_without_names_finds_nothing():
    finder = NameFinder([])
    assert not finder and list(finder.finditer("太仓")) == []


def _brute_force(index: BM25Index, tokens: list[str], notices: set[str], limit: int) -> list:
    hits = index.search(tokens, None, limit=10**6)
    return [h for h in hits if h.notice_id in notices][:limit]


def test_a_search_restricted_to_notices_ranks_as_filtering_all_hits():
    rng = random.Random(3)
    vocab = [f"w{i}" for i in range(40)]
    index = BM25Index()
    ids = [f"n{i:02d}" for i in range(30)]
    for nid in ids:
        for ref in range(rng.randint(1, 6)):
            index.add(nid, str(ref), rng.choices(vocab, k=rng.randint(1, 12)))
    index.finish()
    for _ in range(200):
        tokens = rng.choices(vocab + ["unknown"], k=rng.randint(1, 5))
        chosen = set(rng.sample(ids, rng.randint(1, 4)))
        assert index.search(tokens, chosen, limit=5) == _brute_force(index, tokens, chosen, 5)


def test_an_index_survives_pickling_with_the_same_hits():
    import pickle

    index = BM25Index()
    index.add("a", "一", ["申报", "截止", "材料"])
    index.add("b", "一", ["申报", "补助"])
    index.add("a", "二", ["补助", "补助", "名额"])  # a second run of notice a
    index.finish()
    loaded = pickle.loads(pickle.dumps(index))
    for tokens, notices in ((["补助"], None), (["补助", "申报"], {"a"}), (["名额"], {"b"})):
        assert loaded.search(tokens, notices) == index.search(tokens, notices)
    assert loaded.idf("补助") == index.idf("补助")


def test_notice_map_loads_each_notice_once_and_keeps_a_bounded_cache(kb: KnowledgeBase):
    loads: list[str] = []
    full = dict(kb.notices)

    def load(nid: str) -> Notice:
        loads.append(nid)
        return full[nid]

    ids = list(full)
    lazy = NoticeMap(ids, load, cache_size=2)
    assert list(lazy) == ids and len(lazy) == len(ids) and ids[0] in lazy and not loads
    assert lazy[ids[0]] is full[ids[0]] and lazy[ids[0]] is full[ids[0]]
    assert loads == [ids[0]]
    for nid in ids:
        lazy[nid]
    assert lazy.cached == 2
    with pytest.raises(KeyError):
        lazy["no such notice"]


def _questions() -> list[str]:
    lines = QUESTIONS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines if line.strip()]


def test_a_knowledge_base_from_its_snapshot_answers_as_the_built_one(kb: KnowledgeBase):
    full = dict(kb.notices)
    built = KnowledgeBase(list(full.values()), kb.tokenizer)
    loaded = KnowledgeBase.from_snapshot(built.snapshot(), full.__getitem__, kb.tokenizer)
    assert isinstance(loaded.notices, NoticeMap) and list(loaded.notices) == list(built.notices)
    a, b = Answerer(built), Answerer(loaded)
    for q in _questions():
        assert a.answer(q, TODAY).text == b.answer(q, TODAY).text, q


def test_the_second_start_loads_the_stored_snapshot(tmp_path: Path):
    async def scenario() -> tuple[bool, bool, bool]:
        async with NoticeStore(tmp_path / "kb.db") as store:
            first = await load_knowledge_base(store)
            stored = await store.snapshot(snapshot_key(await store.hashes())) is not None
            second = await load_knowledge_base(store)
            eager = await load_knowledge_base(store, lazy=False)
        return (
            stored,
            isinstance(second.notices, NoticeMap),
            list(first.notices) == list(eager.notices) and isinstance(eager.notices, dict),
        )

    assert asyncio.run(scenario()) == (True, True, True)


def test_synthetic_names_go_on_past_the_two_character_ones():
    sys.path.insert(0, str(ROOT / "scripts"))
    import synthetic

    names = synthetic.fictional_names(random.Random(7))
    first = [next(names) for _ in range(9000)]
    assert len(set(first)) == len(first)
    assert {len(n) for n in first} == {2, 3}
