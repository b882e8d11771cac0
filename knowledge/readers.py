"""Document readers: a notice file (.txt, .docx, .html, .pdf) → plain text.

Each format is read by a well-kept library: python-docx (paragraphs and tables, table
cells joined by tabs like the built-in notices), BeautifulSoup (HTML), pypdf (PDF).
"""

from __future__ import annotations

from pathlib import Path


class DocumentReadError(Exception):
    """A file could not be read as a notice document.

    Attributes:
        path: The file.
        reason: Why (Chinese, shown to staff).
    """

    def __init__(self, path: Path, reason: str) -> None:
        self.path, self.reason = path, reason
        super().__init__(f"{path.name}: {reason}")


SUPPORTED = (".txt", ".docx", ".html", ".htm", ".pdf")


def read_document(path: Path) -> str:
    """Return the plain text of a notice file.

    Args:
        path: A ``.txt`` (UTF-8, GB18030 accepted), ``.docx``, ``.html``/``.htm`` or
            ``.pdf`` file.

    Raises:
        DocumentReadError: missing file, unsupported type, or unreadable content.
    """
    if not path.exists():
        raise DocumentReadError(path, "文件不存在")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise DocumentReadError(path, f"不支持的文件类型 {suffix or '（无扩展名）'}，支持 {'、'.join(SUPPORTED)}")
    try:
        if suffix == ".txt":
            return _read_txt(path)
        if suffix == ".docx":
            return _read_docx(path)
        if suffix in (".html", ".htm"):
            return _read_html(path)
        return _read_pdf(path)
    except DocumentReadError:
        raise
    except Exception as exc:  # the readers raise many types for corrupt files
        raise DocumentReadError(path, f"无法读取文件内容（{type(exc).__name__}: {exc}）") from exc


def _read_txt(path: Path) -> str:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    line = raw[: raw.find(b"\n", 0) if b"\n" in raw else len(raw)].count(b"\n") + 1
    raise DocumentReadError(path, f"第{line}行附近：文本编码无法识别（需为 UTF-8 或 GB18030）")


def _read_docx(path: Path) -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, document).text)
        elif tag == "tbl":
            for row in Table(block, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = cell.text.replace("\n", " ")
                    if not cells or cells[-1] != text:
                        cells.append(text)
                lines.append("\t".join(cells))
    return "\n".join(lines)


def _read_html(path: Path) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(path.read_bytes(), "html.parser")
    for tag in soup(["script", "style"]):
        tag.decompose()
    for row in soup.find_all("tr"):
        row.replace_with("\t".join(c.get_text(" ", strip=True) for c in row.find_all(["td", "th"])) + "\n")
    return soup.get_text("\n")


def _read_pdf(path: Path) -> str:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    if not text.strip():
        raise DocumentReadError(path, "PDF 中没有可提取的文字（可能是扫描件）")
    return text
