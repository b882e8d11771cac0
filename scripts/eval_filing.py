"""Score filing generated from notices against answer keys written blind.

Usage::

    python scripts/eval_filing.py DIR [--today 2026-12-01] [-v]

``DIR`` holds notices and ``<file>.expected.json`` keys (conditions, profiles with the
expected verdict per condition, forms with their field labels, checklist items,
closed). Prints per notice and in total: conditions found, verdicts per condition on
each profile (and flipped ✅↔❌ ones), overall verdicts, form labels found, checklist
items found in the checklist the applicant gets (name, copies, stamp, format words),
and whether a closed round is recognised.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

from bot.filing_outputs import checklist_items, checklist_message
from flows.spec import FieldSpec, GroupSpec
from flows.specs import specs_for_notice
from knowledge.eligibility import round_closed
from knowledge.eligibility.rules import Status, assess, overall
from knowledge.models import ConditionKind
from knowledge.parse import parse_notice
from knowledge.profile import read_profile
from knowledge.readers import read_document
from knowledge.text import normalize_question

KINDS = {
    "age_max": {ConditionKind.AGE_MAX},
    "retirement_margin": {ConditionKind.RETIREMENT_MARGIN, ConditionKind.WORKING_AGE},
    "retire_years": {
        ConditionKind.RETIREMENT_MARGIN,
        ConditionKind.WORKING_AGE,
    },  # the same, as set 3 names it
    "area": {ConditionKind.AREA_MIN},
    "level": {ConditionKind.QUALIFICATION},
    "honour": {ConditionKind.HONOURS},
    "team_min": {ConditionKind.TEAM_MIN},
    "unit_years": {ConditionKind.UNIT_YEARS},
    "unit_type": {ConditionKind.UNIT_TYPE},
}
ICON = {Status.MET: "✅", Status.NOT_MET: "❌", Status.UNSURE: "❔"}
OVERALL = {Status.MET: "符合", Status.NOT_MET: "不符合", Status.UNSURE: "待确认"}


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


TYPES = {
    "name": {"name"},
    "id_number": {"id_number"},
    "phone": {"phone", "landline"},
    "mobile": {"mobile", "phone"},
    "email": {"email"},
    "date": {"date", "year_month"},
    "year_month": {"year_month"},
    "choice": {"choice", "sex", "skill_level", "yes_no", "political_status", "education"},
    "multi_choice": {"multi_choice"},
    "number": {"integer", "area_m2", "amount_yuan", "percent", "year"},
    "text": {"text", "political_status", "ethnicity", "education", "sex", "skill_level"},
}


def _type_ok(want: dict, item: FieldSpec | GroupSpec) -> bool:  # type: ignore[type-arg]
    """The generated field has the key's type (and its printed options / columns)."""
    kind = want["type"]
    if kind == "repeated_group":
        cols = {_norm(f.label) for f in item.fields} if isinstance(item, GroupSpec) else set()
        return (
            isinstance(item, GroupSpec)
            and {_norm(x) for x in want.get("columns", []) if x != "序号"} <= cols
        )
    if not isinstance(item, FieldSpec):
        return False
    if kind == "long_text":
        return item.validator == "text" and (item.max_len or 0) >= 500
    if item.validator not in TYPES.get(kind, {kind}):
        return False
    return (
        set(want.get("options") or []) <= set(item.options)
        if kind in ("choice", "multi_choice")
        else True
    )


def _programme(notice_programmes: list[str], name: str | None) -> str:
    """The product's name for the key's programme (``烟台市技能大师工作室`` → ``技能大师工作室``)."""
    if not name:
        return ""
    return next((p for p in notice_programmes if name.endswith(p) or p.endswith(name)), name)


