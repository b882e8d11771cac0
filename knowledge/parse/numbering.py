"""Inline numbering: headings that run inside long paragraphs are put on lines of their own.

Many sites publish a notice as a few long paragraphs: ``…申报工作。一、申报范围 本市…。
二、申报条件（一）基本条件…（二）…``. :func:`split_inline_headings` cuts such a line
before each heading label so that the clause tree can be built as for a notice whose
headings start lines. A label only counts when it continues the numbering seen so far
(``二、`` after ``一、``; ``（一）`` opening a new section) and stands where a heading can
stand: after a sentence end, or right after the short text of a higher heading. That
keeps ``统一、规范``, ``1.5万元``, ``第（二）项`` and dates in the text.
"""

from __future__ import annotations

import re

from knowledge.text import cn_number

_LABEL = re.compile(
    r"(?P<l1>(?<![\u4e00-\u9fff（(])[一二三四五六七八九十]{1,3}、)"
    r"|(?P<l2>[（(][一二三四五六七八九十]{1,3}[）)])"
    r"|(?P<l3>(?<![\d.．\-/A-Za-z])\d{1,2}[.．、](?![\d]))"
    r"|(?P<l4>[（(]\d{1,2}[）)])"
)
_BREAK_BEFORE = "。；;！!？?：:"
_MIN_LENGTH = 40  # lines shorter than this are left alone


def _value(label: str) -> int | None:
    digits = re.sub(r"[（()）、.．]", "", label)
    return cn_number(digits)


def split_inline_headings(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Split long lines before inline heading labels.

    Args:
        lines: ``(line number, text)`` pairs of the body, squeezed.

    Returns:
        The same text as more pairs; the pieces of one source line keep its number.
    """
    last: dict[int, int] = {}  # level → last number accepted at that level
    out: list[tuple[int, str]] = []
    for n, line in lines:
        cuts = [0]
        heading_end = 0
        for m in _LABEL.finditer(line):
            level = int(m.lastgroup[1]) if m.lastgroup else 0
            value = _value(m.group())
            if value is None:
                continue
            if m.start() > 0:
                if len(line) < _MIN_LENGTH or value != last.get(level, 0) + 1:
                    continue
                prev = line[m.start() - 1]
                if prev not in _BREAK_BEFORE and not prev.isspace() and m.start() != heading_end:
                    continue
                cuts.append(m.start())
            elif value != last.get(level, 0) + 1 and value != 1:
                continue
            last[level] = value
            for deeper in [k for k in last if k > level]:
                del last[deeper]
            heading_end = _heading_end(line, m.end())
        for a, b in zip(cuts, [*cuts[1:], len(line)], strict=True):
            piece = line[a:b].strip()
            if piece:
                out.append((n, piece))
    return out


def _heading_end(line: str, start: int) -> int:
    """End of a short heading text right after a label (``申报条件`` in
    ``二、申报条件（一）…``), or 0 when the label starts a sentence."""
    m = re.match(r"[^，,。；;：:（(）)、]{2,14}", line[start:])
    if m and start + m.end() < len(line) and line[start + m.end()] in "（(":
        return start + m.end()
    return 0
