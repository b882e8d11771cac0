"""Form specs: labels as printed on the notices' forms, valid validators, registry,
and the generic spec built from a parsed notice's attachment fields."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.spec import FieldSpec, FormSpec, GroupSpec
from flows.specs import generic_spec, get_spec, specs_for_notice
from flows.specs.curated import CuratedFormsError, apply_prompts, curated_files, parse_curated
from flows.validators import VALIDATORS
from knowledge.models import Attachment, FormField, Notice, NoticeMeta, Place

NOTICES = Path(__file__).resolve().parents[2] / "knowledge" / "notices"
SPECS_BY_NOTICE = {c.notice: c.forms for c in curated_files()}
REPORT_HEADINGS = {c.notice: c.outline for c in curated_files() if c.outline}
ALL_SPECS = [s for specs in SPECS_BY_NOTICE.values() for s in specs]
PROFILE_SLOTS = {
    "birth_date",
    "sex",
    "skill_level",
    "honours",
    "team_size",
    "studio_founded",
    "host_type",
}


def _printed(notice_id: str) -> str:
    return "".join((NOTICES / f"{notice_id}.txt").read_text(encoding="utf-8").split())


def _all_fields(spec: FormSpec) -> list[FieldSpec]:
    out: list[FieldSpec] = []
    for item in spec.items:
        out += item.fields if isinstance(item, GroupSpec) else [item]
    return out


def test_registry_covers_the_five_notices_with_their_forms() -> None:
    ids = {nid: [s.id for s in specs] for nid, specs in SPECS_BY_NOTICE.items()}
    assert ids == {
        "000_2e12cdb3a8cadbd3": ["taicang_application", "taicang_members", "taicang_report"],
        "001_d59e2d59539f7422": ["zhenjiang_application", "zhenjiang_assessment"],
        "002_776fcaae778a508b": ["lucheng_application"],
        "003_56cbf65dfd360609": ["wuxi_studio", "wuxi_chief_technician"],
        "004_bb816d0ae4b34579": ["shaoguan_application"],
    }
    assert set(REPORT_HEADINGS) == set(SPECS_BY_NOTICE)
    assert get_spec("wuxi_studio").title == "无锡市技能大师工作室申报表"
    with pytest.raises(KeyError):
        get_spec("nope")


@pytest.mark.parametrize("spec", ALL_SPECS, ids=lambda s: s.id)
def test_labels_and_official_cells_are_printed_on_the_notice(spec: FormSpec) -> None:
    printed = _printed(spec.notice_id)
    assert spec.title in printed
    for field in _all_fields(spec):
        assert field.label in printed, field.label
        assert "".join(field.label.split()) == field.label
    for cell in spec.signature_cells:
        assert cell in printed, cell


@pytest.mark.parametrize("spec", ALL_SPECS, ids=lambda s: s.id)
def test_fields_are_well_formed(spec: FormSpec) -> None:
    slots = {item.name for item in spec.items}
    for item in spec.items:
        if item.ask_if:
            assert item.ask_if.slot in slots
    for field in _all_fields(spec):
        assert field.validator in VALIDATORS, field.validator
        assert field.prompt and field.prompt[-1] in "？。）", field.prompt
        if field.validator == "choice":
            assert field.options
        for option in field.options:  # buttons: Telegram callback_data ≤ 64 bytes
            assert len(option.encode()) <= 64
    for group in spec.groups:
        assert 0 <= group.min_items <= group.max_items
        assert len({f.name for f in group.fields}) == len(group.fields)


def test_titles_are_unique_so_edit_finds_one_field() -> None:
    for spec in ALL_SPECS:
        titles = [f.title for f in spec.fields] + [g.title for g in spec.groups]
        assert len(set(titles)) == len(titles), spec.id


def test_profile_slot_names_are_shared_with_eligibility() -> None:
    used = {f.name for spec in ALL_SPECS for f in spec.fields}
    assert PROFILE_SLOTS <= used
    shaoguan = get_spec("shaoguan_application")
    assert shaoguan.find("单位性质").name == "host_type"  # type: ignore[union-attr]
    assert get_spec("wuxi_studio").find("工作室成立时间").name == "studio_founded"  # type: ignore[union-attr]
    assert get_spec("lucheng_application").find("出生年月").name == "birth_date"  # type: ignore[union-attr]


def test_member_tables_and_award_tables_follow_the_forms() -> None:
    zj = get_spec("zhenjiang_application")
    members = zj.item("members")
    assert isinstance(members, GroupSpec)
    assert [f.label for f in members.fields] == ["姓名", "职业资格", "年龄", "突出业绩"]
    awards = zj.item("awards")
    assert isinstance(awards, GroupSpec)
    assert [f.label for f in awards.fields] == [
        "获奖项目",
        "奖励名称",
        "授予单位",
        "等级",
        "排名",
        "年度",
    ]
    lc = get_spec("lucheng_application").item("members")
    assert isinstance(lc, GroupSpec) and lc.min_items == 3  # 不少于3人的技能人才团队
    wx = get_spec("wuxi_studio").item("members")
    assert isinstance(wx, GroupSpec) and wx.min_items == 4  # 团队成员不少于5人 incl. leader
    tc = get_spec("taicang_members").item("members")
    assert isinstance(tc, GroupSpec) and tc.layout == "records"
    assert tc.signature_cells == ["工作室意见"]


def test_leader_change_fields_are_conditional() -> None:
    zj = get_spec("zhenjiang_application")
    for name in ("previous_leader", "change_reason"):
        field = zj.item(name)
        assert field is not None and field.ask_if is not None
        assert field.ask_if.holds({"leader_change": True})
        assert not field.ask_if.holds({"leader_change": False})
        assert not field.ask_if.holds({})


def test_find_matches_name_display_and_printed_label() -> None:
    lc = get_spec("lucheng_application")
    assert lc.find("leader_mobile").name == "leader_mobile"  # type: ignore[union-attr]
    assert lc.find("领办人手机").name == "leader_mobile"  # type: ignore[union-attr]
    assert lc.find("职业 (工种)").name == "occupation"  # type: ignore[union-attr]
    assert lc.find("不存在的项目") is None


def _notice(attachments: list[Attachment]) -> Notice:
    place = Place(name="苏州市吴江区", city="苏州市", short="吴江")
    return Notice(
        id="009_abcdef",
        source="x.txt",
        sha256="0",
        meta=NoticeMeta(title="关于开展吴江区技能大师工作室申报的通知", place=place),
        attachments=attachments,
    )


def test_generic_spec_maps_known_labels_groups_and_signatures() -> None:
    fields = [
        FormField(label="工作室名称"),
        FormField(label="领办人姓名", section="领办人情况"),
        FormField(label="性别", section="领办人情况"),
        FormField(label="出生年月", section="领办人情况"),
        FormField(label="身份证号码", section="领办人情况"),
        FormField(label="联系电话", section="领办人情况"),
        FormField(label="手机", section="领办人情况"),
        FormField(label="E-mail", section="领办人情况"),
        FormField(label="文化程度", section="领办人情况"),
        FormField(label="职业技能等级", section="领办人情况"),
        FormField(label="工作室面积"),
        FormField(label="主要工作业绩"),
        FormField(label="姓名", repeated=True, group="工作室其他成员"),
        FormField(label="年龄", repeated=True, group="工作室其他成员"),
        FormField(label="职业资格", repeated=True, group="工作室其他成员"),
        FormField(label="单位意见", signature=True),
    ]
    notice = _notice(
        [
            Attachment(number="1", title="推荐名额分配表", line=1),
            Attachment(number="2", title="吴江区技能大师工作室申报表", line=9, fields=fields),
        ]
    )
    spec = generic_spec(notice)
    assert (spec.id, spec.notice_id, spec.title) == (
        "generic_009_abcdef",
        "009_abcdef",
        "吴江区技能大师工作室申报表",
    )
    assert spec.attachment == "附件2"
    by_label = {f.label: f for f in spec.fields}
    expect = {
        "领办人姓名": ("leader_name", "name"),
        "性别": ("sex", "sex"),
        "出生年月": ("birth_date", "year_month"),
        "身份证号码": ("id_number", "id_number"),
        "联系电话": (None, "phone"),
        "手机": (None, "mobile"),
        "E-mail": ("email", "email"),
        "文化程度": ("education", "education"),
        "职业技能等级": ("skill_level", "skill_level"),
        "工作室面积": (None, "area_m2"),
        "工作室名称": (None, "text"),
    }
    for label, (slot, validator) in expect.items():
        assert by_label[label].validator == validator, label
        if slot:
            assert by_label[label].name == slot
    assert by_label["主要工作业绩"].max_len == 2000
    assert by_label["领办人姓名"].section == "领办人情况"
    group = spec.groups[0]
    assert (group.name, group.label) == ("members", "工作室其他成员")
    assert [(f.name, f.validator) for f in group.fields] == [
        ("name", "name"),
        ("age", "integer"),
        ("skill_level", "skill_level"),
    ]
    assert spec.signature_cells == ["单位意见"]
    assert specs_for_notice(notice)[0].id == "generic_009_abcdef"
    assert get_spec("generic_009_abcdef", notice).title == spec.title


def test_generic_spec_falls_back_to_common_fields() -> None:
    notice = _notice([Attachment(number="", title="申报表", line=3, text="（略）")])
    spec = generic_spec(notice)
    names = [i.name for i in spec.items]
    for slot in (
        "studio_name",
        "leader_name",
        "sex",
        "birth_date",
        "id_number",
        "phone",
        "skill_level",
        "members",
        "awards",
    ):
        assert slot in names
    assert "苏州市吴江区" in spec.find("工作室名称").help  # type: ignore[union-attr]


def test_curated_forms_win_over_generated_ones() -> None:
    notice = _notice([])
    notice.id = "004_bb816d0ae4b34579"
    assert [s.id for s in specs_for_notice(notice)] == ["shaoguan_application"]
    reissued = _notice([])  # another id, the same 文号: the same curated file
    reissued.meta.doc_number = next(c.doc_number for c in curated_files() if c.notice == notice.id)
    assert [s.id for s in specs_for_notice(reissued)] == ["shaoguan_application"]


def test_curated_file_defaults_and_prompt_overrides() -> None:
    cur = parse_curated(
        """
