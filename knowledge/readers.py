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
  most of the page's non-link Chinese text (see :func:`_select_body`), parsed with lxml.
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
"""

from __future__ import annotations

import codecs
import re
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lxml.html import HtmlElement

MB = 1024 * 1024
TEXT_MAX_BYTES = 20 * MB
"""Largest ``.txt``/``.html``/``.htm`` file read."""
BINARY_MAX_BYTES = 50 * MB
"""Largest ``.docx``/``.pdf`` file read."""
DOCX_MAX_UNCOMPRESSED = 100 * MB
"""Largest total uncompressed size of a ``.docx`` zip (photos barely compress, so a
legitimate 50 MB file stays far below; a zip bomb does not)."""
DOCX_MAX_MEMBERS = 5000
"""Most files inside a ``.docx`` zip."""
PDF_MAX_PAGES = 200
"""Most pages read from a PDF; longer ones are refused rather than silently cut."""
READ_TIMEOUT_S = 5.0
"""Longest a single file may take to read."""

SUPPORTED = (".txt", ".docx", ".html", ".htm", ".pdf")


class DocumentReadError(Exception):
    """A file could not be read as a notice document.

    Attributes:
        path: The file.
        reason: Why (Chinese, shown to staff).
    """

    def __init__(self, path: Path, reason: str) -> None:
        self.path, self.reason = path, reason
        super().__init__(f"{path.name}: {reason}")


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
        raise DocumentReadError(path, f"不支持的文件类型 {suffix or '（无扩展名）'}，支持 {'、'.join(SUPPORTED)}")
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
    return _run_with_timeout(readers[suffix], path)


# ------------------------------------------------------------------ time limit


class _Deadline:
    """Cooperative time limit: readers call :meth:`check` between units of work."""

    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds
        self.cancelled = threading.Event()

    def check(self, path: Path) -> None:
        if self.cancelled.is_set() or time.monotonic() > self.end:
            raise DocumentReadError(path, _timeout_reason())


def _timeout_reason() -> str:
    return f"读取超时（超过 {READ_TIMEOUT_S:g} 秒），文件可能过大、过于复杂或已损坏"


def _run_with_timeout(reader: Callable[[Path, _Deadline], str], path: Path) -> str:
    """Run ``reader`` in a daemon thread and give up after :data:`READ_TIMEOUT_S`.

    The reader also checks the deadline itself, so an abandoned thread stops at its
    next check instead of running on.
    """
    deadline = _Deadline(READ_TIMEOUT_S)
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["text"] = reader(path, deadline)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller below
            box["error"] = exc

    thread = threading.Thread(target=work, name=f"read:{path.name}", daemon=True)
    thread.start()
    thread.join(READ_TIMEOUT_S)
    if thread.is_alive():
        deadline.cancelled.set()
        raise DocumentReadError(path, _timeout_reason())
    error = box.get("error")
    if error is None:
        return str(box["text"])
    if isinstance(error, DocumentReadError):
        raise error
    if isinstance(error, MemoryError):
        raise DocumentReadError(path, "文件内容过大，内存不足，无法读取") from error
    if isinstance(error, Exception):  # the libraries raise many types for corrupt files
        raise DocumentReadError(path, f"无法读取文件内容（{type(error).__name__}: {error}）") from error
    raise error


# ------------------------------------------------------------------ text decoding

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# What Chinese notices are written in; detection is confined to these so that random
# bytes are not "decoded" as some Latin code page.
_DETECT = ["utf_8", "gb18030", "big5", "cp950", "big5hkscs", "utf_16", "utf_32",
           "utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]
# Labels that mean a subset of GB18030 (pages declaring gb2312 routinely use GBK-only
# characters such as 堃/喆), and the Big5 variants browsers actually decode.
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "x-gbk": "gb18030",
            "euc-cn": "gb18030", "gb_2312-80": "gb18030", "hz": "hz", "hz-gb-2312": "hz",
            "big5": "big5hkscs", "big5-hkscs": "big5hkscs", "x-x-big5": "big5hkscs",
            "cp950": "cp950", "utf8": "utf-8", "unicode": "utf-16", "utf-16": "utf-16"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")


def _codec(label: str) -> str | None:
    """A Python codec name for a charset label, or None when unknown."""
    label = label.strip().lower().replace("_", "-")
    name = _ALIASES.get(label, label)
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    if info.name in ("gb2312", "gbk"):
        return "gb18030"
    return info.name


def _bom(raw: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return encoding
    return None


def _detect(raw: bytes) -> str | None:
    """Decode with the encoding charset-normalizer finds among :data:`_DETECT`.

    A stray bad byte (a file cut mid-character) becomes U+FFFD; :func:`_decode_text`
    refuses the result if there are many.
    """
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=_DETECT).best()
    if best is None:
        return None
    encoding = _codec(best.encoding) or "gb18030"
    candidates = [encoding, "big5hkscs"] if encoding in ("big5", "cp950") else [encoding]
    for candidate in candidates:
        try:
            return raw.decode(candidate)
        except UnicodeDecodeError:
            continue
    return raw.decode(encoding, errors="replace")


def _decode_text(raw: bytes, path: Path) -> str:
    """Decode a ``.txt``: BOM, then strict UTF-8, then detection.

    Raises:
        DocumentReadError: no candidate decodes it, or it decodes to binary junk.
    """
    if not raw:
        return ""
    bom = _bom(raw)
    text: str | None = None
    if bom:
        try:
            text = raw.decode(bom)
        except UnicodeDecodeError as exc:
            raise DocumentReadError(path, f"文件开头标明为 {bom.upper()} 编码，但第{_line_at(raw, exc.start)}行附近的内容不符，无法解码") from exc
    if text is None:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = _detect(raw)
    if text is None or len(_CONTROL.findall(text)) > max(2, len(text) // 200):
        raise DocumentReadError(path, "文本编码无法识别（支持 UTF-8、GB18030/GBK、Big5、UTF-16），文件可能不是文本文件或已损坏")
    return text


def _line_at(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.\-]+)""", re.I)


