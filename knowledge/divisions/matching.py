"""Division names in running text: the Aho-Corasick automaton over every name, the
rules for when a short or generic name counts as a place, and the reading of
adjacent mentions as one chain. :class:`_MentionFinder` gives
:class:`~knowledge.divisions.DivisionTable` its :meth:`find_all` and :meth:`mentions`."""

from __future__ import annotations

import ahocorasick

from knowledge.divisions.index import _ALIAS, _FULL, _LEVEL_RANK, _Index
from knowledge.divisions.model import Division, Mention

# Names that are everyday words on their own: only places after their parent (阳泉市城区).
_GENERIC = frozenset(
    {
        "城区",
        "郊区",
        "矿区",
        "新区",
        "市区",
        "东区",
        "西区",
        "南区",
        "北区",
        "中区",
        "新城",
        "老城",
        "市中",
        "城中",
        "城东",
        "城西",
        "城南",
        "城北",
    }
)
# Prefecture short names that are also common words (长治久安, 欢迎来宾, 幸福安康): in
# running text they count only as county short names do (长治人社局) or after their
# province (山西长治); their official names (长治市) always count.
_COMMON_WORDS = frozenset(
    {
        "长治",
        "来宾",
        "安康",
        "朝阳",
        "白银",
        "阿里",
        "日照",
        "开封",
        "三明",
        "大同",
        "中山",
    }
)
# What may follow a bare county (or common-word) short name, standing at the start of a
# phrase, for it to count as a place: the start of an organ's name (太仓人社局). None
# starts with a unit character: 鹿城区委 is read through the full name 鹿城区, and
# "会同区委" (together with the district committee) is not 会同县.
_ORGAN_WORDS = (
    "人社",
    "人力资源",
    "人民政府",
    "政府",
    "党委",
    "人大",
    "政协",
    "财政",
    "教育局",
    "总工会",
    "工会",
    "发改",
    "发展和改革",
    "经信",
    "工信",
    "科技局",
    "民政",
    "卫健",
    "医保",
    "税务",
    "公安",
    "法院",
    "检察院",
    "文旅",
    "文化和旅游",
    "农业农村",
    "商务局",
    "住建",
    "交通运输",
    "水利局",
    "统计局",
    "审计局",
    "技师学院",
    "技工学校",
    "职业技术学院",
    "职业学院",
)


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


class _MentionFinder:
    """The mention methods of :class:`~knowledge.divisions.DivisionTable`, on the
    table's name index and divisions."""

    _index: _Index
    _by_code: dict[str, Division]
    _automaton: ahocorasick.Automaton

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
                    self._index.is_ancestor(p, code)
                    for p, _, _ in before[2]
                    for code, _, _ in item[2]
                ):
                    take(item)
                    ends[item[1]] = item
                    pending.remove(item)
                    added = True
        chosen.sort(key=lambda r: r[0])
        return self._read_groups(text, chosen)

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
