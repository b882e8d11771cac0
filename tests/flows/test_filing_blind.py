"""Filing generated from notices the code never saw, scored against keys written blind.

``tests/data/filing_blind``: a .docx with Word tables, a two-programme .txt, a GBK .txt
with space-separated cells, an HTML page of a closed round.
``tests/data/filing_blind2`` (written after the generic forms and rules were built, scored
once before tuning): a .docx with labels above values and a vertical merge, a two-programme
.txt (技能大师 / 乡村工匠), a GB18030 .txt with inline conditions and a 建设规划 outline, an
HTML page with colspan/rowspan of a closed round. First score: conditions 72.4%, verdicts
66.2%, overall 66.7%, forms 8/8, fields 93.5%, field types 90.9%, checklist 91.7%, closed
4/4, flipped 0; after the generic fixes: 100% / 94.4% / 91.7% / 8/8 / 93.5% / 98.7% /
91.7% / 4/4 / 0.

``tests/data/filing_blind3`` (session 4): a .docx with horizontal and vertical merges, a
two-programme tab-separated .txt (技能大师 / 首席技师), a GBK inline-numbered .txt with a
建设方案 outline and cells set apart by spaces, an HTML page with colspan/rowspan of a
closed round. First score: conditions 58.1%, verdicts 49.6%, overall 55.6% (the scorer
did not map 烟台市技能大师工作室 to the notice's 技能大师工作室; once it did, before any
product change: 90.3% / 68.1% / 83.3%), forms 5/5, fields 96.4%, types 94.0%, checklist
62.5%, closed 4/4, flipped 2; after the generic fixes: 100% / 95.6% / 100% / 5/5 / 100% /
100% / 100% / 4/4 / 0.

``tests/data/filing_blind4`` (session 5): a .docx with merged cells, □是 □否 rows and a
member table, an HTML page with rowspan/colspan and a corrected deadline, a GB18030
inline-numbered tab-separated .txt, a closed-round PDF with its form laid out in
spaces; five profiles per notice. First score: conditions 84.6%, verdicts 73.1%, overall
75.0%, forms 7/7, fields 97.8%, types 95.7%, checklist 96.0%, closed 4/4, flipped 1;
after the generic fixes: 100% / 96.2% / 85.0% / 7/7 / 97.8% / 95.7% / 96.0% / 4/4 / 0.

``tests/data/filing_blind6`` (session 7): an HTML page with a rowspan/colspan form and a
relaxed age (一般不超过50周岁，特别优秀的可放宽至55周岁), a two-programme .docx with repeated
groups and a sign-only 承诺书, a GB18030 inline-numbered .txt with ``label：____`` lines, an
open honour list and retirement counted under the 2025 rules, a closed 红头 PDF with
sex-specific age limits and its form printed one cell a line. First score: conditions
90.0%, verdicts 82.3%, overall 85.2%, forms 4/5, fields 98.9%, types 90.8%, checklist 72.7%,
closed 4/4, flipped 2; after the generic fixes: 100% / 100% / 100% / 4/5 / 100% / 97.7% /
100% / 4/4 / 0.

``tests/data/filing_blind7`` (session 8): a site page whose age rule is only a birth-date
cut-off and whose checklist is a table, a 红头 .docx with level-or-honour alternatives,
checkbox options inside cells and age counted at a stated date, a UTF-8 BOM .txt with a
box-drawn form, an outline attachment and leader years in the unit, a closed 5-page PDF
with a separate member roster and a sign-only 承诺书. First score (this session's code
before any tuning on it): conditions 100%, verdicts 80.7%, overall 46.4%, forms 6/6,
fields 64.3%, types 61.9%, checklist 46.4%, closed 4/4, flipped 17; after the generic fixes: 100% / 91.9% / 82.1% / 6/6 / 92.9% /
90.5% / 96.4% / 4/4 / 2.

``tests/data/filing_blind5`` (session 6): a two-programme .docx (技能大师 / 乡村工匠) with
merged cells and a county-only 汇总表, a GBK inline-numbered .txt with tab tables and a
level relaxed for listed honours, an HTML page with rowspan/colspan, a corrected deadline,
vague conditions and an open honour list, a closed-round PDF whose form is drawn as
``label：____`` lines. First score: conditions 90.3%, verdicts 80.5%, overall 76.0%, forms
6/6, fields 85.0%, types 82.0%, checklist 92.9%, closed 4/4, flipped 0; after the generic
fixes: 100% / 99.4% / 88.0% / 6/6 / 100% / 100% / 100% / 4/4 / 0.

Set 1:

First score (before any tuning on it): conditions 53.6%, verdicts 43.1%, overall 58.3%,
form labels 91.6%, closed rounds 4/4, flipped 0; checklist items 4.3% once scored on the
checklist the applicant gets (name, copies, stamp, format words); forms generated 4/9
and field types 57.9% once those were scored. Floors sit a few points below the score
after the generic fixes (forms 8/9 — the one left is a bureau's 推荐汇总表 —, field
types 96.8%, checklist 95.7%).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("eval_filing", ROOT / "scripts" / "eval_filing.py")
assert _spec and _spec.loader
eval_filing = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(eval_filing)

FLOORS = {
    "filing_blind": {
        "cond": 0.95,
        "verdict": 0.93,
        "overall": 0.90,
        "form": 0.85,
        "field": 0.90,
        "type": 0.92,
        "check": 0.90,
        "closed": 1.0,
    },
    "filing_blind2": {
        "cond": 0.95,
        "verdict": 0.90,
        "overall": 0.83,
        "form": 0.95,
        "field": 0.90,
        "type": 0.94,
        "check": 0.88,
        "closed": 1.0,
    },
    "filing_blind3": {
        "cond": 0.95,
        "verdict": 0.92,
        "overall": 0.94,
        "form": 0.95,
        "field": 0.95,
        "type": 0.95,
        "check": 0.95,
        "closed": 1.0,
    },
    "filing_blind4": {
        "cond": 0.95,
        "verdict": 0.92,
        "overall": 0.80,
        "form": 0.95,
        "field": 0.94,
        "type": 0.92,
        "check": 0.92,
        "closed": 1.0,
    },
    "filing_blind5": {
        "cond": 0.95,
        "verdict": 0.95,
        "overall": 0.82,
        "form": 0.95,
        "field": 0.95,
        "type": 0.95,
        "check": 0.95,
        "closed": 1.0,
    },
    "filing_blind7": {
        "cond": 0.95,
        "verdict": 0.89,
        "overall": 0.78,
        "form": 0.95,
        "field": 0.90,
        "type": 0.87,
        "check": 0.92,
        "closed": 1.0,
    },
    "filing_blind6": {
        "cond": 0.95,
        "verdict": 0.95,
        "overall": 0.92,
        "form": 0.8,  # the sign-only 承诺书 has no fields to fill: scored as a missing form
        "field": 0.95,
        "type": 0.93,
        "check": 0.95,
        "closed": 1.0,
    },
}


FLIPPED = {"filing_blind7": 2}
"""Sets whose opposite verdicts are not fixed yet (the count measured blind; it may only fall)."""


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_blind_filing_floors(name: str):
    total: Counter[str] = Counter()
    data = ROOT / "tests" / "data" / name
    for key in sorted(data.glob("*.expected.json")):
        path = key.with_name(key.name.removesuffix(".expected.json"))
        total.update(
            eval_filing.score(
                path, json.loads(key.read_text(encoding="utf-8")), dt.date(2026, 12, 1), False
            )
        )
    for metric, floor in FLOORS[name].items():
        got = total[f"{metric}_found"] + total[f"{metric}_right"]
        assert got / total[f"{metric}_total"] >= floor, (metric, got, total[f"{metric}_total"])
    assert total["verdict_flipped"] <= FLIPPED.get(name, 0)
