"""Parser facts against hand-written expectations (tests/data/expected_facts.json).

Every notice is parsed with ``knowledge.parse.parse_notice(text, source)`` and each
fact family is compared in its own test, parametrized per notice, so a failure
names both the notice and the fact.  The expectations come from reading the
notices, not from any code; see the ``_README`` key of the JSON file for the
conventions (clause refs, phone normalisation, deadline status, ...).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXPECTED_PATH = ROOT / "tests" / "data" / "expected_facts.json"
EXPECTED: dict[str, dict[str, Any]] = {
    k: v
    for k, v in json.loads(EXPECTED_PATH.read_text(encoding="utf-8")).items()
    if not k.startswith("_")
}
STEMS = sorted(EXPECTED)


def _ascii_id(stem: str) -> str:
    """Readable ASCII test id: '000-taicang' (pytest escapes non-ASCII ids)."""
    short = EXPECTED[stem]["place_short"]
    try:
        from pypinyin import lazy_pinyin

        short = "".join(lazy_pinyin(short))
    except ImportError:  # pragma: no cover - pypinyin is a project dependency
        pass
    return f"{stem.split('_')[0]}-{short}"


IDS = [_ascii_id(stem) for stem in STEMS]

# Condition kinds with a numeric threshold: when a notice states none, the parser
# must not produce one (e.g. 韶关's "年度培养...不低于4人" is a duty, not team_min).
NUMERIC_KINDS = (
    "age_max",
    "team_min",
    "years_running",
    "retirement_margin",
    "qualified_members_min",
    "funding_share",
)

per_notice = pytest.mark.parametrize("stem", STEMS, ids=IDS)

# Notices whose materials are counted per programme (无锡: 工作室 and 首席技师); the others
# have one programme, so their materials carry none (``Material.programme == ""``).
MULTI = [s for s in STEMS if EXPECTED[s].get("material_count_by_programme")]
SINGLE = [s for s in STEMS if s not in MULTI]
multi_programme = pytest.mark.parametrize("stem", MULTI, ids=[_ascii_id(s) for s in MULTI])
single_programme = pytest.mark.parametrize("stem", SINGLE, ids=[_ascii_id(s) for s in SINGLE])


# ---------------------------------------------------------------- helpers


def squash(s: str | None) -> str:
    """Remove all whitespace (the sources contain '8 月 20 日', '唐 懿')."""
    return re.sub(r"\s+", "", s or "")


def nfkc(s: str | None) -> str:
    """Whitespace removed and NFKC-normalised (for phones, emails, '+' signs)."""
    return unicodedata.normalize("NFKC", squash(s))


def contains_either(a: str, b: str) -> bool:
    """True when one string contains the other (after whitespace removal)."""
    a, b = squash(a), squash(b)
    return bool(a) and bool(b) and (a in b or b in a)


def as_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def status_of(deadline: Any) -> str:
    return str(getattr(deadline.status, "value", deadline.status))


def kind_of(condition: Any) -> str:
    return str(getattr(condition.kind, "value", condition.kind))


@functools.cache
def parsed(stem: str):
    """Parse a notice once per test session."""
    from knowledge.parse import parse_notice

    path = ROOT / EXPECTED[stem]["source"]
    return parse_notice(path.read_text(encoding="utf-8"), path.name)


def exp(stem: str) -> dict[str, Any]:
    return EXPECTED[stem]


# ---------------------------------------------------------------- sanity of the data file


def test_expected_file_covers_all_builtin_notices():
    stems = {p.stem for p in (ROOT / "knowledge" / "notices").glob("*.txt")}
    assert stems <= set(EXPECTED), f"notices without expectations: {stems - set(EXPECTED)}"
    for stem, e in EXPECTED.items():
        assert (ROOT / e["source"]).is_file(), f"{stem}: missing source {e['source']}"


# ---------------------------------------------------------------- meta


@per_notice
def test_source_and_id(stem):
    n = parsed(stem)
    assert n.source == Path(exp(stem)["source"]).name
    assert n.id == stem


@per_notice
def test_doc_number(stem):
    assert squash(parsed(stem).meta.doc_number) == exp(stem)["doc_number"]


@per_notice
def test_issue_date(stem):
    assert parsed(stem).meta.issue_date == as_date(exp(stem)["issue_date"])


@per_notice
def test_year(stem):
    assert parsed(stem).meta.year == exp(stem)["year"]


@per_notice
def test_title(stem):
    got = parsed(stem).meta.title
    assert contains_either(got, exp(stem)["title"]), f"title {got!r}"


@per_notice
def test_issuers(stem):
    want = exp(stem)["issuers"]
    got = [squash(i) for i in parsed(stem).meta.issuers]
    for issuer in want:
        assert any(contains_either(issuer, g) for g in got), f"issuer {issuer} not in {got}"


@per_notice
def test_place_name_and_city(stem):
    place = parsed(stem).meta.place
    assert squash(place.name) == exp(stem)["place_name"]
    assert squash(place.city) == exp(stem)["place_city"]


@per_notice
def test_place_short_and_area_code(stem):
    place = parsed(stem).meta.place
    assert place.short == exp(stem)["place_short"]
    assert place.area_code == exp(stem)["area_code"]


@per_notice
def test_programmes(stem):
    got = parsed(stem).meta.programmes
    for programme in exp(stem)["programmes"]:
        assert any(contains_either(programme, g) for g in got), f"{programme} not in {got}"


# ---------------------------------------------------------------- deadlines


@per_notice
def test_applicant_deadlines(stem):
    want = {(as_date(d["date"]), d["status"]) for d in exp(stem)["applicant_deadlines"]}
    got = {(d.date, status_of(d)) for d in parsed(stem).facts.deadlines if d.applicant}
    assert got == want


@per_notice
def test_applicant_deadline_clause(stem):
    deadlines = [d for d in parsed(stem).facts.deadlines if d.applicant]
    for d in exp(stem)["applicant_deadlines"]:
        matching = [
            p for p in deadlines if p.date == as_date(d["date"]) and status_of(p) == d["status"]
        ]
        assert matching, f"no applicant deadline {d['date']} {d['status']}"
        assert any(p.clause in d["clause"] for p in matching), (
            f"clause {[p.clause for p in matching]} not in {d['clause']}"
        )


@per_notice
def test_applicant_deadline_time(stem):
    deadlines = [d for d in parsed(stem).facts.deadlines if d.applicant]
    for d in exp(stem)["applicant_deadlines"]:
        if d.get("time"):
            assert any(
                p.date == as_date(d["date"]) and squash(p.time) == d["time"] for p in deadlines
            ), f"no applicant deadline at {d['date']} {d['time']}"


@per_notice
def test_other_deadlines(stem):
    got = {d.date for d in parsed(stem).facts.deadlines if not d.applicant}
    want = {as_date(d["date"]) for d in exp(stem)["other_deadlines"]}
    assert want <= got, f"missing non-applicant deadlines {want - got}"


# ---------------------------------------------------------------- contacts


def _contact_values(stem: str, attr: str) -> set[str]:
    values: set[str] = set()
    for c in parsed(stem).facts.contacts:
        values.update(getattr(c, attr))
    return values


def _expected_contacts(stem: str, attr: str) -> set[str]:
    contacts = exp(stem)["contacts"] or {}
    return set(contacts.get(attr, []))


@per_notice
def test_contact_phones(stem):
    assert {nfkc(p) for p in _contact_values(stem, "phones")} == _expected_contacts(stem, "phones")


@per_notice
def test_contact_emails(stem):
    got = {nfkc(e).lower() for e in _contact_values(stem, "emails")}
    assert got == _expected_contacts(stem, "emails")


@per_notice
def test_contact_persons(stem):
    got = {squash(p) for p in _contact_values(stem, "persons")}
    assert got == _expected_contacts(stem, "persons")


# ---------------------------------------------------------------- subsidies


@per_notice
def test_subsidy_amounts(stem):
    got = {s.amount_yuan for s in parsed(stem).facts.subsidies if s.amount_yuan is not None}
    assert got == set(exp(stem)["subsidy_amounts"])


@per_notice
def test_unquantified_subsidy(stem):
    subsidies = parsed(stem).facts.subsidies
    if exp(stem)["has_unquantified_subsidy"]:
        assert any(s.amount_yuan is None for s in subsidies), "expected a subsidy without amount"
    else:
        assert subsidies, "expected at least one subsidy"


# ---------------------------------------------------------------- conditions


@per_notice
@pytest.mark.parametrize("kind", NUMERIC_KINDS)
def test_condition_threshold(stem, kind):
    want = {float(v) for v in exp(stem)["condition_values"].get(kind, [])}
    got = {
        float(c.value)
        for c in parsed(stem).facts.conditions
        if kind_of(c) == kind and c.value is not None
    }
    assert got == want, f"{kind}: got {sorted(got)}, want {sorted(want)}"


@per_notice
def test_condition_kinds_present(stem):
    got = {kind_of(c) for c in parsed(stem).facts.conditions}
    missing = set(exp(stem)["condition_kinds"]) - got
    assert not missing, f"missing condition kinds {missing}; got {got}"


# ---------------------------------------------------------------- materials and submission


def _find_material(stem: str, name: str):
    for m in parsed(stem).facts.materials:
        if contains_either(name, m.name):
            return m
    return None


@per_notice
def test_material_count(stem):
    """Items every applicant submits: materials without a 'condition'."""
    materials = [m for m in parsed(stem).facts.materials if not m.condition]
    assert len(materials) == exp(stem)["material_count"], [m.name for m in materials]


@per_notice
def test_conditional_materials(stem):
    materials = parsed(stem).facts.materials
    for item in exp(stem).get("conditional_materials", []):
        assert any(
            contains_either(item["name"], m.name)
            and contains_either(item["condition"], m.condition)
            for m in materials
        ), f"no conditional material {item}; got {[(m.name, m.condition) for m in materials]}"


@multi_programme
def test_material_count_by_programme(stem):
    by_programme = exp(stem)["material_count_by_programme"]
    materials = parsed(stem).facts.materials
    for programme, count in by_programme.items():
        got = [
            m.name for m in materials if contains_either(programme, m.programme) and not m.condition
        ]
        assert len(got) == count, f"{programme}: {got}"


@single_programme
def test_single_programme_materials_carry_no_programme(stem):
    """A notice with one programme tags no material with a programme (models.Material)."""
    tagged = [(m.name, m.programme) for m in parsed(stem).facts.materials if m.programme]
    assert not tagged, tagged


@per_notice
def test_material_names(stem):
    names = [m.name for m in parsed(stem).facts.materials]
    for item in exp(stem)["materials"]:
        assert _find_material(stem, item["name"]), f"no material like {item['name']!r} in {names}"


@per_notice
def test_material_copies(stem):
    parsed(stem)
    for item in exp(stem)["materials"]:
        if item.get("copies") is None:
            continue
        m = _find_material(stem, item["name"])
        assert m is not None, f"no material like {item['name']!r}"
        assert m.copies == item["copies"], f"{m.name}: copies {m.copies}"


@per_notice
def test_submission_copies(stem):
    want = exp(stem)["submission"]["copies"]
    got = {r.copies for r in parsed(stem).facts.submission if r.copies is not None}
    if want is None:
        assert not got, f"the notice states no copies for the bound set, got {got}"
    else:
        assert want in got, f"copies {got}, want {want}"


@per_notice
def test_submission_online(stem):
    want = exp(stem)["submission"]["online"]
    got = [r.online for r in parsed(stem).facts.submission if r.online]
    if want:
        assert want in got, got
    else:
        assert not got, got


# ---------------------------------------------------------------- quota, validity, publicity, naming


@per_notice
def test_quota_counts(stem):
    got = {q.count for q in parsed(stem).facts.quotas if q.count is not None}
    want = set(exp(stem)["quota_counts"])
    if want:
        assert want <= got, f"missing quota counts {want - got}; got {got}"
    else:
        assert not got, f"the notice states no quota, got {got}"


@per_notice
def test_validity(stem):
    want = exp(stem)["validity"]
    got = parsed(stem).facts.validity
    if want is None:
        assert not got, [v.text for v in got]
    else:
        assert any(squash(v.value) == want["value"] for v in got), [v.value for v in got]


@per_notice
def test_publicity(stem):
    want = exp(stem)["publicity"]
    got = parsed(stem).facts.publicity
    if want is None:
        assert not any(v.value for v in got), [v.text for v in got]
    elif want["value"]:
        assert any(squash(v.value) == want["value"] for v in got), [v.value for v in got]
    else:
        assert got, "expected a publicity fact (公示 without a duration)"
        assert not any(v.value for v in got), [v.value for v in got]


@per_notice
def test_naming(stem):
    want = exp(stem)["naming"]
    got = [nfkc(v.value) for v in parsed(stem).facts.naming]
    if want is None:
        assert not got, got
    else:
        assert nfkc(want["value"]) in got, got


# ---------------------------------------------------------------- attachments


@per_notice
def test_attachments(stem):
    atts = parsed(stem).attachments
    want = exp(stem)["attachments"]
    assert sorted(a.number for a in atts) == sorted(a["number"] for a in want), [
        (a.number, a.title) for a in atts
    ]
    titles = [a.title for a in atts]
    for a in want:
        assert any(contains_either(a["title"], t) for t in titles), f"{a['title']} not in {titles}"


# ---------------------------------------------------------------- clause references


def _expected_refs(e: dict[str, Any]) -> list[list[str]]:
    """Every clause-ref alternative list stated in the expectations of one notice."""
    refs: list[list[str]] = []
    for d in e["applicant_deadlines"] + e["other_deadlines"]:
        refs.append(d["clause"])
    if e["contacts"]:
        refs.append(e["contacts"]["clause"])
    for s in e["subsidies"]:
        refs.append(s["clause"])
    for key in ("validity", "publicity", "naming"):
        if e[key]:
            refs.append(e[key]["clause"])
    for q in e["quotas"]:
        refs.append(q["clause"])
    refs.append(e["submission"]["clause"])
    for ref in e["materials_clause"]:
        refs.append([ref])
    return refs


@per_notice
def test_expected_clause_refs_exist(stem):
    """The parser's clause refs follow the convention (full-width '（一）', '2.')."""
    have = {c.ref for c in parsed(stem).clauses} | {"正文"}
    for alternatives in _expected_refs(exp(stem)):
        assert any(r in have for r in alternatives), f"none of {alternatives} in {sorted(have)}"


@per_notice
def test_fact_clauses_resolve(stem):
    """Every fact cites a clause that exists, so answers can always quote it."""
    n = parsed(stem)
    have = {c.ref for c in n.clauses} | {"正文"}
    have |= {f"附件{a.number}" for a in n.attachments} | {"附件"}
    f = n.facts
    families = {
        "deadlines": f.deadlines,
        "contacts": f.contacts,
        "subsidies": f.subsidies,
        "conditions": f.conditions,
        "materials": f.materials,
        "submission": f.submission,
        "quotas": f.quotas,
        "validity": f.validity,
        "procedure": f.procedure,
        "publicity": f.publicity,
        "naming": f.naming,
    }
    dangling = [
        (family, item.clause)
        for family, items in families.items()
        for item in items
        if item.clause not in have
    ]
    assert not dangling, dangling


@per_notice
def test_clause_refs_use_full_width_parentheses(stem):
    bad = [c.ref for c in parsed(stem).clauses if re.search(r"[()]", c.ref)]
    assert not bad, bad
