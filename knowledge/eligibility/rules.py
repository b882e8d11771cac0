"""Rule engine: an applicant's own facts against a notice's parsed conditions.

:func:`assess` turns the conditions the parser found in any notice
(:class:`knowledge.models.Condition`: age limit and its relaxations, retirement margin,
team size and its parts, level and its relaxed trades, tenure, running years, honours)
into findings for the facts a user stated (:class:`knowledge.profile.Profile`): 符合,
不符合 or 待确认 with the reason and the clause. A rule the notice leaves open (does the
team of 5 include the leader? a level below the one required when an honour would also
do; a birth year whose birthday decides) is 待确认, never 不符合.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, replace
from enum import StrEnum
from importlib import resources

from knowledge.models import Condition, ConditionKind, Notice
from knowledge.parse.conditions import sex_age_limits
from knowledge.profile import LEVEL_NAMES, Profile, level_said, tier_of
from knowledge.retirement import months_to_retirement
from knowledge.text import cn_number, shorten, to_simplified
from knowledge.units import covers, narrower


class Status(StrEnum):
    """A finding's verdict."""

    MET = "符合"
    NOT_MET = "不符合"
    UNSURE = "待确认"


@dataclass(frozen=True)
class Finding:
    """One condition checked against the user's facts.

    Attributes:
        status: 符合 / 不符合 / 待确认.
        reason: One Chinese sentence (``您56岁，超过“年龄不超过55周岁”的要求``).
        condition: The notice's condition (its text and clause are quoted).
        weak: Met only because nothing rules it out (a unit type the notice does not
            exclude); the self-check shows it, a Q&A verdict does not rest on it.
    """

    status: Status
    reason: str
    condition: Condition
    weak: bool = False


_REQUIRED_LEVEL = [
    (re.compile(r"高级技师|一级"), 1),
    (re.compile(r"(?<!高级)(?<!首席)(?<!特级)技师|二级"), 2),
    (re.compile(r"高级工|三级"), 3),
    (re.compile(r"中级工|四级"), 4),
]
_ALTERNATIVE = re.compile(r"(或|或者|之一|以及获得|或获得)")


def assess(notice: Notice, profile: Profile, today: dt.date, programme: str = "") -> list[Finding]:
    """Check the user's stated facts against the notice's conditions.

    Args:
        notice: The parsed notice.
        profile: The facts the user stated.
        today: The date ages and retirement are counted at.
        programme: Only conditions of this programme (and those for all), when given.

    Returns:
        Findings in the notice's order, one per condition the user's facts bear on.
    """
    out: list[Finding] = []
    asked = re.search(  # 能报市级的吗 (not 已经是市级工作室, nor 省级技术能手)
        r"(?:报|申报|申请|推荐?|评)(?![上了过为])[^，,。；;？?]{0,3}?(国家|省|市|区|县)级",
        profile.question,
    )
    tops = _top_tiers(notice) if asked else {}
    for c in notice.facts.conditions:
        if programme and c.programme and c.programme != programme:
            continue
        top = re.match(r"[一二三四五六七八九十]+、", c.clause)
        if asked and tops.get(top.group() if top else "", "") not in ("", asked.group(1)):
            continue  # 能报市级的吗: not the section on recommending 省级 studios
        finding = _check(c, profile, today, _section_text(notice, c.clause))
        if finding is not None and not any(
            f.condition.kind == c.kind
            and f.status == finding.status
            and f.condition.value == c.value
            for f in out
        ):
            out.append(finding)
        tenure = _tenure(c, profile)
        if tenure is not None and not any(f.reason == tenure.reason for f in out):
            out.append(tenure)
        contest = _contest(c, profile)
        if contest is not None and not any(f.reason == contest.reason for f in out):
            out.append(contest)
        sub = _sub_count(c, profile.question, profile.team_size, profile)
        if sub is not None and not any(f.reason == sub.reason for f in out):
            out.append(sub)
    preferred = _honours_preferred(notice, profile, programme)
    if preferred is not None and not any(f.condition.kind == ConditionKind.HONOURS for f in out):
        out.append(preferred)
    for c in _unparsed_tenure_rules(notice, programme):  # 从业年限：从事本职业满8年…
        tenure = _tenure(c, profile)
        if tenure is not None and not any(f.reason == tenure.reason for f in out):
            out.append(tenure)
    return out


_PREFERRED = re.compile(
    r"[^。；;]*(?:获得|获评|荣获|具有)[^。；;]{2,60}?(?:荣誉|称号|技术能手|工匠|技能大奖)[^。；;]{0,6}?的[，,]?\s*"
    r"(?:在)?(?:同等条件下)?(?:予以|可)?优先[^。；;]*"
)


def _honours_preferred(notice: Notice, p: Profile, programme: str) -> Finding | None:
    """No honour, where the notice asks none and only prefers them (``获得…称号的优先``):
    met, with that sentence; ``None`` when the notice does ask for honours, names no
    preference, or the user said nothing about honours."""
    if not p.no_honour or any(
        c.kind == ConditionKind.HONOURS and (not programme or c.programme in ("", programme))
        for c in notice.facts.conditions
    ):
        return None
    for clause in notice.clauses:
        m = _PREFERRED.search(clause.text.replace("\n", ""))
        if m:
            rule = Condition(
                kind=ConditionKind.OTHER, subject="领办人", text=m.group(0), clause=clause.ref
            )
            return Finding(
                Status.MET,
                f"没有荣誉称号不影响申报：通知没有把荣誉列为必备条件，只写明“{shorten(m.group(0), 50)}”。",
                rule,
            )
    return None


@functools.lru_cache(maxsize=1)
def _modern_trades() -> tuple[str, ...]:
    """Trades of modern industry (``knowledge/data/modern_trades.txt``), longest first."""
    text = resources.files("knowledge").joinpath("data/modern_trades.txt").read_text("utf-8")
    words = [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]
    return tuple(sorted(words, key=len, reverse=True))


def _top_tiers(notice: Notice) -> dict[str, str]:
    """``{top section ref: the level its heading is about}`` (``一、省级技能大师工作室推荐``
    → ``{"一、": "省"}``), for the sections whose heading names one."""
    out = {}
    for clause in notice.clauses:
        m = re.search(r"(国家|省|市|区|县)级", clause.heading)
        if m and re.fullmatch(r"[一二三四五六七八九十]+、", clause.ref):
            out[clause.ref] = m.group(1)
    return out


def _unparsed_tenure_rules(notice: Notice, programme: str) -> list[Condition]:
    """Sentences of the conditions' sections that set years in the trade or the unit
    (``从事本职业（工种）满8年，在依托单位工作满1年``) and no parsed condition holds, as
    conditions of kind ``other`` for :func:`_tenure`."""
    own = [c for c in notice.facts.conditions if not programme or c.programme in ("", programme)]
    tops = {c.clause.split("、", 1)[0] for c in own if "、" in c.clause}
    held = "".join(c.text for c in notice.facts.conditions)
    parents = {c.parent for c in notice.clauses}
    out = []
    for clause in notice.clauses:
        if clause.ref.split("、", 1)[0] not in tops or clause.ref in parents:
            continue
        for sentence in re.split(r"(?<=[。；;])", clause.text.replace("\n", "")):
            if _TENURE_RULE.search(sentence) and sentence.strip() not in held:
                out.append(
                    Condition(
                        kind=ConditionKind.OTHER,
                        subject="领办人",
                        text=sentence.strip(),
                        clause=clause.ref,
                    )
                )
    return out


_TENURE_RULE = re.compile(
    r"(?:本单位|本职业|本工种|本岗位|从事|工作)[^。；，,]{0,12}?(?:满|不少于)\s*(\d{1,2}|[一二两三四五六七八九十]+)\s*年|"
    r"(?:本单位|本职业|本工种|从事)[^。；，,]{0,12}?(\d{1,2})\s*年(?:及)?以上"
)


