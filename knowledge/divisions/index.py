"""The name index on division codes: every official name, short name and autonomous
short form → codes, each code's ancestors, and the resolver for chains of names."""

from __future__ import annotations

from collections import defaultdict

from knowledge.divisions.data import _Node
from knowledge.divisions.names import autonomous_alias, short_name

_FULL, _ALIAS, _SHORT = 3, 2, 1  # how a name was written; higher is more specific
_LEVEL_RANK = {"province": 0, "city": 1, "county": 2}


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
            alias = autonomous_alias(node.name, short)
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
