"""The ``.pdf`` reader: pypdf text per page (encrypted, over-long and scanned files
refused), with page-number lines and running headers/footers removed."""

from __future__ import annotations

import re
from pathlib import Path

from knowledge.readers.chrome import _WS
from knowledge.readers.limits import PDF_MAX_PAGES, DocumentReadError, _Deadline

_PAGE_NUMBER = [  # unambiguous page-number lines
    re.compile(r"^[-—–－―_~～·]+\s*[0-9０-９]{1,4}\s*[-—–－―_~～·]+$"),
    re.compile(r"^第\s*[0-9０-９]{1,4}\s*页\s*(?:[,，/、]?\s*共\s*[0-9０-９]{1,4}\s*页)?$"),
    re.compile(r"^共\s*[0-9０-９]{1,4}\s*页\s*[,，]?\s*第\s*[0-9０-９]{1,4}\s*页$"),
    re.compile(r"^[0-9０-９]{1,4}\s*/\s*[0-9０-９]{1,4}$"),
    re.compile(r"^(?:page\s*)?[0-9]{1,4}\s*(?:of|/)\s*[0-9]{1,4}$", re.I),
]
_DOC_NUMBER_LINE = re.compile(r"^[\u4e00-\u9fff]{1,12}[〔\[［(（]\d{4}[〕\]］)）]\d{1,4}号$")
_BARE_NUMBER = re.compile(r"^[0-9０-９]{1,4}$")
_EDGE = 4
"""Lines peeled at most from the top and from the bottom of a page."""


def _is_page_number(line: str) -> bool:
    return any(p.match(line) for p in _PAGE_NUMBER)


def _read_pdf(path: Path, deadline: _Deadline) -> str:
    from pypdf import PdfReader

    reader = PdfReader(str(path), strict=False)
    if reader.is_encrypted:
        try:
            ok = reader.decrypt("")
        except Exception as exc:  # noqa: BLE001 - any failure means we cannot open it
            raise DocumentReadError(path, "PDF 已加密，无法读取（请提供未加密的文件）") from exc
        if not ok:
            raise DocumentReadError(path, "PDF 已加密，需要密码才能打开")
    count = len(reader.pages)
    if count > PDF_MAX_PAGES:
        raise DocumentReadError(
            path, f"PDF 共 {count} 页，超过上限 {PDF_MAX_PAGES} 页，请拆分后再导入"
        )
    pages: list[list[str]] = []
    for number, page in enumerate(reader.pages, start=1):
        deadline.check(path)
        try:
            text = page.extract_text() or ""
        except Exception as exc:  # noqa: BLE001 - reported with the page number
            raise DocumentReadError(
                path, f"第 {number} 页无法提取文字（{type(exc).__name__}: {exc}）"
            ) from exc
        pages.append([line.rstrip() for line in text.splitlines()])
    if not any(line.strip() for page_lines in pages for line in page_lines):
        raise DocumentReadError(
            path, "PDF 中没有可提取的文字（可能是扫描件或图片，请提供文字版或先做文字识别）"
        )
    lines = [line for page_lines in _drop_running_lines(pages) for line in page_lines]
    return "\n".join(unwrap(lines))


_HEADING_START = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、]|附件|注[:：])"
)
_TITLE_END = re.compile(r"(通知|公告|通告|指南|方案|意见|办法|细则|简章|公示|通报|名单|决定|函)$")
"""A title line is never continued by the addressee line under it."""
_NO_JOIN = re.compile(r"[_＿□☐\t]|\S\s{2,}\S|-{4,}|—{3,}|─{3,}|={4,}")
"""A form line (blanks, check boxes, cells set apart by spaces) is never joined."""


