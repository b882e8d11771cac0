"""k2_jinzhou.docx — 锦州市人社局 红头 Word notice, open round.

New shapes: level OR honour alternative (高级技师, 或 技师且获得市级以上技术能手称号) with NO separate honour
rule; age 不超过55周岁 counted at a stated date (按2026年12月31日计算); team rule 不含领办人 with a
composition part (其中高级工以上不少于3人); 申报表 as a real Word table where the □ options sit IN THE
SAME CELL as their label ("性别 □男 □女"); materials as PROSE with two conditional items, a 公示 step +
item, and the electronic copy on a U盘.
"""

from common import cond, field, out, profile, write_key
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

FNAME = "k2_jinzhou.docx"
PROG = "锦州市技能大师工作室"
TITLE = "关于开展2026年度锦州市技能大师工作室推荐申报工作的通知"
FORM_TITLE = "锦州市技能大师工作室申报表"
LEVEL_Q = "具有高级技师职业资格，或具有技师职业资格且获得市级以上技术能手称号"
TEAM_Q = "工作室团队成员不少于5人（不含领办人），其中高级工以上不少于3人"
UNIT_Q = "依托单位为在锦州市行政区域内依法设立的企业、技工院校或职业院校，成立满3年。行政机关和个体工商户不作为依托单位"

doc = Document()
st = doc.styles["Normal"]
st.font.name = "仿宋_GB2312"
st.font.size = Pt(15)
st.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")


def p(text="", bold=False, size=None, color=None, align=None, indent=True, font=None):
    para = doc.add_paragraph()
    if align == "c":
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "r":
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if indent and align is None:
        para.paragraph_format.first_line_indent = Pt(30)
    run = para.add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)
    if color:
        run.font.color.rgb = RGBColor(*color)
    if font:
        run.font.name = font
        run._element.rPr.rFonts.set(qn("w:eastAsia"), font)
    return para


def red_rule(para):
    pPr = para._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    b = OxmlElement("w:bottom")
    b.set(qn("w:val"), "single")
    b.set(qn("w:sz"), "18")
    b.set(qn("w:space"), "1")
    b.set(qn("w:color"), "FF0000")
    bdr.append(b)
    pPr.append(bdr)


RED = (0xFF, 0, 0)
p("锦州市人力资源和社会保障局文件", bold=True, size=30, color=RED, align="c", font="方正小标宋简体")
red_rule(p("锦人社发〔2026〕109号", align="c"))
p("")
p(TITLE, bold=True, size=20, align="c", font="方正小标宋简体")
p("")
p("各县（市）区人力资源和社会保障局，市直有关单位：", indent=False)
p(
    "为充分发挥高技能人才在技术创新、技能传承中的示范引领作用，按照《锦州市技能大师工作室建设项目管理办法》"
    "要求，现就开展2026年度锦州市技能大师工作室推荐申报工作通知如下。"
)
p("一、申报名额和资助标准", font="黑体")
p(
    "2026年度拟认定锦州市技能大师工作室8个，每个工作室给予一次性资助4万元，分两年拨付，每年2万元。"
    "工作室有效期3年，期满后重新认定。"
)
p("二、申报条件", font="黑体")
p("（一）领办人条件", font="楷体_GB2312")
p("1.年龄不超过55周岁（按2026年12月31日计算）。")
p("2." + LEVEL_Q + "。")
p("3.已被认定为省级以上技能大师工作室领办人的，不得重复申报。")
p("（二）团队条件", font="楷体_GB2312")
p(TEAM_Q + "。")
p("（三）依托单位条件", font="楷体_GB2312")
p(UNIT_Q + "。")
p("三、申报程序和时间", font="黑体")
p("（一）内部公示。申报单位应对申报情况在本单位内部公示，公示期不少于5个工作日。")
p(
    "（二）单位申报。公示无异议后，申报单位于2026年12月15日前将申报材料报送所在县（市）区人力资源和社会保障局；"
    "市直单位直接报送市人力资源和社会保障局职业能力建设处（锦州市凌河区人民街388号市民服务中心4楼405室）。"
)
p(
    "（三）审核推荐。各县（市）区人力资源和社会保障局于2026年12月25日前完成审核，将推荐材料报送市人力资源和社会保障局。"
)
p(
    "（四）评审认定。市人力资源和社会保障局于2027年1月组织专家评审，评审结果在市人力资源和社会保障局网站公示。"
)
p("四、申报材料", font="黑体")
p(
    "申报单位需提交《锦州市技能大师工作室申报表》（附件）一式三份，依托单位签署意见并加盖公章。除申报表外，"
    "还需提交以下材料各一份：领办人身份证、职业资格证书（职业技能等级证书）复印件；团队成员名单及其职业资格证书复印件；"
    "依托单位营业执照复印件（院校提供办学许可证复印件）；工作室建设方案（3000字以内）；单位内部公示情况说明。"
    "以技师职业资格申报的，还需提供市级以上技术能手荣誉证书复印件；依托单位为技工院校、职业院校的，还需提供与企业签订的"
    "校企合作协议复印件。以上复印件均须加盖依托单位公章。"
)
p(
    "纸质材料用A4纸双面打印，按上述顺序胶装成册。申报表Word版及其余材料PDF扫描件存入U盘，随纸质材料一并报送，"
    "U盘外贴标签注明申报单位名称。"
)
p("五、联系方式", font="黑体")
p("市人力资源和社会保障局职业能力建设处　联系人：隋海鹏　联系电话：0416-3185274")
p("附件：" + FORM_TITLE, indent=False)
p("")
p("锦州市人力资源和社会保障局", align="r")
p("2026年11月19日", align="r")
p("（此件公开发布）", indent=False)

