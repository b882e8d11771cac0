"""Guided filing end to end: each of the five notices filed through a fake channel by an
applicant typing as people do (a wrong ID number, /back, a question mid-form, a restart
of the bot), ending with the checklist and the filled forms read back with python-docx;
one filing through the Telegram adapter offline; one piped console filing."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

import docx
import pytest
from telegram import Update

from bot.app import build_runtime
from bot.channels.console import run_console
from bot.channels.memory import MemoryChannel
from bot.channels.telegram import build_application
from bot.flow_state import CheckFlow, Flow, FormFlow
from bot.messages import Reply
from bot.settings import load_settings
from flows.spec import FieldSpec, GroupSpec
from flows.specs import get_spec
from flows.validators import id_check_char

TODAY = dt.date(2024, 6, 1)
BASE17 = "32010219750312001"  # born 1975-03-12, male (17th digit odd)
GOOD_ID = BASE17 + id_check_char(BASE17)
BAD_ID = BASE17 + ("0" if GOOD_ID[-1] != "0" else "1")
MEMBERS = ["李强", "王磊", "赵敏", "陈刚", "刘洋"]

CHECK = {  # self-check answers, as typed
    "skill_level": "高级技师",
    "has_unique_skill": "否",
    "achievement_types": "1、3",
    "host_type": "企业",
    "training_funds_share": "35%",
    "honours": "1",
    "birth_date": "1975年3月",
    "sex": "男",
    "team_size": "6",
    "studio_founded": "2018年9月",
    "same_major_exists": "没有",
    "qualified_members": "4",
    "in_frontline_job": "是",
}
BY_NAME = {
    "leader_name": "张建国",
    "legal_rep": "李明",
    "contact_name": "王芳",
    "head_name": "李明",
    "sex": "男",
    "ethnicity": "汉",
    "political_status": "党员",
    "education": "本科",
    "skill_level": "高级技师",
    "birth_date": "1975年3月",
    "id_number": GOOD_ID,
    "occupation": "数控车工",
    "studio_occupation": "数控车工",
    "studio_field": "数控加工",
    "filled_on": "2024年5月30日",
    "studio_founded": "2018年9月",
    "work_start": "1995年7月",
    "studio_area": "120平方米",
    "leader_change": "否",
    "host_type": "企业",
    "team_size": "6",
    "org_account": "6222 0202 0011 2233 445",
    "personal_card": "6217 0000 1111 2222 333",
    "bank_account": "工商银行 6222020200112233445",
    "bank_card": "6217000011112222333 建设银行",
    "email_qq": "zhangjg@163.com QQ 12345678",
    "postcode": "214000",
    "admin_post": "/skip",
    "applicant_org": "精工机械有限公司",
    "org_name": "精工机械有限公司",
    "employer": "精工机械有限公司",
    "postal_address": "长江路8号",
    "studio_address": "长江路8号技能楼3楼",
    "org_bank": "工商银行",
    "personal_bank": "建设银行",
    "post_title": "车间主任/高级技师",
    "employer_post": "精工机械有限公司 车间主任",
}
ROW = {
    "name": None,
    "age": "38",
    "sex": "男",
    "education": "大专",
    "occupation": "数控车工",
    "skill_level": "技师",
    "title_or_level": "技师",
    "birth_date": "1986年4月",
    "specialty": "精密车削",
    "project": "数控车削技术攻关",
    "award": "江苏省技术能手",
    "grantor": "江苏省人社厅",
    "level": "省级",
    "rank": "1",
    "year": "2021",
    "period": "1995.07-2024.05",
    "place": "精工机械有限公司",
    "witness": "李明",
}
BY_VALIDATOR = {
    "mobile": "138 1234 5678",
    "phone": "13812345678",
    "email": "zhangjg@163.com",
    "date": "1975-03-12",
    "year_month": "2001年7月",
    "integer": "5",
}


class Chat(MemoryChannel):
    """The filing tests' applicant: a :class:`MemoryChannel` on a runtime that presses
    仍要继续 on a closed round and 同意 before the first personal number (unless told not to)."""

    def __init__(
        self,
        rt: Any,
        user: str = "zhang",
        channel: str = "test",
        past_closed: bool = True,
        consent: bool = True,
    ) -> None:
        super().__init__(
            rt.engine, user_id=user, channel=channel, continue_closed=past_closed, consent=consent
        )
        self.rt = rt

    async def say(self, text: str = "", payload: str = "") -> list[Reply]:
        """Type ``text`` or press ``payload`` (:meth:`MemoryChannel.push`)."""
        return await self.push(text, payload)


def asking(flow: Flow | None) -> str:
    """The key of the question ``flow`` asks: a self-check slot, a form's current field
    (``"members.name"``), or ``""``."""
    if isinstance(flow, CheckFlow):
        return flow.current
    if isinstance(flow, FormFlow) and flow.state is not None:
        return flow.state.current
    return ""


def answer(flow: Flow, place: str) -> str:
    """What the applicant types for the pending question of ``flow``."""
    if flow.kind == "check":
        return CHECK[flow.current]
    if flow.kind == "cond":
        return "是"
    if flow.await_consent:
        return "同意"  # to the notice before the first personal number
    state = flow.state
    if state.phase == "review":
        return "/confirm"
    spec = get_spec(flow.spec_id)
    head, _, col = state.current.partition(".")
    item = spec.item(head)
    if isinstance(item, GroupSpec) and not col:
        rows = len(state.values.get(head, []))
        return "再添加一位" if rows < max(item.min_items, 2 if head == "members" else 1) else "完成"
    if isinstance(item, GroupSpec):
        field = item.field(col)
        assert field is not None
        n = len(state.values.get(head, []))
        value = MEMBERS[n % 5] if field.validator == "name" else ROW.get(col)
        return value or BY_VALIDATOR.get(field.validator) or f"{field.label}：参与多项技术改进。"
    assert isinstance(item, FieldSpec)
    if item.name in BY_NAME:
        return BY_NAME[item.name]
    if item.validator == "landline":
        return "/skip" if not item.required else "0751-8605683"
    if item.name == "studio_name":
        return f"{place}张建国数控车工技能大师工作室"
    if item.validator == "choice":
        return item.options[0]
    return BY_VALIDATOR.get(item.validator) or f"{item.label}：多年从事数控车削加工，带徒20余人。"


def pairs(path: Path) -> set[tuple[str, str]]:
    """Every (label, value) pair of the two-column tables of a .docx."""
    out = set()
    for table in docx.Document(str(path)).tables:
        for row in table.rows:
            cells = [c.text for c in row.cells]
            if len(cells) == 2:
                out.add((cells[0], cells[1]))
    return out


def grid_rows(path: Path) -> list[list[str]]:
    """Each row of every .docx table as its cells' texts, a merged cell once."""
    rows = []
    for table in docx.Document(str(path)).tables:
        for row in table.rows:
            cells, seen = [], set()
            for c in row.cells:
                if id(c._tc) not in seen:
                    seen.add(id(c._tc))
                    cells.append(c.text)
            rows.append(cells)
    return rows


