"""温州市鹿城区 form (notice ``002_776fcaae778a508b``): the single 申报表.

Sections as printed: 申报单位基本情况 / 领办人基本情况 / 工作室成员情况. The team
must have at least 3 members besides the leader (通知 一、（一）).
"""

from __future__ import annotations

from flows.spec import FormSpec, GroupSpec
from flows.specs.common import (
    birth,
    education,
    email,
    ethnicity,
    fld,
    id_number,
    landline,
    long_text,
    member_row,
    mobile,
    person_name,
    political,
    postcode,
    sex,
    skill_level,
)

NOTICE_ID = "002_776fcaae778a508b"
ORG = "申报单位基本情况"
LEADER = "领办人基本情况"
TEAM = "工作室成员情况"

APPLICATION = FormSpec(
    id="lucheng_application",
    notice_id=NOTICE_ID,
    title="温州市鹿城区技能大师工作室申报表",
    sections=[ORG, LEADER, TEAM],
    naming_pattern="温州市鹿城区+领办人名字+职业工种名称+技能大师工作室",
    items=[
        fld("org_name", "单位全称", "申报单位的全称？", section=ORG),
        person_name("legal_rep", "法人代表", "法人代表", section=ORG),
        landline(
            "legal_rep_office_phone",
            "办电",
            "法人代表的",
            display="法人代表办电",
            required=False,
            section=ORG,
        ),
        mobile("legal_rep_mobile", "手机", "法人代表的", display="法人代表手机", section=ORG),
        person_name("contact_name", "联系人", "联系人", section=ORG),
        landline(
            "contact_office_phone",
            "办电",
            "联系人的",
            display="联系人办电",
            required=False,
            section=ORG,
        ),
        mobile("contact_mobile", "手机", "联系人的", display="联系人手机", section=ORG),
        landline("fax", "传真电话", required=False, section=ORG),
        email("email", "电子邮箱", section=ORG),
        fld("postal_address", "通信地址", "申报单位的通信地址？", section=ORG),
        postcode("postcode", "邮编", section=ORG),
        long_text(
            "org_profile",
            "单位简介",
            "请简介申报单位（包括生产、科研以及高技能人才队伍情况）。",
            section=ORG,
        ),
        person_name("leader_name", "姓名", "领办人", display="领办人姓名", section=LEADER),
        sex(section=LEADER),
        ethnicity(section=LEADER),
        birth(section=LEADER),
        political(section=LEADER),
        education("学历", section=LEADER),
        fld("occupation", "职业（工种）", "领办人的职业（工种）？", section=LEADER),
        skill_level("职业资格等级", section=LEADER),
        fld("post_title", "职务（职称）", "领办人的职务（职称）？", section=LEADER),
        id_number("身份证号码", section=LEADER),
        landline(
            "leader_office_phone",
            "办电",
            "领办人的",
            display="领办人办电",
            required=False,
            section=LEADER,
        ),
        mobile("leader_mobile", "手机", "领办人的", display="领办人手机", section=LEADER),
        long_text("career", "工作简历", "请简述领办人的工作简历。", section=LEADER),
        long_text(
            "skills_and_achievements",
            "技能特长和工作业绩",
            "领办人的技能特长和工作业绩？",
            section=LEADER,
        ),
        long_text(
            "honours",
            "区级以上获奖情况",
            "领办人获得过哪些区级以上奖项或称号？",
            help="如：温州市技术能手、鹿城区首席技师；写名称、授予单位和年份。",
            section=LEADER,
        ),
        GroupSpec(
            name="members",
            label="工作室成员情况",
            item_label="成员",
            prompt="下面填写工作室成员（领办人之外，需为申报单位人员，不少于3人），每位一行。",
            section=TEAM,
            min_items=3,
            fields=member_row(
                with_sex=True,
                with_education=True,
                occupation_label="职业（工种）",
                qualification_label="职业资格等级",
                specialty_label="技能特长",
                achievement_label="主要业绩",
            ),
        ),
    ],
    signature_cells=["区人力社保局（区级主管部门、行业协会）审核意见"],
)

SPECS = [APPLICATION]
