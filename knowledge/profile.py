"""What applicants say about themselves in a question: the facts a verdict needs.

``我今年56岁，高级技师，团队4个人能报吗`` → age 56, level rank 1, team 4. Only facts the
user states about themselves count: ``年龄不超过55岁吗`` quotes the notice and is no fact,
``技师以上`` asks about a condition. Numbers arrive as digits (:func:`normalize_question`
writes 五十六岁 as 56岁).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from knowledge.text import cn_number
from knowledge.units import own_unit_kind

# 职业资格 / 职业技能等级 and their ranks: 1 高级技师 (一级) … 5 初级工 (五级).
_LEVELS: list[tuple[re.Pattern[str], int]] = [
    (re.compile(r"高级技师|一级(?:职业资格|技能等级|/|技师)?(?!以上)"), 1),
    (re.compile(r"(?<!高级)(?<!首席)(?<!特级)技师|二级"), 2),
    (re.compile(r"高级工|三级"), 3),
    (re.compile(r"中级工|四级"), 4),
    (re.compile(r"初级工|五级"), 5),
]
LEVEL_NAMES = {
    1: "高级技师（一级）",
    2: "技师（二级）",
    3: "高级工（三级）",
    4: "中级工（四级）",
    5: "初级工（五级）",
    6: "无职业资格（技能等级）证书",
}
NO_LEVEL = 6
"""The rank of an applicant with no level at all (``没有职业资格证书``)."""


def level_said(rank: int) -> str:
    """``"您是高级工（三级）"``, or ``"您没有职业资格（技能等级）证书"`` for :data:`NO_LEVEL`."""
    return "您没有职业资格（技能等级）证书" if rank == NO_LEVEL else f"您是{LEVEL_NAMES[rank]}"


_NO_LEVEL = re.compile(
    r"(?:没有|没|无|未取得|没考过?)(?:任何)?(?:职业资格|技能等级|等级|职业技能等级)(?:证书|证)?"
    r"|(?:没有|没|无|未取得|没考过?)(?:高级技师|技师|高级工|中级工)?(?:证书|证)(?!明)"
    r"|(?:职业资格|等级)证(?:书)?(?:都)?(?:没有|没考)"
)
_SELF_LEVEL = re.compile(
    r"(?:我(?!们)|本人|俺|自己)(?:现在|目前|已经|已)?(?:是|有|拿了|拿到|取得了?|考了|考到|属于|持有|为)?[^，,。；;？?！!\s其中里]{0,4}$"
)
_NEGATED = re.compile(r"(没有|没|无|未|不是|还不是|缺)[^，,。；;]{0,2}$")
_NOT_SELF_LEAD = re.compile(
    r"(们|单位|公司|企业|团队|有|个|[其当之]中|成员|徒|学生|带|考|评|要|需|申|报|能|否|还是|或|和|与|及)"
)
"""Words before a level that make it someone else's or a question (团队有个高级技师, 考技师)."""
_ASKING_LEVEL = re.compile(
    r"(以上|及以上|要求|需要|什么等级|几级|哪个等级|证?(?:怎么|如何|在哪|去哪|哪里|哪儿))"
)
_AGE = re.compile(r"(?<![\d.])(\d{2})\s*(?:周岁|岁|了)")
_AGE_NOT_SELF = re.compile(r"(不超过|不得超过|以下|以上|超过|不满|限|要求|多少|几|上限|满)\s*$")
_BIRTH = re.compile(
    r"(?:(19[4-9]\d|20[0-1]\d)|(?<!\d)([4-9]\d))\s*年\s*(?:(\d{1,2})\s*月)?\s*(?:出生|生|的)|"
    r"出生于\s*(19[4-9]\d|20[0-1]\d)"
)
_YEARS = r"(\d{1,2}|一)\s*年(半)?|(半)年"
_RETIRE = re.compile(
    rf"(?:还有|离退休|距离?退休|再过)\D{{0,6}}?(?:{_YEARS})(?:多)?\D{{0,4}}退休|"
    rf"(?:离|距离?)(?:法定)?退休(?:年龄)?(?:正好|刚好|恰好|也就|大概|大约)?(?:还有|只有|只剩|就剩|就|还剩|还差|只差|差|剩下|剩)?(?:个)?\s*(?:{_YEARS})"
)
_TEAM = re.compile(
    r"(?:团队|成员|队伍|徒弟们|小组|工作室|一共|总共|共有|含我|包括我|算上我|加上我|加我|连我|除了我|除我|不算我)"
    r"[^\d。，,？?]{0,8}?[，,]?(\d{1,2})\s*(?:个人|人|名|位|个(?![月年]))(?!是|为|属于|来自|一起|都|同时|项目|类)|"
    r"(\d{1,2})\s*(?:个人|人|名|位|个)?的?(?:团队|成员)"  # 带了5个徒弟: apprentices, not the team
)
_WITH_LEADER = re.compile(
    r"(含我|包括我|算上我|加上我|加我|连我|含领办人|包括领办人|就我和|只有我和|我和[^，,。\d]{0,6}?一共)"
)
_WITHOUT_LEADER = re.compile(r"(不含我|不包括我|不算我|除了我|除我|不含领办人)")
_TENURE = re.compile(
    r"(?:干了|做了|工作了|从事[^\d，,。]{0,6}?|在[^\d，,。]{0,8}?(?:干|做|工作)(?:了)?|干[^\d，,。]{0,4}?|"
    r"在[^\d，,。]{1,10}?)(?<!\d)(\d{1,2})\s*年(半|多)?(?!前|后|以上|以下|内|度|级)"
)
_STUDIO_SINCE = re.compile(
    r"工作室[^，,。；;？?\d]{0,6}?((?:19|20)\d{2})年(?:(\d{1,2})月份?)?(?:才|刚|刚刚)?"
    r"(?:被)?(?:成立|建立|组建|建的|认定|挂牌|获批|命名)"
)
"""When the user's studio was set up or recognised (``工作室2025年6月才认定的``)."""
_RECOGNISED_FOR = re.compile(
    r"工作室[^，,。；;？?\d]{0,6}?(?:评上|认定|命名|获评)(?:为|了)?[^，,。；;？?\d]{0,8}?(?:才|刚|刚刚)"
    r"(?:有)?(半年|(\d{1,2}|[一两三四五六七八九十]+)个月|(\d|[一两三])年)"
)
"""How long ago the user's studio was recognised, said as a span (``工作室评上市级才半年``)."""
_TRADE_YEARS = re.compile(
    r"(?<![在])(?:做|从事|干)(?!了)([\u4e00-\u9fff]{1,8}?)(?:这行|这一行|行业)?(\d{1,2})\s*年(半|多)?(?!前|后|以上|以下|内|度|级)"
)
"""Years in a trade, said with the trade (``做柿饼20年了``, ``从事焊接15年``)."""
_TRADE_IN = re.compile(
    r"在[^\d，,。]{0,8}?(?:行业|这行|这一行|行当)[^\d，,。]{0,4}?(?:干|做|工作)了?(\d{1,2})\s*年(半|多)?"
)
"""Years in a trade said with 行业 (``在修理行业干了12年``): not the years in one unit."""
_TENURE_HERE = re.compile(
    r"(?:来|进|到)(?:现在|目前|这家|本|现)[^\d，,。]{0,8}?(?:才|已经|已|有)?"
    r"(\d{1,2}|[一二两三四五六七八九十])\s*年(半|多)?"
)
"""Years in the present unit (``来现在这家才2年``)."""
_RUNNING = re.compile(
    r"(?:成立|建立|运行|组建)[^\d，,。]{0,4}?(\d{1,2}|一)\s*年(半|多)?"
    r"|(去年|今年)(?:(\d{1,2})月份?|年初|年中|上半年|下半年|年底)?(?:才|刚|刚刚)?(?:成立|建立|组建|建的|认定|挂牌|获批|评上|命名|获评)"
)
_HONOUR = re.compile(
    r"(?:拿过|拿了|获得过|获得了|获过|获评|荣获|评上了?|评为|评了|评过|评的|当过|是|(?<=年)获)(?:过|了)?([^，,。；;？?\s]{2,16}?(?:技术能手|工匠|技能大奖|名匠|名师|劳动模范|劳模|首席技师|技能大师|专家|津贴|带头人|传承人|五一劳动奖章)(?!工作室))"
    r"|([\u4e00-\u9fff]{0,5}?(?:国家|省|自治区|市|县|区)?级?(?:非物质文化遗产|非遗)[^，,。；;？?]{0,24}?传承人)"
    r"|(?:获得过?|获得了|获评|荣获|评为|评上了?|评了|评过|(?<=年)获)(?:过|了)?[“\"]([^”\"]{2,16}?)(?<!工作室)[”\"]"
    r"|([\u4e00-\u9fff]{2,12}?(?:技能大奖|技术能手|工匠|劳动模范|劳模|五一劳动奖章))(?:获得者|得主)"
)
_NO_HONOUR_AFTER = re.compile(
    r"(荣誉|称号|技术能手|工匠)[^，,。]{0,4}?(都没有|都没|也没有|一个都没|没有过?)"
)
_NO_HONOUR = re.compile(
    r"(?<!有)(没有|没拿过|没获得过|没获过|没得过|没评上?过|从没|无|也没)[^，,。]{0,10}(荣誉|称号|技术能手|工匠|劳模|奖)"
)
_QUOTED_HONOUR = re.compile(
    r"(?:获评|获得|荣获|评为|评上|评了|评过|授予|被评为|(?<=年)获)(?:了|过)?[“\"]([^”\"]{2,20}?"
    r"(?:技术能手|工匠|技能大奖|名匠|名师|劳动模范|劳模|首席技师|技能大师|传承人|带头人|能手|奖章))[”\"]"
)
_NO_AWARD = re.compile(
    r"(?:没|没有|未|从没|从来没|也没)(?:得|获|拿|评)(?:过|到|上)?(?:什么|任何|啥)?(?:奖|奖项|名次)(?!励)"
    r"|(?:什么|任何|啥)(?:奖|奖项)(?:都|也)?没"
    r"|(?:没|没有|未|从没|也没)(?:有)?参加过[^，,。；;]{0,6}(?:竞赛|比赛|大赛)"
)
_OWN_UNIT = re.compile(
    r"(我们|我单位|本单位|我们单位|我是|我在|依托(?:的是|单位是|单位为|于)|(?:公司|单位|厂|企业)(?:是|为|属于|在)|民营|国企|国有企业|个体"
    r"|(?:^|[，,])(?:是|在)[^，,。？?]{0,14}?(?:学校|院校|学院|公司|企业|厂|协会|合作社)(?:的|工作|上班|任教|当|做|干|从事|任职)"
    # 玉山县一家国有水泥厂的机修钳工, 一所公办技工学校当老师: the unit the user works at
    r"|[一这][家所个间座][^，,。？?]{0,14}?(?:学校|院校|学院|公司|企业|厂|协会|合作社|医院)(?:的|工作|上班|任教|当|做|干|从事|任职)"
    r"|[（(](?:事业单位|国有企业|民营企业|国企|私企|机关)[）)])"
)
_UNIT_AGE = re.compile(
    r"(?:公司|企业|单位|厂|学校|院校|协会)[^，,。；;\d]{0,8}?(?:成立|注册|建校|开了|办了|经营)(?:了)?\s*"
    r"(\d{1,3}|[一二两三四五六七八九十]+)\s*(多)?年|(?:建校|(?<!工作室)(?<!工作室已)成立|注册|登记满?|经营)"
    r"(?:了)?\s*(\d{1,3})\s*(多)?年"
)
_UNIT_HALF_YEAR = re.compile(
    r"(?:公司|企业|单位|厂|学校|院校|协会|合作社)[^，,。；;\d]{0,8}?(?:成立|注册|开办|办)(?:了|才|刚|刚刚)?(?:不到)?半年"
)
_UNIT_NOUN = r"(?:公司|企业|单位|厂|学校|院校|学院|协会|作坊|合作社|农场|店|执照|机构|中心|医院)"
_SET_UP = r"(?:注册|登记)?(?:成立|注册|登记|建校|建厂|建院|创办|开办|设立|办的|就有)"
_UNIT_SINCE = re.compile(
    rf"{_UNIT_NOUN}[^。；;？?]{{0,20}}?((?:19|20)\d{{2}})年(?:\d{{1,2}}月份?)?(?:才|刚|刚刚)?(?:经批准)?{_SET_UP}"
    rf"|(?<!\d)((?:19|20)\d{{2}})年(?:\d{{1,2}}月)?(?:经批准)?{_SET_UP}的[^，,。；;？?]{{0,14}}?{_UNIT_NOUN}"
)
"""``企业2004年注册成立`` / ``执照，2015年办的`` / ``2017年成立的民营农业企业``."""
_HOLDS = re.compile(
    r"(?:已经是|已是|已经被?(?:认定|评)为|已经?获评|已经领衔了?|已经拿过|已经获得过?|已经有)(?:了)?(?:一个)?"
    r"(国家级|全国|省级|自治区级|[\u4e00-\u9fff]{2,3}省|[\u4e00-\u9fff]{2,4}?(?:市|州|县|区)级|市级|区级|县级)"
    r"[^，,。？?]{0,12}?(?:工作室|资助|支持|项目)"
)
_BOTH = re.compile(
    r"(同时(?:报|申报)|一起报|都报|两(?:种|类|个)[^，,。]{0,6}(?:一起|都|同时)|再报个|还想再报|又报)"
)
TIERS = {"国家": 4, "全国": 4, "省": 3, "自治区": 3, "市": 2, "区": 1, "县": 1}
"""Levels of a studio or programme, highest first by rank."""


