"""Eligibility conditions with their thresholds.

Each recognised pattern becomes a :class:`Condition` of a :class:`ConditionKind`:
``年龄不超过55周岁`` (age_max 55), ``距法定退休年龄3年以上`` (retirement_margin 3),
``团队成员不少于5人`` / ``不少于3人的技能人才团队`` (team_min), ``有3名均具备…技师以上``
(qualified_members_min), ``正常运行满两年`` (years_running 2), ``国家二级职业资格``
(qualification), honours lists in quotes, ``具有下列条件之一`` with the numbered
items that follow (one_of), ``不低于30%`` (funding_share), ``只设立一个`` (unique).
"""

from __future__ import annotations

import re
from typing import Any

from knowledge.models import Clause, Condition, ConditionKind
from knowledge.parse.structure import programme_of
from knowledge.text import cn_number, split_sentences
from knowledge.units import unit_kinds

_N = r"(\d+|[一二两三四五六七八九十]+)"
_PATTERNS: list[tuple[ConditionKind, str, re.Pattern[str]]] = [
    (
        ConditionKind.AGE_MAX,
        "领办人",
        re.compile(
            rf"年龄(?:一般|原则上|应|须|需|要求|均)*(?:不超过|不得超过|不大于|不高于|在)\s*{_N}\s*周?岁"
        ),
    ),
    (ConditionKind.AGE_MAX, "领办人", re.compile(rf"(?<!带徒)(?<!徒弟){_N}\s*周岁(?:及)?以下")),
    (
        ConditionKind.AGE_MAX,
        "领办人",
        re.compile(rf"(?:原则上|一般|须|应)?不(?:超过|得超过|大于|高于)\s*{_N}\s*周岁"),
    ),
    (
        ConditionKind.RETIREMENT_MARGIN,
        "领办人",
        re.compile(
            rf"距(?:离)?法定退休年龄(?:一般|原则上|应|须)*(?:不少于|不低于|不足|还有)?\s*{_N}\s*年(?:以上|及以上)?"
        ),
    ),
    (
        ConditionKind.TEAM_MIN,
        "团队",
        re.compile(rf"(?:团队成员|成员|团队)[^。；，]{{0,12}}?不少于\s*{_N}\s*(?:人|名)"),
    ),
    (
        ConditionKind.TEAM_MIN,
        "团队",
        re.compile(rf"不少于\s*{_N}\s*(?:人|名)(?:的)?[\u4e00-\u9fff]{{0,12}}?(?:团队|成员)"),
    ),
    (  # 工作室除领办人外应有3名以上团队成员
        ConditionKind.TEAM_MIN,
        "团队",
        re.compile(
            rf"(?:有|配备|组建|组成)\s*{_N}\s*(?:人|名)(?:及)?以上(?:的)?[\u4e00-\u9fff]{{0,8}}?(?:团队成员|团队|成员)"
        ),
    ),
    (
        ConditionKind.TEAM_MIN,
        "团队",
        re.compile(
            rf"(?:团队成员|成员|团队)[^。；，]{{0,8}}?{_N}\s*(?:至|到|-|~|～|—)\s*\d+\s*(?:人|名)"
        ),
    ),
    (
        ConditionKind.TEAM_MIN,
        "团队",
        re.compile(
            rf"(?:团队成员|成员|团队)(?:人数)?[^。；，]{{0,12}}?(?<!不少于)(?<!\d){_N}\s*(?:人|名)(?:及)?以上"
        ),
    ),
    (
        ConditionKind.QUALIFIED_MEMBERS_MIN,
        "团队",
        re.compile(rf"有\s*{_N}\s*名(?:均)?具备[^。；]{{0,16}}?技师以上"),
    ),
    (
        ConditionKind.QUALIFIED_MEMBERS_MIN,
        "团队",
        re.compile(
            rf"其中[^。；，]{{0,30}}?技师(?:及)?以上[^。；，]{{0,20}}?不少于\s*{_N}\s*(?:人|名)"
        ),
    ),
    (
        ConditionKind.YEARS_RUNNING,
        "工作室",
        re.compile(
            rf"运行满\s*{_N}\s*年"
            rf"|(?:已被|已经)?(?:认定|命名|授牌)为?[^。；，]{{0,16}}?工作室(?:满|已满|不少于)\s*{_N}\s*年"
        ),
    ),
    (
        ConditionKind.UNIT_YEARS,
        "单位",
        re.compile(
            rf"(?:依法设立|依法登记注册|依法登记|依法注册|注册成立|注册|成立|设立|建校)(?:并|且|后)?(?:正常(?:生产)?经营|运营)?\s*(?:满|不少于|达到?)?\s*{_N}\s*年(?:以上|及以上)?"
            rf"|正常(?:生产)?(?:经营|办学|运营)(?:[（(][^）)]{{1,6}}[）)])?(?:满|不少于)?\s*{_N}\s*年(?:以上|及以上)?"
        ),
    ),
    (ConditionKind.FUNDING_SHARE, "单位", re.compile(r"不低于\s*(\d+)\s*[%％]")),
    (
        ConditionKind.AREA_MIN,
        "工作室",
        re.compile(rf"面积[^。；，]{{0,8}}?不(?:少|小|低)于\s*{_N}\s*(?:平方米|㎡|平米)"),
    ),
    (
        ConditionKind.AREA_MIN,
        "工作室",
        re.compile(
            rf"(?<!面积)不(?:少|小|低)于\s*{_N}\s*(?:平方米|㎡|平米)|{_N}\s*(?:平方米|㎡|平米)(?:及)?以上"
        ),
    ),
]
_QUALIFICATION = re.compile(
    r"(国家[一二三四五]级职业资格[^，。；]{0,12}以上|"
    r"(?:高级技师|技师|高级工|中级工)[（(][一二三四五]级[）)](?:及)?以上|"  # 高级工（三级）及以上
    r"[一二三]级[^，。；]{0,12}(?:及)?以上|技师、高级技师|高级技师|"
    r"技师(?:及)?以上|高级工(?:及)?以上|中级工(?:及)?以上)"
)
_ONE_OF = re.compile(r"(?:具有|具备|符合)下列条件之一")
_ALL_OF = re.compile(r"(?:具有|具备|符合)下列条件(?!之一)")
_HONOURS_LIST = re.compile(r"(?:获得|荣获|获评)(?:过)?((?:[“\"][^”\"]{2,20}[”\"][、，,]?\s*){2,})")
_HONOURS_PLAIN = re.compile(
    r"(?:获得|荣获|获评)(?:过)?(?:下列|以下|如下)(?:荣誉|称号|奖项)(?:之一)?[：:]([^。；]{4,200})|荣获(.{6,200}?)等称号|(?:获得|荣获|获评)(?:过)?([^。；]{6,200}?)(?:等)?(?:荣誉|称号|奖项)(?:称号)?之一"
    r"|(?:荣誉称号|荣誉|称号)[（(](?:如)([^）)]{4,120}?)等?[）)]"
    r"|(?:获得|荣获)([^。；]{6,120}?)及以上(?:荣誉|称号|荣誉称号)"
    r"|(?:获得|荣获|获评)(?:过)?([^。；，,]{4,120}?)等(?:荣誉称号|荣誉|称号|奖项)"  # an open list
)
_HONOURS_BE = re.compile(r"(?:须为|应为|应当为|必须为|须是|应是|必须是)([^。；]{6,200})")
"""``领办人须为全国劳动模范、…广东省劳动模范或梅州工匠``: the leader is one of these."""
# Which units may apply: 申报单位应为…企业 / 机关事业单位不在申报范围 / 个体工商户不得申报
_UNIT_SUBJECT = re.compile(
    r"(?:申报单位|依托单位|依托主体|申报主体|申报对象)(?:须|应|必须|需)?(?:为|是)([^。；]{2,80})"
    # 依托我市企业、技工院校、职业院校、行业协会等单位（以下简称依托单位）设立
    r"|依托(?:[我本][市县区省州旗])?([\u4e00-\u9fff、]{4,60}?等单位)[（(]以下简称依托单位[）)]"
    r"|^(?:[（(]?[一二三四五六七八九十\d]+[)）.、]?)?\s*(?:依托单位|申报单位)[。.：:]\s*([^。；]{2,80})"
    r"|([^。；]{2,60}?)(?:均)?可(?:以)?作为(?:依托|申报)单位"
)
_HOST_HEADING = re.compile(r"(依托单位|申报单位|申报范围|申报对象|申报主体|依托主体)")
_UNIT_EXCLUDED = re.compile(
    r"([\u4e00-\u9fff、（）()]{2,30}?)(?:均)?(?:不在[^。；，]{0,12}?申报范围|不得申报|不能申报|不予受理"
    r"|不(?:纳入|列入)(?:本次)?(?:申报|推荐)|不(?:得|能|可)?作为[^。；，]{0,14}?(?:依托|申报)(?:单位|主体))"
    r"|不(?:接受|受理)([\u4e00-\u9fff、]{2,16}?)(?:的)?申报"
)
_EXCEPT = re.compile(r"[（(][^）)]*除外[）)]")