def unwrap(lines: list[str]) -> list[str]:
    """Join the lines a printed page wrapped inside a sentence (``…加盖依托`` +
    ``单位公章；…``, ``（五`` + ``）工作室建设方案``): a line as long as the page's text
    lines (at least 90% of the upper quartile of text lines), not ending a sentence, is continued by the next
    one unless that one opens a paragraph (indented, a heading number, 附件) or either is
    a form line."""
    widths = sorted(len(ln.strip()) for ln in lines if ln.strip() and not _NO_JOIN.search(ln))
    if not widths:
        return lines
    full = widths[int(len(widths) * 0.75)] * 0.9  # the longer text lines fill the width
    out: list[str] = []
    for line in lines:
        prev = out[-1] if out else ""
        if (
            prev.strip()
            and line.strip()
            and len(prev.strip()) >= full
            and not re.search(r"[。；;：:！!？?]$", prev.strip())
            and not _TITLE_END.search(prev.strip())
            and not line[:1].isspace()
            and not _HEADING_START.match(line)
            and not _NO_JOIN.search(prev)
            and not _NO_JOIN.search(line)
        ):
            out[-1] = prev.rstrip() + line.strip()
        else:
            out.append(line)
    return out


def _edge_keys(line: str, number: int) -> set[str]:
    """A header/footer line as written and with its page number blanked."""
    squashed = _WS.sub("", line)
    return {squashed, re.sub(rf"(?<![0-9]){number}(?![0-9])", "#", squashed)}


def _drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Remove page-number lines and running headers/footers from each page's edges.

    Lines are peeled from the top and from the bottom of a page (at most :data:`_EDGE`
    each) while they are page chrome, and peeling stops at the first line that is not,
    so a number or the issuer's name inside the page stays. Chrome is:

    * a page number: ``—4—``, ``- 2 -``, ``第 2 页 共 5 页``, ``共5页 第2页``, ``2/5``,
      ``Page 2 of 5``; a bare number only when, on most pages, the outermost line on the
      same side is a number at the same offset from the page's position (an unnumbered
      cover shifts it; a table's 序号 column at the foot of a page does not qualify);
    * a running header/footer: a line found among the edge lines of at least 60 % of the
      pages (its page number ignored). On page 1 a line that is just a 文号 stays.
    """
    count = len(pages)
    need = max(2, (count * 3 + 4) // 5)
    sides = [_edges(lines) for lines in pages]

    running: tuple[set[str], set[str]] = (set(), set())
    if count >= 2:
        for where in (0, 1):
            seen: dict[str, int] = {}
            for number, (lines, edge) in enumerate(zip(pages, sides, strict=True), start=1):
                for text in set().union(*(_edge_keys(lines[i], number) for i in edge[where])):
                    seen[text] = seen.get(text, 0) + 1
            running[where].update(k for k, n in seen.items() if n >= need)

    offsets: dict[tuple[int, int], int] = {}  # (0 top / 1 bottom, number − page) → pages
    for number, (lines, edge) in enumerate(zip(pages, sides, strict=True), start=1):
        for where in (0, 1):
            outer = next(
                (
                    lines[i].strip()
                    for i in edge[where]
                    if not _is_page_number(lines[i].strip())
                    and not _edge_keys(lines[i], number) & running[where]
                ),
                "",
            )
            if _BARE_NUMBER.match(outer):
                pair = (where, int(outer) - number)
                offsets[pair] = offsets.get(pair, 0) + 1
    numbered = {pair for pair, n in offsets.items() if n >= need}
    if count == 1:
        numbered = {pair for pair in offsets if pair[1] == 0}

    cleaned: list[list[str]] = []
    for number, (lines, edge) in enumerate(zip(pages, sides, strict=True), start=1):
        drop: set[int] = set()
        for where in (0, 1):
            for i in edge[where]:
                if not _edge_chrome(lines[i], number, where, running[where], numbered):
                    break
                drop.add(i)
        cleaned.append([line for i, line in enumerate(lines) if i not in drop])
    return cleaned


def _edges(lines: list[str]) -> tuple[list[int], list[int]]:
    """Indexes of a page's first and last :data:`_EDGE` non-empty lines, outermost first."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return filled[:_EDGE], filled[::-1][:_EDGE]


def _edge_chrome(
    line: str, page: int, where: int, running: set[str], numbered: set[tuple[int, int]]
) -> bool:
    text = line.strip()
    if _is_page_number(text):
        return True
    if page == 1 and _DOC_NUMBER_LINE.match(_WS.sub("", text)):
        return False  # page 1's own 文号, which later pages may repeat on top
    if _edge_keys(line, page) & running:
        return True
    return bool(_BARE_NUMBER.match(text)) and (where, int(text) - page) in numbered
