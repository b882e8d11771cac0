#!/usr/bin/env python3
"""Writes ../questions.jsonl and ../conversations.jsonl for qa8 (plain python3, no dependencies)."""

import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)

# ---- verdict words: the only expect groups not taken literally from a notice (as qa6/qa7) ----
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
POS_FORBID = ["不符合", "不能申报", "不可以申报", "不能报", "不满足", "无法申报", "不具备申报"]
# yes-verdict about a CLOSED round (汉中, seeds, dev): forbid only condition negatives
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
# the notice leaves the point open: the answer must say so (qa2's 待确认 convention, made stricter:
# "咨询" alone is not enough, because almost every answer ends with a contact)
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
VALIDITY_FORBID = [
    "有效期2年",
    "有效期3年",
    "有效期4年",
    "有效期5年",
    "有效期为2年",
    "有效期为3年",
    "有效期为4年",
    "有效期为5年",
]
AGE_FORBID = [
    "不超过50周岁",
    "不超过55周岁",
    "不超过57周岁",
    "不超过60周岁",
    "55周岁以下",
    "50周岁以下",
]

A, B, C, D = "qa8_a", "qa8_b", "qa8_c", "qa8_d"
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
PH_A = ["87212635", "87216108", "82281953"]
PH_B = ["2081365", "2081372"]
PH_C = ["8253127", "6307415", "8480631", "8253000"]
PH_D = ["2626358", "2213746"]
PH_TC = ["53542494", "53576718"]