def tier_of(text: str) -> int | None:
    """The level a phrase names (``省级`` 3, ``江苏省`` 3, ``市级`` 2), ``None`` when none."""
    for word, rank in TIERS.items():
        if word in text:
            return rank
    return None


_RANK = re.compile(
    r"(?:大赛|竞赛|比赛|技能赛)[^，,。；;？?]{0,14}?第\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*名"
)
_AREA = re.compile(
    r"(?:场地|面积|工作室|场所|[画教机]室|车间|基地)[^\d，,。；;？?]{0,6}?(\d{2,5})\s*个?\s*(?:平方米|平方|平米|㎡|平)"
)
_AREA_ANY = re.compile(
    r"(?<![\d.])(\d{2,5})\s*(?:平方米|平米|㎡)(?![^，,。；;]{0,6}(?:以上|以下|要求))"
)
"""An area the applicant states anywhere (``有一间120平方米的实训室``), not a threshold."""
_UNIT_WORD = re.compile(r"(公司|企业|单位|厂|学校|院校|协会|合作社)")
_BARE_HONOUR = re.compile(
    r"(?:^|[，,\s、])([\u4e00-\u9fff]{2,6}?"
    r"(?:技术能手|工匠|技能大奖|技能大师|名匠|劳动模范|五一劳动奖章|首席技师))(?=[，,。；\s、]|$)"
)
_SEX = [
    ("男", re.compile(r"(男的|男性|男职工|我是男|男同志|我男|(?:^|[，,\s])男(?=[，,\s]))")),
    ("女", re.compile(r"(女的|女性|女职工|我是女|女同志|我女|(?:^|[，,\s])女(?=[，,\s]))")),
]
_TEAM_BESIDES = re.compile(
    r"(?:还有|另有|另外还有|带了|带着)\s*(\d{1,2})\s*(?:个|名|位)?(?:同事|徒弟|成员|人|伙伴|师傅|骨干)"
)
_QUALIFIED = re.compile(
    r"(?:就|只有|仅)(?:我)?\s*(\d{1,2}|一|两)\s*(?:个|名|位)(?:人)?(?:是)?(?:技师|高级技师)|"
    r"技师(?:以上|及以上)?(?:的)?(?:有|只有|就)\s*(\d{1,2}|一|两)\s*(?:个|名|位|人)"
)
_OTHERS_BELOW = re.compile(
    r"(?:其他|其余|别的)(?:成员|人|人员|队员)?(?:都|全)是(?:高级工|中级工|初级工|普通工人)"
)
_FUNDS = re.compile(
    r"(?:经费|费用)[^，,。；;？?]{0,16}?(?:(\d{1,3}(?:\.\d+)?)\s*[%％]|百分之(\d{1,3}|[一二两三四五六七八九十]+)"
    r"|(\d|[一二两三四五六七八九])\s*成)"
)


