#!/usr/bin/env python3
"""Writes ../questions.jsonl and ../conversations.jsonl for qa11 (plain python3, no dependencies)."""

import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)

# ---- verdict words: the only expect groups not taken literally from a notice (as qa6..qa10) ----
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
# yes-verdict about a CLOSED round (富平, seeds, dev): forbid only condition negatives
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

# 黄州 (qa11_c) has two programmes with different states: 劳模和工匠人才创新工作室 CLOSED (11月25日),
# 技能大师工作室 OPEN (12月15日). A right answer about one may mention the other's state, so the
# usual CLOSED_FORBID / OPEN_FORBID are narrowed to claims about the programme asked about.
LM_CLOSED_FORBID = [
    "劳模和工匠人才创新工作室尚未截止",
    "劳模和工匠人才创新工作室还可以申报",
    "劳模和工匠人才创新工作室仍可申报",
    "劳模创新工作室尚未截止",
    "劳模创新工作室还可以申报",
    "劳模创新工作室仍可申报",
]
HZ_OPEN_FORBID = [
    "技能大师工作室已截止",
    "技能大师工作室已经截止",
    "技能大师工作室申报已截止",
    "技能大师工作室已结束",
    "技能大师工作室申报已经结束",
]
# 黄州 follow-up "去年评的合格呢": a right answer quotes "同一职业（工种）不得重复申报", so only forbid a flat no.
HZ_PASS_FORBID = ["不能申报新的", "不可以申报新的", "也不能申报", "同样不能申报", "也不得申报"]

A, B, C, D = "qa11_a", "qa11_b", "qa11_c", "qa11_d"
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
PH_A = ["63126543", "63127801", "63948122"]
PH_B = ["6925147", "6925163"]
PH_C = ["8661735", "8661742", "8353126", "13886752098"]
PH_D = ["8213562", "8221047"]

