"""Score the parser on a corpus of notices with hand-written expected facts.

Each notice file ``X`` in a corpus folder has ``X.expected.json`` next to it, written by
someone who never read the parser (format: ``tests/data/corpus/README.md``). A notice is
checked field by field: accepted or rejected as a call; title, 文号 and place; and the key
facts (the applicant's deadline, contact phones, subsidy amounts, the age and team
thresholds).

Run ``python -m knowledge.notice_check DIR... [-v]`` to print per-field accuracy.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from knowledge.models import ConditionKind, Notice
from knowledge.parse import NoticeParseError, parse_notice
from knowledge.readers import DocumentReadError, read_document
from knowledge.text import fold, to_simplified

META_FIELDS = ("accepted", "title", "doc_number", "place")
FACT_FIELDS = ("applicant_deadline", "phones", "subsidies", "age_max", "team_min")
PROGRAMME_FIELDS = ("per_programme",)


@dataclass
class NoticeScore:
    """Field → correct, for one corpus notice, with what was found when wrong."""

    file: str
    fields: dict[str, bool] = field(default_factory=dict)
    found: dict[str, Any] = field(default_factory=dict)
    error: str = ""


def _bare(text: str) -> str:
    text = fold(to_simplified(text or ""))
    return re.sub(r"[《》“”\"'「」『』〈〉]", "", text)


def _same_title(found: str, expected: str) -> bool:
    a, b = _bare(found), _bare(expected)
    if a == b:
        return True
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    if shorter and longer.endswith(shorter) and shorter.startswith("关于"):
        return bool(re.search(r"(局|厅|部|会|委|室|府|院)$", longer[: len(longer) - len(shorter)]))
    return False


def _doc_key(text: str) -> str:
    text = re.sub(r"[〔\[［(（【]", "〔", _bare(text))
    return re.sub(r"[〕\]］)）】]", "〕", text).replace("第", "")


def _digits(phone: str) -> str:
    return re.sub(r"\D", "", phone)


def _has_phone(found: set[str], want: str) -> bool:
    """A phone keyed without its area code (``87535216``) is found when the parser added
    the notice's code (``0591-87535216``), as the corpus format asks."""
    return want in found or (
        len(want) in (7, 8)
        and any(
            f.endswith(want) and len(f) - len(want) in (3, 4) and f.startswith("0") for f in found
        )
    )


def place_of(notice: Notice) -> dict[str, str]:
    """The notice's place as the corpus writes it: level, province, city, county."""
    p = notice.meta.place
    city = p.city if p.level in ("city", "county") and p.city != p.province else ""
    return {
        "level": p.level,
        "province": p.province,
        "city": city,
        "county": p.name.rsplit(p.city, 1)[-1]
        if p.level == "county" and p.city
        else (p.name.rsplit(p.province, 1)[-1] if p.level == "county" else ""),
    }


def _same_place(notice: Notice, expected: dict[str, Any]) -> bool:
    got = place_of(notice)
    if expected.get("level") == "national":
        return got["level"] == "national"
    for key in ("province", "city", "county"):
        want = expected.get(key) or ""
        if want and _bare(got[key]) != _bare(want):
            return False
        if not want and got[key] and key != "province":
            return False
    return True


def applicant_deadline(notice: Notice) -> str | None:
    """ISO date of the notice's first fixed applicant deadline of an open round,
    ``None`` when none."""
    for d in notice.facts.deadlines:
        if d.applicant and d.date is not None and not d.closed:
            return d.date.isoformat()
    return None


def score_notice(path: Path, expected: dict[str, Any]) -> NoticeScore:
    """Parse one corpus file and compare it with its expected facts."""
    result = NoticeScore(path.name)
    try:
        notice = parse_notice(read_document(path), path.name)
    except (DocumentReadError, NoticeParseError) as exc:
        result.error = str(exc)
        result.fields["accepted"] = not expected.get("is_call", True)
        return result
    result.fields["accepted"] = bool(expected.get("is_call", True))
    if not expected.get("is_call", True):
        return result
    meta, facts = notice.meta, notice.facts
    result.found = {"title": meta.title, "doc_number": meta.doc_number, "place": place_of(notice)}
    result.fields["title"] = _same_title(meta.title, expected.get("title", ""))
    result.fields["doc_number"] = _doc_key(meta.doc_number) == _doc_key(
        expected.get("doc_number") or ""
    )
    result.fields["place"] = _same_place(notice, expected.get("place") or {})
    deadline = applicant_deadline(notice)
    result.found["applicant_deadline"] = deadline
    result.fields["applicant_deadline"] = deadline == expected.get("applicant_deadline")
    phones = {_digits(p) for c in facts.contacts for p in c.phones}
    want_phones = {_digits(p) for p in expected.get("phones") or []}
    result.found["phones"] = sorted(phones)
    result.fields["phones"] = all(_has_phone(phones, p) for p in want_phones)
    amounts = {s.amount_yuan for s in facts.subsidies if s.amount_yuan}
    want_amounts = set(expected.get("subsidies_yuan") or [])
    result.found["subsidies"] = sorted(amounts)
    result.fields["subsidies"] = want_amounts <= amounts and (bool(want_amounts) or not amounts)
    for key, kind in (("age_max", ConditionKind.AGE_MAX), ("team_min", ConditionKind.TEAM_MIN)):
        values = sorted(
            {int(c.value) for c in facts.conditions if c.kind == kind and c.value is not None}
        )
        want = expected.get(key)
        per = [
            v.get(key)
            for v in (expected.get("per_programme") or {}).values()
            if isinstance(v, dict)
        ]
        wants = {w for w in [want, *per] if w is not None}
        result.found[key] = values
        result.fields[key] = wants <= set(values) if wants else not values
    if expected.get("per_programme"):
        result.fields["per_programme"], result.found["per_programme"] = _per_programme(
            notice, expected["per_programme"]
        )
    return result


