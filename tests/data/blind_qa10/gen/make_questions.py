#!/usr/bin/env python3
"""Writes ../questions.jsonl and ../conversations.jsonl for qa10 (plain python3, no dependencies)."""

import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)

# ---- verdict words: the only expect groups not taken literally from a notice (as qa6..qa9) ----
NEG = [
    "不符合",
    "不能",
    "不可以",
    "无法",
    "不满足",
    "不具备",
    "不够",
    "不行",
    "已超",
    "超龄",
    "不在",
]
NEG_T = NEG + ["無法", "不滿足", "不具備", "不夠", "超齡"]
NEG_FORBID = ["您符合", "你符合", "您可以申报", "你可以申报", "可以正常申报", "完全符合"]
NEG_FORBID_T = NEG_FORBID + ["您可以申報", "你可以申報", "可以正常申報"]
POS = ["符合", "可以", "能申报", "能报", "满足", "够", "可申报"]
POS_T = POS + ["能申報", "能報", "滿足", "夠", "可申報"]
POS_FORBID = ["不符合", "不能申报", "不可以申报", "不能报", "不满足", "无法申报", "不具备申报"]
POS_FORBID_T = POS_FORBID + ["不能申報", "不可以申報", "不能報", "不滿足", "無法申報"]
# yes-verdict about a CLOSED round (当涂, seeds, dev): forbid only condition negatives
POS_CLOSED_FORBID = ["不符合", "不满足", "不具备"]
CLOSED = ["已截止", "已经截止", "已过", "已结束", "已经结束", "已经过了", "不能", "无法", "不可以"]
CLOSED_FORBID = ["尚未截止", "还来得及", "仍可申报", "还在申报期", "目前可以申报", "还可以申报"]
OPEN = ["可以", "还能", "仍可", "尚未截止", "来得及", "还在", "能申报", "能报"]
OPEN_FORBID = [
    "已截止",
    "已经截止",
    "已过截止",
    "已结束",
    "已经结束",
    "不能申报",
    "无法申报",
    "不可以申报",
]
# the notice leaves the point open: the answer must say so ("咨询" alone is not enough)
UNSURE = [
    "待确认",
    "需确认",
    "需要确认",
    "请确认",
    "有待确认",
    "未明确",
    "没有明确",
    "不明确",
    "未规定",
    "没有规定",
    "未作规定",
    "未提及",
    "没有提及",
    "未提到",
    "没有提到",
    "未说明",
    "没有说明",
    "取决于",
    "需核实",
]
UNSURE_FORBID = [
    "完全符合",
    "肯定符合",
    "肯定不符合",
    "肯定可以",
    "肯定不行",
    "您符合申报条件",
    "你符合申报条件",
    "您不符合申报条件",
    "你不符合申报条件",
]

A, B, C, D = "qa10_a", "qa10_b", "qa10_c", "qa10_d"
TC, ZJ, LC, WX, SG = (
    "000_2e12cdb3a8cadbd3",
    "001_d59e2d59539f7422",
    "002_776fcaae778a508b",
    "003_56cbf65dfd360609",
    "004_bb816d0ae4b34579",
)
YC, NH, DG, MY, WJ, TZ, QZ, YCH = (
    "01_yancheng",
    "02_jiaxing_nanhu",
    "03_dongguan",
    "04_mianyang",
    "05_changzhou_wujin",
    "06_taizhou",
    "07_quanzhou",
    "08_yichang",
)
PH_A = ["3272615", "3272638", "3508214", "3272500"]
PH_B = ["6712385", "6718026", "6713447"]
PH_C = ["7342615", "13879347216", "7352207"]
PH_D = ["8822617", "8826130"]

CITIES = [
    "太仓",
    "镇江",
    "鹿城",
    "无锡",
    "韶关",
    "江门",
    "当涂",
    "婺源",
    "南平",
    "盐城",
    "南湖",
    "东莞",
    "绵阳",
    "綿陽",
    "武进",
    "台州",
    "泉州",
    "宜昌",
]
PHOTO_FORBID = ["不少于3张", "不少于4张", "不少于5张", "场地照片2张", "不少於3張", "不少於5張"]


def G(groups):
    return [list(g) for g in groups]