CITIES = [
    "太仓",
    "镇江",
    "鹿城",
    "无锡",
    "韶关",
    "胶州",
    "蚌埠",
    "青海",
    "汉中",
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
HONOURS_D = [
    "中华技能大奖",
    "全国技术能手",
    "三秦工匠",
    "陕西省技术能手",
    "汉中工匠",
    "汉中市技术能手",
    "一等奖",
]


def G(groups):
    return [list(g) for g in groups]


def no(*th, trad=False):
    return dict(
        category="verdict",
        expect=[NEG_T if trad else NEG] + G(th),
        forbid=NEG_FORBID_T if trad else NEG_FORBID,
    )


def yes(*th):
    return dict(category="verdict", expect=[POS] + G(th), forbid=POS_FORBID)


def yes_closed(*th):
    return dict(category="verdict", expect=[POS] + G(th), forbid=POS_CLOSED_FORBID)


def closed(*th):
    return dict(category="verdict", expect=[CLOSED] + G(th), forbid=CLOSED_FORBID)


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


Q = [
    # ---------------- qa8_a 胶州市 (docx, two programmes, OPEN: 即日起至2027年1月15日) ----------------
    (A, "jiaozhou 技能大师工作室申报截止到哪天", fact("deadline", ["2027年1月15日", "1月15日"])),
    (A, "胶州首席技师工作室 找谁问 电化多少", fact("contact", ["李娜"], ["87216108"])),
    (A, "胶州技能大师工作室补主多少 是一次给吗", fact("subsidy", ["8万元"], ["5万元"], ["3万元"])),
    (A, "膠州首席技師工作室補助多少錢", fact("subsidy", ["3万元"])),
    (A, "胶州首席技师工作室认定了有效期几年", fact("validity", ["2年"])),
    (A, "上合示范区首席技师工作室能推荐几个", fact("quota", ["4个"])),
    (A, "胶州申报表交几份 场所照片要几张", fact("materials", ["一式三份"], ["5张"])),
    (
        A,
        "本人技师 拿过青岛工匠 在公司干了6年 离退休还有8年 胶州技能大师工作室能报不",
        yes(["青岛工匠"]),
    ),
    (A, "胶州技能大师工作室 我们团队算上我一共5个人 够吗", no(["5人"], ["不含领办人"])),
    (
        A,
        "我今年刚好50 技师 是公司聘的首席技师 车间一线干了12年 胶州首席技师工作室能报吗",
        yes(["50周岁", "1976年1月1日"]),
    ),
    (
        A,
        "我们是职业学校 能报胶州的首席技师工作室不",
        no(["不申报此类工作室", "依托单位为企业", "职业院校不申报", "为企业"]),
    ),
    (A, "胶州 我离法定退休正好还有3年 高级技师 技能大师工作室还能领办吗", yes(["3年"])),
    (A, "今天12月1号了 胶州工作室还能报吗", still_open(["2027年1月15日", "1月15日"])),
    (A, "胶州技能大师工作室 团队里有2个是劳务派遣过来的 算在职职工吗", unsure(["在职职工"])),
    (A, "胶州大师工作室 第一笔5w补助 啥时候到账", nin(PH_A)),
    # ---------------- qa8_b 蚌埠市 (GBK txt, inline-numbered, OPEN: 2026年11月20日至2027年1月8日) ----------------
    (B, "bengbu 大师工作室单位申报啥时候截止", fact("deadline", ["2027年1月8日", "1月8日"])),
    (B, "蚌埠专家评审大概什么时候 怎么评", fact("process", ["3月上旬"], ["现场答辩"])),
    (B, "固镇县人社局这块联系谁", fact("contact", ["徐涛"], ["6012458"])),
    (B, "蚌埠技能大师工作室给多少钱 怎么拨", fact("subsidy", ["6万元"], ["每年3万元"])),
    (B, "蚌埠工做室有效期几年", fact("validity", ["4年"])),
    (B, "蚌埠全市认定几个 每个县区推几个", fact("quota", ["10个"], ["3个"])),
    (B, "我1969年5月出生的 技师 蚌埠能报吗", yes(["57周岁", "1969年1月1日"])),
    (B, "我58了 高级技师 蚌埠大师工作室能报不", no(["57周岁", "1969年1月1日"])),
    (B, "蚌埠 加上我一共4个人 我是技师 团队够不够", yes(["4人"], ["含领办人"])),
    (B, "我是技师 啥荣誉称号都没有 蚌埠能报吗", yes(["优先"])),
    (B, "我们是个体工商户 开玉雕店的 蚌埠能申报吗", no(["个体工商户"])),
    (B, "蚌埠 工作室今年7月份才成立 能报吗", no(["满1年"])),
    (B, "蚌埠 团队里有个退休返聘的老师傅 算在职职工吗", unsure(["在职职工"])),
    (B, "12.1了 蚌埠现在还能报名吗", still_open(["2027年1月8日", "1月8日"])),
    (B, "蚌埠现场答辩在哪答 要本人去吗", nin(PH_B)),
    # ---------------- qa8_c 青海省 (html, 2nd batch OPEN: 即日起至2026年12月25日; 1st batch closed 7月31日) ----------------
    (
        C,
        "青海省级技能大师工作室第二批 deadline 是哪天",
        fact("deadline", ["2026年12月25日", "12月25日"]),
    ),
    (C, "青海第一批是啥时候截止的", fact("deadline", ["7月31日"])),
    (C, "qinghai 民族传统技艺类的工作室申报找谁咨询", fact("contact", ["韩永福"], ["6307415"])),
    (C, "青海人社厅技能大师工作室联系人 电话", fact("contact", ["马晓兰"], ["8253127"])),
    (C, "青海省级大师工作室给多少建设经费", fact("subsidy", ["10万元"])),
    (C, "青海第二批一共认定几个 西宁能推几个", fact("quota", ["10个"], ["3个"])),
    (C, "青海省级技能大师工作室有效其多久", fact("validity", ["4年"])),
    (C, "青海申报表交几份 电子版发哪个邮箱", fact("materials", ["一式两份"], ["qhrstjnc@163.com"])),
    (C, "我们是市级技能大师工作室 今年3月才认定的 能报青海省级的吗", no(["满1年"])),
    (
        C,
        "我做热贡唐卡的 高级工 省级非遗传承人 青海省级大师工作室能报吗",
        yes(["高级工"], ["省级以上非物质文化遗产代表性传承人"]),
    ),
    (C, "青海 我是县级非遗传承人 做土族盘绣 高级工 能报吗", no(["省级以上"])),
    (C, "青海第一批报了没评上 第二批还能再报吗", yes(["修改完善"])),
    (C, "青海 团队加我正好6个人 技师3个 够吗", yes(["6人"], ["含领办人"])),
    (C, "青海省级大师工作室现在还能报吗", still_open(["2026年12月25日", "12月25日"])),
    (C, "青海那10万元经费大概什么时候拨下来", nin(PH_C)),
    # ---------------- qa8_d 汉中市 (pdf 红头, CLOSED: 2026年9月18日前) ----------------
    (D, "汉中技能大师工作室现在还能报吗", closed(["9月18日"])),
    (D, "hanzhong 县区推荐截止时间", fact("deadline", ["9月30日"])),
    (D, "汉中人社局技能大师工作室联系人", fact("contact", ["杨帆"], ["2626358"])),
    (D, "汉中 jineng dashi 工作室资助多少 rmb", fact("subsidy", ["4万元"])),
    (D, "汉中一共认定几个 每个县区能推荐几个", fact("quota", ["6个"], ["2个"])),
    (D, "汉中工作室场地要多大", fact("conditions", ["45平方米"])),
    (D, "我56歲 高級技師 漢中能報嗎", no(["55周岁", "1971年1月1日"], trad=True)),
    (D, "汉中 我54 不过还有一年多就退休了 能报吗", no(["2年"])),
    (
        D,
        "汉中 我男的 技师 汉中市技术能手 1975年生 在厂里干了10年 条件够吗",
        yes_closed(["汉中市技术能手"]),
    ),
    (
        D,
        "汉中 除了我还有4个徒弟 都是本厂职工 有1个技师 团队够吗",
        yes_closed(["4人"], ["不含领办人"]),
    ),
    (D, "汉中 我是技师 没得过什么奖 能当领办人吗", no(HONOURS_D)),
    (D, "汉中 我们公司注册刚两年 能申报吗", no(["满3年"])),
    (D, "汉中 我女的 今年52 技师 陕西省技术能手 能报吗", unsure(["2年"])),
    (
        D,
        "我男 1971年1月出生的 技师 陕西省技术能手 汉中这个年龄符合吗",
        yes_closed(["1971年1月1日", "55周岁"]),
    ),
    (D, "汉中明年还评不评", nin(PH_D)),
    # ---------------- seeds (all rounds over or undated as of 2026-12-01) ----------------
    (TC, "taicang 大师工作室材料交到哪 几号办公室", fact("contact", ["十八港路"], ["1310"])),
    (TC, "太倉技能大師工作室補助多少", fact("subsidy", ["2万元"])),
    (TC, "太仓 我们企业职工教育经费用在高技能人才上的只有20% 能依托我们建工作室吗", no(["30%"])),
    (TC, "太仓评审要不要答辩", nin(PH_TC)),
    (TC, "太仓现在还能交材料吗", closed(["8月20日"])),
    (ZJ, "zhenjiang de 初审推荐截止几号", fact("deadline", ["5月29日"])),
    (ZJ, "镇江工作室连续几年考核不合格会被撤销", fact("validity", ["连续三年"])),
    (
        ZJ,
        "镇江 我是镇江市技术能手 在厂里搞技术攻关好多年了 能当工作室领衔人吗",
        yes_closed(["镇江市技术能手"]),
    ),
    (ZJ, "镇江的电子邮箱是多少", fact("contact", ["750660696@qq.com"])),
    (ZJ, "镇江工作室领衔人有没有年龄限制", nin(["85340338"], forbid=AGE_FORBID)),
    (LC, "鹿城 我离法定退休刚好还有3年 能领办区级大师工作室吗", yes_closed(["3年以上"])),
    (LC, "鹿城 团队算上我一共3个人 够不够", no(["3人"])),
    (LC, "鹿城区大师工作室申报截止日期是几号", nin(["88990719"])),
    (LC, "lucheng 评上区级技能大师工作室给多少钱", fact("subsidy", ["2万元"])),
    (LC, "鹿城申报材料打印有啥要求", fact("materials", ["黑白双面"])),
    (WX, "无锡 我55岁整 技师 工作室运行3年了 团队6个人 能报大师工作室吗", yes_closed(["55周岁"])),
    (WX, "无锡企业首席技师候选人综合材料字数有要求吗", fact("materials", ["2000字以内"])),
    (WX, "无锡技能大师工作室一共评多少个", fact("quota", ["10个左右"])),
    (WX, "无锡网上申报系统几号几点关闭", fact("deadline", ["24:00"], ["4月25日"])),
    (WX, "无锡大师工作室启动经费多少 领办人个人能拿多少", fact("subsidy", ["5万元"], ["1万元"])),
    (SG, "韶关技能大师工作室什么时候开始申报", fact("deadline", ["另行通知"])),
    (SG, "韶关工作室领办人和主要成员要几个技师", fact("conditions", ["3名"])),
    (SG, "韶关市级大师工作室每年要培养多少个高级工", fact("conditions", ["4人"])),
    (SG, "韶关工作室有效期满了还能续吗", fact("validity", ["延续"])),
    (
        SG,
        "韶关评上了有补助吗 给多少",
        nin(["8605683"], forbid=["1万元", "2万元", "3万元", "5万元", "10万元"]),
    ),
    # ---------------- dev notices (/work/shared/dev; all rounds over or undated) ----------------
    (YC, "我1969年出生的 高级技师 盐城市级大师工作室能报吗", no(["55周岁", "1970年1月1日"])),
    (NH, "nanhu 乡村工匠工作室评上补助多少", fact("subsidy", ["10000元"])),
    (QZ, "泉州市级大师工作室评估 优秀的比例有上限吗", fact("process", ["30%"])),
    (DG, "东莞市级技能大师工作室今年啥时候申报", fact("deadline", ["另行通知"])),
    (DG, "东莞 我们工作室挂牌才一年半 能报市级的吗", no(["满两年"])),
    (
        MY,
        "綿陽首席技師工作室團隊最少幾個人 含不含領辦人",
        fact("conditions", ["3人"], ["不含領辦人", "不含领办人"]),
    ),
    (WJ, "武进 我离退休正好还有3年 技师 一线干了十年 能报首席技师工作室吗", yes_closed(["3年"])),
    (
        TZ,
        "台州市级技能大师工作室团队要几个人 含不含领办人",
        fact("conditions", ["4人"], ["含领办人"]),
    ),
    (
        QZ,
        "泉州新认定的市级大师工作室给多少钱 怎么拨",
        fact("subsidy", ["3万元"], ["2万元"], ["1万元"]),
    ),
    (YCH, "宜昌 我是特优技师 已经退休返聘了 还能报特优技师工作室吗", yes_closed(["退休返聘"])),
    # ---------------- out of scope ----------------
    ("", "社保卡丢了怎么补办", oos()),
    ("", "劳动仲裁申请要准备什么材料", oos()),
    ("", "青岛流亭机场到胶州机场怎么坐地铁", oos()),
    ("", "帮我把这段话翻译成英文：欢迎参加培训", oos()),
    ("", "灵活就业人员医保每月交多少钱", oos()),
]


def T(q, notice, spec):
    d = {"q": q, "notice": notice}
    d.update(spec)
    return d


def CMP(q, notices, *groups):
    return {"q": q, "notice": None, "notices": notices, "category": "subsidy", "expect": G(groups)}


CONV = [
    [
        T("胶州技能大师工作室几号截止", A, fact("deadline", ["2027年1月15日", "1月15日"])),
        T("那电话呢", A, fact("contact", ["87212635"])),
        T("邮箱呢", A, fact("contact", ["jzrsjnds@163.com"])),
    ],
    [
        T("胶州技能大师工作室补助多少", A, fact("subsidy", ["8万元"])),
        T("首席技师工作室呢", A, fact("subsidy", ["3万元"])),
        T("有效期分别几年", A, fact("validity", ["3年"], ["2年"])),
    ],
    [
        T("现在还能报吗", "", AMB),
        T("蚌埠", B, still_open(["2027年1月8日", "1月8日"])),
        T("那hanzhong呢", D, closed(["9月18日"])),
    ],
    [
        T("汉中现在还能申报吗", D, closed(["9月18日"])),
        T("那青海省级的呢", C, still_open(["2026年12月25日", "12月25日"])),
    ],
    [
        T("我56 技师 蚌埠能报吗", B, yes(["57周岁", "1969年1月1日"])),
        T("那我58呢", B, no(["57周岁", "1969年1月1日"])),
    ],
    [
        T("汉中 除了我有4个团队成员 够吗", D, yes_closed(["4人"])),
        T("那要是算上我一共才4个呢", D, no(["4人"], ["不含领办人"])),
    ],
    [
        CMP("胶州和蚌埠哪个补助多", [A, B], ["8万元"], ["6万元"]),
        CMP("那青海和汉中呢", [C, D], ["10万元"], ["4万元"]),
    ],
    [
        T("蚌埠技能大师工作室有效期几年", B, fact("validity", ["4年"])),
        T("hanzhong ne", D, fact("validity", ["3年"])),
        T("那青海呢", C, fact("validity", ["4年"])),
    ],
    [
        T("青海第二批西宁能推荐几个", C, fact("quota", ["3个"])),
        T("海西州呢", C, fact("quota", ["2个"])),
        T("全省一共认定几个", C, fact("quota", ["10个"])),
    ],
    [
        T("蚌埠申报表要交几份", B, fact("materials", ["一式两份"])),
        T("照片呢", B, fact("materials", ["3张"])),
    ],
    [
        T("领办人年龄有限制吗", "", AMB),
        T("汉中", D, fact("conditions", ["55周岁"])),
        T("胶州首席技师工作室呢", A, fact("conditions", ["50周岁"])),
    ],
    [
        T("胶州首席技师工作室领办人有啥要求", A, fact("conditions", ["首席技师"], ["50周岁"])),
        T("我51了 能报吗", A, no(["50周岁", "1976年1月1日"])),
        T("那技能大师工作室呢 我是高级技师 离退休还有9年", A, yes(["3年"])),
    ],
    [
        T(
            "我做藏毯织造的 高级工 是省级非遗传承人 青海能报省级大师工作室吗",
            C,
            yes(["省级以上非物质文化遗产代表性传承人"]),
        ),
        T("那我要只是市级传承人呢", C, no(["省级以上"])),
    ],
    [
        T("zhenjiang 技能大师工作室启动资金多少", ZJ, fact("subsidy", ["2万元"])),
        T("那taicang呢", TC, fact("subsidy", ["2万元"])),
        T("电话呢", TC, fact("contact", PH_TC)),
    ],
    [
        T("韶关技能大师工作室有效期几年", SG, fact("validity", ["5年"])),
        T("那青海呢", C, fact("validity", ["4年"])),
    ],
    [
        T("汉中申报截止是哪天", D, fact("deadline", ["9月18日"])),
        T("现在补交还行吗", D, closed(["9月18日", "9月30日"])),
        T("下次啥时候评 找谁问", D, nin(PH_D)),
    ],
    [
        T("胶州上合示范区技能大师工作室能推几个", A, fact("quota", ["3个"])),
        T("首席技师呢", A, fact("quota", ["4个"])),
    ],
    [
        T("蚌埠固镇县找谁", B, fact("contact", ["徐涛"], ["6012458"])),
        T("五河呢", B, fact("contact", ["韩冰"], ["5022179"])),
    ],
    [
        T("盐城技能大师工作室补助多少", YC, fact("subsidy", ["2万元"])),
        T("那宜昌呢", YCH, fact("subsidy", ["1.5万元"])),
    ],
    [
        T("无锡大师工作室领办人年龄要求", WX, fact("conditions", ["55周岁"])),
        T("那汉中呢", D, fact("conditions", ["55周岁"])),
        T("我54 但明年就退休了 汉中行吗", D, no(["2年"])),
    ],
]


def main():
    with open(os.path.join(OUT, "questions.jsonl"), "w", encoding="utf-8") as f:
        for i, (nid, q, d) in enumerate(Q, 1):
            rec = {"id": f"q8-{i:03d}", "notice": nid, "question": q}
            rec.update(d)
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(os.path.join(OUT, "conversations.jsonl"), "w", encoding="utf-8") as f:
        for i, turns in enumerate(CONV, 1):
            f.write(json.dumps({"id": f"c{i:02d}", "turns": turns}, ensure_ascii=False) + "\n")
    print(len(Q), "questions,", len(CONV), "conversations,", sum(len(t) for t in CONV), "turns")


if __name__ == "__main__":
    main()