def score(path: Path, key: dict, today: dt.date, verbose: bool) -> Counter[str]:
    notice = parse_notice(read_document(path), path.name)
    c: Counter[str] = Counter()
    for cond in key.get("conditions", []):
        kinds = KINDS.get(cond["kind"])
        if kinds is None:
            continue
        c["cond_total"] += 1
        prog = _programme(notice.meta.programmes, cond.get("programme"))
        hit = any(
            x.kind in kinds and (not prog or not x.programme or x.programme == prog)
            for x in notice.facts.conditions
        )
        c["cond_found"] += hit
        if verbose and not hit:
            print(f"  missing condition {cond['kind']}: {cond['quote']}")
    for prof in key.get("profiles", []):
        prog = _programme(notice.meta.programmes, prof.get("programme"))
        p = read_profile(normalize_question(prof["facts"]), today)
        findings = assess(notice, p, today, prog)
        by_kind: dict[str, set[str]] = {}
        for f in findings:
            for name, kinds in KINDS.items():
                if f.condition.kind in kinds:
                    by_kind.setdefault(name, set()).add(ICON[f.status])
        for name, want in prof["expected"].items():
            if name not in KINDS:
                continue
            c["verdict_total"] += 1
            got = by_kind.get(name, set())
            ok = got == {want}
            c["verdict_right"] += ok
            flipped = {want, *got} >= {"✅", "❌"}
            c["verdict_flipped"] += flipped
            if verbose and not ok:
                print(
                    f"  {name}: want {want} got {''.join(sorted(got)) or '—'}  ← {prof['facts'][:50]}"
                )
        c["overall_total"] += 1
        o = overall(findings)
        c["overall_right"] += (OVERALL[o] if o else "") == prof["overall"]
    specs = specs_for_notice(notice)
    for form in key.get("forms", []):
        labels = {_norm(f.label) for a in notice.attachments for f in a.fields}
        spec = next((s for s in specs if _norm(s.title) == _norm(form["title"])), None)
        items = {_norm(i.label): i for i in spec.items} if spec else {}
        c["form_total"] += 1
        c["form_found"] += spec is not None
        if verbose and spec is None:
            print(f"  no form for {form['attachment']} {form['title']}")
        for field in form.get("fields", []):
            c["field_total"] += 1
            hit = _norm(
                field["label"]
            ) in labels or (  # a table is found by its columns, not its title
                field["type"] == "repeated_group"
                and any(f.repeated for a in notice.attachments for f in a.fields)
            )
            c["field_found"] += hit
            if verbose and not hit:
                print(f"  missing field {form['attachment']} {field['label']}")
            item = items.get(_norm(field["label"]))
            if field["type"] == "repeated_group" and spec is not None:  # the key names the table
                item = next((i for i in spec.items if isinstance(i, GroupSpec)), None)
            c["type_total"] += 1
            ok = item is not None and _type_ok(field, item)
            c["type_right"] += ok
            if verbose and not ok:
                got = getattr(item, "validator", type(item).__name__) if item is not None else "—"
                print(f"  field type {field['label']}: want {field['type']} got {got}")
    message = _norm(checklist_message(notice, checklist_items(notice, {}, {}, {}, {}), today))
    for item in key.get("checklist", []):
        c["check_total"] += 1
        words = [
            w
            for w in re.split(r"[《》（）()、，,：:；;\s]", item["item"])
            if len(w) >= 2 and not re.fullmatch(r"附件\d+", w)
        ]
        parts = [_norm(w) for w in words[:2]]
        if item.get("copies"):
            n = item["copies"]
            parts.append(
                f"{n}份" if f"{n}份" in message else f"{'一两三四五'[n - 1] if n <= 5 else n}份"
            )
        if item.get("stamp"):
            parts.append("章")
        parts += [
            w
            for w in ("A4", "双面", "胶装", "PDF", "U盘", "光盘", "邮箱", "公示")
            if w in (item.get("format") or "")
        ]
        hit = all(p in message for p in parts)
        c["check_found"] += hit
        if verbose and not hit:
            print(f"  checklist misses {[p for p in parts if p not in message]} of: {item['item']}")
    c["closed_total"] += 1
    c["closed_right"] += (round_closed(notice, today) is not None) == bool(
        key.get("closed")
    )  # the filing guard
    return c


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=Path)
    ap.add_argument("--today", default="2026-12-01")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    today = dt.date.fromisoformat(args.today)
    total: Counter[str] = Counter()
    for key_path in sorted(args.dir.glob("*.expected.json")):
        path = key_path.with_name(key_path.name.removesuffix(".expected.json"))
        if args.verbose:
            print(f"== {path.name}")
        c = score(path, json.loads(key_path.read_text(encoding="utf-8")), today, args.verbose)
        total.update(c)
    for name in ("cond", "verdict", "overall", "form", "field", "type", "check", "closed"):
        t = total[f"{name}_total"]
        got = total[f"{name}_found"] + total[f"{name}_right"]
        print(f"{name:<8} {got}/{t}  {100 * got / t if t else 0:.1f}%")
    print(f"flipped verdicts: {total['verdict_flipped']}")


if __name__ == "__main__":
    main()
