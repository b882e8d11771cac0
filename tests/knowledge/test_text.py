"""Text normalisation: what a phone keyboard produces → what the matchers expect."""

from __future__ import annotations

import pytest

from knowledge.text import (
    cn_number,
    fold,
    normalize_question,
    shorten,
    split_sentences,
    squeeze,
    to_simplified,
)

# ------------------------------------------------------------------ normalize_question


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ＴＡＩＣＡＮＧ截止", "taicang截止"),  # full-width letters, lower-cased
        ("太仓２０２４年", "太仓2024年"),  # full-width digits
        ("太仓的截止时间？", "太仓的截止时间?"),  # full-width punctuation (NFKC)
        ("０７５１－８６０５６８３", "0751-8605683"),
        ("ａ４纸", "a4纸"),
    ],
    ids=["letters", "digits", "question-mark", "phone", "paper"],
)
def test_full_width_to_half_width(raw: str, expected: str) -> None:
    assert normalize_question(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("無錫申報年齡", "无锡申报年龄"),
        ("韶關聯繫電話", "韶关联系电话"),
        ("什麼時候截止", "什么时候截止"),
        ("補助多少錢", "补助多少钱"),
        ("鎮江", "镇江"),
    ],
)
def test_traditional_to_simplified(raw: str, expected: str) -> None:
    assert normalize_question(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("太 仓 的 截止 时间", "太仓的截止时间"),  # spaces between CJK removed
        ("太仓\u3000截止", "太仓截止"),  # ideographic space
        ("  太仓截止  ", "太仓截止"),  # trimmed
        ("taicang   截止", "taicang 截止"),  # other runs folded to one space
        ("hello   world", "hello world"),
        ("太 仓 ２０２４ 年", "太仓2024年"),
        ("太仓\n截止\t时间", "太仓截止时间"),
    ],
)
def test_spaces(raw: str, expected: str) -> None:
    assert normalize_question(raw) == expected


def test_all_at_once() -> None:
    assert normalize_question("  ＴＡＩＣＡＮＧ　截止　時間？ ") == "taicang 截止时间?"


@pytest.mark.parametrize("raw", ["", "   ", "\u3000\n\t"])
def test_blank_question(raw: str) -> None:
    assert normalize_question(raw) == ""


def test_normalize_is_idempotent() -> None:
    once = normalize_question("無錫 申報 年齡 ＡＢＣ  １２３")
    assert normalize_question(once) == once


def test_to_simplified_leaves_simplified_text_alone() -> None:
    text = "太仓市技能大师工作室申报表"
    assert to_simplified(text) == text
    assert to_simplified("申報") == "申报"


# ------------------------------------------------------------------ notice helpers


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("8 月 20 日前", "8月20日前"),
        ("A4 纸", "A4纸"),
        ("一式\u3000两份", "一式两份"),
        ("联系\xa0电话", "联系电话"),
        ("  前后  空白  ", "前后空白"),
    ],
)
def test_squeeze(raw: str, expected: str) -> None:
    assert squeeze(raw) == expected


def test_fold() -> None:
    assert fold("０７５１－８６０５６８３ 电话") == "0751-8605683电话"
    assert fold("四、（一）") == fold("四、(一)")
    assert fold("2024 年 8 月\n20 日") == "2024年8月20日"


def test_split_sentences() -> None:
    assert split_sentences("第一句。第二句；第三句！第四句？尾巴") == [
        "第一句。",
        "第二句；",
        "第三句！",
        "第四句？",
        "尾巴",
    ]
    assert split_sentences("  ") == []


def test_shorten() -> None:
    assert shorten("abc", 4) == "abc"
    assert shorten("abcd", 4) == "abcd"
    cut = shorten("abcdef", 4)
    assert cut == "abc…"
    assert len(cut) == 4


# ------------------------------------------------------------------ cn_number


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("5", 5),
        ("２", 2),
        (" 12 ", 12),
        ("零", 0),
        ("〇", 0),
        ("一", 1),
        ("两", 2),
        ("二", 2),
        ("五", 5),
        ("九", 9),
        ("十", 10),
        ("十一", 11),
        ("十八", 18),
        ("二十", 20),
        ("二十五", 25),
        ("三十", 30),
        ("五十", 50),
        ("一百", 100),
        ("两百", 200),
    ],
)
def test_cn_number(token: str, value: int) -> None:
    assert cn_number(token) == value


@pytest.mark.parametrize("token", ["", "  ", "abc", "半", "1.5", "若干"])
def test_cn_number_rejects_non_integers(token: str) -> None:
    assert cn_number(token) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("韶关工作室五年后怎么办", "韶关工作室5年后怎么办"),
        ("团队要十八个人吗", "团队要18个人吗"),
        ("补助两万元", "补助2万元"),
        ("一年一评", "一年一评"),  # 一 as "one/a" stays
        ("三明市的通知", "三明市的通知"),  # no unit after it: a name, not a count
    ],
)
def test_counted_chinese_numerals_become_digits(raw, expected):
    assert normalize_question(raw) == expected
