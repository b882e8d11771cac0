"""太仓市 forms (notice ``000_2e12cdb3a8cadbd3``, 太人社职〔2024〕7号).

附件1 申请表, 附件2 成员申报备案表 (one record per member), 附件3 申办报告.
"""

from __future__ import annotations

from flows.spec import FieldSpec, FormKind, FormSpec, GroupSpec
from flows.specs.common import (
    birth,
    education,
    fld,
    id_number,
    long_text,
    person_name,
    phone,
    postcode,
    sex,
)

NOTICE_ID = "000_2e12cdb3a8cadbd3"
NAMING = "太仓市+领办人名字+职业工种名称+技能大师工作室"
SIGN = "盖章（签字）  年  月  日"

APPLICATION = FormSpec(
    id="taicang_application",
    notice_id=NOTICE_ID,
    title="太仓市技能大师工作室申请表",
    attachment="附件1",
    naming_pattern=NAMING,
    items=[
        fld(
            "studio_name",
            "大师工作室名称",
            "工作室的名称是什么？",
            help="格式为“太仓市+领办人名字+职业工种名称+技能大师工作室”，"
            "如：太仓市张三数控车工技能大师工作室（通知 四、（一）3.）。",
            max_len=60,
        ),
        person_name("leader_name", "领办人姓名", "领办人"),
        sex(),
        birth(),
        id_number("身份证号码"),
        phone("phone", "联系电话", "领办人"),
        fld("studio_address", "工作室地址", "工作室的地址？", max_len=100),
        postcode("postcode", "邮政编码"),
        fld("employer", "工作单位(原)", "领办人的工作单位？", max_len=60),
        long_text(
            "career",
            "领办人主要工作经历、职称、职务",
            "请简述领办人的主要工作经历、职称和职务。",
        ),
        long_text("reason", "申请理由", "申请设立工作室的理由是什么？"),
        long_text(
            "honours",
            "领办人曾获得的主要荣誉称号及成果",
            "领办人获得过哪些主要荣誉称号和成果？",
            help="如技术能手称号、技术发明、绝技绝活、技术攻关成果等；写名称、授予单位和年份。",
        ),
    ],
    signature_cells=["单位意见", "主管部门意见", "市审批意见"],
    notes=["注：本表一式二份"],
)

MEMBER_FIELDS: list[FieldSpec] = [
    person_name("name", "姓名", "该成员"),
    sex(who="该成员"),
    fld(
        "birth_date",
        "出生年月",
        "该成员的出生年月？（如：1988-03）",
        "year_month",
        help="格式为“年-月”。",
    ),
    education("文化程度", who="该成员"),
    fld("occupation", "职业工种", "该成员的职业工种？（如：数控车工）"),
    fld(
        "title_or_level",
        "技术职称或技术等级",
        "该成员的技术职称或技术等级？",
        help="如：高级技师、技师、工程师。",
    ),
    fld("employer", "所在单位", "该成员的所在单位？"),
    phone("phone", "联系电话", "该成员的"),
    long_text("career", "主要工作经历", "该成员的主要工作经历？", max_len=1000),
    long_text("achievements", "主要业绩", "该成员的主要业绩？", max_len=1000),
]

MEMBERS = FormSpec(
    id="taicang_members",
    notice_id=NOTICE_ID,
    title="太仓市技能大师工作室成员申报备案表",
    attachment="附件2",
    kind=FormKind.MEMBER_RECORD,
    items=[
        fld("studio_name", "工作室名称", "这些成员所在的工作室名称？"),
        GroupSpec(
            name="members",
            label="工作室成员",
            item_label="成员",
            prompt="每位成员填写一张备案表，下面逐位填写。",
            fields=MEMBER_FIELDS,
            min_items=1,
            max_items=30,
            layout="records",
            signature_cells=["工作室意见"],
        ),
    ],
    notes=["注：太仓市技能大师工作室吸纳新成员需填写本表，并报市人力资源和社会保障局备案。"],
)

REPORT = FormSpec(
    id="taicang_report",
    notice_id=NOTICE_ID,
    title="太仓市技能大师工作室申办报告",
    attachment="附件3",
    kind=FormKind.REPORT,
    naming_pattern=NAMING,
    items=[
        fld(
            "studio_name",
            "申办工作室名称",
            "申办的工作室名称？",
            help="格式为“太仓市+领办人名字+职业工种名称+技能大师工作室”。",
        ),
        long_text("intro", "技能大师和工作室成员简介", "请简介技能大师和工作室成员。"),
        long_text("conditions", "工作室基本条件", "工作室有哪些基本条件（场地、设备、经费）？"),
        long_text("necessity", "工作室成立的必要性和可行性", "工作室成立的必要性和可行性？"),
        long_text(
            "support_and_plan",
            "所在单位对工作室支持措施以及工作室建立后工作计划",
            "所在单位有哪些支持措施？工作室建立后的工作计划是什么？",
        ),
        long_text("direction", "主要工作方向", "工作室的主要工作方向？"),
        long_text("other", "其他", "还有其他需要说明的吗？", required=False),
    ],
)

# The outline's headings are the report form's labels, so its answers land under them.
REPORT_HEADINGS = [item.label for item in REPORT.items]

SPECS = [APPLICATION, MEMBERS, REPORT]