notice: 009_abcdef
prompts:
  领办人姓名: {prompt: 领办人叫什么名字？, help: 写身份证上的名字。}
forms:
  - title: 某表
    items:
      - {name: id_number, label: 身份证号码, validator: id_number, prompt: 身份证号？}
      - {name: postcode, label: 邮编, validator: postcode, prompt: 邮编？}
      - {kind: group, name: members, label: 成员, fields: [{name: sex, label: 性别, validator: sex, prompt: 性别？}]}
""",
        "x.yaml",
    )
    form = cur.forms[0]
    assert form.id == "curated_009_abcdef_0" and form.notice_id == "009_abcdef"
    id_field, post = form.fields
    assert (
        id_field.help.startswith("18位") and post.validator == "text" and post.pattern == r"\d{6}"
    )
    members = form.item("members")
    assert isinstance(members, GroupSpec) and members.fields[0].options == ["男", "女"]
    generated = generic_spec(
        _notice(
            [Attachment(number="1", title="申报表", line=1, fields=[FormField(label="领办人姓名")])]
        )
    )
    fixed = apply_prompts(generated, cur.prompts)
    leader = fixed.find("领办人姓名")
    assert leader is not None and leader.prompt == "领办人叫什么名字？"
    assert generated.find("领办人姓名").prompt != "领办人叫什么名字？"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("forms: [", "不是有效的 YAML"),
        ("- a\n- b", "顶层应为键值表"),
        ("forms:\n  - {title: 表, items: [{name: x, label: 甲}]}", "prompt"),
    ],
)
def test_a_malformed_curated_file_is_reported_with_its_name_and_reason(
    text: str, reason: str
) -> None:
    with pytest.raises(CuratedFormsError) as err:
        parse_curated(text, "bad.yaml")
    assert "bad.yaml" in str(err.value) and reason in str(err.value)