def _tenure(c: Condition, p: Profile) -> Finding | None:
    """Years in the unit or trade (``在本单位连续工作满3年``, ``从事本职业10年以上``)
    against what the user says (``在现在单位干了2年``)."""
    if p.tenure_years is None and p.trade_years is None:
        return None
    findings = []
    for m in _TENURE_RULE.finditer(c.text):  # 从事本职业满8年，在依托单位工作满1年: both
        need = cn_number(m.group(1) or m.group(2))
        if need is None:
            continue
        rule = m.group().strip("，,").split("\t")[-1]  # a table row's label is not the rule
        start = max(c.text.rfind(ch, 0, m.start()) for ch in "，,；;。：:\t") + 1
        phrase = c.text[start : m.end()]  # 从事交通运输行业相关工作满10年: the trade's years
        in_trade = re.search(r"本职业|本工种|从事|技艺|行业", phrase) and not re.search(
            r"单位|企业", phrase
        )
        if in_trade:
            years = p.trade_years if p.trade_years is not None else p.tenure_years
        else:
            years = p.tenure_years
        if years is None:
            continue
        said = "从事这一行" if years == p.trade_years and in_trade else "工作"
        if years >= need:
            findings.append(Finding(Status.MET, f"您{said}{years:g}年，满足“{rule}”。", c))
        else:
            findings.append(Finding(Status.NOT_MET, f"您{said}{years:g}年，达不到“{rule}”。", c))
    failed = [f for f in findings if f.status is Status.NOT_MET]
    chosen = failed or findings
    return chosen[0] if chosen else None


_SUB_RULE = re.compile(
    r"其中([^，,。；;]{2,20}?)(?:的|人员|技能人才|成员)?不少于\s*(\d+|[一二两三四五六七八九十]+)\s*(?:人|名)"
)
_LEVEL_KEY = re.compile(r"(高级技师|技师|高级工|一级|二级|三级)(?:及)?以上")
_AGE_KEY = re.compile(r"(\d{2})\s*周?岁(?:及)?以下")


_TOP_N = re.compile(
    r"(?:大赛|竞赛|比赛)[^。；;]{0,30}?前\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*名"
)


def _contest(c: Condition, p: Profile) -> Finding | None:
    """``技能大赛中获得前三名`` against the place the user took (``拿了第5名``)."""
    if p.contest_rank is None:
        return None
    m = _TOP_N.search(c.text)
    need = cn_number(m.group(1)) if m else None
    if need is None:
        return None
    rule = f"前{need}名"
    if p.contest_rank <= need:
        return Finding(Status.MET, f"您获得第{p.contest_rank}名，在通知要求的“{rule}”之内。", c)
    return Finding(Status.NOT_MET, f"您获得第{p.contest_rank}名，不在通知要求的“{rule}”之内。", c)


_SHARE_RULE = re.compile(
    r"其中([^，,。；;]{2,20}?)(?:的)?(?:人员|成员)?(?:占比|比例|比重|所占比例)?不(?:低于|少于)\s*(\d{1,3})\s*[%％]"
)


_MEMBER_LEVELS = "高级技师|技师|高级工|中级工|初级工"
_MEMBER_COUNT = re.compile(
    rf"(\d+|[一两俩三四五六七八九十]+)\s*(?:个|名|位|人)\s*(?:是)?({_MEMBER_LEVELS})(?!以上|及以上)"
    rf"|({_MEMBER_LEVELS})(?:有|共)?\s*(\d+|[一两俩三四五六七八九十]+)\s*(?:个|名|位|人)"
)
_MEMBERS_VAGUE = re.compile(rf"(?:几个|好几个|大部分|多数|一些|部分|不少)(?:是)?({_MEMBER_LEVELS})")
_MEMBERS_ALL = re.compile(rf"(?:都是|全是|均为|全部是)({_MEMBER_LEVELS})(?:及)?(以上)?")
_LEVEL_RANK = {"高级技师": 1, "技师": 2, "高级工": 3, "中级工": 4, "初级工": 5}


def _members_at_least(
    question: str, level: str, p: Profile | None, count_leader: bool, team: int | None
) -> tuple[int | None, bool]:
    """How many of the team the user says hold ``level`` or above, from counts by level
    (``除我以外只有1个技师，其他都是高级工`` → 1 技师以上; ``2个高级工，其余都是中级工``), the
    leader added when ``count_leader`` and the leader's level is high enough. Returns
    ``(count, open)``: ``open`` when the account may be partial (团队5人，3个高级工 says
    nothing of the other two) or vague (``(None, True)``: 有几个技师, 都是中级工以上 for
    高级工以上); ``(None, False)`` when the user says nothing of it."""
    need = _LEVEL_RANK[level]
    leader = 1 if count_leader and p is not None and p.level is not None and p.level <= need else 0
    everyone = _MEMBERS_ALL.search(question)
    if everyone and _LEVEL_RANK[everyone.group(1)] <= need and team:
        return team, False  # 都是技师以上: the whole team
    counts: list[tuple[int, str]] = []
    for m in _MEMBER_COUNT.finditer(question):
        n = cn_number(m.group(1) or m.group(4))
        if n is not None:
            lv = m.group(2) or m.group(3)
            if re.search(
                r"我(?:和|跟|与)(?:另外?|其他)?$", question[max(0, m.start() - 4) : m.start()]
            ):
                # 我和另一个是技师: the leader is one of them
                n, leader = n + (1 if count_leader else 0), 0
            counts.append((int(n), lv))
    if counts:
        have = leader + sum(n for n, lv in counts if _LEVEL_RANK[lv] <= need)
        listed = leader + sum(n for n, _ in counts) + (1 if count_leader and not leader else 0)
        whole = bool(re.search(r"其他|其余|剩下|只有|就|仅", question)) or bool(
            team and listed >= team
        )
        # 团队5人，3个高级工: the other two may be 技师; a short count of a partial account is open
        return have, not whole
    if _MEMBERS_VAGUE.search(question) or everyone:
        return None, True
    return None, False


def _sub_count(
    c: Condition, question: str, team: int | None = None, p: Profile | None = None
) -> Finding | None:
    """``其中技师以上不少于2人`` / ``其中35周岁以下不少于2人`` / ``其中技师及以上人员占比不低于
    30%`` against what the user says of that part of the team (``其中高级工以上2个``,
    ``35岁以下的只有1个``, ``除我以外只有1个技师``); ❔ when the user says it vaguely."""
    if not question or "其中" not in c.text:
        return None
    with_leader = bool(re.search(r"(?<!不)含领办人|包括领办人", c.text))
    for m in _SHARE_RULE.finditer(c.text):  # 其中高级工以上人员占比不低于60%
        level = _LEVEL_KEY.search(m.group(1))
        if not level or not team:
            continue
        said = re.search(
            rf"{level.group(1)}(?:及)?以上[^\d，,。；;一两]{{0,6}}?(\d+|一|两)\s*(?:个|人|名|位)",
            question,
        )
        rule = m.group(0)
        if said:
            have = cn_number(said.group(1)) or 0
        else:
            counted, vague = _members_at_least(
                question, level.group(1), p, bool(p and p.team_includes_leader) or with_leader, team
            )
            if counted is None and vague:
                return Finding(
                    Status.UNSURE, f"通知要求“{rule}”，请核对团队中{level.group(1)}以上的人数。", c
                )
            if counted is None:
                continue
            if vague and 100 * counted / team < int(m.group(2)):
                return Finding(
                    Status.UNSURE, f"通知要求“{rule}”，请核对团队中{level.group(1)}以上的人数。", c
                )
            have = counted
        share, need_pct = 100 * have / team, int(m.group(2))
        if share >= need_pct:
            return Finding(
                Status.MET,
                f"{team}人中{level.group(1)}以上{have}人（{share:.0f}%），满足“{rule}”。",
                c,
            )
        return Finding(
            Status.NOT_MET,
            f"{team}人中{level.group(1)}以上只有{have}人（{share:.0f}%），达不到“{rule}”。",
            c,
        )
    for m in _SUB_RULE.finditer(c.text):
        need = cn_number(m.group(2))
        what = m.group(1)
        level, age = _LEVEL_KEY.search(what), _AGE_KEY.search(what)
        if need is None or not (level or age):
            continue
        if level:
            key = rf"{level.group(1)}(?:及)?以上"
        else:
            assert age is not None
            key = rf"{age.group(1)}\s*周?岁(?:及)?以下"
        said = re.search(rf"{key}[^\d，,。；;一两]{{0,6}}?(\d+|一|两)\s*(?:个|人|名|位)", question)
        rule = f"其中{what}不少于{need}人"
        if said:
            have = cn_number(said.group(1)) or 0
        elif level:
            counted, vague = _members_at_least(question, level.group(1), p, with_leader, team)
            if vague and (counted is None or counted < need):
                return Finding(
                    Status.UNSURE, f"通知要求“{rule}”，请核对团队中{level.group(1)}以上的人数。", c
                )
            if counted is None:
                continue
            have = counted
        else:
            continue
        if have >= need:
            return Finding(Status.MET, f"{what}{have}人，满足“{rule}”。", c)
        return Finding(Status.NOT_MET, f"{what}只有{have}人，达不到“{rule}”。", c)
    return None