def checklist_rows(path: Path) -> dict[str, str]:
    """Material name → 是否需要 of the checklist table."""
    table = docx.Document(str(path)).tables[0]
    return {r.cells[1].text: r.cells[5].text for r in table.rows[1:]}


@pytest.fixture
def settings(tmp_path: Path):
    # scripted input arrives faster than any person types: no per-user rate limit here
    # (tests/bot/test_staff.py covers the limit)
    return load_settings({}, db=tmp_path / "kb.db", today=TODAY, rate_limit_per_minute=0)


CASES = [  # entry text, spec picked by number (or None), checklist expectations
    ("我要填报太仓", "1", "太仓市", "taicang_application", "还有80天"),
    (
        "镇江 我要申报",
        "1",
        "镇江市",
        "zhenjiang_application",
        "已截止",
    ),  # the bureaus' last step passed: said as in Q&A
    ("开始填报鹿城", None, "温州市鹿城区", "lucheng_application", "XX月XX日前"),
    ("我要申报无锡", "1", "无锡市", "wuxi_studio", "已截止"),
    ("韶关 填申报表", None, "韶关市", "shaoguan_application", "另行通知"),
]


async def file_end_to_end(
    settings, entry: str, pick: str | None, place: str
) -> tuple[Chat, list[str]]:
    """Drive one filing; returns the last chat and the events that were checked."""
    events: list[str] = []
    async with build_runtime(settings) as rt:
        chat = Chat(rt)
        replies = await chat.say(entry)
        if pick:
            assert replies[-1].choices, replies[-1].text
            replies = await chat.say(pick)  # a numbered option typed
        answered = 0
        while (flow := await chat.flow()) is not None:
            current = asking(flow)
            if flow.kind == "form" and current == "id_number" and "bad_id" not in events:
                [reply] = await chat.say(BAD_ID)
                assert "⚠" in reply.text and "身份证" in reply.text
                assert (await chat.flow()).state.current == "id_number"
                events.append("bad_id")
                continue
            if flow.kind == "form" and answered == 3 and "back" not in events:
                [reply] = await chat.say("/back")
                assert "已返回上一步" in reply.text
                events.append("back")
                continue
            if flow.kind == "form" and answered == 5 and "question" not in events:
                replies = await chat.say("材料要交几份？")
                assert len(replies) == 2 and "（继续填写）" in replies[1].text
                assert place in replies[0].text and replies[0].sources
                assert (await chat.flow()).state.current == current
                events.append("question")
                continue
            if flow.kind == "form" and answered == 8 and "restart" not in events:
                events.append("restart")
                break
            replies = await chat.say(answer(flow, place))
            assert not replies[-1].text.startswith("⚠"), (current, replies[-1].text)
            answered += flow.kind == "form"
    assert "restart" in events
    async with build_runtime(settings) as rt:  # a new process on the same database
        chat = Chat(rt)
        chat.n = 1000
        [offer] = await chat.say("我要填报")
        assert [c.label for c in offer.choices] == ["继续填写", "重新开始"]
        [resumed] = await chat.say("1")
        assert "继续填写《" in resumed.text
        while (flow := await chat.flow()) is not None:
            if flow.kind == "form" and flow.state.current == "id_number" and "bad_id" not in events:
                [reply] = await chat.say(BAD_ID)
                assert "⚠" in reply.text and "身份证" in reply.text
                events.append("bad_id")
                continue
            replies = await chat.say(answer(flow, place))
            assert not replies[-1].text.startswith("⚠"), replies[-1].text
        chat.rt = None  # the runtime closes; keep the replies
    return chat, events


