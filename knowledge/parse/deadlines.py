"""Deadlines: dates by which something is due, with who must meet them.

Recognised forms (all from notices of this genre):

- ``8 月 20 日前报送`` — a date without a year takes the notice's year;
- ``2021年4月25日24:00前`` — with a time of day;
- ``XX月XX日前`` — a placeholder the issuer never filled in;
- ``报名截止时间为2025年9月30日`` / ``截止日期：…`` — explicit cut-off wording;
- ``即日起至2025年4月30日`` / ``2025年5月8日至5月20日`` / ``…至…止`` — the end of a
  submission window is the deadline, its start is not;
- ``申报时间另行通知`` — to be announced;
- rounds: ``第一批申报已于3月31日截止，第二批另行通知`` — a closed round is marked
  ``closed`` so the open one (or the announcement still to come) is what applicants get.
"""

from __future__ import annotations

import datetime as dt
import re

from knowledge.models import Clause, Deadline, DeadlineStatus
from knowledge.parse.structure import in_assessment, programme_at
from knowledge.text import cn_number, split_sentences

_NUM = r"(?:\d{1,2}|[Xx×＊*]{1,2})"
_DATE = re.compile(
    rf"(?:(?P<y>\d{{4}})\s*年\s*)?(?P<m>{_NUM})\s*月\s*(?P<d>{_NUM})\s*日"
    r"(?:\s*(?P<t>\d{1,2}[:：]\d{2}))?"
)
_BEFORE = re.compile(
    r"^\s*(?:[（(](?:星期|周)[一二三四五六日天][）)])?\s*(?:(?:上午|下午|中午)?\s*(?P<bt>\d{1,2}[:：]\d{2})|\d{1,2}时|下班)?\s*"
    r"(前|之前|以前|止|截止|为止|关闭|停止(?:受理|申报|填报))"
)
_RANGE_END = re.compile(r"(即日起|起|\d日|\d{4}年)?\s*(至|到|—|–|-|~|～)\s*$")
_ROUND = re.compile(r"(第[一二三四五六1-6]批|第[一二三四1-4]轮|首批|上半年|下半年)")
_CLOSED = re.compile(r"(已于|已经|已截止|已结束|已完成|已告结束)")
_CUTOFF = re.compile(r"(截止|截至|报名截止|申报截止|受理截止)")
_TBA = re.compile(r"(?P<what>[\u4e00-\u9fff]{0,8}(?:时间|日期))[^。；]{0,6}另行通知")
_OFFICIAL = re.compile(
    r"(人社局|人力资源社会保障局|人力资源和社会保障局|人社部门|主管部门|财政局|服务中心|实训服务中心|"
    r"评审委员会|专家|市人力资源|各地|归口单位"
    r"|各乡镇|各镇|各街道|各镇街|各旗县区|各功能区)"  # addressed as a set: offices, not 所在乡镇
)
_APPLICANT = re.compile(
    r"(申报人|申报单位|推荐单位|所有材料|申报材料|候选人|各工作室|报名|在线申报|申请人|各单位)"
)


def _resolve(
    y: str | None, m: str, d: str, year: int | None, issued: dt.date | None
) -> dt.date | None:
    if not (m.isdigit() and d.isdigit()):
        return None
    yy = int(y) if y else year
    if yy is None:
        return None
    try:
        date = dt.date(yy, int(m), int(d))
    except ValueError:
        return None
    if not y and issued and date < issued - dt.timedelta(days=31):
        date = date.replace(year=date.year + 1)
    return date


def _segments(sentence: str) -> list[tuple[int, int]]:
    """Spans of the comma-separated parts of a sentence."""
    spans, start = [], 0
    for i, ch in enumerate(sentence):
        if ch in "，,；;。":
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(sentence)))
    return [s for s in spans if s[1] > s[0]]


