"""Eligibility rules of the five notices: boundaries, unknowns, clause refs and quotes."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from flows.eligibility import (
    RULES_BY_NOTICE,
    UnknownProgrammeError,
    Verdict,
    check_eligibility,
    next_question,
    questions_for,
)
from flows.validators import VALIDATORS

TAICANG, ZHENJIANG, LUCHENG, WUXI, SHAOGUAN = (
    "000_2e12cdb3a8cadbd3", "001_d59e2d59539f7422", "002_776fcaae778a508b",
    "003_56cbf65dfd360609", "004_bb816d0ae4b34579",
)
NOTICES = Path(__file__).resolve().parents[2] / "knowledge" / "notices"
MET, NOT_MET, UNKNOWN = Verdict.MET, Verdict.NOT_MET, Verdict.UNKNOWN


def rule(notice: str, rule_id: str, profile: dict, today: dt.date, programme: str = "技能大师工作室"):
    report = check_eligibility(notice, profile, today, programme)
    return next(r for r in report.results if r.rule_id == rule_id)


# --- every rule carries its source ---

@pytest.mark.parametrize("notice_id", list(RULES_BY_NOTICE))
def test_rules_cite_clause_and_verbatim_quote(notice_id):
    text = re.sub(r"\s+", "", (NOTICES / f"{notice_id}.txt").read_text(encoding="utf-8"))
    for r in RULES_BY_NOTICE[notice_id]:
        assert r.notice_id == notice_id
        assert re.fullmatch(r"[一二三四五六七八九十]+、(（[一二三四五六七八九十]+）)?", r.clause), r.id
        assert re.sub(r"\s+", "", r.quote) in text, r.id


@pytest.mark.parametrize(("notice_id", "programme"), [(TAICANG, "技能大师工作室"),
    (ZHENJIANG, "技能大师工作室"), (LUCHENG, "技能大师工作室"), (WUXI, "技能大师工作室"),
    (WUXI, "企业首席技师"), (SHAOGUAN, "技能大师工作室")])
def test_empty_profile_is_unknown_with_refs(notice_id, programme):
    report = check_eligibility(notice_id, {}, dt.date(2024, 6, 1), programme)
    assert report.verdict is UNKNOWN
    assert all(r.verdict is UNKNOWN and r.missing for r in report.results)
    assert all(r.clause and r.quote for r in report.results)
    assert report.missing_slots and report.next_steps[-1].startswith("请补充：")
    assert "无法判断" in report.summary


def test_unknown_notice_or_programme():
    with pytest.raises(UnknownProgrammeError):
        check_eligibility("999_x", {}, dt.date(2024, 1, 1))
    with pytest.raises(UnknownProgrammeError):
        questions_for(LUCHENG, "企业首席技师")


# --- 无锡 一、（三） ---

WUXI_DAY = dt.date(2021, 3, 16)
WUXI_OK = {"birth_date": "1970-05", "skill_level": "二级/技师", "team_size": 5,
           "studio_founded": "2018-09", "achievement_types": ["技术攻关"], "same_major_exists": False}


@pytest.mark.parametrize(("birth", "verdict"), [("1966-03", MET), ("1965-04", MET), ("1965-03", NOT_MET)])
def test_wuxi_age_55_vs_56_in_birthday_month(birth, verdict):
    r = rule(WUXI, "wuxi.studio.age", {"birth_date": birth}, WUXI_DAY)
    assert r.verdict is verdict
    assert r.clause == "一、（三）" and "55周岁" in r.quote


@pytest.mark.parametrize(("team", "verdict"), [(4, NOT_MET), (5, MET)])
def test_wuxi_team_counts_members_besides_leader(team, verdict):
    r = rule(WUXI, "wuxi.studio.team", {"team_size": team}, WUXI_DAY)
    assert r.verdict is verdict
    if verdict is NOT_MET:
        assert "不含领办人" in r.reason


@pytest.mark.parametrize(("founded", "verdict"), [("2019-03", MET), ("2019-04", NOT_MET)])
def test_wuxi_running_two_years(founded, verdict):
    assert rule(WUXI, "wuxi.studio.running", {"studio_founded": founded}, WUXI_DAY).verdict is verdict


@pytest.mark.parametrize(("level", "verdict"), [("一级/高级技师", MET), ("二级/技师", MET),
                                                 ("三级/高级工", NOT_MET), ("无", NOT_MET)])
def test_wuxi_level(level, verdict):
    assert rule(WUXI, "wuxi.studio.level", {"skill_level": level}, WUXI_DAY).verdict is verdict


def test_wuxi_all_met_and_one_failure():
    report = check_eligibility(WUXI, WUXI_OK, WUXI_DAY)
    assert report.verdict is MET and report.next_steps[0] == "可以准备申报材料。"
    report = check_eligibility(WUXI, {**WUXI_OK, "same_major_exists": True}, WUXI_DAY)
    assert report.verdict is NOT_MET
    assert any("一、（三）" in s and "只设立一个" in s for s in report.next_steps)


def test_wuxi_achievement_none_is_not_met():
    assert rule(WUXI, "wuxi.studio.achievement", {"achievement_types": []}, WUXI_DAY).verdict is NOT_MET


# --- 无锡 二、（一） 企业首席技师 ---

@pytest.mark.parametrize(
    ("profile", "verdict"),
    [({"birth_date": "1961-04", "sex": "男"}, MET),  # retires 2021-04 (pre-reform 60)
     ({"birth_date": "1961-03", "sex": "男"}, UNKNOWN),  # retirement month = this month
     ({"birth_date": "1961-02", "sex": "男"}, NOT_MET),
     ({"birth_date": "1971-04", "sex": "女", "category": "worker"}, NOT_MET),  # 50 → 2021-04
     ({"birth_date": "1971-04", "sex": "女", "category": "cadre"}, MET),
     ({"birth_date": "1971-04", "sex": "女"}, UNKNOWN)],
)
def test_wuxi_chief_working_age(profile, verdict):
    today = dt.date(2021, 3, 16) if profile["sex"] == "男" else dt.date(2021, 5, 1)
    r = rule(WUXI, "wuxi.chief.working_age", profile, today, "企业首席技师")
    assert r.verdict is verdict
    assert r.clause == "二、（一）"


def test_wuxi_chief_all_met():
    profile = {"birth_date": "1975-01", "sex": "女", "category": "worker", "skill_level": "技师",
               "in_frontline_job": True, "achievement_types": ["传绝技、带高徒"]}
    # woman worker born 1975-01 retires 2025-02 under the progressive rule
    assert check_eligibility(WUXI, profile, dt.date(2025, 1, 20), "企业首席技师").verdict is MET
    report = check_eligibility(WUXI, profile, dt.date(2025, 3, 1), "企业首席技师")
    assert report.verdict is NOT_MET


# --- 鹿城 一、（一） ---

@pytest.mark.parametrize(
    ("profile", "today", "verdict"),
    [  # man born 1966-01 retires 2026-05 (60y4m)
        ({"birth_date": "1966-01", "sex": "男"}, dt.date(2023, 5, 31), MET),
        ({"birth_date": "1966-01", "sex": "男"}, dt.date(2023, 6, 1), NOT_MET),
        # woman worker born 1976-06 retires 2027-03 (50y9m)
        ({"birth_date": "1976-06", "sex": "女", "category": "worker"}, dt.date(2024, 3, 1), MET),
        ({"birth_date": "1976-06", "sex": "女", "category": "worker"}, dt.date(2024, 4, 1), NOT_MET),
        # woman cadre born 1971-06 retires 2026-11 (55y5m)
        ({"birth_date": "1971-06", "sex": "女", "category": "cadre"}, dt.date(2023, 11, 1), MET),
        ({"birth_date": "1971-06", "sex": "女", "category": "cadre"}, dt.date(2023, 12, 1), NOT_MET),
    ],
)
def test_lucheng_retirement_margin(profile, today, verdict):
    r = rule(LUCHENG, "lucheng.studio.retirement", profile, today)
    assert r.verdict is verdict
    assert r.clause == "一、（一）" and "3年以上" in r.quote


def test_lucheng_woman_needs_category():
    r = rule(LUCHENG, "lucheng.studio.retirement", {"birth_date": "1976-06", "sex": "女"},
             dt.date(2024, 3, 1))
    assert r.verdict is UNKNOWN and r.missing == ["category"]


@pytest.mark.parametrize(
    ("profile", "verdict"),
    [({"skill_level": "二级/技师"}, MET),
     ({"skill_level": "三级/高级工", "honours": ["鹿城区首席技师（2022年）"]}, MET),
     ({"skill_level": "三级/高级工", "honours": [], "has_unique_skill": True}, MET),
     ({"skill_level": "三级/高级工", "honours": [], "has_unique_skill": False}, NOT_MET),
     ({"skill_level": "三级/高级工"}, UNKNOWN)],
)
def test_lucheng_leader_alternatives(profile, verdict):
    assert rule(LUCHENG, "lucheng.studio.leader", profile, dt.date(2024, 6, 1)).verdict is verdict


@pytest.mark.parametrize(("team", "verdict"), [(2, NOT_MET), (3, MET)])
def test_lucheng_team(team, verdict):
    assert rule(LUCHENG, "lucheng.studio.team", {"team_size": team}, dt.date(2024, 6, 1)).verdict is verdict


# --- 镇江 一、（二） ---

@pytest.mark.parametrize(
    ("honours", "verdict"),
    [(["获江苏省技术能手称号（2019年）"], MET), (["享受国务院政府特殊津贴"], MET),
     ("江苏工匠、市劳动模范", MET), (["镇江市技术能手"], MET), (["技术能手"], NOT_MET),
     (["全国五一劳动奖章"], NOT_MET), ([], NOT_MET)],
)
def test_zhenjiang_honours_fuzzy(honours, verdict):
    r = rule(ZHENJIANG, "zhenjiang.studio.honours", {"honours": honours}, dt.date(2023, 5, 10))
    assert r.verdict is verdict and r.clause == "一、（二）"


def test_zhenjiang_needs_honour_and_achievement():
    today = dt.date(2023, 5, 10)
    profile = {"honours": ["镇江工匠"], "achievement_types": ["授艺带徒"]}
    assert check_eligibility(ZHENJIANG, profile, today).verdict is MET
    assert check_eligibility(ZHENJIANG, {**profile, "achievement_types": []}, today).verdict is NOT_MET


# --- 太仓 三、 ---

@pytest.mark.parametrize(("share", "verdict"), [(29.0, NOT_MET), (29.9, NOT_MET), (30.0, MET)])
def test_taicang_enterprise_funds_30_percent(share, verdict):
    r = rule(TAICANG, "taicang.studio.funds", {"host_type": "企业", "training_funds_share": share},
             dt.date(2024, 7, 1))
    assert r.verdict is verdict and r.clause == "三、（二）"


def test_taicang_funds_only_for_enterprises():
    day = dt.date(2024, 7, 1)
    assert rule(TAICANG, "taicang.studio.funds", {"host_type": "职业院校"}, day).verdict is MET
    r = rule(TAICANG, "taicang.studio.funds", {"host_type": "企业"}, day)
    assert r.verdict is UNKNOWN and r.missing == ["training_funds_share"]


def test_taicang_master_and_conditions():
    day = dt.date(2024, 7, 1)
    ok = {"skill_level": "三级/高级工", "has_unique_skill": True, "host_type": "职业院校",
          "achievement_types": ["在技术改造、引进和攻关中掌握关键技术、解决重大技术难题"]}
    assert check_eligibility(TAICANG, ok, day).verdict is MET
    bad = {**ok, "has_unique_skill": False}
    report = check_eligibility(TAICANG, bad, day)
    assert report.verdict is NOT_MET and "三、（一）" in report.next_steps[0]


# --- 韶关 一、 ---

@pytest.mark.parametrize(("n", "verdict"), [(2, NOT_MET), (3, MET)])
def test_shaoguan_three_qualified(n, verdict):
    report = check_eligibility(SHAOGUAN, {"qualified_members": n}, dt.date(2022, 6, 1))
    assert report.verdict is verdict
    assert report.results[0].clause == "一、"


# --- questions ---

@pytest.mark.parametrize(("notice_id", "programme"), [(TAICANG, "技能大师工作室"),
    (ZHENJIANG, "技能大师工作室"), (LUCHENG, "技能大师工作室"), (WUXI, "技能大师工作室"),
    (WUXI, "企业首席技师"), (SHAOGUAN, "技能大师工作室")])
def test_questions_cover_rule_slots_with_known_validators(notice_id, programme):
    qs = questions_for(notice_id, programme)
    slots = [q.slot for q in qs]
    assert len(slots) == len(set(slots))
    needed = {s for r in RULES_BY_NOTICE[notice_id] if r.programme == programme for s in r.slots}
    assert set(slots) == needed
    assert all(q.validator in VALIDATORS and q.prompt for q in qs)
    if "category" in slots:
        assert slots.index("category") == slots.index("sex") + 1
        assert qs[slots.index("category")].ask_if == {"sex": "女"}


def test_question_options_are_the_notices_own():
    honours = next(q for q in questions_for(ZHENJIANG) if q.slot == "honours")
    assert "镇江工匠" in honours.options
    picked = VALIDATORS[honours.validator]("8、江苏工匠", honours.validator_context())
    assert picked == ["江苏工匠", "镇江工匠"]


def test_next_question_skips_satisfied_alternatives():
    day = dt.date(2024, 6, 1)
    assert next_question(LUCHENG, {}, day).slot == "skill_level"
    assert next_question(LUCHENG, {"skill_level": "二级/技师"}, day).slot == "birth_date"
    assert next_question(LUCHENG, {"skill_level": "三级/高级工"}, day).slot == "honours"
    profile = {"skill_level": "二级/技师", "birth_date": "1980-01", "sex": "女"}
    assert next_question(LUCHENG, profile, day).slot == "category"
    assert next_question(LUCHENG, {**profile, "category": "cadre", "team_size": 3}, day) is None


def test_next_question_taicang_funds_only_for_enterprise():
    day = dt.date(2024, 7, 1)
    base = {"skill_level": "技师", "achievement_types": ["有重大技术发明或重大技术革新成果"]}
    assert next_question(TAICANG, {**base, "host_type": "企业"}, day).slot == "training_funds_share"
    assert next_question(TAICANG, {**base, "host_type": "职业院校"}, day) is None
