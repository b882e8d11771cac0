"""太仓市 2024 技能大师工作室: conditions of 三、申报条件 （一）（二）（三）.

Notice ``000_2e12cdb3a8cadbd3``: 《关于做好2024年太仓市技能大师工作室申报工作的通知》
(太人社职〔2024〕7号). The master is a 技师/高级技师 or has 绝技绝活 (三、（一）) and meets one
of three conditions (三、（一）1.–3.); an enterprise host spends ≥ 30% of its staff
education funds on high-skill training (三、（二）). 三、（三） (职业院校) has no checkable
threshold, so a non-enterprise host meets the funding rule as "not applicable".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from flows.rules.base import (
    Outcome,
    Rule,
    Verdict,
    any_of,
    flag,
    one_of,
    skill_at_least,
    unknown,
    value_of,
)

NOTICE_ID = "000_2e12cdb3a8cadbd3"
PLACE = "太仓市"
MIN_FUNDS_SHARE = 30.0  # percent, 三、（二）

ACHIEVEMENTS: tuple[str, ...] = (
    "有重大技术发明或重大技术革新成果",
    "有绝技绝活，在挖掘和传承传统工艺上作出较大贡献",
    "在技术改造、引进和攻关中掌握关键技术、解决重大技术难题",
)
ACHIEVEMENT_ALIASES = {
    "技术发明": ACHIEVEMENTS[0], "技术革新": ACHIEVEMENTS[0], "先进操作法": ACHIEVEMENTS[0],
    "传承传统工艺": ACHIEVEMENTS[1], "传统工艺": ACHIEVEMENTS[1],
    "关键技术": ACHIEVEMENTS[2], "技术难题": ACHIEVEMENTS[2], "技术攻关": ACHIEVEMENTS[2],
}
OPTIONS = {"achievement_types": ACHIEVEMENTS}


def check_funds(profile: Mapping[str, Any], today: dt.date) -> Outcome:
    """Enterprise host: ``training_funds_share`` (percent) ≥ 30; other hosts: met as
    not applicable."""
    host = value_of(profile, "host_type")
    if host is None:
        return unknown("host_type")
    if host != "企业":
        return Outcome(Verdict.MET, f"依托{host}建立，此条只适用于依托企业建立的工作室。")
    try:
        share = float(value_of(profile, "training_funds_share"))
    except (TypeError, ValueError):
        return unknown("training_funds_share")
    if share >= MIN_FUNDS_SHARE:
        return Outcome(Verdict.MET, f"职工教育经费用于高技能人才培养的比例为{share:g}%，不低于30%。")
    return Outcome(Verdict.NOT_MET, f"职工教育经费用于高技能人才培养的比例为{share:g}%，低于30%。")


RULES: tuple[Rule, ...] = (
    Rule("taicang.studio.master", "技能大师是技师、高级技师，或具有绝技绝活的优秀技能人才",
         NOTICE_ID, "三、（一）", "技师、高级技师，或具有绝技绝活的优秀技能人才",
         any_of(skill_at_least(2, "技师"),
                flag("has_unique_skill", "具有绝技绝活。", "不具有绝技绝活。")),
         ("skill_level", "has_unique_skill")),
    Rule("taicang.studio.achievement", "具有所列三项条件之一", NOTICE_ID, "三、（一）",
         "且具有下列条件之一的可以申报",
         one_of("achievement_types", ACHIEVEMENTS, "条件", ACHIEVEMENT_ALIASES),
         ("achievement_types",)),
    Rule("taicang.studio.funds", "依托企业的，企业职工教育经费用于高技能人才培养、交流等方面的费用不低于30%",
         NOTICE_ID, "三、（二）", "企业职工教育经费用于高技能人才培养、交流等方面的费用不低于 30%",
         check_funds, ("host_type", "training_funds_share")),
)
