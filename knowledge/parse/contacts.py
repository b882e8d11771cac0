"""Contacts: persons, phones (with area code), emails, postal address, office.

Notices write contacts in a few labelled lines (``联系人：顾雪锋、俞玲；``,
``联系电话：53542494、53576718；``) or run them together on one line
(``联系人：郑昌浩，联系电话：88990719；邮箱：…``). Landlines often omit the area
code; :func:`normalize_phone` adds the notice's.
"""

from __future__ import annotations

import re

from knowledge.models import Clause, Contact
from knowledge.parse.structure import programme_at

_LABELS = [
    "联系人",
    "联系电话",
    "咨询电话",
    "办公电话",
    "电话",
    "手机",
    "传真",
    "电子邮箱",
    "邮箱",
    "联系地址",
    "通讯地址",
    "通信地址",
    "地址",
    "邮编",
]
_LABEL_RX = re.compile(
    r"(" + "|".join(r"\s*".join(label) for label in _LABELS) + r")\s*[:：]"
    # written without the colon: 联系人黄婉婷，电话0595-22683517，电子邮箱qz…@163.com
    r"|(联系人)(?=[\u4e00-\u9fff]{2,3}(?:同志|老师|女士|先生)?[，,、；;\s（(])"
    r"|(联系电话|咨询电话|办公电话|电话|手机)(?=\s*[0-9])"
    r"|(电子邮箱|邮箱)(?=\s*[A-Za-z0-9])"
)
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_PHONE = re.compile(r"(?<![\d@])(?:(0\d{2,3})[-－—\s]?)?(\d{7,8}|1[3-9]\d{9})(?![\d@])")
_SEPARATORS = re.compile(r"[，,；;。]")
# An unlabelled name–phone pair: ``冉海燕 0851-28226152``, ``王敏（13905510000）``, also
# right after the office once spaces are gone (``市财政局社会保障科孙佳0459-6373925``).
_NAME_PHONE = re.compile(
    r"(?:(?<![\u4e00-\u9fff])|(?<=[科处室局股站所心]))(?P<name>[\u4e00-\u9fff]{2,3})(?:同志|老师|女士|先生)?\s*[:：,，（(]?\s*"
    r"(?:(?:联系|咨询|办公)?电话[:：]?\s*)?"
    r"(?P<phone>(?:0\d{2,3}[-－—\s]?)?\d{7,8}|1[3-9]\d{9})(?![\d@])"
)
_NOT_NAMES = re.compile(
    r"(电话|联系|咨询|传真|手机|办公|地址|邮箱|邮编|科室|热线|方式|号码|座机|处室|分机|"
    r"监督|投诉|举报|服务|单位|部门|中心|科|处|局|室|会|厅|号|楼|路|街|区|市|县|省)"
)
_FAX = re.compile(r"传\s*真\s*[:：]?\s*$")
_CONTACT_CUE = re.compile(r"(联系|咨询|电话|热线|手机|座机)")


def normalize_phone(number: str, area_code: str) -> str:
    """``"53542494"`` with area code ``"0512"`` → ``"0512-53542494"``.

    Mobiles (11 digits starting with 1) are returned unchanged; numbers that already
    carry an area code are formatted ``AREA-NUMBER``.
    """
    m = _PHONE.fullmatch(number.strip())
    if not m:
        return number
    code, local = m.group(1), m.group(2)
    if len(local) == 11:
        return local
    code = code or area_code
    return f"{code}-{local}" if code else local


def _labelled(text: str) -> dict[str, list[str]]:
    """Split text into ``{label: [values]}`` by the contact labels."""
    found: dict[str, list[str]] = {}
    marks = list(_LABEL_RX.finditer(text))
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        value = text[m.end() : end].strip()
        label = re.sub(r"\s+", "", next(g for g in m.groups() if g))
        found.setdefault(label, []).append(value)
    return found


