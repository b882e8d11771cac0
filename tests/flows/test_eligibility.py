"""The self-check generated from parsed conditions: rules, questions, verdicts, for the
five built-in notices and for notices the code never saw."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from flows.eligibility import (
    UnknownProgrammeError,
    Verdict,
    check_eligibility,
    next_question,
    programmes,
    questions_for,
    rules_for,
)
from flows.validators import VALIDATORS
from knowledge.models import Notice
from knowledge.parse import parse_notice
from knowledge.readers import read_document

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "knowledge" / "notices"
BLIND = ROOT / "tests" / "data" / "filing_blind"
TAICANG, ZHENJIANG, LUCHENG, WUXI, SHAOGUAN = (
    "000_2e12cdb3a8cadbd3",
    "001_d59e2d59539f7422",
    "002_776fcaae778a508b",
    "003_56cbf65dfd360609",
    "004_bb816d0ae4b34579",
)
MET, NOT_MET, UNKNOWN = Verdict.MET, Verdict.NOT_MET, Verdict.UNKNOWN


def notice(name: str) -> Notice:
    path = next(
        p
        for p in [*SEEDS.glob(f"{name}*"), *BLIND.glob(f"{name}*")]
        if not p.name.endswith(".json")
    )
    return parse_notice(read_document(path), path.name)


def result(n: Notice, rule_id: str, profile: dict, today: dt.date, programme: str | None = None):
    report = check_eligibility(n, profile, today, programme)
    return next(r for r in report.results if r.rule_id == rule_id)


@pytest.mark.parametrize(
    "name",
    [
        TAICANG,
        ZHENJIANG,
        LUCHENG,
        WUXI,
        SHAOGUAN,
        "f1_zibo",
        "f2_yichang",
        "f3_fujian",
        "f4_chengdu",
    ],
)
def test_every_notice_gets_rules_citing_its_own_text(name):
    n = notice(name)
    text = re.sub(r"\s+", "", n.text)
    assert programmes(n)
    for prog in programmes(n):
        rules = rules_for(n, prog)
        assert any(r.required for r in rules)
        for r in rules:
            assert r.clause and n.clause(r.clause) is not None, r.id
            assert re.sub(r"\s+", "", r.quote.rstrip("…"))[:30] in text or r.quote.endswith("…"), (
                r.id
            )
        for q in questions_for(n, prog):
            assert q.validator in VALIDATORS and q.prompt


def test_empty_profile_is_unknown_and_asks():
    n = notice(WUXI)
    report = check_eligibility(n, {}, dt.date(2021, 3, 16), "技能大师工作室")
    assert report.verdict is UNKNOWN and report.missing_slots
    assert "无法判断" in report.summary and report.next_steps[-1].startswith("请补充：")


def test_unknown_programme():
    with pytest.raises(UnknownProgrammeError):
        rules_for(notice(LUCHENG), "企业首席技师")


@pytest.mark.parametrize(
    ("birth", "verdict"), [("1966-03", MET), ("1965-04", MET), ("1965-03", NOT_MET)]
)
def test_age_55_counted_to_the_birthday_month(birth, verdict):
    r = result(
        notice(WUXI), "age_max", {"birth_date": birth}, dt.date(2021, 3, 16), "技能大师工作室"
    )
    assert r.verdict is verdict and r.clause == "一、（三）" and "55周岁" in r.quote


@pytest.mark.parametrize(("team", "verdict"), [(3, NOT_MET), (4, UNKNOWN), (5, MET)])
def test_team_without_saying_who_counts_is_open_in_between(team, verdict):
    """无锡 团队成员不少于5人 does not say whether the leader counts; 4 besides the leader
    is 5 with them: ❔, never ❌."""
    r = result(
        notice(WUXI), "team_min", {"team_size": team}, dt.date(2021, 3, 16), "技能大师工作室"
    )
    assert r.verdict is verdict
    if verdict is UNKNOWN:
        assert not r.missing and "领办人" in r.reason


@pytest.mark.parametrize(("founded", "verdict"), [("2019-03", MET), ("2019-04", NOT_MET)])
def test_running_two_years(founded, verdict):
    r = result(
        notice(WUXI),
        "years_running",
        {"studio_founded": founded},
        dt.date(2021, 3, 16),
        "技能大师工作室",
    )
    assert r.verdict is verdict


@pytest.mark.parametrize(
    ("profile", "verdict"),
    [
        ({"skill_level": "二级/技师"}, MET),
        ({"skill_level": "三级/高级工", "honours": ["全国技术能手"]}, MET),
        ({"skill_level": "三级/高级工", "honours": ["无"]}, NOT_MET),
        ({"skill_level": "三级/高级工"}, UNKNOWN),
    ],
)
def test_level_or_an_honour_of_the_list(profile, verdict):
    """鹿城 一、（一）: 技师、高级技师，或是荣获中华技能大奖、全国技术能手…"""
    r = result(notice(LUCHENG), "qualification|honours", profile, dt.date(2024, 6, 1))
    assert r.verdict is verdict


def test_worded_alternative_is_asked_in_the_notice_s_words():
    """太仓 三、（一）: 技师、高级技师，或具有绝技绝活的优秀技能人才."""
    n = notice(TAICANG)
    q = next_question(n, {"skill_level": "三级/高级工"}, dt.date(2024, 6, 1))
    assert q is not None and q.validator == "yes_no" and "绝技绝活" in q.prompt
    r = result(
        n,
        f"qualification|{q.slot}",
        {"skill_level": "三级/高级工", q.slot: True},
        dt.date(2024, 6, 1),
    )
    assert r.verdict is MET
    r = result(
        n,
        f"qualification|{q.slot}",
        {"skill_level": "三级/高级工", q.slot: False},
        dt.date(2024, 6, 1),
    )
    assert r.verdict is NOT_MET


@pytest.mark.parametrize(
    ("share", "host", "verdict"),
    [(29.9, "企业", NOT_MET), (30.0, "企业", MET), (None, "职业院校", MET)],
)
def test_funding_share_for_enterprise_hosts(share, host, verdict):
    profile = {"host_type": host} | ({"training_funds_share": share} if share is not None else {})
    assert result(notice(TAICANG), "funding_share", profile, dt.date(2024, 6, 1)).verdict is verdict


def test_question_options_are_the_notices_own():
    qs = {q.slot: q for q in questions_for(notice(ZHENJIANG))}
    assert "镇江市技术能手" in qs["honours"].options
    assert qs["achievement_types"].options == [
        "创新创优",
        "技术攻关",
        "科技成果转化",
        "授艺带徒",
        "传统工艺传承",
    ]


def test_next_question_skips_satisfied_alternatives():
    n = notice(LUCHENG)
    profile = {"birth_date": "1975-03", "sex": "男", "skill_level": "二级/技师"}
    q = next_question(n, profile, dt.date(2024, 6, 1))
    assert q is not None and q.slot == "team_size"  # no honours question for a 技师


def test_women_are_asked_their_category_men_are_not():
    n = notice(LUCHENG)
    q = next_question(n, {"birth_date": "1975-03", "sex": "女"}, dt.date(2024, 6, 1))
    assert q is not None and q.slot == "category"
    q = next_question(n, {"birth_date": "1975-03", "sex": "男"}, dt.date(2024, 6, 1))
    assert q is not None and q.slot != "category"


def test_unseen_notice_two_programmes_each_with_own_rules():
    n = notice("f2_yichang")
    assert programmes(n) == ["技能大师工作室", "首席技师工作室"]
    master = {r.id for r in rules_for(n, "技能大师工作室")}
    chief = {r.id for r in rules_for(n, "首席技师工作室")}
    assert "age_max" in master and "retirement_margin" in chief and "unit_type" in master & chief


def test_unseen_notice_unit_type_refused():
    """淄博: 申报单位应为…企业，机关事业单位不在申报范围."""
    n = notice("f1_zibo")
    r = result(n, "unit_type", {"host_type": "其他"}, dt.date(2026, 12, 1))
    assert r.verdict in (UNKNOWN, NOT_MET)
    r = result(n, "unit_type", {"host_type": "企业"}, dt.date(2026, 12, 1))
    assert r.verdict is MET


def test_a_lower_level_with_an_honour_is_asked_in_the_self_check():
    path = ROOT / "tests" / "data" / "blind_qa5" / "qa5_a.txt"  # 高级技师；或技师且获得下列荣誉之一
    n = parse_notice(read_document(path), path.name)
    rule = next(r for r in rules_for(n) if r.id == "qualification")
    assert rule.slots == ("skill_level", "honours") and "大庆市技术能手" in rule.options["honours"]
    today = dt.date(2026, 12, 1)
    assert result(n, "qualification", {"skill_level": "一级/高级技师"}, today).verdict is MET
    pending = result(n, "qualification", {"skill_level": "二级/技师"}, today)
    assert pending.verdict is UNKNOWN and "honours" in pending.missing
    assert (
        result(
            n, "qualification", {"skill_level": "二级/技师", "honours": ["大庆市技术能手"]}, today
        ).verdict
        is MET
    )
    assert (
        result(n, "qualification", {"skill_level": "二级/技师", "honours": ["无"]}, today).verdict
        is NOT_MET
    )