@pytest.mark.parametrize(("entry", "pick", "place", "spec_id", "deadline"), CASES)
async def test_filing_each_notice_end_to_end(settings, entry, pick, place, spec_id, deadline):
    chat, events = await file_end_to_end(settings, entry, pick, place)
    assert {"bad_id", "back", "question", "restart"} <= set(events)
    files = {
        f.filename: f.path
        for r in chat.seen
        for f in r.files
        if "申报材料清单" not in str(f.path.parent)
    }
    spec = get_spec(spec_id)
    form = files[f"{spec.title}.docx"]
    assert form.parent.parent.name == "test_zhang"  # per-user folder
    got = pairs(form)
    id_label = spec.find("id_number").label  # type: ignore[union-attr]
    assert (id_label, GOOD_ID) in got  # printed unmasked
    for field in spec.fields:  # every answer next to its label
        if field.name in BY_NAME and BY_NAME[field.name] not in ("/skip",) and field.ask_if is None:
            shown = [v for k, v in got if k == field.label]
            assert shown and all(v.strip() for v in shown), field.label
    expected = {
        "leader_name": "张建国",
        "sex": "男",
        "ethnicity": "汉族",
        "political_status": "中共党员",
    }
    for name, value in expected.items():
        field = spec.item(name)
        if isinstance(field, FieldSpec):
            assert (field.label, value) in got, (field.label, value)
    checklist = next(p for n, p in files.items() if n.endswith("申报材料清单.docx"))
    rows = checklist_rows(checklist)
    assert rows and all(v in ("☑ 需要", "☐ 不需要") for v in rows.values())
    text = next(r.text for r in chat.seen if r.text.startswith(f"【{place}申报材料清单】"))
    assert deadline in text and "截止时间" in text
    if spec_id == "wuxi_studio":  # 校企合作 asked (yes) → included; 首席技师 items not listed
        assert rows["校企合作协议书"] == "☑ 需要"
        assert "无锡市企业首席技师申报表" not in rows
    if spec_id == "zhenjiang_application":
        assert rows["镇江市技能大师工作室评估考核表"] == "☐ 不需要"
    # the outline is named as the notice names the document (鹿城: 申报报告; others: 申办报告)
    outline = [(n, p) for n, p in files.items() if re.search(r"(申办|申报)报告提纲\.docx$", n)]
    assert outline, files
    kind = "申报报告" if "申报报告提纲" in outline[0][0] else "申办报告"
    paragraphs = [p.text for p in docx.Document(str(outline[0][1])).paragraphs]
    assert paragraphs[0].endswith(f"技能大师工作室{kind}") and "张建国" in paragraphs[0]


