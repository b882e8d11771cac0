"""k3_xianning.txt — 咸宁市人社局 plain-text notice (UTF-8 WITH BOM, CRLF), open round.

New shapes: NO age rule at all; an OPEN honour rule that admits COUNTY titles (县级及以上人民政府或人社部门
授予的技能类荣誉称号（如…等）); unit years (注册成立3年以上) AND the leader's continuous years in the unit
(在依托单位连续工作满5年) in one notice; team 不少于6人（含领办人）; 附件1 申报表 drawn with box-drawing
characters (┌─┬─┐ │ ├─┼─┤ └─┴─┘, full-width padding); 附件2 is an OUTLINE (建设方案提纲, 一、…七、
headings, some with （一）（二） sub-headings and hint lines); materials as a numbered list with
"以上第3至5项材料各一份" and the electronic copy by e-mail.
"""

from common import cond, field, out, profile, write_key

FNAME = "k3_xianning.txt"
PROG = "咸宁市技能大师工作室"
TITLE = "关于做好2026年度咸宁市技能大师工作室申报工作的通知"
FORM_TITLE = "咸宁市技能大师工作室申报表"
OUTLINE_TITLE = "咸宁市技能大师工作室建设方案提纲"
HON_Q = "获得县级及以上人民政府或人社部门授予的技能类荣誉称号（如技术能手、首席技师、技能大师等）"
OTHER_Q = "在依托单位连续工作满5年（以劳动合同或社会保险缴费记录为准）"
UNIT_Q = "依托单位为在咸宁市注册登记的企业、技工院校或职业院校，注册成立3年以上；行政机关和个体工商户不作为依托单位"
EMAIL = "xnsrsjnlk@163.com"
I = "　　"  # noqa: E741  (the paragraph indent)

# ------------------------------------------------------------------ box-drawing table
WIDTHS = [12, 10, 8, 10]  # full-width units


def cell_widths(spec):
    out_, c = [], 0
    for _, span in spec:
        out_.append(sum(WIDTHS[c : c + span]) + span - 1)
        c += span
    return out_


def bounds(spec):
    pos, b = 0, {0}
    for w in cell_widths(spec):
        pos += w + 1
        b.add(pos)
    return b


TOTAL = sum(WIDTHS) + len(WIDTHS)


def sep(up, down):
    bu = bounds(up) if up else set()
    bd = bounds(down) if down else set()
    s = []
    for pos in range(TOTAL + 1):
        u, d = pos in bu, pos in bd
        if pos == 0:
            s.append("┌" if not up else "└" if not down else "├")
        elif pos == TOTAL:
            s.append("┐" if not up else "┘" if not down else "┤")
        elif u and d:
            s.append("┼")
        elif u:
            s.append("┴")
        elif d:
            s.append("┬")
        else:
            s.append("─")
    return "".join(s)


def content(spec):
    ws = cell_widths(spec)
    height = max(len(text.split("\n")) for text, _ in spec)
    lines = []
    for i in range(height):
        parts = []
        for (text, _), w in zip(spec, ws, strict=False):
            cl = text.split("\n")
            t = cl[i] if i < len(cl) else ""
            assert len(t) <= w, (t, w)
            assert all(ord(ch) > 0x2000 for ch in t), t  # full-width only
            parts.append(t + "　" * (w - len(t)))
        lines.append("│" + "│".join(parts) + "│")
    return lines


