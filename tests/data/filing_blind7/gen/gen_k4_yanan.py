"""k4_yanan.pdf — 延安市人社局 + 延安市财政局 红头 PDF (reportlab platypus, CID font STSong-Light), CLOSED.

Applicants' deadline 2026-11-30 (two days before today 2026-12-02); the counties' 2026-12-10 and the
review in 12月下旬 are later distractors. New shapes: 附件1 申报表 as a ruled table whose member list is NOT in the
table but points to 附件2 团队成员花名册 (a separate form: header line + ruled roster with 8 numbered rows);
附件3 申报承诺书 is sign-only; materials as a numbered list with a blanket 一式两份, a conditional item
(仅技工院校) and the electronic copy by e-mail.
"""

from common import cond, field, out, profile, write_key
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

FNAME = "k4_yanan.pdf"
PROG = "延安市技能大师工作室"
TITLE = "关于开展2026年延安市技能大师工作室建设项目申报工作的通知"
FORM1 = "延安市技能大师工作室建设项目申报表"
FORM2 = "延安市技能大师工作室团队成员花名册"
FORM3 = "申报承诺书"
HONOURS = [
    "中华技能大奖",
    "全国技术能手",
    "陕西工匠",
    "陕西省技术能手",
    "延安市技术能手",
    "延安工匠",
]
EMAIL = "yasrsjnlk@163.com"
DOCNO = "延市人社发〔2026〕38号"

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
W, H = A4


def sty(name, size=12, lead=None, align=TA_LEFT, indent=0, color=colors.black):
    return ParagraphStyle(
        name,
        fontName=FONT,
        fontSize=size,
        leading=lead or size * 1.7,
        alignment=align,
        firstLineIndent=indent,
        textColor=color,
        wordWrap="CJK",
    )


S_BODY = sty("body", 12, indent=24)
S_NOIND = sty("noind", 12)
S_HEAD = sty("head", 13)
S_TITLE = sty("title", 17, align=TA_CENTER)
S_RED = sty("red", 24, lead=36, align=TA_CENTER, color=colors.red)
S_CENTER = sty("center", 12, align=TA_CENTER)
S_RIGHT = sty("right", 12, align=TA_RIGHT)
S_CELL = sty("cell", 10, lead=15)
S_CELLC = sty("cellc", 10, lead=15, align=TA_CENTER)


def P(t, s=S_BODY):
    return Paragraph(t, s)


def on_page(c, doc):
    n = doc.page
    c.saveState()
    c.setFont(FONT, 10)
    c.drawCentredString(W / 2, 15 * mm, f"— {n} —")
    if n > 1:
        c.setFont(FONT, 9)
        c.drawString(25 * mm, H - 15 * mm, "延安市人力资源和社会保障局　延安市财政局")
        c.drawRightString(W - 25 * mm, H - 15 * mm, DOCNO)
        c.setStrokeColor(colors.red)
        c.line(25 * mm, H - 17 * mm, W - 25 * mm, H - 17 * mm)
    c.restoreState()


def on_first(c, doc):
    on_page(c, doc)
    c.saveState()
    c.setStrokeColor(colors.red)
    c.setLineWidth(1.5)
    c.line(25 * mm, H - 72 * mm, W - 25 * mm, H - 72 * mm)
    c.restoreState()


def grid(data, widths, spans=(), heights=None):
    t = Table(data, colWidths=widths, rowHeights=heights)
    cmds = [
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 0), (-1, -1), FONT),
    ]
    for a, b in spans:
        cmds.append(("SPAN", a, b))
    t.setStyle(TableStyle(cmds))
    return t


def C(t, s=S_CELL):
    return Paragraph(t, s)


