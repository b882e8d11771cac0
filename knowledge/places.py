"""Places: the place a notice applies to, and places named in questions.

A notice applies to a city or district (``"太仓市"``, ``"温州市鹿城区"``). Users name it
in many ways: the short name (``太仓``), pinyin (``taicang``), a homophone or a
look-alike typo (``无希``, ``太仑``), a county of the city (``江阴`` → 无锡), or the
parent city (``苏州`` → 太仓). :class:`PlaceMatcher` resolves all of these to notice ids
with a strength, so an exact name always beats a parent-city guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick
from rapidfuzz import fuzz, process

from knowledge.models import Place

_UNIT = re.compile(r"(市|区|县|旗|自治州|盟)$")

# Look-alike characters (形近字) that phone users confuse in place names. Homophones are
# handled through pinyin, so only shape confusions need listing.
_CONFUSABLE = {
    "仑": "仓",
    "沧": "仓",
    "苍": "仓",
    "抢": "仓",
    "鹿": "麓",
    "麓": "鹿",
    "锡": "钖",
    "钖": "锡",
    "韶": "绍",
    "绍": "韶",
    "昭": "韶",
    "镇": "填",
    "填": "镇",
    "锁": "镇",
    "关": "美",
    "美": "关",
    "城": "成",
    "成": "城",
    "江": "汪",
    "汪": "江",
    "州": "洲",
    "洲": "州",
    "川": "州",
    "阴": "阳",
    "阳": "阴",
    "兴": "米",
    "宜": "宣",
    "宣": "宜",
}


class Strength:
    """How strongly a mention selects a notice (higher wins)."""

    PARENT = 1  # the parent city: 苏州 → 太仓市's notice
    FUZZY = 2  # typo / homophone / pinyin with a typo
    PART = 3  # a county/district of the notice's city: 江阴 → 无锡市
    EXACT = 4  # the notice's own place name, short name or exact pinyin


class NameFinder:
    """Finds names in a text as one alternation regex of them, longest first, would
    (leftmost match, the longest name starting there, no overlaps), with an Aho–Corasick
    automaton (pyahocorasick): the cost of a search depends on the text, not on how many
    names there are.
    """

    def __init__(self, names: Iterable[str]) -> None:
        """Args: names: The names (empty strings are ignored)."""
        self._automaton = ahocorasick.Automaton()
        for name in names:
            if name:
                self._automaton.add_word(name, len(name))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def __bool__(self) -> bool:
        return not self._empty

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Yield ``(start, end, name)`` for each name found in ``text``, left to right:
        at each position the longest name starting there; the search goes on after it."""
        if self._empty or not text:
            return
        longest: dict[int, int] = {}  # start -> length of the longest name starting there
        for last, size in self._automaton.iter(text):
            start = last - size + 1
            if size > longest.get(start, 0):
                longest[start] = size
        pos = 0
        for start in sorted(longest):
            if start < pos:
                continue
            end = start + longest[start]
            yield start, end, text[start:end]
            pos = end


def short_name(name: str) -> str:
    """``"太仓市"`` → ``"太仓"``; ``"温州市鹿城区"`` → ``"鹿城"``; keeps 2 characters at least."""
    last = split_units(name)[-1] if name else name
    stripped = _UNIT.sub("", last)
    return stripped if len(stripped) >= 2 else last


def table_place_names(name: str) -> list[str]:
    """The ways a user names a place of a notice's table: in full, its short name, and
    for an autonomous prefecture or county the gazetteer's written short form
    (``海西蒙古族藏族自治州`` → ``海西州``)."""
    from knowledge.divisions import divisions
    from knowledge.divisions.names import autonomous_alias

    names = [name, short_name(name)]
    names += [autonomous_alias(d.name, d.short) for d in divisions().by_name(name)[:1]]
    return [x for x in dict.fromkeys(names) if len(x) >= 2]


def split_units(name: str) -> list[str]:
    """Split a chained place name into units: ``"温州市鹿城区"`` → ``["温州市", "鹿城区"]``."""
    units = re.findall(r".+?(?:自治州|市|区|县|旗|盟)", name)
    rest = name[sum(len(u) for u in units) :]
    return units + ([rest] if rest else []) or [name]


def pinyin(text: str) -> str:
    """Toneless pinyin without separators: ``"鹿城"`` → ``"lucheng"`` (pypinyin)."""
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(text))


def describe_place(name: str, phones_area_codes: list[str] | None = None) -> Place:
    """Build a :class:`Place` for a place name, from the national division table.

    Args:
        name: e.g. ``"太仓市"``, ``"温州市鹿城区"``, ``"青川市"`` (places the table does not
            list work too: named as written, level unknown).
        phones_area_codes: Area codes seen in the notice's phone numbers; the most
            common one is used when the table does not know the place.

    Returns:
        The place with parent city, province, level, area code and aliases.
    """
    from knowledge.divisions import divisions
    from knowledge.parse.place import place_of_division

    found = divisions().resolve(name)
    if found:
        return place_of_division(found[0])
    return unlisted_place(name, phones_area_codes)


