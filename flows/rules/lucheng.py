"""温州市鹿城区 2024 技能大师工作室: conditions of 一、（一）有大师.

Notice ``002_776fcaae778a508b``: 《关于实施2024年温州市鹿城区技能大师工作室建设项目的通知》.
The retirement margin is checked against the statutory retirement month under the
progressive rule (:mod:`knowledge.retirement`), by sex and, for women, worker/cadre.
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
    count_at_least,
    flag,
    months_left,
    one_of,
    skill_at_least,
)

NOTICE_ID = "002_776fcaae778a508b"
PLACE = "温州市鹿城区"
MIN_MARGIN_MONTHS = 36  # 距法定退休年龄3年以上
MIN_TEAM = 3  # 除领办人外应拥有不少于3人的技能人才团队

HONOURS: tuple[str, ...] = (
    "中华技能大奖", "全国技术能手", "钱江技能大奖", "瓯江技能大奖",
    "温州名匠（市“特支计划”高技能领军人才）", "新时代浙江工匠培养项目",
    "浙江省技术能手", "温州市技术能手", "鹿城区技术能手",
    "浙江省首席技师", "温州市首席技师", "鹿城区首席技师",
)
HONOUR_ALIASES = {
    "温州名匠": HONOURS[4], "特支计划高技能领军人才": HONOURS[4], "浙江工匠": HONOURS[5],
    "百千万": HONOURS[5], "省技术能手": HONOURS[6], "市技术能手": HONOURS[7],
    "区技术能手": HONOURS[8], "省首席技师": HONOURS[9], "市首席技师": HONOURS[10],
    "区首席技师": HONOURS[11],
}
OPTIONS = {"honours": HONOURS}


def check_retirement_margin(profile: Mapping[str, Any], today: dt.date) -> Outcome:
    """At least 36 months between ``today``'s month and the statutory retirement month
    (a man born 1966-01 retires 2026-05: met through 2023-05, not met from 2023-06)."""
    left = months_left(profile, today)
    if isinstance(left, Outcome):
        return left
    years, months = divmod(max(left, 0), 12)
    span = f"{years}年{months}个月" if months else f"{years}年"
    if left >= MIN_MARGIN_MONTHS:
        return Outcome(Verdict.MET, f"距法定退休年龄还有{span}，满3年。")
    return Outcome(
        Verdict.NOT_MET,
        f"距法定退休年龄只有{span}，不足3年（通知写明“原则上”，特殊情况可咨询区人力社保局）。",
    )


_L = "一、（一）"
RULES: tuple[Rule, ...] = (
    Rule("lucheng.studio.leader",
         "领办人是技师、高级技师，或获得所列荣誉称号，或具有绝技绝活", NOTICE_ID, _L,
         "领办人应是技艺精湛、贡献突出、群众公认且在生产实践中能够起带头作用的技师、高级技师",
         any_of(skill_at_least(2, "技师"),
                one_of("honours", HONOURS, "所列荣誉称号", HONOUR_ALIASES),
                flag("has_unique_skill", "具有绝技绝活。", "不具有绝技绝活。")),
         ("skill_level", "honours", "has_unique_skill")),
    Rule("lucheng.studio.retirement", "领办人申请时距法定退休年龄3年以上", NOTICE_ID, _L,
         "领办人在申请时原则上应距法定退休年龄3年以上", check_retirement_margin,
         ("birth_date", "sex", "category")),
    Rule("lucheng.studio.team", f"除领办人外不少于{MIN_TEAM}人的技能人才团队", NOTICE_ID, _L,
         "申报的工作室除领办人外应拥有不少于3人的技能人才团队",
         count_at_least("team_size", MIN_TEAM, "团队除领办人外有"), ("team_size",)),
)
