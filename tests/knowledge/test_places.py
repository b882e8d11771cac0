"""Place matching: the ways users name a city, resolved to the right notice.

The matcher is the session knowledge base's (five built-in notices plus 青川). Questions
are normalised with :func:`knowledge.text.normalize_question` first, as the answerer
does.
"""

from __future__ import annotations

import pytest

from knowledge.base import KnowledgeBase
from knowledge.places import (
    PlaceHit,
    PlaceMatcher,
    Strength,
    describe_place,
    short_name,
    split_units,
)
from knowledge.text import normalize_question


@pytest.fixture(scope="module")
def places(kb: KnowledgeBase) -> PlaceMatcher:
    return kb.places


def match(places: PlaceMatcher, question: str) -> list[PlaceHit]:
    return places.match(normalize_question(question))


def top(places: PlaceMatcher, question: str) -> PlaceHit:
    hits = match(places, question)
    assert hits, f"no place found in {question!r}"
    return hits[0]


def assert_selects(
    places: PlaceMatcher,
    notice_of: dict[str, str],
    question: str,
    place: str,
    strength: int | None = None,
) -> None:
    hits = match(places, question)
    assert hits, f"no place found in {question!r}"
    best = [h for h in hits if h.strength == hits[0].strength]
    assert [h.notice_id for h in best] == [notice_of[place]], f"{question!r} → {hits}"
    if strength is not None:
        assert hits[0].strength == strength, f"{question!r} → {hits}"


# ------------------------------------------------------------------ helpers


@pytest.mark.parametrize(
    ("name", "short"),
    [("太仓市", "太仓"), ("温州市鹿城区", "鹿城"), ("无锡市", "无锡"), ("青川市", "青川")],
)
def test_short_name(name: str, short: str) -> None:
    assert short_name(name) == short


def test_split_units() -> None:
    assert split_units("温州市鹿城区") == ["温州市", "鹿城区"]
    assert split_units("太仓市") == ["太仓市"]


def test_describe_known_place() -> None:
    place = describe_place("太仓市")
    assert place.city == "苏州市"
    assert place.province == "江苏省"
    assert place.area_code == "0512"
    assert {"太仓", "taicang", "苏州"} <= set(place.aliases)


def test_describe_unknown_place_uses_phone_area_code() -> None:
    place = describe_place("青川市", ["0839", "0839"])
    assert place.short == "青川"
    assert place.area_code == "0839"
    assert "qingchuan" in place.aliases


# ------------------------------------------------------------------ exact names


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("太仓的截止时间", "太仓"),
        ("太仓市要什么材料", "太仓"),
        ("镇江补助", "镇江"),
        ("鹿城区联系电话", "鹿城"),
        ("温州市鹿城区的通知", "鹿城"),
        ("无锡年龄要求", "无锡"),
        ("韶关有效期", "韶关"),
        ("青川截止时间", "青川"),
    ],
)
def test_exact_name(
    places: PlaceMatcher, notice_of: dict[str, str], question: str, place: str
) -> None:
    assert_selects(places, notice_of, question, place, Strength.EXACT)


# ------------------------------------------------------------------ counties and parent city


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("江阴补贴", "无锡"),
        ("宜兴的工作室", "无锡"),
        ("丹阳申报", "镇江"),
        ("乐昌联系电话", "韶关"),
    ],
)
def test_county_selects_its_city(
    places: PlaceMatcher, notice_of: dict[str, str], question: str, place: str
) -> None:
    assert_selects(places, notice_of, question, place, Strength.PART)


def test_parent_city_is_a_weak_match(places: PlaceMatcher, notice_of: dict[str, str]) -> None:
    assert_selects(places, notice_of, "苏州截止时间", "太仓", Strength.PARENT)
    assert_selects(places, notice_of, "温州的材料", "鹿城", Strength.PARENT)


def test_exact_name_beats_parent_city(places: PlaceMatcher, notice_of: dict[str, str]) -> None:
    hit = top(places, "苏州太仓的截止时间")
    assert hit.notice_id == notice_of["太仓"]
    assert hit.strength == Strength.EXACT


def test_strength_order() -> None:
    assert Strength.EXACT > Strength.PART > Strength.FUZZY > Strength.PARENT


def test_two_cities_named(places: PlaceMatcher, notice_of: dict[str, str]) -> None:
    hits = match(places, "太仓和无锡的补助有什么区别")
    assert {h.notice_id for h in hits if h.strength == Strength.EXACT} == {
        notice_of["太仓"],
        notice_of["无锡"],
    }


# ------------------------------------------------------------------ typos


@pytest.mark.parametrize(
    ("question", "place"),
    [("无希的补助", "无锡"), ("真江截止时间", "镇江"), ("韶光联系电话", "韶关")],
    ids=["wuxi", "zhenjiang", "shaoguan"],
)
def test_homophone_typo(
    places: PlaceMatcher, notice_of: dict[str, str], question: str, place: str
) -> None:
    assert_selects(places, notice_of, question, place, Strength.FUZZY)


def test_lookalike_typo(places: PlaceMatcher, notice_of: dict[str, str]) -> None:
    assert_selects(places, notice_of, "太仑大师工作室啥时候截止", "太仓", Strength.FUZZY)


def test_typo_of_an_ingested_place(places: PlaceMatcher, notice_of: dict[str, str]) -> None:
    assert_selects(places, notice_of, "清川的补助", "青川", Strength.FUZZY)


# ------------------------------------------------------------------ pinyin


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("lucheng材料", "鹿城"),
        ("wuxi补助", "无锡"),
        ("TaiCang 截止时间", "太仓"),
        ("ｗｕｘｉ补助", "无锡"),
    ],
    ids=["lucheng", "wuxi", "mixed-case", "full-width"],
)
def test_pinyin(places: PlaceMatcher, notice_of: dict[str, str], question: str, place: str) -> None:
    assert_selects(places, notice_of, question, place, Strength.EXACT)


@pytest.mark.parametrize(
    ("question", "place"), [("shaoguang联系电话", "韶关"), ("zhenjang补助", "镇江")]
)
def test_pinyin_typo(
    places: PlaceMatcher, notice_of: dict[str, str], question: str, place: str
) -> None:
    assert_selects(places, notice_of, question, place)


# ------------------------------------------------------------------ no false positives


@pytest.mark.parametrize(
    "question",
    [
        "太多了",
        "无需盖章吗",
        "镇上的企业能申报吗",
        "关于申报的通知在哪里看",
        "申报材料太多了",
        "关键是什么",
        "江边的工厂可以申报吗",
        "what is the deadline",
        "补助多少钱",
    ],
)
def test_no_false_positive(places: PlaceMatcher, question: str) -> None:
    assert match(places, question) == []


@pytest.mark.parametrize(
    "question",
    ["补助是无息的吗", "这种情况太常见了", "领导少关注这个怎么办", "时间太仓促了能延期吗"],
    ids=["wuxi-homophone", "taicang-homophone", "shaoguan-homophone", "taicang-in-a-word"],
)
def test_no_false_positive_on_words_sounding_like_a_place(
    places: PlaceMatcher, question: str
) -> None:
    """Ordinary words one sound (or one word boundary) away from a short name:
    无息/无锡, 太常/太仓, 少关/韶关, 太仓促 (仓促 = hurried)."""
    assert match(places, question) == []