doc.add_page_break()
p("附件", font="黑体", indent=False)
p(FORM_TITLE, bold=True, size=20, align="c", font="方正小标宋简体")

# -------------------------------------------------------------- the form: 6-column grid
rows = [
    [("工作室名称", 1), ("", 5)],
    [("领办人姓名", 1), ("", 1), ("性别 □男 □女", 2), ("出生年月", 1), ("", 1)],
    [("身份证号码", 1), ("", 2), ("电子邮箱", 1), ("", 2)],
    [("职业（工种）", 1), ("", 2), ("手机号码", 1), ("", 2)],
    [("职业资格等级 □高级技师 □技师", 3), ("发证时间", 1), ("", 2)],
    [("申报条件类别 □具有高级技师职业资格 □具有技师职业资格且获得市级以上技术能手称号", 6)],
    [("获得技术能手称号 □全国技术能手 □辽宁省技术能手 □锦州市技术能手 □其他________", 6)],
    [("依托单位名称", 1), ("", 5)],
    [("单位性质 □国有企业 □民营企业 □技工院校 □职业院校 □其他________", 6)],
    [("成立时间", 1), ("", 2), ("统一社会信用代码", 1), ("", 2)],
    [("团队成员人数（不含领办人）", 2), ("", 1), ("其中高级工以上人数", 2), ("", 1)],
    [("是否已被认定为省级以上技能大师工作室 □是 □否", 6)],
    [("领办人主要技术业绩\n（可另附页）", 1), ("", 5)],
    [("工作室建设目标及计划", 1), ("", 5)],
    [("领办人签字：　　　　　　　　　　年　　月　　日", 6)],
    [
        ("依托单位意见（盖章）\n\n\n年　　月　　日", 2),
        ("县（市）区人社局意见（盖章）\n\n\n年　　月　　日", 2),
        ("市人社局意见（盖章）\n\n\n年　　月　　日", 2),
    ],
]
t = doc.add_table(rows=len(rows), cols=6)
t.style = "Table Grid"
t.alignment = WD_TABLE_ALIGNMENT.CENTER
for r, spec in enumerate(rows):
    c = 0
    for text, span in spec:
        cell = t.cell(r, c)
        if span > 1:
            cell = cell.merge(t.cell(r, c + span - 1))
        lines = text.split("\n")
        cell.paragraphs[0].text = lines[0]
        for ln in lines[1:]:
            cell.add_paragraph(ln)
        for para in cell.paragraphs:
            for run in para.runs:
                run.font.size = Pt(11)
        c += span
