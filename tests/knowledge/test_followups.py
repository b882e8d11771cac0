"""Follow-ups that change one of the user's facts (``那我还有一年呢``) ask the last
question again with that fact replaced; anything more is a question of its own."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.followups import fact_follow_up
from knowledge.profile import read_profile
from knowledge.text import normalize_question


@pytest.mark.parametrize(
    ("text", "last", "asked"),
    [
        ("那我还有一年呢", "我还有3年退休 遵义的能报吗", "我还有一年退休遵义的能报吗"),
        ("那我56岁呢", "我55岁 技师 能报太仓吗", "我56岁技师能报太仓吗"),
        ("如果是6个人呢", "团队5个人够吗 鹿城", "团队6个人够吗鹿城"),
        ("那技能大师工作室呢 也是3个人", "加上我3个人够吗", ""),  # names a programme too
        ("2025年的呢", "太仓2024年补助多少", ""),  # a year, not a fact of the user's
        ("柳州补助多少", "我55岁 技师 能报太仓吗", ""),
        ("那我56岁呢", "", ""),
    ],
)
def test_a_changed_fact_asks_the_last_question_again(text: str, last: str, asked: str) -> None:
    assert fact_follow_up(text, last) == asked


@pytest.mark.parametrize(
    ("text", "size", "with_leader"),
    [
        ("加上我3个人够吗", 3, True),
        ("除了我有2个人 行吗", 2, False),
        ("连我在内3个人", 3, True),
    ],
)
def test_team_counts_said_around_the_user(text: str, size: int, with_leader: bool) -> None:
    p = read_profile(normalize_question(text), dt.date(2026, 12, 1))
    assert (p.team_size, p.team_includes_leader) == (size, with_leader)