def _section_text(notice: Notice, ref: str) -> str:
    """The text of the section a condition sits in (its clause, parent and siblings),
    where exceptions to it are written (``传统技艺的，可放宽至高级工``)."""
    clause = notice.clause(ref)
    if clause is None:
        return ""
    top = clause.parent or clause.ref
    text = "\n".join(c.text for c in notice.clauses if c.ref == top or c.ref.startswith(top))
    return to_simplified(text)  # a notice in traditional characters: rules read simplified


def overall(findings: list[Finding]) -> Status | None:
    """不符合 when one finding fails, 待确认 when one is open, 符合 when all are met."""
    if not findings:
        return None
    statuses = {f.status for f in findings}
    if Status.NOT_MET in statuses:
        return Status.NOT_MET
    return Status.UNSURE if Status.UNSURE in statuses else Status.MET


def check_condition(c: Condition, p: Profile, today: dt.date, section: str = "") -> Finding | None:
    """One condition of a notice against the applicant's facts.

    Args:
        c: A parsed condition (any kind; 全部/其他 lists are never decided here).
        p: The applicant's facts (from a question or from the self-check's answers).
        today: The date ages, retirement and running time are counted at.
        section: The text of the condition's section, where relaxations are written.

    Returns:
        符合 / 不符合 / 待确认 with the reason, or ``None`` when the facts the condition
        needs are not known.
    """
    return _check(c, p, today, section)


def section_text(notice: Notice, ref: str) -> str:
    """The text of the section a condition sits in (see :func:`check_condition`)."""
    return _section_text(notice, ref)


def _check(c: Condition, p: Profile, today: dt.date, section: str = "") -> Finding | None:
    if c.kind in _EXTRA:
        return _EXTRA[c.kind](c, p)
    if c.kind == ConditionKind.AGE_MAX:
        return _age(c, p, today, section)
    if c.kind == ConditionKind.WORKING_AGE:  # 在法定劳动年龄内: not yet at retirement age
        return _retirement(c, p, today)
    if c.kind == ConditionKind.RETIREMENT_MARGIN and c.value is not None:
        return _retirement(c, p, today)
    if c.kind == ConditionKind.TEAM_MIN and c.value is not None and p.team_size is not None:
        return _team(c, p.team_size, p.team_includes_leader, p.question)
    if c.kind == ConditionKind.QUALIFICATION and c.or_level and p.level is not None:
        return _level_or_honour(c, p, section)
    if c.kind == ConditionKind.QUALIFICATION and p.level is not None:
        return _level(c, p.level, section, p.question, p.honours)
    if (
        c.kind == ConditionKind.YEARS_RUNNING
        and c.value is not None
        and p.running_years is not None
        and not re.search(r"\d{4}年\d{1,2}月\d{1,2}日(?:以)?前(?:建立|成立|组建)", c.text)
    ):  # with a cut-off date (2024年6月30日前建立) the founding date is compared to it instead
        need = float(c.value)
        ok = p.running_years >= need
        return Finding(
            Status.MET if ok else Status.NOT_MET,
            f"工作室运行约{p.running_years:g}年，{'满足' if ok else '达不到'}“运行满{need:g}年”的要求。",
            c,
        )
    if c.kind == ConditionKind.HONOURS and c.options and (p.honours or p.no_honour):
        if p.contest_rank is not None and not p.honours and _TOP_N.search(c.text):
            return None  # no honour, a contest place: the contest route decides (_contest)
        return _honours(c, p, section)
    return None


def _honours(c: Condition, p: Profile, section: str = "") -> Finding:
    """The user's honours against the notice's list: the same honour (or one the list
    names as a level: 省级技术能手 covers 江苏省技术能手) is met; one the list does not
    name is 待确认 (another place's 技术能手 is not the same honour); none at all is not met
    unless the list is one alternative among others."""
    listed = "、".join(c.options[:6]) + ("等" if len(c.options) > 6 else "")
    for h in p.honours:
        for o in c.options:
            alias = re.findall(r"[（(]([^（）()]{2,10})[）)]", o)  # 市“特支计划”…人才（温州名匠）
            if (
                h == o
                or h.endswith(o)
                and len(o) >= 4
                or o.endswith(h)
                and len(h) >= 4
                or h in alias
            ):
                return Finding(Status.MET, f"您获得过“{h}”，在通知列出的荣誉之列。", c)
            tier = re.match(
                r"(国家|全国|省|市)级(?:及以上|以上)?(.{2,8})$", o
            )  # 省级技术能手: any province's
            if (
                tier
                and h.endswith(tier.group(2))
                and _tier(h) >= {"国家": 3, "全国": 3, "省": 2, "市": 1}[tier.group(1)]
            ):
                return Finding(Status.MET, f"您获得过“{h}”，属于通知列出的“{o}”。", c)
    for h in p.honours:  # 湖南省技术能手及以上荣誉: that honour or a higher one of its kind
        for o in c.options:
            base = re.sub(r"(?:及|以)以?上.*$", "", o)
            if base != o and (
                h == base
                or h.endswith(re.sub(r"^.*?(省|市|区|县|国)", "", base))
                and _tier(h) >= _tier(base)
            ):
                return Finding(Status.MET, f"您获得过“{h}”，属于通知列出的“{o}”。", c)
    for h in p.honours:  # 市级及以上非物质文化遗产代表性项目代表性传承人: its kind, high enough
        for o in c.options:
            floor_of = re.match(r"(国家|全国|省|市|县)级(?:及)?以上(.{4,})$", o)
            if (
                floor_of
                and h.endswith(floor_of.group(2)[-3:])
                and _tier(h) >= _TIER_OF[floor_of.group(1)]
            ):
                return Finding(Status.MET, f"您是“{h}”，属于通知列出的“{o}”。", c)
    for h in p.honours:  # 从事传统技艺的…获评非物质文化遗产代表性传承人的，也可以申报
        noun = re.search(r"(传承人|劳动模范|劳模|带头人|专家|津贴)$", h)
        if noun is None:
            continue
        alt = re.search(
            rf"[^。；;]*{noun.group(1)}[^。；;]*?(?:也可以|也可|亦可|可以)申报", section or c.text
        )
        if alt and not any(noun.group(1) in o for o in c.options):
            return Finding(
                Status.MET,
                f"您是“{h}”，属于通知写明的另一种情形：“{shorten(alt.group(0).strip('；，, '), 60)}”。",
                c,
            )
    floor = re.search(
        r"(国家|全国|省|市)级(?:及)?以上[^。；（(]{0,16}?(?:荣誉|称号|奖项|表彰)", c.text
    )
    for h in p.honours:  # 获得过市级以上技能类荣誉称号（如…等）: any honour of that level
        need = {"国家": 3, "全国": 3, "省": 2, "市": 1}[floor.group(1)] if floor else 0
        if floor and _tier(h) >= need and re.search(r"(能手|工匠|首席|大奖|技能|技师|大师)", h):
            return Finding(Status.MET, f"您获得过“{h}”，属于通知要求的“{floor.group(0)}”。", c)
    # a level floor inside one item (县级及以上…传承人) opens the list only for that item's kind
    text = re.sub(r"不再|以上材料", "", c.text)
    for o in c.options:
        item_floor = re.match(r"(?:国家|全国|省|市|县)级(?:及)?以上.*?(传承人|能手|工匠|名师)$", o)
        if item_floor and not any(h.endswith(item_floor.group(1)) for h in p.honours):
            text = text.replace(o, "")
    closed = not re.search(r"(等|如|及以上|以上)", text) or bool(
        floor and re.search(r"等$", c.text[: floor.start()])
    )  # 中华技能大奖、全国技术能手等省级及以上表彰: the level closes the list
    if p.honours and closed:  # 获得以下荣誉之一：… — a closed list
        return Finding(
            Status.NOT_MET, f"您的“{p.honours[0]}”不在通知列出的荣誉（{listed}）之中。", c
        )
    below = [  # 涟水县技术能手 against 市级以上技术能手等: a level the title itself names
        h
        for h in p.honours
        if re.search(r"(?:[县区旗]|县级|区级|乡镇|街道)(?:技术能手|工匠|首席技师|技能)", h)
    ]
    if (
        floor
        and below
        and len(below) == len(p.honours)
        and floor.group(1) in ("国家", "全国", "省", "市")
    ):
        return Finding(
            Status.NOT_MET,
            f"您的“{below[0]}”是县（区）级荣誉，低于通知要求的“{floor.group(0)}”。",
            c,
        )
    if p.honours:
        return Finding(
            Status.UNSURE,
            f"您的“{p.honours[0]}”不在通知列出的荣誉中（{listed}），请向联系人确认是否认可。",
            c,
        )
    outside = re.sub(r"[“\"][^”\"]*[”\"]", "", c.text)
    for o in c.options:
        outside = outside.replace(o, "")
    alternative = re.search(r"或|以及获得", outside)
    contest = re.compile(r"竞赛|大赛|比赛")
    if (
        p.no_award
        and (alternative or any(contest.search(o) for o in c.options))
        and (
            any(contest.search(o) for o in c.options)
            or (alternative and contest.search(outside[alternative.start() :]))
        )
    ):
        return Finding(  # 没得过什么奖: neither an honour nor the contest place the notice admits
            Status.NOT_MET,
            f"您没有获得过荣誉或竞赛奖项，通知要求获得以下荣誉之一：{listed}，或相应的竞赛名次。",
            c,
        )
    if alternative:  # 技师，或获得…: the honours are one way among others
        return Finding(
            Status.UNSURE,
            f"您没有荣誉称号；通知列出的荣誉（{listed}）之外还有其他可选条件，请对照原文。",
            c,
        )
    return Finding(Status.NOT_MET, f"您没有荣誉称号，通知要求获得以下荣誉之一：{listed}。", c)


