"""Shapes the round-12 blind sets brought: tables drawn with box characters, materials
tables, a deadline given as a weekday, records and places the rules require, members a
rule does not count, an age counted at a stated date."""

from __future__ import annotations

import datetime as dt

from knowledge.eligibility import Status
from knowledge.eligibility.rules import check_condition
from knowledge.eligibility.sentences import sentence_verdict
from knowledge.models import Clause, Condition, ConditionKind
from knowledge.parse.deadlines import _nth_weekday
from knowledge.parse.forms import _split_label_options
from knowledge.parse.materials import _table_items
from knowledge.profile import read_profile
from knowledge.readers.text import _unbox
from knowledge.text import normalize_question

TODAY = dt.date(2026, 12, 2)


def test_a_box_drawn_table_becomes_tab_rows() -> None:
    text = "附件1\n┌──────┬──────┐\n│工作室名称　│　　　│\n├──────┼──────┤\n│性别　　│　│\n└──────┴──────┘"
    assert _unbox(text).split("\n") == ["附件1", "工作室名称\t", "性别\t"]
    assert _unbox("没有表格的正文。") == "没有表格的正文。"


def test_a_materials_table_gives_one_item_a_row() -> None:
    clause = Clause(
        ref="四、",
        heading="申报材料",
        text="申报材料\n序号\t材料名称\t份数\t备注\n1\t《某市技能大师工作室申报表》\t一式三份\t加盖公章\n"
        "2\t校企合作协议\t复印件1份\t仅校企共建的工作室提供\n以上材料用A4纸装订。",
        line=1,
    )
    items = _table_items(clause, "")
    assert [(m.name, m.copies, m.condition) for m in items] == [
        ("某市技能大师工作室申报表", 3, ""),
        ("校企合作协议", 1, "校企共建的工作室"),
    ]


def test_a_deadline_given_as_the_nth_weekday_of_a_month() -> None:
    clause = Clause(ref="四、1.", heading="申报时间", text="", line=1)
    d = _nth_weekday(
        "申报时间：自本通知印发之日起至12月第三个星期五下午5:30前，逾期不予受理。",
        clause,
        2026,
        dt.date(2026, 11, 20),
    )
    assert d is not None and d.date == dt.date(2026, 12, 18)
    assert d.date_text == "12月第三个星期五下午5:30前" and d.time == "下午5:30"


def test_a_record_the_applicant_must_not_have() -> None:
    rule = "驾驶类岗位的领办人，近三年无负同等及以上责任的道路交通事故。"
    had = sentence_verdict(rule, "去年出了个同等责任的交通事故还能当领办人吗", ["交通事故"])
    assert had is not None and had[0] is Status.NOT_MET
    assert sentence_verdict(rule, "我们从没出过交通事故能报吗", ["交通事故"]) is None


def test_a_place_the_rule_requires() -> None:
    rule = "领办人为南湖区乡村工匠名师，户籍或常住地在南湖区；"
    got = sentence_verdict(rule, "我是乡村工匠名师但户口和常住都在秀洲能报吗", ["乡村工匠名师"])
    assert got is not None and got[0] is Status.NOT_MET and "秀洲" in got[1]


def test_a_quantity_is_paired_with_the_rule_about_the_same_thing() -> None:
    rule = "在依托单位连续工作满2年，且在香洲区连续缴纳社会保险满12个月；"
    got = sentence_verdict(rule, "我社保在香洲才交了8个月 在公司干了5年 能报吗", ["社保"], TODAY)
    assert got is not None and got[0] is Status.NOT_MET and "12个月" in got[1]


def test_a_cell_with_its_label_and_choices_is_split() -> None:
    assert _split_label_options("领办人姓名\t\t性别 □男 □女\t出生年月\t") == (
        "领办人姓名\t\t性别\t□男 □女\t出生年月\t"
    )
    wide = "是否为非遗传承人   □是   □否      传承人级别   □国家级"
    assert _split_label_options(wide) == wide  # a printed layout of several cells


def _condition(kind: ConditionKind, value: float, text: str) -> Condition:
    return Condition(kind=kind, subject="团队", value=value, text=text, clause="二、")


def test_members_the_rule_does_not_count() -> None:
    c = _condition(
        ConditionKind.TEAM_MIN, 3, "工作室固定成员（不含领办人）不少于3人，均须为申报单位在职职工。"
    )
    p = read_profile(normalize_question("团队除我4个人 其中2个是劳务派遣来的 行吗"), TODAY)
    f = check_condition(c, p, TODAY)
    assert f is not None and f.status is Status.NOT_MET and "只算2人" in f.reason


def test_an_age_counted_at_a_stated_date() -> None:
    c = Condition(
        kind=ConditionKind.AGE_MAX,
        subject="领办人",
        value=55,
        text="年龄不超过55周岁（按2026年12月31日计算）。",
        clause="二、",
    )
    p = read_profile(normalize_question("我是1970年12月出生的，今年55周岁"), TODAY)
    f = check_condition(c, p, TODAY)
    assert f is not None and f.status is Status.NOT_MET
    younger = read_profile(normalize_question("我是1971年3月出生的"), TODAY)
    g = check_condition(c, younger, TODAY)
    assert g is not None and g.status is Status.MET
