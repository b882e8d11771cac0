"""镇江市 forms (notice ``001_d59e2d59539f7422``, 镇人社函〔2023〕69号).

附件1 申报表 (with the 领衔人变更 row asked only for a change of leader, 通知 二、)
and 附件3 评估考核表 for studios recognised since 2012 (通知 三、).
"""

from __future__ import annotations

from flows.spec import FormKind, FormSpec, GroupSpec
from flows.specs.common import (
    area,
    awards_group,
    education,
    email,
    ethnicity,
    fld,
    id_number,
    landline,
    long_text,
    person_name,
    phone,
    political,
    postcode,
    sex,
    skill_level,
    team_size,
    when,
    year_month,
    yes_no,
)

NOTICE_ID = "001_d59e2d59539f7422"
COVER = "封面"
TABLE = "申报表"

APPLICATION = FormSpec(
    id="zhenjiang_application",
    notice_id=NOTICE_ID,
    title="镇江市技能大师工作室申报表",
    attachment="附件1",
    sections=[COVER, TABLE],
    items=[
        fld("applicant_org", "申报单位", "申报单位的全称？", section=COVER),
        fld(
            "studio_name",
            "工作室名称",
            "工作室的名称？",
            section=COVER,
            help="如：镇江市张三焊工技能大师工作室。",
        ),
        fld(
            "studio_field",
            "工作室工作领域",
            "工作室的工作领域？（如：数控加工）",
            section=COVER,
        ),
        person_name("leader_name", "领衔人（创办人）", "领衔人（创办人）", section=TABLE),
        sex(who="领衔人", section=TABLE),
        ethnicity(who="领衔人", section=TABLE),
        political(who="领衔人", section=TABLE),
        fld("employer", "工作单位", "领衔人的工作单位？", section=TABLE),
        phone("phone", "联系电话", "领衔人", section=TABLE),
        fld("studio_address", "工作室地点", "工作室在什么地点？", section=TABLE),
        area("studio_area", "办公面积", section=TABLE),
        education("学历（学位）", who="领衔人", section=TABLE),
        year_month(
            "work_start", "参加工作时间", "领衔人何时参加工作？（如：1995-07）", section=TABLE
        ),
        fld("occupation", "从事职业（工种）", "领衔人从事的职业（工种）？", section=TABLE),
        fld(
            "admin_post",
            "行政职务",
            "领衔人的行政职务？（没有可发送 /skip）",
            required=False,
            section=TABLE,
        ),
        skill_level("职业资格", who="领衔人", section=TABLE),
        id_number("身份证号", who="领衔人", section=TABLE),
        fld("postal_address", "通讯地址", "通讯地址？", section=TABLE),
        postcode("postcode", "邮编", section=TABLE),
        yes_no(
            "leader_change",
            "领衔人变更",
            "本次申报是否属于“领衔人变更认定”（原领衔人退休、调离，或领衔人调到本市新单位）？",
            help="通知 二、：上年度考核合格的工作室，领衔人退休、调离的，由符合条件的"
            "同职业人员接任；或领衔人调动到本市新单位的。",
            section=TABLE,
        ),
        fld(
            "previous_leader",
            "原领衔人或原单位名称",
            "原领衔人姓名或原单位名称？",
            section=TABLE,
            ask_if=when("leader_change"),
        ),
        fld(
            "change_reason",
            "变更原因",
            "领衔人变更的原因？",
            "choice",
            options=["退休", "调离", "其它"],
            section=TABLE,
            ask_if=when("leader_change"),
        ),
        GroupSpec(
            name="members",
            label="技能大师工作室其他成员",
            item_label="成员",
            prompt="下面填写工作室其他成员（领衔人之外），每位一行；人员较多可另附表。",
            section=TABLE,
            min_items=1,
            fields=[
                person_name("name", "姓名", "该成员"),
                skill_level("职业资格", who="该成员"),
                fld("age", "年龄", "该成员的年龄？", "integer", min=16, max=80),
                fld("achievements", "突出业绩", "该成员的突出业绩？（一两句话）", max_len=500),
            ],
        ),
        long_text(
            "achievements",
            "领办或创办人主要工作业绩",
            "请简述领衔人的主要工作业绩（可另附页详细阐述）。",
            section=TABLE,
        ),
        awards_group("awards", "领办或创办人主要获奖情况", section=TABLE),
        long_text(
            "org_profile",
            "技能大师所在单位简介",
            "请简介技能大师所在单位（包括生产、科研以及高技能人才队伍情况）。",
            section=TABLE,
        ),
        long_text(
            "support_measures",
            "所在单位对技能大师工作室支持措施",
            "所在单位对工作室有哪些支持措施？",
            section=TABLE,
        ),
        long_text(
            "work_plan",
            "技能大师工作室今后工作开展计划",
            "工作室今后的工作开展计划？",
            section=TABLE,
        ),
    ],
    signature_cells=[
        "申报单位意见",
        "辖市区人力资源和社会保障局（主管部门）审核推荐意见",
        "市评审专家意见",
        "市人力资源和社会保障局审批意见",
    ],
)