story = [
    Spacer(1, 6 * mm),
    P("延安市人力资源和社会保障局", S_RED),
    P("延 安 市 财 政 局", S_RED),
    Spacer(1, 4 * mm),
    P(DOCNO, S_CENTER),
    Spacer(1, 12 * mm),
    P(TITLE, S_TITLE),
    Spacer(1, 4 * mm),
    P("各县（市、区）人力资源和社会保障局、财政局，市级各有关单位：", S_NOIND),
    P(
        "为深入实施技能强市战略，发挥高技能领军人才在技术攻关、技艺传承和带徒传技中的作用，根据《延安市技能大师工作室"
        "建设项目管理办法》，现就2026年延安市技能大师工作室建设项目申报工作通知如下："
    ),
    P("一、项目数量及资金支持", S_HEAD),
    P(
        "2026年计划确定延安市技能大师工作室建设项目8个，每个项目补助资金10万元，项目建设期2年，资金按建设进度分两次拨付。"
    ),
    P("二、申报条件", S_HEAD),
    P("（一）领办人应同时具备以下条件："),
    P("1.年龄在55周岁及以下；"),
    P("2.具有高级技师职业资格（职业技能等级）；"),
    P("3.获得下列荣誉之一：" + "、".join(HONOURS) + "；"),
    P("4.已领办省级及以上技能大师工作室的，不再申报。"),
    P("（二）工作室团队成员不少于4人（不含领办人）。"),
    P(
        "（三）依托单位为延安市行政区域内依法注册的企业或技工院校，注册成立满2年；机关事业单位（技工院校除外）不作为依托单位。"
    ),
    P("（四）工作室场地面积不少于60平方米。"),
    P("三、申报程序", S_HEAD),
    P(
        "（一）申报单位于2026年11月30日前，将申报材料报送所在县（市、区）人力资源和社会保障局；市级单位直接报送市人力资源和"
        "社会保障局职业能力建设科（延安市宝塔区百米大道延安市政务服务中心6楼617室）。逾期不予受理。"
    ),
    P(
        "（二）各县（市、区）人力资源和社会保障局会同财政局于2026年12月10日前完成审核，联合行文报送市人力资源和社会保障局、"
        "市财政局。"
    ),
    P(
        "（三）市人力资源和社会保障局会同市财政局于2026年12月下旬组织专家评审，评审结果在延安市人力资源和社会保障局网站公示。"
    ),
    P("四、申报材料", S_HEAD),
    P("1." + FORM1 + "（附件1）；"),
    P("2." + FORM2 + "（附件2）；"),
    P("3." + FORM3 + "（附件3），由领办人签字并加盖依托单位公章；"),
    P("4.领办人身份证、职业技能等级证书、荣誉证书复印件；"),
    P("5.依托单位营业执照或办学许可证复印件；"),
    P("6.工作室场地照片及设备清单；"),
    P("7.工作室建设项目实施方案（含建设目标、主要任务、资金使用计划，3000字以内）；"),
    P("8.依托单位为技工院校的，另需提供学校近三年技能人才培养情况说明。"),
    P(
        "以上材料一式两份，复印件须加盖依托单位公章，用A4纸打印，按顺序装订成册；电子版（Word和PDF格式）同时发送至电子邮箱"
        + EMAIL
        + "。"
    ),
    P("五、联系方式", S_HEAD),
    P("市人力资源和社会保障局职业能力建设科　联系人：郝晓东　联系电话：0911-2376418"),
    P("市财政局社会保障科　联系人：白　雪　联系电话：0911-2139057"),
    Spacer(1, 4 * mm),
    P("附件：1." + FORM1, S_NOIND),
    P("　　　2." + FORM2, S_NOIND),
    P("　　　3." + FORM3, S_NOIND),
    Spacer(1, 10 * mm),
    P("延安市人力资源和社会保障局　　　　延安市财政局", S_RIGHT),
    P("2026年11月6日", S_RIGHT),
    PageBreak(),
    # ------------------------------------------------------------ 附件1
    P("附件1", S_HEAD),
    P(FORM1, S_TITLE),
    Spacer(1, 3 * mm),
]

