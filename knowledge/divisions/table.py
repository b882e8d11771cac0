"""The division table: every division built from the raw nodes, with lookups by code,
name, area code and chained name; names in running text come from
:class:`~knowledge.divisions.matching._MentionFinder`."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from knowledge.divisions.area_codes import _assign_area_codes
from knowledge.divisions.data import _Node
from knowledge.divisions.index import _Index
from knowledge.divisions.matching import _MentionFinder
from knowledge.divisions.model import Division


class DivisionTable(_MentionFinder):
    """Every division, with lookups by code, name, area code and chained name.

    Build it with :func:`~knowledge.divisions.divisions` (cached); the constructor
    takes the raw nodes.
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
        self._pinyin: dict[str, str] | None = None  # built on the first by_pinyin

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

    def by_pinyin(self, word: str) -> str:
        """The short name of the one province or prefecture whose toneless pinyin is
        ``word`` (``"taiyuan"`` → ``"太原"``); ``""`` when none or several share it.
        Counties are left out: too many of them sound alike."""
        if self._pinyin is None:
            from pypinyin import lazy_pinyin

            seen: dict[str, set[str]] = defaultdict(set)
            for div in self._by_code.values():
                if div.level in ("province", "city") and len(div.short) >= 2:
                    seen["".join(lazy_pinyin(div.short))].add(div.short)
            self._pinyin = {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}
        return self._pinyin.get(word.lower(), "")

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

    # -- internals -----------------------------------------------------------------------

    def _unique(self, codes: Iterable[str]) -> list[Division]:
        seen: set[str] = set()
        out = []
        for code in codes:
            if code not in seen:
                seen.add(code)
                out.append(self._by_code[code])
        return out
