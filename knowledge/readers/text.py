"""The ``.txt`` reader: decoded text as is, a saved web page read as HTML, and
text with HTML markup left in reduced to its own lines."""

from __future__ import annotations

import re
from pathlib import Path

from knowledge.readers.decoding import _bom, _decode_html, _decode_text
from knowledge.readers.html import _html_to_text
from knowledge.readers.limits import _Deadline

_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_TAG = re.compile(r"<(?:p|div|br|table|tr|td|span|h[1-6]|li|font)\b[^<>]*>", re.I)


def _looks_like_html(text: str) -> bool:
    """A saved web page or HTML-tagged text (``<p>``/``<div>``/``<br>`` markup)."""
    if _HTML_START.match(text[:2048]):
        return True
    tags = len(_HTML_TAG.findall(text))
    return tags >= 5 or (tags >= 2 and tags * 40 >= len(text))


_BREAK_TAG = re.compile(
    r"<br\s*/?>|</(?:p|div|h[1-6]|li|tr)>[ \u3000]*(?=<(?:p|div|h[1-6]|li|tr)\b)", re.I
)
_ANY_TAG = re.compile(r"<!--.*?-->|</?[A-Za-z][^<>]*>", re.S)
_CELL_GAP = re.compile(r"</t[dh]>\s*<t[dh]\b[^<>]*>", re.I)


def _strip_tags_by_line(text: str) -> str:
    """Plain text with some HTML markup left in it (``<p>…</p>`` around lines or table
    cells, ``<br>``): the text's own line breaks are kept, ``<br>`` and adjacent blocks
    break lines, other tags are removed and entities decoded."""
    import html

    out = []
    for line in text.splitlines():
        line = _BREAK_TAG.sub("\n", _CELL_GAP.sub("\t", line))
        out.append(html.unescape(_ANY_TAG.sub("", line)))
    return "\n".join(out)


_BOX_RULE = re.compile(r"^[\s\u3000]*[┌├└╔╠╚┏┣┗+][─━═┬┼┴╦╬╩┳╋┻+\-\s]*[┐┤┘╗╣╝┓┫┛+]?[\s\u3000]*$")
_BOX_ROW = re.compile(r"^[\s\u3000]*[│┃║|].*[│┃║|][\s\u3000]*$")
_BOX_BAR = re.compile(r"[\s\u3000]*[│┃║][\s\u3000]*")


def _unbox(text: str) -> str:
    """A table drawn with box characters (``│工作室名称　│　　│``, ``├──┼──┤``) as the other
    readers give tables: one tab-separated line per row, cell padding removed, the rule
    lines dropped; text without such a table is returned as is."""
    if "│" not in text and "┃" not in text and "║" not in text:
        return text
    out = []
    for line in text.splitlines():
        if _BOX_RULE.match(line) and any(ch in line for ch in "─━═"):
            continue
        if _BOX_ROW.match(line):
            cells = _BOX_BAR.split(line.strip(" \u3000"))
            out.append("\t".join(c for c in cells[1:-1]))
            continue
        out.append(line)
    return "\n".join(out)


def _read_txt(path: Path, deadline: _Deadline) -> str:
    raw = path.read_bytes()
    text = _decode_text(raw, path)
    if _HTML_START.match(text[:2048]):  # a saved web page
        deadline.check(path)
        return _html_to_text(text if _bom(raw) else _decode_html(raw), path, deadline)
    if _looks_like_html(text):  # text with markup left in: its lines are the notice's
        return _strip_tags_by_line(text)
    return _unbox(text)
