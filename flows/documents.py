"""Word documents for the applicant: the filled form, the materials checklist, the
申办报告 outline (python-docx, no I/O other than writing ``path``).

Forms are laid out like the notice's attachment: title, then per section a two-column
table ``label | value``; a repeated group is its own table (one row per member/award,
or one sub-table per record for 成员备案表); official cells (单位意见 ...) are left empty
with ``（盖章）  年  月  日``. Printed values are never masked.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table
from pydantic import BaseModel, Field

from flows.spec import FieldSpec, FormSpec, GroupSpec, active

STAMP = "（盖章）  年  月  日"
FONT = "宋体"
CN_NUMBERS = "一二三四五六七八九十"


class ChecklistItem(BaseModel):
    """One line of the materials checklist.

    Attributes:
        name: e.g. ``"太仓市技能大师工作室申请表"``.
        copies: Number of copies, ``None`` when the notice does not say.
        format_note: e.g. ``"A4纸装订成册，同时报送电子版"``.
        condition_note: When it applies, e.g. ``"企业与院校联合办的"``.
        included: Whether this applicant must provide it.
    """

    name: str
    copies: int | None = None
    format_note: str = ""
    condition_note: str = ""
    included: bool = True


class ChecklistMeta(BaseModel):
    """Header of the checklist document.

    Attributes:
        title: e.g. ``"太仓市技能大师工作室申报材料清单"``.
        notice_label: The notice cited (``Notice.label``).
        deadline_text: e.g. ``"8月20日前"``; empty when unknown.
        submit_to_text: e.g. ``"市人社局人才与职技管理科"``.
        requirements: The notice's rules on preparing and handing in the materials
            (stamps, printing, binding, electronic copies, internal publicity), quoted.
    """

    title: str
    notice_label: str = ""
    deadline_text: str = ""
    submit_to_text: str = ""
    requirements: list[str] = Field(default_factory=list)


def studio_name(pattern: str, values: Mapping[str, Any]) -> str:
    """Fill a naming pattern such as ``"太仓市+领办人名字+职业工种名称+技能大师工作室"``.

    Parts naming the leader (名字/姓名) take ``values["leader_name"]``; parts naming the
    trade (职业/工种) take ``values["occupation"]`` (or ``"studio_occupation"``); other
    parts are literal. A missing value stays visible as ``"（领办人名字）"``.

    Returns:
        e.g. ``"太仓市张三数控车工技能大师工作室"``.
    """
    out = []
    for part in (p.strip() for p in pattern.split("+")):
        if "名字" in part or "姓名" in part:
            value = values.get("leader_name")
        elif "工种" in part or "职业" in part:
            value = values.get("occupation") or values.get("studio_occupation")
        else:
            out.append(part)
            continue
        out.append(str(value) if value else f"（{part}）")
    return "".join(out)


def _new_document() -> DocxDocument:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = FONT  # type: ignore[attr-defined]
    style.font.size = Pt(11)  # type: ignore[attr-defined]
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)  # type: ignore[attr-defined]
    return doc


def _title(doc: DocxDocument, text: str, size: int = 16) -> None:
    para = doc.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = para.add_run(text)
    run.bold = True
    run.font.size = Pt(size)


def _bold(doc: DocxDocument, text: str) -> None:
    doc.add_paragraph().add_run(text).bold = True


def _pairs_table(doc: DocxDocument, rows: Sequence[tuple[str, str]]) -> Table:
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text = label
        cells[1].text = value
    return table


def _grid_table(doc: DocxDocument, group: GroupSpec, rows: list[dict[str, Any]]) -> Table:
    table = doc.add_table(rows=1, cols=len(group.fields))
    table.style = "Table Grid"
    for cell, col in zip(table.rows[0].cells, group.fields, strict=True):
        cell.text = col.label
    for row in rows or [{}]:
        cells = table.add_row().cells
        for cell, col in zip(cells, group.fields, strict=True):
            cell.text = col.show(row.get(col.name))
    return table


def _signature_rows(labels: Sequence[str]) -> list[tuple[str, str]]:
    return [(label, f"\n\n{STAMP}") for label in labels]


def render_form_docx(spec: FormSpec, state_values: Mapping[str, Any], path: Path | str) -> Path:
    """Write the filled form as .docx, laid out like the notice's attachment.

    Args:
        spec: The form.
        state_values: ``FormState.values`` (slot → value; groups are lists of dicts).
        path: Where to write; parent directories must exist.

    Returns:
        ``path`` as a :class:`~pathlib.Path`.
    """
    values = dict(state_values)
    doc = _new_document()
    if spec.attachment:
        doc.add_paragraph(spec.attachment)
    _title(doc, spec.title)
    if spec.grid:
        _attachment_table(doc, spec, values)
        for note in spec.notes:
            doc.add_paragraph(note)
        out = Path(path)
        doc.save(str(out))
        return out
    pending: list[tuple[str, str]] = []
    section = ""

    def flush() -> None:
        if pending:
            _pairs_table(doc, pending)
            pending.clear()

    for item in spec.items:
        if not active(item, values):
            continue
        if item.section and item.section != section:
            flush()
            section = item.section
            _bold(doc, section)
        if isinstance(item, FieldSpec):
            pending.append((item.label, item.show(values.get(item.name))))
            continue
        flush()
        _group(doc, item, values.get(item.name) or [])
    flush()
    if spec.signature_cells:
        _pairs_table(doc, _signature_rows(spec.signature_cells))
    for note in spec.notes:
        doc.add_paragraph(note)
    out = Path(path)
    doc.save(str(out))
    return out


_PLACEHOLDER = re.compile(r"^\{(group:)?([\w]+)(\|ticks)?\}$")


def _ticked(field: FieldSpec, value: Any) -> str:
    """A choice cell as printed on the form: every printed option, the chosen ones ☑."""
    chosen = value if isinstance(value, list) else [value]
    names = {str(v) for v in chosen if v not in (None, "")}
    names |= {str(v).split("/")[-1] for v in names}  # 二级/技师 ticks the printed 技师
    return " ".join(("☑" if o in names else "□") + o for o in field.options)


def _attachment_table(doc: DocxDocument, spec: FormSpec, values: Mapping[str, Any]) -> Table:
    """The attachment's own table: its rows and cells, each value in its cell, a repeated
    table's entries as rows under its header, a row with fewer cells merged to full width,
    signature and stamp cells left as printed (blank)."""
    fields = {i.name: i for i in spec.items if isinstance(i, FieldSpec)}
    groups = {i.name: i for i in spec.items if isinstance(i, GroupSpec)}
    rows: list[list[str]] = []
    for row in spec.grid:
        m = _PLACEHOLDER.match(row[0]) if len(row) == 1 else None
        if m and m.group(1):
            group = groups[m.group(2)]
            entries = values.get(group.name) or []
            numbered = len(rows) > 0 and rows[-1][:1] == ["序号"]
            for n, entry in enumerate(entries or [{}], 1):
                cells = [f.show(entry.get(f.name)) for f in group.fields]
                rows.append([str(n), *cells] if numbered else cells)
            continue
        cells = []
        for cell in row:
            m = _PLACEHOLDER.match(cell)
            if m and m.group(2) in fields:
                field = fields[m.group(2)]
                value = values.get(field.name)
                cells.append(
                    _ticked(field, value) if m.group(3) and field.options else field.show(value)
                )
            else:
                cells.append(cell)
        rows.append(cells)
    width = max((len(r) for r in rows), default=2)
    table = doc.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, cells in enumerate(rows):
        row = table.rows[r]
        for c, text in enumerate(cells):
            row.cells[c].text = text
        if len(cells) < width:  # the last cell spans the rest of the row
            row.cells[len(cells) - 1].merge(row.cells[width - 1])
            row.cells[len(cells) - 1].text = cells[-1]
    return table


def _group(doc: DocxDocument, group: GroupSpec, rows: list[dict[str, Any]]) -> None:
    if group.layout == "table":
        _bold(doc, group.label)
        _grid_table(doc, group, rows)
        return
    for n, row in enumerate(rows or [{}], 1):
        _bold(doc, f"{group.item_label} {n}")
        pairs = [(c.label, c.show(row.get(c.name))) for c in group.fields]
        _pairs_table(doc, pairs + _signature_rows(group.signature_cells))


def render_checklist_docx(
    checklist_items: Sequence[ChecklistItem],
    meta: ChecklistMeta | Mapping[str, Any],
    path: Path | str,
) -> Path:
    """Write the materials checklist as .docx.

    The table has columns 序号 | 材料名称 | 份数 | 格式要求 | 说明 | 是否需要; items the
    applicant need not provide stay listed with ``☐ 不需要`` and their condition.

    Args:
        checklist_items: Items in the notice's order.
        meta: Title, notice label, deadline and where to submit.
        path: Where to write.

    Returns:
        ``path`` as a :class:`~pathlib.Path`.
    """
    info = meta if isinstance(meta, ChecklistMeta) else ChecklistMeta(**meta)
    doc = _new_document()
    _title(doc, info.title)
    for label, text in (
        ("依据", info.notice_label),
        ("报送截止", info.deadline_text),
        ("报送地点", info.submit_to_text),
    ):
        if text:
            doc.add_paragraph(f"{label}：{text}")
    headers = ["序号", "材料名称", "份数", "格式要求", "说明", "是否需要"]
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
    for n, item in enumerate(checklist_items, 1):
        copies = f"{item.copies}份" if item.copies else ""
        need = "☑ 需要" if item.included else "☐ 不需要"
        row = [str(n), item.name, copies, item.format_note, item.condition_note, need]
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    if info.requirements:
        _bold(doc, "注意事项（通知原文）")
        for text in info.requirements:
            doc.add_paragraph(f"· {text}")
    out = Path(path)
    doc.save(str(out))
    return out


def render_report_outline_docx(
    headings: Sequence[str],
    studio_name: str,
    path: Path | str,
    content: Mapping[str, str] | None = None,
    kind: str = "申办报告",
) -> Path:
    """Write the outline of the document the notice asks for (``kind``: 申办报告, 建设方案…):
    the notice's headings, numbered 一、二、…, each followed by the applicant's text from
    ``content`` (heading → text) or a placeholder.

    A heading about the studio's name (``"申办工作室名称"``) is followed by
    ``studio_name``.

    Returns:
        ``path`` as a :class:`~pathlib.Path`.
    """
    doc = _new_document()
    _title(doc, f"{studio_name}{kind}" if studio_name else f"技能大师工作室{kind}")
    for n, heading in enumerate(headings):
        number = CN_NUMBERS[n] if n < len(CN_NUMBERS) else str(n + 1)
        _bold(doc, f"{number}、{heading}")
        text = (content or {}).get(heading, "")
        if not text and "工作室名称" in heading:
            text = studio_name
        doc.add_paragraph(text or "（请在此填写。）")
    out = Path(path)
    doc.save(str(out))
    return out