_BORN_AFTER = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日(?:及)?(?:以后|之后|后)出生")
_AGE_RELAXED = re.compile(
    r"([^。；;，,]{2,60}?)的?[，,]?\s*(?:年龄)?(?:可)?(?:适当)?放宽(?:至|到)\s*(\d{2})\s*周?岁"
)
_TIER_OF = {"国家": 3, "全国": 3, "省": 2, "自治区": 2, "市": 1, "县": 0, "区": 0}
_HONOUR_TIER = [
    (re.compile(r"(全国|国家|中华|国务院)"), 3),
    (re.compile(r"(省|自治区)"), 2),
    (re.compile(r"(市|州|盟)"), 1),
]


def _tier(text: str) -> int:
    """An honour's level: 3 national, 2 provincial, 1 prefecture, 0 other."""
    return next((t for rx, t in _HONOUR_TIER if rx.search(text)), 0)


def _qualifies(who: str, p: Profile) -> bool:
    """The user is in the group a relaxation names: a trade or honour they mention
    (``获得全国技术能手的``), or an honour of the level it asks (``省级以上技能荣誉``)."""
    if any(w in p.question for w in _craft_words(who)):
        return True
    if any(h in who or (len(h) >= 4 and h[-4:] in who) for h in p.honours):
        return True  # 获得过中华技能大奖的: the honour the user holds
    field = re.search(r"传统技艺|传统工艺|民族传统|非遗|非物质文化遗产", who)
    if field and field.group() in p.question:  # 做平遥推光漆这种传统技艺的
        return True
    level = re.search(r"(国家|全国|省|市)级(?:及)?以上", who)
    if level and p.honours and re.search(r"(荣誉|称号|技术能手|工匠)", who):
        need = {"国家": 3, "全国": 3, "省": 2, "市": 1}[level.group(1)]
        return any(_tier(h) >= need for h in p.honours)
    return False


_COUNTED_ON = re.compile(
    r"(?:按|以|截至|截止到?)\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:为准)?(?:计算|为准)"
)
"""The date an age limit is counted at (``按2026年12月31日计算``), when not the day of asking."""
_AGE_MIN = re.compile(r"年满\s*(\d{2})\s*周?岁|(?<!不)(?:不低于|不小于)\s*(\d{2})\s*周?岁")
"""A lower age bound (``申报时年满30周岁、不超过55周岁``)."""


def _age(c: Condition, p: Profile, today: dt.date, section: str = "") -> Finding | None:
    counted = _COUNTED_ON.search(c.text)  # 年龄不超过55周岁（按2026年12月31日计算）
    ages = p.age_on(today)
    if counted:
        on = dt.date(*(int(g) for g in counted.groups()))
        if p.birth is not None:  # the birth month decides the age on that date
            ages = replace(p, age=None).age_on(on)
        elif ages is not None and on > today:  # an age said today may be one more by then
            ages = (ages[0], ages[1] + 1)
    if ages is None:
        return None
    cutoff = _BORN_AFTER.search(c.text)
    if c.value is None and cutoff is None:
        return None
    if c.value is not None:
        limit = int(c.value)
    else:  # 1970年1月1日以后出生 alone: the age one reaches this year when born on the cut-off date
        assert cutoff is not None
        on_new_year = (cutoff.group(2), cutoff.group(3)) == ("1", "1")
        limit = today.year - int(cutoff.group(1)) - (0 if on_new_year else 1)
    low, high = ages
    said = f"您{low}岁" if low == high else f"按出生年份您今年{low}或{high}岁"
    least = _AGE_MIN.search(c.text)  # 年满30周岁、不超过55周岁: a lower bound too
    floor = int(least.group(1) or least.group(2)) if least else 0
    if least and high < floor:
        return Finding(Status.NOT_MET, f"{said}，未达到“{least.group(0)}”的要求。", c)
    if least and low < floor:
        return Finding(Status.UNSURE, f"{said}，通知要求“{least.group(0)}”，请按出生日期核对。", c)
    by_sex = sex_age_limits(c.text)
    if by_sex and p.sex in by_sex:
        limit = by_sex[p.sex]
    elif by_sex:  # the user has not said which limit is theirs
        if high <= min(by_sex.values()):
            return Finding(Status.MET, f"{said}，在“{c.text.rstrip('；;。')}”以内。", c)
        if low > max(by_sex.values()):
            return Finding(Status.NOT_MET, f"{said}，超过了“{c.text.rstrip('；;。')}”。", c)
        return Finding(
            Status.UNSURE,
            f"{said}；通知对男女规定不同（{c.text.rstrip('；;。')}），请告诉我您的性别。",
            c,
        )
    rule = f"年龄不超过{limit}周岁" if c.value is not None else (cutoff.group(0) if cutoff else "")
    if high <= limit:
        return Finding(Status.MET, f"{said}，在“{rule}”以内。", c)
    if cutoff and p.birth and low != high:  # the notice's own date decides the birth year
        year, month = int(cutoff.group(1)), int(cutoff.group(2))
        if p.birth[0] > year or p.birth[0] == year and p.birth[1] >= month:
            return Finding(Status.MET, f"您{p.birth[0]}年出生，在“{cutoff.group(0)}”之列。", c)
        if p.birth[0] < year and not _AGE_RELAXED.search(section or c.text):
            return Finding(
                Status.NOT_MET, f"您{p.birth[0]}年出生，早于通知写的“{cutoff.group(0)}”。", c
            )
    relaxed = _AGE_RELAXED.search(section or c.text)
    if relaxed and low <= int(relaxed.group(2)):  # 获得全国技术能手的，年龄可放宽至58周岁
        who = relaxed.group(1).strip("，, ")
        if _qualifies(who, p):
            return Finding(
                Status.MET,
                f"{said}，超过{limit}周岁，但属于通知可放宽至{relaxed.group(2)}周岁的情形"
                f"（{shorten(who, 50)}）。",
                c,
            )
        if re.search(r"(荣誉|称号|能手|工匠|奖|专家|津贴)", who):
            # the exception needs an honour the user did not name (or named another one:
            # 全国技术能手 where only 中华技能大奖 relaxes the limit): over the limit, unless
            held = "、".join(p.honours)
            return Finding(
                Status.NOT_MET,
                f"{said}，超过{limit}周岁；放宽至{relaxed.group(2)}周岁只适用于"
                f"{shorten(who, 40)}"
                + (
                    f"，您提到的{held}不在其列。"
                    if held
                    else "，您说没有相应荣誉。"
                    if p.no_honour
                    else "（如您获得过，请告诉我）。"
                ),
                c,
            )
        modern = next((w for w in _modern_trades() if w in p.question), "")
        craft_rule = re.search(r"传统|非遗|非物质|民族|手工|技艺", who)
        if (
            craft_rule
            and not modern
            and not re.search(
                r"传统|非遗|非物质|民族|手工|技艺|工艺|雕|绣|陶|瓷|编|漆|剪纸|织|染|酿|茶",
                p.question,
            )
        ):  # the user names no craft: the general limit, the exception named
            return Finding(
                Status.NOT_MET,
                f"{said}，超过{limit}周岁；放宽至{relaxed.group(2)}周岁只适用于"
                f"{shorten(who, 40)}（如属于，请告诉我）。",
                c,
            )
        if modern and craft_rule:
            return Finding(  # 干数控的: not the traditional craft the exception is for
                Status.NOT_MET,
                f"{said}，超过{limit}周岁；放宽至{relaxed.group(2)}周岁只适用于"
                f"{shorten(who, 40)}，您从事的{modern}不属于这类技艺。",
                c,
            )
        return Finding(
            Status.UNSURE,
            f"{said}，超过一般的{limit}周岁；{shorten(who, 50)}的可放宽至"
            f"{relaxed.group(2)}周岁，请确认是否属于。",
            c,
        )
    if relaxed and low > int(relaxed.group(2)):  # over the relaxed limit too: no exception helps
        return Finding(
            Status.NOT_MET,
            f"{said}，超过了“年龄不超过{limit}周岁”，也超过了可放宽至的{relaxed.group(2)}周岁。",
            c,
        )
    vague = re.search(
        r"(?:特别优秀|确有[^。；，]{0,6}|贡献突出|业绩突出)[^。；]{0,8}?(?:的)?[，,]?\s*(?:可|可以)?(?:适当)?放宽",
        section or c.text,
    )
    if low > limit and vague:
        return Finding(
            Status.UNSURE,
            f"{said}，超过一般的{limit}周岁；通知写明“{vague.group(0)}”，请向联系人确认是否适用。",
            c,
        )
    field = _FIELD_RELAXED.search(section or c.text)
    if low > limit and field:  # 传统技艺领域可适当放宽: no age given for that field
        core = re.sub(r"^(?:从事|对)", "", field.group(1))
        named = core in p.question or any(w in p.question for w in _craft_words(core))
        return Finding(
            Status.UNSURE if named else Status.NOT_MET,
            f"{said}，超过一般的{limit}周岁；通知写明“{field.group(0)}”"
            + ("，请向联系人确认您是否适用。" if named else "，如您属于该领域请告诉我。"),
            c,
        )
    if low > limit:
        return Finding(Status.NOT_MET, f"{said}，超过了“年龄不超过{limit}周岁”的要求。", c)
    return Finding(
        Status.UNSURE, f"{said}，是否超过{limit}周岁要看出生月份（以申报时的周岁计）。", c
    )


