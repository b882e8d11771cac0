"""无锡市 2021: 技能大师工作室 (一、（三）) and 企业首席技师 (二、（一）).

Notice ``003_56cbf65dfd360609``: 《关于开展2021年无锡市技能大师工作室、无锡市企业首席技师
推荐评定工作的通知》.

Team size decision (一、（三） "团队成员不少于5人"): the notice does not say whether the
leader counts. We count members *besides* the leader (``team_size >= 5``): it is the
conservative reading, and the notice's own 申报表 (附件1) has five rows for
"大师工作室其他人员". A team of 4 + leader is therefore ``not_met``, with a reason
suggesting the applicant confirm the counting with the 人社局.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from knowledge.retirement import YearMonth, age_in_years
from flows.rules.base import (
    CHIEF,
    Outcome,
    Rule,
    Verdict,
    birth_of,
    count_at_least,
    flag,
    months_left,
    one_of,
    skill_at_least,
    unknown,
    value_of,
    ym_text,
)

NOTICE_ID = "003_56cbf65dfd360609"
PLACE = "无锡市"
MAX_AGE = 55  # 一、（三） 领办人年龄不超过55周岁
MIN_TEAM = 5  # 一、（三） 团队成员不少于5人 (besides the leader, see module docstring)
MIN_RUNNING_MONTHS = 24  # 一、（三） 已经建立并正常运行满两年

STUDIO_ACHIEVEMENTS: tuple[str, ...] = (
    "创新创优", "技术攻关", "科技成果转化", "授艺带徒", "历史传统技艺技能传承",
)
CHIEF_ACHIEVEMENTS: tuple[str, ...] = (
    "具有绝招绝技，能解决生产实际问题",
    "有发明创造或重大技术革新成果",
    "在编制国家级标准工艺、工作法方面有突出贡献",
    "传绝技、带高徒，徒弟成为骨干或在竞赛中取得优异成绩",
)
CHIEF_ALIASES = {"绝招绝技": CHIEF_ACHIEVEMENTS[0], "绝技绝活": CHIEF_ACHIEVEMENTS[0],
                 "发明创造": CHIEF_ACHIEVEMENTS[1], "技术革新": CHIEF_ACHIEVEMENTS[1],
                 "标准工艺": CHIEF_ACHIEVEMENTS[2], "工作法": CHIEF_ACHIEVEMENTS[2],
                 "带高徒": CHIEF_ACHIEVEMENTS[3], "带徒": CHIEF_ACHIEVEMENTS[3]}
OPTIONS = {"achievement_types": STUDIO_ACHIEVEMENTS}
CHIEF_OPTIONS = {"achievement_types": CHIEF_ACHIEVEMENTS}


def check_age(profile: Mapping[str, Any], today: dt.date) -> Outcome:
    """Leader's age in full years on ``today`` (birth month counts as the birthday
    month) must be ≤ 55: born 1966-03 is 55 in 2021-03 (met), born 1965-03 is 56."""
    birth = birth_of(profile)
    if birth is None:
        return unknown("birth_date")
    age = age_in_years(birth, today)
    if age <= MAX_AGE:
        return Outcome(Verdict.MET, f"领办人现年{age}周岁（{ym_text(birth)}出生），不超过{MAX_AGE}周岁。")
    return Outcome(Verdict.NOT_MET, f"领办人现年{age}周岁（{ym_text(birth)}出生），超过了{MAX_AGE}周岁。")


def check_running(profile: Mapping[str, Any], today: dt.date) -> Outcome:
    """The studio must have run for 24 months by ``today``'s month (month granularity)."""
    value = value_of(profile, "studio_founded")
    if value is None:
        return unknown("studio_founded")
    try:
        founded = YearMonth.parse(value)
    except ValueError:
        return unknown("studio_founded", reason=f"无法识别成立时间“{value}”，请按“2018年9月”填写。")
    due = founded.plus_months(MIN_RUNNING_MONTHS)
    if YearMonth.parse(today) >= due:
        return Outcome(Verdict.MET, f"工作室{ym_text(founded)}成立，已运行满两年。")
    return Outcome(Verdict.NOT_MET, f"工作室{ym_text(founded)}成立，要到{ym_text(due)}才满两年。")


