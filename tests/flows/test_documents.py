"""Generated .docx files read back with python-docx, checked cell by cell."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from form_driver import MALE_ID, fill

from flows.documents import (
    STAMP,
    ChecklistItem,
    ChecklistMeta,
    render_checklist_docx,
    render_form_docx,
    render_report_outline_docx,
    studio_name,
)
from flows.spec import FieldSpec, FormSpec, GroupSpec, active
from flows.specs import get_spec
from flows.specs.curated import curated_files

SPECS_BY_ID = {s.id: s for c in curated_files() for s in c.forms}
NAMING = SPECS_BY_ID["taicang_application"].naming_pattern
REPORT_HEADINGS = next(c.outline for c in curated_files() if c.notice == "000_2e12cdb3a8cadbd3")


def _rows(path: Path) -> list[list[str]]:
    """All table rows of the document, in order, as lists of cell texts."""
    doc = Document(str(path))
    return [[c.text for c in row.cells] for t in doc.tables for row in t.rows]


def _pairs(path: Path) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in _rows(path) if len(r) == 2]


@pytest.mark.parametrize("spec", list(SPECS_BY_ID.values()), ids=lambda s: s.id)
def test_every_value_is_printed_next_to_its_label(spec: FormSpec, tmp_path: Path) -> None:
    values = fill(spec, rows=2)[0].state.values
    out = render_form_docx(spec, values, tmp_path / f"{spec.id}.docx")
    assert out.exists()
    doc = Document(str(out))
    assert spec.title in [p.text for p in doc.paragraphs]
    pairs = _pairs(out)
    expected = [
        (i.label, i.show(values[i.name]))
        for i in spec.items
        if isinstance(i, FieldSpec) and active(i, values)
    ]
    field_pairs = [p for p in pairs if p[0] in {label for label, _ in expected}]
    assert field_pairs[: len(expected)] == expected
    assert MALE_ID in {v for _, v in pairs} or not any(
        f.validator == "id_number" for f in spec.fields
    )  # printed forms are not masked
    for cell in spec.signature_cells:
        assert (cell, f"\n\n{STAMP}") in pairs


def test_member_table_rows_are_printed_under_their_column_labels(tmp_path: Path) -> None:
    spec = get_spec("zhenjiang_application")
    values = fill(spec, rows=2)[0].state.values
    rows = _rows(render_form_docx(spec, values, tmp_path / "zj.docx"))
    header = ["姓名", "职业资格", "年龄", "突出业绩"]
    at = rows.index(header)
    assert rows[at + 1] == ["李四", "一级/高级技师", "35", "突出业绩的内容"]
    assert rows[at + 2][0] == "王五"
    awards = rows.index(["获奖项目", "奖励名称", "授予单位", "等级", "排名", "年度"])
    assert rows[awards + 1][-1] == "2020"
    assert ("领衔人（创办人）", "张三") in _pairs(tmp_path / "zj.docx")
    assert "原领衔人或原单位名称" not in {r[0] for r in rows}  # not a change of leader


def test_empty_group_prints_one_blank_row(tmp_path: Path) -> None:
    spec = get_spec("zhenjiang_application")
    rows = _rows(render_form_docx(spec, {"leader_name": "张三"}, tmp_path / "blank.docx"))
    at = rows.index(["姓名", "职业资格", "年龄", "突出业绩"])
    assert rows[at + 1] == ["", "", "", ""]
    assert ("领衔人（创办人）", "张三") in [(r[0], r[1]) for r in rows if len(r) == 2]
    assert ("性别", "") in [(r[0], r[1]) for r in rows if len(r) == 2]


def test_member_records_are_one_sub_table_each_with_blank_opinion(tmp_path: Path) -> None:
    spec = get_spec("taicang_members")
    values = fill(spec, rows=2)[0].state.values
    out = render_form_docx(spec, values, tmp_path / "members.docx")
    doc = Document(str(out))
    assert len(doc.tables) == 3  # studio name + one per member
    first = [(r.cells[0].text, r.cells[1].text) for r in doc.tables[1].rows]
    second = [(r.cells[0].text, r.cells[1].text) for r in doc.tables[2].rows]
    assert first[0] == ("姓名", "李四") and second[0] == ("姓名", "王五")
    assert ("出生年月", "1980-01") in first
    assert ("技术职称或技术等级", "技术职称或技术等级的内容") in first
    assert first[-1] == ("工作室意见", f"\n\n{STAMP}")
    assert "注：太仓市技能大师工作室吸纳新成员需填写本表" in doc.paragraphs[-1].text


def test_group_columns_of_generic_group(tmp_path: Path) -> None:
    group = GroupSpec(
        name="history",
        label="主要经历",
        fields=[FieldSpec(name="period", label="起止时间", prompt="？")],
    )
    spec = FormSpec(id="x", notice_id="n", title="测试表", items=[group])
    rows = _rows(
        render_form_docx(spec, {"history": [{"period": "2001-2005"}]}, tmp_path / "g.docx")
    )
    assert rows == [["起止时间"], ["2001-2005"]]


def test_checklist_docx(tmp_path: Path) -> None:
    items = [
        ChecklistItem(name="太仓市技能大师工作室申请表", copies=2, format_note="A4纸装订成册"),
        ChecklistItem(name="校企合作协议书", condition_note="企业与院校联合办的", included=False),
    ]
    meta = ChecklistMeta(
        title="太仓市技能大师工作室申报材料清单",
        notice_label="太仓市《关于做好2024年太仓市技能大师工作室申报工作的通知》",
        deadline_text="8月20日前",
        submit_to_text="市人社局人才与职技管理科",
    )
    out = render_checklist_docx(items, meta, tmp_path / "checklist.docx")
    doc = Document(str(out))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == meta.title
    assert "报送截止：8月20日前" in texts and "报送地点：市人社局人才与职技管理科" in texts
    rows = _rows(out)
    assert rows[0] == ["序号", "材料名称", "份数", "格式要求", "说明", "是否需要"]
    assert rows[1] == ["1", "太仓市技能大师工作室申请表", "2份", "A4纸装订成册", "", "☑ 需要"]
    assert rows[2] == ["2", "校企合作协议书", "", "", "企业与院校联合办的", "☐ 不需要"]
    plain = render_checklist_docx(items[:1], {"title": "清单"}, tmp_path / "plain.docx")
    assert [p.text for p in Document(str(plain)).paragraphs] == ["清单"]


def test_report_outline_docx(tmp_path: Path) -> None:
    name = studio_name(NAMING, {"leader_name": "张三", "occupation": "数控车工"})
    assert name == "太仓市张三数控车工技能大师工作室"
    out = render_report_outline_docx(
        REPORT_HEADINGS, name, tmp_path / "report.docx", {"主要工作方向": "数控加工攻关"}
    )
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert texts[0] == "太仓市张三数控车工技能大师工作室申办报告"
    assert texts[1:3] == ["一、申办工作室名称", name]
    at = texts.index("六、主要工作方向")
    assert texts[at + 1] == "数控加工攻关"
    assert texts[texts.index("二、技能大师和工作室成员简介") + 1] == "（请在此填写。）"


def test_studio_name_patterns() -> None:
    values = {"leader_name": "李四", "occupation": "焊工"}
    assert studio_name("无锡市+领办人名字+技能大师工作室", values) == "无锡市李四技能大师工作室"
    assert (
        studio_name("温州市鹿城区+领办人名字+职业工种名称+技能大师工作室", values)
        == "温州市鹿城区李四焊工技能大师工作室"
    )
    assert (
        studio_name("太仓市+领办人名字+职业工种名称+技能大师工作室", {"leader_name": "李四"})
        == "太仓市李四（职业工种名称）技能大师工作室"
    )


def test_checklist_quotes_the_rules_offices_reject_files_for():
    """福建 (blind, GBK): stamps on copies, A4 双面 胶装, a PDF disc and the internal
    publicity are in the checklist the applicant gets, each with its clause."""
    import datetime as dt

    from bot.filing_outputs import checklist_items, checklist_message
    from knowledge.parse import parse_notice
    from knowledge.readers import read_document

    path = Path(__file__).resolve().parents[1] / "data" / "filing_blind" / "f3_fujian.txt"
    notice = parse_notice(read_document(path), path.name)
    text = checklist_message(notice, checklist_items(notice, {}, {}, {}, {}), dt.date(2026, 12, 1))
    rules = text.split("注意事项（通知原文）：", 1)[1]
    for words in (("复印件", "公章"), ("双面", "胶装"), ("PDF", "光盘"), ("公示", "5个工作日")):
        assert any(all(w in line for w in words) for line in rules.splitlines()), words
    assert "（四、（六））" in rules
    assert "2026-12-10" in text and "还有9天" in text
