"""Notice parser: plain text of a notice → :class:`knowledge.models.Notice`.

Works for any notice of this genre (a call for 技能大师工作室 applications); nothing in
it names one of the built-in notices. Pipeline::

    text → structure.parse_layout → meta.parse_meta
         → deadlines / contacts / provisions / conditions / materials → Facts
         → forms.parse_form per attachment
"""

from __future__ import annotations

import hashlib
from pathlib import PurePath

from knowledge.models import Clause, Facts, Notice
from knowledge.normalize import normalize_notice
from knowledge.parse.conditions import extract_conditions
from knowledge.parse.contacts import area_codes_in, extract_contacts
from knowledge.parse.deadlines import apply_amendments, extract_deadlines, office_addressees
from knowledge.parse.forms import parse_form
from knowledge.parse.genre import judge_genre
from knowledge.parse.materials import extract_materials, extract_submission
from knowledge.parse.meta import parse_meta
from knowledge.parse.provisions import (
    extract_naming,
    extract_procedure,
    extract_publicity,
    extract_quotas,
    extract_subsidies,
    extract_validity,
)
from knowledge.parse.structure import Layout, parse_layout


class NoticeParseError(ValueError):
    """A document could not be parsed as a notice.

    Attributes:
        source: File name.
        line: 1-based line the problem was found at (0 when not line-specific).
        reason: Human-readable reason (Chinese).
    """

    def __init__(self, source: str, line: int, reason: str) -> None:
        self.source, self.line, self.reason = source, line, reason
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: {reason}")


def _table_clauses(layout: Layout) -> list[Clause]:
    """Each attachment as one clause of its raw lines, for the tables facts are read from
    (a 名额分配表 of per-place quotas); cited as ``附件N``."""
    return [
        Clause(
            ref=f"附件{a.number}",
            heading=a.title[:40],
            level=0,
            line=a.line,
            text="\n".join(line for _, line in a.lines),
        )
        for a in layout.attachments
    ]


def parse_notice(text: str, source: str) -> Notice:
    """Parse one notice.

    Args:
        text: The notice as plain text.
        source: File name (path allowed; only the name is kept). The notice id is the
            name without extension.

    Returns:
        The parsed notice with clauses, attachments and facts.

    Raises:
        NoticeParseError: the text is empty or binary, or it is not a call for
            applications of this genre (:func:`knowledge.parse.genre.judge_genre`).
    """
    name = PurePath(source).name
    if not text.strip():
        raise NoticeParseError(name, 0, "文件为空")
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise NoticeParseError(name, line, "文件包含二进制内容，不是文本")
    normalized = normalize_notice(text)
    layout = parse_layout(normalized.text)
    verdict = judge_genre(layout.title, "\n".join(c.text for c in layout.clauses))
    if not verdict.is_call:
        raise NoticeParseError(name, layout.title_line or 1, verdict.reason)
    meta = parse_meta(layout, normalized.text, area_codes_in(normalized.text), PurePath(name).stem)
    clauses = layout.clauses
    area = meta.place.area_code
    materials = extract_materials(clauses, meta.programmes)
    facts = Facts(
        deadlines=apply_amendments(
            extract_deadlines(
                clauses, meta.year, meta.issue_date, office_addressees(clauses), meta.programmes
            ),
            clauses,
            normalized.text,
            meta.year,
            meta.issue_date,
        ),
        contacts=extract_contacts(clauses, area, meta.programmes),
        subsidies=extract_subsidies(clauses, meta.programmes),
        conditions=extract_conditions(clauses, meta.programmes),
        materials=materials,
        submission=extract_submission(clauses, materials),
        quotas=extract_quotas(clauses + _table_clauses(layout), meta.programmes),
        validity=extract_validity(clauses, meta.programmes),
        procedure=extract_procedure(clauses, {m.clause for m in materials}),
        publicity=extract_publicity(clauses),
        naming=extract_naming(clauses),
    )
    rows = [q.place for q in facts.quotas if q.place and q.place != meta.place.name]
    meta = meta.model_copy(update={"table_places": list(dict.fromkeys(rows))})
    return Notice(
        id=PurePath(name).stem,
        source=name,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        meta=meta,
        clauses=clauses,
        attachments=[parse_form(a) for a in layout.attachments],
        facts=facts,
        text=text,
        original=normalized.original,
    )