def unlisted_place(name: str, phones_area_codes: list[str] | None = None) -> Place:
    """A place named as written that the division table does not list (a new district, a
    development zone, a fictional test place): level unknown, the area code the notice's
    phones use most."""
    codes = phones_area_codes or []
    code = max(set(codes), key=codes.count) if codes else ""
    units = split_units(name)  # 芃鹗市蓿瑾区: the city, then the district
    own, short = units[-1], short_name(name)
    city = units[0] if len(units) > 1 else name
    aliases = list(dict.fromkeys(a for a in (name, own, short, pinyin(short)) if a))
    return Place(name=name, city=city, short=short, area_code=code, aliases=aliases)


def place_names(is_common: Callable[[str], bool] | None = None) -> dict[str, str]:
    """Every division users may name, as they write it, mapped to the name answers use:
    ``{"溧阳": "常州市溧阳市", "溧阳市": "常州市溧阳市", "常州": "常州市", "鹿城区": "温州市鹿城区", ...}``
    (a county with its city, so the name is unambiguous in a reply).

    Districts (…区) are only matched by their full name (``城区``, ``新区`` are words), and
    so is a short name that is an everyday word (``is_common``: 合作 of 合作市, 东方).
    """
    from knowledge.divisions import divisions

    names: dict[str, str] = {}
    for d in divisions():
        parent = d.city or (d.province if d.level == "county" else "")
        shown = parent + d.name if d.level == "county" and parent and parent != d.name else d.name
        names.setdefault(d.name, shown)
        short = d.short
        if (
            len(short) >= 2
            and short != d.name
            and not d.name.endswith("区")
            and not (is_common and is_common(short))
        ):
            names.setdefault(short, shown)
    return names


def stands_alone(
    question: str,
    start: int,
    end: int,
    segment: Callable[[str], list[str]],
    names: Mapping[str, object],
) -> bool:
    """True when ``question[start:end]`` is a word of its own, not part of a longer one
    (新兴 in 战略性新兴产业, 太仓 in 太仓促 are not place names)."""
    return not _inside_word(start, end, _token_spans(question, segment), names)


@dataclass(frozen=True)
class PlaceHit:
    """A place mention in a question: which notice it selects and how strongly."""

    notice_id: str
    strength: int
    mention: str


