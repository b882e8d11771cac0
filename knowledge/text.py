"""Text normalisation for notices and questions.

Questions arrive as people type them on a phone: full-width letters and digits,
traditional characters, stray spaces. :func:`normalize_question` folds all of that.
Notices keep their own characters; :func:`squeeze` only removes layout whitespace.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CJK = r"\u3400-\u9fff"
_SPACE_BETWEEN_CJK = re.compile(
    rf"(?<=[{_CJK}（）《》〔〕“”、，。：；])\s+(?=[{_CJK}（）《》〔〕“”、，。：；\d])|(?<=[\d])\s+(?=[{_CJK}])"
)
_WS = re.compile(r"\s+")
_FACT_BREAK = re.compile(
    rf"(?<=[{_CJK}\d])[ \t\u3000]+(?=[{_CJK}\d])(?![年月日岁周个人名位万元平米号])"
)
# A Chinese numeral counting something (五年, 两份, 三个人) is written as digits, as the
# notices mostly do (5年, 一式两份 stays: 式 is no unit).
_CN_QUANTITY = re.compile(
    r"(?<![一二两三四五六七八九十百])([一二两三四五六七八九十]{1,3})(?=(?:周岁|岁|年|个|人|份|万元|万|元|天|名|家|工作日))"
)
_SENTENCE_END = re.compile(r"(?<=[。；;！？!?])")

# Chinese numerals as used in notices: 一式两份, 满两年, 不少于五人.
_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "O": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


@lru_cache(maxsize=1)
def _t2s():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str]:
    """Characters that differ between traditional and simplified (OpenCC's table)."""
    import os

    import opencc

    path = os.path.join(os.path.dirname(opencc.__file__), "dictionary", "TSCharacters.txt")
    chars: set[str] = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            key = line.split("\t", 1)[0]
            if len(key) == 1:
                chars.add(key)
    return frozenset(chars)


def to_simplified(text: str) -> str:
    """Convert traditional characters to simplified (OpenCC t2s); cheap when none present."""
    trad = _traditional_chars()
    if not any(ch in trad for ch in text):
        return text
    return str(_t2s().convert(text))


def normalize_question(text: str, breaks: bool = False) -> str:
    """Normalise a user's question for matching.

    NFKC (full-width → half-width), traditional → simplified, lower case, whitespace
    between CJK characters removed and other runs of whitespace folded to one space,
    counted Chinese numerals as digits (``五年`` → ``5年``, ``俩人`` → ``2个人``).

    Args:
        text: Raw user text.
        breaks: Keep the spaces messenger users type between facts as ``，``
            (``我女的 今年52 技师`` → ``我女的，今年52，技师``): the applicant's facts are
            read from this form. A space before a unit (``1975 年``) is still removed.

    Returns:
        The normalised text (may be empty).
    """
    text = unicodedata.normalize("NFKC", text)
    text = to_simplified(text).lower()
    if breaks:
        text = _FACT_BREAK.sub("，", text.strip())
    text = _SPACE_BETWEEN_CJK.sub("", text)
    text = text.replace("俩", "2个").replace("仨", "3个")  # colloquial: 就俩人, 仨徒弟
    text = _CN_QUANTITY.sub(_digits, text)
    return _WS.sub(" ", text).strip()


def _digits(m: re.Match[str]) -> str:
    numeral = m.group(1)
    if numeral == "一":  # 一年一评, 一个工作室: "one"/"a", left as written
        return numeral
    value = cn_number(numeral)
    return str(value) if value is not None else numeral


def squeeze(text: str) -> str:
    """Remove layout whitespace between CJK characters and fold other whitespace.

    ``"8 月 20 日前"`` → ``"8月20日前"``; ``"A4 纸"`` → ``"A4纸"``. Tabs separate the cells
    of a table row and are kept (each cell is squeezed on its own).
    """
    if "\t" in text.strip():
        return "\t".join(squeeze(cell) for cell in text.strip().split("\t"))
    text = text.replace("\u3000", " ").replace("\xa0", " ")
    text = _SPACE_BETWEEN_CJK.sub("", text.strip())
    text = re.sub(rf"(?<=[{_CJK}])\s+(?=[\dA-Za-z])", "", text)
    return _WS.sub(" ", text)


def fold(text: str) -> str:
    """NFKC + remove all whitespace: the form used to compare quoted strings."""
    return _WS.sub("", unicodedata.normalize("NFKC", text))


def split_sentences(text: str) -> list[str]:
    """Split text into sentences at 。；！？ (keeping the punctuation); empty parts dropped."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def cn_number(token: str) -> int | None:
    """Parse a small integer written in Arabic or Chinese numerals.

    ``"5"`` → 5, ``"两"`` → 2, ``"十八"`` → 18, ``"三十"`` → 30. Uses ``cn2an`` for
    anything beyond single digits.

    Returns:
        The integer, or ``None`` when ``token`` is not a number.
    """
    token = token.strip()
    if not token:
        return None
    if token.isdigit():
        return int(token)
    if len(token) == 1 and token in _CN_DIGITS:
        return _CN_DIGITS[token]
    try:
        import cn2an

        value = cn2an.cn2an(token, "smart")
    except (ValueError, KeyError):
        return None
    return int(value) if float(value).is_integer() else None


def shorten(text: str, limit: int) -> str:
    """Cut ``text`` to at most ``limit`` characters, ending with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
