"""Filing a notice the code never saw, through the chat, end to end.

Staff ingest the blind 淄博 notice (a .docx with real Word tables: 附件1 申报表 with
merged cells and □ choices, 附件2 团队成员名单). An applicant then gets a self-check with a
verdict per condition and its clause, fills both attachments as forms whose fields
match them, and receives the forms printed in the attachments' own grids and a
checklist with the notice's stamps, printing and publicity rules. Nothing of this
notice is written in code: it is all read from the .docx.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from test_filing_e2e import GOOD_ID, Chat, grid_rows

from bot.app import build_runtime
from bot.flow_state import Flow
from bot.settings import load_settings
from flows.spec import FieldSpec, GroupSpec
from flows.specs import get_spec
from knowledge.base import ingest_files

DATA = Path(__file__).resolve().parents[1] / "data" / "filing_blind"
ZIBO = DATA / "f1_zibo.docx"
TODAY = dt.date(2026, 12, 1)  # 14 days before the deadline (2026年12月15日)

SELF_CHECK = {  # what a qualifying applicant types
    "birth_date": "1975年3月",
    "sex": "男",
    "skill_level": "高级技师",
    "honours": "全国技术能手",
    "team_size": "6",
    "host_type": "企业",
    "unit_founded": "2010",
}
BY_VALIDATOR = {
    "name": "张强",
    "id_number": GOOD_ID,
    "mobile": "13905331234",
    "phone": "0533-3186521",
    "email": "zq@163.com",
    "year_month": "2015年6月",
    "date": "2026年11月20日",
    "integer": "8",
    "skill_level": "高级技师",
    "sex": "男",
    "political_status": "群众",
    "ethnicity": "汉族",
    "yes_no": "是",
}
TEXT = {"credit_code": "91370300MA3C12345X", "studio_name": "淄博市张强数控车工技能大师工作室"}


def typed(flow: Flow, notice: Any) -> str:
    """What the applicant types for the pending question."""
    if flow.kind == "check":
        return SELF_CHECK[flow.current]
    if flow.kind in ("cond", "reuse"):
        return "是"
    state = flow.state
    if state.phase == "review":
        return "/confirm"
    spec = get_spec(flow.spec_id, notice)
    head, _, col = state.current.partition(".")
    item = spec.item(head)
    if isinstance(item, GroupSpec) and not col:
        return "再添加一位" if len(state.values.get(head, [])) < 2 else "完成"
    field = item.field(col) if isinstance(item, GroupSpec) else item
    assert isinstance(field, FieldSpec)
    if field.name == "birth_date":
        return "1975年3月"
    if field.name in TEXT:
        return TEXT[field.name]
    if field.validator in ("choice", "multi_choice") and field.options:
        return field.options[1] if len(field.options) > 1 else field.options[0]
    if field.validator == "text" and field.max_len:
        return "近三年带徒12人，其中5人取得技师职业资格。"
    return BY_VALIDATOR.get(field.validator) or f"{field.label}示例"


async def test_unseen_docx_notice_is_checked_filed_and_printed_like_its_attachments(tmp_path: Path):
    settings = load_settings({}, db=tmp_path / "kb.db", today=TODAY, rate_limit_per_minute=0)
    async with build_runtime(settings) as rt:
        [result] = await ingest_files(rt.notices, [ZIBO])
        assert result.status == "added"
    async with build_runtime(settings) as rt:
        notice = rt.engine.kb.notices[result.notice_id]
        chat = Chat(rt, past_closed=False)
        [menu] = await chat.say("我要填报淄博")
        assert [c.label for c in menu.choices] == [
            "淄博市技能大师工作室申报表",
            "淄博市技能大师工作室团队成员名单",
        ]
        replies = await chat.say(payload=menu.choices[0].payload)
        assert "先用几个问题自查" in replies[-1].text
        turns = 0
        while (flow := await chat.flow()) is not None:
            turns += 1
            assert turns < 200, replies[-1].text
            if flow.kind == "form" and flow.state.phase == "done":
                break
            replies = await chat.say(typed(flow, notice))
            assert not replies[-1].text.startswith("⚠"), replies[-1].text
        report = next(r for r in chat.seen if r.text.startswith("【淄博市"))
        for condition in ("距法定退休年龄不少于5年", "团队成员不少于5人", "申报单位为企业"):
            assert condition in report.text, report.text
        assert "✅" in report.text and "❌" not in report.text and "原文：“" in report.text

        # the member list, offered the studio's answers (never copied silently)
        [menu] = await chat.say("我要填报淄博")
        replies = await chat.say(
            payload=next(c.payload for c in menu.choices if "成员名单" in c.label)
        )
        assert "要直接用于《淄博市技能大师工作室团队成员名单》吗" in replies[-1].text
        while (flow := await chat.flow()) is not None:
            turns += 1
            assert turns < 300, replies[-1].text
            replies = await chat.say(typed(flow, notice))
            assert not replies[-1].text.startswith("⚠"), replies[-1].text

    files = {f.filename: f.path for r in chat.seen for f in r.files}
    form = grid_rows(files["淄博市技能大师工作室申报表.docx"])
    assert form[0] == ["工作室名称", "淄博市张强数控车工技能大师工作室"]  # merged across the row
    assert [
        "领办人姓名",
        "张强",
        "性别",
        "☑男 □女",
        "出生年月",
        "1975-03",
    ] in form  # six cells as printed
    assert any(r[0] == "单位性质" and "☑民营企业" in r[1] and "□国有企业" in r[1] for r in form)
    assert any(
        r[0] == "单位意见（盖章）" and "（单位盖章）" in r[1] for r in form
    )  # left for the stamp
    members = grid_rows(files["淄博市技能大师工作室团队成员名单.docx"])
    assert members[1] == [
        "姓名",
        "性别",
        "出生年月",
        "身份证号码",
        "技能等级",
        "从事工种",
        "联系电话",
    ]
    assert len(members) == 4 and members[2][0] == "张强"  # two rows entered under the header
    checklist = next(r.text for r in chat.seen if r.text.startswith("【淄博市申报材料清单】"))
    for words in ("加盖单位公章", "A4纸双面打印", "胶装", "U盘", "内部公示5个工作日", "还有14天"):
        assert words in checklist, words
    key = json.loads((DATA / "f1_zibo.docx.expected.json").read_text(encoding="utf-8"))
    assert not key["closed"]


def test_outline_comes_from_the_notice_s_own_outline_attachment():
    """福建 (blind, GBK): 附件3 建设方案（提纲）gives the headings; named as the notice names it."""
    from flows.specs.generic import outline_from
    from knowledge.parse import parse_notice
    from knowledge.readers import read_document

    path = DATA / "f3_fujian.txt"
    notice = parse_notice(read_document(path), path.name)
    key = json.loads((DATA / "f3_fujian.txt.expected.json").read_text(encoding="utf-8"))
    assert outline_from(notice) == ("建设方案", key["outline"])


async def test_a_form_shared_by_two_programmes_asks_which_one_first(tmp_path: Path):
    """宜昌 (blind): one 申报表 for 技能大师工作室 and 首席技师工作室, whose conditions
    differ: the programme is chosen before the self-check, and its own rules are asked."""
    settings = load_settings({}, db=tmp_path / "kb.db", today=TODAY, rate_limit_per_minute=0)
    async with build_runtime(settings) as rt:
        [result] = await ingest_files(rt.notices, [DATA / "f2_yichang.txt"])
    async with build_runtime(settings) as rt:
        chat = Chat(rt, past_closed=False)
        [menu] = await chat.say("我要填报宜昌")
        [ask] = await chat.say(payload=menu.choices[0].payload)
        assert "您申报的是哪一类" in ask.text
        assert [c.label for c in ask.choices] == ["技能大师工作室", "首席技师工作室"]
        [first] = await chat.say(payload=ask.choices[1].payload)
        flow = await chat.flow()
        assert flow is not None and flow.kind == "check" and flow.programme == "首席技师工作室"
        assert "出生年月" in first.text  # 距法定退休年龄不少于5年 needs it
        assert result.notice_id == flow.notice_id
