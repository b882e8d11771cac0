"""无锡市 forms (notice ``003_56cbf65dfd360609``).

附件1 技能大师工作室申报表 (team ≥ 5 including the leader, studio running ≥ 2 years,
通知 一、（三）) and 附件2 企业首席技师申报表 (通知 二、).
"""

from __future__ import annotations

from flows.spec import FieldSpec, FormSpec, GroupSpec
from flows.specs.common import (
    ACCOUNT,
    awards_group,
    education,
    ethnicity,
    fld,
    id_number,
    long_text,
    member_row,
    person_name,
    phone,
    political,
    postcode,
    sex,
    skill_level,
    year_month,
)

NOTICE_ID = "003_56cbf65dfd360609"
COVER = "封面"
TABLE = "申报表"


def _account(name: str, label: str, who: str) -> FieldSpec:
    return fld(
        name,
        label,
        f"请输入{who}{label}（数字）。",
        pattern=ACCOUNT,
        pattern_hint="账号/卡号应为8到34位数字。",
        sensitive=True,
        section=TABLE,
    )


STUDIO = FormSpec(
    id="wuxi_studio",
    notice_id=NOTICE_ID,
    title="无锡市技能大师工作室申报表",
    attachment="附件1",
    sections=[COVER, TABLE],
    naming_pattern="无锡市+领办人名字+技能大师工作室",
    items=[
        fld("applicant_org", "申报单位", "申报单位的全称？", section=COVER),
        fld(
            "studio_name",
            "工作室名称",
            "工作室的名称？",
            section=COVER,
            help="格式为“无锡市+领办人名字+技能大师工作室”（通知 四、（一）2.（2））。",
        ),
        fld("studio_field", "工作室工作领域", "工作室的工作领域？", section=COVER),
        fld("filled_on", "填报时间", "填报时间？（如：2021-04-20）", "date", section=COVER),
        person_name("leader_name", "领办人", "领办人", section=TABLE),
        sex(section=TABLE),
        ethnicity(section=TABLE),
        political(section=TABLE),
        fld("employer", "工作单位", "领办人的工作单位？", section=TABLE),
        year_month(
            "studio_founded",
            "工作室成立时间",
            "工作室是何时成立的？（如：2018-09）",
            section=TABLE,
        ),
        education("学历（学位）", section=TABLE),
        year_month("work_start", "参加工作时间", "领办人何时参加工作？", section=TABLE),
        fld("occupation", "从事职业（工种）", "领办人从事的职业（工种）？", section=TABLE),
        skill_level("职业资格及等级", section=TABLE),
        id_number("身份证号", section=TABLE),
        fld("postal_address", "通讯地址", "通讯地址？", section=TABLE),
        phone("phone", "联系电话", "领办人", section=TABLE),
        _account("org_account", "所在单位银行账号", "所在单位"),
        fld("org_bank", "开户银行名称", "单位账号的开户银行名称？", section=TABLE),
        _account("personal_card", "本人银行卡号", "领办人"),
        fld("personal_bank", "开卡银行名称", "本人银行卡的开卡银行名称？", section=TABLE),
        GroupSpec(
            name="members",
            label="大师工作室其他人员",
            item_label="成员",
            prompt="下面填写工作室其他人员（领办人之外，团队含领办人不少于5人），每位一行。",
            section=TABLE,
            min_items=4,
            fields=member_row(qualification_label="职业资格及等级"),
        ),
        long_text(
            "achievements",
            "领办人近五年主要工作业绩及工作室成立来业绩",
            "请简述领办人近五年的主要工作业绩，以及工作室成立以来的业绩。",
            section=TABLE,
        ),
        awards_group("awards", "领办人近五年获奖情况", section=TABLE),
        long_text(
            "support_measures",
            "所在单位对工作室支持措施",
            "所在单位对工作室有哪些支持措施？",
            section=TABLE,
        ),
        long_text(
            "results",
            "工作室成立以来的工作成效（可另附）",
            "工作室成立以来的工作成效？",
            section=TABLE,
        ),
        long_text(
            "facilities",
            "工作室面积及设备设施情况（可另附）",
            "工作室的面积和设备设施情况？",
            section=TABLE,
        ),
        long_text(
            "work_plan", "今后工作开展计划（可另附）", "工作室今后的工作开展计划？", section=TABLE
        ),
    ],
    signature_cells=[
        "单位意见",
        "市（县）、区人力资源社会保障局或市属单位、行业协会意见",
        "市（县）、区财政局意见",
        "市人力资源社会保障局意见",
    ],
)