@dataclass
class Profile:
    """Facts an applicant stated about themselves (``None``/empty when not stated).

    Attributes:
        age: Age in years (周岁) as stated.
        birth: ``(year, month)`` of birth; month 0 when only the year was given.
        years_to_retirement: Years until statutory retirement, as stated.
        level: Skill level rank, 1 (高级技师) … 5 (初级工).
        team_size: Team size as stated; ``team_includes_leader`` says whether the user
            counted themselves (``None`` when they did not say).
        unit_type: A kind of :mod:`knowledge.units` (``"技工院校"``, ``"事业单位"``, ``"企业"`` …).
        sex: ``"男"`` or ``"女"``.
        tenure_years: Years in the unit or trade (``在现在单位干了1年半``).
        trade_years: Years in the trade, said apart from the unit (``做柿饼20年了``).
        running_years: Years the studio has run (``去年才成立``: under 2).
        honours: Honours the user says they hold (``镇江市技术能手``).
        no_honour: True when the user says they hold none (``没拿过任何荣誉称号``).
        category: ``"worker"`` or ``"cadre"`` (women's statutory retirement age), ``""``
            when not known.
        achievements: Items of a notice's one-of list the applicant meets (``[]`` when
            they said none, ``None`` when not known).
        funds_share: Share of the staff education funds spent on high-skill training, percent.
        area: Floor area of the studio, square metres.
        qualified_members: Team members (leader included) holding 技师 or above.
        same_major_exists: Whether the unit already has a studio of the same trade.
        unit_years: Years since the host unit was founded (``公司成立8年``).
        unit_years_approx: ``unit_years`` comes from a founding year alone (``2021年成立``).
        contest_rank: The place the applicant took in a skills contest (``拿了第5名``).
        no_award: The applicant says they won nothing at all (``没得过什么奖``): no
            honour and no contest place either.
        holds_tier: The level of a studio (or its funding) the applicant already holds:
            4 national, 3 provincial, 2 city, 1 district/county (``已经是省级技能大师工作室了``).
        both_programmes: The applicant wants to apply for two programmes at once.
        stated: Chinese labels of what was stated, in order (for the reply).
        question: The normalised question the facts were read from.
    """

    age: int | None = None
    birth: tuple[int, int] | None = None
    years_to_retirement: float | None = None
    level: int | None = None
    team_size: int | None = None
    team_includes_leader: bool | None = None
    unit_type: str = ""
    sex: str = ""
    tenure_years: float | None = None
    trade_years: float | None = None
    running_years: float | None = None
    honours: list[str] = field(default_factory=list)
    no_honour: bool = False
    category: str = ""
    achievements: list[str] | None = None
    funds_share: float | None = None
    area: float | None = None
    qualified_members: int | None = None
    same_major_exists: bool | None = None
    unit_years: float | None = None
    unit_years_approx: bool = False
    contest_rank: int | None = None
    no_award: bool = False
    holds_tier: int | None = None
    both_programmes: bool = False
    stated: list[str] = field(default_factory=list)
    question: str = ""

    def __bool__(self) -> bool:
        return (
            any(
                v not in (None, "")
                for v in (
                    self.age,
                    self.birth,
                    self.years_to_retirement,
                    self.level,
                    self.team_size,
                    self.unit_type,
                    self.tenure_years,
                    self.trade_years,
                    self.running_years,
                    self.achievements,
                    self.funds_share,
                    self.area,
                    self.qualified_members,
                    self.same_major_exists,
                    self.unit_years,
                    self.holds_tier,
                    self.contest_rank,
                )
            )
            or bool(self.honours)
            or self.no_honour
            or self.both_programmes
        )

    def age_on(self, day: dt.date) -> tuple[int, int] | None:
        """``(lowest, highest)`` possible age on ``day``: exact when the age was stated,
        a one-year range when only the birth year was."""
        if self.age is not None:
            return self.age, self.age
        if self.birth is None:
            return None
        year, month = self.birth
        if month:
            age = day.year - year - (1 if day.month < month else 0)
            return age, age
        return day.year - year - 1, day.year - year