for r in (12, 13):
    t.rows[r].height = Pt(150)
p("注：此表一式三份，A4纸双面打印。", indent=False)
doc.save(out(FNAME))

# ------------------------------------------------------------------ key
U = "A4纸双面打印，按顺序胶装成册"
key = {
    "closed": False,
    "deadline": "2026-12-15",
    "programmes": [PROG],
    "conditions": [
        cond(
            "age_max",
            {"max": 55, "as_of": "2026-12-31"},
            "年龄不超过55周岁（按2026年12月31日计算）",
        ),
        cond(
            "level",
            {
                "any_of": [
                    {"level": "高级技师"},
                    {
                        "level": "技师",
                        "honour": {
                            "mode": "open",
                            "scope": "市级以上技术能手称号",
                            "list": ["市级以上技术能手"],
                        },
                    },
                ]
            },
            LEVEL_Q,
        ),
        cond(
            "other",
            "已被认定为省级以上技能大师工作室领办人的不得重复申报",
            "已被认定为省级以上技能大师工作室领办人的，不得重复申报",
        ),
        cond(
            "team_min",
            {"min": 5, "of_which": {"level": "高级工", "min": 3}},
            TEAM_Q,
            includes_leader=False,
        ),
        cond(
            "unit_type",
            {"admitted": ["企业", "技工院校", "职业院校"], "excluded": ["行政机关", "个体工商户"]},
            UNIT_Q,
        ),
        cond("unit_years", 3, "成立满3年"),
    ],
    "forms": [
        {
            "attachment": "附件",
            "title": FORM_TITLE,
            "fields": [
                field("工作室名称", "text"),
                field("领办人姓名", "name"),
                field("性别", "choice", options=["男", "女"]),
                field("出生年月", "year_month"),
                field("身份证号码", "id_number"),
                field("电子邮箱", "email"),
                field("职业（工种）", "text"),
                field("手机号码", "mobile"),
                field("职业资格等级", "choice", options=["高级技师", "技师"]),
                field("发证时间", "date"),
                field(
                    "申报条件类别",
                    "choice",
                    options=["具有高级技师职业资格", "具有技师职业资格且获得市级以上技术能手称号"],
                ),
                field(
                    "获得技术能手称号",
                    "multi_choice",
                    options=["全国技术能手", "辽宁省技术能手", "锦州市技术能手", "其他"],
                ),
                field("依托单位名称", "text"),
                field(
                    "单位性质",
                    "choice",
                    options=["国有企业", "民营企业", "技工院校", "职业院校", "其他"],
                ),
                field("成立时间", "date"),
                field("统一社会信用代码", "text"),
                field("团队成员人数（不含领办人）", "number"),
                field("其中高级工以上人数", "number"),
                field("是否已被认定为省级以上技能大师工作室", "choice", options=["是", "否"]),
                field("领办人主要技术业绩", "long_text"),
                field("工作室建设目标及计划", "long_text"),
            ],
            "signature_cells": [
                "领办人签字",
                "依托单位意见（盖章）",
                "县（市）区人社局意见（盖章）",
                "市人社局意见（盖章）",
            ],
        }
    ],
    "outline": None,
    "checklist": [
        {
            "item": FORM_TITLE,
            "copies": 3,
            "stamp": True,
            "format": "附件，一式三份，依托单位签署意见并加盖公章；"
            + U
            + "；Word版存入U盘随纸质材料一并报送",
        },
        {
            "item": "领办人身份证、职业资格证书（职业技能等级证书）复印件",
            "copies": 1,
            "stamp": True,
            "format": "各一份，复印件加盖依托单位公章；"
            + U
            + "；PDF扫描件存入U盘随纸质材料一并报送",
        },
        {
            "item": "团队成员名单及其职业资格证书复印件",
            "copies": 1,
            "stamp": True,
            "format": "各一份，复印件加盖依托单位公章；"
            + U
            + "；PDF扫描件存入U盘随纸质材料一并报送",
        },
        {
            "item": "依托单位营业执照复印件（院校提供办学许可证复印件）",
            "copies": 1,
            "stamp": True,
            "format": "各一份，复印件加盖依托单位公章；"
            + U
            + "；PDF扫描件存入U盘随纸质材料一并报送",
        },
        {
            "item": "工作室建设方案",
            "copies": 1,
            "stamp": False,
            "format": "各一份，3000字以内；" + U + "；PDF扫描件存入U盘随纸质材料一并报送",
        },
        {
            "item": "单位内部公示情况说明",
            "copies": 1,
            "stamp": False,
            "format": "各一份，本单位内部公示不少于5个工作日；"
            + U
            + "；PDF扫描件存入U盘随纸质材料一并报送",
        },
        {
            "item": "市级以上技术能手荣誉证书复印件",
            "copies": None,
            "stamp": True,
            "format": "仅以技师职业资格申报的提供；复印件加盖依托单位公章；"
            + U
            + "；PDF扫描件存入U盘随纸质材料一并报送",
        },
        {
            "item": "与企业签订的校企合作协议复印件",
            "copies": None,
            "stamp": True,
            "format": "仅依托单位为技工院校、职业院校的提供；复印件加盖依托单位公章；"
            + U
            + "；PDF扫描件存入U盘随纸质材料一并报送",
        },
    ],
    "profiles": [
        profile(
            PROG,
            "我79年生的，凌海市一家民营轴承厂的数控车工，技师，2024年评上了锦州市技术能手。厂子2008年成立。"
            "工作室除了我还有6个徒弟，其中两个高级工、一个技师。没评过省级工作室。",
            age_max="✅",
            level="✅",
            other="✅",
            team_min="✅",
            unit_type="✅",
            unit_years="✅",
        ),
        profile(
            PROG,
            "1971年11月出生，在义县职业教育中心（公办中职学校）教电工，维修电工高级技师，没得过什么称号。学校1985年建校。"
            "工作室除我以外5个老师，都是高级工以上。学校没有省级工作室。",
            age_max="✅",
            level="✅",
            other="✅",
            team_min="✅",
            unit_type="✅",
            unit_years="✅",
        ),
        profile(
            PROG,
            "我是高级工 不过2019年拿过全国技术能手 今年40岁 在太和区一家国企做化工总控工 公司1998年成立 团队除我外有8个人"
            " 其中高级工以上5个 没评过省级工作室 能报吗",
            age_max="✅",
            level="❌",
            other="✅",
            team_min="✅",
            unit_type="✅",
            unit_years="✅",
        ),
        profile(
            PROG,
            "技师，2022年在葫芦岛打工那会评过葫芦岛市技术能手，现在回锦州在一家民营汽修公司上班，今年四十六岁。"
            "公司2023年注册的。工作室除了我还有5个人，3个高级工2个中级工。没有评过工作室。",
            age_max="✅",
            level="✅",
            other="✅",
            team_min="✅",
            unit_type="✅",
            unit_years="❔",
        ),
        profile(
            PROG,
            "我1983年3月生，古塔区一家民营电梯维保企业，电梯安装维修工技师，评过黑山县技术能手。公司2012年成立的。"
            "团队除我外5个人，其中只有2个高级工，其余都是中级工。没评过省级。",
            age_max="✅",
            level="❌",
            other="✅",
            team_min="❌",
            unit_type="✅",
            unit_years="✅",
        ),
        profile(
            PROG,
            "高级技师，52岁，北镇市一家民营葡萄酒厂的酿酒师。厂子2005年建厂。工作室除我以外还有7个人，都是中级工以上。"
            "没评过省级工做室。",
            age_max="✅",
            level="✅",
            other="✅",
            team_min="❔",
            unit_type="✅",
            unit_years="✅",
        ),
        profile(
            PROG,
            "我是1970年12月出生的，算下来今年55周岁，在锦州市一家国有石化企业，高级技师，辽宁省技术能手。企业1975年成立。"
            "团队除我以外6个人，其中4个技师。没有评过省级以上的工作室。",
            age_max="❌",
            level="✅",
            other="✅",
            team_min="✅",
            unit_type="✅",
            unit_years="✅",
        ),
    ],
}
write_key(FNAME, key)
print("wrote", FNAME)
