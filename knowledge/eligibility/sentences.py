"""Verdicts from one condition sentence the parser has no rule kind for.

The user's quantity is compared with the sentence's threshold of the same kind (money,
share, area, duration, a founding date against an explicit cutoff), or the user's kind of
unit is found in an exclusion (``个体工商户不在申报范围``).
"""

from __future__ import annotations

import datetime as dt
import re

from knowledge.eligibility.rules import Status
from knowledge.intents import paraphrases

_NUM = r"(\d+(?:\.\d+)?|[一二两三四五六七八九十]+)"
_UNITS = {
    "万元": ("money", 10000.0),
    "万": ("money", 10000.0),
    "元": ("money", 1.0),
    "平方": ("area", 1.0),
    "平": ("area", 1.0),
    "%": ("share", 1.0),
    "％": ("share", 1.0),
    "成": ("share", 10.0),
    "年半": ("time", 18.0),
    "年": ("time", 12.0),
    "个月": ("time", 1.0),
    "月": ("time", 1.0),
    "人": ("people", 1.0),
    "名": ("people", 1.0),
    "平方米": ("area", 1.0),
    "平米": ("area", 1.0),
    "个": ("count", 1.0),
}
_UNIT_RX = "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True))
_AT_LEAST = re.compile(
    rf"(?:不低于|不少于|满|达到|超过|大于)\s*{_NUM}\s*({_UNIT_RX})|{_NUM}\s*({_UNIT_RX})(?:以上|及以上)"
)
_AT_MOST = re.compile(
    rf"(?:不超过|不高于|不多于|低于|少于|限报|限推荐|限申报|只能申报|最多(?:申报|推荐)?)\s*{_NUM}\s*({_UNIT_RX})"
    rf"|{_NUM}\s*({_UNIT_RX})(?:以下|以内)"
)
_USER_QTY = re.compile(rf"(?<!\d){_NUM}\s*({_UNIT_RX})")
_SINCE = re.compile(
    r"(?:(20\d{2})年|(去年|前年|今年))(?:(\d{1,2})月)?[^，。；]{0,8}?(?:成立|注册|建立|设立|建的|建成|组建|开办|创办)"
)
_EXCLUDED = re.compile(
    r"(不含|不包括|不得|不能|不予|不属于|除外|不在[^，。；]{0,8}范围|不再|不纳入|不列入|不受理|不适用)"
)


def _amount(number: str, unit: str) -> tuple[str, float] | None:
    from knowledge.text import cn_number

    try:
        value = float(number)
    except ValueError:
        n = cn_number(number)
        if n is None:
            return None
        value = float(n)
    family, factor = _UNITS[unit]
    if unit == "年半":
        return family, value * 12 + 6
    return family, value * factor


def _user_amounts(question: str, today: dt.date) -> list[tuple[str, float]]:
    """Quantities the user states (``营业收入1500万``, ``两年半``), a calendar year not
    among them; a founding date becomes a duration up to ``today``
    (``2025年3月注册`` → 20 months on 2026-12-01; ``去年10月才建`` → 14)."""
    out: list[tuple[str, float]] = []
    for m in _USER_QTY.finditer(question):
        if m.group(2) == "年" and re.fullmatch(r"\d{4}", m.group(1)):
            continue  # 2025年 is a date, not a number of years
        amount = _amount(m.group(1), m.group(2))
        if amount:
            out.append(amount)
    since = _SINCE.search(question)
    if since:
        year = (
            int(since.group(1))
            if since.group(1)
            else today.year - {"去年": 1, "前年": 2, "今年": 0}[since.group(2)]
        )
        month = (
            int(since.group(3))
            if since.group(3)
            else (today.month if since.group(1) is None else 1)
        )
        out.insert(0, ("time", float((today.year - year) * 12 + today.month - month)))
    return out


_CLEAN_RECORD = re.compile(
    r"(?:无|没有|未发生|未出现|未受到|未被|未有)([^，,。；;]{0,20}?)(事故|失信|违法|违规|处罚|不良记录)"
)
"""A record the applicant must not have (``近三年无重大安全生产事故``)."""
_PLACED = re.compile(
    r"(户籍|户口|常住地|常住|注册|登记|住所)[^，,。；;]{0,10}?在\s*([\u4e00-\u9fff]{2,8}?)(?:行政区域|辖区|范围)?(?:内|的|，|,|；|。|$)"
)
"""Where the applicant or unit must be (``户籍或常住地在本区``, ``注册在本市辖区内``): the
place named after 在, compared with the one the user names."""
_USER_PLACE = re.compile(
    r"(户籍|户口|常住|注册|登记|公司在|单位在)[^，,。；;？?]{0,6}?在\s*([\u4e00-\u9fff]{2,4}?)(?:市|区|县)?(?=[，,。；;？?\s]|能|可以|的|$)"
)
"""Where the user says they or their unit are (``户口和常住都在秀洲``, ``公司注册在清远``)."""