CITIES = [
    "太仓",
    "镇江",
    "鹿城",
    "无锡",
    "韶关",
    "云南",
    "牡丹江",
    "黄州",
    "富平",
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
# photo counts of other notices (牡丹江 6张以上, 盐城 不少于4张, qa10 江门/婺源 3/5张); qa11_d names no count
PHOTO_FORBID = ["6张", "不少于4张", "不少于3张", "不少于5张", "4张", "5张"]


def G(groups):
    return [list(g) for g in groups]


def no(*th, trad=False):
    return dict(
        category="verdict",
        expect=[NEG_T if trad else NEG] + G(th),
        forbid=NEG_FORBID_T if trad else NEG_FORBID,
    )


def yes(*th, trad=False, forbid=None):
    return dict(
        category="verdict",
        expect=[POS_T if trad else POS] + G(th),
        forbid=forbid or (POS_FORBID_T if trad else POS_FORBID),
    )


def yes_closed(*th):
    return dict(category="verdict", expect=[POS] + G(th), forbid=POS_CLOSED_FORBID)


def closed(*th, forbid=None):
    return dict(category="verdict", expect=[CLOSED] + G(th), forbid=forbid or CLOSED_FORBID)


def still_open(*th, forbid=None):
    return dict(category="verdict", expect=[OPEN] + G(th), forbid=forbid or OPEN_FORBID)


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
    # ---------------- qa11_a 云南省 (html; 省厅推荐国家级项目; OPEN: 单位 2026年12月15日前, 州市 12月25日前) ----------------
    (
        A,
        "yunnan 国家级技能大师工作室 单位啥时候前要把材料交到州市人社局",
        fact("deadline", ["2026年12月15日", "12月15日"]),
    ),
    (A, "云南国家级大师工作室推荐 现在还能报吗", still_open(["12月15日"])),
    (
        A,
        "雲南國家級技能大師工作室 中央財政補助多少 省裡配套多少",
        fact("subsidy", ["50万元"], ["10万元"]),
    ),
    (A, "云南 推荐上去了但人社部最后没批 省里还给钱吗", fact("subsidy", ["不享受"])),
    (A, "云南国家级项目建设期几年 期满谁来验收", fact("validity", ["2年"], ["初验"])),
    (A, "红河州能推荐几个 建水紫陶那类的能报几个", fact("quota", ["2"], ["不超过1个"])),
    (A, "云南省级评审 团队建设和人才培养占多少分 满分多少", fact("process", ["25分"], ["100分"])),
    (
        A,
        "云南省人社厅这个事归哪个处管 电话多少",
        fact("contact", ["职业能力建设处"], ["63126543", "63127801"]),
    ),
    (A, "我是省级技能大师工作室领办人 工作室2025年6月才认定的 能报国家级吗", no(["运行满2年"])),
    (
        A,
        "俺56岁 中华技能大奖获得者 高级技师 省级工作室运行3年了考核合格 团队除我10个人 4个技师 场地150平 能报国家级不",
        yes(["58周岁"]),
    ),
    (A, "云南 我五十六 全国技术能手 高级技师 能领办国家级项目吗", no(["55周岁", "1971年1月1日"])),
    (A, "云南国家级项目 团队算上我一共8个人 其中4个技师 够不够", no(["8人"], ["不含领办人"])),
    (A, "云南 我个人想直接申报国家级技能大师工作室 可以吗", no(["不受理个人申报"])),
    (A, "人社部一般几月份公布国家级技能大师工作室名单", nin(PH_A)),
    (A, "云南国家级项目到了人社部那一轮 要不要去北京答辩", nin(PH_A)),
    # ---------------- qa11_b 牡丹江市 (txt UTF-8 no BOM; 问答体申报指南; OPEN: 线上 12月18日17:00, 纸质 12月25日) ----------------
    (
        B,
        "mudanjiang 技能大师工作室网上申报几号关 几点关",
        fact("deadline", ["12月18日"], ["17:00"]),
    ),
    (B, "牡丹将 大师工作室网上申报咋整 网址是多少", fact("contact", ["jnrc.mdj.gov.cn:8090/jnds"])),
    (B, "海林的人社局电化多少 问大师工作室的事", fact("contact", ["7225190"])),
    (B, "牡丹江 我是女的 今年52 技师 在单位干了5年 能当领办人吗", no(["50周岁", "1976年1月1日"])),
    (
        B,
        "俺是男的 五十二岁 高级技师 在厂里干了八年 团队6个人 有3个技师 牡丹江能报不",
        yes(["55周岁", "1971年1月1日"]),
    ),
    (B, "牡丹江 我是高级工 拿过牡丹江市技术能手 能领办工作室吗", yes(["高级工（三级）"])),
    (
        B,
        "牡丹江 团队连我一共6个人 3个是本单位的 另外3个是合作技校的老师 技师有3个 行不行",
        yes(["一半"]),
    ),
    (B, "牡丹江 我们公司2024年5月注册的 能报市级大师工作室吗", no(["满3年"])),
    (B, "牡丹江 去年报了没评上 今年还能再报吗", yes(["整改说明"])),
    (
        B,
        "牡丹江评上市级大师工作室给多少钱 以后评上省级还有没有",
        fact("subsidy", ["5万元"], ["2万元"]),
    ),
    (B, "牡丹江 场地设备照片要几张 建设方案最多几个字", fact("materials", ["6张"], ["5000字"])),
    (B, "牡丹江市级工作室有效期多长 年度报告啥时候交", fact("validity", ["3年"], ["1月31日"])),
    (B, "牡丹江今年认定几个 每个县区能推几个", fact("quota", ["10个"], ["3个"])),
    (B, "牡丹江那5万块补助大概啥时候能到账", nin(PH_B)),
    (B, "牡丹江评审要不要答辩 每人讲几分钟", nin(PH_B)),
    # ---------------- qa11_c 黄州区 (docx; 2026 call + 2025 考核结果 + 劳模和工匠人才创新工作室; 技能大师 OPEN 12月15日, 劳模 CLOSED 11月25日) ----------------
    (C, "黄州区技能大师工作室申报截止哪天", fact("deadline", ["2026年12月15日", "12月15日"])),
    (
        C,
        "huangzhou 劳模和工匠人才创新工作室 现在还能报吗",
        closed(["11月25日"], forbid=LM_CLOSED_FORBID),
    ),
    (C, "黄州 我们单位的工作室去年考核不合格 今年还能申报新的区级工作室吗", no(["本年度不得申报"])),
    (C, "黄州考核不合格的 整改报告几号前交", fact("deadline", ["2027年2月12日", "2月12日"])),
    (
        C,
        "黄州区级技能大师工作室有效期几年 多久考核一次",
        fact("validity", ["3年"], ["每年考核一次"]),
    ),
    (C, "黄州 周爱华那个数控车削工作室去年考核啥等次", fact("process", ["优秀"])),
    (C, "黄洲 考核优秀的工作室奖多少钱", fact("subsidy", ["1万元"])),
    (
        C,
        "黄州区级技能大师工作室和劳模创新工作室 评上了各给多少",
        fact("subsidy", ["3万元"], ["2万元"]),
    ),
    (C, "黄州 我是市级劳动模范 想报劳模创新工作室 但我们厂没成立工会 行吗", no(["工会组织"])),
    (C, "黄州 我能同时报技能大师工作室和劳模创新工作室吗", no(["不得同时申报"])),
    (C, "黄州 我技师 离法定退休还有一年半 能领办区级技能大师工作室吗", no(["不少于2年"])),
    (
        C,
        "黄州 我技师 在公司干了6年 离退休还有9年 团队除我3个人都是本公司的 场地45平 公司注册4年了 能报吗",
        yes(["3人以上"], ["40平方米"]),
    ),
    (C, "黄州 申报表交几份 送到哪个股", fact("materials", ["一式两份"], ["职业能力建设股"])),
    (C, "黄州 考核优秀的那1万块啥时候发", nin(PH_C)),
    (
        C,
        "黄州 劳模创新工作室评上以后在哪公示 公示几天",
        nin(PH_C, forbid=["5个工作日", "7个工作日"]),
    ),
    # ---------------- qa11_d 富平县 (pdf 红头 scanned look; CLOSED: 7月10日至8月14日; 6万元 分三次) ----------------
    (D, "fuping 技能大师工作室现在还能报吗", closed(["8月14日"])),
    (D, "富平县级大师工作室单位申报是几号到几号", fact("deadline", ["7月10日"], ["8月14日"])),
    (D, "富坪 县级技能大师工作室补助多少 分几次拨", fact("subsidy", ["6万元"], ["分三次"])),
    (D, "富平 补助的第二笔2万啥时候给", fact("subsidy", ["第一年度考核合格"])),
    (D, "富平 年度考核要是不合格 剩下的补助还给吗", fact("process", ["停止拨付剩余补助资金"])),
    (
        D,
        "我1972年出生 高级工 是富平工匠 做柿饼20年了 带了5个徒弟 在合作社干了3年 合作社成立5年 团队连我4个人 场地60平 富平能报吗",
        yes_closed(["富平工匠"]),
    ),
    (D, "富平 我五十六了 技师 能报县级工作室吗", no(["55周岁", "1971年1月1日"])),
    (D, "富平 团队加上我只有3个人 够不够", no(["4人"], ["含领办人"])),
    (D, "富平 我是技师 干这行才8年 能当领办人吗", no(["10年以上"])),
    (D, "富平今年认定几个 特色产业的占几个", fact("quota", ["5个"], ["2个"])),
    (D, "富平申报表要交几分", fact("materials", ["一式三份"])),
    (D, "富平县人社局联系电话多少 找谁", fact("contact", ["李海燕"], ["8213562"])),
    (D, "富平 镇街初审推荐啥时候前报到县里", fact("deadline", ["8月28日"])),
    (D, "富平今年评上的是哪几家 名单出来了吗", nin(PH_D)),
    (D, "富平 工作室场地照片要拍几张", nin(PH_D, forbid=PHOTO_FORBID)),
    # ---------------- seeds (all rounds over or undated as of 2026-12-01) ----------------
    (TC, "taicang 大师工作室材料几号前报", fact("deadline", ["8月20日"])),
    (TC, "太仓 申请表交几份", fact("materials", ["一式两份"])),
    (TC, "太仓 我是高级工 没啥绝活 能领办工作室吗", no(["技师、高级技师"])),
    (TC, "太仓技能大师工作室 打哪个电话咨询", fact("contact", ["53542494", "53576718"])),
    (ZJ, "镇江 评估考核连续几年不合格会撤销称号", fact("process", ["连续三年"])),
    (ZJ, "镇江 辖市区初审推荐名单几号前报", fact("deadline", ["5月29日"])),
    (ZJ, "镇江 我是技师 没拿过任何荣誉称号 但搞过不少技术革新 能当领衔人吗", no(["奖励和荣誉"])),
    (ZJ, "镇江 评估考核优秀的奖励多少钱", nin(["85340338"])),
    (LC, "鹿城今年评几个区级大师工作室", fact("quota", ["8个"])),
    (
        LC,
        "鹿城 团队除了领办人要几个人 必须是本单位的吗",
        fact("conditions", ["3人"], ["申报单位人员"]),
    ),
    (LC, "鹿城 材料打印几份 单面还是双面", fact("materials", ["一式一份"], ["双面"])),
    (LC, "鹿城 我是温州名匠 没考技师 能领办区级工作室吗", yes_closed(["温州名匠"])),
    (WX, "无锡 各市县区人社局几号前完成在线审核推荐", fact("deadline", ["5月10日"])),
    (WX, "无锡 宜兴能推几个大师工作室", fact("quota", ["紫砂业不超过1人"])),
    (WX, "无锡 首席技师候选人综合材料限多少字", fact("materials", ["2000字"])),
    (
        WX,
        "无锡 我们的大师工作室才成立一年半 团队6人 领办人50岁 二级技师 能报市级吗",
        no(["满两年"]),
    ),
    (SG, "韶关市级技能大师工作室有效期几年 到期了咋办", fact("validity", ["5年"], ["延续"])),
    (SG, "韶关评上市级大师工作室补助多少钱", fact("subsidy", ["酌情"])),
    (SG, "韶关 领办人要是离开申报单位了 称号还保留吗", fact("process", ["不再保留"])),
    (SG, "韶关技能大师工作室咨询电话", fact("contact", ["8605683"])),
    # ---------------- dev notices (/work/shared/dev; all rounds over or undated) ----------------
    (
        YC,
        "盐城 我1971年3月出生 高级技师 在单位干了6年 近三年搞了3项技术革新 能报吗",
        yes_closed(["55周岁", "1970年1月1日"]),
    ),
    (YC, "盐城 单位每年得给工作室安排多少经费", fact("conditions", ["1万元"])),
    (
        NH,
        "南湖 同一个人能同时报技能大师工作室和乡村工匠工作室吗",
        fact("conditions", ["不得同时申报两类工作室"]),
    ),
    (NH, "南湖 资助的钱从哪出 拨给谁", fact("subsidy", ["区人才发展专项资金"], ["依托单位"])),
    (DG, "东莞 市级工作室每年要带几个徒弟", fact("conditions", ["4人"])),
    (DG, "东莞 我们工作室挂牌才一年半 能报市级吗", no(["满两年"])),
    (MY, "绵阳 我们企业成立才半年 能报首席技师工作室吗", no(["一年以上"], trad=True)),
    (MY, "绵阳首席技师工作室评审要答辩吗", nin(["2318647", "2245391"])),
    (WJ, "武进 团队5个人含我 有个新来的社保才交了3个月 行不行", no(["6个月"])),
    (WJ, "武进首席技师工作室 拟评选名单在哪公示", fact("process", ["武进区人民政府门户网站"])),
    (TZ, "台州推省级 上一年度考核要啥等次", fact("conditions", ["合格以上"])),
    (TZ, "台州 市级工作室 我56岁 技师 能报吗", no(["55周岁"])),
    (QZ, "泉州 我是技师 但没拿过任何称号 能报新一批市级工作室吗", no(["泉州工匠"])),
    (QZ, "泉州 2020年认定的工作室今年要参加评估吗", fact("process", ["2020年、2021年认定"])),
    (YCH, "宜昌 每个县市区能推荐几个技能大师工作室", fact("quota", ["不超过2个"])),
    # ---------------- out of scope ----------------
    ("", "牡丹江到绥芬河的火车票怎么买", oos()),
    ("", "过桥米线怎么做才正宗", oos()),
    ("", "失业保险金怎么申领", oos()),
    ("", "住房公积金提取要啥材料", oos()),
    ("", "富平柿饼网上哪家好吃", oos()),
]


