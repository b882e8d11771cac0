"""The filing route with a real engine: entry, spec choice, self-check verdicts, drafts,
questions mid-form, failures, cross-channel resume, privacy of logs."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest
from test_filing_e2e import BAD_ID, GOOD_ID, Chat, asking

from bot.app import build_runtime
from bot.engine import Engine
from bot.filing import FilingRoute
from bot.flow_state import CondFlow, Draft
from bot.settings import load_settings

TODAY = dt.date(2024, 6, 1)
TAICANG, ZHENJIANG, LUCHENG, WUXI, SHAOGUAN = (
    "000_2e12cdb3a8cadbd3",
    "001_d59e2d59539f7422",
    "002_776fcaae778a508b",
    "003_56cbf65dfd360609",
    "004_bb816d0ae4b34579",
)


@pytest.fixture
async def rt(tmp_path: Path):
    settings = load_settings({}, db=tmp_path / "kb.db", today=TODAY)
    async with build_runtime(settings) as runtime:
        runtime.engine = Engine(
            runtime.kb,
            runtime.state,
            tmp_path / "files",
            today=lambda: TODAY,
            routes=[FilingRoute()],
        )
        yield runtime


async def session(rt, key: str = "test:zhang"):
    return await rt.state.load(await rt.state.canonical(key))


async def to_field(chat: Chat, field: str, answers: list[str]) -> None:
    """Send ``answers`` in turn until the form asks ``field``."""
    for text in answers:
        flow = await chat.flow()
        if asking(flow) == field:
            return
        await chat.say(text)
    assert (await chat.flow()).state.current == field


TAICANG_CHECK = ["高级技师", "1", "企业", "35%"]
TAICANG_START = ["我要填报太仓", "1", *TAICANG_CHECK]


async def test_entry_without_a_city_asks_which_and_accepts_a_typed_name(rt):
    chat = Chat(rt)
    [ask] = await chat.say("我要填报")
    assert "哪个城市" in ask.text and len(ask.choices) == 5
    assert {c.payload for c in ask.choices} == {f"file:{n}" for n in rt.kb.notices}
    [menu] = await chat.say("太仓")
    assert [c.payload for c in menu.choices] == [
        "file:spec:taicang_application",
        "file:spec:taicang_members",
        "file:spec:taicang_report",
    ]


@pytest.mark.parametrize(
    ("text", "specs"),
    [
        ("我要申报无锡", ["无锡市技能大师工作室申报表", "无锡市企业首席技师申报表"]),
        ("镇江开始填报", ["镇江市技能大师工作室申报表", "镇江市技能大师工作室评估考核表"]),
    ],
)
async def test_notices_with_several_forms_offer_the_choice(rt, text, specs):
    [menu] = await Chat(rt).say(text)
    assert [c.label for c in menu.choices] == specs


async def test_questions_that_merely_mention_filing_go_to_qa(rt):
    chat = Chat(rt)
    [reply] = await chat.say("太仓申报需要什么材料？")
    assert reply.sources and (await chat.flow()) is None
    [reply] = await chat.say("/apply 韶关")
    assert "自查" in reply.text and (await chat.flow()).kind == "check"


@pytest.mark.parametrize(
    ("place", "programme", "answers", "verdict", "clause"),
    [
        (
            "无锡",
            "1",
            ["1969年3月", "技师", "1", "6", "2018年9月", "否"],
            "✅ 符合｜领办人年龄不超过55周岁",
            "一、（三）",
        ),
        (
            "无锡",
            "1",
            ["1968年5月", "技师", "1", "6", "2018年9月", "否"],
            "❌ 不符合｜领办人年龄不超过55周岁",
            "一、（三）",
        ),
        (
            "无锡",
            "1",
            ["1975年3月", "技师", "1", "3", "2018年9月", "否"],
            "❌ 不符合｜团队成员不少于5人",
            "一、（三）",
        ),
        # the notice does not say whether the 5 include the leader: 4 besides the leader is open
        (
            "无锡",
            "1",
            ["1975年3月", "技师", "1", "4", "2018年9月", "否"],
            "❔ 待确认｜团队成员不少于5人",
            "一、（三）",
        ),
        ("韶关", None, ["技师", "2"], "❌ 不符合", "一、"),
        ("镇江", None, ["无", "/skip"], "❌ 不符合｜获得所列荣誉之一", "一、（二）"),
        (
            "鹿城",
            None,
            ["1975年3月", "男", "技师", "2"],
            "❌ 不符合｜团队成员不少于3人（不含领办人）",
            "一、",
        ),
        # 高级工 alone does not do; an honour of the notice's list does (技师…，或是荣获…)
        (
            "鹿城",
            None,
            ["1975年3月", "男", "高级工", "无", "4"],
            "❌ 不符合｜领办人职业资格",
            "一、",
        ),
        (
            "鹿城",
            None,
            ["1975年3月", "男", "高级工", "全国技术能手", "4"],
            "✅ 符合｜领办人职业资格",
            "一、",
        ),
    ],
)
async def test_self_check_verdicts(rt, place, programme, answers, verdict, clause):
    chat = Chat(rt)
    await chat.say(f"{place}我能申报吗")
    if programme:
        await chat.say(programme)
    for text in answers:
        *_, reply = await chat.say(text)
    assert reply.text.startswith("【") and verdict in reply.text, reply.text
    assert f"（通知 {clause}" in reply.text and "原文：“" in reply.text and "下一步：" in reply.text
    assert [c.label for c in reply.choices] == ["开始填报"]
    assert (await chat.flow()) is None


async def test_self_check_validates_skips_and_goes_back(rt):
    chat = Chat(rt)
    await chat.say("/check 无锡")
    [q] = await chat.say("1")
    assert "出生年月" in q.text
    [err] = await chat.say("去年")
    assert err.text.startswith("⚠") and "出生年月" in err.text
    [q2] = await chat.say("1969年3月")
    assert "职业资格" in q2.text
    [back] = await chat.say("/back")
    assert "已返回上一题" in back.text and "出生年月" in back.text
    await chat.say("1969年3月")
    [q3] = await chat.say("/skip")
    assert "哪方面的条件" in q3.text


async def test_check_runs_before_the_form_and_prefills_it(rt):
    chat = Chat(rt)
    await chat.say("我要填报太仓")
    [first] = await chat.say("1")
    assert "先用几个问题自查" in first.text
    for text in TAICANG_CHECK:
        replies = await chat.say(text)
    assert (
        "✅ 符合" in replies[0].text and "开始填写《太仓市技能大师工作室申请表》" in replies[1].text
    )
    flow = await chat.flow()
    assert flow.kind == "form" and flow.state.current == "studio_name"
    draft = (await session(rt)).drafts[TAICANG]
    assert draft.profile["skill_level"] == "一级/高级技师" and draft.checked == ["技能大师工作室"]


def test_long_option_payloads_are_shortened_and_kept_in_the_flow():
    from bot.filing_check import CheckMixin

    flow = CondFlow(notice_id=TAICANG, opts={"0": "an older step's"})
    long = "具有绝技绝活并在挖掘和传承传统工艺上作出较大贡献的优秀技能人才"
    [short, kept] = CheckMixin._buttons(CheckMixin(), flow, [("短", "短"), (long, long)])
    assert short.payload == "短" and kept.payload == "file:opt:1" and len(long.encode()) > 64
    assert flow.opts == {"1": long}


async def test_option_buttons_answer_the_notice_s_one_of_list(rt):
    chat = Chat(rt)
    for text in ["我要填报太仓", "1"]:
        await chat.say(text)
    [q] = await chat.say("高级技师")
    assert all(len(c.payload.encode()) <= 64 for c in q.choices)
    assert [c.label for c in q.choices][:3] == [
        "有重大技术发明或者重大技术革新成果",
        "具有一定的绝技绝活",
        "企业技术改造、引进和技术攻关中",
    ]
    await chat.say(payload=q.choices[1].payload)
    assert (await chat.flow()).profile["achievement_types"] == ["具有一定的绝技绝活"]


async def test_question_mid_form_is_answered_and_the_form_continues(rt):
    chat = Chat(rt)
    for text in TAICANG_START:
        await chat.say(text)
    before = await chat.flow()
    answer, again = await chat.say("问材料交几份")  # a text field would take it as the name
    assert "太仓" in answer.text and again.text.startswith("（继续填写）")
    assert await chat.flow() == before
    [status] = await chat.say("/status")
    assert "第 1/" in status.text


async def test_wrong_id_three_times_offers_handoff_with_contacts(rt):
    chat = Chat(rt)
    await to_field(
        chat,
        "id_number",
        [*TAICANG_START, "太仓市张建国数控车工技能大师工作室", "张建国", "男", "1975年3月"],
    )
    for _ in range(3):
        [err] = await chat.say(BAD_ID)
    assert err.text.startswith("⚠") and [c.label for c in err.choices] == [
        "查看填写说明",
        "联系工作人员",
    ]
    contacts, again = await chat.say("2")  # the numbered option
    assert "顾雪锋" in contacts.text and "0512-53542494" in contacts.text
    assert "身份证号码" in again.text and (await chat.flow()).state.current == "id_number"
    await chat.say(GOOD_ID)
    assert (await chat.flow()).state.values["id_number"] == GOOD_ID


async def test_cancel_keeps_the_draft_unless_deletion_is_confirmed(rt):
    chat = Chat(rt)
    for text in [*TAICANG_START, "太仓市张建国数控车工技能大师工作室"]:
        await chat.say(text)
    [paused] = await chat.say("/cancel")
    assert "草稿" in paused.text and [c.label for c in paused.choices] == ["保留草稿", "删除草稿"]
    assert (await chat.flow()) is None and TAICANG in (await session(rt)).drafts
    [answer] = await chat.say("太仓的截止时间？")  # Q&A works again
    assert "8月20日" in answer.text
    [offer] = await chat.say("我要填报太仓")
    assert [c.label for c in offer.choices] == ["继续填写", "重新开始"]
    [resumed] = await chat.say("1")
    assert "领办人的姓名" in resumed.text
    await chat.say("/cancel")
    [dropped] = await chat.say(payload=f"file:drop:{TAICANG}")
    assert "已删除" in dropped.text and TAICANG not in (await session(rt)).drafts


async def test_restart_discards_the_draft(rt):
    chat = Chat(rt)
    for text in [*TAICANG_START, "太仓市张建国数控车工技能大师工作室"]:
        await chat.say(text)
    await chat.say("开始填报")
    [menu] = await chat.say("2")  # 重新开始
    assert "请选择要填写的一份" in menu.text
    draft = (await session(rt)).drafts.get(TAICANG)
    assert draft is None or draft.state is None


async def test_exception_inside_advance_keeps_the_draft(rt, monkeypatch):
    chat = Chat(rt)
    for text in TAICANG_START:
        await chat.say(text)
    before = await session(rt)

    def boom(*args, **kwargs):
        raise RuntimeError("bug in a validator")

    monkeypatch.setattr("bot.filing_form.advance", boom)
    [reply] = await chat.say("太仓市张建国数控车工技能大师工作室")
    assert "没有丢失" in reply.text and "工作室的名称" in reply.text
    after = await session(rt)
    assert after.drafts == before.drafts and after.flow == before.flow


async def test_draft_resumes_from_another_channel_of_the_same_person(rt):
    tg = Chat(rt, user="42", channel="telegram")
    for text in [*TAICANG_START, "太仓市张建国数控车工技能大师工作室", "张建国"]:
        await tg.say(text)
    await rt.state.link("wecom:zhangjg", "telegram:42")
    wecom = Chat(rt, user="zhangjg", channel="wecom")
    [q] = await wecom.say("男")  # the form simply continues
    assert "出生年月" in q.text
    assert (await session(rt, "telegram:42")).flow.state.values["sex"] == "男"


async def test_logs_mask_id_numbers_and_phones(rt, caplog):
    chat = Chat(rt)
    with caplog.at_level(logging.DEBUG, logger="bot"):
        await to_field(
            chat,
            "phone",
            [
                *TAICANG_START,
                "太仓市张建国数控车工技能大师工作室",
                "张建国",
                "男",
                "1975年3月",
                GOOD_ID,
            ],
        )
        await chat.say("13812345678")
    logs = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("bot"))
    assert GOOD_ID not in logs and "13812345678" not in logs
    assert "3201**********" in logs and "138****5678" in logs


async def test_second_form_is_prefilled_from_the_first(rt):
    chat = Chat(rt)
    draft = {
        "profile": {},
        "checked": ["技能大师工作室"],
        "filled": {"taicang_application": {"studio_name": "太仓市张建国数控车工技能大师工作室"}},
    }
    s = await session(rt)
    s.drafts[TAICANG] = Draft.model_validate(draft)
    await rt.state.commit_turn("test:zhang", s, "test", "", [], [])
    [menu] = await chat.say("我要填报太仓")
    assert menu.choices[0].label.endswith("（已填）")
    [offer] = await chat.say(payload="file:spec:taicang_members")  # offered, never copied silently
    assert "已填过1项信息（工作室名称）" in offer.text
    assert [c.label for c in offer.choices] == ["是", "否"]
    [first] = await chat.say(payload=offer.choices[0].payload)
    assert "第 1 位成员" in first.text  # studio name not asked again


async def test_answers_of_another_form_are_not_used_when_declined(rt):
    chat = Chat(rt)
    s = await session(rt)
    s.drafts[TAICANG] = Draft(
        checked=["技能大师工作室"],
        filled={"taicang_application": {"studio_name": "太仓市张建国数控车工技能大师工作室"}},
    )
    await rt.state.commit_turn("test:zhang", s, "test", "", [], [])
    await chat.say("我要填报太仓")
    await chat.say(payload="file:spec:taicang_members")
    [first] = await chat.say("否")
    assert "工作室名称" in first.text and "第 1 位成员" not in first.text
    assert "studio_name" not in (await chat.flow()).state.values


async def test_closed_round_is_said_before_the_first_question(rt):
    """无锡's round closed on 2021-04-25: said first, with the clause; nothing is asked
    until the applicant chooses to go on, and the choice is remembered."""
    chat = Chat(rt, past_closed=False)
    [guard] = await chat.say("无锡我能申报吗")
    assert guard.text.startswith("⚠ 无锡市本轮申报已于2021年4月25日截止")
    assert [c.label for c in guard.choices] == ["仍要继续", "暂不填写"]
    assert guard.sources and guard.sources[0].quote
    assert (await chat.flow()) is None
    [keep] = await chat.say(payload=guard.choices[1].payload)
    assert "草稿已保留" in keep.text and (await chat.flow()) is None
    [again] = await chat.say("无锡我能申报吗")
    [menu] = await chat.say(payload=again.choices[0].payload)
    assert "多个申报项目" in menu.text
    await chat.say("/cancel")
    [menu2] = await chat.say("无锡我能申报吗")  # not asked twice
    assert "多个申报项目" in menu2.text


async def test_open_round_starts_without_the_guard(rt):
    [first] = await Chat(rt, past_closed=False).say("我要填报太仓")
    assert "截止" not in first.text and first.choices


async def test_consent_is_asked_before_the_first_personal_number_and_refusal_keeps_the_draft(rt):
    chat = Chat(rt, consent=False)
    await to_field(
        chat, "birth_date", [*TAICANG_START, "太仓市张建国数控车工技能大师工作室", "张建国", "男"]
    )
    [ask] = await chat.say("1975年3月")  # the birth date is saved; the ID field comes next
    assert (
        "个人信息" in ask.text
        and "/forget" in ask.text
        and "工作人员和日志中均以*号遮盖" in ask.text
    )
    assert [c.payload for c in ask.choices] == ["file:consent:yes", "file:consent:no"]
    flow = await chat.flow()
    assert flow.await_consent and flow.state.current == "id_number"
    assert flow.state.values["birth_date"] == "1975-03"
    [again] = await chat.say(GOOD_ID)  # typed before agreeing: not taken
    assert "同意在线填写" in again.text and "id_number" not in (await chat.flow()).state.values
    [paused] = await chat.say(payload="file:consent:no")
    assert "已暂停" in paused.text and await chat.flow() is None
    assert (await session(rt)).drafts[TAICANG].state.values["leader_name"] == "张建国"  # kept
    assert "consent" not in (await session(rt)).data
    await chat.say("我要填报太仓")
    resumed = await chat.say("1")  # continue the draft: the notice again, then 同意 typed
    assert "同意在线填写" in resumed[-1].text and (await chat.flow()).await_consent
    [field] = await chat.say("同意")
    assert "身份证" in field.text and (await session(rt)).data["consent"] == TODAY.isoformat()
    await chat.say(GOOD_ID)
    assert (await chat.flow()).state.values["id_number"] == GOOD_ID
