"""Layout of a notice: header, title, numbered clause tree, signature, attachments.

Chinese official documents number their sections in a fixed hierarchy
(GB/T 9704): ``一、`` > ``（一）`` > ``1.`` > ``（1）``. A level may be skipped
(``一、`` directly followed by ``1.``). A clause's reference is the path of numbering
labels, normalised to full-width parentheses: ``"四、（一）2."``.

Text extracted from published notices breaks lines inside sentences
(``由高技`` / ``能人才``); lines are re-joined unless the previous one ends a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.models import Clause
from knowledge.parse.head import find_title, strip_chrome
from knowledge.parse.numbering import split_inline_headings
from knowledge.text import squeeze

_CN = "一二三四五六七八九十"
# Rank of each numbering style, outermost first (GB/T 9704, and 第X章/第X条 of the
# 办法/细则 a notice may carry); a clause's ``level`` is its depth in the tree.
_HEADINGS: list[tuple[int, re.Pattern[str]]] = [
    (1, re.compile(rf"^第([{_CN}]{{1,3}})章\s*(.*)$")),
    (2, re.compile(rf"^([{_CN}]{{1,3}})\s*[、．.]\s*(.*)$")),
    (3, re.compile(rf"^第([{_CN}百零]{{1,4}})条\s*(.*)$")),
    (4, re.compile(rf"^[（(]\s*([{_CN}]{{1,3}})\s*[）)]\s*(.*)$")),
    (5, re.compile(r"^(\d{1,2})\s*[.．、](?!\d)\s*(.*)$")),
    (6, re.compile(r"^[（(]\s*(\d{1,2})\s*[）)]\s*(.*)$")),
]
_LABEL_FORMAT = {1: "第{}章", 2: "{}、", 3: "第{}条", 4: "（{}）", 5: "{}.", 6: "（{}）"}
_DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,10}\s*[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*\d+\s*号"
)
_DATE_LINE = re.compile(
    r"^\s*(?:二[〇O○零]\s*)?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:印发)?\s*$"
)
_ORG_LINE = re.compile(
    r"^[\u4e00-\u9fff（）()\s]{4,60}(局|办公室|委员会|厅|部|政府|中心|领导小组)$"
)
_ATTACH_HEADER = re.compile(r"^附\s*件\s*(\d*)\s*[:：]?\s*$")
_ATTACH_LIST = re.compile(r"^附\s*件\s*[:：]\s*(.+)$")
_LIST_ITEM = re.compile(r"^(\d{1,2})\s*[.．、]\s*(.+)$")
_FORM_TITLE = re.compile(r"(表|报告|方案|书|清单|目录|名单|花名册|提纲)[)）》]?\s*$")
_NOISE = re.compile(r"^(（此件主动公开）|公开方式[:：].*|抄送[:：].*)$")
_SENTENCE_DONE = re.compile(r"[。；;：:！？!?）)”]$")


@dataclass
class RawAttachment:
    """An attachment's location before its fields are parsed."""

    number: str
    title: str
    line: int
    lines: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class Layout:
    """The parsed layout of one notice (1-based line numbers)."""

    header: list[tuple[int, str]]
    title: str
    title_line: int
    clauses: list[Clause]
    signature: list[tuple[int, str]]
    listed_attachments: list[str]
    attachments: list[RawAttachment]


def heading_of(line: str) -> tuple[int, str, str] | None:
    """Classify a line as a numbered heading.

    Returns:
        ``(rank, label, rest)`` such as ``(4, "（一）", "技能大师的条件：...")``, or
        ``None`` when the line is not numbered. Ranks order the styles (章 1, 一、 2,
        条 3, （一） 4, 1. 5, （1） 6).
    """
    for level, rx in _HEADINGS:
        m = rx.match(line)
        if m:
            return level, _LABEL_FORMAT[level].format(m.group(1)), m.group(2)
    return None


def _heading_text(rest: str) -> str:
    head = re.split(r"[：:。；;]", rest, maxsplit=1)[0]
    short = re.match(r"^(\S{2,14}) ", head)  # ``申报范围 本市…``: the heading ends at the space
    return (short.group(1) if short else head)[:40]