def no(*th, trad=False):
    return dict(
        category="verdict",
        expect=[NEG_T if trad else NEG] + G(th),
        forbid=NEG_FORBID_T if trad else NEG_FORBID,
    )


def yes(*th, trad=False):
    return dict(
        category="verdict",
        expect=[POS_T if trad else POS] + G(th),
        forbid=POS_FORBID_T if trad else POS_FORBID,
    )


def yes_closed(*th):
    return dict(category="verdict", expect=[POS] + G(th), forbid=POS_CLOSED_FORBID)


def closed(*th, forbid=None):
    return dict(category="verdict", expect=[CLOSED] + G(th), forbid=forbid or CLOSED_FORBID)


def still_open(*th):
    return dict(category="verdict", expect=[OPEN] + G(th), forbid=OPEN_FORBID)


def unsure(*th):
    return dict(category="verdict", expect=[UNSURE] + G(th), forbid=UNSURE_FORBID)


def fact(cat, *groups, forbid=None):
    d = dict(category=cat, expect=G(groups))
    if forbid:
        d["forbid"] = forbid
    return d


def nin(phones, forbid=None):
    return fact("not_in_notice", phones, forbid=forbid)


def oos():
    return dict(category="out_of_scope", expect=[])


AMB = dict(category="ambiguous", expect=[], cities=CITIES, min_cities=2, clarify_ok=True)

# 南平 first round: a correct answer says "第一批已截止，可以报第二批", so the usual CLOSED_FORBID
# ("还可以申报") would punish it; forbid only claims that the FIRST round is still open.
FIRST_ROUND_FORBID = [
    "第一批尚未截止",
    "第一批还没截止",
    "第一批还在申报",
    "第一批仍可申报",
    "第一批还可以申报",
]