def _decode_html(raw: bytes) -> str:
    """Decode a web page: BOM, strict UTF-8, the declared charset, detection, and at
    last the declared charset (or GB18030) with replacement characters."""
    bom = _bom(raw)
    if bom:
        return raw.decode(bom, errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    head = raw[:4096]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    declared = _codec(match.group(1).decode("ascii")) if match else None
    if declared and declared not in ("utf-8", "utf-16", "utf-32"):
        try:
            return raw.decode(declared)
        except UnicodeDecodeError:
            pass
    detected = _detect(raw)
    if detected is not None:
        return detected
    return raw.decode(declared or "gb18030", errors="replace")


# ------------------------------------------------------------------ .txt


_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_HTML_TAG = re.compile(r"<(?:p|div|br|table|tr|td|span|h[1-6]|li|font)\b[^<>]*>", re.I)


def _looks_like_html(text: str) -> bool:
    """A saved web page or HTML-tagged text (``<p>``/``<div>``/``<br>`` markup)."""
    if _HTML_START.match(text[:2048]):
        return True
    tags = len(_HTML_TAG.findall(text))
    return tags >= 5 or (tags >= 2 and tags * 40 >= len(text))


_BREAK_TAG = re.compile(r"<br\s*/?>|</(?:p|div|h[1-6]|li|tr)>[ \u3000]*(?=<(?:p|div|h[1-6]|li|tr)\b)", re.I)
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


def _read_txt(path: Path, deadline: _Deadline) -> str:
    raw = path.read_bytes()
    text = _decode_text(raw, path)
    if _HTML_START.match(text[:2048]):  # a saved web page
        deadline.check(path)
        return _html_to_text(text if _bom(raw) else _decode_html(raw), path, deadline)
    if _looks_like_html(text):  # text with markup left in: its lines are the notice's
        return _strip_tags_by_line(text)
    return text


# ------------------------------------------------------------------ .html

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_DROP_TAGS = {"script", "style", "noscript", "template", "iframe", "frame", "frameset",
              "object", "embed", "svg", "canvas", "input", "select", "option", "button",
              "textarea", "map", "link", "meta", "head", "title", "nav", "aside", "video",
              "audio", "source"}
_BLOCK_TAGS = {"address", "article", "blockquote", "body", "center", "dd", "details", "dir",
               "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
               "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main",
               "menu", "ol", "p", "pre", "section", "summary", "ul", "caption", "tbody",
               "thead", "tfoot", "tr", "td", "th", "table"}
_INLINE_TAGS = {"a", "span", "font", "b", "strong", "em", "i", "u", "sub", "sup", "small",
                "big", "label", "abbr", "cite", "code", "del", "ins", "mark", "q", "s", "time"}
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# class/id names of page furniture; skipped inside the body container (many CMSs put
# the share bar, print links or related articles inside the article <div>)
_CHROME_NAME = re.compile(
    r"(?:^|[\s_\-])(?:share|bdshare|fenxiang|print|dayin|tools?|toolbar|prev-?next|sxp|sxt|"
    r"pagenav|related|xgwz|xglj|position|location|crumbs?|breadcrumb|dqwz|weizhi|"
    r"foot(?:er)?|copyright|banquan|qrcode|ewm|fontsize|font-size|zihao|comments?|"
    r"head(?:er)?|logo|banner|top(?:bar)?|menu|nav(?:bar)?|search|links?|friend-?links?|"
    r"sidebar|side|hot|rdxx|meta)s?(?:$|[\s_\-])",
    re.I,
)
_TITLE_NAME = re.compile(r"title|tit\b|tit[\s_\-]|biaoti|headline|^bt$|^bt[\s_\-]|wztit", re.I)
_TITLE_WORDS = re.compile(r"关于|通知|公告|通告|公示|办法|意见|决定|方案|细则|规定|名单|批复|函|规划|指南|简章")
_TITLE_SPLIT = re.compile(r"\s*(?:_|\||｜|——|—|–|\s-\s|-(?!\d))\s*")
_CHROME_LINES = [
    re.compile(r"^(?:当前位置|您现在的位置|您的位置|现在位置|所在位置|当前的位置)\s*[：:]"),
    re.compile(r"^(?:上一篇|下一篇|上一条|下一条|上篇|下篇|上一页|下一页)\s*[：:]"),
    re.compile(r"^(?:分享到|分享至|扫一扫|手机扫)"),
    re.compile(r"ICP\s*备|ICP\s*证|网站标识码|公网安备|版权所有|Copyright|©|技术支持\s*[：:]"),
    re.compile(r"^(?:发布时间|发布日期|发文时间|更新时间|信息来源|来源|浏览次数|阅读次数|点击数|"
               r"点击次数|访问次数|浏览量|阅读量)\s*[：:][^。；]{0,80}$"),
    re.compile(r"(?:发布时间|发布日期|更新时间|来源|作者|编辑)\s*[：:].*(?:浏览|阅读|点击|访问)(?:次数|量|数)?\s*[：:]"),
]
_CHROME_FRAGMENTS = re.compile(
    r"【?\s*(?:字体|字号|文字)?\s*[：:]?\s*大\s*中\s*小\s*】?"
    r"|【\s*(?:打印|关闭|收藏|返回顶部|打印本页|关闭窗口)\s*】|\[\s*(?:打印|关闭)\s*\]"
    r"|打印本页|打印此页|关闭窗口|关闭本页|返回顶部|返回首页|加入收藏|设为首页"
)
_TAIL_LINE = re.compile(
    r"^(?:附件|联系人|联系电话|电话|联系方式|特此通知|特此公告|（此件|\(此件|抄送|印发)"
    r"|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$"
    r"|^[\u4e00-\u9fff（）()]{2,40}(?:局|厅|政府|委员会|办公室|中心|院|会|部|处|科|公司|小组)$"
)
_LABELLED_DOC_NUMBER = re.compile(
    r"文[\s\u3000]*号[\s\u3000]*[：:][\s\u3000]*([\u4e00-\u9fff]{1,12}[〔\[［]\s*\d{4}\s*[〕\]］]\s*第?\d{1,4}\s*号)"
)
_DOWNLOADS = re.compile(r"\s*(?:附件下载|相关附件|附件列表|下载附件)\s*[：:]?")
"""The site's attachment download widget (the body's own 附件 lines name them)."""
_DOC_NUMBER = re.compile(r"〔\s*\d{4}\s*〕\s*\d+\s*号|\[\s*\d{4}\s*\]\s*\d+\s*号")
_WS = re.compile(r"[ \t\r\n\f\v\xa0\u200b\ufeff]+")
_WIDE = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_CJK_BREAK = re.compile(rf"(?<=[{_WIDE}])[ \t\r\f\v]*\n\s*(?=[{_WIDE}])")
_BODY_SHARE = 0.7
"""Descend into a child while it holds at least this share of its parent's text."""


def _read_html(path: Path, deadline: _Deadline) -> str:
    text = _decode_html(path.read_bytes())
    if not re.search(r"<[A-Za-z!/]", text):  # plain text saved with an .html name
        return text
    return _html_to_text(text, path, deadline)


def _tag(el: Any) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def _cjk_count(text: str | None) -> int:
    return len(_CJK.findall(text)) if text else 0


def _squash(text: str) -> str:
    return _WS.sub("", text)


def _parse_html(text: str) -> HtmlElement:
    from lxml import html as lxml_html

    text = re.sub(r"\A\s*<\?xml[^>]*>", "", text)
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", text)
    return lxml_html.document_fromstring(text if text.strip() else "<html></html>")


def _html_to_text(text: str, path: Path, deadline: _Deadline) -> str:
    """Reduce a web page (or HTML-tagged text) to the notice: title, body, tables.

    The body is chosen by :func:`_select_body` and rendered completely: short lines,
    link-only 附件 lines and tables stay; menus and named page furniture inside it are
    skipped and chrome lines dropped (:func:`_strip_chrome`). The title goes first; a
    文号 given only in the page's 信息公开 box (``文　　号：…〔2025〕9号``) follows it.
    """
    root = _parse_html(text)
    deadline.check(path)
    title = _find_title(root)
    _clean(root)
    page = _Page(root, deadline, path)
    body = root.find("body")
    container = _select_body(body if body is not None else root, page.counts)
    lines = page.render_blocks(_with_tail(container, page))
    deadline.check(path)
    lines = [kept for line in lines if (kept := _strip_chrome(line))]
    if title and not any(_squash(title) == _squash(line) for line in lines[:15]):
        lines.insert(0, title)
    if not any(_DOC_NUMBER.search(line) for line in lines):
        # 政府信息公开 pages often give the 文号 only in the 索引号/文号/发布机构 box
        found = _LABELLED_DOC_NUMBER.search(root.text_content())
        if found:
            lines.insert(1 if title and lines and lines[0] == title else 0, found.group(1))
    if not any(_cjk_count(line) or re.search(r"[A-Za-z0-9]", line) for line in lines):
        raise DocumentReadError(path, "网页中没有找到通知正文（正文可能在附件、图片或框架页中）")
    return "\n".join(lines)


def _find_title(root: HtmlElement) -> str:
    """The notice title: the page element whose text matches the ArticleTitle meta or a
    part of ``<title>`` (title-like references first), else that reference itself."""
    refs: list[str] = []
    for meta in root.iter("meta"):
        name = (meta.get("name") or meta.get("property") or "").lower()
        if name in ("articletitle", "og:title", "title", "dc.title") and meta.get("content"):
            refs.append(_WS.sub(" ", meta.get("content") or "").strip())
    title_el = root.find(".//title")
    if title_el is not None:
        whole = _WS.sub(" ", title_el.text_content()).strip()
        refs.extend(s for s in _TITLE_SPLIT.split(whole) if s)
    refs = [r for r in dict.fromkeys(refs) if _cjk_count(r) >= 4]
    refs.sort(key=lambda r: not _TITLE_WORDS.search(r))

    candidates: list[str] = []
    for el in root.iter():
        tag = _tag(el)
        if not tag or tag in ("title", "a", "head", "meta", "script", "style"):
            continue
        names = f"{el.get('class', '')} {el.get('id', '')}".strip()
        if tag not in ("h1", "h2", "h3") and not (names and _TITLE_NAME.search(names)):
            continue
        if any(_tag(a) == "a" for a in el.iterancestors()):
            continue
        shown = _WS.sub(" ", _CJK_BREAK.sub("", "\n".join(el.itertext()))).strip()
        if 5 <= len(shown) <= 150 and _cjk_count(shown):
            candidates.append(shown)
    for ref in refs:
        key = _squash(ref)
        seen = {shown: _squash(shown) for shown in candidates}
        exact = [shown for shown, text in seen.items() if text == key]
        # shorter: <title> adds the site name; longer: a title box that also holds the
        # 发布时间 bar, or a <title> cut short — then the shortest box wins
        inside = [shown for shown, text in seen.items() if len(text) >= 8 and text in key]
        around = sorted((shown for shown, text in seen.items() if len(key) >= 8 and key in text), key=len)
        if exact or inside:
            return (exact or inside)[0]
        if around:  # the shortest box holding the reference, unless it is all chrome
            return _strip_chrome(around[0]) or ref
    return next((ref for ref in refs if _TITLE_WORDS.search(ref)), "")


def _clean(root: HtmlElement) -> None:
    """Drop comments, scripts, styles, form controls, ``<nav>``/``<aside>`` and hidden
    elements (their tails stay)."""
    doomed = []
    for el in root.iter():
        tag = _tag(el)
        if not tag:
            doomed.append(el)  # comments and processing instructions
        elif tag in _DROP_TAGS or el.get("hidden") is not None or _HIDDEN.search(el.get("style") or ""):
            doomed.append(el)
    for el in doomed:
        parent = el.getparent()
        if parent is None:
            continue
        if _tag(el):
            el.drop_tree()
        else:  # keep a comment's tail text
            previous = el.getprevious()
            if el.tail:
                if previous is not None:
                    previous.tail = (previous.tail or "") + el.tail
                else:
                    parent.text = (parent.text or "") + el.tail
            parent.remove(el)


def _select_body(body: HtmlElement, counts: dict[HtmlElement, int]) -> HtmlElement:
    """The notice body: from ``<body>`` down, step into the child holding most of the
    non-link Chinese text while it holds at least :data:`_BODY_SHARE` of it and is
    itself made of several lines (never into one long paragraph of a short notice).

    Menus and related-article lists are links and info bars and footers are small, so
    the walk ends at the element whose own paragraphs (or ``<br>``-separated text) make
    up the notice.
    """
    el = body
    while True:
        children = [c for c in el if _tag(c)]
        total = counts.get(el, 0)
        if not children or total == 0:
            return el
        best = max(children, key=lambda c: counts.get(c, 0))
        if counts.get(best, 0) < _BODY_SHARE * total or not _several_lines(best):
            return el
        el = best


def _several_lines(el: HtmlElement) -> bool:
    """Whether ``el`` renders as more than one line (two or more blocks or breaks)."""
    breaks = 0
    for child in el.iterdescendants():
        if _tag(child) in _BLOCK_TAGS or _tag(child) == "br":
            breaks += 1
            if breaks >= 2:
                return True
    return False


def _with_tail(container: HtmlElement, page: _Page) -> list[HtmlElement]:
    """The container plus following siblings that only hold notice tail lines (issuer,
    date, 附件, contacts): some CMSs put the signature block after the body ``<div>``."""
    blocks = [container]
    if _tag(container) in ("body", "html"):
        return blocks
    sibling = container.getnext()
    while sibling is not None and not page.is_chrome(sibling):
        lines = page.render_blocks([sibling])
        if not lines or _DOWNLOADS.match(lines[0]) or not all(_TAIL_LINE.search(line) for line in lines):
            break
        blocks.append(sibling)
        sibling = sibling.getnext()
    return blocks


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
        if (tag == "table" and self.counts.get(el, 0) <= 200 and el.find(".//table") is None
                and "索引号" in _squash(el.text_content())):
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


def _strip_chrome(line: str) -> str:
    """The line without page chrome; empty when the whole line is chrome."""
    if "\t" in line:
        return line
    if any(p.search(line) for p in _CHROME_LINES):
        return ""
    stripped = _CHROME_FRAGMENTS.sub("", line)
    if stripped != line:
        stripped = _WS.sub(" ", stripped).strip(" |｜/【】[]")
    return stripped


# ------------------------------------------------------------------ .docx

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _check_zip(path: Path) -> None:
    """Refuse what is not a .docx zip, or what would inflate past the limits.

    Raises:
        DocumentReadError: not a zip (or an old .doc), too many members, too large
            uncompressed, or no ``word/document.xml``.
    """
    with path.open("rb") as fh:
        magic = fh.read(8)
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise DocumentReadError(path, "这是旧版 Word（.doc）文件，请在 Word 中另存为 .docx 后再导入")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise DocumentReadError(path, "不是有效的 .docx 文件（文件已损坏或不是 Word 文档）") from exc
    if len(members) > DOCX_MAX_MEMBERS:
        raise DocumentReadError(path, f"压缩包内文件过多（{len(members)} 个），疑似恶意文件")
    total = sum(m.file_size for m in members)
    if total > DOCX_MAX_UNCOMPRESSED:
        raise DocumentReadError(
            path,
            f"解压后大小 {total / MB:.0f} MB 超过上限 {DOCX_MAX_UNCOMPRESSED // MB} MB，疑似压缩炸弹，已拒绝读取",
        )
    if not any(m.filename == "word/document.xml" for m in members):
        raise DocumentReadError(path, "不是有效的 .docx 文件（缺少正文 word/document.xml）")


def _read_docx(path: Path, deadline: _Deadline) -> str:
    _check_zip(path)
    import docx

    document = docx.Document(str(path))
    deadline.check(path)
    lines: list[str] = []
    _docx_blocks(document.element.body, document, lines, deadline, path)
    return "\n".join(lines)


def _docx_blocks(container: Any, parent: Any, lines: list[str], deadline: _Deadline, path: Path) -> None:
    """Paragraphs and tables of a body, cell, text box or content control, in order."""
    for block in container.iterchildren():
        deadline.check(path)
        tag = block.tag
        if tag == f"{_W}p":
            _docx_paragraph(block, parent, lines, deadline, path)
        elif tag == f"{_W}tbl":
            _docx_table(block, parent, lines, deadline, path)
        elif tag in (f"{_W}sdt", f"{_W}customXml", f"{_W}ins", f"{_W}smartTag"):
            content = block.find(f"{_W}sdtContent")
            _docx_blocks(content if content is not None else block, parent, lines, deadline, path)


def _docx_paragraph(p: Any, parent: Any, lines: list[str], deadline: _Deadline, path: Path) -> None:
    from docx.text.paragraph import Paragraph

    lines.append(Paragraph(p, parent).text)
    for box in p.iter(f"{_W}txbxContent"):
        if not _in_fallback(box, p):
            _docx_blocks(box, parent, lines, deadline, path)


def _in_fallback(el: Any, stop: Any) -> bool:
    """Whether a text box is read elsewhere: inside ``mc:Fallback`` (the VML copy of a
    box already read from ``mc:Choice``) or inside another text box of the paragraph."""
    node = el.getparent()
    while node is not None and node is not stop:
        if node.tag in (_MC_FALLBACK, f"{_W}txbxContent"):
            return True
        node = node.getparent()
    return False


def _docx_cell_text(tc: Any, parent: Any) -> str:
    from docx.text.paragraph import Paragraph

    parts = [Paragraph(p, parent).text for p in tc.iterchildren(f"{_W}p")]
    return " ".join(s for s in (t.strip() for t in parts) if s)


def _docx_rows(tbl: Any) -> Iterator[list[Any]]:
    for tr in tbl.iterchildren(f"{_W}tr"):
        cells = []
        for child in tr.iterchildren():
            if child.tag == f"{_W}tc":
                cells.append(child)
            elif child.tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    cells.extend(content.iterchildren(f"{_W}tc"))
        yield cells


def _vmerge_continues(tc: Any) -> bool:
    props = tc.find(f"{_W}tcPr")
    merge = props.find(f"{_W}vMerge") if props is not None else None
    return merge is not None and merge.get(f"{_W}val", "continue") == "continue"


def _docx_table(tbl: Any, parent: Any, lines: list[str], deadline: _Deadline, path: Path) -> None:
    """One line per row, cells joined by tabs; a merged cell once (a vertically merged
    cell's continuation rows get an empty cell). Nested tables follow their row; a
    one-column (layout) table is read as paragraphs."""
    rows = list(_docx_rows(tbl))
    if all(len([tc for tc in row if not _vmerge_continues(tc)]) <= 1 for row in rows):
        for row in rows:
            for tc in row:
                _docx_blocks(tc, parent, lines, deadline, path)
        return
    for row in rows:
        deadline.check(path)
        cells = ["" if _vmerge_continues(tc) else _docx_cell_text(tc, parent) for tc in row]
        if any(cells):
            lines.append("\t".join(cells))
        for tc in row:
            for nested in tc.iterchildren(f"{_W}tbl"):
                _docx_table(nested, parent, lines, deadline, path)


# ------------------------------------------------------------------ .pdf

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
        raise DocumentReadError(path, f"PDF 共 {count} 页，超过上限 {PDF_MAX_PAGES} 页，请拆分后再导入")
    pages: list[list[str]] = []
    for number, page in enumerate(reader.pages, start=1):
        deadline.check(path)
        try:
            text = page.extract_text() or ""
        except Exception as exc:  # noqa: BLE001 - reported with the page number
            raise DocumentReadError(path, f"第 {number} 页无法提取文字（{type(exc).__name__}: {exc}）") from exc
        pages.append([line.rstrip() for line in text.splitlines()])
    if not any(line.strip() for page_lines in pages for line in page_lines):
        raise DocumentReadError(path, "PDF 中没有可提取的文字（可能是扫描件或图片，请提供文字版或先做文字识别）")
    return "\n".join(line for page_lines in _drop_running_lines(pages) for line in page_lines)


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
            outer = next((lines[i].strip() for i in edge[where]
                          if not _is_page_number(lines[i].strip())
                          and not _edge_keys(lines[i], number) & running[where]), "")
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


def _edge_chrome(line: str, page: int, where: int, running: set[str], numbered: set[tuple[int, int]]) -> bool:
    text = line.strip()
    if _is_page_number(text):
        return True
    if page == 1 and _DOC_NUMBER_LINE.match(_WS.sub("", text)):
        return False  # page 1's own 文号, which later pages may repeat on top
    if _edge_keys(line, page) & running:
        return True
    return bool(_BARE_NUMBER.match(text)) and (where, int(text) - page) in numbered