_FIELD_RELAXED = re.compile(
    r"([^，,。；;（）()\n]{2,20}?)(?:领域|行业|类|方面)?(?:的)?[，,]?\s*(?:年龄)?(?:可|可以)适当放宽(?![至到])"
)
"""``传统技艺领域可适当放宽``: a field's age relaxed by an amount the notice does not give."""


_OWN_MARGIN = re.compile(
    r"距(?:离)?法定退休年龄[^，,。；;\d]{0,8}?(?:\d+|[一二两三四五六七八九十]+)\s*年(?:以上|及以上)?"
)


def _retirement(c: Condition, p: Profile, today: dt.date) -> Finding | None:
    """距法定退休年龄不少于N年, or (N = 0, a 在法定劳动年龄内 condition) not yet retired, from
    the years the user states or their age, sex and the statutory table."""
    need = int(c.value or 0)
    if need == 0:
        rule = "在法定劳动年龄内"
        met, short = f"尚未到法定退休年龄，{rule}。", f"已超过法定退休年龄，不在{rule}。"
    else:  # the notice's own words (距法定退休年龄3年以上) when it has them
        own = _OWN_MARGIN.search(c.text)
        rule = re.sub(r"\s+", "", own.group(0)) if own else f"距法定退休年龄不少于{need}年"
        met, short = f"距法定退休年龄不少于{need}年。", f"距法定退休年龄已不足{need}年。"
    if p.years_to_retirement is not None:
        left = p.years_to_retirement
        if left >= need:
            return Finding(Status.MET, f"您距退休还有{left:g}年，满足“{rule}”。", c)
        return Finding(Status.NOT_MET, f"您距退休只有{left:g}年，不满足“{rule}”。", c)
    ages = p.age_on(today)
    if ages is None:
        return None
    low, high = ages
    birth_year = today.year - high
    if p.birth and p.birth[1]:
        birth_year = p.birth[0]
    cats = (p.category,) if p.category else ("worker", "cadre")
    cases = [
        (sex, cat)
        for sex in ((p.sex,) if p.sex else ("男", "女"))
        for cat in (("worker",) if sex == "男" else cats)
    ]
    months_of_birth = (p.birth[1],) if p.birth and p.birth[1] else (1, 12)
    margins = []
    for sex, cat in cases:
        for month in months_of_birth:
            months = months_to_retirement(f"{birth_year}-{month:02d}", sex, cat, today)  # type: ignore[arg-type]
            margins.append(months)
    if min(margins) >= need * 12:
        return Finding(Status.MET, f"按您的年龄（{high}岁），{met}", c)
    if max(margins) < need * 12:
        return Finding(Status.NOT_MET, f"按您的年龄（{high}岁），{short}", c)
    return Finding(
        Status.UNSURE, f"您{high}岁，是否满足“{rule}”，要看性别、岗位（工人/干部）和出生月份。", c
    )


_STAFF_ONLY = re.compile(
    r"(?:均|都|全部)?(?:须|应|必须|需)?为[^，,。；;]{0,8}?(?:在职职工|在职员工|本单位职工|正式职工)"
)
_NOT_STAFF = re.compile(
    r"(\d+|[一两俩二三四五六七八九十])\s*(?:个|名|位|人)(?:是|为)?[^，,。；;？?\d]{0,6}?"
    r"(?:劳务派遣|派遣|外聘|返聘|兼职|外单位|临时工|不是本单位|非本单位)"
)


def _team(c: Condition, size: int, user_counts_leader: bool | None, question: str = "") -> Finding:
    need = int(c.value or 0)
    text = c.text
    staff_rule = _STAFF_ONLY.search(text)
    outside = _NOT_STAFF.search(question) if staff_rule else None
    if outside:  # 其中2个是劳务派遣来的: members the rule does not count (均须为在职职工)
        n = int(cn_number(outside.group(1)) or 0)
        staff = size - n
        found = _team(c, staff, user_counts_leader)
        head = f"团队{size}人中{n}人{outside.group(0)[len(outside.group(1)) :].lstrip('个名位人是为')}，"
        rule_said = staff_rule.group(0) if staff_rule else ""
        return Finding(
            found.status,
            f"{head}按通知“{rule_said}”只算{staff}人：{found.reason}",
            c,
        )
    if re.search(r"(不含|不包括|除)领(办|衔)人", text):
        notice_counts_leader: bool | None = False  # 除领办人外不少于3人
    elif re.search(r"(含|包括)领(办|衔)人", text):
        notice_counts_leader = True
    else:
        notice_counts_leader = None
    if (
        user_counts_leader is None and notice_counts_leader is None
    ):  # both as "the team": compare as said
        members, needed = {size}, {need}
    else:
        members = (
            {size - 1, size}
            if user_counts_leader is None
            else {size - 1 if user_counts_leader else size}
        )
        needed = (
            {need - 1, need}
            if notice_counts_leader is None
            else {need - 1 if notice_counts_leader else need}
        )
    rule = f"团队成员不少于{need}人" + (
        "（含领办人）"
        if notice_counts_leader
        else "（不含领办人）"
        if notice_counts_leader is False
        else ""
    )
    if min(members) >= max(needed):
        return Finding(Status.MET, f"团队{size}人，满足“{rule}”。", c)
    if max(members) < min(needed):
        return Finding(Status.NOT_MET, f"团队{size}人，达不到“{rule}”。", c)
    return Finding(Status.UNSURE, f"团队{size}人，是否满足“{rule}”要看领办人本人算不算在内。", c)


