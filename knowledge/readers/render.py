"""Rendering a cleaned web page to lines: per-element text counts, named furniture
and link lists skipped (:meth:`_Page.is_chrome`), blocks and ``<br>`` breaking lines,
data tables as one tab-joined line per row (colspan/rowspan handled)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from knowledge.readers.chrome import _CHROME_NAME, _DOC_NUMBER, _DOWNLOADS, _WS
from knowledge.readers.limits import _Deadline

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_BLOCK_TAGS = {
    "address",
    "article",
    "blockquote",
    "body",
    "center",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "menu",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "ul",
    "caption",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "td",
    "th",
    "table",
}
_INLINE_TAGS = {
    "a",
    "span",
    "font",
    "b",
    "strong",
    "em",
    "i",
    "u",
    "sub",
    "sup",
    "small",
    "big",
    "label",
    "abbr",
    "cite",
    "code",
    "del",
    "ins",
    "mark",
    "q",
    "s",
    "time",
}
_WIDE = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_CJK_BREAK = re.compile(rf"(?<=[{_WIDE}])[ \t\r\f\v]*\n\s*(?=[{_WIDE}])")


def _tag(el: Any) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def _cjk_count(text: str | None) -> int:
    return len(_CJK.findall(text)) if text else 0


def _squash(text: str) -> str:
    return _WS.sub("", text)


class _LineWriter:
    """Accumulates inline text and emits a line at each block boundary."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.buf: list[str] = []

    def text(self, text: str | None) -> None:
        if text:
            self.buf.append(text)

    def brk(self) -> None:
        if self.buf:
            line = _WS.sub(" ", _CJK_BREAK.sub("", "".join(self.buf))).strip()
            self.buf = []
            if line:
                self.lines.append(line)

    def raw_line(self, line: str) -> None:
        self.brk()
        self.lines.append(line)


class _Page:
    """A cleaned page: per-element text counts and the renderer to lines."""

    def __init__(self, root: HtmlElement, deadline: _Deadline, path: Path) -> None:
        self.deadline, self.path = deadline, path
        self.counts: dict[HtmlElement, int] = {}  # non-link CJK characters per subtree
        self.totals: dict[HtmlElement, int] = {}  # all CJK characters per subtree
        self.links: dict[HtmlElement, int] = {}  # <a> elements per subtree
        self._count(root, False)

    def _count(self, el: HtmlElement, in_link: bool) -> tuple[int, int, int]:
        link = in_link or _tag(el) == "a"
        own = _cjk_count(el.text)
        nonlink, total, links = (0 if link else own), own, int(_tag(el) == "a")
        for child in el:
            n, t, k = self._count(child, link)
            tail = _cjk_count(child.tail)
            nonlink += n + (0 if link else tail)
            total += t + tail
            links += k
        self.counts[el], self.totals[el], self.links[el] = nonlink, total, links
        return nonlink, total, links

    def render_blocks(self, blocks: list[HtmlElement]) -> list[str]:
        out = _LineWriter()
        for block in blocks:
            self.render(block, out, top=True)
            out.brk()
        return out.lines

    def is_chrome(self, el: HtmlElement) -> bool:
        """Named page furniture, or a link list (menu, related articles, 友情链接)."""
        tag = _tag(el)
        if tag in _INLINE_TAGS:
            return False
        if _DOWNLOADS.match(_leading_text(el)):
            return True
        if (
            tag == "table"
            and self.counts.get(el, 0) <= 200
            and el.find(".//table") is None
            and "索引号" in _squash(el.text_content())
        ):
            return True  # the 信息公开 box (索引号/文号/发布机构), whose 文号 is kept apart
        names = f"{el.get('class', '')} {el.get('id', '')}".strip()
        if tag in ("header", "footer") or (names and _CHROME_NAME.search(names)):
            # a "head" block inside the article may hold the 文号; prose is not furniture
            return self.counts.get(el, 0) <= 200 and not _DOC_NUMBER.search(el.text_content())
        if self.links.get(el, 0) >= 3 and self.counts.get(el, 0) <= 0.15 * self.totals.get(el, 0):
            return "附件" not in el.text_content()[:40]
        return False

    def render(self, el: HtmlElement, out: _LineWriter, top: bool = False) -> None:
        self.deadline.check(self.path)
        tag = _tag(el)
        if tag == "br":
            out.brk()
            return
        if not top and self.is_chrome(el):
            out.brk()
            return
        if tag == "table":
            self.render_table(el, out)
            return
        block = tag in _BLOCK_TAGS
        if block:
            out.brk()
        out.text(el.text)
        for child in el:
            self.render(child, out)
            out.text(child.tail)
        if block:
            out.brk()

    def render_table(self, table: HtmlElement, out: _LineWriter) -> None:
        """A data table: one line per row, cells joined by tabs; a colspan cell once, a
        rowspan cell's later rows get an empty cell. Layout tables render as blocks."""
        out.brk()
        rows = _rows(table)
        if _is_layout_table(table, rows):
            for child in table:
                self.render(child, out)
            out.brk()
            return
        pending: dict[int, int] = {}  # column → rows still covered by a rowspan above
        for row in rows:
            cells: list[str] = []
            col = 0
            for cell in [*_cells(row), None]:
                while pending.get(col, 0) > 0:
                    pending[col] -= 1
                    cells.append("")
                    col += 1
                if cell is None:
                    break
                inner = _LineWriter()
                inner.text(cell.text)
                for child in cell:
                    self.render(child, inner)
                    inner.text(child.tail)
                inner.brk()
                cells.append(" ".join(inner.lines))
                span, down = _span(cell, "colspan"), _span(cell, "rowspan")
                for c in range(col, col + span):
                    pending[c] = down - 1
                col += span
            if any(cells):
                out.raw_line("\t".join(cells))


def _leading_text(el: HtmlElement) -> str:
    """The first text an element shows (without reading its whole subtree)."""
    node: HtmlElement | None = el
    for _ in range(4):
        if node is None:
            break
        if node.text and node.text.strip():
            return str(node.text)
        node = next((c for c in node if _tag(c)), None)
    return ""


def _rows(table: HtmlElement) -> list[HtmlElement]:
    rows: list[HtmlElement] = []
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            rows.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            rows.extend(c for c in child if _tag(c) == "tr")
    return rows


def _cells(row: HtmlElement) -> list[HtmlElement]:
    return [c for c in row if _tag(c) in ("td", "th")]


def _span(cell: HtmlElement, name: str) -> int:
    digits = re.sub(r"\D", "", cell.get(name) or "")
    return max(1, min(int(digits), 100)) if digits else 1


def _is_layout_table(table: HtmlElement, rows: list[HtmlElement]) -> bool:
    """Page-layout tables (one column, nested tables, long prose cells) are not data."""
    if not rows or (table.get("role") or "").lower() == "presentation":
        return True
    if table.find(".//table") is not None:
        return True
    if max(len(_cells(r)) for r in rows) <= 1:
        return True
    return any(_cjk_count(c.text_content()) > 300 for r in rows for c in _cells(r))