def _context(sentence: str, span: tuple[int, int]) -> tuple[str, str, str]:
    """(before, after, what) around a date: its comma part, or the next part when the
    date stands alone (``5月29日前，各市、区人社局…完成初审``)."""
    parts = _segments(sentence)
    k = next((i for i, (a, b) in enumerate(parts) if a <= span[0] < b), 0)
    a, b = parts[k]
    before, after = sentence[a : span[0]], sentence[span[1] : b]
    if len(after.strip()) < 2 and k + 1 < len(parts):
        a2, b2 = parts[k + 1]
        after = sentence[a2:b2]
    before = re.sub(r"(请于|应于|应在|须在|需在|于|在)\s*$", "", before)
    what = (before + after).strip("，,。；; ")
    what = re.sub(r"^(于|在|应在|请于)", "", what)
    # 单位申报：2026年11月16日至12月15日 → 单位申报 (the window's start is no task)
    what = re.sub(
        r"[：:]?\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:起)?\s*(?:至|到|—|–|-|~|～)$",
        "",
        what,
    )
    label, colon, rest = what.partition("：")
    if colon and len(label) > 12 and rest:  # an addressee line run into the sentence
        what = rest
    return before, after, what[:60]


_OFFICIAL_STEP = re.compile(
    r"^\s*(?:前|之前)?\s*(?:完成|进行|组织)?(?:初审|审核|复审|复核|推荐|汇总|评审|考察)"
)
"""What follows a date when the step is a bureau's, whoever the sentence names: 完成初审."""
_MINISTRY = re.compile(
    r"^\s*(?:前|之前)?\s*(?:报送|报|上报|报至|推荐至|推荐到|推荐给|推荐)\s*"
    r"(?:人社部|人力资源社会保障部|人力资源和社会保障部|财政部)"
)
"""A date followed by a submission to the ministry: only a province's bureau sends there."""
_ACTOR_HEAD = re.compile(
    r"^[^，,。]{0,4}?((?:各|市|区|县)[^，,。]{1,28}?(?:局|部门|中心|委员会|专家组))"
)


YEARLY_DUTY = "已认定的工作室（每年，评估考核）"
"""The actor of a yearly duty of recognised studios (``每年1月20日前报送年度工作报告``)."""
_RELATIVE = re.compile(
    r"(?:自|从)?(?:本)?(?:通知)?(?:印发|发布|下发|公布|发文)之日起\s*(?P<n>\d{1,3}|[一二三四五六七八九十]+)\s*"
    r"(?P<unit>个工作日|工作日|日|天)(?:内|以内)"
)
_ISSUED_ON = re.compile(rf"{_DATE.pattern}[^，,。；;]{{0,4}}?(?:印发|发布|下发|公布|发文)")


def _relative(
    sentence: str, clause: Clause, year: int | None, issued: dt.date | None
) -> Deadline | None:
    """``申报时间为通知印发之日起30日内`` → the date 30 days after the issue date (the date
    the sentence says the notice was issued, ``该通知于11月18日印发``, else the notice's);
    ``date_text`` keeps the words as written. Working days skip weekends only (public
    holidays are not known here)."""
    m = _RELATIVE.search(sentence)
    if m is None:
        return None
    base = issued
    on = _ISSUED_ON.search(sentence)
    if on:
        base = _resolve(on.group("y"), on.group("m"), on.group("d"), year, issued) or issued
    days = cn_number(m.group("n"))
    if base is None or not days:
        return None
    if "工作日" in m.group("unit"):
        date, left = base, int(days)
        while left:
            date += dt.timedelta(days=1)
            left -= date.weekday() < 5
    else:
        date = base + dt.timedelta(days=int(days))
    return Deadline(
        what="报送申报材料",
        date_text=m.group(0),
        date=date,
        clause=clause.ref,
        quote=sentence,
    )


_NTH_WEEKDAY = re.compile(
    r"(?:(?P<y>\d{4})\s*年\s*)?(?P<m>\d{1,2})\s*月(?:的)?第(?P<n>[一二三四五1-5])个?"
    r"(?:星期|周|礼拜)(?P<w>[一二三四五六日天])"
    r"(?P<t>(?:上午|下午|晚上|中午)?\s*\d{1,2}(?:[:：]\d{2}|时|点)(?:\d{1,2}分)?)?\s*(?:前|之前|以前)"
)
_WEEKDAYS = "一二三四五六日"