_OR_LOWER = re.compile(
    r"^(?:[①②③④⑤⑥⑦⑧⑨⑩]|[（(]?\d{1,2}[)）.．、])?\s*或(?:者)?(?:具有|具备|持有)?[^，,。；]{0,6}?"
    r"(高级技师|技师|高级工|中级工)[^。；]*?(?:且|并|同时)(?:获得|荣获|获评)"
)


def _join_lower_level(out: list[Condition], start: int, sentence: str, ref: str) -> None:
    """``具有高级技师职业资格；或具有技师职业资格，且获得下列荣誉之一：…``: the second
    sentence is the first qualification's alternative, not two conditions of its own."""
    lower = _OR_LOWER.search(sentence)
    prev = next(
        (
            i
            for i in range(start - 1, -1, -1)
            if out[i].kind is ConditionKind.QUALIFICATION and out[i].clause == ref
        ),
        None,
    )
    if lower is None or prev is None:
        return
    honours = next((c.options for c in out[start:] if c.kind is ConditionKind.HONOURS), [])
    if not honours:
        return
    out[prev] = out[prev].model_copy(
        update={
            "or_level": lower.group(1),
            "or_honours": honours,
            "text": f"{out[prev].text.rstrip('；;')}；{sentence}",
        }
    )
    out[start:] = [
        c for c in out[start:] if c.kind not in (ConditionKind.QUALIFICATION, ConditionKind.HONOURS)
    ]