class PlaceMatcher:
    """Finds the notices a question's place mentions select.

    Build once per knowledge base; :meth:`match` is called per question.
    """

    def __init__(
        self, places: dict[str, Place], segment: Callable[[str], list[str]] | None = None
    ) -> None:
        """Args:
        places: ``{notice_id: Place}``.
        segment: Word segmenter; when given, a name found inside a longer word
            (太仓 in 时间太仓促了) is not a mention.
        """
        self._segment = segment
        self._cjk: dict[str, list[tuple[str, int]]] = {}
        self._latin: dict[str, list[tuple[str, int]]] = {}
        # typo candidates: (length, position, character) → (short name, notice id)
        self._by_char: dict[tuple[int, int, str], list[tuple[str, str]]] = {}
        for nid, place in places.items():
            strong = {place.name, split_units(place.name)[-1], place.short}
            parent = {place.city, short_name(place.city)} - strong if place.city else set()
            for alias in place.aliases:
                if re.fullmatch(r"[a-z]+", alias):
                    self._latin.setdefault(alias, []).append((nid, Strength.EXACT))
                    continue
                strength = (
                    Strength.EXACT
                    if alias in strong
                    else Strength.PARENT
                    if alias in parent
                    else Strength.PART
                )
                self._cjk.setdefault(alias, []).append((nid, strength))
            if len(place.short) >= 2:
                for j, ch in enumerate(place.short):
                    self._by_char.setdefault((len(place.short), j, ch), []).append(
                        (place.short, nid)
                    )
        self._lengths = sorted({n for n, _, _ in self._by_char})
        self._names = NameFinder(self._cjk)
        # Latin aliases by length, in insertion order, for the fuzzy pinyin match
        self._latin_order = {alias: i for i, alias in enumerate(self._latin)}
        self._latin_by_len: dict[int, list[str]] = {}
        for alias in self._latin:
            self._latin_by_len.setdefault(len(alias), []).append(alias)

    def __getstate__(self) -> dict[str, object]:
        """Pickled state, without the segmenter (a stored knowledge base sets it again
        with :meth:`use_segmenter`)."""
        return {k: v for k, v in self.__dict__.items() if k != "_segment"}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._segment = None

    def use_segmenter(self, segment: Callable[[str], list[str]] | None) -> None:
        """Set the word segmenter (see ``__init__``), e.g. after unpickling."""
        self._segment = segment

    def match(self, question: str) -> list[PlaceHit]:
        """Return the place hits of a normalised question, strongest first.

        Args:
            question: Output of :func:`knowledge.text.normalize_question`.

        Returns:
            Hits sorted by strength (desc); several notices may share a strength when
            the question names several places.
        """
        hits: dict[str, PlaceHit] = {}

        def add(nid: str, strength: int, mention: str) -> None:
            if nid not in hits or hits[nid].strength < strength:
                hits[nid] = PlaceHit(nid, strength, mention)

        spans = None
        for start, end, name in self._names.finditer(question):
            if self._segment is not None:
                spans = spans if spans is not None else _token_spans(question, self._segment)
                if _inside_word(start, end, spans, self._cjk):
                    continue
            for nid, strength in self._cjk[name]:
                add(nid, strength, name)
        for word in re.findall(r"[a-z]{3,}", question):
            for alias, exact in self._latin_matches(word):
                for nid, _ in self._latin[alias]:
                    add(nid, Strength.EXACT if exact else Strength.FUZZY, word)
        if not any(h.strength >= Strength.PART for h in hits.values()):
            for nid, mention in self._fuzzy_cjk(question):
                add(nid, Strength.FUZZY, mention)
        return sorted(hits.values(), key=lambda h: -h.strength)

    def _latin_matches(self, word: str) -> list[tuple[str, bool]]:
        """The pinyin aliases a Latin word of the question names, in the order they were
        added, each with whether it is exact (the alias itself, or a prefix of the word of
        4 letters or more) or fuzzy (``fuzz.ratio`` ≥ 85, only for words of 4 letters or
        more). Only aliases whose length allows a ratio of 85 are compared."""
        found: dict[str, bool] = {}
        for k in range(4, len(word)):
            if word[:k] in self._latin:
                found[word[:k]] = True
        if word in self._latin:
            found[word] = True
        if len(word) >= 4:
            # ratio = 200·matches / (len(a) + len(b)) ≥ 85 needs |len(a) − len(b)| ≤ 0.15·(sum)
            n = len(word)
            lengths = [m for m in self._latin_by_len if abs(n - m) * 100 <= 15 * (n + m)]
            for m in lengths:
                for alias, _score, _i in process.extract(
                    word, self._latin_by_len[m], scorer=fuzz.ratio, score_cutoff=85, limit=None
                ):
                    found.setdefault(alias, False)
        return sorted(found.items(), key=lambda item: self._latin_order[item[0]])

    def _fuzzy_cjk(self, question: str) -> list[tuple[str, str]]:
        """Typos of short names: one character identical in place, the other a
        homophone (same or near pinyin) or a look-alike (形近字)."""
        found: list[tuple[str, str]] = []
        seen: set[str] = set()
        starts = [
            i
            for i in range(len(question))
            if i == 0 or question[i - 1] in " ，,。.？?！!：:、在问" or question[i - 1].isascii()
        ]
        for i in starts:  # a typo'd place name opens the question or a clause
            for n in self._lengths:
                window = question[i : i + n]
                if len(window) < n:
                    continue
                for j in range(n):  # the characters that match exactly select candidates
                    for short, nid in self._by_char.get((n, j, window[j]), ()):
                        if nid in seen:
                            continue
                        diffs = [k for k in range(n) if window[k] != short[k]]
                        if len(diffs) != 1:
                            continue
                        a, b = window[diffs[0]], short[diffs[0]]
                        if "\u4e00" <= a <= "\u9fff" and (
                            _CONFUSABLE.get(a) == b or _similar_sound(a, b)
                        ):
                            seen.add(nid)
                            found.append((nid, window))
        return found


def _token_spans(text: str, segment: Callable[[str], list[str]]) -> list[tuple[int, int, str]]:
    spans, pos = [], 0
    for tok in segment(text):
        start = text.find(tok, pos)
        if start < 0:
            continue
        spans.append((start, start + len(tok), tok))
        pos = start + len(tok)
    return spans


def _inside_word(
    start: int, end: int, spans: list[tuple[int, int, str]], names: Mapping[str, object]
) -> bool:
    """True when [start, end) lies inside a longer word that is not itself a place name
    nor the name plus 市/区/县 (``太仓促`` yes; ``太仓市`` no)."""
    for s, e, tok in spans:
        if s <= start < e:
            if s == start and e <= end:
                return False
            return tok not in names and not (s == start and e == end + 1 and tok[-1] in "市区县")
    return False


@lru_cache(maxsize=4096)
def _similar_sound(a: str, b: str) -> bool:
    pa, pb = pinyin(a), pinyin(b)
    if pa == pb:
        return True
    return pa[:1] == pb[:1] and fuzz.ratio(pa, pb) >= 85