E = ""
ROWS = [
    [("工作室名称", 1), (E, 3)],
    [("领办人姓名", 1), (E, 1), ("性别", 1), (E, 1)],
    [("出生年月", 1), (E, 1), ("民族", 1), (E, 1)],
    [("身份证号码", 1), (E, 3)],
    [("职业（工种）", 1), (E, 1), ("职业技能等级", 1), (E, 1)],
    [("荣誉称号及授予单位", 1), (E, 3)],
    [("入职本单位时间", 1), (E, 1), ("手机号码", 1), (E, 1)],
    [("依托单位名称", 1), (E, 3)],
    [("单位类型", 1), ("□企业　□技工院校　□职业院校", 3)],
    [("注册成立时间", 1), (E, 1), ("统一社会信用代码", 1), (E, 1)],
    [("团队成员人数（含领办人）", 1), (E, 3)],
    [("领办人主要技能成果\n（八百字以内）\n\n\n\n", 1), (E, 3)],
    [("工作室建设目标\n\n\n\n", 1), (E, 3)],
    [("领办人签字：　　　　　　　　　　　　　　　　年　　月　　日", 4)],
    [
        ("依托单位意见（盖章）\n\n\n　　　　　　　　年　　月　　日", 2),
        ("县（市、区）人社局意见（盖章）\n\n\n　　　　　年　　月　　日", 2),
    ],
]


def box_table():
    out_ = [sep(None, ROWS[0])]
    for i, r in enumerate(ROWS):
        out_ += content(r)
        out_.append(sep(r, ROWS[i + 1] if i + 1 < len(ROWS) else None))
    return out_


lines = (
    [
        "咸宁市人力资源和社会保障局",
        "",
        "咸人社发〔2026〕64号",
        "",
        TITLE,
        "",
        "各县（市、区）人力资源和社会保障局，咸宁高新区社会事务局，市直各有关单位：",
        I
        + "为加快高技能人才队伍建设，发挥技能大师传帮带作用，经研究，决定开展2026年度咸宁市技能大师工作室申报工作。"
        "现将有关事项通知如下：",
        "一、申报名额及扶持政策",
        I
        + "2026年度计划认定咸宁市技能大师工作室6个，每个工作室给予一次性建设经费补助3万元。工作室实行动态管理，"
        "认定后管理期为3年。",
        "二、申报条件",
        "（一）领办人条件",
        I + "1.具有技师及以上职业资格或职业技能等级；",
        I + "2." + HON_Q + "；",
        I + "3." + OTHER_Q + "。",
        "（二）团队条件",
        I + "工作室团队成员不少于6人（含领办人）。",
        "（三）依托单位条件",
        I + UNIT_Q + "。",
        "三、申报程序",
        I
        + "（一）申报单位于2026年12月9日前将纸质材料报送所在县（市、区）人力资源和社会保障局，市直单位直接报送市人力资源和"
        "社会保障局职业能力建设科（咸宁市咸安区银泉大道106号市民之家3楼）；电子版同时发送至电子邮箱"
        + EMAIL
        + "，"
        "邮件主题注明“单位名称+领办人姓名+技能大师工作室申报”。",
        I
        + "（二）各县（市、区）人力资源和社会保障局于2026年12月16日前完成初审，并将推荐材料报送市人力资源和社会保障局。",
        I
        + "（三）市人力资源和社会保障局组织专家评审后，在市人力资源和社会保障局网站公示拟认定名单。",
        "四、申报材料",
        I + "1.咸宁市技能大师工作室申报表（附件1）一式两份；",
        I + "2.工作室建设方案一式两份，按附件2提纲撰写，不少于3000字；",
        I + "3.领办人身份证、职业资格（职业技能等级）证书、荣誉证书复印件；",
        I + "4.领办人在依托单位连续工作满5年的证明材料（劳动合同或社会保险缴费记录）；",
        I + "5.依托单位营业执照或办学许可证复印件。",
        I
        + "以上第3至5项材料各一份，复印件和第4项证明材料须加盖依托单位公章。纸质材料用A4纸双面打印，左侧装订；"
        "申报表Word版和全部材料PDF扫描件发送至上述电子邮箱。",
        "五、联系方式",
        I + "市人力资源和社会保障局职业能力建设科　联系人：伍思雨　联系电话：0715-8126439",
        "",
        "附件：1." + FORM_TITLE,
        "　　　2." + OUTLINE_TITLE,
        "",
        "　　　　　　　　　　　　　　　　　　　　咸宁市人力资源和社会保障局",
        "　　　　　　　　　　　　　　　　　　　　　　　2026年11月20日",
        "",
        "",
        "附件1",
        "",
        "　　　　　　　　　　　　" + FORM_TITLE,
        "",
        "申报单位（盖章）：　　　　　　　　　　　　　　　　　　　填表日期：　　年　　月　　日",
    ]
    + box_table()
    + [
        "",
        "",
        "附件2",
        "",
        "　　　　　　　　　　" + OUTLINE_TITLE,
        "",
        "一、依托单位基本情况",
        I + "（单位性质、成立时间、主营业务或办学规模、技能人才队伍情况等）",
        "二、领办人基本情况",
        I + "（技能等级、技术专长、主要业绩、获得荣誉、在本单位工作年限、带徒情况等）",
        "三、团队构成及分工",
        I + "（团队人数、技能等级结构、年龄结构、成员分工等）",
        "四、建设目标",
        I + "（三年内在技术攻关、带徒传技、技能推广等方面拟达到的具体目标，尽量量化）",
        "五、主要措施和进度安排",
        "（一）技术攻关措施",
        "（二）带徒传技措施",
        "（三）年度进度安排",
        "六、经费使用计划",
        I + "（补助资金和单位配套资金的使用方向、预算明细）",
        "七、保障条件",
        I + "（场地、设备、管理制度和经费配套等）",
        "",
    ]
)

