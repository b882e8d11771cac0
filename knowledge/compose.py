"""Answer text for one intent about one notice, built only from its facts.

Each composer returns a :class:`Part` (text lines + citations) or ``None`` when the
notice has no fact for that intent. Nothing here states a fact without the clause it
came from.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from knowledge.intents import Intent, condition_topics
from knowledge.models import Condition, ConditionKind, Deadline, DeadlineStatus, Notice, Subsidy
from knowledge.parse.deadlines import YEARLY_DUTY
from knowledge.parse.structure import in_assessment
from knowledge.places import table_place_names
from knowledge.text import shorten, split_sentences


@dataclass
class Citation:
    """A quoted clause: ``notice`` is the notice label, ``clause`` its reference."""

    notice_id: str
    notice: str
    clause: str
    quote: str


@dataclass
class Part:
    """Lines of an answer about one notice and the clauses they rely on."""

    lines: list[str]
    citations: list[Citation] = field(default_factory=list)
    missing: bool = False  # True: the notice does not say (answer is a "not stated" note)


def cite(notice: Notice, ref: str, quote: str | None = None, limit: int = 150) -> Citation:
    """Cite clause ``ref`` of ``notice``, quoting ``quote`` or the clause text."""
    clause = notice.clause(ref)
    text = quote if quote is not None else (clause.text if clause else "")
    quote = notice.in_source_script(shorten(text.replace("\n", " "), limit))
    return Citation(notice.id, notice.label, ref, quote)


def fmt_date(d: dt.date) -> str:
    """``2024-08-20`` → ``"2024年8月20日"``."""
    return f"{d.year}年{d.month}月{d.day}日"


def fmt_yuan(amount: int) -> str:
    """``20000`` → ``"2万元"``; ``1500`` → ``"1500元"``."""
    if amount % 10000 == 0:
        return f"{amount // 10000}万元"
    return f"{amount}元"


_OFFICE_WORDS = (
    "各县",
    "各区",
    "县区",
    "区县",
    "各市",
    "推荐名单",
    "审核",
    "初审",
    "复核",
    "人社局",
    "评审",
    "评委",
    "主管部门",
    "县里",
    "市里",
    "区里",
    "镇里",
)


_GENERIC_BIGRAMS = re.compile(
    r"(截止|时间|几号|之前|什么|时候|申报|材料|报送|提交|哪天|日期|最晚|工作|多少|还能)"
)


def _deadline_named(n: Notice, dls: list[Deadline], question: str) -> Deadline | None:
    """The deadline whose sentence shares clearly the most words with the question
    (``年度总结几号前交`` → the 年度工作总结 date), or ``None``."""
    q = question
    for name in sorted([*n.meta.place.aliases, *n.meta.programmes], key=len, reverse=True):
        q = q.replace(name, "")  # places and programme names are context, not the thing asked
    grams = {q[i : i + 2] for i in range(len(q) - 1)}
    grams = {
        g
        for g in grams
        if re.fullmatch(r"[\u4e00-\u9fff]{2}", g) and not _GENERIC_BIGRAMS.search(g)
    }
    if not grams:
        return None
    scored = sorted(
        ((sum(g in d.quote for g in grams), i) for i, d in enumerate(dls)), reverse=True
    )
    best, i = scored[0]
    runner = scored[1][0] if len(scored) > 1 else 0
    return dls[i] if best >= 2 and best > runner else None


ASKS_ASSESSMENT = re.compile(r"考核|评估|自评|复核|年度报告|年度总结|年度工作总结")
"""A question about the yearly assessment of studios already recognised, not applying."""


def assessment_deadlines(n: Notice) -> list[Deadline]:
    """The deadlines of the assessment of recognised studios (``二、已认定…年度考核``)."""
    return [d for d in n.facts.deadlines if "评估考核" in d.actor]


def _deadline(n: Notice, today: dt.date, programme: str, question: str = "") -> Part | None:
    dls = n.facts.deadlines
    if not dls:
        return None
    assessing = assessment_deadlines(n) if ASKS_ASSESSMENT.search(question) else []
    if assessing:  # 考核自评材料啥时候交: the recognised studios' own dates
        dls = assessing
    if programme:  # 劳模创新工作室什么时候截止: that programme's dates
        dls = [d for d in dls if d.programme in ("", programme)] or dls
    asked_round = re.search(r"第[一二三四五六七八九十\d]+批|首批", question)
    in_round = [d for d in dls if asked_round and d.round == asked_round.group()]
    # a round the notice says is over is no current deadline, unless the question names it
    dls = in_round or [d for d in dls if not d.closed] or dls
    office = [d for d in dls if not d.applicant]
    asks_office = bool(any(w in question for w in _OFFICE_WORDS) and office)
    own = office if asks_office else ([d for d in dls if d.applicant] or dls[:2])
    named = _deadline_named(n, dls, question)
    if named is not None:  # 推荐汇总表电子版几号之前发: the one deadline the question names
        own, asks_office = [named], not named.applicant
    lines, cites = [], []
    for d in own[: 4 if asks_office else 2]:
        cites.append(cite(n, d.clause, d.quote))
        if d.status == DeadlineStatus.UNSPECIFIED:
            lines.append(f"{d.what or '申报时间'}：通知写明“另行通知”，目前没有具体日期。")
            continue
        if d.status == DeadlineStatus.PLACEHOLDER:
            line = (
                f"截止日期：通知原文为“{d.date_text}”，具体日期未填写（XX月XX日），请向联系人确认"
            )
            contact = n.facts.contacts[0] if n.facts.contacts else None
            if contact and contact.phones:
                line += f"（{'、'.join(contact.persons)} {'、'.join(contact.phones)}）"
                cites.append(cite(n, contact.clause, contact.quote))
            lines.append(line + "。")
            continue
        when = fmt_date(d.date) if d.date else d.date_text
        if d.time:
            when += f" {d.time}"
        who = f"（{d.actor}）" if d.actor else ""
        if d.actor == YEARLY_DUTY:
            who = "（已认定的工作室，每年）"
        line = f"截止时间：{when}前{who}——{d.what}。"
        if d.date and re.search(r"星期|周|礼拜|之日起|工作日", d.date_text):
            # counted from the notice's words (12月第三个星期五下午5:30前): both said
            line = f"截止时间：{when}前{who}（通知原文为“{d.date_text}”）——{d.what}。"
        if d.date and d.date < today:
            line += f"该日期已过（今天是{fmt_date(today)}）。"
        elif d.date:
            line += f"距今还有{(d.date - today).days}天。"
        lines.append(line)
    if own and not own[0].applicant and not asks_office and not assessing:
        lines.append("通知未单独规定申报单位的截止日，请在上述时间前尽早向所属主管部门提交。")
    return Part(lines, cites)


def _contact(n: Notice, today: dt.date, programme: str, question: str = "") -> Part | None:
    """Contact persons, phones, emails and address; the fax when the user asks for it."""
    if not n.facts.contacts:
        return None
    if "传真" in question:
        faxes = [(c, f) for c in n.facts.contacts for f in c.faxes]
        if faxes:
            return Part(
                ["传真：" + "、".join(dict.fromkeys(f for _, f in faxes)) + "。"],
                [cite(n, faxes[0][0].clause, faxes[0][0].quote)],
            )
    lines, cites = [], []
    contacts = n.facts.contacts
    units = [c for c in contacts if c.unit]
    named = [c for c in units if _unit_named(c.unit, question)]
    if named:  # 沙坡头区的电话: that office's contact
        contacts = named
    elif units:  # one line per office the notice lists, then any other contact
        contacts = units[:5] + [c for c in contacts if not c.unit][:1]
    else:
        contacts = contacts[:2]
    shown: set[str] = set()
    for c in contacts[:]:  # an email-only contact already shown with an office: once
        if not (c.persons or c.phones) and set(c.emails) <= shown:
            contacts.remove(c)
        shown.update(c.emails)
    for c in contacts:
        bits = [c.unit] if c.unit else []
        if c.persons:
            bits.append("联系人：" + "、".join(c.persons))
        if c.phones:
            bits.append("电话：" + "、".join(c.phones))
        if c.emails:
            bits.append("邮箱：" + "、".join(c.emails))
        if c.address:
            bits.append("地址：" + c.address)
        elif c.office:
            bits.append("地点：" + c.office)
        lines.append((bits[0] + "：" + "；".join(bits[1:]) if c.unit else "；".join(bits)) + "。")
    for ref in dict.fromkeys(c.clause for c in contacts):  # one quote per clause
        quote = "\n".join(c.quote for c in contacts if c.clause == ref)
        cites.append(cite(n, ref, quote))
    return Part(lines, cites)


def _unit_named(unit: str, question: str) -> bool:
    """True when the question names this office's place or office (沙坡头区 in 沙坡头区人社局;
    职业能力建设科)."""
    head = re.split(r"(?:人力资源和社会保障局|人社局|财政局|总工会)", unit)[0]
    head = re.sub(r"^(?:市|县|区)", "", head)
    core = re.sub(r"(?:区|县|市|旗)$", "", head)
    topic = not re.search(r"(局|科|处|室|中心|站|所|办|委|院|校|部|厅)$", unit)  # 年度考核
    matter = re.sub(r"(?:工作|事宜|事项)$", "", unit)  # 评估工作 → 评估, 新申报工作 → 新申报
    # words every question uses (申报, 咨询) name no line: 新申报 is asked as 新申报,
    # 补助资金政策咨询 as 政策
    generic = ("申报", "认定", "报名", "评审", "咨询", "联系")
    key = matter[-2:]
    if key in generic:
        key = "" if len(matter) <= 2 else matter if len(matter) < 4 else matter[-4:-2]
    return (
        len(core) >= 2
        and core in question
        or len(unit) >= 4
        and unit[-4:] in question
        or topic
        and len(key) >= 2
        and key in question
    )


def _materials(n: Notice, today: dt.date, programme: str, question: str = "") -> Part | None:
    items = [
        m for m in n.facts.materials if not programme or not m.programme or m.programme == programme
    ]
    if ASKS_ASSESSMENT.search(question) and assessment_deadlines(n):
        # 考核自评材料: the application's list is not what a recognised studio hands in
        by_ref = {c.ref: c for c in n.clauses}
        items = [
            m for m in items if m.clause in by_ref and in_assessment(by_ref[m.clause], n.clauses)
        ]
    if not items:
        return None
    named = [
        m for m in items if len(m.name) >= 4 and (m.name in question or m.name[-4:] in question)
    ]
    asks_list = re.search(r"哪些(?!内容|方面|部分|要点|东西要写)|什么材料|清单|准备", question)
    if named and not asks_list:  # 申办报告要写哪些内容: that item, not the list
        limit = 300 if re.search(r"(内容|包括|要写|怎么写|哪些)", question) else 150
        return Part(
            [f"{m.name}：{shorten(m.text, limit)}" for m in named[:2]],
            [cite(n, m.clause, m.text) for m in named[:2]],
        )
    progs = {m.programme for m in items if m.programme}
    lines = [
        "需要准备的材料" + (f"（{programme or '、'.join(sorted(progs))}）" if progs else "") + "："
    ]
    for i, m in enumerate(items, 1):
        extra = []
        if m.copies:
            extra.append(f"一式{copies_cn(m.copies)}份")
        if m.condition:
            extra.append(f"仅{m.condition}的需要")
        prefix = f"[{m.programme}] " if len(progs) > 1 else ""
        lines.append(f"{i}. {prefix}{m.name}" + (f"（{'，'.join(extra)}）" if extra else ""))
    cites = [cite(n, _parent_ref(n, items[0].clause))]
    sub = _submission(n, today, programme, question)
    if sub:
        lines += sub.lines
        cites += sub.citations
    return Part(lines, cites)


def _parent_ref(n: Notice, ref: str) -> str:
    clause = n.clause(ref)
    return clause.parent if clause and clause.parent else ref


def _submission(n: Notice, today: dt.date, programme: str, question: str = "") -> Part | None:
    rules = [
        r for r in n.facts.submission if r.copies or r.paper or r.electronic or r.online or r.to
    ]
    named = [m for m in n.facts.materials if m.copies and _mentions(question, m.name)]
    copies_asked = bool(re.search(r"几份|多少份|几套", question))
    if copies_asked and not named and not any(r.copies for r in rules):
        named = [m for m in n.facts.materials if m.copies][:2]  # 材料要几份: the forms' copies
    if copies_asked:
        rules = [r for r in rules if r.copies] or rules
    if not rules and not named:
        return None
    lines, cites = [], []
    online = [r for r in rules if r.online]
    if online and re.search(r"网址|网站|链接|平台|系统|网上|线上", question):  # 网址呢: the address
        for r in online[:2]:
            lines.append(f"网上申报：{r.online}")
            cites.append(cite(n, r.clause, r.text))
        rules = [r for r in rules if not r.online]
        if not copies_asked:
            return Part(lines, cites)
    for m in named[:2]:
        lines.append(f"{m.name}：一式{copies_cn(m.copies or 0)}份（{m.copies}份）。")
        cites.append(cite(n, m.clause, m.text))
    where = _PLACE_SENTENCE_ASKED.search(question)
    place = _place_sentence(n) if where else None
    if place is not None:  # 受理地点：…三楼308室 — the notice names the place itself
        lines.append(f"报送地点：{place[1]}")
        cites.append(cite(n, place[0], place[1]))
    if any(w in question for w in ("哪", "谁", "地址", "送到", "交到")):
        dest = [r for r in n.facts.submission if r.to]
        for r in dest[:2]:
            lines.append(f"报送至：{r.to}。")
            cites.append(cite(n, r.clause, r.text))
        if (
            (not dest or re.search(r"地址|几号|几楼|几室|房间|办公室|门牌", question))
            and place is None
            and n.facts.contacts
            and (n.facts.contacts[0].address or n.facts.contacts[0].office)
        ):
            c = n.facts.contacts[0]
            lines.append(f"报送地点：{c.address or c.office}。")
            cites.append(cite(n, c.clause, c.quote))
    if re.search(r"盖章|公章|签章|什么章|谁的章|盖章吗", question):  # the stamp rule first
        stamped = [r for r in rules if "章" in r.text]
        named = [m for m in named if "章" in m.text]
        if not stamped and not named:  # 所有复印件加盖审核单位公章 in a sentence of its own
            for clause in n.clauses:
                for sentence in split_sentences(clause.text.replace("\n", "")):
                    if re.search(r"加盖|盖章|公章", sentence) and not re.search(
                        r"意见|签字", sentence
                    ):
                        return Part(
                            [f"盖章要求：{shorten(sentence, 120)}"], [cite(n, clause.ref, sentence)]
                        )
        rules = stamped or rules
    if named and re.search(r"几份|多少份|几套", question):  # the copies asked are given above
        rules = [r for r in rules if r.copies and not any(m.text in r.text for m in named)]
    for r in rules[:3]:
        sentence = r.text.strip()
        lines.append("提交要求：" + shorten(sentence, 120))
        cites.append(cite(n, r.clause, r.text))
    return Part(lines, cites)


_PLACE_SENTENCE_ASKED = re.compile(
    r"(哪里|哪儿|哪个地方|地址|地点|送到|交到|几楼|几室|房间|办公室)"
)
_PLACE_LABEL = re.compile(
    r"(?:受理|报送|申报|办理|提交|接收|材料报送|纸质材料报送)(?:地点|地址)\s*[:：]\s*([^。；;]{4,80})"
)


def _place_sentence(n: Notice) -> tuple[str, str] | None:
    """``(clause ref, place)`` of a sentence naming where applications are handed in
    (``受理地点：儋州市那大镇中兴大街市人社局三楼308室``), or None."""
    for c in n.clauses:
        m = _PLACE_LABEL.search(c.text.replace("\n", ""))
        if m:
            return c.ref, m.group(1).strip() + "。"
    return None


def copies_cn(n: int) -> str:
    """``2`` → ``"两"`` as in 一式两份; 1–10 as Chinese numerals, larger numbers as digits."""
    return "零一两三四五六七八九十"[n] if 0 < n <= 10 else str(n)


def _mentions(question: str, name: str) -> bool:
    """True when the question names a material: its last 3 characters (申请表, 申报表,
    办报告) or the whole name occur in the question."""
    name = re.sub(r"[（(][^（）()]*[）)]$", "", name)  # 申报表（附件1、附件2）
    return bool(question) and bool(name) and (name in question or name[-3:] in question)


_TOPIC_KINDS = {
    "age": {ConditionKind.AGE_MAX, ConditionKind.WORKING_AGE, ConditionKind.RETIREMENT_MARGIN},
    "retirement": {ConditionKind.RETIREMENT_MARGIN, ConditionKind.WORKING_AGE},
    "team": {ConditionKind.TEAM_MIN, ConditionKind.QUALIFIED_MEMBERS_MIN},
    "qualification": {ConditionKind.QUALIFICATION, ConditionKind.QUALIFIED_MEMBERS_MIN},
    "honours": {ConditionKind.HONOURS},
    "running": {ConditionKind.YEARS_RUNNING},
    "host": {ConditionKind.FUNDING_SHARE},
    "unique": {ConditionKind.UNIQUE},
    "area": {ConditionKind.AREA_MIN},
}
_KIND_CUE = {
    ConditionKind.AGE_MAX: r"(年龄|周岁)",
    ConditionKind.RETIREMENT_MARGIN: r"退休",
    ConditionKind.WORKING_AGE: r"劳动年龄",
    ConditionKind.TEAM_MIN: r"不少于",
    ConditionKind.QUALIFIED_MEMBERS_MIN: r"名.*技师",
    ConditionKind.YEARS_RUNNING: r"运行满",
    ConditionKind.QUALIFICATION: r"(技师|职业资格)",
    ConditionKind.FUNDING_SHARE: r"不低于",
    ConditionKind.UNIQUE: r"只设",
    ConditionKind.AREA_MIN: r"面积",
}


def _phrase(text: str, kind: ConditionKind) -> str:
    """The comma-part of a condition sentence that states ``kind``."""
    cue = _KIND_CUE.get(kind)
    parts = re.split(r"[，,；;]", text)
    if cue:
        for p in parts:
            if re.search(cue, p):
                return p.strip("。 ")
    return shorten(text, 80)


def _conditions(n: Notice, today: dt.date, programme: str, question: str = "") -> Part | None:
    conds = [
        c
        for c in n.facts.conditions
        if not programme or not c.programme or c.programme == programme
    ]
    if not conds:
        return None
    topics = condition_topics(question)
    kinds = set().union(*(_TOPIC_KINDS[t] for t in topics)) if topics else set()
    chosen = [c for c in conds if c.kind in kinds] if kinds else conds
    if kinds and not chosen:
        main = conds[0]
        return Part(
            [f"通知的申报条件中没有关于{_topic_words(topics)}的具体规定。"],
            [cite(n, main.clause, main.text)],
            missing=True,
        )
    lines: list[str] = []
    cites: list[Citation] = []
    seen: set[str] = set()
    for c in chosen:
        if c.kind == ConditionKind.HONOURS:
            line = "须获得以下荣誉之一：" + "、".join(c.options[:12])
        elif c.kind == ConditionKind.ALL_OF:
            line = "须具备下列条件：" + "；".join(
                f"{i}.{shorten(o, 40)}" for i, o in enumerate(c.options, 1)
            )
        elif c.kind == ConditionKind.ONE_OF:
            line = "且具备下列条件之一：" + "；".join(
                f"{i}.{o}" for i, o in enumerate(c.options, 1)
            )
        else:
            line = _phrase(c.text, c.kind)
            relaxed = _relaxation_after(n, c) if c.kind == ConditionKind.AGE_MAX else ""
            if relaxed:  # …不超过55周岁；获得过中华技能大奖的，年龄可放宽至58周岁
                line += f"（{relaxed}）"
        if line in seen:
            continue
        seen.add(line)
        prefix = f"[{c.programme}] " if c.programme and not programme else ""
        lines.append(f"• {prefix}{line}")
        if not any(x.clause == c.clause for x in cites):
            cites.append(cite(n, c.clause, c.text))
    return Part(["申报条件："] + lines[:8], cites[:3])


def _relaxation_after(n: Notice, c: Condition) -> str:
    """The sentence right after an age limit that relaxes it (``获得过中华技能大奖的，年龄
    可放宽至58周岁``), ``""`` when none does."""
    clause = n.clause(c.clause)
    if clause is None:
        return ""
    text = clause.text.replace("\n", "")
    at = text.find(c.text)
    if at < 0:
        return ""
    rest = text[at + len(c.text) :]
    nxt = re.split(r"(?<=[。；;])", rest, maxsplit=1)[0].strip("；;。 ")
    return nxt if re.search(r"放宽", nxt) and len(nxt) <= 60 else ""


def _topic_words(topics: list[str]) -> str:
    names = {
        "age": "年龄",
        "retirement": "退休年龄",
        "team": "团队人数",
        "qualification": "职业资格等级",
        "honours": "荣誉称号",
        "running": "运行年限",
        "host": "依托单位",
        "unique": "同一单位申报数量",
        "area": "场地面积",
    }
    return "、".join(names[t] for t in topics)


_SUBSIDY_WORDS = re.compile(r"(优秀|考核|年度|验收|评估|绩效|奖励|延续|期满|首次|第二年|二次)")


def _subsidy(n: Notice, today: dt.date, programme: str, question: str = "") -> Part | None:
    """Subsidies of the notice; narrowed to the ones whose sentence names what the
    question names (``考核优秀的奖励``); missing (the notice does not say) when the user
    asks how much and those name no amount (``给予一定的奖励``, ``酌情予以补助``)."""
    subs = n.facts.subsidies
    if programme:  # the programme the question names, when a subsidy is addressed to it
        core = programme.removeprefix("企业")
        subs = [s for s in subs if s.programme == programme or core in s.recipient] or subs
    asked = set(_SUBSIDY_WORDS.findall(question))
    if asked and len([p for p in re.split(r"[？?；;]", question) if p.strip()]) == 1:
        subs = [s for s in subs if asked & set(_SUBSIDY_WORDS.findall(s.quote))] or subs
    if not subs:
        return None
    lines: list[str] = []
    cites: list[Citation] = []
    parts = _instalments(subs)
    for i, s in enumerate(subs):
        if i in parts:
            continue  # shown with the total it is a part of
        if s.amount_yuan and i in parts.values():
            own = [p for p, t in parts.items() if t == i]
            when = [_instalment_when(subs[p].quote) for p in own]
            if len(own) > 1 and all(when) and len(set(when)) == len(when):
                paid = "；".join(when)  # 认定当年拨付2万元；第一年度考核合格后拨付2万元
            else:
                paid = "、".join(fmt_yuan(subs[p].amount_yuan or 0) for p in own)
                every = re.search(r"每(年|期|次)", subs[own[0]].quote) if len(own) == 1 else None
                paid = f"每{every.group(1)}{paid}" if every else paid
            lines.append(
                f"• {s.recipient + '：' if s.recipient else ''}{fmt_yuan(s.amount_yuan)}"
                f"{s.purpose}（分期拨付：{paid}）"
            )
        elif s.amount_yuan:
            several = len({x.programme for x in subs if x.programme}) > 1
            who = f"{s.recipient}：" if s.recipient else (f"{s.programme}：" if several else "")
            cond = (
                f"（条件：{s.condition}）" if s.condition and s.condition not in s.recipient else ""
            )
            lines.append(f"• {who}{fmt_yuan(s.amount_yuan)}{s.purpose}{cond}")
        else:
            lines.append(f"• 通知未写明具体金额：{shorten(s.quote, 90)}")
        shown = [s] + [subs[p] for p, t in parts.items() if t == i]  # the schedule too
        for x in shown:
            if not any(c.clause == x.clause and x.quote in c.quote for c in cites):
                cites.append(cite(n, x.clause, x.quote))
    unstated = bool(re.search(r"(多少|金额|几万|给多少)", question)) and not any(
        s.amount_yuan for s in subs
    )
    return Part(["补助/资助："] + lines, cites, missing=unstated)


def _instalment_when(quote: str) -> str:
    """The words of one instalment of a subsidy paid in parts, as written: from
    ``…分三次拨付：认定当年拨付2万元；`` → ``认定当年拨付2万元``; ``""`` when its last phrase
    states no amount or is too long to be one instalment."""
    last = re.split(r"[：:，,；;。]", quote.strip("；;。 "))[-1].strip()
    if not re.search(r"\d|[一二两三四五六七八九十]\s*万", last) or len(last) > 30:
        return ""
    return last


def _instalments(subs: list[Subsidy]) -> dict[int, int]:
    """``{index of a part: index of its total}`` for amounts that are instalments of an
    amount before them in the same clause (``给予建设补助8万元，分两次拨付：认定后拨付5万元，
    …拨付3万元``): the parts add up to the total."""
    out: dict[int, int] = {}
    for i, total in enumerate(subs):
        if not total.amount_yuan or i in out:
            continue
        rest = [
            j
            for j in range(i + 1, len(subs))
            if subs[j].clause == total.clause and subs[j].amount_yuan
        ]
        for k in range(len(rest), 1, -1):
            if sum(subs[j].amount_yuan or 0 for j in rest[:k]) == total.amount_yuan:
                out.update({j: i for j in rest[:k]})
                break
        else:  # 分两年拨付，每年5万元: one part, paid every year
            each = rest[0] if rest else None
            if (
                each is not None
                and total.amount_yuan % (subs[each].amount_yuan or total.amount_yuan + 1) == 0
                and re.search(r"每(?:年|期|次)", subs[each].quote)
            ):
                out[each] = i
    return out


def _simple_list(facts: list, title: str, n: Notice) -> Part | None:  # type: ignore[type-arg]
    if not facts:
        return None
    lines = [f"{title}：{shorten(f.text, 120)}" for f in facts[:3]]
    return Part(lines, [cite(n, f.clause, f.text) for f in facts[:3]])


def _procedure(n: Notice, today: dt.date, programme: str) -> Part | None:
    steps = n.facts.procedure
    if not steps:
        return None
    lines = ["申报与评审程序："] + [
        f"{i}. {shorten(s.text, 70)}" for i, s in enumerate(steps[:6], 1)
    ]
    refs = list(dict.fromkeys(_parent_ref(n, s.clause) for s in steps[:6]))
    return Part(lines, [cite(n, r) for r in refs[:2]])


def _quota(n: Notice, today: dt.date, programme: str, question: str = "") -> Part | None:
    """Quotas; the row of the place the question names (``宁波分到几个`` in a provincial
    notice's 名额分配表) when the notice has per-place rows."""
    qs = [q for q in n.facts.quotas]
    if programme:  # 首席技师工作室能推几个: that programme's column and total
        qs = [q for q in qs if q.programme in ("", programme)] or qs
    if not qs:
        return None
    rows = [q for q in qs if q.place and any(a in question for a in table_place_names(q.place))]
    if rows:
        return Part(
            [
                f"名额：{q.place}{q.count}个（{'推荐' if q.scope == '推荐' else '认定'}名额）"
                for q in rows[:2]
            ],
            [cite(n, q.clause, q.text) for q in rows[:2]],
        )
    overall = [q for q in qs if not q.place and q.text.count("\t") < 3] or qs  # no whole table
    return Part(
        ["名额：" + shorten(q.text, 100) for q in overall[:3]],
        [cite(n, q.clause, q.text) for q in overall[:3]],
    )


def _validity(n: Notice, today: dt.date, programme: str) -> Part | None:
    return _simple_list(n.facts.validity, "有效期", n)


def _publicity(n: Notice, today: dt.date, programme: str, question: str = "") -> Part | None:
    part = _simple_list(n.facts.publicity, "公示", n)
    asks_length = any(w in question for w in ("几天", "多久", "多长", "几个工作日", "多少天"))
    if part and asks_length and not any(f.value for f in n.facts.publicity):
        return Part(["通知提到公示，但没有写明公示几天。"], part.citations[:1], missing=True)
    return part


def _naming(n: Notice, today: dt.date, programme: str) -> Part | None:
    if not n.facts.naming:
        return None
    f = n.facts.naming[0]
    return Part([f"工作室名称格式：“{f.value}”。"], [cite(n, f.clause, f.text)])


_FIELD_WORDS = ("填", "栏目", "内容", "字段", "项目", "哪些项", "什么项")


def _forms(n: Notice, today: dt.date, programme: str, question: str = "") -> Part | None:
    if not n.attachments:
        return None
    named = [
        a
        for a in n.attachments
        if a.title and (a.title in question or a.title[-5:] in question or a.title[-3:] in question)
    ]
    target = (
        named[0]
        if named
        else (n.attachments[0] if any(w in question for w in _FIELD_WORDS) else None)
    )
    cite_att = target or n.attachments[0]
    citation = Citation(n.id, n.label, f"附件{cite_att.number}", cite_att.title)
    if target is not None:
        lines = [f"附件{target.number or ''}《{target.title}》"]
        asked = [f for f in target.fields if f.options and f.label in question]
        if asked:  # 单位类型有哪几种可以勾: the field's printed choices
            lines += [
                f"{f.label}（可勾选）：" + " ".join(f"□{o}" for o in f.options) for f in asked
            ]
            return Part(lines, [citation])
        notes = [ln.strip() for ln in target.text.splitlines() if ln.strip().startswith("注")]
        if any(w in question for w in _FIELD_WORDS) or not notes:
            sections: dict[str, list[str]] = {}
            for f in target.fields:
                if not f.signature:
                    sections.setdefault(
                        f.section or ("重复填写：" + f.group if f.group else ""), []
                    ).append(f.label)
            for section, labels in sections.items():
                head = f"{section}：" if section else "填写栏目："
                lines.append(head + "、".join(dict.fromkeys(labels)))
        lines += [re.sub(r"\s+", "", ln) for ln in notes]
        return Part(lines, [citation])
    lines = ["通知附件中的表格："] + [f"附件{a.number or ''} {a.title}" for a in n.attachments]
    lines.append("可以发送“我要填报”，我会逐项帮您填写并生成表格文件。")
    return Part(lines, [citation])


def _overview(n: Notice, today: dt.date, programme: str) -> Part | None:
    m = n.meta
    lines = [f"《{m.title}》"]
    if m.issuers:
        lines.append("发文单位：" + "、".join(m.issuers))
    if m.doc_number:
        lines.append("文号：" + m.doc_number)
    if m.issue_date:
        lines.append("发布日期：" + fmt_date(m.issue_date))
    first = next((c for c in n.clauses if c.ref != "正文"), n.clauses[0])
    intro = split_sentences(n.clauses[0].text.replace("\n", ""))
    return Part(lines, [cite(n, n.clauses[0].ref, intro[1] if len(intro) > 1 else first.text)])


COMPOSERS = {
    Intent.DEADLINE: _deadline,
    Intent.CONTACT: _contact,
    Intent.MATERIALS: _materials,
    Intent.SUBSIDY: _subsidy,
    Intent.PROCEDURE: _procedure,
    Intent.QUOTA: _quota,
    Intent.VALIDITY: _validity,
    Intent.PUBLICITY: _publicity,
    Intent.NAMING: _naming,
    Intent.FORMS: _forms,
    Intent.SUBMISSION: _submission,
    Intent.OVERVIEW: _overview,
}


def compose(
    intent: Intent, notice: Notice, today: dt.date, programme: str = "", question: str = ""
) -> Part | None:
    """Build the answer part for ``intent`` about ``notice``.

    Args:
        intent: The question's intent.
        notice: The notice to answer from.
        today: Today's date (deadlines say whether they passed).
        programme: Restrict to one programme (``"企业首席技师"``), empty for all.
        question: The normalised question (conditions are narrowed to its topic).

    Returns:
        The part, or ``None`` when the notice has no fact for the intent.
    """
    if intent == Intent.CONDITIONS:
        return _conditions(notice, today, programme, question)
    if intent in (
        Intent.DEADLINE,
        Intent.SUBMISSION,
        Intent.PUBLICITY,
        Intent.FORMS,
        Intent.MATERIALS,
        Intent.SUBSIDY,
        Intent.QUOTA,
        Intent.CONTACT,
    ):
        return COMPOSERS[intent](notice, today, programme, question)  # type: ignore[call-arg]
    return COMPOSERS[intent](notice, today, programme)