_RELAXED_LEVEL = re.compile(
    r"(?:技师|高级工|等级|资格)[^。；]{0,15}(?:放宽|破格|不受此限)|(?:放宽|破格)[^。；]{0,10}(?:技师|高级工|等级|资格)"
)


_RELAXED_TO = re.compile(
    r"([^。；;\n]{2,60}?)(?:的)?[，,]?(?:可)?(?:放宽(?:至|到)(高级技师|技师|高级工|中级工)"
    r"|(不受)(?:职业资格|技能|职业技能)?等级限制)"
)
"""A relaxation of the level for some trades: ``从事…传统技艺的，可放宽至高级工`` or
``…可不受职业资格等级限制`` (any level, none included)."""
_PROVISO = re.compile(
    r"^[^。；;]*?[，,]\s*(?:但|且)(?:须|必须|应|需|要)(?:为|是|具有|获得)?([^。；;]{4,80})"
)


def _level_or_honour(c: Condition, p: Profile, section: str) -> Finding | None:
    """``具有高级技师职业资格；或具有技师职业资格，且获得下列荣誉之一：…``: the higher level
    alone, or the lower level (:attr:`Condition.or_level`) with one of the honours."""
    assert p.level is not None
    plain = c.model_copy(update={"text": c.text.split("；")[0], "or_level": "", "or_honours": []})
    first = _level(plain, p.level, section, p.question, p.honours)
    lower = _rank(c.or_level)
    if first is None or first.status is Status.MET or not lower or p.level > lower:
        return first
    listed = "、".join(c.or_honours[:6]) + ("等" if len(c.or_honours) > 6 else "")
    rule = f"{c.or_level}且获得{listed}之一"
    if not p.honours and not p.no_honour:
        return Finding(
            Status.UNSURE,
            f"{level_said(p.level)}；通知规定{rule}也可申报，请确认是否获得过所列荣誉。",
            c,
        )
    wanted = re.sub(
        r"^.*?(?=获得|荣获|获评)", "", c.text.split("；", 1)[-1]
    )  # the honours part alone
    honour = _honours(
        c.model_copy(
            update={"kind": ConditionKind.HONOURS, "options": c.or_honours, "text": wanted}
        ),
        p,
    )
    if honour.status is Status.MET:
        held = re.search(r"“([^”]+)”", honour.reason)
        return Finding(
            Status.MET,
            f"{level_said(p.level)}，并获得过“{held.group(1) if held else p.honours[0]}”，"
            f"满足“{rule}”。",
            c,
        )
    if honour.status is Status.UNSURE:
        return Finding(Status.UNSURE, f"{level_said(p.level)}；{honour.reason}", c)
    return Finding(
        Status.NOT_MET,
        f"{level_said(p.level)}，未获得通知要求的荣誉（{listed}），"
        f"达不到“{LEVEL_NAMES[_required_rank(plain) or lower]}及以上”或“{rule}”。",
        c,
    )


def _rank(level: str) -> int:
    """1 for 高级技师 … 5 for 初级工; 0 for a word that names no level."""
    return _LEVEL_RANK.get(level, 0)


def _meets_proviso(proviso: str, question: str) -> bool | None:
    """The user states what a relaxation's proviso asks (``但须为县级以上非物质文化遗产
    代表性传承人`` / ``县级非遗传承人``): its final noun with a high enough level. ``None``
    when the user names that noun at a lower level than the proviso's (``县级`` for
    ``省级以上``): they do not meet it."""
    proviso = to_simplified(proviso)
    below = False
    for alternative in re.split(r"或(?:者)?|、(?=[^”\"]*(?:[“\"]|$))", proviso):
        alternative = re.sub(r"(?:称号|荣誉|证书|的)$", "", alternative.strip("的 "))
        quoted = re.findall(r"[“\"]([^”\"]{2,12})[”\"]", alternative)
        quoted += re.findall(r"[（(]([^（）()]{2,10})[）)]", alternative)  # …人才（温州名匠）
        if any(
            term in question
            and not re.search(r"(不是|没有|没|非|无|不)$", question[: question.find(term)])
            for term in quoted
            if not re.search(r"以下|简称|含|不含", term)
        ):
            return True  # 须区级及以上“粤菜师傅”称号 / 有区级粤菜师傅称号 (not: 不是婺源工匠)
        noun = re.search(r"(传承人|能手|工匠|前[三五十\d]名|大奖|劳模|劳动模范)$", alternative)
        denied = noun and re.search(  # 没拿过技术能手: the noun named to say it is not held
            rf"(?:没|没有|未|无|不是)[^，,。；;]{{0,4}}?{noun.group(1)}", question
        )
        if noun and noun.group(1) in question and not denied:
            need = re.search(r"(国家|全国|省|自治区|市|县|区)级(?:及)?以上", alternative)
            said = re.search(
                rf"(国家|全国|省|自治区|市|县|区)级[^，,。；;]{{0,12}}?{noun.group(1)}", question
            ) or re.search(  # 黑山县技术能手, 锦州市技术能手, 全国技术能手: the tier in the name
                rf"(全国|国家|省|自治区|市|县|区|旗)(?:级)?(?:的)?(?:技术|技能)?{noun.group(1)}",
                question,
            )
            tier = {"旗": "县"}.get(said.group(1), said.group(1)) if said else ""
            if need and said and _TIER_OF.get(tier, 0) < _TIER_OF.get(need.group(1), 0):
                below = True
                continue
            return True
        if (
            noun
            and noun.group(1).startswith("前")
            and re.search(r"第\s*[一二三1-3]\s*名", question)
        ):
            return True
    return None if below else False


def _craft_words(text: str) -> list[str]:
    """The named trades of a relaxation (``从事潍坊风筝、核雕、嵌银漆器等传统技艺传承``), in
    simplified characters, each with its two-character head when it names the craft and
    its work (黎锦 of 黎锦纺染织绣, 藏香 of 藏香制作) so the user's shorter word matches."""
    words = re.split(
        r"[、，,“”\"（）()等和及或]|从事|传统技艺|传承|领域|行业|的", to_simplified(text)
    )
    named = [w for w in words if len(w) >= 2]
    heads = [w[:2] for w in named if len(w) >= 4 and _CRAFT_WORK.match(w[2:])]
    return list(dict.fromkeys(named + heads))


_CRAFT_WORK = re.compile(
    r"(制作|绘制|烧制|纺|染|织|绣|雕刻|刺绣|加工|酿造|技艺|工艺|编织|制|艺术|技法)"
)
"""The work done on a craft (藏香制作, 黎锦纺染织绣): its head names the craft (藏香); a
head before a craft (潍坊风筝, 顺德木雕) is a place and is not used."""


_CERT_OR = re.compile(
    r"(?:职业资格|技能等级|等级)(?:证书)?[（(]?[^）)]{0,10}[）)]?或(?:者)?(?:职业技能等级|职业资格|技能等级|同等技能水平)"
)
_ROUTE = re.compile(
    r"[^。；;]*?也可(?:以)?由([^。；;，,]{4,40}?)(?:领办|领衔|申报)"
    r"|[^。；;]*?领办人[，,]?\s*也可(?:以)?(?:为|是)([^。；;，,]{4,40}?)(?=[。；;]|$)"
)
"""A second way to lead a studio written apart from the level rule (``长期从事传统技艺的，
也可由保山市级以上非物质文化遗产代表性传承人领办``)."""
_ALT_PHRASE = re.compile(r"或(?:是|者)?\s*(?:具有|具备|荣获|获得|获)([^，,。；;]{2,30})")