async def test_filing_through_telegram_offline_ends_with_documents(settings):
    from test_telegram import RecordingRequest, button_update, text_update

    async with build_runtime(settings) as rt:
        request = RecordingRequest()
        app = build_application(
            rt.engine,
            "123:TEST",
            request=request,
            get_updates_request=RecordingRequest(),
            rate_limit=False,
        )
        await app.initialize()
        chat = Chat(rt, user="42", channel="telegram")
        update_id = 5000

        async def feed(payload: dict[str, Any]) -> None:
            await app.process_update(Update.de_json(payload, app.bot))

        try:
            await feed(text_update(update_id, "我要填报韶关"))
            pressed = False
            while (flow := await chat.flow()) is not None:
                update_id += 1
                if asking(flow) == "sex" and not pressed:
                    await feed(button_update(update_id, "男"))  # the inline button
                    pressed = True
                    continue
                await feed(text_update(update_id, answer(flow, "韶关市")))
            assert pressed
            texts = [c.params["text"] for c in request.sent()]
            assert any("韶关市技能大师工作室申报条件自查" in t for t in texts)
            assert not any(t.startswith("⚠") for t in texts)
            docs = request.sent("sendDocument")
            names = [filename for d in docs for filename, _ in d.files.values()]
            assert names == [
                "韶关市技能大师工作室申请表.docx",
                "韶关市张建国数控车工技能大师工作室申办报告提纲.docx",
                "韶关市申报材料清单.docx",
            ]
            assert all(content.startswith(b"PK") for d in docs for _, content in d.files.values())
            assert any("另行通知" in t for t in texts)
        finally:
            await app.shutdown()


def console_script() -> str:
    """A 韶关 filing as typed in the console: options by number, the rest as text."""
    spec = get_spec("shaoguan_application")
    lines = [
        "我要填报韶关",
        "二级/技师",
        "4",
    ]  # the self-check: a 技师, 4 persons with 技师 or above
    agreed = False
    for field in spec.fields:
        if field.name in ("skill_level", "qualified_members"):
            continue  # prefilled by the self-check's answers
        if field.validator in ("id_number", "phone", "mobile", "landline") and not agreed:
            lines.append("1")  # 同意 to the notice before the first personal number
            agreed = True
        if field.options:
            lines.append("1")
        elif not field.required:
            lines.append("1" if field.validator == "landline" else "韶关市技术能手")  # 1 = 跳过
        elif field.name in BY_NAME:
            lines.append(BY_NAME[field.name])
        elif field.validator == "landline":
            lines.append("0751-8605683")
        else:
            lines.append(
                BY_VALIDATOR.get(field.validator) or f"{field.label}：多年从事数控车削加工。"
            )
    lines.append("1")  # 确认提交
    return "\n".join(lines) + "\n"


async def test_piped_console_filing_with_numbered_choices(settings):
    async with build_runtime(settings) as rt:
        out = io.StringIO()
        turns = await run_console(rt.engine, stdin=io.StringIO(console_script()), stdout=out)
        text = out.getvalue()
        assert turns == console_script().count("\n")
        assert "⚠" not in text, text
        assert "您> 1\n" in text and "  1. 男" in text
        paths = [
            Path(line.split("已生成文件：", 1)[1])
            for line in text.splitlines()
            if "已生成文件：" in line
        ]
        assert len(paths) == 3 and all(p.exists() for p in paths)
        got = pairs(paths[0])
        assert (
            ("性别", "男") in got and ("身份证号", GOOD_ID) in got and ("单位性质", "企业") in got
        )
        assert ("传真", "") in got  # skipped by typing the number of 跳过
        assert ("获何种技术能手称号", "韶关市技术能手") in got
