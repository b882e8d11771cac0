"""Normalisation of a notice's text before parsing.

Published notices arrive with the marks of their site or word processor: full-width
digits and letters (``２０２５年``), traditional characters on mirrors and in Hong Kong
style copies (``綿陽市``), pinyin glosses a mirror inserts after rare characters
(``特優(yōu)``), doubled punctuation (``。。``), zero-width and non-breaking spaces.

:func:`normalize_notice` folds all of that **line by line and character by character**:
the output has the same lines as the input (so clause line numbers still point into the
source), and traditional → simplified is length-preserving, so the original characters
of any quoted span can be restored with :func:`restore_script` and the map it returns.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from knowledge.text import cn_number, to_simplified

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_PINYIN_GLOSS = re.compile(
    r"(?<=[\u4e00-\u9fff])[（(]\s*[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*\s*[)）]"
)
_DOUBLED = re.compile(r"([。，、；：！？])\1+")
# Full-width ASCII letters and digits (U+FF10–FF19, FF21–FF3A, FF41–FF5A) and the
# full-width period/colon/hyphen between digits; Chinese punctuation is kept as written.
_FULLWIDTH = {
    cp: cp - 0xFEE0
    for cp in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))
}
_FULLWIDTH.update({0x3000: 0x20, 0xA0: 0x20, 0xFF20: 0x40})  # ideographic/nbsp space, ＠
_DIGIT_PUNCT = re.compile(r"(?<=\d)[．：－](?=\d)")
_CN_DIGIT = "〇○零OΟ一二三四五六七八九"
_CN_DATE = re.compile(
    rf"([{_CN_DIGIT}]{{4}})年([一二三四五六七八九十]{{1,2}})月([一二三四五六七八九十]{{1,3}})日"
)


@dataclass
class NormalizedText:
    """A notice's text ready for the parser.

    Attributes:
        text: Simplified, folded text with the same lines as the source.
        original: ``{simplified character: traditional character}`` for the characters
            this notice writes in traditional script; empty for simplified notices.
    """

    text: str
    original: dict[str, str] = field(default_factory=dict)

    @property
    def traditional(self) -> bool:
        """True when the source was written in traditional characters."""
        return bool(self.original)


def normalize_notice(text: str) -> NormalizedText:
    """Fold a notice's text for parsing, line count unchanged.

    Args:
        text: The text as read from the file (:func:`knowledge.readers.read_document`).

    Returns:
        The normalised text and the map back to the original script.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text).translate(_FULLWIDTH)
    text = _DIGIT_PUNCT.sub(lambda m: {"．": ".", "：": ":", "－": "-"}[m.group()], text)
    text = _PINYIN_GLOSS.sub("", text)
    text = _CN_DATE.sub(_cn_date, text)
    text = _DOUBLED.sub(r"\1", text)
    simplified = _simplify(text)
    return NormalizedText(simplified, _original_map(simplified, text))


def _cn_date(m: re.Match[str]) -> str:
    """``二〇二五年三月十二日`` → ``2025年3月12日`` (signature dates are often written so)."""
    year = "".join(
        str(_CN_DIGIT.index(ch) - 4) if _CN_DIGIT.index(ch) >= 5 else "0" for ch in m.group(1)
    )
    month, day = cn_number(m.group(2)), cn_number(m.group(3))
    if month is None or day is None:
        return m.group()
    return f"{year}年{month}月{day}日"


def restore_script(text: str, original: dict[str, str]) -> str:
    """Write ``text`` (simplified, from the parsed notice) back in the notice's own
    script: ``"绵阳市"`` → ``"綿陽市"`` for a traditional notice; unchanged otherwise."""
    if not original:
        return text
    return "".join(original.get(ch, ch) for ch in text)


def _simplify(text: str) -> str:
    """Traditional → simplified, keeping the length of every line.

    OpenCC's phrase conversion is tried line by line (it is context-aware: 乾隆 stays);
    a line whose length it changes falls back to the character table.
    """
    out = []
    for line in text.split("\n"):
        converted = to_simplified(line)
        if len(converted) != len(line):
            converted = "".join(_char_t2s(ch) for ch in line)
        out.append(converted)
    return "\n".join(out)


@lru_cache(maxsize=8192)
def _char_t2s(ch: str) -> str:
    converted = to_simplified(ch)
    return converted if len(converted) == 1 else ch


def _original_map(simplified: str, source: str) -> dict[str, str]:
    """The traditional character most often written for each simplified one."""
    if simplified == source:
        return {}
    pairs: Counter[tuple[str, str]] = Counter(
        (s, o) for s, o in zip(simplified, source, strict=True) if s != o
    )
    best: dict[str, tuple[int, str]] = {}
    for (s, o), n in pairs.items():
        if s not in best or n > best[s][0]:
            best[s] = (n, o)
    return {s: o for s, (_, o) in best.items()}
