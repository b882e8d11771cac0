"""Write questions.jsonl and conversations.jsonl for qa6 (plain python3, no dependencies)."""

import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

TC, ZJ, LC, WX, SG = (
    "000_2e12cdb3a8cadbd3",
    "001_d59e2d59539f7422",
    "002_776fcaae778a508b",
    "003_56cbf65dfd360609",
    "004_bb816d0ae4b34579",
)
A, B, C, D = "qa6_a", "qa6_b", "qa6_c", "qa6_d"

# verdict words (the only expect groups not taken literally from a notice)
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
POS_FORBID_T = POS_FORBID + ["不能申報", "不可以申報", "不能報", "不滿足", "無法申報", "不具備申報"]
# yes-verdict about a CLOSED round: forbid only condition negatives (a correct answer may add 已截止)
POS_CLOSED_FORBID = ["不符合", "不满足", "不具备"]
CLOSED = ["已截止", "已经截止", "已过", "已结束", "已经结束", "已经过了", "不能", "无法", "不可以"]
CLOSED_FORBID = ["尚未截止", "还来得及", "仍可申报", "还在申报期", "目前可以申报", "还可以申报"]
OPEN = ["可以", "还能", "仍可", "尚未截止", "来得及", "还在", "能申报", "能报"]
OPEN_T = OPEN + ["還能", "尚未截止", "來得及", "還在", "能申報", "能報"]
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
OPEN_FORBID_T = OPEN_FORBID + [
    "已經截止",
    "已結束",
    "已經結束",
    "不能申報",
    "無法申報",
    "不可以申報",
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

CITIES = ["太仓", "镇江", "鹿城", "无锡", "韶关", "北辰", "儋州", "林芝", "中卫"]

PH_A = ["26391547", "26813362", "26392075"]
PH_B = ["23882716", "23326409"]
PH_C = ["5822374", "5828910", "5822301"]
PH_D = ["7016235", "7682130", "5022318", "4012675", "18995503216"]


def neg(thr, trad=False, forbid=None):
    return {
        "category": "verdict",
        "expect": [NEG_T if trad else NEG] + thr,
        "forbid": forbid or (NEG_FORBID_T if trad else NEG_FORBID),
    }


def pos(thr, trad=False, forbid=None):
    return {
        "category": "verdict",
        "expect": [POS_T if trad else POS] + thr,
        "forbid": forbid or (POS_FORBID_T if trad else POS_FORBID),
    }


def pos_closed(thr):
    return {"category": "verdict", "expect": [POS] + thr, "forbid": POS_CLOSED_FORBID}


def closed(thr):
    return {"category": "verdict", "expect": [CLOSED] + thr, "forbid": CLOSED_FORBID}


def opened(thr, trad=False):
    return {
        "category": "verdict",
        "expect": [OPEN_T if trad else OPEN] + thr,
        "forbid": OPEN_FORBID_T if trad else OPEN_FORBID,
    }


def fact(cat, *groups, forbid=None):
    d = {"category": cat, "expect": [list(g) for g in groups]}
    if forbid:
        d["forbid"] = forbid
    return d


def nin(phones, forbid=None):
    return fact("not_in_notice", phones, forbid=forbid)


Q = []


def q(notice, text, spec):
    Q.append(dict(notice=notice, question=text, **spec))


# ------------------------------------------------------------------ qa6_a 北辰区 (pdf, open, two programmes)
q(A, "北辰区技能大师工作室申报到哪天截止", fact("deadline", ["12月18日"]))
q(
    A,
    "北辰那边镇街审核推荐要几号前报到区里？评审大概几月份",
    fact("deadline", ["12月25日"], ["2027年1月"]),
)
q(A, "beichen 技能大狮工作室找谁咨询 电话多少", fact("contact", ["李婧"], ["26391547"]))
q(A, "北辰人社局交纸质材料的地址在哪 几楼几室", fact("contact", ["北辰道128号"], ["411室"]))
q(A, "北辰技能大师工作室和劳模工匠创新工作室补助分别多少钱", fact("subsidy", ["5万元"], ["3万元"]))
q(
    A,
    "北辰劳模和工匠人才创新工作室有效期几年？技能大师工作室的呢",
    fact("validity", ["2年"], ["3年"]),
)
q(A, "北辰申报表交几份，电子版要什么格式", fact("materials", ["一式三份"], ["Word"], ["PDF"]))
q(A, "北辰区今年技能大师工作室打算认定几个", fact("quota", ["6个"]))
q(
    A,
    "我是技师 在北辰一家企业干了十年 没拿过啥称号 能领办技能大师工作室吗",
    neg([["高级技师", "海河工匠", "天津市技术能手", "北辰工匠", "全国技术能手"]]),
)
q(A, "还有两年就退休了，北辰技能大师工作室我还能报吗", neg([["3年"]]))
q(A, "我们团队加我一共4个人 够北辰技能大师工作室的条件吗", neg([["4人"], ["不含领办人"]]))
q(A, "我是区劳模，今年56岁，想在北辰报劳模和工匠人才创新工作室 行不行", pos([["57周岁"]]))
q(A, "北辰的补助批下来以后什么时候能到账", nin(PH_A))
q(A, "北辰现在还能申报吗", opened([["12月18日"]]))

# ------------------------------------------------------------------ qa6_b 儋州市 (traditional txt, open)
q(B, "儋州技能大師工作室申報到幾號截止？", fact("deadline", ["1月15日"]))
q(B, "儋州人社局谁负责 电话多少", fact("contact", ["符海燕"], ["23882716"]))
q(B, "儋州申报材料交到哪里 几楼几室", fact("contact", ["中興大街", "中兴大街"], ["308室"]))
q(
    B,
    "danzhou 评上了补助多少钱 一次给吗",
    fact("subsidy", ["8萬元", "8万元"], ["5萬元", "5万元"], ["3萬元", "3万元"]),
)
q(B, "儋州工作室有效期几年 到期以后怎么办", fact("validity", ["4年"], ["重新申報", "重新申报"]))
q(B, "儋州申報表要交幾份？照片要幾張？", fact("materials", ["一式四份"], ["2張", "2张"]))
q(B, "儋州这次第三批一共认定几个", fact("quota", ["5個", "5个"]))
q(
    B,
    "我是高级工 做黎锦二十多年了 是市级非遗传承人 能在儋州申报大师工作室吗",
    pos([["高級工", "高级工", "放寬", "放宽"]]),
)
q(B, "我1970年出生的技师 儋州还能报吗", neg([["55週歲", "55周岁", "1971年1月1日"]]))
q(B, "儋州 团队除了我还有3个人 其中一个是技师 够吗", pos([["3人"]]))
q(B, "个体户能不能申报儋州的技能大师工作室", neg([["個體工商户", "个体工商户"]]))
q(
    B,
    "儋州的拟认定名单在哪公示 公示几天",
    fact("process", ["儋州市人民政府網站", "儋州市人民政府网站"], ["7個工作日", "7个工作日"]),
)
q(B, "儋州評審結果大概什麼時候出來", nin(PH_B))
q(B, "儋州現在還能報嗎", opened([["1月15日"]], trad=True))

# ------------------------------------------------------------------ qa6_c 林芝市 (html, open, quota table)
q(C, "林芝大师工作室申报截止时间是哪天", fact("deadline", ["12月31日"]))
q(C, "林芝人社局技能大师工作室的联系电话", fact("contact", ["5822374", "5828910"]))
q(
    C,
    "linzhi 电子版发哪个邮箱 邮件主题怎么写",
    fact("contact", ["lzsrsjzjk@163.com"], ["县区+单位+领办人姓名"]),
)
q(C, "林芝做唐卡的工作室评上能拿多少钱", fact("subsidy", ["3万元"], ["1万元"]))
q(C, "林芝巴宜区能推荐几个？全市一共认定几个", fact("quota", ["2个"], ["8个"]))
q(C, "我是高级工 今年56岁 能报林芝的技能大师工作室吗", pos([["60周岁"]]))
q(C, "我62了 林芝大师工作室还能报不", neg([["60周岁"]]))
q(C, "我们是农牧民专业合作社 能当林芝大师工作室的依托单位吗", pos([["农牧民专业合作社"]]))
q(
    C,
    "我做藏香的 没有职业资格证书 但是县级非遗传承人 林芝可以申报吗",
    pos([["非物质文化遗产代表性传承人", "不受职业资格等级限制"]]),
)
q(C, "林芝 加上我一共3个人 团队人数够吗", pos([["3人"], ["含领办人"]]))
q(C, "林芝的工作室认定以后有效期是几年", nin(PH_C, forbid=VALIDITY_FORBID))
q(C, "林芝场地照片要几张？申报表交几份", fact("materials", ["3张"], ["一式两份"]))
q(C, "林芝评审怎么评 要去现场看吗", fact("process", ["材料评审"], ["现场考察"]))

# ------------------------------------------------------------------ qa6_d 中卫市 (docx, CLOSED)
q(D, "中卫技能大师工作室现在还能报吗", closed([["9月15日"]]))
q(D, "zhongwei 大师工作室当时单位申报截止是几号", fact("deadline", ["9月15日"]))
q(D, "中宁县人社局的联系人和电话", fact("contact", ["李霞"], ["5022318"]))
q(D, "中卫市人社局地址 几楼几室", fact("contact", ["怀远路"], ["712室"]))
q(D, "中卫评上能给多少钱 是一次性给吗", fact("subsidy", ["10万元"], ["分两年"], ["每年5万元"]))
q(D, "我51岁 高级技师 中卫能报吗", neg([["50周岁"]]))
q(D, "我53岁 拿过全国技术能手 是高级技师 中卫的条件我符合吗", pos_closed([["55周岁"]]))
q(D, "我们是事业单位（医院） 能申报中卫的技能大师工作室吗", neg([["事业单位"]]))
q(D, "中卫 我们团队加我5个人 行不行", neg([["6人"], ["含领办人"]]))
q(D, "中卫全市认定几个？沙坡头区能推荐几个", fact("quota", ["4个"], ["2个"]))
q(D, "中卫的工作室有效期几年 到期了怎么办", fact("validity", ["3年"], ["评估"]))
q(D, "中卫申报表要几份 其他材料几份", fact("materials", ["一式三份"], ["一式两份"]))
q(D, "中卫明年还评不评 什么时候开始报", nin(PH_D))

# ------------------------------------------------------------------ seeds
# 太仓
q(TC, "taicang大师工作室申抱最后期限是哪天", fact("deadline", ["8月20日"]))
q(TC, "太仓人社局的联系人叫什么", fact("contact", ["顾雪锋", "俞玲"]))
q(TC, "太仓申报的电子版发什么邮箱", fact("contact", ["tczjkb@163.com"]))
q(TC, "太仓 依托企业的职工教育经费有啥硬性要求", fact("conditions", ["30%"]))
q(TC, "太仓的技能大师工作室能依托职业院校建吗", fact("conditions", ["职业院校"]))
q(TC, "太仓申办报告要写哪些内容", fact("materials", ["必要性和可行性"], ["工作计划"]))
q(
    TC,
    "太仓的大师工作室团队最少要几个人",
    nin(
        ["53542494", "53576718"],
        forbid=["不少于3人", "不少于4人", "不少于5人", "3人以上", "5人以上"],
    ),
)
q(TC, "太仓评上的补助钱从哪出 给多少", fact("subsidy", ["人才开发专项资金"], ["2万元"]))
# 镇江
q(ZJ, "镇江人社局申报咨询电话和邮箱", fact("contact", ["85340338"], ["750660696@qq.com"]))
q(ZJ, "镇江每个市区能推荐几家", fact("quota", ["1-2家"]))
q(
    ZJ,
    "我只是个高级技师 没获过任何奖 镇江能当工作室领衔人吗",
    neg(
        [
            [
                "镇江市技术能手",
                "江苏省技术能手",
                "镇江工匠",
                "全国技术能手",
                "中华技能大奖",
                "奖励和荣誉",
            ]
        ]
    ),
)
q(ZJ, "鎮江評估考核連續不合格會怎樣", fact("validity", ["连续三年"], ["撤销"]))
q(ZJ, "镇江工作室领衔人退休了 工作室咋办", fact("process", ["变更"]))
q(ZJ, "镇江交的证明材料要原件吗 还退不退", fact("materials", ["原件"], ["退归"]))
q(ZJ, "镇江评上的技能大师工作室有效期多久", nin(["85340338"], forbid=VALIDITY_FORBID))
q(ZJ, "zhenjiang 认定以后启动资金多少", fact("subsidy", ["2万元"]))
# 鹿城
q(LC, "我还有两年退休 温州鹿城的大师工作室能报吗", neg([["3年以上"]]))
q(LC, "除了我 团队有4个人 都是本单位的 鹿城够不够", pos([["3人"]], forbid=POS_FORBID + ["不够"]))
q(LC, "鹿城材料怎么打印 交几份", fact("materials", ["黑白双面"], ["一式一份"]))
q(LC, "鹿城今年评几个大师工作室", fact("quota", ["8个"]))
q(LC, "鹿城申报材料发哪个邮箱", fact("contact", ["zjk88990719@126.com"]))
q(LC, "鹿城区评上的工作室有效期几年", nin(["88990719"], forbid=VALIDITY_FORBID))
q(LC, "鹿城区级评上以后还能往市里推荐吗", fact("process", ["温州市技能大师工作室"]))
# 无锡
q(WX, "我57岁了 无锡技能大师工作室还能报吗", neg([["55周岁"]]))
q(WX, "无锡企业首席技师奖励多少钱", fact("subsidy", ["1万元"]))
q(WX, "宜兴能推荐几个大师工作室", fact("quota", ["紫砂业不超过1人"]))
q(WX, "无锡各区人社局在线审核推荐几号前完成", fact("deadline", ["5月10日"]))
q(WX, "我们工作室才成立一年半 无锡能申报吗", neg([["满两年"]]))
q(WX, "无锡是网上申报还是交纸质的", fact("process", ["线上申报"]))
# 韶关
q(SG, "韶关大师工作室申报啥时候截止", fact("deadline", ["另行通知"]))
q(SG, "韶关工作室有效其几年 到期能延续吗", fact("validity", ["5年"], ["延续"]))
q(SG, "韶关领办人和主要成员要几个技师", fact("conditions", ["3名"]))
q(
    SG,
    "韶关领办人年龄有上限吗",
    nin(["8605683"], forbid=["不超过55周岁", "不超过60周岁", "不超过50周岁", "不超过57周岁"]),
)
q(SG, "韶关评审要不要答辩", fact("process", ["答辩"]))

# ------------------------------------------------------------------ out of scope
for t in [
    "个税专项附加扣除在哪里填报",
    "帮我写一段年终总结的开头",
    "中卫到银川的高铁几点发车",
    "灵活就业人员社保怎么交",
    "海口市技能大师工作室申报截止时间是哪天",
    "北京朝阳区首席技师工作室补助多少",
    "推荐几本学Python的入门书",
    "医保卡余额怎么查",
]:
    q("", t, {"category": "out_of_scope", "expect": []})

# ------------------------------------------------------------------ ambiguous
for t in [
    "技能大师工作室团队最少要几个人",
    "评上了补助能给多少钱",
    "工作室认定后有效期几年",
    "申报表要交几份",
]:
    q(
        "",
        t,
        {
            "category": "ambiguous",
            "expect": [],
            "cities": CITIES,
            "min_cities": 2,
            "clarify_ok": True,
        },
    )


# ------------------------------------------------------------------ conversations
def T(q_, notice, spec):
    d = {"q": q_, "notice": notice}
    d.update(spec)
    return d


def CMP(q_, notices, *groups):
    return {
        "q": q_,
        "notice": None,
        "notices": notices,
        "category": "subsidy",
        "expect": [list(g) for g in groups],
    }


AMB = {"category": "ambiguous", "expect": [], "cities": CITIES, "min_cities": 2, "clarify_ok": True}

CONV = [
    [
        T("北辰技能大师工作室申报几号截止", A, fact("deadline", ["12月18日"])),
        T("那电话呢", A, fact("contact", ["26391547"])),
        T("劳模创新工作室那边找谁", A, fact("contact", ["周建民"], ["26813362"])),
    ],
    [
        T("儋州技能大师工作室补助多少", B, fact("subsidy", ["8萬元", "8万元"])),
        T("有效期呢", B, fact("validity", ["4年"])),
        T("林芝呢", C, nin(PH_C, forbid=VALIDITY_FORBID)),
    ],
    [
        T("现在还能报吗", "", AMB),
        T("中卫", D, closed([["9月15日"]])),
        T("那林芝呢", C, opened([["12月31日"]])),
    ],
    [
        T("我还有4年退休 北辰大师工作室能报吗", A, pos([["3年"]])),
        T("那我还有一年呢", A, neg([["3年"]])),
    ],
    [
        T("我54岁 技师 儋州能报吗", B, pos([["55週歲", "55周岁", "1971年1月1日"]])),
        T("那我56呢", B, neg([["55週歲", "55周岁", "1971年1月1日"]])),
    ],
    [
        T("中卫团队要几个人", D, fact("conditions", ["6人"], ["含领办人"])),
        T("我们加上我5个 够吗", D, neg([["6人"]])),
        T("北辰呢 除了我有4个人", A, pos([["4人"]])),
    ],
    [
        CMP("北辰和中卫哪个补助多", [A, D], ["5万元"], ["10万元"]),
        CMP("那林芝和儋州呢", [C, B], ["3万元"], ["8萬元", "8万元"]),
    ],
    [
        T("林芝墨脱县能推荐几个", C, fact("quota", ["1个"])),
        T("巴宜区呢", C, fact("quota", ["2个"])),
        T("全市一共认定多少", C, fact("quota", ["8个"])),
    ],
    [
        T("镇江大师工作室申报联系谁", ZJ, fact("contact", ["王丹"], ["85340338"])),
        T("太仓呢", TC, fact("contact", ["顾雪锋", "俞玲"], ["53542494", "53576718"])),
    ],
    [
        T("鹿城大师工作室补助多少", LC, fact("subsidy", ["2万元"])),
        T("今年评几个", LC, fact("quota", ["8个"])),
        T("材料交几份", LC, fact("materials", ["一式一份"])),
    ],
    [
        T("无锡大师工作室领办人年龄要求", WX, fact("conditions", ["55周岁"])),
        T("我53 可以吗", WX, pos_closed([["55周岁"]])),
        T("首席技师有年龄限制吗", WX, fact("conditions", ["法定劳动年龄"])),
    ],
    [
        T("韶关工作室有效期多久", SG, fact("validity", ["5年"])),
        T("中卫呢", D, fact("validity", ["3年"])),
    ],
    [
        T("儋州申報表要幾份", B, fact("materials", ["一式四份"])),
        T("規劃書呢", B, fact("materials", ["一式兩份", "一式两份"])),
    ],
    [
        T("领办人年龄有限制吗", "", AMB),
        T("林芝", C, fact("conditions", ["60周岁"])),
        T("那儋州呢", B, fact("conditions", ["55週歲", "55周岁"])),
    ],
    [
        T("北辰劳模工匠创新工作室有效期几年", A, fact("validity", ["2年"])),
        T("技能大师工作室呢", A, fact("validity", ["3年"])),
        T("到期以后呢", A, fact("validity", ["复核"])),
    ],
    [
        T("中卫的申报截止时间", D, fact("deadline", ["9月15日"])),
        T("那现在还能补交吗", D, closed([["9月15日", "9月30日"]])),
        T("下一年度啥时候报 找谁问", D, nin(PH_D)),
    ],
    [
        T(
            "我是技师 在北辰一所技工学校上班 拿过天津市技术能手 能报技能大师工作室吗",
            A,
            pos([["天津市技术能手"]]),
        ),
        T("那要是没有这个称号呢", A, neg([["高级技师"]])),
    ],
    [
        T("林芝电子版发哪个邮箱", C, fact("contact", ["lzsrsjzjk@163.com"])),
        T("发了没回复找谁", C, fact("contact", ["王磊"], ["5828910"])),
    ],
    [T("北辰大师工作室补助多少", A, fact("subsidy", ["5万元"])), T("什么时候能到账", A, nin(PH_A))],
    [
        T("林芝申报要交哪些材料", C, fact("materials", ["申报表"], ["照片"], ["带徒协议"])),
        dict(
            T("那拉萨的呢", "", {"category": "out_of_scope", "expect": []}),
            note="no 拉萨 notice in the knowledge base: the bot should say it has none (fallback)",
        ),
    ],
]


def main():
    with open(os.path.join(ROOT, "questions.jsonl"), "w", encoding="utf-8") as f:
        for i, x in enumerate(Q, 1):
            d = {"id": f"q6-{i:03d}"}
            d.update(x)
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    with open(os.path.join(ROOT, "conversations.jsonl"), "w", encoding="utf-8") as f:
        for i, turns in enumerate(CONV, 1):
            f.write(json.dumps({"id": f"c{i:02d}", "turns": turns}, ensure_ascii=False) + "\n")
    print(len(Q), "questions,", len(CONV), "conversations,", sum(len(t) for t in CONV), "turns")


if __name__ == "__main__":
    main()