def parse_layout(text: str) -> Layout:
    """Split a notice's text into header, title, clauses, signature and attachments.

    Args:
        text: The notice as plain text (lines as extracted, normalised).

    Returns:
        The layout. The title is found by evidence (:func:`knowledge.parse.head.find_title`);
        when nothing looks like a title the first line is used. Headings running inline
        in long paragraphs are split out first; a text with no numbering at all gets one
        clause per paragraph (``第1段``, ``第2段`` …).
    """
    lines = [(i + 1, squeeze(raw)) for i, raw in enumerate(text.splitlines())]
    lines = [(n, strip_chrome(s) if len(s) < 200 else s) for n, s in lines if s]
    lines = [(n, s) for n, s in lines if s]
    span = find_title([s for _, s in lines])
    if span is not None:
        title, title_line, pos = span.title, lines[span.start][0], span.end
        header = lines[: span.start]
    elif lines:
        title, title_line, pos, header = lines[0][1], lines[0][0], 1, []
    else:
        title, title_line, pos, header = "", 0, 0, []
    body, attachments, listed = _split_attachments(lines[pos:])
    raw_lines = text.splitlines()
    for att in attachments:
        att.lines = [(n, raw_lines[n - 1]) for n, _ in att.lines]
    clauses, signature = _build_clauses(split_inline_headings(body))
    for att in attachments:
        clauses += _prose_clauses(att)
    return Layout(header, title, title_line, clauses, signature, listed, attachments)


def _prose_clauses(att: RawAttachment) -> list[Clause]:
    """Clauses of an attachment that is prose, not a form: the 实施方案 or 申报指南 a
    ``关于印发《…》的通知`` carries holds the conditions, materials and dates. Refs are
    prefixed with the attachment (``附件1二、（一）``)."""
    lines = [(n, squeeze(s)) for n, s in att.lines if s.strip()]
    text_len = sum(len(s) for _, s in lines)
    tabbed = sum("\t" in s or "  " in s.strip() for _, s in att.lines if s.strip())
    if (
        text_len < 300
        or tabbed > 0.3 * max(len(lines), 1)
        or not any(heading_of(s) for _, s in lines)
    ):
        return []
    prefix = f"附件{att.number}"
    clauses, _ = _build_clauses(split_inline_headings(lines))
    for c in clauses:
        c.ref = prefix + c.ref
        c.parent = prefix + c.parent if c.parent else prefix
    return clauses


def _split_attachments(
    lines: list[tuple[int, str]],
) -> tuple[list[tuple[int, str]], list[RawAttachment], list[str]]:
    """Separate the attachment list and the attachments from the body lines."""
    body: list[tuple[int, str]] = []
    listed: list[str] = []
    attachments: list[RawAttachment] = []
    i = 0
    while i < len(lines):
        n, s = lines[i]
        m_list = _ATTACH_LIST.match(s)
        if m_list and not attachments:
            first = m_list.group(1).strip()
            item = _LIST_ITEM.match(first)
            listed.append(_clean_title(item.group(2) if item else first))
            while i + 1 < len(lines):
                nxt = _LIST_ITEM.match(lines[i + 1][1])
                if not (nxt and _FORM_TITLE.search(nxt.group(2))):
                    break
                listed.append(_clean_title(nxt.group(2)))
                i += 1
            i += 1
            continue
        header = _ATTACH_HEADER.match(s) or re.match(r"^附\s*件\s*(\d+)\s*$", s)
        is_listed = bool(listed) and _clean_title(s) in listed
        if header or is_listed:
            number = (
                header.group(1)
                if header
                else (str(listed.index(_clean_title(s)) + 1) if len(listed) > 1 else "")
            )
            j, title_parts = i + 1, []
            if is_listed:
                title_parts, j = [s], i + 1
            while (
                j < len(lines)
                and not title_parts
                or (
                    title_parts
                    and not _FORM_TITLE.search(title_parts[-1])
                    and j < len(lines)
                    and len(title_parts) < 3
                    and not _ATTACH_HEADER.match(lines[j][1])
                    and not re.search(
                        r"[：:]|\S\s+\S+\s+\S", lines[j][1]
                    )  # a form row, not the title's tail
                )
            ):
                title_parts.append(lines[j][1])
                j += 1
            att = RawAttachment(number, _clean_title("".join(title_parts)), n)
            attachments.append(att)
            i = max(j, i + 1)
            continue
        if attachments:
            attachments[-1].lines.append((n, s))
        else:
            body.append((n, s))
        i += 1
    return body, attachments, listed


def _clean_title(s: str) -> str:
    s = re.sub(r"\s+", "", s)
    s = re.sub(r"^\d{1,2}[.．、]", "", s)
    return s.strip("《》").replace("》", "").replace("《", "")