def _negated_alternative(text: str, question: str) -> bool:
    """The user denies the alternative a rule offers (``或具有绝技绝活`` / ``也没啥绝技绝活``)."""
    for m in _ALT_PHRASE.finditer(text):
        core = re.sub(r"(?:的|优秀|技能人才|人才|等|一定)", " ", m.group(1)).split()
        for w in core:
            said = "|".join(map(re.escape, dict.fromkeys((w[:4], w[-2:]))))  # 绝技绝活 / 绝活
            if len(w) >= 2 and re.search(
                rf"(没有|没啥|没什么|没|无|不具备|不具有|也没)[^，,。]{{0,4}}(?:{said})", question
            ):
                return True
    return False


def _required_rank(c: Condition) -> int | None:
    """The lowest level a qualification admits (技师、高级技师: 技师), ``None`` when it
    names none; its relaxation (…可放宽…) is not the general rule."""
    text = " ".join(c.options) if c.options else c.text
    text = re.split(r"[，,；;]?[^，,；;]*(?:放宽|破格)", text)[0]
    mentioned = [r for rx, r in _REQUIRED_LEVEL if rx.search(text)]
    return max(mentioned) if mentioned else None


def _relief_honours(text: str) -> list[str]:
    """The honours a level relaxation names (``获得河南省技术能手、中原技能大师或南阳市
    首席技师称号的，可放宽至高级工`` → the three titles); empty when it names none."""
    got = list(re.finditer(r"(?:获得|荣获|获评|取得)(?:过)?", text))
    if not got:
        return []
    body = re.sub(r"(?:等)?(?:荣誉)?(?:称号|荣誉|奖项)(?:之一)?$", "", text[got[-1].end() :])
    items = [i.strip('“”" ') for i in re.split(r"、|或(?:者)?|和|及", body)]
    return [i for i in items if 3 <= len(i) <= 20 and _HONOUR_WORD.search(i)]


_ALSO_ELIGIBLE = re.compile(
    r"[^。；;]*?(?:具有|具备|取得)(高级技师|技师|高级工|中级工)[^。；;]*?(?:也可以|也可|亦可|同样可以)(?:申报|申请)"
)
"""A second route written apart from the level rule: ``具有技师职业资格并获评…代表性传承人
的，也可以申报``."""
_HONOUR_WORD = re.compile(r"(技术能手|工匠|技能大师|首席技师|技能大奖|劳动模范|名师|传承人)$")


def _level(
    c: Condition,
    rank: int,
    section: str = "",
    question: str = "",
    honours: list[str] | None = None,
) -> Finding | None:
    required = _required_rank(c)
    if required is None:
        return None
    name = LEVEL_NAMES[required]
    section = section or c.text
    if rank <= required:
        return Finding(Status.MET, f"{level_said(rank)}，满足“{name}及以上”的等级要求。", c)
    for alt in _ALSO_ELIGIBLE.finditer(section):  # 具有技师职业资格并获评…传承人的，也可以申报
        noun = re.search(r"(传承人|技术能手|工匠|劳动模范|技能大师|首席技师)", alt.group(0))
        if rank <= _rank(alt.group(1)) and noun and any(noun.group(1) in h for h in honours or []):
            return Finding(
                Status.MET,
                f"{level_said(rank)}，属于通知写明的另一种情形：“{shorten(alt.group(0).strip('；，, '), 60)}”。",
                c,
            )
    relaxed = _RELAXED_TO.search(section)
    to = relaxed and (relaxed.group(2) or relaxed.group(3))
    titles = _relief_honours(relaxed.group(1)) if relaxed and relaxed.group(2) else []
    if relaxed and titles and rank <= _rank(relaxed.group(2)) and honours:
        rule = f"“{shorten(relaxed.group(0), 60)}”"
        for h in honours:  # 获得…称号的，可放宽至高级工: one of those titles
            if any(
                h == t or (h.endswith(t) or t.endswith(h)) and min(len(h), len(t)) >= 4
                for t in titles
            ):
                return Finding(
                    Status.MET, f"{level_said(rank)}，获得“{h}”，属于通知{rule}的情形。", c
                )
        return Finding(
            Status.NOT_MET,
            f"{level_said(rank)}，低于一般要求的{name}；您的“{honours[0]}”不在可放宽的荣誉"
            f"（{'、'.join(titles)}）之中。",
            c,
        )
    if (
        relaxed
        and (relaxed.group(3) or rank <= _rank(relaxed.group(2)))
        and any(w in question for w in _craft_words(relaxed.group(1)))
    ):
        rule = f"“{relaxed.group(0)[-60:]}”"
        proviso = _PROVISO.match(section[relaxed.end() :])
        met = _meets_proviso(proviso.group(1), question) if proviso else True
        if proviso and met is None:
            return Finding(
                Status.NOT_MET,
                f"{level_said(rank)}，从事的技艺属于通知可放宽的情形（{rule}），"
                f"但须{shorten(proviso.group(1), 50)}，您的级别不够。",
                c,
            )
        if proviso and not met:
            return Finding(
                Status.UNSURE,
                f"{level_said(rank)}，从事的技艺属于通知可放宽的情形（{rule}），"
                f"但须{shorten(proviso.group(1), 50)}，请确认。",
                c,
            )
        relief = "不受等级限制" if to == "不受" else f"可放宽至{to}"
        also = f"，也满足“但须{shorten(proviso.group(1), 50)}”" if proviso else ""
        return Finding(Status.MET, f"{level_said(rank)}，属于通知{relief}的情形：{rule}{also}。", c)
    if _RELAXED_LEVEL.search(section):
        return Finding(
            Status.UNSURE,
            f"{level_said(rank)}，低于一般要求的{name}；通知对部分情形可放宽，请对照原文确认。",
            c,
        )
    for route in _ROUTE.finditer(section):  # 长期从事传统技艺的，也可由…传承人领办
        met = _meets_proviso(route.group(1) or route.group(2), question)
        if met:
            return Finding(
                Status.MET,
                f"{level_said(rank)}，属于通知写明的另一种情形：“{shorten(route.group(0).strip('；，, '), 60)}”。",
                c,
            )
        if met is None:
            return Finding(
                Status.NOT_MET,
                f"{level_said(rank)}，达不到“{name}及以上”；通知另准“{shorten(route.group(1) or route.group(2), 40)}”领办，"
                "您的级别不够。",
                c,
            )
    alternative = _ALTERNATIVE.search(_CERT_OR.sub("", c.text))
    said = re.search(
        r"或(?:者)?\s*(?:是|为|具有|具备|荣获|获得|获)([^。；;]{2,200})", c.text
    )  # 或获得区级以上技术能手、“余杭工匠”称号 / 或者是县级以上“婺源工匠”、…传承人，年龄…
    if alternative and said and _ALTERNATIVE_SAID.search(question):
        offered = re.split(r"[，,]", said.group(1))[0]
        floor = re.match(
            r"[^且并同]{0,4}?(高级技师|技师|高级工|中级工)[^且并]{0,12}(?:且|并|同时)", offered
        )
        if floor and rank > _rank(floor.group(1)):  # 或具有技师职业资格且获得…: 高级工 is short
            return Finding(
                Status.NOT_MET,
                f"{level_said(rank)}，达不到“{name}及以上”；通知另准的“{shorten(offered, 40)}”"
                f"也要求{floor.group(1)}以上。",
                c,
            )
        met = _meets_proviso(offered, question)
        if met:
            return Finding(
                Status.MET,
                f"{level_said(rank)}，但具备通知允许的另一条件：“{shorten(re.split(r'[，,]', said.group(0))[0], 60)}”。",
                c,
            )
        offered = re.split(r"[，,]", said.group(1))[0]
        held = re.findall(r"(传承人|能手|工匠|大奖|劳模|劳动模范|津贴|专家)", offered)
        if held and all(
            re.search(rf"(?:没|没有|未|无|不是)[^，,。；;]{{0,4}}?{h}", question) for h in held
        ):  # 没拿过技术能手: the alternative denied
            return Finding(
                Status.NOT_MET,
                f"{level_said(rank)}，达不到“{name}及以上”；通知另准“{shorten(offered, 40)}”，"
                "您说没有。",
                c,
            )
        if met is None:  # the honour named, at a lower level than the alternative asks
            return Finding(
                Status.NOT_MET,
                f"{level_said(rank)}，达不到“{name}及以上”；通知另准"
                f"“{shorten(re.split(r'[，,]', said.group(1))[0], 40)}”，您的荣誉级别不够。",
                c,
            )
    if alternative and _negated_alternative(c.text, question):
        return Finding(
            Status.NOT_MET,
            f"{level_said(rank)}，达不到“{name}及以上”，也不具备通知允许的其他条件。",
            c,
        )
    if alternative and _ALTERNATIVE_SAID.search(question):
        return Finding(
            Status.UNSURE,
            f"{level_said(rank)}，低于要求的{name}；通知也接受其他条件"
            "（如相应荣誉），具备的话仍可申报。",
            c,
        )
    if alternative:  # the user names no honour nor skill the alternative asks: not met, unless
        other = _ALT_PHRASE.search(c.text)
        unless = f"“{shorten(other.group(1), 30)}”" if other else "通知所列的其他条件（如相应荣誉）"
        return Finding(
            Status.NOT_MET,
            f"{level_said(rank)}，达不到“{name}及以上”；如具备{unless}，仍可申报，请告诉我。",
            c,
        )
    return Finding(Status.NOT_MET, f"{level_said(rank)}，达不到“{name}及以上”的等级要求。", c)


