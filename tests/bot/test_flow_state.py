"""Typed filing state (bot/flow_state.py): sessions saved as dicts by older versions load
into the models, what is saved round-trips, and an old session goes on through the engine."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from test_filing_e2e import GOOD_ID

from bot.app import build_runtime
from bot.channels.memory import MemoryChannel
from bot.flow_state import CheckFlow, CondFlow, Draft, FormFlow, ReuseFlow, load_flow
from bot.settings import load_settings
from bot.storage import Session
from flows.form_state import Phase

TAICANG, SHAOGUAN = "000_2e12cdb3a8cadbd3", "004_bb816d0ae4b34579"

# saved by the dict-based code (bot/filing*.py before the typed state): 太仓's form
# waiting for consent before the ID number, and its draft
OLD_FORM_SESSION = """{"notice_id": "000_2e12cdb3a8cadbd3", "pending_question": "",
"last_question": "", "choices": {"1": "file:consent:yes", "2": "file:consent:no"},
"flow": {"kind": "form", "notice_id": "000_2e12cdb3a8cadbd3", "spec_id": "taicang_application",
 "state": {"spec_id": "taicang_application", "phase": "filling", "values": {"studio_name":
 "太仓市张建国数控车工技能大师工作室", "leader_name": "张建国", "sex": "男", "birth_date": "1975-03"},
 "current": "id_number", "group": "", "item": null, "done_groups": [], "failures": {},
 "history": [{"op": "set", "key": "studio_name", "user": true}, {"op": "set", "key":
 "leader_name", "user": true}, {"op": "set", "key": "sex", "user": true}, {"op": "set", "key":
 "birth_date", "user": true}], "editing": ""}, "opts": {}, "await_consent": true},
"drafts": {"000_2e12cdb3a8cadbd3": {"profile": {"skill_level": "一级/高级技师",
 "achievement_types": ["有重大技术发明或者重大技术革新成果"], "host_type": "企业",
 "training_funds_share": 35.0}, "checked": ["技能大师工作室"], "spec_id": "taicang_application",
 "state": {"spec_id": "taicang_application", "phase": "filling", "values": {"studio_name":
 "太仓市张建国数控车工技能大师工作室", "leader_name": "张建国", "sex": "男", "birth_date": "1975-03"},
 "current": "id_number", "group": "", "item": null, "done_groups": [], "failures": {},
 "history": [], "editing": ""}},
 "003_56cbf65dfd360609": {"closed_ok": true}}, "data": {}}"""

OLD_CHECK_FLOW = {
    "kind": "check",
    "notice_id": SHAOGUAN,
    "programme": "技能大师工作室",
    "profile": {"skill_level": "二级/技师"},
    "answered": ["skill_level"],
    "skipped": [],
    "current": "qualified_members",
    "spec_id": "",
    "opts": {},
}
OLD_COND_FLOW = {"kind": "cond", "notice_id": TAICANG, "pending": ["校企合作协议书"], "opts": {}}
OLD_REUSE_FLOW = {"kind": "reuse", "notice_id": TAICANG, "spec_id": "taicang_members"}
OLD_DONE_DRAFT = {  # a finished form: spec_id and state cleared, answers to conditions
    "profile": {},
    "checked": ["技能大师工作室"],
    "filled": {"taicang_application": {"studio_name": "太仓市张建国数控车工技能大师工作室"}},
    "spec_id": None,
    "state": None,
    "answers": {"校企合作协议书": False},
}


def round_trip(session: Session) -> Session:
    return Session.model_validate_json(session.model_dump_json())


def test_an_old_form_session_loads_typed_and_round_trips():
    session = Session.model_validate_json(OLD_FORM_SESSION)
    flow = session.flow
    assert isinstance(flow, FormFlow) and flow.await_consent and flow.opts == {}
    assert flow.state is not None and flow.state.current == "id_number"
    assert flow.state.phase is Phase.FILLING and flow.state.values["sex"] == "男"
    draft = session.drafts[TAICANG]
    assert (
        isinstance(draft, Draft) and draft.state is not None and draft.checked == ["技能大师工作室"]
    )
    assert draft.profile["training_funds_share"] == 35.0 and draft.filled == {}
    assert session.drafts["003_56cbf65dfd360609"] == Draft(closed_ok=True)
    assert round_trip(session) == session
    saved = json.loads(session.model_dump_json())
    old = json.loads(OLD_FORM_SESSION)
    assert saved["flow"] == old["flow"]  # the same JSON as the dict-based code wrote
    assert old["drafts"][TAICANG].items() <= saved["drafts"][TAICANG].items()


def test_every_old_flow_kind_loads_as_its_model_and_round_trips():
    for raw, model in [
        (OLD_CHECK_FLOW, CheckFlow),
        (OLD_COND_FLOW, CondFlow),
        (OLD_REUSE_FLOW, ReuseFlow),
    ]:
        session = Session.model_validate({"flow": raw, "drafts": {TAICANG: OLD_DONE_DRAFT}})
        assert type(session.flow) is model
        assert round_trip(session) == session
        assert raw.items() <= json.loads(session.model_dump_json())["flow"].items()
    check = load_flow(OLD_CHECK_FLOW)
    assert isinstance(check, CheckFlow) and check.current == "qualified_members"
    done = Draft.model_validate(OLD_DONE_DRAFT)
    assert done.answers == {"校企合作协议书": False} and done.merged() == {
        "studio_name": "太仓市张建国数控车工技能大师工作室"
    }


def test_a_form_flow_saved_before_its_first_step_has_no_state():
    flow = load_flow({"kind": "form", "notice_id": TAICANG, "spec_id": "x", "state": {}})
    assert isinstance(flow, FormFlow) and flow.state is None


def test_an_unreadable_flow_or_draft_is_dropped_not_the_session():
    session = Session.model_validate(
        {
            "notice_id": TAICANG,
            "flow": {"kind": "wizard", "notice_id": TAICANG},
            "drafts": {TAICANG: {"state": 5}, SHAOGUAN: OLD_DONE_DRAFT},
        }
    )
    assert session.flow is None and session.notice_id == TAICANG
    assert list(session.drafts) == [SHAOGUAN]
    assert Session.model_validate({"flow": {"kind": "check"}}).flow is None  # fields missing


async def test_an_old_session_in_the_database_goes_on_where_it_stood(tmp_path: Path):
    settings = load_settings(
        {}, db=tmp_path / "kb.db", today=dt.date(2024, 6, 1), rate_limit_per_minute=0
    )
    async with build_runtime(settings) as rt:
        await rt.state.database.execute(
            "INSERT INTO sessions (key, data, updated_at) VALUES (?, ?, ?)",
            ("test:zhang", OLD_FORM_SESSION, "2024-06-01T00:00:00+00:00"),
        )
        chat = MemoryChannel(rt.engine)
        [field] = await chat.push("1")  # 同意, the numbered option saved with the session
        assert "身份证" in field.text
        await chat.push(GOOD_ID)
        flow = await chat.flow()
        assert isinstance(flow, FormFlow) and flow.state is not None
        assert flow.state.values["id_number"] == GOOD_ID
        draft = (await chat.session()).drafts[TAICANG]
        assert draft.state == flow.state and draft.profile["host_type"] == "企业"
