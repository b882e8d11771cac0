#!/usr/bin/env python3
"""Writes ../questions.jsonl and ../conversations.jsonl for qa12 (plain python3, no dependencies).

Verdict word lists and helpers are qa11's (same conventions, see README.txt).
"""

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

# 辽宁 (qa12_c) holds three programmes and "同一单位本年度只能申报其中一类项目". A right yes-answer about the
# 技能大师工作室 may add "不能同时申报其他两类", so the yes forbid is narrowed to flat no-claims about the applicant.
LN_YES_FORBID = [
    "不符合",
    "不满足",
    "不具备",
    "不能申报省级技能大师工作室",
    "不可以申报省级技能大师工作室",
    "无法申报省级技能大师工作室",
]

A, B, C, D = "qa12_a", "qa12_b", "qa12_c", "qa12_d"
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
PH_A = ["2638417", "2638452"]
PH_B = ["8162357", "8162371"]
PH_C = ["86231578", "86231592"]
PH_D = ["85826147", "85519236"]

CITIES = [
    "太仓",
    "镇江",
    "鹿城",
    "无锡",
    "韶关",
    "香洲",
    "清河",
    "辽宁",
    "连云港",
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
# photo counts of other notices; qa12_d names no photos at all
PHOTO_FORBID = ["不少于8张", "8张", "4至6张", "不少于4张", "6张"]


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
    # ---------------- qa12_a 香洲区 (html; conditions + materials as <table>s; 【更新】 clause moves the
    # unit deadline 12月10日 -> 12月15日, 镇街 12月18日 -> 12月22日, 申报表 一式三份 -> 一式两份; OPEN) ----------------
    (
        A,
        "香洲区技能大师工作室申报需要哪些材料 全部列一下",
        fact("materials", ["建设方案"], ["花名册"], ["社会保险缴费证明"], ["营业执照"], ["照片"]),
    ),
    (A, "xiangzhou 大师工作室申报表要交几分", fact("materials", ["一式两份"])),
    (A, "香洲 场地设备照片要几张 有啥要求", fact("materials", ["不少于8张"], ["注明拍摄内容"])),
    (
        A,
        "香洲 领办人的证书能交复印件吗 原件要不要一起交",
        fact("materials", ["复印件"], ["原件备查"]),
    ),
    (A, "香洲的申报材料可以快递寄过去吗📦", fact("process", ["不接受邮寄"])),
    (A, "香洲大师工作室 deadline是哪天？就是单位交到镇街那个", fact("deadline", ["12月15日"])),
    (A, "香州 镇街初审完最晚啥时候报到区人社局", fact("deadline", ["12月22日"])),
    (
        A,
        "我今年28岁 技师 在香洲一家企业干了4年 能当大师工作室领办人吗",
        no(["年满30周岁", "1996年12月31日"]),
    ),
    (
        A,
        "香洲 我社保在香洲才交了8个月 之前都在中山交的 技师 在公司干了5年 能报吗",
        no(["12个月"]),
    ),
    (A, "香洲 团队连我在内一共4个人 有1个技师 够吗", no(["4人"], ["不含领办人"])),
    (
        A,
        "香洲 我高级工 拿过珠海工匠 42岁 在公司干了6年 社保一直在香洲交 团队除我5个人其中1个技师 场地80平 公司2019年注册的 能报吗",
        yes(["珠海工匠"]),
    ),
    (
        A,
        "香洲评上区级大师工作室给多少钱 以后考核优秀还有没有奖励💰",
        fact("subsidy", ["4万元"], ["1万元"]),
    ),
    (
        A,
        "香洲 电子版发哪个邮箱 邮件主题咋写",
        fact("contact", ["xzqjnds2026@163.com"], ["镇（街道）+单位名称+工作室名称"]),
    ),
    (A, "香洲 建设方案有没有模板可以下载", nin(PH_A)),
    (A, "香洲 专家现场核查一般查些啥 要提前准备什么", nin(PH_A)),
    # ---------------- qa12_b 清河县 (txt pasted from a phone: hard breaks every ~20 chars, full-width spaces,
    # 1、 (1) ① numbering; deadline "12月第三个星期五下午5:30前"; OPEN) ----------------
    (B, "清河县技能大师工作室申报截止到啥时候 几点", fact("deadline", ["第三个星期五"], ["5:30"])),
    (B, "请河的材料可以线上交吗 还是必须跑一趟", fact("process", ["微信公众号", "线上、线下均可"])),
    (B, "清河 申报表能手写吗", fact("materials", ["手写无效"])),
    (B, "清河 证书要带原件去吗 原件会不会被收走", fact("materials", ["原件"], ["当场退回"])),
    (
        B,
        "清河 命名以后工作室要定期交啥 啥时候交",
        fact("validity", ["每季度末月20日前"], ["季度工作台账"]),
    ),
    (B, "清河评上县级大师工作室县里给多少钱 钱给谁", fact("subsidy", ["2万元"], ["依托单位"])),
    (B, "清河今年命名几个 羊绒那块的能占几个", fact("quota", ["5个"], ["不超过3个"])),
    (
        B,
        "俺今年58了技师干羊绒梳理三十年了在这个厂也干了5年清河这个能报不",
        yes(["60周岁", "1966年1月1日"]),
    ),
    (B, "qinghe 我61岁 高级技师 还能领办县级工作室吗", no(["60周岁", "1966年1月1日"])),
    (B, "清河 团队就我和一个徒弟 俩人 够不够", no(["不少于2人"], ["不含领办人"])),
    (B, "清河 我是高级工 去年评上了清河工匠 干汽配12年了 能当领办人吗", yes(["清河工匠"])),
    (B, "清河 我技师 干这行才6年 能报吗", no(["满8年"])),
    (
        B,
        "清河领办人都有哪些条件☎️问了半天没人说清楚 麻烦列一下",
        fact("conditions", ["技师"], ["60周岁"], ["满8年"], ["带徒不少于2名"]),
    ),
    (B, "清河 那2万块补助大概啥时候拨下来", nin(PH_B)),
    (B, "清河 场地照片必须彩色打印吗", nin(PH_B)),
    # ---------------- qa12_c 辽宁省 (docx; THREE programmes: 培训基地 / 技能大师工作室 / 评价示范点, each with
    # its own conditions, money and quota; OPEN: 单位 2026年12月20日前) ----------------
    (C, "辽宁省级技能大师工作室 省里补助多少钱", fact("subsidy", ["10万元"])),
    (
        C,
        "辽宁 高技能人才培训基地补助多少 分几年给 第一年给多少",
        fact("subsidy", ["300万元"], ["200万元"], ["60%"]),
    ),
    (C, "遼寧省級技能大師工作室今年一共多少個名額 瀋陽能推幾個", fact("quota", ["30个"], ["4个"])),
    (C, "liaoning 技能人才评价示范点 全省评几个 每个市能推几个", fact("quota", ["20个"], ["2个"])),
    (C, "辽宁 我们工作室今年3月才评上市级 能报省级技能大师工作室吗", no(["满1年"])),
    (
        C,
        "辽宁 我技师 拿过辽宁工匠 50岁 还在车间一线 市级工作室认定3年了考核合格 团队除我6个人3个技师 场地120平 近三年带了12个徒弟 能报省级吗",
        yes(["辽宁工匠"], forbid=LN_YES_FORBID),
    ),
    (C, "辽宁省级技能大师工作室现在还能申报吗 我们市里还没发通知", still_open(["12月20日"])),
    (C, "辽宁 我们单位想同时报培训基地和技能大师工作室 行吗", no(["只能申报其中一类"])),
    (
        C,
        "辽宁 我们是社会培训评价组织 备案开展等级认定才一年半 能报评价示范点吗",
        no(["满2年"]),
    ),
    (C, "辽宁 我们技校实训场地1500平 想报高技能人才培训基地 够不够", no(["2000平方米"])),
    (
        C,
        "辽宁省级项目 单位报到市人社局 deadline是哪天",
        fact("deadline", ["2026年12月20日", "12月20日"]),
    ),
    (C, "辽宁 技能大师工作室的建设方案最多写多少字", fact("materials", ["5000字"])),
    (C, "辽宁 评价示范点的事找谁 电话多少", fact("contact", ["苗文静"], ["86907314"])),
    (C, "辽宁 电子版上传的网址是多少", nin(PH_C)),
    (C, "辽宁省级技能大师工作室现场答辩每个项目讲几分钟", nin(PH_C)),
    # ---------------- qa12_d 连云港市 (pdf, 信函格式; 市交通运输局 + 市人社局; industry conditions; CLOSED:
    # 单位 2026年9月1日至10月16日, 县区 10月30日前) ----------------
    (D, "连云港交通运输行业技能大师工作室现在还能报吗", closed(["10月16日", "10月30日"])),
    (
        D,
        "lianyungang 交通大师工作室 单位申报是几号到几号",
        fact("deadline", ["9月1日"], ["10月16日"]),
    ),
    (D, "连云港 交通行业大师工作室补助多少 交通局出多少", fact("subsidy", ["3万元"], ["1万元"])),
    (D, "连云岗 交通行业技能大师工作室申报表交几份", fact("materials", ["一式四份"])),
    (
        D,
        "连云港 我们是机动车维修企业 依托单位得有啥资质",
        fact("conditions", ["机动车维修经营备案"]),
    ),
    (
        D,
        "我是港口起重装卸机械操作工技师45岁在港口干了15年本单位8年团队连我6个3个技师都有特种设备作业证场地150平连云港能报吗",
        yes_closed(["技师（二级）"]),
    ),
    (D, "连云港 我是公交驾驶员 高级工 没拿过交通技术能手 能领办吗", no(["技师（二级）"])),
    (D, "连云港 我汽车维修技师 在修理行业干了12年 但来现在这家才2年 行不行", no(["连续工作满3年"])),
    (D, "连云港 团队除了我还有3个人 够吗", no(["5人"], ["含领办人"])),
    (D, "连云港 我开货车的 去年出了个同等责任的交通事故 还能当领办人吗", no(["同等及以上责任"])),
    (D, "连云港交通行业工作室评审咋评 要现场操作吗", fact("process", ["现场实操展示"])),
    (D, "连云港 人社局那边谁负责 电话多少", fact("contact", ["吴海波"], ["85519236"])),
    (
        D,
        "连云港交通行业工作室认定有效期几年 年度总结几号前交",
        fact("validity", ["3年"], ["12月31日"]),
    ),
    (D, "连云港2026年交通行业大师工作室认定名单出来了吗 都有哪几家", nin(PH_D)),
    (D, "连云港 工作室场地照片要交几张", nin(PH_D, forbid=PHOTO_FORBID)),
    # ---------------- seeds (all rounds over or undated as of 2026-12-02) ----------------
    (TC, "太仓 工作室要吸纳新成员 填啥表 报给谁", fact("process", ["成员申报备案表"], ["备案"])),
    (TC, "太仓 法人证照和组织机构代码证交原件还是复印件", fact("materials", ["复印件"])),
    (TC, "taicang 评上以后牌匾是谁发的", fact("process", ["市委人才工作领导小组办公室"])),
    (
        TC,
        "太仓 我是高级技师 在企业技术改造里解决过重大技术难题 能领办工作室吗",
        yes_closed(["重大技术难题"]),
    ),
    (ZJ, "镇江 优先培育啥样的人当领衔人", fact("conditions", ["数字技能人才"])),
    (
        ZJ,
        "镇江 哪些单位可以申报技能大师工作室 都列一下",
        fact(
            "conditions", ["大中型企业"], ["行业研发中心"], ["职业院校"], ["高技能人才培养示范基地"]
        ),
    ),
    (ZJ, "镇江 评估考核要填什么表 几号前交", fact("process", ["评估考核表"], ["5月29日"])),
    (
        ZJ,
        "镇江 我是江苏省三带乡土人才 一直在搞传统工艺传承 能当领衔人吗",
        yes_closed(["江苏省三带乡土人才"]),
    ),
    (LC, "鹿城 申报报告里要不要放场地照片", fact("materials", ["工作室场地照片"])),
    (LC, "鹿城区级大师工作室是一年评一次吗", fact("process", ["一年一评"])),
    (
        LC,
        "鹿城 我是省首席技师 离退休还有6年 团队除我4个人都是本单位的 能报区级吗",
        yes_closed(["首席技师"]),
    ),
    (LC, "鹿城 专家评估要不要答辩", nin(["88990719"])),
    (WX, "无锡 一事一议是咋回事 啥样的人能用", fact("conditions", ["一事一议"], ["放宽"])),
    (WX, "无锡 企业首席技师申报表上要贴啥样的照片", fact("materials", ["2寸彩色红底"])),
    (WX, "无锡大师工作室 领办人那1万块个人奖励打到哪", fact("subsidy", ["个人银行卡"])),
    (WX, "无锡 我不是单位推荐的 想个人自荐申报技能大师工作室 可以吗", yes_closed(["个人自荐"])),
    (SG, "韶关 执行中遇到问题向哪个单位反映", fact("contact", ["市职业技能服务中心"])),
    (SG, "韶关市级技能大师工作室重点面向哪些产业", fact("conditions", ["3+3"])),
    (SG, "韶关 要是有单位骗补助会咋处理", fact("process", ["追回已发放资助资金"])),
    (SG, "韶关 我们公司注册在清远 能依托我们公司申报韶关市级工作室吗", no(["韶关市辖区内"])),
    # ---------------- dev notices (/work/shared/dev; all rounds over or undated) ----------------
    (YC, "盐城 工作室建设方案有字数要求吗", nin(["88362147", "88362159"])),
    (YC, "盐城 团队除我4个人 其中2个是劳务派遣来的 不是本单位职工 行吗", no(["在职职工"])),
    (NH, "南湖 答辩时间定了没", fact("process", ["另行通知"])),
    (
        NH,
        "南湖 我是乡村工匠名师 但户口和常住都在秀洲 能报南湖的乡村工匠工作室吗",
        no(["户籍或常住地在南湖区"]),
    ),
    (DG, "东莞 市级工作室每年要搞几次技术交流活动", fact("conditions", ["不少于2次"])),
    (
        DG,
        "东莞 我们工作室场地100平 挂牌运行快3年了 这两条够不够市级的要求",
        yes_closed(["80平方米"], ["满两年"]),
    ),
    (MY, "绵阳首席技师工作室 电子版材料咋交", fact("materials", ["刻錄光盤", "刻录光盘"])),
    (
        MY,
        "綿陽 我們公司前年出過一起較大安全事故 還能報首席技師工作室嗎",
        no(["較大以上安全生產事故", "较大以上安全生产事故"], trad=True),
    ),
    (WJ, "武进 首席技师工作室单位每年得安排多少运行经费", fact("conditions", ["3万元"])),
    (WJ, "武进 我们公司已经有一个首席技师工作室了 还能再报一个吗", no(["只能申报1个"])),
    (TZ, "台州推省级的工作室 近三年要培养多少技师以上人才", fact("conditions", ["不少于5人"])),
    (TZ, "台州 我们工作室评上市级才半年 能推省级吗", no(["满1年"])),
    (QZ, "泉州 新申报的电子版要啥格式", fact("materials", ["Word格式"], ["PDF格式"])),
    (QZ, "泉州 我们带徒活动才搞了半年 能报新一批市级工作室吗", no(["1年以上"])),
    (YCH, "宜昌 我们企业和技校合作共建工作室 让学校当申报主体行不行", no(["企业作为申报主体"])),
    # ---------------- out of scope ----------------
    ("", "珠海长隆海洋王国门票多少钱", oos()),
    ("", "清河羊绒批发市场在哪 几点开门", oos()),
    ("", "连云港去花果山怎么坐车", oos()),
    ("", "辽宁省考公务员啥时候报名", oos()),
    ("", "医保卡丢了怎么补办😭", oos()),
]