_UNIQUE = re.compile(
    r"同一[\u4e00-\u9fff]{1,4}(?:相同|同一)(?:专业|职业)[（(]?工种[）)]?只(?:能申报|能设立|设立|设)\s*(?:1|一)\s*个"
)
_WORKING_AGE = re.compile(r"法定劳动年龄内")
_BORN_AFTER = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日(?:及)?(?:以后|之后|后)出生")
_NO_REPEAT = re.compile(
    r"不再(?:重复)?(?:申报|给予|资助|认定)|不得(?:重复|同时)申报|只能申报(?:其中)?一类|不重复(?:申报|资助|支持)"
)
_CONDITION_HEAD = re.compile(r"(条件|对象)")
_SEX_AGE = re.compile(
    r"(男|女)(?:性|职工|同志|领办人)?[^，,；;。、男女]{0,6}?(?:不(?:超过|得超过|大于|高于)|在)\s*(\d{2})\s*周岁"
)


def sex_age_limits(sentence: str) -> dict[str, int]:
    """``男性年龄不超过55周岁、女性年龄不超过50周岁`` → ``{"男": 55, "女": 50}``; empty
    unless the sentence gives a limit for each sex."""
    limits = {m.group(1): int(m.group(2)) for m in _SEX_AGE.finditer(sentence)}
    return limits if len(limits) == 2 else {}


def _found(
    kind: ConditionKind, subject: str, programme: str, text: str, ref: str, **extra: Any
) -> Condition:
    """A condition found in sentence ``text`` of clause ``ref``."""
    return Condition(
        kind=kind, subject=subject, programme=programme, text=text, clause=ref, **extra
    )


