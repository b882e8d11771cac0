"""韶关市 form (notice ``004_bb816d0ae4b34579``, 韶人社函〔2022〕46号): the 申请表.

The leader and at least 3 main members must hold 技师 or above (方案 一、).
"""

from __future__ import annotations

from flows.spec import FormSpec
from flows.specs.common import (
    area,
    birth,
    email,
    ethnicity,
    fld,
    id_number,
    landline,
    long_text,
    mobile,
    person_name,
    phone,
    political,
    postcode,
    sex,
    skill_level,
    team_size,
    year_month,
)

NOTICE_ID = "004_bb816d0ae4b34579"
COVER = "封面"
ORG = "申报单位"
MASTER = "技能大师及工作室"

# Superset of the self-check's host types (企业 / 职业院校 / 其他), same spelling.
HOST_TYPES = ["企业", "职业院校", "行业协会", "高技能公共实训基地", "其他"]

APPLICATION = FormSpec(
    id="shaoguan_application",
    notice_id=NOTICE_ID,
    title="韶关市技能大师工作室申请表",
    sections=[COVER, ORG, MASTER],
    items=[
        fld("applicant_org", "申报单位", "申报单位的全称？", section=COVER),
        fld("studio_occupation", "工作室职业（工种）", "工作室的职业（工种）？", section=COVER),
        fld("filled_on", "填报时间", "填报时间？（如：2022-05-10）", "date", section=COVER),
        fld("org_name", "申报单位名称", "申报单位名称（与公章一致）？", section=ORG),
        fld(
            "host_type",
            "单位性质",
            "申报单位的性质？",
            "choice",
            options=HOST_TYPES,
            help="方案 一、：依托企业、行业协会、技工（职业）院校和高技能公共实训基地领办。",
            section=ORG,
        ),
        person_name("head_name", "负责人", "单位负责人", section=ORG),
        landline("head_phone", "办公电话", "负责人的", display="负责人办公电话", section=ORG),
        person_name("contact_name", "联系人", "联系人", section=ORG),
        landline(
            "contact_phone",
            "办公电话",
            "联系人的",
            display="联系人办公电话",
            section=ORG,
        ),
        mobile("contact_mobile", "手机", "联系人的", display="联系人手机", section=ORG),
        email("email", "E-mail", section=ORG),
        landline("fax", "传真", required=False, section=ORG),
        fld("postal_address", "通信地址", "通信地址？", section=ORG),
        postcode("postcode", "邮政编码", section=ORG),
        fld(
            "bank_account",
            "开户银行及账号",
            "开户银行及账号？",
            sensitive=True,
            section=ORG,
        ),
        person_name("leader_name", "技能大师领办人", "技能大师领办人", section=MASTER),
        sex(section=MASTER),
        ethnicity(section=MASTER),
        birth(section=MASTER),
        year_month("work_start", "参加工作时间", "领办人何时参加工作？", section=MASTER),
        political(section=MASTER),
        id_number("身份证号", section=MASTER),
        fld("employer_post", "工作单位及职务", "领办人的工作单位及职务？", section=MASTER),
        fld("occupation", "从事职业（工种）", "领办人从事的职业（工种）？", section=MASTER),
        skill_level("职业技能等级", section=MASTER),
        fld(
            "honours",
            "获何种技术能手称号",
            "领办人获得过何种技术能手称号？（没有可发送 /skip）",
            required=False,
            section=MASTER,
        ),
        phone("phone", "联系电话", "领办人", section=MASTER),
        fld("studio_address", "工作室地点", "工作室在什么地点？", section=MASTER),
        area("studio_area", "工作室面积", section=MASTER),
        long_text("facilities", "工作室基本设施", "工作室有哪些基本设施？", section=MASTER),
        team_size(
            "工作室人员",
            section=MASTER,
            help="方案 一、：领办人及主要成员有3名均具备技师以上资质。只填人数，例如 4。",
        ),
        long_text(
            "achievements",
            "技能大师工作业绩、专利情况、主要创新发明等情况（可另附页）",
            "请简述技能大师的工作业绩、专利情况、主要创新发明等。",
            section=MASTER,
        ),
    ],
    signature_cells=["申报单位意见", "专家组评审意见", "市人力资源和社会保障局认定意见"],
)

SPECS = [APPLICATION]
