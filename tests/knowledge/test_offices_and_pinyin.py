"""Contacts of several offices kept apart, instalments shown with their total, and
questions typed in pinyin (session 5; found by the blind sets qa6 and qa7)."""

from __future__ import annotations

import datetime as dt

from knowledge.compose import compose
from knowledge.intents import Intent, from_pinyin
from knowledge.parse import parse_notice

TODAY = dt.date(2026, 12, 1)
NOTICE = """关于开展2026年度某某市技能大师工作室申报工作的通知

各县（区）人力资源和社会保障局：
一、申报条件
领办人年龄不超过55周岁，具有技师以上职业资格。申报单位于2026年12月20日前报送申报材料。
二、支持政策
经认定的市级技能大师工作室，给予建设补助8万元，分两次拨付：认定后拨付5万元，验收合格后拨付3万元。
三、联系方式
市人社局职业能力建设科：马海军，电话0955-7016235，邮箱zwrsjzjk@163.com。
沙坡头区人社局：张玉，0955-7682130中宁县人社局：李霞，0955-5022318
"""


def _notice():  # type: ignore[no-untyped-def]
    return parse_notice(NOTICE, "t_offices.txt")


def test_each_office_listed_is_its_own_contact_with_its_person_and_phone() -> None:
    contacts = _notice().facts.contacts
    by_unit = {c.unit: (c.persons, c.phones) for c in contacts if c.unit}
    assert by_unit["市人社局职业能力建设科"] == (["马海军"], ["0955-7016235"])
    assert by_unit["沙坡头区人社局"] == (["张玉"], ["0955-7682130"])
    assert by_unit["中宁县人社局"] == (["李霞"], ["0955-5022318"])


def test_the_office_a_question_names_is_answered_alone() -> None:
    part = compose(Intent.CONTACT, _notice(), TODAY, "", "中宁县的联系电话")
    assert part is not None and len(part.lines) == 1
    assert "李霞" in part.lines[0] and "7682130" not in part.lines[0]


def test_instalments_are_shown_with_the_total_they_are_part_of() -> None:
    part = compose(Intent.SUBSIDY, _notice(), TODAY, "", "补助多少")
    assert part is not None
    money = [ln for ln in part.lines if "万元" in ln]
    assert money == ["• 8万元建设补助（分期拨付：5万元、3万元）"]


def test_pinyin_words_become_the_characters_they_spell() -> None:
    assert from_pinyin("tangshan jiezhi riqi").endswith("日期")
    assert "技能大师工作室" in from_pinyin("jineng dashi gongzuoshi zixun dianhua")
    assert from_pinyin("leshan dianhua").startswith("leshan")  # one word known: unchanged
    assert from_pinyin("wo 56 sui") == "wo 56 sui"  # nothing guessed


def test_typed_homophones_of_known_words_are_corrected_and_real_words_kept() -> None:
    from knowledge.intents import fix_homophones
    from knowledge.tokenize import Tokenizer

    tokenizer = Tokenizer()

    def is_word(text: str) -> bool:
        return tokenizer.frequency(text) > 0

    def fix(q: str) -> str:
        return fix_homophones(q, is_word, tokenizer.segment)

    assert fix("城关申报要带些啥材聊") == "城关申报要带些啥材料"
    assert fix("我58岁想报柳州乡村工匠工作室") == "我58岁想报柳州乡村工匠工作室"  # not 保留
    assert fix("生产实践中能起带头作用") == "生产实践中能起带头作用"  # a real word