def _nth_weekday(
    sentence: str, clause: Clause, year: int | None, issued: dt.date | None
) -> Deadline | None:
    """``12月第三个星期五下午5:30前`` → that date in the notice's year (the next year when
    it falls before the issue date); ``date_text`` and ``time`` keep the words as written."""
    m = _NTH_WEEKDAY.search(sentence)
    if m is None:
        return None
    y = int(m.group("y")) if m.group("y") else (year or (issued.year if issued else None))
    n = cn_number(m.group("n"))
    if y is None or not n or not 1 <= int(m.group("m")) <= 12:
        return None
    weekday = _WEEKDAYS.index(m.group("w").replace("天", "日"))

    def nth(y: int) -> dt.date | None:
        first = dt.date(y, int(m.group("m")), 1)
        date = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (int(n) - 1))
        return date if date.month == first.month else None

    date = nth(y)
    if date is not None and issued is not None and not m.group("y") and date < issued:
        date = nth(y + 1)
    if date is None:
        return None
    return Deadline(
        what="报送申报材料",
        date_text=m.group(0),
        date=date,
        time=(m.group("t") or "").strip(),
        clause=clause.ref,
        quote=sentence,
    )


_TO = re.compile(
    r"^[^，,。]{0,6}?(报送|报至|报到|提交|交至|交到|送至|送交|上报|递交|寄送|报|向)(至|到|给)?(所在|属地)?"
)


def _actor(before: str, after: str, head: str = "") -> str:
    """The office that must act, or ``""`` when the deadline is the applicant's.

    Who acts is read from the words just before the date, else the subject that opens
    the sentence (``请各市人社部门…，于7月25日前…``), else the words after it. An office
    the materials are sent to (``…4月25日前报送所在市人社局``, ``向…人社局提出申请``) is
    the recipient, not the actor."""
    subjects = [before[-24:]]
    if not (_APPLICANT.search(before[-24:]) or _OFFICIAL.search(before[-24:])):
        opener = _ACTOR_HEAD.match(head)
        if opener and _OFFICIAL.search(opener.group(1)) and not _APPLICANT.search(opener.group(1)):
            # 各县（市、区）人社局对申报材料进行审核，…于1月8日前报送: the office acts
            return opener.group(1)
        subjects.append(head[:30])
    if _TO.match(after):
        after = ""
    subjects.append(after[:30])
    for subject in subjects:
        if _APPLICANT.search(subject):
            return ""
        if _OFFICIAL.search(subject):
            m = _ACTOR_HEAD.search(subject.lstrip("前之以"))
            return m.group(1) if m else _OFFICIAL.search(subject).group()  # type: ignore[union-attr]
    return ""


_RANGE_START = re.compile(
    r"^\s*(?:[（(](?:星期|周)[一二三四五六日天][）)])?\s*(?:起)?\s*(至|到|—|–|-|~|～)\s*"
    r"(?:\d{4}\s*年\s*)?\d{1,2}\s*月"
)
_WINDOW = re.compile(r"(申报|报送|受理|报名|提交|推荐|申请|截止|网上|线上)")


def _window_word(sentence: str) -> bool:
    """True when a date range is a submission window (申报时间：5月8日至5月20日)."""
    return bool(_WINDOW.search(sentence)) and not re.search(r"公示(期|时间)", sentence)


def _round_before(sentence: str, end: int) -> str:
    """The last round named before ``end`` (``第二批`` in ``第一批…，第二批另行通知``)."""
    found = _ROUND.findall(sentence[:end])
    return found[-1] if found else ""


_OFFICE_END = re.compile(r"(厅|局|部门|机构|委员会|委|政府|办公室|中心|处|科|部)$")