def _programme_match(name: str, ours: list[str]) -> str | None:
    for p in ours:
        if name in p or p in name:
            return p
    return None


def _per_programme(notice: Notice, expected: dict[str, Any]) -> tuple[bool, dict[str, Any]]:
    """Subsidies, quota and validity of each programme of a notice with several."""
    facts = notice.facts
    found: dict[str, Any] = {}
    ok = True
    for name, want in expected.items():
        ours = _programme_match(name, notice.meta.programmes)
        if ours is None:
            found[name] = "programme not found"
            ok = False
            continue
        mine = (ours, "")  # a fact naming no programme applies to all of them
        amounts = {s.amount_yuan for s in facts.subsidies if s.programme in mine and s.amount_yuan}
        quotas = {q.count for q in facts.quotas if q.programme == ours and not q.place}
        years = {
            cn
            for v in facts.validity
            if v.programme in mine
            for cn in [int(re.sub(r"\D", "", v.value) or 0)]
        }
        found[name] = {
            "subsidies": sorted(amounts),
            "quota": sorted(q for q in quotas if q),
            "validity": sorted(years),
        }
        if not set(want.get("subsidies_yuan") or []) <= amounts:
            ok = False
        if want.get("quota") is not None and want["quota"] not in quotas:
            ok = False
        if want.get("validity_years") is not None and want["validity_years"] not in years:
            ok = False
    return ok, found


def corpus_files(folders: list[Path]) -> list[tuple[Path, dict[str, Any]]]:
    """Every notice with an expected-facts file in ``folders``, sorted by name."""
    out = []
    for folder in folders:
        for exp in sorted(folder.glob("*.expected.json")):
            notice = exp.with_name(exp.name.removesuffix(".expected.json"))
            if notice.exists():
                out.append((notice, json.loads(exp.read_text(encoding="utf-8"))))
    return out


def summarize(scores: list[NoticeScore]) -> dict[str, tuple[int, int]]:
    """Field → (correct, checked) over ``scores``."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for s in scores:
        for name, ok in s.fields.items():
            totals[name][0] += ok
            totals[name][1] += 1
    return {k: (v[0], v[1]) for k, v in totals.items()}


def main(argv: list[str] | None = None) -> int:
    """Print per-field accuracy of the corpus folders given on the command line."""
    ap = argparse.ArgumentParser(prog="python -m knowledge.notice_check")
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("-v", "--verbose", action="store_true", help="print every wrong field")
    args = ap.parse_args(argv)
    scores = [score_notice(p, e) for p, e in corpus_files(args.folders)]
    for s in scores:
        wrong = [k for k, ok in s.fields.items() if not ok]
        if args.verbose and wrong:
            print(f"✗ {s.file}: {', '.join(wrong)} {s.error}")
            for k in wrong:
                if k in s.found:
                    print(f"    {k}: {s.found[k]}")
    totals = summarize(scores)
    for name in (*META_FIELDS, *FACT_FIELDS, *PROGRAMME_FIELDS):
        if name in totals:
            ok, n = totals[name]
            print(f"{name:20s} {ok:3d}/{n:<3d} {100 * ok / n:5.1f}%")
    meta = [totals[k] for k in META_FIELDS[1:] if k in totals]
    facts = [totals[k] for k in FACT_FIELDS if k in totals]
    for label, group in (("metadata", meta), ("key facts", facts)):
        ok, n = sum(g[0] for g in group), sum(g[1] for g in group)
        if n:
            print(f"{label:20s} {ok:3d}/{n:<3d} {100 * ok / n:5.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