def _own_level(question: str, m: re.Match[str]) -> bool:
    """A level word is the user's own: said of themselves (我是高级工, 本人技师, or at
    the start: 高级工能报吗), not negated (没有技师证), not asked about (技师以上)."""
    before = question[max(0, m.start() - 10) : m.start()]
    if _ASKING_LEVEL.match(question[m.end() : m.end() + 4]) or _NEGATED.search(before):
        return False
    clause_start = max(question.rfind(ch, 0, m.start()) for ch in "，,。；; ") + 1
    lead = question[clause_start : m.start()]
    if _SELF_LEVEL.search(before) or re.search(r"(等级|资格|证书|职称)(?:为|是)$", lead):
        return True  # 我是高级工 / 职业技能等级为技师
    if len(lead) <= 1:
        return not _NOT_SELF_LEAD.search(lead)
    if re.search(r"\d{2}岁$", lead) and not _NOT_SELF_LEAD.search(lead[-9:-3]):
        return True  # 我53岁高级技师 / …传统技艺的53岁高级技师 (not 团队有个53岁高级技师)
    # a trade before the level describes the user (数控车工高级技师, 中式烹调师高级技师,
    # 石油化工的化工总控工高级技师, 渔船轮机员(船舶机工)技师)
    trade = re.sub(r"[(（][^()（）]{0,12}[)）]", "", lead).rsplit("的", 1)[-1]
    trade = re.split(r"[\d岁]", trade)[-1]  # 我54岁白酒酿造工高级技师 (spaces gone)
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{2,10}", trade)) and not _NOT_SELF_LEAD.search(trade)


