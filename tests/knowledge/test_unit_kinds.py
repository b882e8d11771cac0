"""Unit kinds (knowledge.units) and condition shapes met in filing_blind3: a school kind
the notice names narrowly, born-after dates alone, a team's make-up after 其中."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.eligibility.rules import Status, check_condition
from knowledge.models import Clause, ConditionKind
from knowledge.parse.conditions import extract_conditions
from knowledge.profile import read_profile
from knowledge.text import normalize_question
from knowledge.units import covers, narrower, own_unit_kind, unit_kinds

TODAY = dt.date(2026, 12, 1)


def test_specific_kinds_are_not_read_again_as_their_parent() -> None:
    assert unit_kinds("企业、技工院校、职业院校") == ["技工院校", "职业院校", "企业"]
    assert unit_kinds("机关、企事业单位") == ["事业单位", "机关", "企业"]
    assert own_unit_kind("我是绵阳一所公办技工学校的焊工专业教师") == "技工院校"
    assert own_unit_kind("依托的是一家民办职业培训学校") == "培训机构"
    assert covers("院校", "技工院校") and not covers("职业院校", "技工院校")
    assert narrower("职业院校", "院校") and not narrower("院校", "职业院校")


def _conditions(text: str):
    return extract_conditions([Clause(ref="二、", heading="申报条件", line=1, text=text)], [])


def _verdict(text: str, facts: str) -> Status:
    [c] = [c for c in _conditions(text) if c.kind is ConditionKind.UNIT_TYPE]
    p = read_profile(normalize_question(facts), TODAY)
    finding = check_condition(c, p, TODAY)
    assert finding is not None
    return finding.status


@pytest.mark.parametrize(
    ("text", "facts", "status"),
    [
        ("职业院校、普通高等学校不纳入本次申报范围。", "我们是一所公办技工学校", Status.MET),
        ("职业院校、普通高等学校不纳入本次申报范围。", "我们是职业技术学院", Status.NOT_MET),
        ("职业院校、普通高等学校不纳入本次申报范围。", "我们是学校", Status.UNSURE),
        ("机关、事业单位（技工院校、职业院校除外）不列入申报范围。", "我们是国有企业", Status.MET),
        (
            "机关、事业单位（含技工院校、职业院校）不在首席技师工作室申报范围。",
            "我在一所公办技工学校",
            Status.NOT_MET,
        ),
        (
            "依托单位为我市范围内的企业、技工院校、职业院校、行业协会。",
            "依托的是一家民办职业培训学校",
            Status.NOT_MET,
        ),
        ("依托单位为企业和院校。", "我们是技师学院", Status.MET),
    ],
)
def test_unit_kinds_in_admitted_and_refused_lists(text: str, facts: str, status: Status) -> None:
    assert _verdict(text, facts) is status


def test_a_birth_date_alone_is_an_age_limit() -> None:
    [c] = [
        c
        for c in _conditions("领办人应为1970年1月1日以后出生，具有高级技师职业资格。")
        if c.kind is ConditionKind.AGE_MAX
    ]
    assert c.value is None
    for facts, status in (
        ("我是1970年1月出生的", Status.MET),
        ("我1969年11月出生", Status.NOT_MET),
        ("我今年45岁", Status.MET),
    ):
        finding = check_condition(c, read_profile(normalize_question(facts), TODAY), TODAY)
        assert finding is not None and finding.status is status, facts


def test_the_team_make_up_after_qizhong_is_not_a_second_team_size() -> None:
    conds = _conditions(
        "工作室团队成员不少于5人（不含领办人），其中具有技师及以上职业资格的成员不少于2人。"
    )
    assert [(c.kind, c.value) for c in conds] == [
        (ConditionKind.TEAM_MIN, 5.0),
        (ConditionKind.QUALIFIED_MEMBERS_MIN, 2.0),
    ]


@pytest.mark.parametrize(
    ("facts", "level"),
    [
        ("数控车工高级技师，2023年获评绵阳市技术能手", 1),
        ("汽车维修工，职业技能等级为技师（二级）", 2),
        ("我们团队有个高级技师", None),
        ("韶关高级技师证怎么考啊", None),
    ],
)
def test_a_trade_before_the_level_is_the_users_own(facts: str, level: int | None) -> None:
    assert read_profile(normalize_question(facts), TODAY).level == level


@pytest.mark.parametrize(
    ("facts", "status"),
    [
        ("我是高级技师", Status.MET),
        ("我是技师，拿过大庆市技术能手", Status.MET),
        ("我是技师，没有荣誉", Status.NOT_MET),
        ("我是技师，拿过哈尔滨市技术能手", Status.NOT_MET),  # a closed list
        ("我是技师", Status.UNSURE),  # the honours decide
        ("我是高级工，拿过大庆市技术能手", Status.NOT_MET),
    ],
)
def test_a_lower_level_with_an_honour_is_one_alternative(facts: str, status: Status) -> None:
    text = (
        "具有高级技师职业资格（职业技能等级）；或具有技师职业资格（职业技能等级），"
        "且获得下列荣誉之一：全国技术能手、黑龙江省技术能手、大庆市技术能手；"
    )
    conds = _conditions(text)
    assert [c.kind for c in conds] == [ConditionKind.QUALIFICATION]  # no separate honours rule
    [c] = conds
    assert (c.options, c.or_level, c.or_honours) == (
        ["高级技师"],
        "技师",
        ["全国技术能手", "黑龙江省技术能手", "大庆市技术能手"],
    )
    finding = check_condition(c, read_profile(normalize_question(facts), TODAY), TODAY)
    assert finding is not None and finding.status is status, (facts, finding)


def test_a_second_office_line_keeps_its_person_once_spaces_are_gone() -> None:
    from knowledge.parse.contacts import extract_contacts

    text = (
        "市人力资源和社会保障局职业能力建设科\n联系人：刘洪涛联系电话：0459-4668217\n"
        "市财政局社会保障科孙佳0459-6373925"
    )
    [c] = extract_contacts([Clause(ref="七、", heading="联系方式", line=1, text=text)], "0459")
    assert c.persons == ["刘洪涛", "孙佳"] and c.phones == ["0459-4668217", "0459-6373925"]