def extract_conditions(clauses: list[Clause], programmes: list[str]) -> list[Condition]:
    """Find eligibility conditions.

    Args:
        clauses: Body clauses.
        programmes: The notice's programmes; with more than one, each condition is
            attributed to the programme whose section it sits in.

    Returns:
        Conditions in document order.
    """
    out: list[Condition] = []
    by_parent: dict[str, list[Clause]] = {}
    for c in clauses:
        by_parent.setdefault(c.parent, []).append(c)
    for clause in clauses:
        prog = programme_of(clause, clauses, programmes)
        text = clause.text.replace("\n", "")
        ref = clause.ref
        for sentence in split_sentences(text):
            start = len(out)
            for kind, subject, rx in _PATTERNS:
                for m in rx.finditer(sentence):
                    if (
                        kind is ConditionKind.TEAM_MIN
                        and re.search(r"(?:其中|(?:成员|团队)中)[^，。；]*$", sentence[: m.start()])
                        or (
                            kind is ConditionKind.TEAM_MIN
                            and re.search(r"(?:成员|团队)中", m.group())
                        )
                    ):
                        continue  # 其中具有技师以上的成员不少于2人: the team's make-up, not its size
                    value = float(cn_number(next(g for g in m.groups() if g)) or 0)
                    if any(
                        o.kind is kind and o.value == value and o.text == sentence
                        for o in out[start:]
                    ):
                        continue  # two patterns read the same words
                    if (
                        kind is ConditionKind.AGE_MAX
                        and any(o.kind is kind and o.text == sentence for o in out[start:])
                        and sex_age_limits(sentence)
                    ):
                        continue  # 男性…55周岁、女性…50周岁: one condition, the rule reads both
                    out.append(_found(kind, subject, prog, sentence, ref, value=value))
            if _BORN_AFTER.search(sentence) and not any(
                o.kind is ConditionKind.AGE_MAX and o.text == sentence for o in out
            ):  # 应为1970年1月1日以后出生: no age given
                out.append(_found(ConditionKind.AGE_MAX, "领办人", prog, sentence, ref))
            q = _QUALIFICATION.search(sentence)
            if q and re.search(r"其中[^。；，]{0,10}$", sentence[: q.start()]):
                q = None  # 其中高级工以上不少于4人: the team's make-up, not the leader's level
            if q and any(w in sentence for w in ("领办", "领衔", "具有", "评选对象")):
                out.append(
                    _found(
                        ConditionKind.QUALIFICATION,
                        "领办人",
                        prog,
                        sentence,
                        ref,
                        options=[q.group(1)],
                    )
                )
            if _WORKING_AGE.search(sentence):
                out.append(_found(ConditionKind.WORKING_AGE, "本人", prog, sentence, ref))
            if _NO_REPEAT.search(sentence):  # 只能申报其中一类 is about every programme
                across = bool(re.search(r"(其中一类|一类|两类|同时)", sentence)) or (
                    sum(p.removesuffix("工作室") in sentence for p in programmes) >= 2
                )  # 已被认定为…技能大师工作室或乡村工匠工作室的，不得重复申报: every programme
                out.append(
                    _found(ConditionKind.NO_REPEAT, "申报", "" if across else prog, sentence, ref)
                )
            # a materials list (申报单位按下表准备申报材料：…营业执照…) names units it sets no rule for
            unit = (
                None
                if _MATERIALS_HEADING.match(clause.heading)
                else _unit_type(sentence, prog, ref)
            )
            if (
                unit is None
                and _HOST_HEADING.search(clause.heading)
                and sentence.endswith(("单位。", "单位", "等。", "主体。"))
            ):  # 依托单位条件。在我省…满3年的企业、技工院校、职业院校、行业协会等单位。
                kinds = [k for k in unit_kinds(_EXCEPT.sub("", sentence)) if k != "机关"]
                if len(kinds) >= 2:
                    unit = Condition(
                        kind=ConditionKind.UNIT_TYPE,
                        subject="单位",
                        programme=prog,
                        options=kinds,
                        text=sentence,
                        clause=ref,
                    )
            if unit is not None:
                out.append(unit)
            if _UNIQUE.search(sentence):
                out.append(_found(ConditionKind.UNIQUE, "单位", prog, sentence, ref))
            preference = re.search(r"(优先|并非必备|非必备|不作要求|不做要求|加分)", sentence)
            honours = [] if preference else _honours(sentence)  # 同等条件下优先 is no condition
            if honours:
                out.append(
                    _found(ConditionKind.HONOURS, "领办人", prog, sentence, ref, options=honours)
                )
            _join_lower_level(out, start, sentence, ref)
        if _ALL_OF.search(text) and not _ONE_OF.search(text):
            kids = [k for k in by_parent.get(ref, []) if k.parent == ref]
            if kids:
                items = [k.text.replace("\n", "")[:60] for k in kids]
                out.append(
                    _found(
                        ConditionKind.ALL_OF,
                        "申报",
                        prog,
                        _sentence_with(text, _ALL_OF),
                        ref,
                        options=items,
                    )
                )
        if _ONE_OF.search(text):
            kids = [
                k for k in by_parent.get(ref, []) if k.level == clause.level + 1 or k.parent == ref
            ]
            inline = _inline_items(text)
            listed = [k.text.replace("\n", "") for k in kids] or inline
            named = _honour_items(listed)
            if named and not any(o.kind is ConditionKind.HONOURS and o.clause == ref for o in out):
                quote = _sentence_with(text, _ONE_OF)
                if not inline:
                    quote = quote + "".join(listed)
                out.append(_found(ConditionKind.HONOURS, "领办人", prog, quote, ref, options=named))
            elif kids:
                items = [_item_name(k) for k in kids]
                out.append(
                    _found(
                        ConditionKind.ONE_OF,
                        "领办人",
                        prog,
                        _sentence_with(text, _ONE_OF),
                        ref,
                        options=items,
                    )
                )
    return out