def check_working_age(profile: Mapping[str, Any], today: dt.date) -> Outcome:
    """Within 法定劳动年龄: the statutory retirement month (progressive rule) is still
    ahead; in the retirement month itself the verdict is unknown (day not known)."""
    left = months_left(profile, today)
    if isinstance(left, Outcome):
        return left
    if left > 0:
        return Outcome(Verdict.MET, f"距法定退休年龄还有{left}个月，在法定劳动年龄内。")
    if left == 0:
        return Outcome(Verdict.UNKNOWN, "本月达到法定退休年龄，请以实际退休日期为准。")
    return Outcome(Verdict.NOT_MET, "已达到法定退休年龄，不在法定劳动年龄内。")


_S = "一、（三）"
_C = "二、（一）"
RULES: tuple[Rule, ...] = (
    Rule("wuxi.studio.running", "工作室已经建立并正常运行满两年", NOTICE_ID, _S,
         "已经建立并正常运行满两年", check_running, ("studio_founded",)),
    Rule("wuxi.studio.team", f"团队成员不少于{MIN_TEAM}人（不含领办人）", NOTICE_ID, _S,
         "团队成员不少于5人的技能大师工作室",
         count_at_least("team_size", MIN_TEAM, "团队除领办人外有",
                        "（本工具按不含领办人计算；如对计算口径有疑问，请向无锡市人社局确认。）"),
         ("team_size",)),
    Rule("wuxi.studio.age", f"领办人年龄不超过{MAX_AGE}周岁", NOTICE_ID, _S,
         "其领办人年龄不超过55周岁", check_age, ("birth_date",)),
    Rule("wuxi.studio.level", "领办人具有国家二级职业资格（技能等级）以上或同等技能水平", NOTICE_ID,
         _S, "具有国家二级职业资格（技能等级）以上或同等技能水平",
         skill_at_least(2, "国家二级（技师）以上", "如具有同等技能水平，可向无锡市人社局咨询。"),
         ("skill_level",)),
    Rule("wuxi.studio.achievement", "具有创新创优、技术攻关、科技成果转化、授艺带徒、历史传统技艺技能传承"
         "五方面条件之一", NOTICE_ID, _S, "且具有下列条件之一的可以申报",
         one_of("achievement_types", STUDIO_ACHIEVEMENTS, "业绩条件"), ("achievement_types",)),
    Rule("wuxi.studio.unique", "同一单位相同专业（工种）只设立一个技能大师工作室", NOTICE_ID, _S,
         "同一单位相同专业（工种）只设立一个技能大师工作室",
         flag("same_major_exists", "本单位已有相同专业（工种）的技能大师工作室，不能重复设立。",
              "本单位尚无相同专业（工种）的技能大师工作室。", wanted=False),
         ("same_major_exists",)),
    Rule("wuxi.chief.working_age", "在法定劳动年龄内", NOTICE_ID, _C, "在法定劳动年龄内",
         check_working_age, ("birth_date", "sex", "category"), programme=CHIEF),
    Rule("wuxi.chief.level", "具有国家二级职业资格（技能等级）以上或同等技能水平", NOTICE_ID, _C,
         "具有国家二级职业资格（技能等级）以上或同等技能水平",
         skill_at_least(2, "国家二级（技师）以上"), ("skill_level",), programme=CHIEF),
    Rule("wuxi.chief.frontline", "在企业生产一线岗位（含事业单位工勤岗位）直接从事技能工作", NOTICE_ID,
         _C, "在我市各类企业生产一线岗位（含事业单位工勤岗位）直接从事技能工作",
         flag("in_frontline_job", "在生产一线岗位直接从事技能工作。", "不在生产一线岗位直接从事技能工作。"),
         ("in_frontline_job",), programme=CHIEF),
    Rule("wuxi.chief.achievement", "具备所列四项条件之一", NOTICE_ID, _C, "并具备下列条件之一",
         one_of("achievement_types", CHIEF_ACHIEVEMENTS, "条件", CHIEF_ALIASES),
         ("achievement_types",), programme=CHIEF),
)