Q = [
    # ---------------- qa10_a 江门市 (html; short body + 附件1 管理办法 20 articles; OPEN: 单位 2026年12月25日前) ----------------
    (
        A,
        "jiangmen 技能大师工作室 单位材料几号前要交",
        fact("deadline", ["2026年12月25日", "12月25日"]),
    ),
    (
        A,
        "江门大师工作室申报 打哪个电化问",
        fact("contact", ["伍嘉敏", "梁志坚"], ["3272615", "3272638"]),
    ),
    (
        A,
        "江門評上市級技能大師工作室給多少錢 一次給完嗎",
        fact("subsidy", ["5万元"], ["3万元"], ["2万元"]),
    ),
    (A, "江门市级工作室有效期几年 从啥时候开始算", fact("validity", ["3年"], ["认定发文之日"])),
    (A, "江门今年认定多少个 粤菜师傅的有几个名额", fact("quota", ["15个"], ["3个"])),
    (A, "江门建设方案最多写多少字 照片要几张", fact("materials", ["4000字"], ["3张"])),
    (A, "江门认定以后 每年的工作报告几号前交", fact("deadline", ["1月20日"])),
    (
        A,
        "我是中式烹调师高级工 拿过江门市烹饪技能竞赛一等奖 在酒楼干了6年 社保一直在江门交 离退休还有8年 能报江门粤菜师傅类工作室吗",
        yes(["高级工（三级）", "一等奖"]),
    ),
    (A, "江门 我离法定退休还有两年半 高级技师 能当领办人吗", no(["不少于3年"])),
    (A, "江门 团队加上我一共四个人 都是本厂职工 够不够", no(["4人"], ["不含领办人"])),
    (
        A,
        "江门 除我之外有5个成员 3个是本公司职工 另外2个是合作技校的老师 其中1个是技师 团队这样行吗",
        yes(["合作院校教师", "在职职工不少于3人"]),
    ),
    (A, "江门 我们是个体工商户 开了家汽修店 能作为依托单位申报吗", unsure(["等单位"])),
    (A, "江门 我们公司2025年3月才注册 想报市级工作室 可以吗", no(["满2年"])),
    (A, "江门专家评审怎么打分 各项占多少分", nin(PH_A)),
    (A, "江门现场评估主要看啥 要准备什么", nin(PH_A)),
    # ---------------- qa10_b 当涂县 (pdf 红头; 技能大师工作室 + 县首席技师; CLOSED: 9月1日至9月25日) ----------------
    (B, "dangtu 技能大师工作室单位申报是几号到几号", fact("deadline", ["9月1日"], ["9月25日"])),
    (B, "当涂首席技师现在还能报吗", closed(["9月25日"])),
    (B, "当涂县级大师工作室补助多少 首席技师给多少", fact("subsidy", ["3万元"], ["5000元"])),
    (B, "当途 首席技师称号管几年 工作室呢", fact("validity", ["2年"], ["3年"])),
    (B, "当涂今年评几个首席技师 一个企业最多推几个", fact("quota", ["10名"], ["2名"])),
    (
        B,
        "当涂 工作室申报表要交几份 首席技师推荐表呢",
        fact("materials", ["一式三份"], ["一式两份"]),
    ),
    (B, "当涂的材料怎么装订 能用塑料封皮吗", fact("materials", ["左侧装订"], ["塑料封皮"])),
    (B, "当涂首席技师评选具体问谁 电话多少", fact("contact", ["汪小军"], ["6718026"])),
    (B, "我五十二了 高级技师 在厂里干了十年 当涂首席技师能报吗", no(["50周岁", "1976年1月1日"])),
    (
        B,
        "我1973年出生 技师 拿过马鞍山市技术能手 团队除我有4个人 都是本单位的 场地50平 当涂县级工作室条件够吗",
        yes_closed(["55周岁", "1971年1月1日"]),
    ),
    (B, "当涂 我想工作室和首席技师两个一起报 行吗", no(["只能申报其中一个项目"])),
    (B, "当涂 我是技师 没拿过技术能手 在厂里8年了 能评首席技师吗", no(["县级以上技术能手"])),
    (B, "当涂评审结果在哪公示 公示几天", fact("process", ["当涂县人民政府网站"], ["5个工作日"])),
    (B, "当涂那5000块奖励啥时候发到个人手里", nin(PH_B)),
    (B, "当涂首席技师每月300的津贴 要是企业不发咋办", nin(PH_B)),
    # ---------------- qa10_c 婺源县 (txt BOM CRLF; 微信公众号新闻; OPEN: 通知11月18日印发之日起30日内) ----------------
    (C, "婺源技能大师工作室申报截止到什么时候", fact("deadline", ["30日内", "11月18日"])),
    (C, "wuyuan 大师工作室现在还能报吗", still_open(["30日内", "11月18日"])),
    (C, "婺源 团队不少于4人 这个4人含不含领办人", fact("conditions", ["连同领办人"])),
    (C, "务源县级大师工作室补多少钱", fact("subsidy", ["2万元"])),
    (C, "婺源 以后要是评上江西省级的 县里还奖多少", fact("subsidy", ["3万元"])),
    (C, "婺源今年认定几个 传统技艺的占几个", fact("quota", ["6个"], ["3个"])),
    (C, "婺源人社局咨询电话是多少", fact("contact", ["7342615", "13879347216", "7352207"])),
    (C, "婺源 传统技艺类要交作品照片吗 几张", fact("materials", ["5张"])),
    (C, "婺源工作室有效期多久 考核不合格会咋样", fact("validity", ["3年"], ["连续两年不合格"])),
    (
        C,
        "俺是做甲路纸伞的 县级婺源工匠 没考过等级证 今年58 干这行30多年了 在合作社也干了6年 能报不",
        yes(["婺源工匠"]),
    ),
    (C, "婺源 我是县级非遗传承人 不是婺源工匠 也没技师证 能领办吗", no(["上饶市级以上"])),
    (C, "婺源 团队算上我才3个人 可以吗", no(["4人"])),
    (C, "婺源 我62了 木雕手艺全县有名 还能当领办人吗", no(["原则上不超过60周岁"])),
    (C, "婺源评审要不要现场答辩 大概啥时候评", nin(PH_C)),
    (C, "婺源那2万块钱啥时候拨下来", nin(PH_C)),
    # ---------------- qa10_d 南平市 (docx 繁体; 第二批/补报; 补充通知 延长至12月25日; 第一批 6月30日 CLOSED) ----------------
    (D, "南平第二批单位申报截止到哪天", fact("deadline", ["2026年12月25日", "12月25日"])),
    (D, "南平 我们工作室场地才40平 能报吗", no(["50平方米"])),
    (D, "nanping 技能大师工作室第二批现在还能报吗", still_open(["12月25日"])),
    (D, "南平第一批还能报吗", closed(["6月30日"], forbid=FIRST_ROUND_FORBID)),
    (D, "南平市级大師工作室補助多少 誰出錢", fact("subsidy", ["4萬元", "4万元"], ["50%"])),
    (D, "jianyang 第二批能推荐几个", fact("quota", ["2"], ["建盞燒製類1個", "建盏烧制类1个"])),
    (D, "延平区第二批能推荐几个", fact("quota", ["名額已用完", "名额已用完"])),
    (D, "南平 我们第一批报了没评上 第二批还能再报吗", yes(["整改說明", "整改说明"])),
    (D, "南平 我56岁 高级技师 能报吗", no(["55週歲", "55周岁", "1971年1月1日"])),
    (
        D,
        "南平 我在现在这家公司干了2年 之前在同集团另一家子公司干了5年 算在依托单位连续工作满3年吗",
        unsure(["連續工作滿3年", "连续工作满3年"]),
    ),
    (
        D,
        "我是南平市级非遗传承人 做建盏的 没有技能等级证书 能领办吗",
        yes(["非物質文化遺產代表性傳承人", "非物质文化遗产代表性传承人"]),
    ),
    (D, "南平 申报表交几分 其他材料几分", fact("materials", ["一式三份"], ["一式一份"])),
    (D, "南平 纸质材料送到哪个办公室 找谁", fact("contact", ["506室"], ["鄭麗珍", "郑丽珍"])),
    (D, "南平 场地照片要拍几张", nin(PH_D, forbid=PHOTO_FORBID)),
    (D, "南平现场答辩每人讲几分钟 要做PPT吗", nin(PH_D)),
    # ---------------- seeds (all rounds over or undated as of 2026-12-01) ----------------
    (
        TC,
        "太仓 工作室名称格式咋写",
        fact("materials", ["太仓市+领办人名字+职业工种名称+技能大师工作室"]),
    ),
    (TC, "taicang 人社局在哪 几号办公室", fact("contact", ["十八港路29号"], ["1310", "1311"])),
    (
        TC,
        "太仓 我们企业职工教育经费用在高技能人才上的只有两成 能依托我们企业建工作室吗",
        no(["30%"]),
    ),
    (TC, "太仓评上了给多少建设补助", fact("subsidy", ["2万元"])),
    (ZJ, "镇江 启动资金多少 一共认定几个", fact("subsidy", ["2万元"], ["5个"])),
    (
        ZJ,
        "zhenjiang 材料寄到哪 电子邮箱多少",
        fact("contact", ["运河路79号"], ["750660696@qq.com"]),
    ),
    (
        ZJ,
        "镇江 我是高级技师 江苏工匠 在设备改造上攻克过技术难关 能当领衔人吗",
        yes_closed(["江苏工匠"]),
    ),
    (ZJ, "镇江 领衔人退休了 工作室咋办", fact("process", ["变更领衔人", "领衔人变更"])),
    (LC, "鹿城区技能大师工作室申报截止是哪天", nin(["88990719"])),
    (LC, "鹿城 评上区级的资助多少", fact("subsidy", ["2万元"])),
    (LC, "鹿城 我离法定退休年龄只剩两年 技师 能领办区级工作室吗", no(["3年以上"])),
    (LC, "鹿城区 材料报到哪个科室", fact("contact", ["职业能力建设科"])),
    (WX, "无锡企业首席技师评选对年龄有要求吗", fact("conditions", ["法定劳动年龄内"])),
    (WX, "无锡 江阴宜兴的大师工作室钱谁出", fact("subsidy", ["当地财政部门"])),
    (WX, "无锡 我57 二级技师 工作室运行3年了 团队6人 能报市级大师工作室吗", no(["55周岁"])),
    (WX, "无锡 网上申报系统几号几点关闭", fact("deadline", ["4月25日"], ["24:00"])),
    (SG, "韶关 市级大师工作室今年什么时候申报", fact("deadline", ["另行通知"])),
    (SG, "韶关市级工作室每年要培养几个高级工", fact("conditions", ["不低于4人"])),
    (
        SG,
        "韶关 入选名单公示几天 在哪公示",
        fact("process", ["5个工作日"], ["市人力资源社会保障网"]),
    ),
    (SG, "韶关 我们是技工学校 能当工作室的载体吗", yes_closed(["技工（职业）院校"])),
    # ---------------- dev notices (/work/shared/dev; all rounds over or undated) ----------------
    (YC, "盐城 工作室场地设备照片要几张", fact("materials", ["不少于4张"])),
    (YC, "盐城现场答辩每个人讲几分钟 要做PPT吗", nin(["88362147", "88362159"])),
    (NH, "南湖乡村工匠工作室资助多少", fact("subsidy", ["10000元"])),
    (NH, "南湖 我59岁 技师 在单位干了10年 能报技能大师工作室吗", no(["58周岁"])),
    (DG, "东莞 工作室年度工作报告几号前报", fact("deadline", ["12月20日"])),
    (DG, "东莞2025年度市级大师工作室什么时候开始申报", fact("deadline", ["另行通知"])),
    (MY, "绵阳首席技师工作室命名有效期几年", fact("validity", ["4年"])),
    (
        MY,
        "綿陽首席技師工作室 團隊除我3個人 平均年齡45歲 可以嗎",
        no(["40週歲", "40周岁"], trad=True),
    ),
    (WJ, "武进评审 领办人技能水平和业绩占多少分", fact("process", ["40分"])),
    (WJ, "武进 我们是外地企业在武进设的分公司 能报首席技师工作室吗", yes_closed(["分支机构"])),
    (TZ, "台州 推省级的工作室得当上市级满多久", fact("conditions", ["满1年"])),
    (TZ, "台州 县里汇总材料报市里截止哪天", fact("deadline", ["6月6日"])),
    (QZ, "泉州评估优秀的比例不超过多少", fact("process", ["30%"])),
    (QZ, "泉州 我1967年出生 技师 泉州工匠 能报新一批工作室吗", no(["57周岁", "1968年1月1日"])),
    (
        YCH,
        "宜昌特优技师工作室 退休返聘的能不能当领办人",
        fact("conditions", ["退休返聘人员可以申报"]),
    ),
    # ---------------- out of scope ----------------
    ("", "江门社保卡丢了在哪补办", oos()),
    ("", "个人所得税年度汇算怎么退税", oos()),
    ("", "马鞍山到南京的高铁一天几趟", oos()),
    ("", "教我做一道白切鸡", oos()),
    ("", "灵活就业人员养老保险每个月交多少", oos()),
]


