"""镇江市 2023 技能大师工作室: conditions of 一、（二）申报条件.

Notice ``001_d59e2d59539f7422``: 《关于开展2023年镇江市技能大师工作室申报认定和评估考核
工作的通知》. The leader (领衔人) needs one listed honour AND one of five achievement
types.
"""

from __future__ import annotations

from flows.rules.base import Rule, one_of

NOTICE_ID = "001_d59e2d59539f7422"
PLACE = "镇江市"

HONOURS: tuple[str, ...] = (
    "中华技能大奖", "全国技术能手", "国务院特殊津贴", "江苏省有突出贡献的专家", "江苏工匠",
    "江苏省技术能手", "江苏省三带乡土人才", "镇江工匠", "镇江市有突出贡献的专家",
    "镇江市技术能手", "镇江市优秀乡土人才",
)
HONOUR_ALIASES = {
    "国务院政府特殊津贴": "国务院特殊津贴", "享受国务院特殊津贴": "国务院特殊津贴",
    "江苏技术能手": "江苏省技术能手", "三带乡土人才": "江苏省三带乡土人才",
    "江苏省工匠": "江苏工匠", "镇江市工匠": "镇江工匠", "镇江技术能手": "镇江市技术能手",
    "镇江优秀乡土人才": "镇江市优秀乡土人才",
}
ACHIEVEMENTS: tuple[str, ...] = ("创新创优", "技术攻关", "科技成果转化", "授艺带徒", "传统工艺传承")
OPTIONS = {"honours": HONOURS, "achievement_types": ACHIEVEMENTS}

_Z = "一、（二）"
RULES: tuple[Rule, ...] = (
    Rule("zhenjiang.studio.honours", "领衔人获得所列奖励和荣誉之一", NOTICE_ID, _Z,
         "技能大师工作室领衔人须获得“中华技能大奖”、“全国技术能手”",
         one_of("honours", HONOURS, "所列奖励和荣誉", HONOUR_ALIASES), ("honours",)),
    Rule("zhenjiang.studio.achievement",
         "同时具有创新创优、技术攻关、科技成果转化、授艺带徒、传统工艺传承五方面条件之一",
         NOTICE_ID, _Z, "且同时具有下列条件之一",
         one_of("achievement_types", ACHIEVEMENTS, "业绩条件"), ("achievement_types",)),
)