def T(q, notice, spec):
    d = {"q": q, "notice": notice}
    d.update(spec)
    return d


def CMP(q, notices, *groups):
    return {"q": q, "notice": None, "notices": notices, "category": "subsidy", "expect": G(groups)}


CONV = [
    [
        T("香洲区大师工作室单位申报截止哪天", A, fact("deadline", ["12月15日"])),
        T("那镇街报区里呢", A, fact("deadline", ["12月22日"])),
        T("申报表要几份", A, fact("materials", ["一式两份"])),
    ],
    [
        T("补助标准是多少", "", AMB),
        T("清河", B, fact("subsidy", ["2万元"])),
        T("那liaoning的技能大师工作室呢", C, fact("subsidy", ["10万元"])),
    ],
    [
        T("辽宁省级技能大师工作室今年名额多少", C, fact("quota", ["不超过30个", "30个"])),
        T("那培训基地呢", C, fact("quota", ["不超过10个"])),
        T("评价示范点呢", C, fact("quota", ["不超过20个"])),
    ],
    [
        T("连云港交通行业工作室 团队连我5个人 2个技师 够吗", D, yes_closed(["5人"])),
        T("要是只有1个技师呢", D, no(["不少于2人"])),
    ],
    [
        T("清河 我59 技师 干了20年 能报吗", B, yes(["60周岁", "1966年1月1日"])),
        T("说错了 我今年62", B, no(["60周岁", "1966年1月1日"])),
    ],
    [
        CMP("香洲和清河哪个补助多", [A, B], ["4万元"], ["2万元"]),
        CMP("那连云港交通行业的和辽宁省级大师工作室呢", [D, C], ["3万元"], ["10万元"]),
    ],
    [
        T("香洲现在还能报吗", A, still_open(["12月15日"])),
        T("那连云港交通行业的呢", D, closed(["10月16日", "10月30日"])),
        T("qinghe呢", B, still_open(["第三个星期五"])),
    ],
    [
        T("领办人年龄上限多少", "", AMB),
        T("连云港", D, fact("conditions", ["55周岁"])),
        T("那清河呢", B, fact("conditions", ["60周岁"])),
    ],
    [
        T(
            "辽宁 我是技师 没有任何荣誉 能领办省级技能大师工作室吗",
            C,
            no(["高级技师（一级）", "辽宁工匠", "辽宁省技术能手"]),
        ),
        T("说错了 我去年拿了辽宁省技术能手", C, yes(["辽宁省技术能手"], forbid=LN_YES_FORBID)),
    ],
    [
        T("香洲 建设方案字数有限制吗", A, fact("materials", ["6000字"])),
        T("社保证明要几个月的", A, fact("materials", ["近12个月", "12个月"])),
        T("照片呢", A, fact("materials", ["不少于8张"])),
    ],
    [
        T(
            "连云港交通行业大师工作室 申报材料都要哪些",
            D,
            fact("materials", ["建设方案"], ["安全生产情况说明"], ["信用评价"]),
        ),
        T("申报表几份", D, fact("materials", ["一式四份"])),
        T("交到哪", D, fact("contact", ["县区交通运输局", "通灌北路66号"])),
    ],
    [
        T("辽宁 高技能人才培训基地补助分几档", C, fact("subsidy", ["300万元"], ["200万元"])),
        T("第一年拨多少", C, fact("subsidy", ["60%"])),
        T("技能大师工作室的钱也是分两年给吗", C, fact("subsidy", ["一次性"])),
    ],
    [
        T("清河可以网上报吗", B, fact("process", ["微信公众号"])),
        T("那线下交哪", B, fact("contact", ["人社所"])),
        T("县直单位呢", B, fact("contact", ["职业能力建设股"], ["312室"])),
    ],
    [
        T("韶关市级技能大师工作室有效期几年", SG, fact("validity", ["5年"])),
        T("那清河呢", B, fact("validity", ["2年"])),
    ],
    [
        T("宜昌技能大师工作室给多少经费", YCH, fact("subsidy", ["1.5万元"])),
        T("那连云港交通行业的呢", D, fact("subsidy", ["3万元"])),
        T("人社局出多少", D, fact("subsidy", ["2万元"])),
    ],
    [
        T("香洲 团队除我4个人 1个技师 都是本单位的 够吗", A, yes(["4人"], ["不含领办人"])),
        T("要是其中3个是合作院校的老师呢", A, no(["不超过2人"])),
    ],
    [
        T("辽宁 市里报省厅最晚几号", C, fact("deadline", ["2027年1月10日", "1月10日"])),
        T("评审啥时候", C, fact("process", ["2027年2月"])),
        T("结果在哪公示", C, fact("process", ["辽宁省人力资源和社会保障厅网站"])),
    ],
    [
        T("连云港 我在港口干装卸8年 技师 能领办交通行业工作室吗", D, no(["满10年"])),
        T("那要是干满10年了呢 本单位也5年了", D, yes_closed(["满10年"])),
    ],
    [
        T("清河 工作室的季度台账啥时候交", B, fact("validity", ["每季度末月20日前"])),
        T("不交会咋样", B, fact("process", ["取消命名"])),
    ],
    [
        T("香洲區技能大師工作室 申報表要幾份", A, fact("materials", ["一式两份"])),
        T("場地照片要幾張", A, fact("materials", ["不少于8张"])),
    ],
]


def main():
    with open(os.path.join(OUT, "questions.jsonl"), "w", encoding="utf-8") as f:
        for i, (nid, q, d) in enumerate(Q, 1):
            rec = {"id": f"q12-{i:03d}", "notice": nid, "question": q}
            rec.update(d)
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(os.path.join(OUT, "conversations.jsonl"), "w", encoding="utf-8") as f:
        for i, turns in enumerate(CONV, 1):
            f.write(json.dumps({"id": f"c{i:02d}", "turns": turns}, ensure_ascii=False) + "\n")
    print(len(Q), "questions,", len(CONV), "conversations,", sum(len(t) for t in CONV), "turns")


if __name__ == "__main__":
    main()