_ALTERNATIVE_SAID = re.compile(
    r"(能手|工匠|称号|荣誉|大奖|绝技|绝活|津贴|专家|传承人|名匠|首席|劳模|奖章|竞赛|大赛|第\s*\d\s*名)"
)
"""Words of a user who claims what a level's alternative asks (an honour, a skill)."""


def _one_of(c: Condition, p: Profile) -> Finding | None:
    """A one-of list (``具有下列条件之一``): met by any item the applicant meets."""
    if p.achievements is None or not c.options:
        return None
    listed = "、".join(c.options)
    held = [a for a in p.achievements if any(a == o or a in o or o in a for o in c.options)]
    if held:
        return Finding(Status.MET, f"具备“{held[0]}”，满足所列条件之一。", c)
    if p.achievements:
        return Finding(
            Status.UNSURE,
            f"“{p.achievements[0]}”不在通知所列条件（{listed}）中，请对照原文确认。",
            c,
        )
    return Finding(Status.NOT_MET, f"不具备所列条件（{listed}）中的任何一项。", c)


def _funding_share(c: Condition, p: Profile) -> Finding | None:
    """``企业职工教育经费用于高技能人才培养…不低于30%``: only enterprise hosts."""
    need = c.value or 0
    if p.unit_type and p.unit_type != "企业" and "企业" in c.text:
        return Finding(Status.MET, f"依托{p.unit_type}建立，此条只适用于企业。", c)
    if p.funds_share is None:
        return None
    ok = p.funds_share >= need
    return Finding(
        Status.MET if ok else Status.NOT_MET,
        f"经费比例为{p.funds_share:g}%，{'不低于' if ok else '低于'}要求的{need:g}%。",
        c,
    )


def _count(what: str, unit: str, have: float | None, c: Condition) -> Finding | None:
    if have is None or c.value is None:
        return None
    ok = have >= c.value
    return Finding(
        Status.MET if ok else Status.NOT_MET,
        f"{what}{have:g}{unit}，{'满足' if ok else '达不到'}“不少于{c.value:g}{unit}”的要求。",
        c,
    )


def _area(c: Condition, p: Profile) -> Finding | None:
    return _count("工作室场地", "平方米", p.area, c)


def _qualified(c: Condition, p: Profile) -> Finding | None:
    return _count("具备技师以上资格的（含领办人）", "人", p.qualified_members, c)


def _unique(c: Condition, p: Profile) -> Finding | None:
    """``同一单位相同专业只设一个``: not met when the unit already has one."""
    if p.same_major_exists is None:
        return None
    if p.same_major_exists:
        return Finding(Status.NOT_MET, "本单位已有相同专业（工种）的工作室，不能重复设立。", c)
    return Finding(Status.MET, "本单位尚无相同专业（工种）的工作室。", c)


def _unit_type(c: Condition, p: Profile) -> Finding | None:
    """The applicant's unit kind against those the notice admits or refuses
    (:mod:`knowledge.units`: 院校 covers 技工院校; a notice naming 职业院校 says nothing
    about a school whose kind the user did not give)."""
    if not p.unit_type:
        return None
    t = p.unit_type
    hit = next((x for x in c.excluded if covers(x, t)), None)
    if hit:
        return Finding(
            Status.NOT_MET, f"通知写明{'、'.join(c.excluded)}不在申报范围，您的单位是{t}。", c
        )
    if any(narrower(x, t) for x in c.excluded):
        return Finding(
            Status.UNSURE,
            f"通知写明{'、'.join(c.excluded)}不在申报范围，请确认您的{t}属于哪一类。",
            c,
        )
    listed = "、".join(c.options)
    if c.options and any(covers(o, t) for o in c.options):  # an enterprise is the usual host: weak
        return Finding(
            Status.MET, f"您的单位是{t}，属于通知所列的申报单位（{listed}）。", c, weak=t == "企业"
        )
    if c.options and any(narrower(o, t) for o in c.options):
        return Finding(
            Status.UNSURE, f"通知所列的申报单位为{listed}，请确认您的{t}属于其中哪一类。", c
        )
    if c.options and re.search(r"等(?:单位|组织|机构|主体)|等[，,。；;]?$", c.text):
        return Finding(  # 企业、技工院校、职业院校、行业协会等单位: an open list
            Status.UNSURE,
            f"通知所列的申报单位为{listed}等，没有写明{t}是否可以，请向联系人确认。",
            c,
        )
    if c.options:
        return Finding(Status.NOT_MET, f"通知要求申报单位为{listed}，您的单位是{t}。", c)
    return Finding(
        Status.MET, f"您的单位是{t}，不在通知排除的{'、'.join(c.excluded)}之列。", c, weak=True
    )


def _unit_years(c: Condition, p: Profile) -> Finding | None:
    if (
        p.unit_years_approx
        and p.unit_years is not None
        and c.value is not None
        and int(p.unit_years) == int(c.value)
    ):
        return Finding(
            Status.UNSURE, f"单位成立约{p.unit_years:g}年，是否满{c.value:g}年要看成立的月份。", c
        )
    return _count("单位成立", "年", p.unit_years, c)


def _no_repeat(c: Condition, p: Profile) -> Finding | None:
    """``已获评省级及以上…的，不再重复申报`` against a studio the applicant already holds
    (of that level or above), and ``只能申报其中一类`` against applying for two at once."""
    rule = shorten(c.text, 60)
    if p.both_programmes and re.search(r"(同时|其中一类|一类|两类)", c.text):
        return Finding(Status.NOT_MET, f"通知写明“{rule}”，不能同时申报。", c)
    if p.holds_tier is None:
        return None
    if p.holds_tier == 0:  # said: holds none
        return Finding(Status.MET, "尚无同类工作室（或资助），不受“不再重复申报”限制。", c)
    listed = re.search(
        r"已(?:被)?(?:获评|认定为|获得|获批|命名为|获)?([^。；，,]{0,24}?)(?:的|技能大师|工作室)",
        c.text,
    )
    tiers = (
        [
            t
            for w in re.findall(r"(国家级|全国|省级|自治区级|市级|区级|县级)", listed.group(1))
            if (t := tier_of(w)) is not None
        ]
        if listed
        else []
    )
    floor = min(tiers) if tiers else None  # 国家级、省级…的: the lowest level named
    if floor is not None and p.holds_tier < floor:
        return None  # holds a lower level than the one the rule names
    if listed or re.search(r"不再|重复", c.text):
        return Finding(Status.NOT_MET, f"您已有同类工作室（或资助），通知写明“{rule}”。", c)
    return None


_EXTRA = {
    ConditionKind.NO_REPEAT: _no_repeat,
    ConditionKind.UNIT_TYPE: _unit_type,
    ConditionKind.UNIT_YEARS: _unit_years,
    ConditionKind.ONE_OF: _one_of,
    ConditionKind.FUNDING_SHARE: _funding_share,
    ConditionKind.AREA_MIN: _area,
    ConditionKind.QUALIFIED_MEMBERS_MIN: _qualified,
    ConditionKind.UNIQUE: _unique,
}
