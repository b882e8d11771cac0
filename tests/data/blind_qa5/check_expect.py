#!/usr/bin/env python3
"""Check questions.jsonl and conversations.jsonl against the notice files.

- every expect alternative appears literally in its notice (after NFKC + whitespace
  removal), except the yes/no word groups of verdict questions;
- for comparisons ("notices": [...]) an alternative must appear in one of them;
- not_in_notice forbids must NOT appear in the notice (it really is silent);
- no expect group is made unsatisfiable by a forbid (an ideal answer built from the
  first alternative of every group passes run_eval.judge);
- ids unique, fields present, categories known, notice ids resolve to files whose stem
  is the id (the key run_eval.fingerprints uses).

run with a python that has python-docx (else .docx text is empty):
    /work/main/.venv/bin/python /work/blind/qa5/gen/check_expect.py
"""

import glob
import html
import json
import os
import re
import sys
import unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
QA = os.path.dirname(HERE)
SEEDS = "/work/shared/seeds"
sys.path.insert(0, "/work/shared/dev")
import run_eval  # noqa: E402  (the scorer: judge() and norm())

sys.path.insert(0, HERE)
from make_questions import YES, NO, CLOSED, OPEN, YES_F, NO_F, CLOSED_F, OPEN_F, CITIES  # noqa

VERDICT_WORDS = set(YES) | set(NO) | set(CLOSED) | set(OPEN)
CATS = {
    "deadline",
    "materials",
    "contact",
    "subsidy",
    "conditions",
    "quota",
    "process",
    "validity",
    "not_in_notice",
    "out_of_scope",
    "ambiguous",
    "verdict",
}


def norm(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))


def read_notice(path):
    if path.endswith(".docx"):
        import docx

        d = docx.Document(path)
        cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in d.paragraphs] + cells)
    raw = open(path, "rb").read()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            pass
    if path.endswith((".html", ".htm")):
        text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
        text = re.sub(r"(?s)<!--.*?-->", " ", text)
        text = re.sub(r"(?s)<[^>]+>", " ", text)
        text = html.unescape(text)
    return text


def notice_files():
    files = {}
    for p in sorted(glob.glob(os.path.join(SEEDS, "0*.txt"))) + sorted(
        glob.glob(os.path.join(QA, "qa5_*"))
    ):
        stem = os.path.basename(p).rsplit(".", 1)[0]
        files[stem] = p
    return files


FILES = notice_files()
TEXT = {k: norm(read_notice(p)) for k, p in FILES.items()}


def ideal_answer(item):
    """An answer a perfect bot could give: first literal alternative of each group."""
    parts = []
    for g in item.get("expect") or []:
        parts.append(g[0])
    return "；".join(parts)


def check_item(label, item, errors, qkey):
    for f in (qkey, "category", "expect"):
        if f not in item:
            errors.append(f"{label}: missing field {f}")
            return
    cat = item["category"]
    if cat not in CATS:
        errors.append(f"{label}: unknown category {cat}")
    if not isinstance(item[qkey], str) or not item[qkey].strip():
        errors.append(f"{label}: empty question")
    if cat in ("out_of_scope", "ambiguous"):
        if item.get("expect"):
            errors.append(f"{label}: {cat} should have no expect")
        if cat == "ambiguous":
            for c in item.get("cities") or []:
                if c not in CITIES:
                    errors.append(f"{label}: unknown city {c}")
            if any(c in item[qkey] for c in CITIES):
                errors.append(f"{label}: ambiguous question names a city")
        return
    ids = item.get("notices") or [item.get("notice")]
    for n in ids:
        if n not in FILES:
            errors.append(f"{label}: notice {n!r} has no file")
            return
    texts = [TEXT[n] for n in ids]
    if not item["expect"]:
        errors.append(f"{label}: empty expect")
    for g in item["expect"]:
        if not g:
            errors.append(f"{label}: empty group")
            continue
        if cat == "verdict" and all(a in VERDICT_WORDS for a in g):
            continue
        for alt in g:
            if not any(norm(alt) in t for t in texts):
                errors.append(f"{label}: expect {alt!r} not in {ids}")
    if cat == "not_in_notice":
        for f in item.get("forbid") or []:
            if any(norm(f) in t for t in texts):
                errors.append(f"{label}: forbid {f!r} IS in the notice (not silent)")
    if cat == "verdict":
        groups = item["expect"]
        if not any(all(a in VERDICT_WORDS for a in g) for g in groups):
            errors.append(f"{label}: verdict without yes/no group")
        if not item.get("forbid"):
            errors.append(f"{label}: verdict without forbid")
    # a perfect answer must pass the scorer
    ans = {"answer": ideal_answer(item), "fallback": False}
    if not run_eval.judge(
        {k: v for k, v in item.items() if k != qkey} | {"question": item[qkey]}, ans
    ):
        errors.append(f"{label}: ideal answer {ans['answer']!r} fails judge (forbid clash?)")


def main():
    errors = []
    qs = [
        json.loads(line)
        for line in open(os.path.join(QA, "questions.jsonl"), encoding="utf-8")
        if line.strip()
    ]
    seen = set()
    cats, per_notice = Counter(), Counter()
    for d in qs:
        if d.get("id") in seen:
            errors.append(f"duplicate id {d.get('id')}")
        seen.add(d.get("id"))
        if "\n" in d.get("question", ""):
            errors.append(f"{d['id']}: newline in question")
        check_item(d.get("id"), d, errors, "question")
        cats[d["category"]] += 1
        per_notice[d.get("notice") or "-"] += 1
    convs = [
        json.loads(line)
        for line in open(os.path.join(QA, "conversations.jsonl"), encoding="utf-8")
        if line.strip()
    ]
    ccats = Counter()
    for c in convs:
        if c.get("id") in seen:
            errors.append(f"duplicate id {c.get('id')}")
        seen.add(c.get("id"))
        turns = c.get("turns") or []
        if not 2 <= len(turns) <= 4:
            errors.append(f"{c.get('id')}: {len(turns)} turns")
        for i, tr in enumerate(turns, 1):
            check_item(f"{c['id']}.{i}", tr, errors, "q")
            ccats[tr["category"]] += 1
    print(f"questions: {len(qs)}")
    for k, v in sorted(cats.items()):
        print(f"  {k:14s} {v}")
    print("per notice:")
    for k, v in sorted(per_notice.items()):
        print(f"  {k:22s} {v}")
    print(f"conversations: {len(convs)}, turns: {sum(ccats.values())}")
    for k, v in sorted(ccats.items()):
        print(f"  {k:14s} {v}")
    print("notice texts:", {k: len(v) for k, v in TEXT.items()})
    if errors:
        print(f"\n{len(errors)} ERRORS")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("\nOK: all checks passed")


if __name__ == "__main__":
    main()