def _user_amounts_near(
    question: str, users: list[tuple[str, float]]
) -> list[tuple[str, float, set[str]]]:
    """``users`` with the characters said just before each (``社保在香洲才交了`` for 8个月),
    the paraphrases of words there included (社保 → 社会保险), to pair a quantity with the
    rule about the same thing; a duration counted from a date has no such words."""
    said = paraphrases()
    spans = [m for m in _USER_QTY.finditer(question) if _amount(m.group(1), m.group(2))]
    spans = [m for m in spans if not (m.group(2) == "年" and re.fullmatch(r"\d{4}", m.group(1)))]
    out = []
    offset = len(users) - len(spans)  # a founding date's duration comes first
    for i, (family, value) in enumerate(users):
        near: set[str] = set()
        if i >= offset and i - offset < len(spans):
            m = spans[i - offset]
            before = question[max(0, m.start() - 10) : m.start()]
            near = set(before) | {
                c for w, alts in said.items() if w in before for a in alts for c in a
            }
        out.append((family, value, near - set("的了在才我是和有个")))
    return out


def sentence_verdict(
    sentence: str, question: str, shared: list[str], today: dt.date | None = None
) -> tuple[Status, str] | None:
    """A verdict from one condition sentence for a fact the parser has no rule kind for:
    the user's quantity against the sentence's threshold of the same kind (营业收入1500万
    against 不低于2000万元; 社保两年半 against 满36个月), or the user's kind of unit in an
    exclusion (个体户 in 个体工商户不在申报范围).

    Args:
        sentence: The condition sentence (normalised, simplified).
        question: The normalised question.
        shared: Content words the question and the sentence share (the thing compared).
        today: For durations from a date the user gives (``2025年3月注册``).

    Returns:
        ``(status, reason)`` or ``None`` when the sentence settles nothing.
    """
    if not shared:
        return None
    today = today or dt.date.today()
    founded = _SINCE.search(question)
    cutoff = re.search(
        r"(\d{4})年(\d{1,2})月(\d{1,2})日(?:以)?前(?:建立|成立|注册|设立|组建|登记)", sentence
    )
    if founded and cutoff:  # 2024年6月30日前建立 against 去年10月才建
        year = (
            int(founded.group(1))
            if founded.group(1)
            else today.year - {"去年": 1, "前年": 2, "今年": 0}[founded.group(2)]
        )
        month = int(founded.group(3)) if founded.group(3) else 12
        before = (int(cutoff.group(1)), int(cutoff.group(2)))
        rule = cutoff.group()
        if (year, month) < before:
            return Status.MET, f"您的工作室建立时间早于通知要求的“{rule}”。"
        return Status.NOT_MET, f"您的工作室建立时间晚于通知要求的“{rule}”。"
    users = _user_amounts(question, today)
    pairs: list[tuple[int, int, re.Match[str], bool, tuple[str, float], float]] = []
    for rx, at_least in ((_AT_LEAST, True), (_AT_MOST, False)):
        for m in rx.finditer(sentence):
            number, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            limit = _amount(number, unit)
            if limit is None:
                continue
            start = max(sentence.rfind(ch, 0, m.start()) for ch in "，,；;：:\t") + 1
            topic = set(sentence[start : m.start()])
            for family, value, near in _user_amounts_near(question, users):
                if family != limit[0]:
                    continue
                pairs.append((-len(topic & near), len(pairs), m, at_least, limit, value))
    # 社保才交了8个月 against …缴纳社会保险满12个月 first, not against 工作满2年
    for _, _, m, at_least, limit, value in sorted(pairs, key=lambda x: x[:2]):
        ok = value >= limit[1] if at_least else value <= limit[1]
        rule = m.group().strip()
        if ok:
            return Status.MET, f"您的情况符合通知“{rule}”的要求。"
        if at_least:
            return Status.NOT_MET, f"您的情况达不到通知“{rule}”的要求。"
        return Status.NOT_MET, f"您的情况超出了通知“{rule}”的限制。"
    clean = _CLEAN_RECORD.search(sentence)
    if clean:  # 近三年无负同等及以上责任的道路交通事故 / 去年出了个同等责任的交通事故
        noun = clean.group(2)
        said = re.search(rf"([^，,。；;？?]{{0,8}}){noun}", question)
        if said and not re.search(
            r"(没|没有|无|未|从没|从未|不曾)[^，,。；;]{0,6}$", said.group(1)
        ):
            if re.search(r"一般|轻微|小|轻", said.group(1)) and re.search(
                r"较大|重大|以上", clean.group(0)
            ):
                return Status.UNSURE, f"通知要求“{clean.group(0)}”，请确认您说的情况是否属于。"
            return Status.NOT_MET, f"通知要求“{clean.group(0)}”，您说的情况不符合。"
    placed = _PLACED.search(sentence)
    there = _USER_PLACE.search(question)
    if placed and there:  # 户籍或常住地在南湖区 / 户口和常住都在秀洲
        required, theirs = placed.group(2), there.group(2)
        if required[:2] not in theirs and theirs[:2] not in required:
            rule = placed.group(0).rstrip("；;，,。")
            return Status.NOT_MET, f"通知要求“{rule}”，您说的是{theirs}。"
    excluded = _EXCLUDED.search(sentence)
    window = sentence[max(0, excluded.start() - 24) : excluded.end() + 24] if excluded else ""
    if excluded and any(
        _names_same_kind(w, window, question)
        for w in shared
        if not (_GENERIC_WORD.fullmatch(w) or _ROUND_WORD.fullmatch(w))
    ):
        return Status.NOT_MET, "通知把这种情况排除在申报范围之外。"
    own = [w for w in shared if not _GENERIC_WORD.fullmatch(w)]  # words of the user's case
    if not excluded and re.search(
        r"(?:已|须|应|需|必须)(?:经)?(?:建立|成立|设立|具备|具有|取得|有)", sentence
    ):
        for w in own:  # 依托单位已建立工会组织 / 我们厂没成立工会
            if len(w) >= 2 and re.search(
                rf"(?:没有|没|未|无|不)[^，,。；;？?]{{0,4}}?{re.escape(w)}", question
            ):
                return Status.NOT_MET, f"通知要求“{_requirement(sentence, w)}”，您说没有。"
    may = _MAY_APPLY.search(sentence)
    if may and any(w in may.group(1) for w in own):  # （退休返聘人员可以申报）
        return Status.MET, f"通知写明：{may.group(1)}{may.group(2)}可以申报。"
    case = _CASE_RULE.match(sentence)
    if case and any(w in case.group(1) for w in own):  # 第一批申报未获认定的，可…参加第二批
        if case.group(2):
            return Status.NOT_MET, f"通知写明：{case.group(1)}的，{case.group(2)}{case.group(3)}。"
        return Status.MET, f"通知写明：{case.group(1)}的，可以{case.group(3)}。"
    return None