def T(q, notice, spec):
    d = {"q": q, "notice": notice}
    d.update(spec)
    return d


def CMP(q, notices, *groups):
    return {"q": q, "notice": None, "notices": notices, "category": "subsidy", "expect": G(groups)}


CONV = [
    [
        T("江门技能大师工作室单位啥时候截止", A, fact("deadline", ["12月25日"])),
        T("那电话呢", A, fact("contact", ["3272615", "3272638"])),
        T("申报表要几份", A, fact("materials", ["一式两份"])),
    ],
    [
        T("补助多少钱", "", AMB),
        T("江门", A, fact("subsidy", ["5万元"])),
        T("那wuyuan呢", C, fact("subsidy", ["2万元"])),
    ],
    [
        T("南平第二批啥时候截止", D, fact("deadline", ["12月25日"])),
        T("县里推荐呢", D, fact("deadline", ["1月5日"])),
        T("邮箱呢", D, fact("contact", ["npjndsgzs@163.com"])),
    ],
    [
        T(
            "江门 我高级技师 离退休还有5年 在厂里干了8年 社保一直在江门 能当领办人吗",
            A,
            yes(["不少于3年"]),
        ),
        T("那要是只剩2年呢", A, no(["不少于3年"])),
        T("工作室有效期几年", A, fact("validity", ["3年"])),
    ],
    [
        T(
            "当涂首席技师 我48 高级技师 本企业干了6年 带过3个徒弟 条件够吗",
            B,
            yes_closed(["50周岁", "1976年1月1日"]),
        ),
        T("那我要是51呢", B, no(["50周岁", "1976年1月1日"])),
    ],
    [
        CMP("江门和南平哪个补助多", [A, D], ["5万元"], ["4萬元", "4万元"]),
        CMP("那当涂和婺源呢", [B, C], ["3万元"], ["2万元"]),
    ],
    [T("婺源 团队算上我4个人 够吗", C, yes(["4人"])), T("要是只有3个人呢", C, no(["4人"]))],
    [
        T("领办人年龄有限制吗", "", AMB),
        T("当涂", B, fact("conditions", ["55周岁"])),
        T("那nanping呢", D, fact("conditions", ["55週歲", "55周岁"])),
    ],
    [
        T("江门 我是高级工 没有啥称号 能当领办人吗", A, no(["技师（二级）"])),
        T("说错了，我是技师", A, yes(["技师（二级）"])),
    ],
    [
        T("当涂大师工作室申报表交几份", B, fact("materials", ["一式三份"])),
        T("装订有啥要求", B, fact("materials", ["左侧装订"])),
        T("电子版发哪", B, fact("contact", ["dtrsjzjg@163.com"])),
    ],
    [
        T("婺源今年认定几个工作室", C, fact("quota", ["6个"])),
        T("全县已经有几家县级的了", C, fact("quota", ["8家"])),
        T("找谁问", C, fact("contact", ["7342615", "13879347216", "7352207"])),
    ],
    [
        T("武夷山第二批能推几个", D, fact("quota", ["1"], ["茶產業類優先", "茶产业类优先"])),
        T("建瓯呢", D, fact("quota", ["名額已用完", "名额已用完"])),
        T("全市合计呢", D, fact("quota", ["12"], ["8個", "8个"])),
    ],
    [
        T("当涂现在还能报吗", B, closed(["9月25日"])),
        T("那江门呢", A, still_open(["12月25日"])),
        T("那wuyuan呢", C, still_open(["30日内", "11月18日"])),
    ],
    [
        T("太仓技能大师工作室补助多少", TC, fact("subsidy", ["2万元"])),
        T("那jiangmen呢", A, fact("subsidy", ["5万元"])),
    ],
    [
        T("东莞市级工作室资助多少", DG, fact("subsidy", ["3万元"])),
        T("那南平呢", D, fact("subsidy", ["4萬元", "4万元"])),
        T("有效期呢", D, fact("validity", ["3年"])),
    ],
    [
        T("江门 除了我还有4个人 都是本单位职工 其中1个技师 够吗", A, yes(["4人"], ["不含领办人"])),
        T("那算上我一共4个呢", A, no(["4人"], ["不含领办人"])),
    ],
    [
        T("婺源申报表在哪下载", C, fact("materials", ["婺源县人民政府网"])),
        T("要交几份", C, fact("materials", ["一式两份"])),
    ],
    [
        T("江门粤菜师傅类工作室有几个名额", A, fact("quota", ["3个"])),
        T("每个区能推几个粤菜的", A, fact("quota", ["每市（区）不超过1个"])),
    ],
    [
        T(
            "当涂 首席技师和大师工作室 哪个年龄卡得更严",
            B,
            fact("conditions", ["50周岁"], ["55周岁"]),
        ),
        T("两个能一起报吗", B, fact("conditions", ["只能申报其中一个项目"])),
    ],
    [
        T("南平技能大師工作室有效期幾年", D, fact("validity", ["3年"])),
        T("考核不合格呢", D, fact("process", ["連續兩年不合格", "连续两年不合格"])),
    ],
]


def main():
    with open(os.path.join(OUT, "questions.jsonl"), "w", encoding="utf-8") as f:
        for i, (nid, q, d) in enumerate(Q, 1):
            rec = {"id": f"q10-{i:03d}", "notice": nid, "question": q}
            rec.update(d)
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(os.path.join(OUT, "conversations.jsonl"), "w", encoding="utf-8") as f:
        for i, turns in enumerate(CONV, 1):
            f.write(json.dumps({"id": f"c{i:02d}", "turns": turns}, ensure_ascii=False) + "\n")
    print(len(Q), "questions,", len(CONV), "conversations,", sum(len(t) for t in CONV), "turns")


if __name__ == "__main__":
    main()
