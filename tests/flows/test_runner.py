"""The form runner: scripted fills of the five main forms through ``advance()``."""

from __future__ import annotations

import json

import pytest
from form_driver import BAD_ID, FEMALE_ID, MALE_ID, MOBILE, default_input, fill

from flows.runner import FormInput, FormState, InputKind, Phase, StepResult, advance, pending, start
from flows.spec import FieldSpec, FormSpec, GroupSpec
from flows.specs import get_spec

MAIN_FORMS = [
    "taicang_application",
    "zhenjiang_application",
    "lucheng_application",
    "wuxi_studio",
    "shaoguan_application",
]


def send(spec: FormSpec, result: StepResult, raw: str) -> StepResult:
    return advance(spec, result.state, FormInput.parse(raw))


def _phone_field(spec: FormSpec) -> FieldSpec:
    return next(f for f in spec.fields if f.validator in ("phone", "mobile") and f.required)


@pytest.mark.parametrize("spec_id", MAIN_FORMS)
def test_scripted_fill_of_main_form(spec_id: str) -> None:
    spec = get_spec(spec_id)
    res = start(spec)
    assert "开始填写" in res.prompt and res.progress.startswith("第 1/")
    first = res.state.current

    res = send(spec, res, "/skip")  # the first field is required
    assert "必填" in res.error and res.state.current == first

    done: set[str] = set()
    answered = 0
    while res.state.phase == Phase.FILLING:
        item, col = pending(spec, res.state)  # type: ignore[misc]
        key = res.state.current
        if col is not None and col.validator == "id_number" and "bad_id" not in done:
            res = send(spec, res, BAD_ID)
            assert "校验位" in res.error
            assert res.state.current == key and res.state.failures[key] == 1
            assert "id_number" not in res.state.values
            assert res.prompt.endswith("（18位）。")  # the same field asked again
            done.add("bad_id")
            continue
        if "back" not in done and answered == 3 and item is col:
            previous = res.state.history[-1]["key"]
            res = send(spec, res, "/back")
            assert res.state.current == previous and previous not in res.state.values
            assert "已返回上一步" in res.prompt
            done.add("back")
            continue
        if col is not None and not col.required and "skip" not in done:
            assert any(c.payload == "/skip" for c in res.choices)
            res = send(spec, res, "/skip")
            assert res.state.values.get(col.name, "absent") is None or (isinstance(item, GroupSpec))
            done.add("skip")
            continue
        res = send(spec, res, default_input(spec, res, rows=2))
        assert not res.error, (key, res.error)
        answered += 1

    assert {"bad_id", "back"} <= done
    assert res.state.phase == Phase.REVIEW and "共" in res.progress
    for group in spec.groups:
        assert len(res.state.values[group.name]) == max(2, group.min_items)
    # review screen: masked, with /edit and /confirm
    assert "3201**********0019" in res.prompt and MALE_ID not in res.prompt
    assert "138****5678" in res.prompt and MOBILE not in res.prompt
    assert "/edit" in res.prompt and [c.payload for c in res.choices][0] == "/confirm"

    phone = _phone_field(spec)
    res = send(spec, res, f"/edit {phone.title}")
    assert res.state.phase == Phase.FILLING and res.state.current == phone.name
    assert "原填写：138****5678" in res.prompt
    res = send(spec, res, "139 0000 1111")
    assert res.state.phase == Phase.REVIEW
    assert res.state.values[phone.name] == "13900001111" and "139****1111" in res.prompt

    res = send(spec, res, "/confirm")
    assert res.done and res.state.phase == Phase.DONE
    assert "skip" in done or not any(not f.required for f in spec.fields)


def test_member_record_form_with_two_members_and_back_across_rows() -> None:
    spec = get_spec("taicang_members")
    res = send(spec, start(spec), "太仓市张三数控车工技能大师工作室")
    assert "【工作室成员 · 第 1 位成员】" in res.prompt and "每位成员填写一张备案表" in res.prompt
    res = send(spec, res, "李四")
    res = send(spec, res, "/back")
    assert res.state.current == "members.name" and res.state.item == {}
    res = send(spec, res, "/back")  # leaves the row: back to the studio name
    assert res.state.current == "studio_name" and res.state.item is None
    res, _ = fill(spec, rows=2)
    rows = res.state.values["members"]
    assert [r["name"] for r in rows] == ["李四", "王五"]
    assert rows[0]["birth_date"] == "1980-01" and rows[0]["education"] == "大学本科"