def _requirement(sentence: str, word: str) -> str:
    """The part of ``sentence`` that requires ``word`` (its comma-separated piece)."""
    return next((part for part in re.split(r"[，,；;。]", sentence) if word in part), sentence)


_GENERIC_WORD = re.compile(
    r"(?:[\u4e00-\u9fff]{0,4}工作室|技能大师|首席技师|大师|技能|申报|申请|认定|评选|[国省市区县]级|国家级|现在|今年)"
)
_ROUND_WORD = re.compile(r"第[一二三四五六七八九十\d]+批|首批|本批次?|批次")
"""A round's name: who is excluded from a round is no case a round's name alone states
(南平第一批还能报吗 is not 第一批名额已用完的县…不再推荐)."""
"""Words every question and rule about a programme share: they name no case."""
_MAY_APPLY = re.compile(
    r"[（(，,]\s*([^，,。；;（）()]{2,16}?)(人员|的)?(?:也)?(?:可以|可|亦可|均可)(?:申报|参加申报|参评)"
)
"""A case admitted in passing: ``仍在企业生产一线岗位工作（退休返聘人员可以申报）``."""
_CASE_RULE = re.compile(
    r"^([^，,。；;]{4,30}?)的[，,]\s*(?:今年|本年度|本次|本批次?|当年|次年|下一年度)?\s*"
    r"(?:(不得|不能|不予|不再|不可)|(?:可以|均可|也可|亦可|可)(?!不))"
    r"([^。；;]{2,40})"
)
"""A rule for one case: ``第一批申报未获认定的，可对照评审意见修改完善后参加第二批申报``
(the user in that case may) or ``…的，不得重复申报`` (may not)."""


_LIST_SEP = re.compile(r"[、，,；;：:（(）)]|以及|及|和|与|或")


def _is_abbreviation(short: str, full: str) -> bool:
    """True when the characters of ``short`` appear in order in ``full`` (参公 in 参照公务员法管理)."""
    it = iter(full)
    return all(ch in it for ch in short)


def _names_same_kind(word: str, window: str, question: str) -> bool:
    """Whether the user's ``word`` is the kind the notice's ``window`` excludes: a
    qualifier the notice puts before it (参照公务员法管理的事业单位) must be the user's too,
    written out or abbreviated (参公事业单位); a plain 事业单位 is another kind."""
    at = question.find(word)
    for m in re.finditer(re.escape(word), window):
        qualifier = _LIST_SEP.split(window[: m.start()])[-1].removesuffix("的")
        # 不受理个人申报: the exclusion's own verb is no qualifier of the kind
        qualifier = re.sub(r"^(?:不受理|不接受|不含|不包括|不得|不予|不再)", "", qualifier)
        if len(qualifier) < 2 or qualifier in question:
            return True
        before = question[max(0, at - 4) : at] if at >= 0 else ""
        if any(_is_abbreviation(before[k:], qualifier) for k in range(len(before) - 1)):
            return True
    return False
