"""Curated FAQ matching: paraphrases match, other questions and other cities do not.

The threshold (``MATCH_THRESHOLD``) was tuned on the table below: paraphrases score
≥ 0.91, the closest wrong questions (same city and words, other topic) ≤ 0.6.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest

from bot.app import build_runtime
from bot.faq import MATCH_THRESHOLD, FaqMatcher, faq_reply
from bot.settings import load_settings
from bot.tickets import FaqEntry


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    """The built-in notices' knowledge base, built once (``asyncio.run`` in a sync fixture)."""
    db = Path(tmp_path_factory.mktemp("faq")) / "kb.db"

    async def build():
        async with build_runtime(load_settings({}, db=db, today=dt.date(2024, 6, 1))) as rt:
            return rt.kb

    return asyncio.run(build())


def taicang(kb) -> str:
    return next(n for n, notice in kb.notices.items() if notice.meta.place.name == "太仓市")


def wuxi(kb) -> str:
    return next(n for n, notice in kb.notices.items() if "无锡" in notice.meta.place.name)


def entry(kb, variants=()) -> FaqEntry:
    return FaqEntry(
        id=1,
        question="太仓工作室每年要考核吗",
        variants=list(variants),
        answer="每年考核一次。",
        notice_id=taicang(kb),
    )


@pytest.mark.parametrize(
    "question",
    [
        "太仓工作室每年要考核吗",
        "太仓的工作室每年都需要考核吗？",
        "太倉工作室每年要考核嗎",  # traditional characters
        "太仓技能大师工作室每年都要考核吗",
        "工作室每年要考核吗",  # no city: the session's notice decides
        "工作室要每年考核吗",
    ],
)
def test_paraphrases_match(kb, question):
    match = FaqMatcher(kb).best(question, [entry(kb)], current=taicang(kb))
    assert match is not None and match.score >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "question",
    [
        "太仓工作室每年有补贴吗",
        "太仓的截止时间？",
        "太仓申报需要准备哪些材料",
        "工作室需要年度考核吗",  # different words: staff add it as a variant instead
        "你好",
    ],
)
def test_other_questions_do_not_match(kb, question):
    assert FaqMatcher(kb).best(question, [entry(kb)], current=taicang(kb)) is None


def test_a_variant_widens_the_entry(kb):
    with_variant = entry(kb, ["工作室需要年度考核吗"])
    assert FaqMatcher(kb).best("工作室需要年度考核吗", [with_variant]) is not None


def test_an_entry_about_one_city_never_answers_another(kb):
    matcher = FaqMatcher(kb)
    assert matcher.best("无锡工作室每年要考核吗", [entry(kb)]) is None
    assert matcher.best("工作室每年要考核吗", [entry(kb)], current=wuxi(kb)) is None
    assert matcher.best("工作室每年要考核吗", [entry(kb)], current=None) is not None
    general = FaqEntry(
        id=2, question="工作室每年要考核吗", variants=[], answer="各地不同。", notice_id=None
    )
    assert matcher.best("无锡工作室每年要考核吗", [general]) is not None


def test_best_of_several_entries(kb):
    subsidy = FaqEntry(
        id=2,
        question="太仓工作室补贴什么时候发",
        variants=[],
        answer="验收后。",
        notice_id=taicang(kb),
    )
    match = FaqMatcher(kb).best("太仓工作室补贴啥时候发放", [entry(kb), subsidy])
    assert match is not None and match.entry.id == 2


def test_reply_cites_the_faq_and_the_notice(kb):
    reply = faq_reply(entry(kb), kb)
    assert reply.from_staff and not reply.fallback
    assert reply.text.startswith("每年考核一次。")
    assert "工作人员整理的答复（FAQ #1）" in reply.text
    assert "太人社职〔2024〕7号" in reply.text
    assert reply.sources and "太仓市" in reply.sources[0].notice
