"""Ingesting notice files: each supported format, bad files, and re-ingestion.

The fictional 青川 notice (``tests/data/notices/qingchuan_2025.txt``) is rebuilt as a
.docx (paragraphs plus tables for the attached forms) and as an .html page (with a
``<table>``), ingested with :func:`knowledge.base.ingest_files`, and the stored notice is
checked: title, 文号, the applicant's deadline and the contact phones.

No PDF writer (reportlab, fpdf2) is installed, so no real text PDF is built; a file
with a .pdf extension that is not a PDF must be reported as an error instead.
"""

from __future__ import annotations

import datetime as dt
import html
import random
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from knowledge.base import IngestResult, ingest_files
from knowledge.models import Notice
from knowledge.store import NoticeStore

QINGCHUAN = (
    Path(__file__).resolve().parents[2] / "tests" / "data" / "notices" / "qingchuan_2025.txt"
)
TEXT = QINGCHUAN.read_text(encoding="utf-8")

TITLE = "关于开展2025年青川市技能大师工作室申报工作的通知"
DOC_NUMBER = "青人社发〔2025〕12号"
DEADLINE = dt.date(2025, 9, 30)
PHONES = {"0839-1234567", "0839-1234568"}

POEM = "静夜思\n\n床前明月光，\n疑是地上霜。\n举头望明月，\n低头思故乡。\n"


# ------------------------------------------------------------------ builders


def blocks(text: str) -> list[tuple[str, list[list[str]]]]:
    """Split notice text into ``("p", [[line]])`` paragraphs and ``("table", rows)``
    runs of tab-separated lines (the attached forms)."""
    out: list[tuple[str, list[list[str]]]] = []
    for line in text.splitlines():
        if "\t" in line:
            row = line.split("\t")
            if out and out[-1][0] == "table":
                out[-1][1].append(row)
            else:
                out.append(("table", [row]))
        elif line.strip():
            out.append(("p", [[line]]))
    return out


def write_docx(path: Path, text: str) -> Path:
    import docx

    document = docx.Document()
    for kind, rows in blocks(text):
        if kind == "p":
            document.add_paragraph(rows[0][0])
            continue
        width = max(len(r) for r in rows)
        table = document.add_table(rows=len(rows), cols=width)
        for i, row in enumerate(rows):
            for j, cell in enumerate(row):
                table.cell(i, j).text = cell
    document.save(str(path))
    return path


def write_html(path: Path, text: str) -> Path:
    body: list[str] = []
    for kind, rows in blocks(text):
        if kind == "p":
            body.append(f"<p>{html.escape(rows[0][0])}</p>")
            continue
        body.append("<table border='1'>")
        for row in rows:
            body.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>")
        body.append("</table>")
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        "<style>p { margin: 0 } .x::after { content: '一、样式' }</style>"
        "<script>var s = '一、脚本不是正文';</script></head><body>"
        + "\n".join(body)
        + "</body></html>"
    )
    path.write_text(page, encoding="utf-8")
    return path


def applicant_deadlines(notice: Notice) -> set[dt.date]:
    return {d.date for d in notice.facts.deadlines if d.applicant and d.date}


def phones(notice: Notice) -> set[str]:
    return {p for c in notice.facts.contacts for p in c.phones}


def assert_qingchuan(notice: Notice) -> None:
    assert notice.meta.title == TITLE
    assert notice.meta.doc_number == DOC_NUMBER
    assert notice.meta.place.name == "青川市"
    assert DEADLINE in applicant_deadlines(notice), notice.facts.deadlines
    assert PHONES <= phones(notice), notice.facts.contacts


# ------------------------------------------------------------------ fixtures


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[NoticeStore]:
    async with NoticeStore(tmp_path / "db" / "notices.db") as s:
        yield s


async def ingest_one(store: NoticeStore, path: Path) -> tuple[IngestResult, Notice | None]:
    [result] = await ingest_files(store, [path])
    stored = {n.id: n for n in await store.all()}
    return result, stored.get(result.notice_id)


# ------------------------------------------------------------------ formats


async def test_txt(store: NoticeStore, tmp_path: Path) -> None:
    path = tmp_path / "qingchuan.txt"
    path.write_text(TEXT, encoding="utf-8")
    result, notice = await ingest_one(store, path)
    assert result.status == "added", result
    assert result.notice_id == "qingchuan"
    assert notice is not None
    assert_qingchuan(notice)
    assert notice.source == "qingchuan.txt"


async def test_txt_in_gb18030(store: NoticeStore, tmp_path: Path) -> None:
    path = tmp_path / "qingchuan_gbk.txt"
    path.write_bytes(TEXT.encode("gb18030"))
    result, notice = await ingest_one(store, path)
    assert result.status == "added", result
    assert notice is not None
    assert_qingchuan(notice)


