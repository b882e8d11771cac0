"""Decoding: the bytes of a text file or web page → str (BOM, strict UTF-8, the
declared charset, detection among the encodings Chinese notices use)."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from knowledge.readers.limits import DocumentReadError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# What Chinese notices are written in; detection is confined to these so that random
# bytes are not "decoded" as some Latin code page.
_DETECT = [
    "utf_8",
    "gb18030",
    "big5",
    "cp950",
    "big5hkscs",
    "utf_16",
    "utf_32",
    "utf_16_le",
    "utf_16_be",
    "utf_32_le",
    "utf_32_be",
]
# Labels that mean a subset of GB18030 (pages declaring gb2312 routinely use GBK-only
# characters such as 堃/喆), and the Big5 variants browsers actually decode.
_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "x-gbk": "gb18030",
    "euc-cn": "gb18030",
    "gb_2312-80": "gb18030",
    "hz": "hz",
    "hz-gb-2312": "hz",
    "big5": "big5hkscs",
    "big5-hkscs": "big5hkscs",
    "x-x-big5": "big5hkscs",
    "cp950": "cp950",
    "utf8": "utf-8",
    "unicode": "utf-16",
    "utf-16": "utf-16",
}
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
            raise DocumentReadError(
                path,
                f"文件开头标明为 {bom.upper()} 编码，但第{_line_at(raw, exc.start)}行附近的内容不符，无法解码",
            ) from exc
    if text is None:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = _detect(raw)
    if text is None or len(_CONTROL.findall(text)) > max(2, len(text) // 200):
        raise DocumentReadError(
            path,
            "文本编码无法识别（支持 UTF-8、GB18030/GBK、Big5、UTF-16），文件可能不是文本文件或已损坏",
        )
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