def read_profile(question: str, today: dt.date) -> Profile:
    """Extract the applicant's own facts from a normalised question.

    Args:
        question: Output of :func:`knowledge.text.normalize_question`.
        today: For two-digit birth years and relative years.

    Returns:
        The profile; falsy when the question states no fact about the applicant.
    """
    p = Profile(question=question)
    for m in _AGE.finditer(question):
        before = question[max(0, m.start() - 6) : m.start()]
        if _AGE_NOT_SELF.search(before) or re.match(
            r"\s*(?:以下|以上|之内|内)", question[m.end() :]
        ):
            continue
        value = int(m.group(1))
        if 16 <= value <= 75:
            p.age = value
            p.stated.append(f"年龄{value}岁")
            break
    bare = re.search(
        r"(?:(?:我|本人)(?:今年|现在|已经)?(?:刚好|正好|刚满|满|快)?|(?:^|[，,])(?:今年|现在)(?:刚好|正好|刚满|满)?)"
        r"(\d{2}|[二三四五六七]十[一二三四五六七八九]?)"
        r"(?=[，,。；;\s呢吗啊了]|$|高级|技师|中级|初级)",
        question,
    )  # 我56，… / 那我54呢 / 我五十六 高级技师
    if p.age is None and bare and 16 <= (cn_number(bare.group(1)) or 0) <= 75:
        p.age = cn_number(bare.group(1))
        p.stated.append(f"年龄{p.age}岁")
    born = _BIRTH.search(question)  # with an age too: the month decides the retirement date
    if born:
        year = born.group(1) or born.group(4)
        if year is None and born.group(2):
            year = str(1900 + int(born.group(2)))
        if year:
            p.birth = (int(year), int(born.group(3) or 0))
            p.stated.append(f"{year}年{born.group(3) + '月' if born.group(3) else ''}出生")
    retire = _RETIRE.search(question)
    if retire:
        g = retire.groups()
        whole, half, only_half = (g[0], g[1], g[2]) if any(g[:3]) else (g[3], g[4], g[5])
        years = (0.0 if only_half else float(1 if whole == "一" else int(whole or 0))) + (
            0.5 if half or only_half else 0
        )
        p.years_to_retirement = years
        p.stated.append(f"距退休{years:g}年")
    elif re.search(r"明年(?:就)?(?:要|到|满)?(?:法定)?退休", question):
        p.years_to_retirement = 1
        p.stated.append("明年退休")
    for rx, rank in _LEVELS:
        level = next((m for m in rx.finditer(question) if _own_level(question, m)), None)
        if level:
            p.level = rank
            p.stated.append(LEVEL_NAMES[rank])
            break
    if p.level is None and _NO_LEVEL.search(question):
        p.level = NO_LEVEL
        p.stated.append(LEVEL_NAMES[NO_LEVEL])
    team = _TEAM.search(question)
    besides = _TEAM_BESIDES.search(question)
    if besides and (not team or re.search(r"(除了我|除我|不算我|不含我)", question)):
        p.team_size, p.team_includes_leader = int(besides.group(1)), False
        p.stated.append(f"除您外团队{p.team_size}人")
    elif team:
        p.team_size = int(team.group(1) or team.group(2))
        p.team_includes_leader = (
            False
            if _WITHOUT_LEADER.search(question)
            # 不含我 holds 含我
            else (True if _WITH_LEADER.search(question) else None)
        )
        p.stated.append(f"团队{p.team_size}人")
    if _OWN_UNIT.search(question):
        p.unit_type = own_unit_kind(question)
        if p.unit_type:
            p.stated.append(f"单位是{p.unit_type}")
    for sex, rx in _SEX:
        if rx.search(question):
            p.sex = sex
            break
    worker = re.search(r"工人(?:身份|岗位)?|工勤", question)  # which statutory retirement age
    cadre = re.search(r"干部(?:身份)?|管理岗|技术岗", question)
    if worker and not cadre:  # both named (工人身份还是干部身份我也说不清): unknown
        p.category = "worker"
    elif cadre and not worker:
        p.category = "cadre"
    here = _TENURE_HERE.search(question)
    tenure = _TENURE.search(question)
    in_trade = _TRADE_IN.search(question)
    if here and cn_number(here.group(1)) is not None:  # 来现在这家才2年
        p.tenure_years = float(cn_number(here.group(1)) or 0) + (0.5 if here.group(2) else 0)
        p.stated.append(f"在现单位工作{p.tenure_years:g}年")
    elif (
        tenure
        and not re.match(r"\s*(?:以上|以下)", question[tenure.end() :])
        and not (in_trade and in_trade.start() <= tenure.start() < in_trade.end())
    ):
        p.tenure_years = int(tenure.group(1)) + (0.5 if tenure.group(2) else 0)
        p.stated.append(f"工作{p.tenure_years:g}年")
    trade = _TRADE_YEARS.search(question)
    if in_trade:  # 在修理行业干了12年
        p.trade_years = float(in_trade.group(1)) + (0.5 if in_trade.group(2) else 0)
    elif trade:
        p.trade_years = float(trade.group(2)) + (0.5 if trade.group(3) else 0)
    unit_age = _UNIT_AGE.search(question)
    if unit_age is None and _UNIT_HALF_YEAR.search(question):  # 企业成立才半年
        p.unit_years = 0.5
        p.stated.append("单位成立约半年")
    if unit_age and unit_age.group(3) and not _UNIT_WORD.search(question[: unit_age.start()]):
        unit_age = None  # 成立5年 of what? only a unit named before it
    if unit_age:
        founded = cn_number(unit_age.group(1) or unit_age.group(3) or "")
        if founded is not None:
            p.unit_years = float(founded) + (0.5 if unit_age.group(2) or unit_age.group(4) else 0.0)
            p.stated.append(f"单位成立{p.unit_years:g}年")
    since = _UNIT_SINCE.search(question) if p.unit_years is None else None
    if since:  # 单位是民营企业，2021年成立: years by the calendar year, the month unknown
        year = since.group(1) or since.group(2)
        p.unit_years = float(today.year - int(year))
        p.unit_years_approx = True
        p.stated.append(f"单位{year}年成立")
    running = _RUNNING.search(question)
    if (
        running
        and unit_age
        and running.start() >= unit_age.start()
        and running.start() < unit_age.end()
    ):
        running = None  # 公司成立8年 is the unit's age, not the studio's
    dated = (  # not when the question is about the assessment of a recognised studio
        _STUDIO_SINCE.search(question)
        if running is None and not re.search(r"考核|评估|验收", question)
        else None
    )
    recognised = _RECOGNISED_FOR.search(question) if running is None and dated is None else None
    if recognised:  # 工作室评上市级才半年
        got = recognised.group(1)
        p.running_years = (
            0.5
            if got == "半年"
            else (
                (cn_number(recognised.group(2)) or 0) / 12
                if recognised.group(2)
                else float(cn_number(recognised.group(3)) or 0)
            )
        )
        p.stated.append(f"工作室认定约{p.running_years:g}年")
    if dated:  # 工作室2025年6月才认定的: months until today
        months = (today.year - int(dated.group(1))) * 12 + today.month - int(dated.group(2) or 1)
        p.running_years = round(max(months, 0) / 12, 1)
        p.stated.append(f"工作室运行约{p.running_years:g}年")
    if running:
        if running.group(3) and running.group(4):  # 今年7月份才成立: months until today
            year = today.year - (1 if running.group(3) == "去年" else 0)
            months = (today.year - year) * 12 + today.month - int(running.group(4))
            p.running_years = round(max(months, 0) / 12, 1)
        elif running.group(3):
            p.running_years = 1.0 if running.group(3) == "去年" else 0.5
        else:
            p.running_years = (1 if running.group(1) == "一" else int(running.group(1))) + (
                0.5 if running.group(2) else 0
            )
        p.stated.append(f"工作室运行约{p.running_years:g}年")
    said = (
        _QUOTED_HONOUR.findall(question)  # 获评“福建省乡村工匠名师”: the whole quoted title
        + [next(g for g in m.groups() if g) for m in _HONOUR.finditer(question)]
        + [
            h
            for h in _BARE_HONOUR.findall(question)  # 中原大工匠 said alone
            if not re.search(r"(没|未|无|不|拿|获|评|荣|当|是|我)", h)
            and not re.search(
                r"(没|无|不是|没有)", question[max(0, question.find(h) - 4) : question.find(h)]
            )
        ]
    )
    p.honours = [
        h for h in dict.fromkeys(said) if not _NEGATED.search(question[: question.find(h)])
    ]
    p.honours = [
        t if len(t := re.sub(r"^.*(?:的|技师|高级工)", "", h)) >= 3 else h for h in p.honours
    ]  # 做…的技师市级非遗传承人
    p.honours = [
        re.sub(r"^(?:我是|是|为|系)", "", h.strip("“”\"'‘’「」『』《》")) for h in p.honours
    ]
    p.honours = [h for h in p.honours if not any(h != o and h in o for o in p.honours)]
    p.no_honour = (
        bool(_NO_HONOUR.search(question)) or bool(_NO_HONOUR_AFTER.search(question))
    ) and not p.honours
    p.no_award = p.no_honour and bool(_NO_AWARD.search(question))
    area = _AREA.search(question) or _AREA_ANY.search(question)
    if area:
        p.area = float(area.group(1))
        p.stated.append(f"场地{p.area:g}平方米")
    place = _RANK.search(question)
    if place:
        p.contest_rank = cn_number(place.group(1))
        if p.contest_rank:
            p.stated.append(f"竞赛第{p.contest_rank}名")
    holds = _HOLDS.search(question)
    if holds:
        p.holds_tier = tier_of(holds.group(1))
        p.stated.append(f"已有{holds.group(1)}工作室")
    p.both_programmes = bool(_BOTH.search(question))
    qualified = _QUALIFIED.search(question)
    if qualified:
        p.qualified_members = cn_number(qualified.group(1) or qualified.group(2))
    elif _OTHERS_BELOW.search(question) and p.level is not None and p.level <= 2:
        p.qualified_members = 1  # 领办人是技师 其他成员都是高级工: the leader alone
    funds = _FUNDS.search(question)
    if funds:
        if funds.group(1):
            p.funds_share = float(funds.group(1))
        elif funds.group(2):
            p.funds_share = float(cn_number(funds.group(2)) or 0)
        else:
            p.funds_share = float(cn_number(funds.group(3)) or 0) * 10
        p.stated.append(f"经费比例{p.funds_share:g}%")
    return p