def office_addressees(clauses: list[Clause]) -> str:
    """The addressee line when every addressee is a government office (``各省、自治区…
    人力资源社会保障厅（局），国务院有关部门…：``), else ``""``: such a notice is sent to
    offices that collect applications, so a date with no subject is theirs."""
    for clause in clauses[:2]:
        for line in clause.text.split("\n")[:3]:
            m = re.search(r"(各[^：:。]{2,200})[：:]\s*$", line) or re.search(
                r"(各[^：:。]{2,200})[：:]", line
            )
            if not m:
                continue
            items = [
                re.sub(r"[（(][^）)]*[）)]", "", x).strip()
                for x in re.split(r"[，,；;]", m.group(1))
            ]
            if items and all(_OFFICE_END.search(x) for x in items if x):
                return items[0]
            return ""
    return ""


def extract_deadlines(
    clauses: list[Clause],
    year: int | None,
    issued: dt.date | None,
    addressees: str = "",
    programmes: list[str] | None = None,
) -> list[Deadline]:
    """Find every deadline in the clauses.

    Args:
        clauses: Body clauses of the notice.
        year: The notice's year, used for dates written without a year.
        issued: Issue date; a year-less date more than a month before it rolls over
            to the next year.
        addressees: The notice's addressees when they are all offices
            (:func:`office_addressees`): a date whose sentence names no one is theirs.
        programmes: The notice's programmes; with several, each date is attributed to
            the one its sentence or section is about.

    Returns:
        Deadlines in document order. ``applicant`` is False when an office must act
        (``各市、区人社局…5月29日前完成初审``).
    """
    out: list[Deadline] = []
    for clause in clauses:
        flat = clause.text.replace("\n", "")
        for sentence in split_sentences(flat):
            relative = _relative(sentence, clause, year, issued) or _nth_weekday(
                sentence, clause, year, issued
            )
            if relative is not None:
                out.append(relative)
            for m in _DATE.finditer(sentence):
                tail = sentence[m.end() :]
                head = sentence[max(0, m.start() - 12) : m.start()]
                range_end = bool(_RANGE_END.search(head)) and (
                    _window_word(sentence) or _window_word(clause.heading)
                )
                if not (_BEFORE.match(tail) or _CUTOFF.search(head) or range_end):
                    continue
                if re.match(r"\s*(?:期间|之间|以后|以前|之前|前|后)?\s*出生", tail) or (
                    issued is not None and m.group("y") and int(m.group("y")) < issued.year - 1
                ):
                    continue  # 1971年1月1日至1996年12月31日期间出生: a birth date, no deadline
                if re.search(r"每(?:一)?年(?:度)?(?:的)?$", head):
                    # 每年1月20日前报送上一年度工作报告: a duty of recognised studios, every
                    # year: no date of this round, asked about with the assessment
                    _, after, what = _context(sentence, (m.start(), m.end()))
                    out.append(
                        Deadline(
                            what=what,
                            date_text=f"每年{m.group('m')}月{m.group('d')}日",
                            actor=YEARLY_DUTY,
                            applicant=False,
                            clause=clause.ref,
                            quote=sentence,
                        )
                    )
                    continue
                if _RANGE_START.match(tail) and not _BEFORE.match(tail):
                    continue  # the start of a window (5月8日至5月20日): its end is the deadline
                placeholder = not (m.group("m").isdigit() and m.group("d").isdigit())
                date = _resolve(m.group("y"), m.group("m"), m.group("d"), year, issued)
                before_match = _BEFORE.match(tail)
                end = m.end() + (before_match.end() if before_match else 0)
                before, after, what = _context(sentence, (m.start(), end))
                head = re.split(r"[，,；;]", sentence, maxsplit=1)[0]
                actor = _actor(before, after, head)
                if not actor and addressees and not _APPLICANT.search(sentence[: m.start()]):
                    actor = addressees
                if not actor and (_OFFICIAL_STEP.match(after) or _MINISTRY.match(after)):
                    actor = "主管部门"  # …10月9日前完成初审, …前报送人社部: a bureau's step
                round_name = _round_before(sentence, m.start())
                closed = bool(round_name and _CLOSED.search(sentence[: m.start()]))
                if closed:  # 第一批申报工作已于6月30日截止: the applications' own date
                    actor, what = "", f"{round_name}申报（已截止）"
                if not actor and in_assessment(clause, clauses):
                    actor = "已认定的工作室（评估考核）"
                out.append(
                    Deadline(
                        what=what,
                        date_text=sentence[m.start() : end].strip(),
                        date=date,
                        time=(
                            m.group("t") or (before_match.group("bt") if before_match else "") or ""
                        ).replace("：", ":"),
                        status=DeadlineStatus.PLACEHOLDER if placeholder else DeadlineStatus.FIXED,
                        actor=actor,
                        applicant=not actor,
                        round=round_name,
                        closed=closed,
                        programme=programme_at(
                            flat, flat.find(sentence) + m.start(), clause, clauses, programmes or []
                        ),
                        clause=clause.ref,
                        quote=sentence,
                    )
                )
            tba = _TBA.search(sentence)
            if tba:
                out.append(
                    Deadline(
                        what=tba.group("what") or "申报时间",
                        date_text="另行通知",
                        status=DeadlineStatus.UNSPECIFIED,
                        round=_round_before(sentence, tba.end()),
                        clause=clause.ref,
                        quote=sentence,
                    )
                )
    for d in out:  # 9月1日至9月20日登录… / 系统于9月20日17:00关闭: the same day, its hour
        if d.date is not None and not d.time:
            d.time = next((o.time for o in out if o.date == d.date and o.time), "")
    return out