with open(out(FNAME), "wb") as fh:
    fh.write(b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8") + b"\r\n")

# ------------------------------------------------------------------ key
T = "A4纸双面打印，左侧装订；"
key = {
    "closed": False,
    "deadline": "2026-12-09",
    "programmes": [PROG],
    "conditions": [
        cond("level", "技师", "具有技师及以上职业资格或职业技能等级"),
        cond(
            "honour",
            {
                "mode": "open",
                "scope": "县级及以上人民政府或人社部门授予的技能类荣誉称号",
                "list": ["技术能手", "首席技师", "技能大师"],
            },
            HON_Q,
        ),
        cond("other", "领办人在依托单位连续工作满5年", OTHER_Q),
        cond("team_min", 6, "工作室团队成员不少于6人（含领办人）", includes_leader=True),
        cond(
            "unit_type",
            {"admitted": ["企业", "技工院校", "职业院校"], "excluded": ["行政机关", "个体工商户"]},
            UNIT_Q,
        ),
        cond("unit_years", 3, "注册成立3年以上"),
    ],
    "forms": [
        {
            "attachment": "附件1",
            "title": FORM_TITLE,
            "fields": [
                field("工作室名称", "text"),
                field("领办人姓名", "name"),
                field("性别", "text"),
                field("出生年月", "year_month"),
                field("民族", "text"),
                field("身份证号码", "id_number"),
                field("职业（工种）", "text"),
                field("职业技能等级", "text"),
                field("荣誉称号及授予单位", "text"),
                field("入职本单位时间", "date"),
                field("手机号码", "mobile"),
                field("依托单位名称", "text"),
                field("单位类型", "choice", options=["企业", "技工院校", "职业院校"]),
                field("注册成立时间", "date"),
                field("统一社会信用代码", "text"),
                field("团队成员人数（含领办人）", "number"),
                field("领办人主要技能成果", "long_text"),
                field("工作室建设目标", "long_text"),
            ],
            "signature_cells": [
                "申报单位（盖章）",
                "领办人签字",
                "依托单位意见（盖章）",
                "县（市、区）人社局意见（盖章）",
            ],
        }
    ],
    "outline": [
        "一、依托单位基本情况",
        "二、领办人基本情况",
        "三、团队构成及分工",
        "四、建设目标",
        "五、主要措施和进度安排",
        "六、经费使用计划",
        "七、保障条件",
    ],
    "checklist": [
        {
            "item": FORM_TITLE,
            "copies": 2,
            "stamp": True,
            "format": "附件1，一式两份，依托单位、县（市、区）人社局签署意见并盖章；"
            + T
            + "Word版发送至电子邮箱"
            + EMAIL,
        },
        {
            "item": "工作室建设方案",
            "copies": 2,
            "stamp": False,
            "format": "一式两份，按附件2提纲撰写，不少于3000字；"
            + T
            + "PDF扫描件发送至电子邮箱"
            + EMAIL,
        },
        {
            "item": "领办人身份证、职业资格（职业技能等级）证书、荣誉证书复印件",
            "copies": 1,
            "stamp": True,
            "format": "各一份，复印件加盖依托单位公章；" + T + "PDF扫描件发送至电子邮箱" + EMAIL,
        },
        {
            "item": "领办人在依托单位连续工作满5年的证明材料",
            "copies": 1,
            "stamp": True,
            "format": "各一份，劳动合同或社会保险缴费记录，加盖依托单位公章；"
            + T
            + "PDF扫描件发送至电子邮箱"
            + EMAIL,
        },
        {
            "item": "依托单位营业执照或办学许可证复印件",
            "copies": 1,
            "stamp": True,
            "format": "各一份，复印件加盖依托单位公章；" + T + "PDF扫描件发送至电子邮箱" + EMAIL,
        },
    ],
    "profiles": [
        profile(
            PROG,
            "我今年57岁了，还能报不？在嘉鱼县一家民营管桩企业当电焊工，技师，2020年县政府评的“嘉鱼县首席技师”。"
            "2009年进厂一直干到现在，厂子是2006年成立的。工作室连我在内6个人。",
            level="✅",
            honour="✅",
            other="✅",
            team_min="✅",
            unit_type="✅",
            unit_years="✅",
        ),
        profile(
            PROG,
            "崇阳县技工学校的老师，数控车工高级技师，2018年湖北省技术能手。我是2021年入职的。学校1993年建校。"
            "团队除我以外还有7个老师。",
            level="✅",
            honour="✅",
            other="❔",
            team_min="✅",
            unit_type="✅",
            unit_years="✅",
        ),
        profile(
            PROG,
            "我2015年进的厂，2020年去深圳干了两年，2022年6月又回来了，一直干到现在。在咸安区一家民营纺织机械厂做装配钳工，"
            "技师，2023年评上咸宁市技术能手。厂子2001年成立。团队连我7个人。",
            level="✅",
            honour="✅",
            other="❌",
            team_min="✅",
            unit_type="✅",
            unit_years="✅",
        ),
        profile(
            PROG,
            "公司是2023年注册成立的，我2023年公司一成立就过来了，之前在老厂干了8年。通城县的民营化工企业，化工总控工高级技师，"
            "咸宁市技术能手。工作室连我在内5个人。",
            level="✅",
            honour="✅",
            other="❌",
            team_min="❌",
            unit_type="✅",
            unit_years="❔",
        ),
        profile(
            PROG,
            "我们是县里的民办职校，我在学校教了八年汽修，汽车维修工高级技师，2022年被评为咸宁市技术能手。学校2012年办的。"
            "工作室团队除我外5名老师。",
            level="✅",
            honour="✅",
            other="✅",
            team_min="✅",
            unit_type="✅",
            unit_years="✅",
        ),
        profile(
            PROG,
            "在通山县一家国有水电企业当水轮机检修工，技师，获得过通山县技术能手。我是2021年下半年调过来的。企业1986年成立。"
            "团队连我在内8个人。",
            level="✅",
            honour="✅",
            other="❔",
            team_min="✅",
            unit_type="✅",
            unit_years="✅",
        ),
        profile(
            PROG,
            "女的1969年生在咸安区一家民营纺织厂当挡车工高级技师2021年市人社局评的咸宁市技能大师2008年进的厂"
            "厂子2003年成立团队连我在内9人",
            level="✅",
            honour="✅",
            other="✅",
            team_min="✅",
            unit_type="✅",
            unit_years="✅",
        ),
    ],
}
write_key(FNAME, key)
print("wrote", FNAME)
