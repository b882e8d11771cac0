#!/usr/bin/env python3
"""Writes ../questions.jsonl and ../conversations.jsonl for qa9 (plain python3, no dependencies)."""

import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)

# ---- verdict words: the only expect groups not taken literally from a notice (as qa6/qa7/qa8) ----
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
# yes-verdict about a CLOSED round (余杭, seeds, dev): forbid only condition negatives
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
AGE_FORBID = [
    "不超过50周岁",
    "不超过55周岁",
    "不超过57周岁",
    "不超过60周岁",
    "55周岁以下",
    "50周岁以下",
]

A, B, C, D = "qa9_a", "qa9_b", "qa9_c", "qa9_d"
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
PH_A = ["4089562", "4089571", "4048316", "4089500"]
PH_B = ["89180536", "89180539", "86139270", "15967123408"]
PH_C = ["5152736", "5152749", "5613308"]
PH_D = ["5152316", "5183472"]

CITIES = [
    "太仓",
    "镇江",
    "鹿城",
    "无锡",
    "韶关",
    "山西",
    "余杭",
    "包头",
    "腾冲",
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
HONOURS_ZJ = [
    "中华技能大奖",
    "全国技术能手",
    "江苏工匠",
    "江苏省技术能手",
    "镇江工匠",
    "镇江市技术能手",
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
    # ---------------- qa9_a 山西省 (html, provincial, 市级推荐; OPEN: 单位 2027年1月8日前, 市级 1月22日前) ----------------
    (
        A,
        "shanxi 省级技能大师工作室 单位申报截止到哪天",
        fact("deadline", ["2027年1月8日", "1月8日"]),
    ),
    (
        A,
        "山西省人社厅技能大师工作室这个找谁 电化多少",
        fact("contact", ["郭建平", "赵丽芳"], ["4089562", "4089571"]),
    ),
    (
        A,
        "山西省级大师工作室补助多少钱 一次给完吗",
        fact("subsidy", ["20万元"], ["12万元"], ["8万元"]),
    ),
    (A, "山西省级技能大师工作室建设期几年 称号有效期多久", fact("validity", ["2年"], ["5年"])),
    (A, "taiyuan能推荐几个省级大师工作室 全省一共认定多少", fact("quota", ["5"], ["30个"])),
    (A, "山西申报表交几份 建设方案字数有限制没", fact("materials", ["一式三份"], ["5000字"])),
    (
        A,
        "我技师 拿过三晋技术能手 1976年的 在厂里干了11年 团队除我还有7个 其中3个技师 场地150平 山西省级能报不",
        yes(["三晋技术能手"]),
    ),
    (A, "我57了 高级技师 干数控的 能报山西省级大师工作室吗", no(["55周岁", "1971年1月1日"])),
    (A, "本人58歲 做平遥推光漆的 高级技师 能申报山西省级的吗", yes(["60周岁", "1966年1月1日"])),
    (A, "山西 团队算上我一共6个人 够吗", no(["6人"], ["不含领办人"])),
    (A, "我们是民办职业培训学校 算山西省级工作室的依托单位吗", unsure(["等单位", "行业协会等"])),
    (A, "今天12.1 山西省级技能大师工作室还能报吗", still_open(["2027年1月8日", "1月8日"])),
    (A, "我们单位想报两个 一个焊工一个钳工 山西省级可以吗", no(["限报1个"])),
    (A, "山西现场答辩在哪答 要带证书原件吗", nin(PH_A)),
    (A, "山西省级评审打分标准是啥 各项占多少分", nin(PH_A)),
    # ---------------- qa9_b 余杭区 (txt BOM, short, 系统填报 + 纸质; CLOSED: 9月20日 17:00 / 9月25日) ----------------
    (B, "yuhang 大师工作室系统填报几号截止 几点关", fact("deadline", ["9月20日"], ["17:00"])),
    (B, "余杭纸质材料最晚哪天交", fact("deadline", ["9月25日"])),
    (
        B,
        "余杭技能大师工作室在哪个系统报 网址发我下",
        fact("process", ["rencai.yuhang.gov.cn", "余杭区人才服务平台"]),
    ),
    (
        B,
        "余杭 申报系统登不上去 找谁",
        fact("contact", ["姚芳", "陈晓"], ["86139270", "15967123408"]),
    ),
    (B, "余杭区级大师工作室资助多少钱", fact("subsidy", ["5万元"])),
    (B, "余杭 要是评上省级技能大师工作室 区里给多少", fact("subsidy", ["20万元"])),
    (B, "余杭今年认定几个区级工作室", fact("quota", ["10个"])),
    (B, "余杭区级工做室有效期几年", fact("validity", ["3年"])),
    (B, "余杭纸质版要几份 送到哪里", fact("materials", ["一式两份"], ["512室", "文一西路1500号"])),
    (B, "余杭现在还能报吗", closed(["9月20日", "9月25日"])),
    (B, "余杭 团队算上我一共4个人 够吗", no(["4人"])),
    (
        B,
        "我是余杭工匠 没技师证 公司干了3年 离退休还有6年 余杭能当领办人吗",
        yes_closed(["余杭工匠"]),
    ),
    (B, "余杭 我们公司2025年3月才注册 能申报吗", no(["满2年"])),
    (B, "余杭评审结果大概啥时候出来", nin(PH_B)),
    (B, "余杭那5万资助啥时候打到账上", nin(PH_B)),
    # ---------------- qa9_c 包头市 (docx; 申报 OPEN 12月18日前; 年度考核自评 CLOSED 11月30日前) ----------------
    (C, "baotou 技能大师工作室 单位申报截止哪天", fact("deadline", ["2026年12月18日", "12月18日"])),
    (C, "包头 已经认定的工作室年度考核 自评材料啥时候交", fact("deadline", ["11月30日"])),
    (C, "包头年度考核这块找谁 电话多少", fact("contact", ["乌兰"], ["5152749"])),
    (C, "包头新认定的大师工作室给多少经费", fact("subsidy", ["5万元"])),
    (C, "包头年度考核优秀有啥奖励", fact("subsidy", ["1万元"])),
    (C, "包头全市认定几个 稀土高新区能推几个", fact("quota", ["12个"], ["4"])),
    (C, "包头市级工作室有效期几年", fact("validity", ["3年"])),
    (
        C,
        "包头工作室名字要怎么起 有格式吗",
        fact("materials", ["包头市+领办人姓名+职业（工种）+技能大师工作室"]),
    ),
    (
        C,
        "包头 我们工作室是2022年认定的 今年还要参加考核吗",
        fact("process", ["不参加本次考核", "期满评估"]),
    ),
    (C, "包头现在还能申报技能大师工作室吗", still_open(["12月18日"])),
    (C, "包头 考核自评材料我们还没交 现在还能交吗", closed(["11月30日"])),
    (
        C,
        "我们单位是外地公司在包头设的分公司 没有独立法人 能作为依托单位报包头的吗",
        unsure(["依法注册登记"]),
    ),
    (C, "我是高级工 拿过北疆工匠 包头能领办工作室吗", no(["技师（二级）", "技师及以上"])),
    (C, "包头 工作室今年6月才挂牌 能报吗", no(["满1年"])),
    (C, "包头那5万元经费什么时候拨到单位", nin(PH_C)),
    # ---------------- qa9_d 腾冲市 (GB18030 news, no numbering; OPEN: 2026年12月25日前) ----------------
    (D, "tengchong 技能大师工作室申报截止是哪天", fact("deadline", ["2026年12月25日", "12月25日"])),
    (D, "腾冲乡镇初审推荐要啥时候前报到市里", fact("deadline", ["2027年1月5日", "1月5日"])),
    (
        D,
        "騰衝技能大師工作室找誰諮詢 電話多少",
        fact("contact", ["段丽萍", "尹志刚"], ["5152316", "5183472"]),
    ),
    (D, "腾冲评上了给多少补助", fact("subsidy", ["3万元"])),
    (D, "腾冲工作室有效期几年 要考核吗", fact("validity", ["3年"], ["每年考核"])),
    (D, "腾冲今年认定几个 每个乡镇能推几个", fact("quota", ["6个"], ["2个"])),
    (D, "腾冲申报 场地照片要拍几张", nin(PH_D)),
    (D, "腾冲什么时候评审 结果在哪公示", fact("process", ["1月中旬"], ["腾冲市人民政府门户网站"])),
    (D, "腾冲现在还来得及报吗", still_open(["12月25日"])),
    (
        D,
        "我是保山市级非遗传承人 做藤编的 没有技师证 干了20年 腾冲能报吗",
        yes(["非物质文化遗产代表性传承人", "非遗代表性传承人"]),
    ),
    (D, "腾冲 我是县级非遗传承人 做皮纸的 没考过职业技能等级 能报吗", no(["保山市级以上"])),
    (D, "腾冲 我们工作室场地是租的 60多平 算固定场所吗", unsure(["固定场所"])),
    (D, "腾冲 我们合作社去年10月注册的 一直在正常经营 能报吗", yes(["满1年"])),
    (D, "腾冲 我们已经是保山市级大师工作室了 还能报腾冲的吗", no(["不再重复申报"])),
    (D, "腾冲评审要不要现场答辩", nin(PH_D)),
    # ---------------- seeds (all rounds over or undated as of 2026-12-01) ----------------
    (TC, "太仓 大师工作室申请表要交几份", fact("materials", ["一式两份", "一式二份"])),
    (TC, "taicang 申报材料电子版发哪个邮箱", fact("contact", ["tczjkb@163.com"])),
    (
        TC,
        "太仓 我是高级工 但有绝技绝活 在传统工艺传承上全市都有名 能报吗",
        yes_closed(["绝技绝活"]),
    ),
    (TC, "太仓工作室领办人有没有年龄限制", nin(["53542494", "53576718"], forbid=AGE_FORBID)),
    (ZJ, "镇江评估考核分哪几个等次", fact("process", ["3个等次", "优秀、合格、不合格"])),
    (ZJ, "镇江每个辖市区推荐几家", fact("quota", ["1-2家"])),
    (ZJ, "镇江 我是高级技师 但没获过啥荣誉称号 能当领衔人吗", no(HONOURS_ZJ)),
    (ZJ, "镇江的工作室不参加评估考核会怎么样", fact("process", ["直接定为不合格"])),
    (LC, "鹿城今年评几个区级大师工作室", fact("quota", ["8个"])),
    (LC, "鹿城 材料打印几份 有啥要求", fact("materials", ["一式一份"], ["黑白双面"])),
    (LC, "鹿城 除了我团队还有3个 都是本单位的 够吗", yes_closed(["3人"])),
    (LC, "lucheng 申报邮箱是多少", fact("contact", ["zjk88990719@126.com"])),
    (WX, "宜兴推荐大师工作室 紫砂有名额限制吗", fact("quota", ["紫砂业不超过1人"])),
    (WX, "无锡企业首席技师评多少人 奖励多少", fact("subsidy", ["30人"], ["1万元"])),
    (
        WX,
        "无锡 我54 技师 工作室刚好运行满两年 团队5个人 能报市级大师工作室吗",
        yes_closed(["满两年"]),
    ),
    (WX, "无锡大师工作室年度考核成效显著的 再给多少工作经费", fact("subsidy", ["2万元"])),
    (SG, "韶关大师工作室咨询电话", fact("contact", ["8605683"])),
    (SG, "韶关工作室认定有效期多久 到期能续吗", fact("validity", ["5年"], ["延续"])),
    (SG, "韶关 领办人是技师 其他成员都是高级工 能报吗", no(["3名"])),
    (
        SG,
        "韶关评上了 领办人个人有奖金吗 多少",
        nin(["8605683"], forbid=["1万元", "2万元", "3万元", "5万元", "10万元"]),
    ),
    # ---------------- dev notices (/work/shared/dev; all rounds over or undated) ----------------
    (YC, "盐城纸质材料送到哪 几楼几室", fact("contact", ["希望大道中路71号"], ["612室"])),
    (YC, "盐城 团队除我3个人 只有1个是技师 够吗", no(["2人"])),
    (NH, "南湖乡村工匠工作室领办人年龄上限多少", fact("conditions", ["65周岁"])),
    (NH, "nanhu 纸质材料几号几点前送", fact("deadline", ["3月14日"], ["17:00"])),
    (DG, "东莞市级大师工作室资助多少 省级呢", fact("subsidy", ["3万元"], ["5万元"])),
    (DG, "东莞 团队除我4个人 能报市级吗", no(["5人"])),
    (MY, "綿陽首席技師工作室補助多少", fact("subsidy", ["3萬元", "3万元"])),
    (MY, "绵阳 我1974年出生的 技师 能报首席技师工作室吗", no(["50週歲", "50周岁", "1975年1月1日"])),
    (WJ, "武进首席技师工作室 领办人个人奖励多少", fact("subsidy", ["1万元"])),
    (WJ, "武进答辩要准备PPT吗 讲几分钟", nin(["86305528", "86305539"])),
    (TZ, "台州推省级的工作室 团队要几个人", fact("conditions", ["6人"])),
    (
        TZ,
        "台州 我技师 54岁 在单位干了4年 团队加我一共4个 能报市级的吗",
        yes_closed(["4人"], ["含领办人"]),
    ),
    (QZ, "泉州新一批申报联系谁", fact("contact", ["施志远"], ["22683526"])),
    (QZ, "泉州评估优秀的1万元奖励什么时候发", nin(["22683517", "22683526"])),
    (YCH, "宜昌特优技师工作室给多少经费", fact("subsidy", ["1万元"])),
    # ---------------- out of scope ----------------
    ("", "社保卡丢了在太原怎么补办", oos()),
    ("", "个税专项附加扣除 住房租金怎么填", oos()),
    ("", "失业保险金一个月能领多少", oos()),
    ("", "包头到呼和浩特的高铁几点有", oos()),
    ("", "帮我写一首关于工匠精神的诗", oos()),
]


def T(q, notice, spec):
    d = {"q": q, "notice": notice}
    d.update(spec)
    return d


def CMP(q, notices, *groups):
    return {"q": q, "notice": None, "notices": notices, "category": "subsidy", "expect": G(groups)}


CONV = [
    [
        T("山西省级技能大师工作室 单位啥时候截止", A, fact("deadline", ["2027年1月8日", "1月8日"])),
        T("那电话呢", A, fact("contact", ["4089562", "4089571"])),
        T("材料要几份", A, fact("materials", ["一式三份"])),
    ],
    [
        T("现在还能报吗", "", AMB),
        T("余杭", B, closed(["9月20日", "9月25日"])),
        T("那tengchong呢", D, still_open(["12月25日"])),
    ],
    [
        T("包头技能大师工作室什么时候截止", C, fact("deadline", ["12月18日"])),
        T("那已经认定的工作室年度考核材料什么时候交", C, fact("deadline", ["11月30日"])),
        T("考核不合格会怎样", C, fact("process", ["限期3个月整改"])),
    ],
    [
        T("我56 高级技师 山西省级能报吗", A, no(["55周岁", "1971年1月1日"])),
        T("那我要是做平遥推光漆这种传统技艺的呢", A, yes(["60周岁", "1966年1月1日"])),
    ],
    [
        T("包头 加上我一共5个人 我和另一个是技师 够吗", C, yes(["5人"], ["含领办人"])),
        T("要是团队只有4个人呢", C, no(["5人"])),
    ],
    [
        CMP("山西和包头哪个补助多", [A, C], ["20万元"], ["5万元"]),
        CMP("那余杭和腾冲呢", [B, D], ["5万元"], ["3万元"]),
    ],
    [
        T(
            "余杭大师工作室网上在哪报",
            B,
            fact("process", ["rencai.yuhang.gov.cn", "余杭区人才服务平台"]),
        ),
        T("纸质材料要几份", B, fact("materials", ["一式两份"])),
        T("送到哪", B, fact("contact", ["512室", "文一西路1500号"])),
    ],
    [
        T("领办人年龄有限制吗", "", AMB),
        T("腾冲", D, fact("conditions", ["60周岁"])),
        T("那shanxi呢", A, fact("conditions", ["55周岁"])),
    ],
    [
        T("山西晋中能推几个省级大师工作室", A, fact("quota", ["4"], ["传统技艺类不少于1个"])),
        T("临汾呢", A, fact("quota", ["3"], ["传统技艺类不少于1个"])),
        T("全省一共认定多少个", A, fact("quota", ["30个"])),
    ],
    [
        T("余杭现在还能报吗", B, closed(["9月20日", "9月25日"])),
        T("那包头呢", C, still_open(["12月18日"])),
    ],
    [
        T("腾冲技能大师工作室补助多少", D, fact("subsidy", ["3万元"])),
        T("有效期呢", D, fact("validity", ["3年"])),
        T("找谁问", D, fact("contact", ["段丽萍", "尹志刚"], ["5152316", "5183472"])),
    ],
    [
        T(
            "包头 我们工作室是2022年认定的 要参加今年的年度考核吗",
            C,
            fact("process", ["不参加本次考核", "期满评估"]),
        ),
        T("那2024年认定的要交啥材料", C, fact("materials", ["年度考核表"], ["2000字"])),
    ],
    [T("我58 技师 腾冲能报吗", D, yes(["60周岁"])), T("那我61呢", D, no(["60周岁"]))],
    [
        T("yuhang 区级工作室资助多少", B, fact("subsidy", ["5万元"])),
        T("评上国家级呢", B, fact("subsidy", ["30万元"])),
        T("有效期几年", B, fact("validity", ["3年"])),
    ],
    [
        T("镇江技能大师工作室启动资金多少", ZJ, fact("subsidy", ["2万元"])),
        T("那baotou呢", C, fact("subsidy", ["5万元"])),
    ],
    [
        T("山西 团队算上我7个人 其中3个技师 够吗", A, yes(["6人"], ["不含领办人"])),
        T("那算上我一共6个呢", A, no(["6人"], ["不含领办人"])),
    ],
    [
        T("包头申报认定找谁", C, fact("contact", ["孟庆辉"], ["5152736"])),
        T("年度考核呢", C, fact("contact", ["乌兰"], ["5152749"])),
        T("邮箱呢", C, fact("contact", ["btjndsgzs@163.com"])),
    ],
    [
        T("盐城技能大师工作室补助多少", YC, fact("subsidy", ["2万元"])),
        T("那tengchong呢", D, fact("subsidy", ["3万元"])),
    ],
    [
        T("余杭 除了我团队有4个人 我是技师 在公司6年了 够吗", B, yes_closed(["4人"])),
        T("那只有3个呢", B, no(["4人"])),
    ],
    [
        T("山西省级大师工作室补助怎么拨", A, fact("subsidy", ["20万元"], ["12万元"], ["8万元"])),
        T("建设期多久", A, fact("validity", ["2年"])),
        T("有效期呢", A, fact("validity", ["5年"])),
    ],
]


def main():
    with open(os.path.join(OUT, "questions.jsonl"), "w", encoding="utf-8") as f:
        for i, (nid, q, d) in enumerate(Q, 1):
            rec = {"id": f"q9-{i:03d}", "notice": nid, "question": q}
            rec.update(d)
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(os.path.join(OUT, "conversations.jsonl"), "w", encoding="utf-8") as f:
        for i, turns in enumerate(CONV, 1):
            f.write(json.dumps({"id": f"c{i:02d}", "turns": turns}, ensure_ascii=False) + "\n")
    print(len(Q), "questions,", len(CONV), "conversations,", sum(len(t) for t in CONV), "turns")


if __name__ == "__main__":
    main()
