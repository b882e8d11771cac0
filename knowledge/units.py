"""Kinds of unit that host a studio (企业, 技工院校, 事业单位 …), as notices and users name them.

One taxonomy serves the notice parser (``依托单位为企业、技工院校`` → admitted kinds;
``职业院校、普通高等学校不纳入申报范围`` → refused kinds) and the user's own words
(``我在一所公办技工学校`` → 技工院校). A kind may have a parent: a notice that admits
院校 admits every school; a notice that refuses only 职业院校 says nothing about a
技工院校.
"""

from __future__ import annotations

import re

UNIT_KINDS: list[tuple[str, str, re.Pattern[str]]] = [
    ("个体户", "", re.compile(r"个体工商户|个体户|个体经营")),
    ("培训机构", "", re.compile(r"培训学校|培训机构|培训中心")),
    ("技工院校", "院校", re.compile(r"技工院校|技工学校|技师学院|技工学院|技工教育")),
    (
        "职业院校",
        "院校",
        re.compile(r"职业院校|职业学校|职业技术学院|职业学院|职业技术学校|职校|高职|中职"),
    ),
    ("高校", "院校", re.compile(r"普通高等学校|普通高校|高等院校|高等学校|高校|大学")),
    ("院校", "", re.compile(r"院校|学校|学院")),
    (
        "参公事业单位",
        "事业单位",
        re.compile(r"参照公务员法管理的?(?:事业)?单位|参公(?:管理的?)?(?:事业)?单位|参公"),
    ),
    ("事业单位", "", re.compile(r"事业单位|科研院所|研究所")),
    ("合作社", "", re.compile(r"农民专业合作社|专业合作社|合作社")),
    ("家庭农场", "", re.compile(r"家庭农场|农场")),
    ("作坊", "", re.compile(r"手工作坊|作坊")),
    ("村集体", "", re.compile(r"村级集体经济组织|村集体经济组织|村集体")),
    ("机关", "", re.compile(r"机关|公务员")),
    ("社会组织", "", re.compile(r"行业协会|社会组织|社会团体|协会|学会|民办非企业")),
    ("企业", "", re.compile(r"企业|公司|企事业|厂|民营|国企")),
]
"""``(kind, parent kind or "", words)``, most specific first."""

PARENT: dict[str, str] = {name: parent for name, parent, _ in UNIT_KINDS}


def unit_kinds(text: str) -> list[str]:
    """The kinds named in ``text``, most specific first; words of a specific kind are
    not read again as its parent (``技工院校`` is 技工院校, not also 院校).

    >>> unit_kinds("企业、技工院校、职业院校")
    ['技工院校', '职业院校', '企业']
    """
    found: list[str] = []
    rest = text.replace("企事业单位", "企业、事业单位")
    for name, _, rx in UNIT_KINDS:
        if rx.search(rest):
            found.append(name)
            rest = rx.sub("□", rest)
    return found


def own_unit_kind(text: str) -> str:
    """The one kind the user names for their unit (``一所公办技工学校`` → 技工院校), or ""."""
    kinds = unit_kinds(text)
    return kinds[0] if kinds else ""


def covers(notice_kind: str, user_kind: str) -> bool:
    """True when the notice's kind includes the user's (院校 covers 技工院校)."""
    return notice_kind == user_kind or PARENT.get(user_kind) == notice_kind


def narrower(notice_kind: str, user_kind: str) -> bool:
    """True when the notice names a narrower kind than the user said (技工院校 vs 院校):
    whether it applies needs the user's exact kind."""
    return PARENT.get(notice_kind) == user_kind