def test_group_menu_add_done_and_delete_when_editing() -> None:
    spec = get_spec("zhenjiang_application")

    def hook(spec: FormSpec, res: StepResult) -> str | None:
        if res.state.current == "members":
            assert [c.payload for c in res.choices] == ["/add", "/done"]
            assert "再添加一位" in [c.label for c in res.choices]
        return None

    res, _ = fill(spec, rows=2, hook=hook)
    res = send(spec, res, "/edit 技能大师工作室其他成员")
    assert res.state.current == "members"
    assert "/del 2" in [c.payload for c in res.choices]
    res = send(spec, res, "/del 1")
    assert [r["name"] for r in res.state.values["members"]] == ["王五"]
    res = send(spec, res, "/back")  # undo the delete
    assert [r["name"] for r in res.state.values["members"]] == ["李四", "王五"]
    res = send(spec, res, "完成")
    assert res.state.phase == Phase.REVIEW and "技能大师工作室其他成员（2 条）" in res.prompt


def test_leader_change_questions_only_for_a_change_of_leader() -> None:
    spec = get_spec("zhenjiang_application")
    res, _ = fill(spec)
    assert res.state.values["leader_change"] is False
    assert "原领衔人或原单位名称" not in res.prompt
    total = res.progress
    res = send(spec, res, "/edit 领衔人变更")
    res = send(spec, res, "是")
    assert res.state.current == "previous_leader" and res.progress != total
    res = send(spec, res, "王师傅")
    assert [c.label for c in res.choices] == ["退休", "调离", "其它"]
    res = send(spec, res, "调离")
    assert res.state.phase == Phase.REVIEW and "变更原因：调离" in res.prompt


def test_id_number_is_checked_against_sex_and_birth_date() -> None:
    spec = get_spec("taicang_application")
    res = start(spec, {"studio_name": "太仓市张三数控车工技能大师工作室", "leader_name": "张三"})
    assert res.state.current == "sex"
    res = send(spec, send(spec, res, "男"), "1980年1月")
    assert res.state.values["birth_date"] == "1980-01"
    res = send(spec, res, FEMALE_ID)
    assert "性别" in res.error and res.state.current == "id_number"
    res = send(spec, res, MALE_ID)
    assert res.state.values["id_number"] == MALE_ID and res.state.current == "phone"


def test_three_failures_offer_help_skip_and_handoff() -> None:
    spec = get_spec("lucheng_application")
    res = start(spec)
    while res.state.current != "legal_rep_office_phone":
        res = send(spec, res, default_input(spec, res, 2))
    for _ in range(2):
        res = send(spec, res, "abc")
        assert res.error and "查看填写说明" not in [c.label for c in res.choices]
    res = send(spec, res, "abc")
    assert [c.payload for c in res.choices] == ["/help", "/skip", "/handoff"]
    helped = send(spec, res, "/help")
    assert "区号" in helped.prompt and helped.state.current == "legal_rep_office_phone"
    handed = send(spec, res, "/handoff")
    assert handed.handoff and handed.state.values == res.state.values
    required = get_spec("taicang_application")
    res = start(required, {"studio_name": "太仓市张三车工技能大师工作室", "leader_name": "张三"})
    res = send(required, send(required, res, "男"), "1980-01")
    for _ in range(3):
        res = send(required, res, BAD_ID)
    assert [c.label for c in res.choices] == ["查看填写说明", "转人工"]


def test_state_json_round_trip_mid_group() -> None:
    spec = get_spec("wuxi_studio")
    res = start(spec)
    while res.state.current != "members.age":
        res = send(spec, res, default_input(spec, res, 2))
    raw = res.state.model_dump_json()
    restored = FormState.model_validate_json(raw)
    assert restored == res.state
    assert json.loads(raw)["item"] == {"name": "李四"}
    assert json.loads(raw)["values"]["filled_on"] == "2023-05-20"  # date → ISO string
    a = advance(spec, restored, FormInput.parse("41"))
    b = advance(spec, res.state, FormInput.parse("41"))
    assert a == b and a.state.item == {"name": "李四", "age": 41}