async def test_docx_with_tables(store: NoticeStore, tmp_path: Path) -> None:
    path = write_docx(tmp_path / "qingchuan.docx", TEXT)
    result, notice = await ingest_one(store, path)
    assert result.status == "added", result
    assert notice is not None
    assert_qingchuan(notice)
    titles = [a.title for a in notice.attachments]
    assert "青川市技能大师工作室申报表" in titles, titles
    form = next(a for a in notice.attachments if a.title == "青川市技能大师工作室申报表")
    labels = {f.label for f in form.fields}
    assert {"领办人姓名", "出生年月", "身份证号码"} <= labels, labels


async def test_html_with_table(store: NoticeStore, tmp_path: Path) -> None:
    path = write_html(tmp_path / "qingchuan.html", TEXT)
    result, notice = await ingest_one(store, path)
    assert result.status == "added", result
    assert notice is not None
    assert_qingchuan(notice)
    assert "脚本不是正文" not in notice.text
    assert "样式" not in notice.text
    assert any(a.title == "青川市技能大师工作室团队成员情况表" for a in notice.attachments)


# ------------------------------------------------------------------ bad files


# name → (file name, bytes written; None = the file does not exist)
BAD: dict[str, tuple[str, bytes | None]] = {
    "corrupt_docx": ("broken.docx", random.Random(7).randbytes(4096)),
    "unsupported": ("qingchuan.xlsx", TEXT.encode("utf-8")),
    "empty": ("empty.txt", b""),
    "poem": ("poem.txt", POEM.encode("utf-8")),
    "fake_pdf": ("notice.pdf", TEXT.encode("utf-8")),
    "missing": ("nowhere.txt", None),
}


def bad_file(tmp: Path, kind: str) -> Path:
    name, content = BAD[kind]
    path = tmp / name
    if content is not None:
        path.write_bytes(content)
    return path


@pytest.mark.parametrize("kind", BAD)
async def test_bad_file_is_reported_and_store_kept(
    store: NoticeStore, tmp_path: Path, kind: str
) -> None:
    good = tmp_path / "qingchuan_2025.txt"
    good.write_text(TEXT, encoding="utf-8")
    [first] = await ingest_files(store, [good])
    assert first.status == "added"
    before = await store.hashes()

    bad = bad_file(tmp_path, kind)
    [result] = await ingest_files(store, [bad])

    assert result.status == "error", result
    assert bad.name in result.message, result.message
    assert result.notice_id == ""
    assert await store.hashes() == before
    [kept] = await store.all()
    assert_qingchuan(kept)


async def test_bad_files_do_not_stop_a_batch(store: NoticeStore, tmp_path: Path) -> None:
    good = tmp_path / "qingchuan_2025.txt"
    good.write_text(TEXT, encoding="utf-8")
    corrupt, poem, empty = (bad_file(tmp_path, k) for k in ("corrupt_docx", "poem", "empty"))
    paths = [corrupt, poem, good, empty]
    results = await ingest_files(store, paths)
    assert [r.path for r in results] == paths
    assert [r.status for r in results] == ["error", "error", "added", "error"]
    assert [n.id for n in await store.all()] == ["qingchuan_2025"]


# ------------------------------------------------------------------ re-ingestion


async def test_reingest_unchanged_then_updated(store: NoticeStore, tmp_path: Path) -> None:
    path = tmp_path / "qingchuan_2025.txt"
    path.write_text(TEXT, encoding="utf-8")
    [added] = await ingest_files(store, [path])
    assert added.status == "added"

    [again] = await ingest_files(store, [path])
    assert again.status == "unchanged"
    assert again.notice_id == "qingchuan_2025"

    assert "2025年9月30日" in TEXT
    path.write_text(TEXT.replace("2025年9月30日", "2025年10月15日"), encoding="utf-8")
    [updated] = await ingest_files(store, [path])
    assert updated.status == "updated"
    assert updated.notice_id == "qingchuan_2025"

    [notice] = await store.all()
    assert notice.id == "qingchuan_2025"
    assert applicant_deadlines(notice) == {dt.date(2025, 10, 15)}
    assert "2025年10月15日" in notice.text
    assert "2025年9月30日" not in notice.text


async def test_store_survives_reopen(tmp_path: Path) -> None:
    path = tmp_path / "qingchuan_2025.txt"
    path.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "notices.db"
    async with NoticeStore(db) as store:
        [result] = await ingest_files(store, [path])
        assert result.status == "added"
    async with NoticeStore(db) as store:
        [notice] = await store.all()
        assert_qingchuan(notice)
        [again] = await ingest_files(store, [path])
        assert again.status == "unchanged"
