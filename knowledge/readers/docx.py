"""The ``.docx`` reader: the zip checked first (old .doc files, zip bombs), then
python-docx paragraphs and tables in document order: rows of tab-joined cells,
merged cells once, nested tables, content controls and text boxes kept."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from knowledge.readers.limits import (
    DOCX_MAX_MEMBERS,
    DOCX_MAX_UNCOMPRESSED,
    MB,
    DocumentReadError,
    _Deadline,
)

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
        raise DocumentReadError(
            path, "这是旧版 Word（.doc）文件，请在 Word 中另存为 .docx 后再导入"
        )
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise DocumentReadError(
            path, "不是有效的 .docx 文件（文件已损坏或不是 Word 文档）"
        ) from exc
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


def _docx_blocks(
    container: Any, parent: Any, lines: list[str], deadline: _Deadline, path: Path
) -> None:
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