_MATERIALS_HEADING = re.compile(
    r"(?:申报|报送|提交|需提交的|所需)?材料(?:清单|要求|目录|及要求)?$|材料清单"
)
_UNIT_CASE = re.compile(
    r"为[^，,。；;]{2,20}?的[，,]\s*(?:另需|还需|需另|须另|另须|应另|另行|还应|还须|须|需|应)?"
    r"(?:提供|提交|附|报送|加附)"
)
"""A material one kind of unit adds (``依托单位为技工院校的，另需提供…``): no unit rule."""


def _unit_type(sentence: str, prog: str, ref: str) -> Condition | None:
    """Which units may apply (``申报单位应为…企业``) and which may not (``机关事业单位不在申报范围``);
    ``None`` for what one kind of unit must add (``依托单位为技工院校的，另需提供…``)."""
    if _UNIT_CASE.search(sentence):
        return None
    allowed: list[str] = []
    m = _UNIT_SUBJECT.search(sentence)
    if m:
        named = next(g for g in m.groups() if g)
        allowed = [
            t for t in unit_kinds(_EXCEPT.sub("", re.split(r"[，,]", named)[0])) if t != "机关"
        ]
    excluded: list[str] = []
    for x in _UNIT_EXCLUDED.finditer(sentence):
        if x.group(2):
            named = x.group(2)
        else:  # the whole subject: 个体工商户和注册成立不满3年的企业 不纳入申报范围
            start = max(sentence.rfind(ch, 0, x.start(1)) for ch in "，,；;：:。") + 1
            named = sentence[start : x.end(1)]
        for chunk in re.split(r"和|及|以及|、|或", _EXCEPT.sub("", named)):
            if not re.search(r"(不满|未满|不足|低于|以下|\d|[一二两三四五六七八九十]年)", chunk):
                excluded += unit_kinds(chunk)
    allowed = [t for t in allowed if t not in excluded]
    if not allowed and not excluded:
        return None
    return Condition(
        kind=ConditionKind.UNIT_TYPE,
        subject="单位",
        programme=prog,
        options=allowed,
        excluded=excluded,
        text=sentence,
        clause=ref,
    )