A_COVER = "封面"
A_STUDIO = "工作室情况"
A_MASTER = "技能大师情况"

ASSESSMENT = FormSpec(
    id="zhenjiang_assessment",
    notice_id=NOTICE_ID,
    title="镇江市技能大师工作室评估考核表",
    attachment="附件3",
    kind=FormKind.ASSESSMENT,
    sections=[A_COVER, A_STUDIO, A_MASTER],
    items=[
        fld("studio_name", "工作室名称", "工作室的名称？", section=A_COVER),
        fld("occupation", "职业(工种)", "工作室的职业（工种）？", section=A_COVER),
        fld("filled_on", "填报时间", "填报时间？（如：2023-05-20）", "date", section=A_COVER),
        fld("applied_name", "申报工作室名称", "认定时的申报工作室名称？", section=A_STUDIO),
        person_name("head_name", "负责人", "工作室负责人", section=A_STUDIO),
        phone("head_phone", "联系电话", "负责人的", display="负责人联系电话", section=A_STUDIO),
        person_name("contact_name", "联系人", "联系人", section=A_STUDIO),
        phone("contact_phone", "联系电话", "联系人的", display="联系人联系电话", section=A_STUDIO),
        email("email", "E-mail", section=A_STUDIO),
        landline("fax", "传真", required=False, section=A_STUDIO),
        fld("postal_address", "通信地址", "通信地址？", section=A_STUDIO),
        postcode("postcode", "邮政编码", section=A_STUDIO),
        fld(
            "bank_account",
            "开户银行及资金账号",
            "开户行名称和账号？（如：工商银行镇江分行 6222…）",
            sensitive=True,
            section=A_STUDIO,
        ),
        person_name("leader_name", "技能大师姓名", "技能大师", section=A_MASTER),
        sex(who="技能大师", section=A_MASTER),
        id_number("身份证号", who="技能大师", section=A_MASTER),
        year_month("work_start", "参加工作时间", "技能大师何时参加工作？", section=A_MASTER),
        political(who="技能大师", section=A_MASTER),
        ethnicity(who="技能大师", section=A_MASTER),
        fld("employer_post", "工作单位及职务", "技能大师的工作单位及职务？", section=A_MASTER),
        fld(
            "master_occupation",
            "从事职业（工种）",
            "技能大师从事的职业（工种）？",
            section=A_MASTER,
        ),
        skill_level("职业技能等级", who="技能大师", section=A_MASTER),
        fld("honours", "获得最高荣誉", "技能大师获得的最高荣誉？", section=A_MASTER),
        phone("phone", "联系电话", "技能大师的", display="技能大师联系电话", section=A_MASTER),
        fld("studio_address", "工作室地点", "工作室在什么地点？", section=A_MASTER),
        area("studio_area", "工作室面积", section=A_MASTER),
        long_text("facilities", "工作室主要设施", "工作室有哪些主要设施？", section=A_MASTER),
        team_size("工作室人员", section=A_MASTER),
        long_text(
            "recent_work",
            "近3年来技能大师工作室的基础保障、技术成果、技术交流、带徒传艺、日常管理等（可另附页）",
            "请简述近3年来工作室的基础保障、技术成果、技术交流、带徒传艺、日常管理等情况。",
            section=A_MASTER,
        ),
        long_text(
            "annual_plan",
            "技能大师工作室年度工作计划（可另附页）",
            "工作室的年度工作计划？",
            section=A_MASTER,
        ),
        long_text(
            "other",
            "其他情况说明",
            "还有其他情况需要说明吗？",
            required=False,
            section=A_MASTER,
        ),
    ],
    signature_cells=[
        "单位意见",
        "辖市、区人力资源社会保障部门（主管部门）初审意见",
        "专家组评审意见",
    ],
)

SPECS = [APPLICATION, ASSESSMENT]
