"""The ``.html``/``.htm`` reader: a web page → the notice's lines. The title (often
only in ``<h1>``/``<title>``), the body element (:func:`_select_body`) rendered in
full with the signature block that some sites place after it, a 文号 found only in
the 信息公开 box; chrome lines dropped."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from knowledge.readers.chrome import _DOWNLOADS, _WS, _strip_chrome
from knowledge.readers.decoding import _decode_html
from knowledge.readers.limits import DocumentReadError, _Deadline
from knowledge.readers.render import (
    _BLOCK_TAGS,
    _CJK_BREAK,
    _cjk_count,
    _Page,
    _squash,
    _tag,
)

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_DROP_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "svg",
    "canvas",
    "input",
    "select",
    "option",
    "button",
    "textarea",
    "map",
    "link",
    "meta",
    "head",
    "title",
    "nav",
    "aside",
    "video",
    "audio",
    "source",
}
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_TITLE_NAME = re.compile(r"title|tit\b|tit[\s_\-]|biaoti|headline|^bt$|^bt[\s_\-]|wztit", re.I)
_TITLE_WORDS = re.compile(
    r"关于|通知|公告|通告|公示|办法|意见|决定|方案|细则|规定|名单|批复|函|规划|指南|简章"
)
_TITLE_SPLIT = re.compile(r"\s*(?:_|\||｜|——|—|–|\s-\s|-(?!\d))\s*")
_CORRECTION = re.compile(r"^[【\[]?(?:更正|勘误|补充说明|补充通知|重要提示|特别提醒)[】\]]?")
"""A note printed above the body that changes it (``【更正】…现更正为“2026年12月22日前”``)."""
_TAIL_LINE = re.compile(
    r"^(?:附件|联系人|联系电话|电话|联系方式|特此通知|特此公告|（此件|\(此件|抄送|印发)"
    r"|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$"
    r"|^[\u4e00-\u9fff（）()]{2,40}(?:局|厅|政府|委员会|办公室|中心|院|会|部|处|科|公司|小组)$"
)
_LABELLED_DOC_NUMBER = re.compile(
    r"(?:文|字)[\s\u3000]*号[\s\u3000]*[：:]?[\s\u3000]*([\u4e00-\u9fff]{1,12}[〔\[［]\s*\d{4}\s*[〕\]］]\s*第?\d{1,4}\s*号)"
)
_BODY_SHARE = 0.7
"""Descend into a child while it holds at least this share of its parent's text."""


def _read_html(path: Path, deadline: _Deadline) -> str:
    text = _decode_html(path.read_bytes())
    if not re.search(r"<[A-Za-z!/]", text):  # plain text saved with an .html name
        return text
    return _html_to_text(text, path, deadline)


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
    # 政府信息公开 pages often give the 文号 only in the 索引号/文号/发布机构 box; the body
    # may still cite other documents' numbers, so look for this one itself
    found = _LABELLED_DOC_NUMBER.search(root.text_content())
    if found and not any(_squash(found.group(1)) in _squash(line) for line in lines):
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
        around = sorted(
            (shown for shown, text in seen.items() if len(key) >= 8 and key in text), key=len
        )
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
        elif (
            tag in _DROP_TAGS
            or el.get("hidden") is not None
            or _HIDDEN.search(el.get("style") or "")
        ):
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
    before = container.getprevious()  # a correction note the page prints above the body
    while before is not None and not page.is_chrome(before):
        lines = page.render_blocks([before])
        if not lines or not all(_CORRECTION.search(line) for line in lines):
            break
        blocks.insert(0, before)
        before = before.getprevious()
    sibling = container.getnext()
    while sibling is not None and not page.is_chrome(sibling):
        lines = page.render_blocks([sibling])
        if (
            not lines
            or _DOWNLOADS.match(lines[0])
            or not all(_TAIL_LINE.search(line) for line in lines)
        ):
            break
        blocks.append(sibling)
        sibling = sibling.getnext()
    return blocks
