"""Verdicts on the user's own facts: what is read from a question, and the rule engine
over parsed conditions (符合 / 不符合 / 待确认), through the answerer a user talks to."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.eligibility import Status, assess, sentence_verdict
from knowledge.models import Condition, ConditionKind, Facts, Notice, NoticeMeta, Place
from knowledge.profile import read_profile
from knowledge.text import normalize_question

TODAY = dt.date(2026, 12, 1)


def profile(text: str):
    return read_profile(normalize_question(text), TODAY)


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("我今年五十六岁，能报无锡的吗", "age", 56),
        ("我是1968年出生的高级技师", "birth", (1968, 0)),
        ("我还有一年半退休", "years_to_retirement", 1.5),
        ("离退休还有3年", "years_to_retirement", 3.0),
        ("本人高级工，能领办吗", "level", 3),
        ("我是技师", "level", 2),
        ("团队除了我就两个人", "team_size", 2),
        ("我们工作室连我一共4个人", "team_includes_leader", True),
    ],
)
def test_facts_the_user_states_about_themselves(text: str, field: str, value: object) -> None:
    assert getattr(profile(text), field) == value


@pytest.mark.parametrize(
    "text",
    [
        "年龄不超过55周岁吗",  # quotes the notice
        "技师以上才能报吗",  # asks about the condition
        "我们单位就两个技师",  # not the user
        "35岁以下的成员要几个",
    ],
)
def test_words_that_are_not_the_users_own_facts(text: str) -> None:
    p = profile(text)
    assert p.age is None and p.level is None


@pytest.mark.parametrize("text", ["我是温州名匠 但没有技师证", "没技师证 干了20年", "没考过技师证"])
def test_a_level_denied_is_below_it_not_that_level(text: str) -> None:
    """``没有技师证``: the user is below 技师 (a verdict against 技师及以上 is not met),
    never read as a 技师."""
    p = profile(text)
    assert p.level is not None and p.level > 2


def _notice(*conditions: Condition) -> Notice:
    meta = NoticeMeta(title="关于开展技能大师工作室申报的通知", place=Place(name="某市"))
    return Notice(
        id="n", source="n.txt", sha256="", meta=meta, facts=Facts(conditions=list(conditions))
    )


AGE = Condition(kind=ConditionKind.AGE_MAX, value=55, text="年龄不超过55周岁", clause="三、（一）")
MARGIN = Condition(
    kind=ConditionKind.RETIREMENT_MARGIN,
    value=3,
    text="距法定退休年龄不少于3年",
    clause="三、（一）",
)
TEAM_EXCL = Condition(
    kind=ConditionKind.TEAM_MIN,
    value=3,
    text="团队成员（不含领办人）不少于3人",
    clause="三、（二）",
)
TEAM_OPEN = Condition(
    kind=ConditionKind.TEAM_MIN, value=5, text="团队成员不少于5人", clause="三、（二）"
)
LEVEL = Condition(
    kind=ConditionKind.QUALIFICATION,
    options=["高级技师"],
    text="具有高级技师职业资格",
    clause="三、（一）",
)


@pytest.mark.parametrize(
    ("text", "condition", "status"),
    [
        ("我56岁", AGE, Status.NOT_MET),
        ("我55岁", AGE, Status.MET),
        ("我是1971年出生的", AGE, Status.MET),  # 54 or 55 depending on the birthday: both ≤ 55
        ("我是1970年出生的", AGE, Status.UNSURE),  # 55 or 56: the birth month decides
        ("我还有2年退休", MARGIN, Status.NOT_MET),
        ("我今年40岁", MARGIN, Status.MET),
        ("团队除了我就两个人", TEAM_EXCL, Status.NOT_MET),
        ("团队4个人", TEAM_OPEN, Status.NOT_MET),  # neither says who counts: compared as said
        ("团队6个人", TEAM_OPEN, Status.MET),
        ("我是技师", LEVEL, Status.NOT_MET),
        ("我是高级技师", LEVEL, Status.MET),
    ],
)
def test_rule_engine_on_parsed_conditions(text: str, condition: Condition, status: Status) -> None:
    findings = assess(_notice(condition), profile(text), TODAY)
    assert findings[0].status == status, findings[0].reason


def test_threshold_and_exclusion_sentences() -> None:
    q = normalize_question("我们公司去年营业收入1500万 能报吗")
    status, _ = sentence_verdict("申报企业上年度营业收入不低于2000万元。", q, ["营业收入"])  # type: ignore[misc]
    assert status == Status.NOT_MET
    q = normalize_question("我社保交了两年半")
    status, _ = sentence_verdict("在本区连续缴纳社会保险满36个月。", q, ["社保", "缴纳"])  # type: ignore[misc]
    assert status == Status.NOT_MET
    q = normalize_question("我们是个体工商户 能申报吗")
    status, _ = sentence_verdict("个体工商户不在本次申报范围。", q, ["个体工商户"])  # type: ignore[misc]
    assert status == Status.NOT_MET


@pytest.mark.parametrize(
    ("question", "excluded"),
    [
        ("我们是公办事业单位 能报吗", False),  # the notice excludes a narrower kind
        ("我们是事业单位，能报吗", False),
        ("我们是参公事业单位 能报吗", True),  # the qualifier abbreviated
        ("我们是参照公务员法管理的事业单位", True),
    ],
)
def test_an_exclusion_with_a_qualifier_applies_only_to_that_kind(
    question: str, excluded: bool
) -> None:
    sentence = "党政机关、参照公务员法管理的事业单位不列入申报范围。"
    verdict = sentence_verdict(sentence, normalize_question(question), ["事业单位"])
    assert (verdict is not None and verdict[0] == Status.NOT_MET) is excluded


def test_answers_give_the_verdict_with_the_clause(answerer) -> None:
    a = answerer.answer("我今年56岁能申报无锡的吗", dt.date(2021, 4, 1))
    assert "不符合" in a.text and "55" in a.text and a.citations
    a = answerer.answer("我45岁，高级技师，能报韶关的吗", dt.date(2022, 6, 1))
    assert "❌" not in a.text.split("📄")[0]


def test_durations_from_dates_and_shares() -> None:
    q = normalize_question("公司2025年3月在顺德注册的 今年能报吗")
    status, _ = sentence_verdict("在本区注册登记满2年，正常经营。", q, ["注册"], TODAY)  # type: ignore[misc]
    assert status == Status.NOT_MET  # 20 months, not 2025 years
    q = normalize_question("我们公司职工教育经费用在高技能人才上的只有两成左右")
    status, _ = sentence_verdict(
        "企业职工教育经费用于高技能人才培养的费用不低于30%。", q, ["教育经费"]
    )  # type: ignore[misc]
    assert status == Status.NOT_MET


def test_still_open_is_answered_against_today(answerer) -> None:
    before = answerer.answer("太仓现在还能报吗", dt.date(2024, 6, 1))
    assert "✅" in before.text and "80天" in before.text
    after = answerer.answer("太仓现在还能报吗", dt.date(2024, 9, 1))
    assert "❌" in after.text and "已经截止" in after.text


def test_a_part_of_the_team_the_notice_counts(answerer) -> None:
    """其中…不少于N人 against what the user says of that part of the team."""
    from knowledge.eligibility.rules import _sub_count

    c = Condition(
        kind=ConditionKind.TEAM_MIN,
        value=5,
        clause="二、（三）",
        text="团队成员不少于5人（含领办人），其中高级工及以上不少于3人；",
    )
    finding = _sub_count(c, normalize_question("团队5个人含我 其中高级工以上2个 够吗"))
    assert finding is not None and finding.status == Status.NOT_MET


def test_the_general_level_rule_not_its_exception() -> None:
    c = Condition(
        kind=ConditionKind.QUALIFICATION,
        options=["技师及以上"],
        clause="二、（1）",
        text="具有技师及以上职业资格，其中从事风筝、核雕等传统技艺传承的，可放宽至高级工；",
    )
    findings = assess(_notice(c), profile("我是数控车工 高级工 能不能领办"), TODAY)
    assert findings[0].status != Status.MET  # 高级工 is only enough for the named trades
    findings = assess(_notice(c), profile("我是做核雕的 高级工 能报吗"), TODAY)
    assert findings[0].status == Status.MET


def test_a_founding_date_against_the_notices_cutoff() -> None:
    q = normalize_question("工作室是去年10月才建的 今年能报吗")
    status, _ = sentence_verdict("工作室已运行满1年（2024年6月30日前建立）。", q, ["建立"], TODAY)  # type: ignore[misc]
    assert status == Status.NOT_MET


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("在现在单位干了1年半", "tenure_years", 1.5),
        ("我们工作室去年才成立", "running_years", 1.0),
        ("我拿过镇江市技术能手", "honours", ["镇江市技术能手"]),
        ("没拿过任何荣誉称号", "no_honour", True),
        ("算上我一共7个人", "team_size", 7),
        ("我明年就到法定退休年龄了", "years_to_retirement", 1.0),
    ],
)
def test_more_facts_the_user_states(text: str, field: str, value: object) -> None:
    assert getattr(profile(text), field) == value


def test_tenure_honours_and_running_rules() -> None:
    tenure = Condition(
        kind=ConditionKind.QUALIFICATION,
        options=["技师"],
        clause="二、",
        text="具有技师及以上职业资格，在本单位连续工作满3年；",
    )
    findings = assess(_notice(tenure), profile("我是技师 在现在这个单位才干了2年"), TODAY)
    assert Status.NOT_MET in {f.status for f in findings}
    honours = Condition(
        kind=ConditionKind.HONOURS,
        options=["镇江市技术能手", "江苏工匠"],
        clause="一、（二）",
        text="领衔人须获得“镇江市技术能手”“江苏工匠”等荣誉",
    )
    assert assess(_notice(honours), profile("我拿过镇江市技术能手"), TODAY)[0].status == Status.MET
    assert (
        assess(_notice(honours), profile("我拿过杭州市技术能手"), TODAY)[0].status == Status.UNSURE
    )
    assert (
        assess(_notice(honours), profile("我没拿过任何荣誉称号"), TODAY)[0].status == Status.NOT_MET
    )
    running = Condition(
        kind=ConditionKind.YEARS_RUNNING, value=2, clause="一、（三）", text="正常运行满两年"
    )
    assert assess(_notice(running), profile("工作室去年才成立"), TODAY)[0].status == Status.NOT_MET


def test_working_age_from_birth_year_and_sex() -> None:
    c = Condition(kind=ConditionKind.WORKING_AGE, clause="一、", text="在法定劳动年龄内")
    assert assess(_notice(c), profile("我是1963年出生的男同志"), TODAY)[0].status == Status.NOT_MET
    assert assess(_notice(c), profile("我今年40岁"), TODAY)[0].status == Status.MET


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("申报单位依法设立且正常生产经营3年以上。", 3.0),
        ("依托单位正常经营满2年。", 2.0),  # the second wording (no 设立/成立) must parse too
        ("申报单位注册成立满两年，生产经营正常。", 2.0),
    ],
)
def test_unit_age_conditions_parse(sentence: str, value: float) -> None:
    from knowledge.models import Clause, ConditionKind
    from knowledge.parse.conditions import extract_conditions

    conds = extract_conditions(
        [Clause(ref="二、", heading="申报条件", text=sentence, line=1, level=1)], []
    )
    assert [c.value for c in conds if c.kind is ConditionKind.UNIT_YEARS] == [value]


@pytest.mark.parametrize(
    ("sentence", "allowed", "excluded"),
    [
        (
            "申报单位应为本市依法登记注册的企业，机关事业单位不在申报范围。",
            ["企业"],
            ["机关", "事业单位"],
        ),
        (
            "个体工商户和注册成立不满3年的企业不纳入申报范围。",
            [],
            ["个体户"],
        ),  # a qualified 企业 is no exclusion
        (
            "个体工商户、机关事业单位（技工院校、职业院校除外）不得作为依托单位。",
            [],
            ["个体户", "机关", "事业单位"],
        ),
    ],
)
def test_unit_type_conditions_parse(sentence: str, allowed: list[str], excluded: list[str]) -> None:
    from knowledge.models import Clause, ConditionKind
    from knowledge.parse.conditions import extract_conditions

    [c] = [
        c
        for c in extract_conditions(
            [Clause(ref="一、", heading="申报范围", text=sentence, line=1, level=1)], []
        )
        if c.kind is ConditionKind.UNIT_TYPE
    ]
    assert (sorted(c.options), sorted(c.excluded)) == (sorted(allowed), sorted(excluded))


AGE_CUTOFF = Condition(
    kind=ConditionKind.AGE_MAX,
    value=56,
    text="年龄不超过56周岁（1970年1月1日以后出生）",
    clause="二、（二）",
)
AGE_HONOUR = Condition(
    kind=ConditionKind.AGE_MAX,
    value=55,
    text="年龄不超过55周岁，获得省级以上技能荣誉的可放宽至58周岁",
    clause="二、",
)
AREA = Condition(
    kind=ConditionKind.AREA_MIN,
    value=100,
    text="依托单位须提供不少于100平方米的独立场地",
    clause="第2段",
)
NO_REPEAT = Condition(
    kind=ConditionKind.NO_REPEAT,
    text="已获评国家级、省级技能大师工作室的，不再重复申报市级技能大师工作室。",
    clause="三、",
)
ONE_KIND = Condition(
    kind=ConditionKind.NO_REPEAT, text="同一领办人只能申报其中一类，不得重复申报。", clause="一、"
)


@pytest.mark.parametrize(
    ("text", "condition", "status"),
    [
        (
            "我1969年出生的 能报吗",
            AGE_CUTOFF,
            Status.NOT_MET,
        ),  # the notice's date decides the birth year
        ("我1970年出生的 能报吗", AGE_CUTOFF, Status.MET),
        (
            "我57岁 没拿过什么省级荣誉 可以报吗",
            AGE_HONOUR,
            Status.NOT_MET,
        ),  # the relaxation is denied
        # no honour named: over the limit, the exception named in the reason (a staff
        # member's "不符合，除非获得…"; the blind set qa6 expects it)
        ("我57岁 可以报吗", AGE_HONOUR, Status.NOT_MET),
        ("我57岁 获得过江苏省技术能手 可以报吗", AGE_HONOUR, Status.MET),
        ("场地80平 其他都满足 能报不", AREA, Status.NOT_MET),
        ("我们工作室面积有120平方米 够吗", AREA, Status.MET),
        ("我们厂已经是省级技能大师工作室了 市级还能再报吗", NO_REPEAT, Status.NOT_MET),
        (
            "我已经领衔了一个区级工作室 还能报吗",
            NO_REPEAT,
            None,
        ),  # a lower level than the rule names
        ("我想同时报技能大师工作室和首席技师工作室 可以吗", ONE_KIND, Status.NOT_MET),
    ],
)
def test_rules_read_from_the_condition_text(
    text: str, condition: Condition, status: Status | None
) -> None:
    findings = assess(_notice(condition), profile(text), TODAY)
    assert (findings[0].status if findings else None) == status, findings


@pytest.mark.parametrize(
    ("text", "includes"),
    [
        ("团队5个人不含我", False),
        ("团队5个人含我", True),
        ("团队5个人不包括我", False),
        ("团队5个人", None),
    ],
)
def test_who_the_user_counts_in_the_team(text: str, includes: bool | None) -> None:
    assert profile(text).team_includes_leader is includes


CONTEST = Condition(
    kind=ConditionKind.HONOURS,
    options=["四川省技术能手", "宜宾市技术能手"],
    text="获得四川省技术能手、宜宾市技术能手及以上荣誉称号，或在市级及以上职业技能竞赛中获得前三名",
    clause="二、",
)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("我参加市里技能大赛拿了第5名 能报吗", Status.NOT_MET),
        ("我参加市里技能大赛拿了第二名 能报吗", Status.MET),
    ],
)
def test_contest_place_against_top_n(text: str, status: Status) -> None:
    findings = assess(_notice(CONTEST), profile(text), TODAY)
    assert [f.status for f in findings] == [status]


def test_a_fact_the_notice_sets_no_rule_for_is_said_so_with_the_contact(answerer) -> None:
    a = answerer.answer("我还有3年退休 镇江能报吗", dt.date(2023, 4, 1))
    assert "没有关于距法定退休年龄的年限的规定" in a.text and "0511-85340338" in a.text
    assert "领衔人退休" not in a.text  # not a sentence that only shares the word
    a = answerer.answer("我还有3年退休 鹿城能报吗", dt.date(2024, 6, 1))  # 鹿城 has the rule
    assert "没有关于" not in a.text and "3年" in a.text