def T(q, notice, spec):
    d = {"q": q, "notice": notice}
    d.update(spec)
    return d


def CMP(q, notices, *groups):
    return {"q": q, "notice": None, "notices": notices, "category": "subsidy", "expect": G(groups)}


CONV = [
    [
        T("牡丹江技能大师工作室网上申报截止到啥时候", B, fact("deadline", ["12月18日"])),
        T("那纸质材料呢", B, fact("deadline", ["12月25日"])),
        T("网址呢", B, fact("contact", ["jnrc.mdj.gov.cn:8090/jnds"])),
    ],
    [
        T("补助多少钱", "", AMB),
        T("富平", D, fact("subsidy", ["6万元"])),
        T("那mudanjiang呢", B, fact("subsidy", ["5万元"])),
    ],
    [
        T("云南国家级技能大师工作室推荐 州市报省厅最晚几号", A, fact("deadline", ["12月25日"])),
        T("省里啥时候报人社部", A, fact("deadline", ["2027年1月20日", "1月20日"])),
        T("邮箱呢", A, fact("contact", ["ynzjc_jnds@163.com"])),
    ],
    [
        T("黄州 我们工作室去年考核不合格 今年能再报一个新的吗", C, no(["本年度不得申报"])),
        T("那要是去年评的合格呢", C, yes(["其他职业（工种）"], forbid=HZ_PASS_FORBID)),
        T("同一个职业能再报一个吗", C, fact("conditions", ["同一职业（工种）不得重复申报"])),
    ],
    [
        T(
            "牡丹江 我是女的 48岁 技师 在单位干了4年 能当领办人吗",
            B,
            yes(["50周岁", "1976年1月1日"]),
        ),
        T("那我要是51呢", B, no(["50周岁", "1976年1月1日"])),
    ],
    [
        CMP("牡丹江和黄州哪个补助多", [B, C], ["5万元"], ["3万元"]),
        CMP("那富平和云南国家级的呢", [D, A], ["6万元"], ["50万元"]),
    ],
    [T("富平 团队加上我4个人 够吗", D, yes_closed(["4人"])), T("要是只有3个人呢", D, no(["4人"]))],
    [
        T("领办人年龄有啥要求", "", AMB),
        T("云南", A, fact("conditions", ["55周岁"], ["58周岁"])),
        T("那fuping呢", D, fact("conditions", ["55周岁"])),
    ],
    [
        T(
            "黄州 我是高级工 没有任何称号 在公司干了5年 离退休还有10年 能领办区级技能大师工作室吗",
            C,
            no(["技师以上"]),
        ),
        T("说错了，我是高级技师", C, yes(["技师以上"])),
    ],
    [
        T("国家级技能大师工作室申报书要交几份", A, fact("materials", ["一式三份"])),
        T("建设方案有字数要求吗", A, fact("materials", ["8000字"])),
        T("电子版咋交", A, fact("materials", ["U盘"])),
    ],
    [
        T("黄州 张小兵模具工作室去年考核啥结果", C, fact("process", ["不合格"])),
        T("整改期限多长", C, fact("process", ["3个月"])),
        T("整改完还不合格呢", C, fact("process", ["撤销"])),
    ],
    [
        T("昆明能推荐几个国家级项目", A, fact("quota", ["3"], ["民营企业项目不少于1个"])),
        T("大理呢", A, fact("quota", ["2"], ["鹤庆银器"])),
        T("全省合计呢", A, fact("quota", ["28"], ["10个"])),
    ],
    [
        T("富平现在还能报吗", D, closed(["8月14日"])),
        T("那牡丹江呢", B, still_open(["12月18日"])),
        T("那huangzhou呢", C, still_open(["12月15日"], forbid=HZ_OPEN_FORBID)),
    ],
    [
        T("太仓技能大师工作室补助多少", TC, fact("subsidy", ["2万元"])),
        T("那牡丹江呢", B, fact("subsidy", ["5万元"])),
    ],
    [
        T("东莞市级工作室资助多少", DG, fact("subsidy", ["3万元"])),
        T("那云南的国家级呢", A, fact("subsidy", ["50万元"])),
        T("建设期几年", A, fact("validity", ["2年"])),
    ],
    [
        T("云南国家级项目 团队除我之外9个人 其中3个技师 够吗", A, yes(["8人"], ["不含领办人"])),
        T("要是只有2个技师呢", A, no(["不少于3人"])),
    ],
    [
        T("牡丹江 线上填报上传的文件有啥要求", B, fact("materials", ["PDF格式"], ["10MB"])),
        T("系统登不上去找谁", B, fact("contact", ["6925199"])),
    ],
    [
        T("富平补助分几次拨", D, fact("subsidy", ["分三次"])),
        T("第一次拨多少", D, fact("subsidy", ["2万元"])),
        T("有效期几年", D, fact("validity", ["3年"])),
    ],
    [
        T("黄州 劳模创新工作室今年命名几个", C, fact("quota", ["3个"])),
        T("归总工会哪个部门管", C, fact("contact", ["经济技术工作部"])),
        T("电话呢", C, fact("contact", ["8353126", "13886752098"])),
    ],
    [
        T("雲南國家級項目 民營企業要佔多少比例", A, fact("quota", ["30%"])),
        T("省級評審 領辦人水平佔多少分", A, fact("process", ["30分"])),
    ],
]


def main():
    with open(os.path.join(OUT, "questions.jsonl"), "w", encoding="utf-8") as f:
        for i, (nid, q, d) in enumerate(Q, 1):
            rec = {"id": f"q11-{i:03d}", "notice": nid, "question": q}
            rec.update(d)
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(os.path.join(OUT, "conversations.jsonl"), "w", encoding="utf-8") as f:
        for i, turns in enumerate(CONV, 1):
            f.write(json.dumps({"id": f"c{i:02d}", "turns": turns}, ensure_ascii=False) + "\n")
    print(len(Q), "questions,", len(CONV), "conversations,", sum(len(t) for t in CONV), "turns")


if __name__ == "__main__":
    main()
