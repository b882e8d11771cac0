"""Follow-ups that change one of the user's facts (``那我还有一年呢``) ask the last
question again with that fact replaced; anything more is a question of its own."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.divisions import divisions
from knowledge.followups import fact_follow_up, hypothetical_follow_up, kind_follow_up
from knowledge.places import table_place_names
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


@pytest.mark.parametrize(
    ("text", "last", "asked", "old"),
    [
        (
            "那我要只是市级传承人呢",
            "我做藏毯织造的 高级工 是省级非遗传承人 青海能报吗",
            "市级传承人",
            "省级",
        ),
        ("那我是技师呢", "我高级工 56岁 太仓能报吗", "技师", "高级工"),
        ("那事业单位呢", "我们是企业 韶关能报吗", "事业单位", "企业"),
    ],
)
def test_an_honour_level_or_unit_changed_replaces_the_old_one(
    text: str, last: str, asked: str, old: str
) -> None:
    rewritten = kind_follow_up(text, last)
    assert asked in rewritten and rewritten.endswith("能报吗")
    assert old not in rewritten


def test_a_question_of_its_own_is_no_kind_follow_up() -> None:
    assert kind_follow_up("那电话呢", "太仓补助多少") == ""
    assert hypothetical_follow_up("那要是算上我一共才4个呢", "汉中 除了我有4个团队成员 够吗") == ""
    assert hypothetical_follow_up(
        "那我要是做平遥推光漆这种传统技艺的呢", "我56 高级技师 山西能报吗"
    )


def test_a_table_row_is_named_as_users_write_it() -> None:
    assert "海西州" in table_place_names("海西蒙古族藏族自治州")
    assert table_place_names("上合示范区")[0] == "上合示范区"


def test_pinyin_of_a_prefecture_but_not_of_two_provinces() -> None:
    table = divisions()
    assert table.by_pinyin("taiyuan") == "太原"
    assert table.by_pinyin("shanxi") == ""  # 山西 and 陕西 sound alike