def test_advance_is_pure() -> None:
    spec = get_spec("shaoguan_application")
    res = start(spec)
    before = res.state.model_dump()
    advance(spec, res.state, FormInput.parse("韶关某某公司"))
    assert res.state.model_dump() == before


def test_commands_confirm_review_status_cancel() -> None:
    spec = get_spec("shaoguan_application")
    res = send(spec, start(spec), "韶关某某公司")
    early = send(spec, res, "/confirm")
    assert "未填写" in early.error and not early.done
    status = send(spec, res, "/status")
    assert "第 2/" in status.prompt and status.state.current == "studio_occupation"
    review = send(spec, res, "/review")
    assert "申报单位：韶关某某公司" in review.prompt and review.state.phase == Phase.FILLING
    assert send(spec, res, "/edit 身份证号").error  # not filled yet
    assert send(spec, res, "/edit 不存在").error
    cancelled = send(spec, res, "/cancel")
    assert cancelled.cancelled and cancelled.state.phase == Phase.CANCELLED
    assert send(spec, start(spec), "/back").error == "已经是第一项了。"


def test_input_parsing() -> None:
    assert FormInput.parse("/edit 联系电话") == FormInput(kind=InputKind.EDIT, text="联系电话")
    assert FormInput.parse("／back").kind == InputKind.BACK
    assert FormInput.parse("/del 2") == FormInput(kind=InputKind.DELETE, text="2")
    assert FormInput.parse("/unknown x").kind == InputKind.TEXT
    assert FormInput.parse("张三").text == "张三"


def test_postcode_pattern_and_choice_buttons() -> None:
    spec = get_spec("taicang_application")
    res = start(spec)
    while res.state.current != "postcode":
        res = send(spec, res, default_input(spec, res, 2))
    assert send(spec, res, "21540").error == "邮政编码应为6位数字。"
    res = start(get_spec("shaoguan_application"))
    assert res.choices == []
    spec = get_spec("shaoguan_application")
    while res.state.current != "host_type":
        res = send(spec, res, default_input(spec, res, 2))
    assert [c.payload for c in res.choices][:2] == ["企业", "职业院校"]
    assert send(spec, res, "职业院校").state.values["host_type"] == "职业院校"


def test_prefill_from_self_check_profile() -> None:
    spec = get_spec("shaoguan_application")
    profile = {
        "sex": "女",
        "birth_date": "1985-03",
        "honours": ["广东省技术能手", "韶关工匠"],
        "team_size": 4,
        "host_type": "企业",
        "same_major_exists": False,
    }
    res = start(spec, profile)
    values = res.state.values
    assert values["honours"] == "广东省技术能手、韶关工匠"
    assert "same_major_exists" not in values and values["team_size"] == 4
    res, _ = fill(spec)
    assert "工作室人员：35人（不含领办人）" in res.prompt


def test_masks_on_review_screens() -> None:
    from flows.review import mask_id, mask_phone, mask_value

    assert mask_id(MALE_ID) == "3201**********0019"
    assert mask_phone("13856785678") == "138****5678"
    assert mask_phone("0512-53542494") == "0512-****2494"
    card = get_spec("wuxi_studio").find("本人银行卡号")
    assert isinstance(card, FieldSpec)
    assert mask_value(card, "6222 0202 0011 2233 445") == "6222***********3445"
    area = get_spec("shaoguan_application").find("工作室面积")
    assert isinstance(area, FieldSpec) and mask_value(area, 120.0) == "120平方米"


def test_flow_modules_do_not_import_bot() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "flows"
    mine = ["spec.py", "runner.py", "form_state.py", "review.py", "documents.py"]
    sources = [root / m for m in mine] + sorted((root / "specs").glob("*.py"))
    for path in sources:
        text = path.read_text(encoding="utf-8")
        assert "import bot" not in text and "from bot" not in text, path
