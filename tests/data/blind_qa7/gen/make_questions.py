#!/usr/bin/env python3
"""Writes ../questions.jsonl and ../conversations.jsonl for qa7 (plain python3)."""

import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)

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
NEG_FORBID = ["您符合", "你符合", "您可以申报", "你可以申报", "可以正常申报", "完全符合"]
POS = ["符合", "可以", "能申报", "能报", "满足", "够", "可申报"]
POS_FORBID = ["不符合", "不能申报", "不可以申报", "不能报", "不满足", "无法申报", "不具备申报"]
POS_CLOSED_FORBID = ["不符合", "不满足", "不具备"]  # yes-verdict about a CLOSED round (乐山)
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

A, B = "qa7_a", "qa7_b"
TC, ZJ, LC, WX, SG = (
    "000_2e12cdb3a8cadbd3",
    "001_d59e2d59539f7422",
    "002_776fcaae778a508b",
    "003_56cbf65dfd360609",
    "004_bb816d0ae4b34579",
)
A_PH = ["2801736", "2835409"]
B_PH = ["2432615", "2128307"]


def no(*th):
    return dict(category="verdict", expect=[NEG] + [list(t) for t in th], forbid=NEG_FORBID)


def yes(*th):
    return dict(category="verdict", expect=[POS] + [list(t) for t in th], forbid=POS_FORBID)


def yes_closed(*th):
    return dict(category="verdict", expect=[POS] + [list(t) for t in th], forbid=POS_CLOSED_FORBID)


def closed(*th):
    return dict(category="verdict", expect=[CLOSED] + [list(t) for t in th], forbid=CLOSED_FORBID)


def still_open(*th):
    return dict(category="verdict", expect=[OPEN] + [list(t) for t in th], forbid=OPEN_FORBID)


def fact(cat, *groups, forbid=None):
    d = dict(category=cat, expect=[list(g) for g in groups])
    if forbid:
        d["forbid"] = forbid
    return d


def oos():
    return dict(category="out_of_scope", expect=[])


Q = [
    # ---- qa7_a 唐山市 (OPEN, 单位 即日起至2027年1月20日) ----
    (
        A,
        "tangshan jineng dashi gongzuoshi shenbao jiezhi riqi shi naitian",
        fact("deadline", ["2027年1月20日", "1月20日"]),
    ),
    (A, "唐山技能大式工作室申报有问题找谁 电话多少", fact("contact", ["赵文博"], ["2801736"])),
    (
        A,
        "唐山那边评审组织和证书核验归哪个部门管，联系人电话给一下",
        fact("contact", ["刘晓宁"], ["2835409"]),
    ),
    (A, "唐山市技能大師工作室認定後補助多少錢", fact("subsidy", ["6万元"])),
    (A, "唐山今年一共打算认定几个大师工作室", fact("quota", ["12个"])),
    (A, "唐山的市级技能大师工作室有效期多久 到期了怎么办", fact("validity", ["3年"], ["复评"])),
    (A, "唐山申报表要交几份？场地照片要几张", fact("materials", ["一式三份"], ["4张"])),
    (A, "我还有三年多退休，唐山技能大师工作室我能领办吗", yes(["2年"])),
    (A, "离法定退休就剩一年半了 唐山大师工作室还能报不", no(["2年"])),
    (
        A,
        "本人技师二级，拿过唐山市技术能手，在厂里一线干了8年，唐山这个能报吗",
        yes(["唐山市技术能手"]),
    ),
    (A, "唐山 我们工作室算上我一共4个人 团队人数够吗", no(["5人"], ["含领办人"])),
    (
        A,
        "今天是12月1号，唐山技能大师工作室现在还能报名吗",
        still_open(["2027年1月20日", "1月20日"]),
    ),
    (A, "唐山的6万块建设资助认定以后多久能拨到单位账上", fact("not_in_notice", A_PH)),
    # ---- qa7_b 乐山市 (news page, CLOSED: 单位 2026年10月16日前) ----
    (B, "乐山区县人社局初审推荐截止到几号", fact("deadline", ["10月30日"])),
    (B, "leshan jineng dashi gongzuoshi zixun dianhua", fact("contact", ["陈思远"], ["2432615"])),
    (B, "乐山的大师工作室资金政策问谁", fact("contact", ["何蓉"], ["2128307"])),
    (B, "樂山市級技能大師工作室給多少補助", fact("subsidy", ["5万元"])),
    (B, "乐山今年评几个工作室 每个区县能推荐几个", fact("quota", ["7个"], ["2个"])),
    (B, "乐山技能大师工作室的有效斯是几年", fact("validity", ["4年"])),
    (B, "乐山申报工作室场地要多大", fact("conditions", ["40平方米"])),
    (B, "乐山申报表几份 电子版发哪个邮箱", fact("materials", ["一式两份"], ["lsrsjzjk@163.com"])),
    (B, "现在还能申报乐山的市级技能大师工作室吗", closed(["10月16日"])),
    (B, "我今年56了，高级技师，乐山这个还能当领办人吗", no(["55周岁", "1971年9月1日"])),
    (B, "乐山 除了我还有3个徒弟一起 团队够不够", no(["4名"])),
    (
        B,
        "我是高级工，做犍为竹编的，是市级非遗代表性传承人，乐山的条件我符合吗",
        yes_closed(["高级工"], ["非物质文化遗产代表性传承人"]),
    ),
    (B, "乐山明年还会再开展技能大师工作室申报吗", fact("not_in_notice", B_PH)),
    # ---- seeds ----
    (TC, "太仓技能大师工作室材料几号前交", fact("deadline", ["8月20日"])),
    (ZJ, "镇江市技能大师工作室给多少启动资金", fact("subsidy", ["2万元"])),
    (LC, "鹿城区今年评多少个技能大师工作室", fact("quota", ["8个"])),
    (WX, "無錫企業首席技師獎勵多少", fact("subsidy", ["1万元"])),
    (SG, "韶关市级技能大师工作室认定有效期几年", fact("validity", ["5年"])),
    (SG, "shaoguan 大师工作室咨询电话", fact("contact", ["8605683"])),
    (WX, "我57岁了 无锡技能大师工作室领办人还能报吗", no(["55周岁"])),
    (LC, "鹿城 我离退休还差两年 能领办区级技能大师工作室吗", no(["3年以上"])),
    (
        ZJ,
        "镇江 我是高级技师但是没有任何荣誉称号 能当工作室领衔人吗",
        no(["中华技能大奖", "全国技术能手", "江苏省技术能手", "镇江工匠", "镇江市技术能手"]),
    ),
    (
        TC,
        "太仓的技能大师工作室认定后有效期几年",
        fact("not_in_notice", ["53542494", "53576718"], forbid=VALIDITY_FORBID),
    ),
    (
        ZJ,
        "镇江工作室认定以后有效期是几年",
        fact("not_in_notice", ["85340338"], forbid=VALIDITY_FORBID),
    ),
    # ---- out of scope ----
    ("", "唐山到北京坐高铁要多久", oos()),
    ("", "帮我写一首歌颂工匠精神的诗", oos()),
    ("", "失业保险金怎么申领", oos()),
]