w4 = [34 * mm, 46 * mm, 34 * mm, 46 * mm]
box = "　".join("□" + h for h in HONOURS)
f1 = [
    [C("工作室名称"), "", "", ""],
    [C("领办人姓名"), "", C("性别"), ""],
    [C("出生年月"), "", C("民族"), ""],
    [C("身份证号码"), "", "", ""],
    [C("职业（工种）"), "", C("职业技能等级"), ""],
    [C("获得荣誉"), C(box), "", ""],
    [C("手机号码"), "", C("电子邮箱"), ""],
    [C("依托单位名称"), "", "", ""],
    [C("单位性质"), C("□国有企业　□民营企业　□技工院校　□其他________"), "", ""],
    [C("注册成立时间"), "", C("场地面积（平方米）"), ""],
    [C("团队成员人数（不含领办人）"), "", C("是否已领办省级及以上技能大师工作室"), C("□是　□否")],
    [C("团队成员情况"), C("详见附件2《" + FORM2 + "》"), "", ""],
    [C("领办人主要业绩"), "", "", ""],
    [C("项目建设目标"), "", "", ""],
    [C("领办人签字：　　　　　　　　　　　　　　年　　月　　日"), "", "", ""],
    [
        C("依托单位意见（盖章）<br/><br/><br/>年　月　日"),
        C("县（市、区）人社局意见（盖章）<br/><br/><br/>年　月　日"),
        C("县（市、区）财政局意见（盖章）<br/><br/><br/>年　月　日"),
        "",
    ],
]
spans1 = [
    ((1, 0), (3, 0)),
    ((1, 3), (3, 3)),
    ((1, 5), (3, 5)),
    ((1, 7), (3, 7)),
    ((1, 8), (3, 8)),
    ((1, 11), (3, 11)),
    ((1, 12), (3, 12)),
    ((1, 13), (3, 13)),
    ((0, 14), (3, 14)),
    ((2, 15), (3, 15)),
]
heights1 = [None] * 12 + [110, 90, None, 70]
story.append(grid(f1, w4, spans1, heights1))
story += [
    PageBreak(),
    # ------------------------------------------------------------ 附件2
    P("附件2", S_HEAD),
    P(FORM2, S_TITLE),
    Spacer(1, 2 * mm),
    P("工作室名称：　　　　　　　　　　　　　依托单位（盖章）：", S_NOIND),
    Spacer(1, 2 * mm),
]
cols2 = [
    "序号",
    "姓名",
    "性别",
    "出生年月",
    "职业（工种）",
    "职业技能等级",
    "在团队中承担的工作",
    "联系电话",
]
f2 = [[C(c, S_CELLC) for c in cols2]] + [[C(str(i), S_CELLC)] + [""] * 7 for i in range(1, 9)]
story.append(
    grid(
        f2,
        [12 * mm, 20 * mm, 12 * mm, 20 * mm, 25 * mm, 22 * mm, 30 * mm, 24 * mm],
        heights=[None] + [26] * 8,
    )
)
story += [
    Spacer(1, 3 * mm),
    P("注：领办人不列入本表；团队成员须为依托单位在职职工。", S_NOIND),
    P("填表人：　　　　　　　　　　　　　　填表日期：　　年　　月　　日", S_NOIND),
    PageBreak(),
    # ------------------------------------------------------------ 附件3
    P("附件3", S_HEAD),
    P(FORM3, S_TITLE),
    Spacer(1, 4 * mm),
    P(
        "本人及本单位郑重承诺：所提交的申报材料真实、准确、完整，不存在弄虚作假行为；领办人未领办省级及以上技能大师工作室；"
        "如获立项，将严格按照项目实施方案开展建设，补助资金专款专用，自觉接受人社、财政部门的监督检查。"
    ),
    P("如有违反，自愿承担相应责任。"),
    Spacer(1, 16 * mm),
    P("领办人（签字）：　　　　　　　　　　　", S_RIGHT),
    P("年　　月　　日", S_RIGHT),
    Spacer(1, 10 * mm),
    P("依托单位（盖章）：　　　　　　　　　　　", S_RIGHT),
    P("年　　月　　日", S_RIGHT),
]