C_BASIC = "基本情况"
C_RECORD = "主要经历和业绩"

CHIEF = FormSpec(
    id="wuxi_chief_technician",
    notice_id=NOTICE_ID,
    title="无锡市企业首席技师申报表",
    attachment="附件2",
    sections=[C_BASIC, C_RECORD],
    items=[
        person_name("leader_name", "姓名", "申报人", section=C_BASIC),
        sex(who="申报人", section=C_BASIC),
        fld(
            "birth_date",
            "出生日期",
            "申报人的出生日期？（如：1980-05-12）",
            "date",
            section=C_BASIC,
        ),
        ethnicity(who="申报人", section=C_BASIC),
        political(who="申报人", section=C_BASIC),
        education("文化程度", who="申报人", section=C_BASIC),
        fld("occupation", "工种岗位", "申报人的工种岗位？", section=C_BASIC),
        skill_level("职业资格等级", who="申报人", section=C_BASIC),
        year_month("work_start", "参加工作时间", "申报人何时参加工作？", section=C_BASIC),
        postcode("postcode", "邮政编码", section=C_BASIC),
        fld("employer", "工作单位", "申报人的工作单位？", section=C_BASIC),
        id_number("身份证号码", who="申报人", section=C_BASIC),
        fld("postal_address", "通讯地址", "通讯地址？", section=C_BASIC),
        phone("phone", "联系电话", "申报人", section=C_BASIC),
        fld(
            "email_qq",
            "电子邮箱及QQ号",
            "请输入电子邮箱，有QQ号也一并写上。",
            help="如：name@example.com QQ 12345678。",
            section=C_BASIC,
        ),
        fld(
            "bank_card",
            "本人银行卡号及开卡银行名称",
            "本人银行卡号及开卡银行名称？",
            sensitive=True,
            section=C_BASIC,
        ),
        GroupSpec(
            name="history",
            label="主要经历",
            item_label="经历",
            prompt="下面按时间顺序填写主要学习、工作经历，每段一行。",
            section=C_RECORD,
            min_items=1,
            max_items=10,
            fields=[
                fld("period", "起止时间", "起止时间？（如：2005.07-2012.12）"),
                fld("place", "在何单位学习、工作", "在何单位学习、工作？"),
                fld("witness", "证明人", "证明人？", "name"),
            ],
        ),
        long_text(
            "specialty", "有何技术特长或技术绝招", "有何技术特长或技术绝招？", section=C_RECORD
        ),
        long_text(
            "innovation_awards",
            "技术革新技能竞赛获奖情况",
            "技术革新、技能竞赛获奖情况？",
            required=False,
            section=C_RECORD,
        ),
        long_text(
            "honours",
            "有何突出贡献获何种奖励和荣誉称号",
            "有何突出贡献？获得过何种奖励和荣誉称号？",
            section=C_RECORD,
        ),
        long_text(
            "proofs",
            "证明人和证明材料",
            "以上内容的证明人和证明材料？",
            required=False,
            section=C_RECORD,
        ),
        long_text(
            "achievements",
            "主要业绩",
            "请简述主要业绩（2000字以内）。",
            section=C_RECORD,
        ),
    ],
    signature_cells=[
        "单位意见",
        "市（县）、区人力资源社会保障局或市属单位、行业协会意见",
        "市（县）、区财政局意见",
        "市人力资源社会保障局意见",
        "市财政局意见",
    ],
    notes=["照片：请在打印稿“照片”栏粘贴2寸彩色红底正面脱帽照片。"],
)

SPECS = [STUDIO, CHIEF]
