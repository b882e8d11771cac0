"""韶关市 市级技能大师工作室: condition of 一、认定条件.

Notice ``004_bb816d0ae4b34579``: 《韶关市市级技能大师工作室认定实施方案》 (韶人社函〔2022〕46号).
``qualified_members`` counts the leader: "领办人及主要成员有3名均具备国家职业资格技师以上资质".
"""

from __future__ import annotations

from flows.rules.base import Rule, count_at_least

NOTICE_ID = "004_bb816d0ae4b34579"
PLACE = "韶关市"
MIN_QUALIFIED = 3

OPTIONS: dict[str, tuple[str, ...]] = {}

RULES: tuple[Rule, ...] = (
    Rule("shaoguan.studio.qualified", "领办人及主要成员中有3名具备国家职业资格技师以上资质",
         NOTICE_ID, "一、", "领办人及主要成员有3名均具备国家职业资格技师以上资质",
         count_at_least("qualified_members", MIN_QUALIFIED, "具备技师以上资质的（含领办人）有"),
         ("qualified_members",)),
)