def _honours(sentence: str) -> list[str]:
    m = _HONOURS_LIST.search(sentence)
    if m:
        return [h.strip() for h in re.findall(r"[“\"]([^”\"]{2,20})[”\"]", m.group(1))]
    m = _HONOURS_PLAIN.search(sentence)
    if m:
        items: list[str] = []
        body = next(g for g in m.groups() if g)
        body = re.sub(r"^(?:过|了)", "", body)
        for chunk in re.split(r"[，,]|或(?:者)?(?=[\u4e00-\u9fff]{3})", body):
            multi = re.match(r"^((?:[省市区县]、)+[省市区县])(.+)$", chunk)
            if multi:
                items += [lvl + multi.group(2) for lvl in multi.group(1).split("、")]
            else:
                items += [i for i in re.split(r"、(?![^（(]*[）)])", chunk)]
        return [i.strip('或是 “”"') for i in items if 2 <= len(i.strip('或是 “”"')) <= 30]
    m = _HONOURS_BE.search(sentence)
    if m:  # a list of titles the leader must hold (each one an honour)
        chunks = [
            c.strip('“”" ')
            for c in re.split(r"、|或(?:者)?(?=[\u4e00-\u9fff]{3})|，|,", m.group(1))
        ]
        names = [c for c in chunks if _HONOUR_NOUN.search(c) and 2 <= len(c) <= 30]
        if len(names) >= 2 and len(names) * 2 > len(chunks):
            return [re.sub(r"(?<=奖章)(?:获得者|得主)$", "", n) for n in names]  # the title held
    return []


_ITEM_MARK = re.compile(r"[（(]\s*\d{1,2}\s*[）)]|(?<![\d.])\d{1,2}\s*[.．、](?!\d)")
_HONOUR_ITEM = re.compile(
    r"^(?:获得|荣获|获评|被评为|评为|为|是)?(?:过)?(.{2,80}?)(?:等[^；;。]{0,16}?)?(?:荣誉称号|称号|荣誉|表彰)?[；;。，,]?$"
)
_HONOUR_NOUN = re.compile(
    r"(大奖|能手|工匠|名师|大师|传承人|劳动模范|劳模|首席技师|技能人才|津贴|奖章)"
)


def _inline_items(text: str) -> list[str]:
    """The items of ``具备下列条件之一：（1）…；（2）…`` written inside one clause."""
    m = _ONE_OF.search(text)
    if m is None:
        return []
    rest = text[m.end() :].lstrip("：: ")
    if not _ITEM_MARK.match(rest):  # 具备下列条件之一：获评A、B，或为C。 — no item marks
        body = re.split(r"。", rest)[0]
        items = [p.strip("；;，, ") for p in re.split(r"[，,；;]\s*(?:或者?)?", body)]
        items = [p for p in items if p]
        return items if len(items) >= 2 else []
    parts = [p.strip("；;，, ") for p in _ITEM_MARK.split(rest)]
    items = [p for p in parts if p]
    return items if len(items) >= 2 else []


def _honour_items(items: list[str]) -> list[str]:
    """Honour names of a one-of list whose items are (mostly) honours (``获得中华技能大奖或
    全国技术能手称号``, ``为市级及以上非物质文化遗产代表性项目代表性传承人``); the other items
    (a contest placing) are kept whole, as alternatives. Empty when it is no honours list."""
    names: list[str] = []
    honour_items = 0
    for item in items:
        item = re.split(r"[。]", item)[0]
        m = _HONOUR_ITEM.match(item)
        body = m.group(1) if m else item
        chunks = [c.strip('“”" ') for c in re.split(r"、|或(?:者)?(?=[\u4e00-\u9fff]{3})|和", body)]
        found = [c for c in chunks if _HONOUR_NOUN.search(c) and 2 <= len(c) <= 30]
        if found and "竞赛" not in item:
            honour_items += 1
            names += found
        else:
            names.append(shorten_item(item))
    return names if honour_items and honour_items * 2 >= len(items) else []


def shorten_item(item: str) -> str:
    """An item of a list, at most 30 characters, cut at a natural boundary."""
    item = item.strip("；;。，, ")
    if len(item) <= 30:
        return item
    cut = max(item.rfind(ch, 0, 30) for ch in "，,、（(")
    return item[:cut] if cut >= 8 else item[:30]


def _item_name(clause: Clause) -> str:
    head = clause.heading
    head = re.sub(r"^在", "", head)
    head = re.split(r"[，。；：:]", head)[0].replace("方面", "")
    if len(head) <= 24:
        return head
    cut = max(head.rfind(ch, 0, 24) for ch in "、（(")
    return head[:cut] if cut >= 8 else head[:24]


def _sentence_with(text: str, rx: re.Pattern[str]) -> str:
    for s in split_sentences(text):
        if rx.search(s):
            return s
    return text[:200]