_DATE_PLAIN = rf"(?:\d{{4}}\s*年\s*)?{_NUM}\s*月\s*{_NUM}\s*日"
_AMEND = re.compile(
    rf"(?P<old>{_DATE_PLAIN})(?:前|之前)?[”\"]?[^。；\d]{{0,16}}?"
    r"(?:更正|调整|变更|更改|修改|延长|推迟|顺延|提前)(?:为|至|到)\s*[“\"]?"
    rf"(?P<new>{_DATE_PLAIN})"
)
"""``截止时间由2026年12月15日延长至2026年12月25日`` / ``“2027年1月15日前”有误，现更正为
“2026年12月22日前”``: a date the notice (or a 补充通知/更正 printed with it) replaces."""


def apply_amendments(
    deadlines: list[Deadline],
    clauses: list[Clause],
    text: str,
    year: int | None,
    issued: dt.date | None,
) -> list[Deadline]:
    """Deadlines with the dates a correction or extension replaces moved to the new date
    (quoting the amending sentence): a 【更正】 line above the body, a 补充通知 appended
    after the attachments. ``text`` is the whole notice (the amendment may stand outside
    the body's clauses)."""
    amending = [  # 单位…调整为12月15日，镇（街道）…由12月18日调整为12月22日: each one
        (sentence, m)
        for sentence in split_sentences(text.replace("\n", "。"))
        for m in _AMEND.finditer(sentence)
    ]
    # the dates of an amending sentence are no deadlines of their own (the old one is gone)
    out = [d for d in deadlines if not (amending and _AMEND.search(d.quote))]
    for sentence, m in amending:
        old, new = (_DATE.search(m.group(k)) for k in ("old", "new"))
        assert old is not None and new is not None
        before = _resolve(old.group("y"), old.group("m"), old.group("d"), year, issued)
        after = _resolve(new.group("y"), new.group("m"), new.group("d"), year, issued)
        if before is None or after is None or before == after:
            continue
        ref = next((c.ref for c in clauses if m.group("new") in c.text), "")
        # quoted from the words that say what changes (…第（一）项中单位申报截止时间由…延长至…)
        start = max(sentence.rfind(ch, 0, m.start()) for ch in "，,：:中")
        quote = sentence[start + 1 :] if len(sentence) > 80 and start >= 0 else sentence
        for i, d in enumerate(out):
            if d.date == before:
                out[i] = d.model_copy(
                    update={
                        "date": after,
                        "date_text": m.group("new") + "前",
                        "quote": quote.strip(),
                        "clause": ref or d.clause,
                    }
                )
    return out