doc = SimpleDocTemplate(
    out(FNAME),
    pagesize=A4,
    leftMargin=25 * mm,
    rightMargin=25 * mm,
    topMargin=24 * mm,
    bottomMargin=24 * mm,
    title=TITLE,
    author="延安市人力资源和社会保障局",
    invariant=True,
)
doc.build(story, onFirstPage=on_first, onLaterPages=on_page)

# ------------------------------------------------------------------ key
T = "一式两份，A4纸打印，按顺序装订成册；电子版（Word和PDF格式）发送至电子邮箱" + EMAIL
key = {
    "closed": True,
    "deadline": "2026-11-30",
    "programmes": [PROG],
    "conditions": [
        cond("age_max", 55, "年龄在55周岁及以下"),
        cond("level", "高级技师", "具有高级技师职业资格（职业技能等级）"),
        cond(
            "honour", {"mode": "closed", "list": HONOURS}, "获得下列荣誉之一：" + "、".join(HONOURS)
        ),
        cond(
            "other",
            "已领办省级及以上技能大师工作室的不再申报",
            "已领办省级及以上技能大师工作室的，不再申报",
        ),
        cond("team_min", 4, "工作室团队成员不少于4人（不含领办人）", includes_leader=False),
        cond(
            "unit_type",
            {"admitted": ["企业", "技工院校"], "excluded": ["机关事业单位（技工院校除外）"]},
            "依托单位为延安市行政区域内依法注册的企业或技工院校，注册成立满2年；机关事业单位（技工院校除外）不作为依托单位",
        ),
        cond("unit_years", 2, "注册成立满2年"),
        cond("area", 60, "工作室场地面积不少于60平方米"),
    ],
    "forms": [
        {
            "attachment": "附件1",
            "title": FORM1,
            "fields": [
                field("工作室名称", "text"),
                field("领办人姓名", "name"),
                field("性别", "text"),
                field("出生年月", "year_month"),
                field("民族", "text"),
                field("身份证号码", "id_number"),
                field("职业（工种）", "text"),
                field("职业技能等级", "text"),
                field("获得荣誉", "multi_choice", options=HONOURS),
                field("手机号码", "mobile"),
                field("电子邮箱", "email"),
                field("依托单位名称", "text"),
                field("单位性质", "choice", options=["国有企业", "民营企业", "技工院校", "其他"]),
                field("注册成立时间", "date"),
                field("场地面积（平方米）", "number"),
                field("团队成员人数（不含领办人）", "number"),
                field("是否已领办省级及以上技能大师工作室", "choice", options=["是", "否"]),
                field("领办人主要业绩", "long_text"),
                field("项目建设目标", "long_text"),
            ],
            "signature_cells": [
                "领办人签字",
                "依托单位意见（盖章）",
                "县（市、区）人社局意见（盖章）",
                "县（市、区）财政局意见（盖章）",
            ],
        },
        {
            "attachment": "附件2",
            "title": FORM2,
            "fields": [
                field("工作室名称", "text"),
                field(FORM2, "repeated_group", columns=cols2),
                field("填表人", "name"),
                field("填表日期", "date"),
            ],
            "signature_cells": ["依托单位（盖章）"],
        },
        {
            "attachment": "附件3",
            "title": FORM3,
            "fields": [],
            "signature_cells": ["领办人（签字）", "依托单位（盖章）"],
        },
    ],
    "outline": None,
    "checklist": [
        {
            "item": FORM1,
            "copies": 2,
            "stamp": True,
            "format": "附件1，依托单位及县（市、区）人社局、财政局签署意见并盖章；" + T,
        },
        {"item": FORM2, "copies": 2, "stamp": True, "format": "附件2，加盖依托单位公章；" + T},
        {
            "item": FORM3,
            "copies": 2,
            "stamp": True,
            "format": "附件3，领办人签字并加盖依托单位公章；" + T,
        },
        {
            "item": "领办人身份证、职业技能等级证书、荣誉证书复印件",
            "copies": 2,
            "stamp": True,
            "format": "复印件加盖依托单位公章；" + T,
        },
        {
            "item": "依托单位营业执照或办学许可证复印件",
            "copies": 2,
            "stamp": True,
            "format": "复印件加盖依托单位公章；" + T,
        },
        {"item": "工作室场地照片及设备清单", "copies": 2, "stamp": False, "format": T},
        {
            "item": "工作室建设项目实施方案",
            "copies": 2,
            "stamp": False,
            "format": "含建设目标、主要任务、资金使用计划，3000字以内；" + T,
        },
        {
            "item": "学校近三年技能人才培养情况说明",
            "copies": 2,
            "stamp": False,
            "format": "仅依托单位为技工院校的提供；" + T,
        },
    ],
    "profiles": [
        profile(
            PROG,
            "男，1973年生，在宝塔区一家民营石油机械公司当钳工，高级技师，2022年获延安市技术能手。公司2010年成立。"
            "工作室除了我还有4个人，场地80平方。没领办过省级工作室。",
            age_max="✅",
            level="✅",
            honour="✅",
            other="✅",
            team_min="✅",
            unit_type="✅",
            unit_years="✅",
            area="✅",
        ),
        profile(
            PROG,
            "五十五岁，洛川县一家民营苹果深加工企业的农产品食品检验员，高级技师，2023年评上延安工匠。企业2024年注册的。"
            "团队除我外6人，场地120平方米。没有领办过工作室。",
            age_max="✅",
            level="✅",
            honour="✅",
            other="✅",
            team_min="✅",
            unit_type="✅",
            unit_years="❔",
            area="✅",
        ),
        profile(
            PROG,
            "我是技师，在黄陵县一家国有煤矿干综采维修，评过铜川市技术能手，以前在铜川干过。46岁。公司1992年成立。"
            "团队除我以外5个人，场地100平方米。没领办过工作室。",
            age_max="✅",
            level="❌",
            honour="❌",
            other="✅",
            team_min="✅",
            unit_type="✅",
            unit_years="✅",
            area="✅",
        ),
        profile(
            PROG,
            "志丹县职教中心（公办，事业单位）的老师，高级技师，陕西省技术能手，48岁。学校2002年成立。工作室除我外6名老师，"
            "实训室150平。没有省级工作室。",
            age_max="✅",
            level="✅",
            honour="✅",
            other="✅",
            team_min="✅",
            unit_type="❌",
            unit_years="✅",
            area="✅",
        ),
        profile(
            PROG,
            "吴起县一家民营采油设备企业，高级技师，陕西工匠，1976年9月生。企业2012年成立。我们工作室现在有4个人。"
            "场地70平方米。没领办过省级的。",
            age_max="✅",
            level="✅",
            honour="✅",
            other="✅",
            team_min="❔",
            unit_type="✅",
            unit_years="✅",
            area="✅",
        ),
        profile(
            PROG,
            "我今年51，宜川县一家民营农机公司，农机修理工高级技师，延安市技术能手。公司2016年成立。团队除我外4人。"
            "场地的话大概五六十平方。没领办过工作室。",
            age_max="✅",
            level="✅",
            honour="✅",
            other="✅",
            team_min="✅",
            unit_type="✅",
            unit_years="✅",
            area="❔",
        ),
        profile(
            PROG,
            "我是女的，1978年出生，在延安市一所公辦技工學校教焊接，焊工高級技師，2021年獲得全國技術能手。學校1984年建校。"
            "工作室除我以外還有5名老師，實訓場地正好60平方米。沒有領辦過省級工作室。",
            age_max="✅",
            level="✅",
            honour="✅",
            other="✅",
            team_min="✅",
            unit_type="✅",
            unit_years="✅",
            area="✅",
        ),
    ],
}
write_key(FNAME, key)
print("wrote", FNAME)