def _persons(value: str) -> list[str]:
    value = _SEPARATORS.split(value, maxsplit=1)[0]
    value = re.sub(r"[（(][^）)]*[）)]", "", value)
    names = [re.sub(r"\s+", "", n) for n in re.split(r"[、/和及]", value)]
    return [n for n in names if 2 <= len(n) <= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", n)]


def extract_contacts(
    clauses: list[Clause], area_code: str, programmes: list[str] | None = None
) -> list[Contact]:
    """Find contact blocks in the clauses.

    Args:
        clauses: Body clauses.
        area_code: The notice's landline area code (``"0512"``), may be empty.

        programmes: The notice's programmes; with several, a contact names the one it is for.

    Returns:
        One :class:`Contact` per clause that names a contact person, phone or email.
    """
    out: list[Contact] = []
    for clause in clauses:
        offices = _office_segments(clause.text)
        if offices:  # 沙坡头区人社局：张玉，0955-7682130 — one contact per office
            for office, segment in offices:
                found = _contact_in(
                    segment, clause, clauses, programmes or [], area_code, in_list=True
                )
                if found is not None:
                    out.append(found.model_copy(update={"unit": office}))
            continue
        found = _contact_in(clause.text, clause, clauses, programmes or [], area_code)
        if found is not None:
            out.append(found)
    # the contact section first: a person or phone before an email of a submission rule
    return sorted(out, key=lambda c: not (c.persons or c.phones))


_OFFICE_NAME = r"[\u4e00-\u9fff（）()]{2,24}?(?:局|科|处|室|中心|站|所|办|委|院|校|部|厅)"
_TOPIC_NAME = (
    r"[\u4e00-\u9fff]{0,6}?(?:认定|考核|评估|申报|政策|咨询|业务|资金|财务|技术|系统|报名|评审)"
    r"(?:工作|事宜|事项)?"
)
"""A line labelled by the matter it is for (``年度考核：…乌兰 0472-5152749``)."""
_OFFICE = re.compile(rf"^\s*(?P<office>{_OFFICE_NAME}|{_TOPIC_NAME})\s*[：:]")
_NAME_AFTER_OFFICE = re.compile(
    r"^[^：:]*[：:]\s*(?P<name>[\u4e00-\u9fff]{2,3})(?:同志|老师)?\s*[，,、\s]"
)


def _office_segments(text: str) -> list[tuple[str, str]]:
    """``[(office, its text)]`` when a clause lists several offices, each with its own
    person or phone (one per line, or run together and separated by ``；``); else ``[]``."""
    # lines, or offices run together once the spaces between them are gone (…7682130中宁县人社局：)
    lines = re.split(
        rf"\n|(?:\s+|(?<=[\dA-Za-z。；;]))(?=(?:{_OFFICE_NAME}|{_TOPIC_NAME})\s*[：:])", text
    )
    for parts in (lines, re.split(r"[；;]", text)):
        segments = []
        for part in parts:
            m = _OFFICE.match(part)
            if m and _PHONE.search(part) and not _LABEL_RX.match(part.strip()):
                segments.append((m.group("office"), part.strip()))
            elif segments and part.strip() and not _OFFICE.match(part):
                office, before = segments[-1]
                segments[-1] = (office, before + "\n" + part.strip())  # its next line
        if len(segments) >= 2:
            return segments
    return []


def _contact_in(
    text: str,
    clause: Clause,
    clauses: list[Clause],
    programmes: list[str],
    area_code: str,
    in_list: bool = False,
) -> Contact | None:
    """The contact written in ``text`` (a clause, or one office's part of it), or None.
    ``in_list``: ``text`` is one line of a list of offices, so a phone alone is its contact."""
    pairs = [m for m in _NAME_PHONE.finditer(text) if not _NOT_NAMES.search(m.group("name"))]
    if not (
        _LABEL_RX.search(text)
        or EMAIL.search(text)
        or pairs
        or ((_CONTACT_CUE.search(text) or in_list) and _PHONE.search(text))
    ):
        return None
    labelled = _labelled(text)
    persons: list[str] = []
    for value in labelled.get("联系人", []):
        persons += [p for p in _persons(value) if p not in persons]
    phones: list[str] = []
    for label in ("联系电话", "咨询电话", "办公电话", "电话", "手机"):
        for value in labelled.get(label, []):
            value = (
                _SEPARATORS.split(value.replace("；", ";"), maxsplit=1)[0]
                if ";" in value
                else value
            )
            for m in _PHONE.finditer(value):
                phone = normalize_phone(m.group(), area_code)
                if phone not in phones:
                    phones.append(phone)
    for m in pairs:
        if m.group("name") not in persons:
            persons.append(m.group("name"))
    after = _NAME_AFTER_OFFICE.match(text)  # 市人社局职业能力建设科：马海军，电话…
    if after and not _NOT_NAMES.search(after.group("name")) and after.group("name") not in persons:
        persons.insert(0, after.group("name"))
    faxes: list[str] = []
    for m in _PHONE.finditer(text):
        if _FAX.search(text[max(0, m.start() - 6) : m.start()]):
            fax = normalize_phone(m.group(), area_code)
            if fax not in faxes:
                faxes.append(fax)
    if _CONTACT_CUE.search(text) or pairs or in_list:  # numbers written without a label
        for m in _PHONE.finditer(text):
            if (
                _FAX.search(text[max(0, m.start() - 6) : m.start()])
                or "邮编" in text[max(0, m.start() - 6) : m.start()]
            ):
                continue
            phone = normalize_phone(m.group(), area_code)
            if phone not in phones:
                phones.append(phone)
    emails = list(dict.fromkeys(EMAIL.findall(text)))
    address = ""
    for label in ("联系地址", "通讯地址", "通信地址", "地址"):
        if labelled.get(label):
            address = re.sub(r"\s+", "", labelled[label][0]).rstrip("；;。，,")
            # the address runs on into what the page prints after it (附表：…, 附件1)
            address = re.split(r"(?:附表|附件)\s*\d*[：:．.、]?|（此件", address)[0].rstrip(
                "；;。，,"
            )
            break
    office = ""
    room = re.search(r"号([^号]+?(?:办公室|室|科|处))$", address) or re.search(
        r"([\u4e00-\u9fff]{2,12}?(?:处|科))", address
    )
    if room:
        office = room.group(1)
    else:
        dept = re.search(r"（设在([^）]+)）", text)
        office = dept.group(1) if dept else ""
    if not (persons or phones or emails):
        return None
    quote_lines = [
        ln
        for ln in text.split("\n")
        if _LABEL_RX.search(ln) or EMAIL.search(ln) or _PHONE.search(ln)
    ]
    phones = [p for p in phones if p not in faxes]
    return Contact(
        persons=persons,
        phones=phones,
        emails=emails,
        address=address,
        faxes=faxes,
        programme=programme_at(text, _first_contact(text), clause, clauses, programmes),
        office=office,
        clause=clause.ref,
        quote="\n".join(quote_lines)[:300],
    )


def _first_contact(text: str) -> int:
    m = _LABEL_RX.search(text) or _PHONE.search(text)
    return m.start() if m else 0


def area_codes_in(text: str) -> list[str]:
    """Area codes written in the notice's phone numbers (``0751-8605683`` → ``"0751"``)."""
    return [m.group(1) for m in _PHONE.finditer(text) if m.group(1)]
