"""Notice metadata: issuers, 文号, issue date, programme year, place, programmes."""

from __future__ import annotations

import datetime as dt
import re

from knowledge.models import NoticeMeta
from knowledge.parse.head import doc_number_near
from knowledge.parse.place import notice_place
from knowledge.parse.structure import Layout, doc_number_in

_ORG = re.compile(
    r".+?(?:领导小组办公室|办公室|人力资源和社会保障局|人力资源和社会保障厅|财政局|社会事业局|总工会|工会|联合会|人民政府|局|委员会|厅|中心)"
)
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_BUREAU = re.compile(r"[\u4e00-\u9fff]{2,12}人力资源和社会保障(?:局|厅)")
_SHORT_BUREAU = re.compile(
    r"(?<=[，,。近日])([\u4e00-\u9fff]{2,10}?(?:人社局|人社厅|人力资源社会保障局))"
)
_PUBLISHED = re.compile(
    r"(?:发布时间|发布日期|发文日期|成文日期|日期)[:：]\s*(?P<y>\d{4})\s*[-年/.]\s*(?P<m>\d{1,2})"
    r"\s*[-月/.]\s*(?P<d>\d{1,2})"
)
_ISSUER_LINE = re.compile(
    r"(局|厅|部|委员会|委|办公室|政府|中心|总工会|工会|小组|联合会)\s*(（[^）]*）)?\s*$|"
    r"(局|厅|部|委员会|办公室|总工会)\s+\S"
)
_PROGRAMMES = ["技能大师工作室", "企业首席技师", "首席技师", "技能大师", "乡土人才", "技术能手"]
_PLACE_PREFIX = re.compile(r"^关于(?:开展|做好|实施|印发|组织|启动|公布|下达|申报)?《?")
_UNIT = r"(?:自治州|市|区|县|旗|盟)"
_PLACE = re.compile(
    rf"^(?P<a>[\u4e00-\u9fff]{{2,6}}?{_UNIT})(?P<b>[\u4e00-\u9fff]{{2,5}}?(?:区|县|市)(?!级))?"
)


def _split_orgs(line: str) -> list[str]:
    line = re.sub(r"\s+", "", line)
    return [m.group() for m in _ORG.finditer(line)] or [line]


def parse_meta(layout: Layout, text: str, area_codes: list[str], source: str = "") -> NoticeMeta:
    """Build :class:`NoticeMeta` from a layout.

    Args:
        layout: Output of :func:`knowledge.parse.structure.parse_layout`.
        text: The whole notice text (used for fall-backs such as the issuing bureau).
        area_codes: Area codes seen in the notice's phone numbers (to read a place name
            shared by several divisions).
        source: The file's stem, naming an unknown place so unknown notices stay apart.

    Returns:
        The metadata. Issuers come from the header, else the signature block, else the
        ``…人力资源和社会保障局`` most named in the text.
    """
    issuers: list[str] = []
    for _, line in layout.header:
        if not doc_number_in([(0, line)]) and _ISSUER_LINE.search(line) and not _DATE.search(line):
            issuers += [o for o in _split_orgs(line) if o not in issuers]
    prefix = re.match(r"^(.{4,60}?)关于", layout.title)
    if not issuers and prefix and _ISSUER_LINE.search(prefix.group(1)):
        issuers = _split_orgs(prefix.group(1))
    if not issuers:
        for _, line in layout.signature:
            if not _DATE.search(line):
                issuers += [o for o in _split_orgs(line) if o not in issuers]
            else:
                break
    if not issuers:
        bureaus = _BUREAU.findall(text) or _SHORT_BUREAU.findall(text[:400])
        if bureaus:
            issuers = [max(set(bureaus), key=bureaus.count)]
    issue_date = None
    for _, line in layout.signature:
        m = _DATE.search(line)
        if m:
            issue_date = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            break
    if issue_date is None:  # a news-style page: its publication date
        published = _PUBLISHED.search("\n".join(text.splitlines()[:15]))
        if published:
            try:
                issue_date = dt.date(*(int(published.group(k)) for k in ("y", "m", "d")))
            except ValueError:
                issue_date = None
    year_match = re.search(r"(20\d{2})\s*年", layout.title)
    year = int(year_match.group(1)) if year_match else (issue_date.year if issue_date else None)
    doc_number = _doc_number(layout, text)
    place = notice_place(
        layout.title,
        issuers,
        [s for _, s in layout.signature],
        "\n".join(c.text for c in layout.clauses),
        doc_number,
        area_codes,
        source,
    )
    programmes = programmes_in_title(layout.title)
    return NoticeMeta(
        title=layout.title,
        issuers=issuers,
        doc_number=doc_number,
        issue_date=issue_date,
        year=year,
        place=place,
        programmes=programmes,
    )


_PROGRAMME_END = re.compile(
    r"(工作室|首席技师|技能大师|培训基地|传承基地|创新平台|技术能手|乡土人才|工匠|示范点|评价机构|实训基地|示范基地)$"
)
_PROGRAMME_LEAD = re.compile(
    r"^.*?(?:[省市区县州旗盟级]|年度|年|新一批|第[一二三四五六七八九十]+批|国家|全国)(?=[^省市区县州旗盟级年]{3,}$)"
)


_ACTION_TAIL = re.compile(
    r"(的)?(申报|推荐|评选|认定|评审|评定|遴选|建设|评估|考核|工作(?!室)|项目|管理|实施|方案|办法|细则|指南)+$"
)


def programmes_in_title(title: str) -> list[str]:
    """The programmes a title calls applications for, without place, year and level:
    ``"关于开展2025年度南湖区技能大师工作室和乡村工匠工作室申报工作的通知"`` →
    ``["技能大师工作室", "乡村工匠工作室"]``; ``["技能大师工作室"]`` when none is named."""
    core = re.sub(r"^.*?关于(?:开展|做好|实施|印发|组织|启动|申报|推荐|评选|认定)*", "", title)
    core = re.sub(r"[》”]?的?(通知|公告|通告|指南|方案|意见|办法|细则|简章)$", "", core)
    found: list[str] = []
    carry = ""
    for piece in re.split(r"([和及与、暨]|以及)", core):
        if re.fullmatch(r"[和及与、暨]|以及", piece):
            carry += piece if carry else ""
            continue
        part = re.sub(r"[《》“”\d]", "", carry + piece)
        carry = ""
        while _ACTION_TAIL.search(part):
            part = _ACTION_TAIL.sub("", part)
        m = re.search(r"[\u4e00-\u9fff]+$", part)
        if not m or not _PROGRAMME_END.search(m.group()):
            carry = m.group() if m and len(m.group()) <= 8 else ""  # 劳模和工匠人才创新工作室
            continue
        name = _PROGRAMME_LEAD.sub("", m.group())
        if len(name) >= 4 and name not in found:
            found.append(name)
    found = [p for p in found if not any(p != q and p in q for q in found)]
    if found:
        return found
    return [p for p in _PROGRAMMES if p in title][:1] or ["技能大师工作室"]


def _doc_number(layout: Layout, text: str) -> str:
    """The notice's own 文号: in the head (above the title, on or just below the title
    line), else in the signature block or the last lines of the text."""
    lines = text.splitlines()
    title_at = max(layout.title_line - 1, 0)
    head = [s for _, s in layout.header] + lines[title_at : title_at + 6]
    tail = [s for _, s in layout.signature]
    if layout.signature:  # the 文号 is often printed just below the date
        last = max(n for n, _ in layout.signature)
        tail += lines[last : last + 3]
    tail += lines[-12:]
    return doc_number_near(head) or doc_number_near(tail)
