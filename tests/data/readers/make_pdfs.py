"""Build the PDF fixtures for tests/knowledge/test_readers.py (run once, commit output).

Needs reportlab, which the project does not install (tests/knowledge/test_ingest.py
checks that no PDF writer is installed), so run it from a throwaway environment::

    python -m venv /tmp/pdfgen && /tmp/pdfgen/bin/pip install reportlab
    /tmp/pdfgen/bin/python tests/data/readers/make_pdfs.py

Text uses the non-embedded CID font STSong-Light, which pypdf extracts as Chinese, so
the files stay a few kilobytes.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
FONT = "STSong-Light"
WIDTH, HEIGHT = A4

PAGES = [
    [
        "青川市人力资源和社会保障局文件",
        "青人社发〔2025〕9号",
        "关于开展2025年度技能大师工作室复核工作的通知",
        "各县（区）人力资源和社会保障局，市级有关部门：",
        "为加强技能大师工作室动态管理，决定开展2025年度复核工作。",
        "一、复核对象",
        "2022年及以前认定的市级技能大师工作室，共计",
        "3",
        "个批次。",
    ],
    [
        "二、复核内容",
        "（一）工作室场地、设备和经费保障情况；",
        "（二）带徒传技、技术攻关和技艺传承成效。",
        "三、时间安排",
        "各依托单位于2025年8月15日前报送自查报告。",
    ],
    [
        "四、联系方式",
        "联系人：孙悦　电话：0839-1234571",
        "附件：技能大师工作室复核自查表",
        "青川市人力资源和社会保障局",
        "2025年7月1日",
    ],
]


def _page(pdf: canvas.Canvas, lines: list[str], header: str, footer: str, top_number: str) -> None:
    pdf.setFont(FONT, 9)
    if header:
        pdf.drawString(72, HEIGHT - 40, header)
    if top_number:
        pdf.drawRightString(WIDTH - 72, HEIGHT - 40, top_number)
    pdf.setFont(FONT, 14)
    y = HEIGHT - 100
    for line in lines:
        pdf.drawString(72, y, line)
        y -= 28
    pdf.setFont(FONT, 10)
    if footer:
        pdf.drawCentredString(WIDTH / 2, 40, footer)
    pdf.showPage()


def build(name: str, header: str, footer: str, top_number: str) -> None:
    pdf = canvas.Canvas(str(HERE / name), pagesize=A4, invariant=True)
    pdf.setTitle("关于开展2025年度技能大师工作室复核工作的通知")
    total = len(PAGES)
    for number, lines in enumerate(PAGES, start=1):
        fill = {"n": number, "total": total}
        _page(pdf, lines, header.format(**fill), footer.format(**fill), top_number.format(**fill))
    pdf.save()


def build_scanned(name: str) -> None:
    """Two pages of drawing only, as a scanner's image-only PDF has no text layer."""
    pdf = canvas.Canvas(str(HERE / name), pagesize=A4, invariant=True)
    for _ in range(2):
        pdf.setFillGray(0.85)
        pdf.rect(60, 80, WIDTH - 120, HEIGHT - 160, fill=1, stroke=0)
        pdf.setFillGray(0.2)
        for row in range(30):
            pdf.rect(80, HEIGHT - 120 - row * 22, 300 + (row % 5) * 40, 8, fill=1, stroke=0)
        pdf.showPage()
    pdf.save()


if __name__ == "__main__":
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    # 公文 style: a running header with the 文号, page numbers as "— n —"
    build(
        "notice_dash_numbers.pdf", "青川市人力资源和社会保障局　青人社发〔2025〕9号", "— {n} —", ""
    )
    # "第 n 页 共 N 页" footers and "n/N" in the header corner
    build("notice_page_of.pdf", "", "第 {n} 页 共 {total} 页", "{n}/{total}")
    build_scanned("scanned.pdf")