C = [
    [
        ("唐山技能大师工作室申报几号截止", A, fact("deadline", ["2027年1月20日", "1月20日"])),
        ("那电话呢", A, fact("contact", ["2801736"])),
        ("评审那边找谁", A, fact("contact", ["刘晓宁"], ["2835409"])),
    ],
    [
        ("乐山技能大师工作室补助多少", B, fact("subsidy", ["5万元"])),
        ("有效期呢", B, fact("validity", ["4年"])),
        ("唐山呢", A, fact("validity", ["3年"])),
    ],
    [("我还有3年退休 唐山大师工作室能报吗", A, yes(["2年"])), ("那我还有一年呢", A, no(["2年"]))],
    [
        ("乐山现在还能报吗", B, closed(["10月16日"])),
        ("那唐山呢", A, still_open(["2027年1月20日", "1月20日"])),
    ],
    [
        ("我54岁 技师 乐山工作室条件够吗", B, yes_closed(["55周岁", "1971年9月1日"])),
        ("那我56呢", B, no(["55周岁", "1971年9月1日"])),
    ],
    [
        ("唐山县区人社局推荐材料几号前报市里", A, fact("deadline", ["1月31日"])),
        ("每个县最多推几个", A, fact("quota", ["3个"])),
    ],
    [
        ("镇江技能大师工作室补助多少", ZJ, fact("subsidy", ["2万元"])),
        ("太仓呢", TC, fact("subsidy", ["2万元"])),
        ("那电话呢", TC, fact("contact", ["53542494", "53576718"])),
    ],
    [
        ("韶关技能大师工作室有效期几年", SG, fact("validity", ["5年"])),
        ("乐山呢", B, fact("validity", ["4年"])),
        ("找谁咨询", B, fact("contact", ["陈思远"], ["2432615"])),
    ],
]

with open(os.path.join(OUT, "questions.jsonl"), "w", encoding="utf-8") as f:
    for i, (nid, q, d) in enumerate(Q, 1):
        rec = {"id": f"q7-{i:03d}", "notice": nid, "question": q}
        rec.update(d)
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
with open(os.path.join(OUT, "conversations.jsonl"), "w", encoding="utf-8") as f:
    for i, turns in enumerate(C, 1):
        ts = []
        for q, nid, d in turns:
            t = {"q": q, "notice": nid}
            t.update(d)
            ts.append(t)
        f.write(json.dumps({"id": f"c{i:02d}", "turns": ts}, ensure_ascii=False) + "\n")
print(len(Q), "questions,", len(C), "conversations")
