"""Guided filing beyond the five scripted e2e filings (tests/bot/test_filing_e2e.py):

- a notice ingested later (青川, fictional) filed with the generic spec built from its
  attachment table, the form and checklist read back;
- 太仓 成员申报备案表 (two member records) and the 申办报告 outline;
- 无锡 企业首席技师 end to end, and its checklist without the studio's 校企合作协议书;
- the review screen: masked ID/phone, /edit of one field, /confirm, unmasked print;
- three wrong answers → help / skip (optional only) / human, 转人工 without staff;
- a crash inside one turn leaves the saved draft as it was.

All turns go through the real runtime (``build_runtime``) and a fake channel.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import docx
import pytest
from test_filing_e2e import GOOD_ID, Chat, answer, grid_rows, pairs

import bot.filing_form as filing_form
from bot.app import build_runtime
from bot.filing_form import STEP_APOLOGY
from bot.flow_state import Flow
from bot.messages import Reply
from bot.settings import load_settings
from flows.documents import STAMP
from flows.spec import FieldSpec, GroupSpec
from flows.specs import get_spec, specs_for_notice
from knowledge.base import ingest_files

TODAY = dt.date(2024, 6, 1)
QC_TODAY = dt.date(2025, 9, 1)  # 29 days before the 青川 deadline (2025年9月30日17:00)
QINGCHUAN = Path(__file__).resolve().parents[1] / "data" / "notices" / "qingchuan_2025.txt"
QC_ID = "qingchuan_2025"
SHAOGUAN = "004_bb816d0ae4b34579"
TAICANG = "000_2e12cdb3a8cadbd3"
WUXI = "003_56cbf65dfd360609"
MOBILE = "13812345678"  # what BY_VALIDATOR["phone"] of the e2e answers types

# 附件1 青川市技能大师工作室申报表, the cells the applicant fills, in printed order
# (依托单位/县区/市 意见 are official cells; 年 月 日 are the blanks of 填报日期).
QC_LABELS = [
    "填报日期",
    "工作室名称",
    "职业（工种）",
    "工作室地点",
    "领办人姓名",
    "性别",
    "出生年月",
    "民族",
    "身份证号码",
    "联系电话",
    "职业资格（技能等级）",
    "取得时间",
    "工作单位及职务",
    "从事本职业（工种）年限",
    "场地面积（平方米）",
    "领办人主要工作经历",
    "领办人主要业绩及获奖情况（近三年）",
    "工作室建设目标和工作计划",
    "依托单位支持措施",
]
QC_SIGNATURES = ["依托单位意见", "县（区）人社局推荐意见", "市人社局认定意见"]
QC_TYPED = {  # label → what the applicant types
    "填报日期": "2025年8月30日",
    "工作室名称": "青川市张建国数控车工技能大师工作室",
    "职业（工种）": "数控车工",
    "工作室地点": "青川市工业园区8号",
    "领办人姓名": "张建国",
    "性别": "男",
    "出生年月": "1975年3月",
    "民族": "汉",
    "身份证号码": GOOD_ID,
    "联系电话": "138 1234 5678",
    "职业资格（技能等级）": "高级技师",
    "取得时间": "2010年6月",
    "工作单位及职务": "青川精工机械有限公司 车间主任",
    "从事本职业（工种）年限": "29年",
    "场地面积（平方米）": "120平方米",
}
QC_PRINTED = {  # label → value printed on the form (normalised by the validators)
    "领办人姓名": "张建国",
    "性别": "男",
    "出生年月": "1975-03",
    "民族": "汉族",
    "身份证号码": GOOD_ID,
    "联系电话": MOBILE,
    "职业资格（技能等级）": "一级/高级技师",
    "工作室名称": "青川市张建国数控车工技能大师工作室",
    "职业（工种）": "数控车工",
    "工作单位及职务": "青川精工机械有限公司 车间主任",
}


def settings_for(tmp_path: Path, today: dt.date = TODAY):
    # scripted input is faster than any typist: no per-user rate limit (see test_staff.py)
    return load_settings({}, db=tmp_path / "kb.db", today=today, rate_limit_per_minute=0)


@pytest.fixture
def settings(tmp_path: Path):
    return settings_for(tmp_path)


async def session_of(chat: Chat):
    return await chat.session()


def checklist_table(path: Path) -> dict[str, tuple[str, str, str]]:
    """Material name → (份数, 说明, 是否需要) of the checklist .docx."""
    table = docx.Document(str(path)).tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "序号",
        "材料名称",
        "份数",
        "格式要求",
        "说明",
        "是否需要",
    ]
    return {
        r.cells[1].text: (r.cells[2].text, r.cells[4].text, r.cells[5].text) for r in table.rows[1:]
    }


def files_of(chat: Chat) -> dict[str, Path]:
    return {f.filename: f.path for r in chat.seen for f in r.files}


async def drive(chat: Chat, place: str, until=lambda flow: False, limit: int = 150) -> Flow | None:
    """Answer as the e2e applicant until the flow ends or ``until(flow)``; returns the flow."""
    for _ in range(limit):
        flow = await chat.flow()
        if flow is None or until(flow):
            return flow
        replies = await chat.say(answer(flow, place))
        assert not replies[-1].text.startswith("⚠"), replies[-1].text
    raise AssertionError("the form did not end")


def at(field: str):
    return lambda flow: flow.kind == "form" and flow.state.current == field


def in_review(flow: Flow) -> bool:
    return flow.kind == "form" and flow.state.phase == "review"


# --- 1. a notice ingested later ------------------------------------------------------


def qc_answer(field: FieldSpec) -> str:
    if field.label in QC_TYPED:
        return QC_TYPED[field.label]
    return f"{field.label}：多年从事数控车削加工，带徒20余人，主持技术攻关5项。"


def grid_pairs(path: Path) -> set[tuple[str, str]]:
    """(cell, next cell) pairs of every table row, and (cell, cell below) pairs where a
    row of labels stands above its row of values."""
    out = set()
    previous: list[str] = []
    for cells in grid_rows(path):
        out |= {(a.rstrip("：:"), b) for a, b in zip(cells, cells[1:], strict=False)}
        if len(previous) == len(cells):
            out |= set(zip(previous, cells, strict=True))
        previous = cells
    return out


async def skip_check(chat: Chat) -> Reply:
    """Skip every self-check question; the last reply (the form's first question)."""
    reply = None
    while (flow := await chat.flow()) is not None and flow.kind == "check":
        *_, reply = await chat.say("/skip")
    assert reply is not None
    return reply


async def test_notice_ingested_later_is_filed_with_its_attachment_table(tmp_path: Path):
    settings = settings_for(tmp_path, QC_TODAY)
    async with build_runtime(settings) as rt:
        [result] = await ingest_files(rt.notices, [QINGCHUAN])
        assert result.status == "added" and result.notice_id == QC_ID
    async with build_runtime(settings) as rt:  # the KB now includes 青川
        notice = rt.engine.kb.notices[QC_ID]
        spec, members = specs_for_notice(notice)  # every attachment the applicant fills
        assert spec.id == f"generic_{QC_ID}" and spec.title == "青川市技能大师工作室申报表"
        assert (
            members.title == "青川市技能大师工作室团队成员情况表"
            and members.kind.value == "member_record"
        )
        chat = Chat(rt)
        [menu] = await chat.say("我要填报青川")
        assert [c.label for c in menu.choices] == [spec.title, members.title]
        [first] = await chat.say(payload=menu.choices[0].payload)
        assert "先用几个问题自查" in first.text  # a self-check from the notice's own conditions
        first = await skip_check(chat)
        assert "开始填写《青川市技能大师工作室申报表》" in first.text
        asked: list[str] = []
        prompts = first.text
        while (flow := await chat.flow()) is not None:
            assert flow.kind == "form" and flow.notice_id == QC_ID
            state = flow.state
            if state.phase == "review":
                [review] = await chat.say("/review")
                assert "3201**********0018" in review.text and "138****5678" in review.text
                assert GOOD_ID not in review.text and MOBILE not in review.text
                replies = await chat.say("/confirm")
                continue
            field = spec.item(state.current)
            assert isinstance(field, FieldSpec), state.current
            asked.append(field.label)
            replies = await chat.say(qc_answer(field))
            assert not replies[-1].text.startswith("⚠"), (field.label, replies[-1].text)
            prompts += "\n".join(r.text for r in replies)
        # every cell of 附件1 the applicant fills was asked, once, in the printed order;
        # nothing else (no 年 / 月 / 日 of the date line, no official cells)
        assert asked == QC_LABELS
        for label in ("领办人姓名", "性别", "出生年月", "身份证号码", "联系电话"):
            assert f"“{label}”" in prompts, label
        files = files_of(chat)
        outline_name = next(name for name in files if name.endswith("申办报告提纲.docx"))
        assert set(files) == {
            "青川市技能大师工作室申报表.docx",
            "青川市申报材料清单.docx",
            outline_name,
        }
        # the outline's headings are read from the notice's description of the report
        outline = [p.text for p in docx.Document(str(files[outline_name])).paragraphs]
        for heading in (
            "工作室名称",
            "领办人及团队成员简介",
            "场地设备情况",
            "建设目标和三年工作计划",
            "依托单位支持措施",
        ):
            assert any(line.endswith(heading) for line in outline), (heading, outline)
        assert outline_name.startswith(
            "青川市张建国"
        )  # the notice's naming format, leader filled in

        form = files["青川市技能大师工作室申报表.docx"]
        paragraphs = [p.text for p in docx.Document(str(form)).paragraphs]
        assert paragraphs[:2] == ["附件1", "青川市技能大师工作室申报表"]
        got = grid_pairs(form)  # the attachment's own grid: each value in the cell after its label
        for label, value in QC_PRINTED.items():
            assert (label, value) in got, (label, value)
        empty = [label for label in QC_LABELS if not any(k == label and v.strip() for k, v in got)]
        assert empty == [], empty
        for label in QC_SIGNATURES:  # left as printed for the officials' stamps
            assert (label, "（盖章） 年 月 日") in got
        width = {len({id(c._tc) for c in r.cells}) for r in docx.Document(str(form)).tables[0].rows}
        assert max(width) == 4 and min(width) < 4  # 4 columns as in 附件1, short rows merged

        rows = checklist_table(files["青川市申报材料清单.docx"])
        names = list(rows)
        assert len(names) == 6
        form_row = next(n for n in names if n.startswith("青川市技能大师工作室申报表"))
        assert rows[form_row][0] == "3份"  # 附件1，一式三份
        assert "已生成" in rows[form_row][1]
        assert rows["青川市技能大师工作室团队成员情况表"][2] == "☑ 需要"
        assert rows["申办报告"][2] == "☑ 需要"
        assert "依托单位营业执照或事业单位法人证书复印件" in rows
        assert all(
            copies == "3份" and need == "☑ 需要" for copies, _, need in rows.values()
        )  # 一式三份
        text = next(r.text for r in chat.seen if r.text.startswith("【青川市申报材料清单】"))
        assert "截止时间：2025-09-30（2025年9月30日17:00）截止，还有29天。" in text
        assert "A4纸" in text and "林晓川" in text
        assert "报送截止：2025-09-30（2025年9月30日17:00）截止，还有29天。" in [
            p.text for p in docx.Document(str(files["青川市申报材料清单.docx"])).paragraphs
        ]


async def test_ingested_notice_deadline_passed_is_said(tmp_path: Path):
    settings = settings_for(tmp_path, dt.date(2025, 10, 8))
    async with build_runtime(settings) as rt:
        await ingest_files(rt.notices, [QINGCHUAN])
    async with build_runtime(settings) as rt:
        chat = Chat(rt)
        [menu] = await chat.say("我要填报青川")
        await chat.say(payload=menu.choices[0].payload)
        await skip_check(chat)
        spec = specs_for_notice(rt.engine.kb.notices[QC_ID])[0]
        while (flow := await chat.flow()) is not None:
            state = flow.state
            field = spec.item(state.current) if state.phase != "review" else None
            await chat.say(qc_answer(field) if isinstance(field, FieldSpec) else "/confirm")
        text = next(r.text for r in chat.seen if r.text.startswith("【青川市申报材料清单】"))
        assert "2025-09-30（2025年9月30日17:00）已截止，已过去8天" in text


# --- 2. 太仓 成员申报备案表 and 申办报告 ---------------------------------------------------


MEMBER_ANSWERS = [
    {
        "name": "李强",
        "sex": "男",
        "birth_date": "1986年4月",
        "education": "大专",
        "occupation": "数控车工",
        "title_or_level": "技师",
        "employer": "精工机械有限公司",
        "phone": "139 0000 1111",
        "career": "2008年起从事数控车削",
        "achievements": "完成技术革新3项",
    },
    {
        "name": "赵敏",
        "sex": "女",
        "birth_date": "1990.07",
        "education": "本科",
        "occupation": "数控铣工",
        "title_or_level": "高级工",
        "employer": "精工机械有限公司",
        "phone": "13700002222",
        "career": "2012年起从事数控铣削",
        "achievements": "获市技能竞赛二等奖",
    },
]
MEMBER_PRINTED = [
    {
        "姓名": "李强",
        "性别": "男",
        "出生年月": "1986-04",
        "文化程度": "大学专科",
        "职业工种": "数控车工",
        "技术职称或技术等级": "技师",
        "所在单位": "精工机械有限公司",
        "联系电话": "13900001111",
        "主要工作经历": "2008年起从事数控车削",
        "主要业绩": "完成技术革新3项",
    },
    {
        "姓名": "赵敏",
        "性别": "女",
        "出生年月": "1990-07",
        "文化程度": "大学本科",
        "职业工种": "数控铣工",
        "技术职称或技术等级": "高级工",
        "所在单位": "精工机械有限公司",
        "联系电话": "13700002222",
        "主要工作经历": "2012年起从事数控铣削",
        "主要业绩": "获市技能竞赛二等奖",
    },
]
TAICANG_NAME = "太仓市张建国数控车工技能大师工作室"
REPORT_TEXT = {
    "intro": "技能大师张建国，高级技师；成员李强、赵敏。",
    "conditions": "场地120平方米，数控车床6台，年经费20万元。",
    "necessity": "企业数控加工骨干紧缺，需要传承精密车削技艺。",
    "support_and_plan": "单位提供场地和经费；三年培养技师10名。",
    "direction": "精密零件数控车削工艺攻关。",
}


def table_dicts(path: Path) -> list[dict[str, str]]:
    return [
        {r.cells[0].text: r.cells[1].text for r in t.rows} for t in docx.Document(str(path)).tables
    ]


async def test_taicang_member_records_and_report_outline(settings):
    async with build_runtime(settings) as rt:
        chat = Chat(rt)
        [menu] = await chat.say("我要填报太仓")
        assert [c.label for c in menu.choices] == [
            "太仓市技能大师工作室申请表",
            "太仓市技能大师工作室成员申报备案表",
            "太仓市技能大师工作室申办报告",
        ]
        [start] = await chat.say("2")
        assert (
            "开始填写《太仓市技能大师工作室成员申报备案表》" in start.text
        )  # no self-check for a record
        await chat.say(TAICANG_NAME)
        for n, member in enumerate(MEMBER_ANSWERS):
            for col, typed in member.items():
                flow = await chat.flow()
                assert flow.state.current == f"members.{col}"
                [reply] = await chat.say(typed)
                assert not reply.text.startswith("⚠"), reply.text
            assert f"已填写 {n + 1} 位" in reply.text
            assert [c.label for c in reply.choices] == ["再添加一位", "完成"]
            if n == 0:
                [reply] = await chat.say("再添加一位")
                assert "【工作室成员 · 第 2 位成员】" in reply.text
        [review] = await chat.say("完成")
        assert "请核对《太仓市技能大师工作室成员申报备案表》" in review.text
        assert "工作室成员（2 条）" in review.text and "139****1111" in review.text
        assert "13900001111" not in review.text
        replies = await chat.say("/confirm")
        files = files_of(chat)
        record = files["太仓市技能大师工作室成员申报备案表.docx"]
        tables = table_dicts(record)
        assert tables[0] == {"工作室名称": TAICANG_NAME}
        assert len(tables) == 3  # one record (table) per member
        paragraphs = [p.text for p in docx.Document(str(record)).paragraphs]
        assert "成员 1" in paragraphs and "成员 2" in paragraphs and "成员 3" not in paragraphs
        for table, printed in zip(tables[1:], MEMBER_PRINTED, strict=True):
            for label, value in printed.items():
                assert table[label] == value, (label, table)
            assert table["工作室意见"] == f"\n\n{STAMP}"
        outline = files[f"{TAICANG_NAME}申办报告提纲.docx"]
        assert [p.text for p in docx.Document(str(outline)).paragraphs][:3] == [
            f"{TAICANG_NAME}申办报告",
            "一、申办工作室名称",
            TAICANG_NAME,
        ]

        # then the 申办报告 itself, offered after the record
        assert [c.label for c in replies[-1].choices] == [
            "继续填写《太仓市技能大师工作室申请表》",
            "继续填写《太仓市技能大师工作室申办报告》",
        ]
        chat.seen.clear()
        [offer] = await chat.say(payload=replies[-1].choices[1].payload)
        assert "要直接用于《太仓市技能大师工作室申办报告》吗" in offer.text
        [start] = await chat.say(payload=offer.choices[0].payload)
        assert "开始填写《太仓市技能大师工作室申办报告》" in start.text
        assert "申办的工作室名称" not in start.text  # known from the record
        while (flow := await chat.flow()) is not None:
            state = flow.state
            if state.phase == "review":
                await chat.say("/confirm")
            elif state.current == "other":
                await chat.say("/skip")
            else:
                await chat.say(REPORT_TEXT[state.current])
        files = files_of(chat)
        outline = files[f"{TAICANG_NAME}申办报告提纲.docx"]
        paragraphs = [p.text for p in docx.Document(str(outline)).paragraphs]
        # the name in 太仓's format: 太仓市 + 领办人名字 + 职业工种名称 + 技能大师工作室
        assert paragraphs[0] == "太仓市张建国数控车工技能大师工作室申办报告"
        headings = get_spec("taicang_report").fields
        expected = [f"{h}、{f.label}" for h, f in zip("一二三四五六七", headings, strict=True)]
        assert paragraphs[1::2] == expected
        assert paragraphs[2::2] == [TAICANG_NAME, *REPORT_TEXT.values(), "（请在此填写。）"]
        checklist = next(r.text for r in chat.seen if r.text.startswith("【太仓市申报材料清单】"))
        assert (
            "太仓市技能大师工作室成员申报备案表（已生成：太仓市技能大师工作室成员申报备案表.docx）"
            in checklist
        )
        assert "申办报告（已生成：" in checklist
        assert "太仓市技能大师工作室申请表（2份；尚未在线填写" in checklist


# --- 3. 无锡 企业首席技师 -------------------------------------------------------------------


async def test_wuxi_chief_technician_end_to_end(tmp_path: Path):
    settings = settings_for(tmp_path, dt.date(2021, 4, 1))
    async with build_runtime(settings) as rt:
        chat = Chat(rt)
        [menu] = await chat.say("我要申报无锡")
        assert [c.label for c in menu.choices] == [
            "无锡市技能大师工作室申报表",
            "无锡市企业首席技师申报表",
        ]
        [check] = await chat.say("2")
        assert "填写《无锡市企业首席技师申报表》之前" in check.text
        kinds = []
        while (flow := await chat.flow()) is not None:
            kinds.append(flow.kind)
            replies = await chat.say(answer(flow, "无锡市"))
            assert not replies[-1].text.startswith("⚠"), replies[-1].text
        assert "cond" not in kinds  # 校企合作 is no question for a 首席技师
        report = next(
            r.text for r in chat.seen if r.text.startswith("【无锡市企业首席技师申报条件自查】")
        )
        assert "结论：符合" in report and "在法定劳动年龄内" in report
        files = files_of(chat)
        assert set(files) == {
            "无锡市企业首席技师申报表.docx",
            "无锡市申报材料清单.docx",
        }  # no 申办报告
        got = pairs(files["无锡市企业首席技师申报表.docx"])
        for label, value in [
            ("姓名", "张建国"),
            ("性别", "男"),
            ("民族", "汉族"),
            ("政治面貌", "中共党员"),
            ("文化程度", "大学本科"),
            ("职业资格等级", "一级/高级技师"),
            ("身份证号码", GOOD_ID),
            ("联系电话", MOBILE),
            ("邮政编码", "214000"),
            ("电子邮箱及QQ号", "zhangjg@163.com QQ 12345678"),
            ("本人银行卡号及开卡银行名称", "6217000011112222333 建设银行"),
        ]:
            assert (label, value) in got, (label, value)
        rows = checklist_table(files["无锡市申报材料清单.docx"])
        assert list(rows) == ["候选人综合材料", "无锡市企业首席技师申报表", "证明材料"]
        assert all(need == "☑ 需要" for _, _, need in rows.values())
        assert rows["无锡市企业首席技师申报表"][1].endswith("已生成：无锡市企业首席技师申报表.docx")
        assert "2寸彩色红底正面脱帽照片" in rows["无锡市企业首席技师申报表"][1]  # the form's own 注
        text = next(r.text for r in chat.seen if r.text.startswith("【无锡市申报材料清单】"))
        assert "校企合作协议书" not in text and "申办报告" not in text
        assert "2021-04-25（2021年4月25日24:00前）截止，还有24天。" in text
        assert [c.label for c in chat.seen[-1].choices] == [
            "继续填写《无锡市技能大师工作室申报表》"
        ]


async def test_wuxi_studio_not_joint_leaves_out_the_cooperation_agreement(settings):
    """The other branch of 通知 四、（一）2.（3）: a studio not run jointly with a school."""
    async with build_runtime(settings) as rt:
        chat = Chat(rt)
        await chat.say("我要申报无锡")
        await chat.say("1")
        flow = await drive(chat, "无锡市", until=lambda f: f.kind == "cond")
        assert flow.pending == ["校企合作协议书"]
        question = chat.seen[-1]
        assert "企业与院校联合办" in question.text and [c.label for c in question.choices] == [
            "是",
            "否",
        ]
        await chat.say("否")
        files = files_of(chat)
        rows = checklist_table(files["无锡市申报材料清单.docx"])
        assert rows["校企合作协议书"][2] == "☐ 不需要"
        assert rows["校企合作协议书"][1] == "仅企业与院校联合办的需要"
        assert "无锡市企业首席技师申报表" not in rows
        session = await session_of(chat)
        assert session.drafts[WUXI].answers == {"校企合作协议书": False}


# --- 4. review screen, /edit, /confirm -----------------------------------------------------


async def test_review_masks_then_edit_one_field_and_confirm(settings):
    async with build_runtime(settings) as rt:
        chat = Chat(rt)
        await chat.say("韶关 填申报表")
        await drive(chat, "韶关市", until=in_review)
        [review] = await chat.say("/review")
        assert "请核对《韶关市技能大师工作室申请表》的填写内容" in review.text
        assert "· 身份证号：3201**********0018" in review.text
        assert "· 联系电话：138****5678" in review.text
        assert "· 联系人手机：138****5678" in review.text
        assert GOOD_ID not in review.text and MOBILE not in review.text
        assert [c.label for c in review.choices] == ["确认提交", "返回上一步"]

        [edit] = await chat.say("/edit 联系电话")
        assert "请输入领办人联系电话" in edit.text and "原填写：138****5678" in edit.text
        assert MOBILE not in edit.text
        flow = await chat.flow()
        assert flow.state.phase == "filling" and flow.state.current == "phone"
        [back] = await chat.say("139 8765 4321")
        assert "请核对《韶关市技能大师工作室申请表》" in back.text  # straight back to review
        assert "· 联系电话：139****4321" in back.text and "13987654321" not in back.text
        assert "· 联系人手机：138****5678" in back.text  # the other phone untouched
        flow = await chat.flow()
        assert flow.state.phase == "review" and flow.state.values["phone"] == "13987654321"

        replies = await chat.say("/confirm")
        assert replies[0].text == "已确认《韶关市技能大师工作室申请表》的全部内容。"
        assert await chat.flow() is None
        form = files_of(chat)["韶关市技能大师工作室申请表.docx"]
        got = pairs(form)
        assert ("联系电话", "13987654321") in got and ("身份证号", GOOD_ID) in got  # unmasked
        assert ("手机", MOBILE) in got
        assert ("联系电话", MOBILE) not in got


async def test_edit_unknown_field_keeps_review(settings):
    async with build_runtime(settings) as rt:
        chat = Chat(rt)
        await chat.say("韶关 填申报表")
        await drive(chat, "韶关市", until=in_review)
        before = (await chat.flow()).state
        [reply] = await chat.say("/edit 座右铭")
        assert reply.text.startswith("⚠") and "没有找到“座右铭”" in reply.text
        after = (await chat.flow()).state
        assert after.phase == "review" and after.values == before.values


# --- 5. three failures → help / skip / human ---------------------------------------------------


def labels(reply) -> list[str]:
    return [c.label for c in reply.choices]


async def test_three_failures_offer_help_skip_and_human(settings):
    async with build_runtime(settings) as rt:
        chat = Chat(rt)
        await chat.say("韶关 填申报表")
        await drive(chat, "韶关市", until=at("fax"))  # 传真: optional landline
        for n in range(1, 4):
            [reply] = await chat.say("abc")
            assert reply.text.startswith("⚠") and "传真" in reply.text
            if n < 3:
                assert labels(reply) == ["跳过"]
        assert labels(reply) == ["查看填写说明", "跳过", "联系工作人员"]
        assert [c.payload for c in reply.choices] == ["/help", "/skip", "/handoff"]
        [help_reply] = await chat.say(payload="/help")
        assert (await chat.flow()).state.current == "fax"
        assert "传真" in help_reply.text
        [skipped] = await chat.say(payload="/skip")
        assert (await chat.flow()).state.current != "fax"
        assert (await chat.flow()).state.values["fax"] is None
        assert "通信地址" in skipped.text


async def test_three_failures_on_required_field_then_human_without_staff(settings):
    async with build_runtime(settings) as rt:
        assert not rt.settings.staff_ids
        chat = Chat(rt)
        await chat.say("韶关 填申报表")
        await drive(chat, "韶关市", until=at("id_number"))
        for n in range(1, 4):
            [reply] = await chat.say("12345")
            assert reply.text.startswith("⚠") and "身份证" in reply.text
            if n < 3:
                assert reply.choices == []  # the offer comes with the third failure only
        assert labels(reply) == [
            "查看填写说明",
            "联系工作人员",
        ]  # required: no 跳过; no staff: no 转人工
        session = await session_of(chat)
        drafts, flow = copy.deepcopy(session.drafts), copy.deepcopy(session.flow)
        assert drafts[SHAOGUAN].state.failures == {"id_number": 3}

        replies = await chat.say(payload="/handoff")  # the 转人工 button
        text = "\n".join(r.text for r in replies)
        assert "人工咨询渠道" in text  # the notice's contacts (通知 正文)
        assert "【韶关市】联系人：唐懿、蒙证尹；电话：0751-8605683" in text
        assert any(c.payload == "handoff" for r in replies for c in r.choices)  # 转人工 offer kept
        assert "请输入领办人的身份证号码" in replies[-1].text  # the form stays on the field
        session = await session_of(chat)
        assert session.drafts == drafts  # the draft intact
        assert session.flow.state == flow.state
        assert not (rt.settings.files_dir / "users").exists()  # nothing generated

        [reply] = await chat.say(GOOD_ID)  # the applicant goes on
        assert not reply.text.startswith("⚠")
        state = (await chat.flow()).state
        assert state.values["id_number"] == GOOD_ID and state.failures == {}


# --- 6. a crash inside one turn ---------------------------------------------------------------


async def test_crash_inside_a_turn_keeps_the_draft(settings, monkeypatch):
    calls = {"n": 0}
    real = filing_form.advance

    def flaky(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("boom")
        return real(*args, **kwargs)

    async with build_runtime(settings) as rt:
        chat = Chat(rt)
        await chat.say("韶关 填申报表")
        await drive(chat, "韶关市", until=at("ethnicity"))
        before = copy.deepcopy((await session_of(chat)).drafts)
        flow_before = copy.deepcopy(await chat.flow())
        # the route calls ``advance`` through the name bound in bot.filing_form
        monkeypatch.setattr(filing_form, "advance", flaky)
        [reply] = await chat.say("汉")
        assert calls["n"] == 1
        assert reply.text.startswith(STEP_APOLOGY) and "的民族？" in reply.text
        session = await session_of(chat)
        assert session.drafts == before and session.flow == flow_before
        [reply] = await chat.say("汉")  # the next turn continues
        assert calls["n"] == 2 and not reply.text.startswith(("⚠", STEP_APOLOGY))
        state = (await chat.flow()).state
        assert state.values["ethnicity"] == "汉族" and state.current == "birth_date"
        assert {k: v for k, v in state.values.items() if k != "ethnicity"} == before[
            SHAOGUAN
        ].state.values


async def test_crash_while_generating_files_keeps_the_review(settings, monkeypatch):
    """A failure after the form is confirmed (writing the files) must not lose the
    finished form: the turn is apologised for, and /confirm again finishes it."""
    async with build_runtime(settings) as rt:
        chat = Chat(rt)
        await chat.say("韶关 填申报表")
        await drive(chat, "韶关市", until=in_review)
        before = copy.deepcopy((await session_of(chat)).drafts)
        real = filing_form.generate

        def broken(*args, **kwargs):
            raise OSError("disk full")

        monkeypatch.setattr(filing_form, "generate", broken)
        replies = await chat.say("/confirm")
        assert len(replies) == 1 and "抱歉" in replies[0].text
        session = await session_of(chat)
        assert session.drafts == before and session.flow.state.phase == "review"
        monkeypatch.setattr(filing_form, "generate", real)
        replies = await chat.say("/confirm")
        assert any(r.files for r in replies) and await chat.flow() is None


async def test_generic_spec_items_are_attachment_cells(tmp_path: Path):
    """The same table without the dialog: 年/月/日 of the date line are no fields."""
    settings = settings_for(tmp_path, QC_TODAY)
    async with build_runtime(settings) as rt:
        await ingest_files(rt.notices, [QINGCHUAN])
    async with build_runtime(settings) as rt:
        notice = rt.engine.kb.notices[QC_ID]
    spec = specs_for_notice(notice)[0]
    assert [i.label for i in spec.items] == QC_LABELS
    assert not any(isinstance(i, GroupSpec) for i in spec.items)
    assert spec.signature_cells == QC_SIGNATURES
    assert spec.attachment == "附件1"
    by_label = {f.label: f for f in spec.fields}
    assert by_label["身份证号码"].validator == "id_number"
    assert by_label["性别"].options == ["男", "女"]
    assert by_label["联系电话"].validator == "phone"
    assert by_label["场地面积（平方米）"].validator == "area_m2"
