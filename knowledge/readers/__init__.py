"""Document readers: a notice file (.txt, .docx, .html, .pdf) → plain text.

Notices arrive as Chinese government sites publish them, so each reader copes with
what those files really look like:

* ``.txt`` — UTF-8 (with or without BOM), otherwise the encoding is detected with
  charset-normalizer (GB18030/GBK, Big5, UTF-16/32). A ``.txt`` that is really a saved
  web page (or HTML-tagged text) is read as HTML.
* ``.html``/``.htm`` — decoded by BOM, UTF-8, the page's declared charset or detection
  (GBK pages are common), then reduced to the notice itself: the title (often only in
  ``<h1>``/``<title>``), every body line (short ones too: issuer, date, 附件, contacts)
  and data tables as one line per row with cells joined by tabs. Site chrome (menus,
  breadcrumb, 发布时间/来源/浏览次数, 【大 中 小】, 分享到, 打印本页/关闭窗口, previous/
  next links, footer with ICP备/网站标识码) is dropped. The body is the element that holds
  most of the page's non-link Chinese text (see :func:`.html._select_body`), parsed with lxml.
  Extractors were measured on realistic pages first: trafilatura dropped link-only
  附件 lines and returned the menus, breadcrumb and footer of a table-layout site;
  readability-lxml dropped a signature block placed after the body ``<div>``; neither
  added a line this selection missed, so neither is used.
* ``.docx`` — python-docx: paragraphs and Word tables in document order, rows of
  tab-joined cells, merged cells not repeated, nested tables and text boxes kept.
  The zip is checked for its uncompressed size first (zip bombs).
* ``.pdf`` — pypdf text per page, with running headers/footers and page-number lines
  removed.

Only reading and page-chrome removal happen here: traditional→simplified conversion,
full-width folding and numbering repair belong to the normaliser.

Every file is size-checked before it is read and every reader runs under a time limit
(:data:`READ_TIMEOUT_S`), so a hostile file cannot hang ingestion.

This package module is the public API: :func:`read_document` checks the file, picks
the reader by suffix and runs it under the time limit. The readers and their
helpers live in one module per job:

* :mod:`.limits` — size, page and time limits, the deadline, :class:`DocumentReadError`;
* :mod:`.decoding` — bytes → str for text files and web pages;
* :mod:`.text` — ``.txt`` files, including saved pages and HTML-tagged text;
* :mod:`.html` — a web page → the notice's lines (title, body, 文号);
* :mod:`.render` — an element tree → lines, data tables → tab-joined rows;
* :mod:`.chrome` — what is site furniture rather than notice text;
* :mod:`.docx` — Word documents (zip checks, paragraphs, tables, text boxes);
* :mod:`.pdf` — PDF text per page, running headers/footers and page numbers removed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from knowledge.readers.docx import _read_docx
from knowledge.readers.html import _read_html
from knowledge.readers.limits import BINARY_MAX_BYTES as BINARY_MAX_BYTES
from knowledge.readers.limits import DOCX_MAX_MEMBERS as DOCX_MAX_MEMBERS
from knowledge.readers.limits import DOCX_MAX_UNCOMPRESSED as DOCX_MAX_UNCOMPRESSED
from knowledge.readers.limits import MB as MB
from knowledge.readers.limits import PDF_MAX_PAGES as PDF_MAX_PAGES
from knowledge.readers.limits import READ_TIMEOUT_S as READ_TIMEOUT_S
from knowledge.readers.limits import TEXT_MAX_BYTES as TEXT_MAX_BYTES
from knowledge.readers.limits import DocumentReadError as DocumentReadError
from knowledge.readers.limits import _Deadline as _Deadline
from knowledge.readers.limits import _run_with_timeout
from knowledge.readers.pdf import _drop_running_lines as _drop_running_lines
from knowledge.readers.pdf import _read_pdf
from knowledge.readers.text import _read_txt

SUPPORTED = (".txt", ".docx", ".html", ".htm", ".pdf")


def read_document(path: Path) -> str:
    """Return the plain text of a notice file.

    Args:
        path: A ``.txt``, ``.docx``, ``.html``/``.htm`` or ``.pdf`` file.

    Returns:
        The notice text, lines separated by ``\\n``; table rows are tab-separated cells.

    Raises:
        DocumentReadError: missing file, unsupported type, a file over the size limit,
            undecodable or unreadable content, a zip bomb, a scanned PDF, or a read that
            took longer than :data:`READ_TIMEOUT_S`.
    """
    if not path.exists():
        raise DocumentReadError(path, "文件不存在")
    if not path.is_file():
        raise DocumentReadError(path, "不是文件（可能是文件夹）")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise DocumentReadError(
            path, f"不支持的文件类型 {suffix or '（无扩展名）'}，支持 {'、'.join(SUPPORTED)}"
        )
    limit = BINARY_MAX_BYTES if suffix in (".docx", ".pdf") else TEXT_MAX_BYTES
    size = path.stat().st_size
    if size > limit:
        raise DocumentReadError(
            path, f"文件过大（{size / MB:.1f} MB），{suffix} 文件上限为 {limit // MB} MB"
        )
    readers: dict[str, Callable[[Path, _Deadline], str]] = {
        ".txt": _read_txt,
        ".docx": _read_docx,
        ".html": _read_html,
        ".htm": _read_html,
        ".pdf": _read_pdf,
    }
    return _run_with_timeout(readers[suffix], path, READ_TIMEOUT_S)