def _build_clauses(body: list[tuple[int, str]]) -> tuple[list[Clause], list[tuple[int, str]]]:
    """Build the clause list from body lines; signature/date lines are set apart."""
    clauses: list[Clause] = []
    signature: list[tuple[int, str]] = []
    stack: list[tuple[int, str]] = []  # (level, label)
    current: Clause | None = None
    seen: dict[str, int] = {}
    bare_heading = False
    numbered = any(heading_of(s) and heading_of(s)[0] <= 4 for _, s in body)  # type: ignore[index]
    paragraph = 0
    for idx, (n, s) in enumerate(body):
        if _NOISE.match(s):
            continue
        if _DATE_LINE.match(s) or (_ORG_LINE.match(s) and _near_date(body, idx)):
            signature.append((n, s))
            continue
        h = heading_of(s)
        if h:
            level, label, rest = h
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, label))
            ref = "".join(lbl for _, lbl in stack)
            if ref in seen:
                seen[ref] += 1
                ref = f"{ref}#{seen[ref]}"
            else:
                seen[ref] = 1
            parent = "".join(lbl for _, lbl in stack[:-1])
            current = Clause(
                ref=ref,
                heading=_heading_text(rest),
                text=rest,
                line=n,
                level=len(stack),
                parent=parent,
            )
            clauses.append(current)
            bare_heading = len(rest) <= 30 and not re.search(r"[，,。；;：:]", rest)
            continue
        if current is None or (not numbered and _SENTENCE_DONE.search(current.text)):
            paragraph += 1
            ref = "正文" if numbered else f"第{paragraph}段"
            current = Clause(ref=ref, heading=s[:40], text=s, line=n, level=0)
            clauses.append(current)
            continue
        row = "\t" in s or "\t" in current.text.rsplit("\n", 1)[-1]  # table rows stay lines
        gap = idx > 0 and n - body[idx - 1][0] > 1  # a blank line between: a new paragraph
        done = not current.text or bare_heading or row or gap or _SENTENCE_DONE.search(current.text)
        glue = "\n" if done else ""
        bare_heading = False
        current.text = (current.text + glue + s) if current.text else s
    return clauses, signature


def _near_date(body: list[tuple[int, str]], idx: int) -> bool:
    """True when an organisation line is part of a signature block (a date follows)."""
    for _, s in body[idx + 1 : idx + 4]:
        if _DATE_LINE.match(s):
            return True
        if not _ORG_LINE.match(s):
            return False
    return False


def programme_of(clause: Clause, clauses: list[Clause], programmes: list[str]) -> str:
    """The programme whose section a clause sits in, for notices with several
    (无锡: ``二、无锡市企业首席技师的评审`` → ``"企业首席技师"``); ``""`` otherwise."""
    if len(programmes) < 2:
        return ""
    for c in clauses:
        if clause.ref.startswith(c.ref):
            for p in programmes:
                if p in c.heading or p in c.text[:40]:
                    return p
    return ""


def programme_at(
    text: str, pos: int, clause: Clause, clauses: list[Clause], programmes: list[str]
) -> str:
    """The programme a fact at ``text[pos]`` belongs to: the programme named last before it
    in the same sentence (``技能大师工作室给予10万元，首席技师工作室给予5万元``), else the
    programme of the clause's section (:func:`programme_of`); ``""`` for one programme."""
    if len(programmes) < 2:
        return ""
    start = max(text.rfind(ch, 0, pos) for ch in "。；;") + 1
    end = min([i for i in (text.find(ch, pos) for ch in "。；;") if i >= 0] or [len(text)])
    best, at = "", -1
    spans: list[tuple[int, int]] = []
    for p in programmes:
        i = text.rfind(p, start, pos)
        short = p.removesuffix("工作室")
        j = text.rfind(short, start, pos) if len(short) >= 2 else -1
        k = max(i, j)
        if k >= 0:
            spans.append((k, k + (len(p) if k == i else len(short))))
        if k > at:
            best, at = p, k
    spans.sort()
    if any(b[0] - a[1] <= 2 for a, b in zip(spans, spans[1:], strict=False)):
        return ""  # 技能大师工作室、企业首席技师候选人应在…前: named together, for both
    if not best and re.search(
        r"(两类|各类|三类|上述|以上)(工作室|项目)|均为|均可|均按", text[start:end]
    ):
        return ""  # 两类工作室认定有效期均为3年: for every programme
    return best or programme_of(clause, clauses, programmes)


ASSESSMENT = re.compile(
    r"(评估考核|年度考核|考核管理|考核对象|考核内容|考核结果|评估工作|评估结果)"
)


def in_assessment(clause: Clause, clauses: list[Clause]) -> bool:
    """True when ``clause`` sits in a section about assessing studios already
    recognised (``三、评估考核``) rather than about new applications."""
    by_ref = {c.ref: c for c in clauses}
    ref = clause.ref
    while ref:
        c = by_ref.get(ref)
        if c is None:
            break
        if ASSESSMENT.search(c.heading) and "申报" not in c.heading:
            return True
        ref = c.parent
    return False


def doc_number_in(lines: list[tuple[int, str]]) -> str:
    """Find the 文号 (``太人社职〔2024〕7号``) in header lines; empty when absent."""
    for _, s in lines:
        m = _DOC_NUMBER.search(s)
        if m:
            return re.sub(r"\s+", "", m.group())
    return ""
