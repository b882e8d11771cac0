#!/usr/bin/env python3
"""Verify questions.jsonl and conversations.jsonl of qa12 (qa11's checker, prefix qa12_).

Every expect alternative (except the verdict-word groups) must occur literally in the text of
its notice after NFKC + whitespace removal (the normalisation run_eval.py applies):
  .pdf  -> pypdf page text        .docx -> python-docx paragraphs + table cells
  .html -> tags stripped, entities unescaped (the raw page is also accepted)
  .txt  -> UTF-8 / GB18030 text
Notices: the five seeds (/work/shared/seeds), the eight dev notices (/work/shared/dev) and qa12_*.
An alternative that is only a simplified-script twin of a literal traditional alternative in the same
group (綿陽 dev notice "刻錄光盤" / "刻录光盘") is accepted (small T2S table below). qa12 has no traditional notice.
Comparison turns ("notice": null, "notices": [...]) accept an alternative found in any listed notice.
Also checks ids, keys, categories, verdict shape, forbid/expect clashes, and that a not_in_notice
forbid string is really absent from its notice.  Exit 1 on any error.

usage: /work/main/.venv/bin/python check_expect.py      (needs pypdf and python-docx)
"""

import html
import json
import os
import re
import sys
import unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = "/work/shared/seeds"
DEV = "/work/shared/dev"
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
    "verdict",
    "ambiguous",
    "out_of_scope",
}

sys.path.insert(0, os.path.join(HERE, "gen"))
import make_questions as MQ  # noqa: E402  (verdict word lists, CITIES)

VERDICT_WORDS = set(MQ.NEG_T + MQ.POS + MQ.CLOSED + MQ.OPEN + MQ.UNSURE)
T2S = dict(
    zip(
        "領辦團隊員幾個萬補貼週歲齡審報請聯繫電話額盞燒製類說質遺產傳連續滿鄭麗業優兩級師較錄盤瀋遼寧",
        "领办团队员几个万补贴周岁龄审报请联系电话额盏烧制类说质遗产传连续满郑丽业优两级师较录盘沈辽宁",
        strict=False,
    )
)


def norm(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))


def read(path):
    if path.endswith(".pdf"):
        import pypdf

        return "\n".join(p.extract_text() or "" for p in pypdf.PdfReader(path).pages)
    if path.endswith(".docx"):
        import docx

        d = docx.Document(path)
        cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
        return "\n".join([p.text for p in d.paragraphs] + cells)
    raw = open(path, "rb").read()
    text = None
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            pass
    if text is None:
        text = raw.decode("utf-8", "replace")
    if path.endswith(".html"):
        body = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
        body = html.unescape(re.sub(r"<[^>]+>", " ", body))
        return body + "\n" + text
    return text


def load_notices():
    texts = {}
    for d, pref in ((SEEDS, "0"), (DEV, "0"), (HERE, "qa12_")):
        for f in sorted(os.listdir(d)):
            if f.startswith(pref) and f.rsplit(".", 1)[-1] in ("txt", "html", "docx", "pdf"):
                texts[f.rsplit(".", 1)[0]] = norm(read(os.path.join(d, f)))
    return texts


def is_verdict_group(g):
    return all(a in VERDICT_WORDS for a in g)


def twin(a, b):
    """True when a is b with some traditional characters of b written in simplified script."""
    return (
        len(a) == len(b)
        and a != b
        and all(x == y or T2S.get(y) == x for x, y in zip(a, b, strict=False))
    )


def check_item(where, it, texts, errs, qkey):
    cat = it.get("category")
    if cat not in CATS:
        errs.append(f"{where}: bad category {cat!r}")
    if not it.get(qkey, "").strip():
        errs.append(f"{where}: empty question")
    exp = it.get("expect")
    if not isinstance(exp, list) or any(not isinstance(g, list) or not g for g in exp):
        errs.append(f"{where}: expect must be a list of non-empty lists")
        return
    if cat in ("out_of_scope", "ambiguous"):
        if exp:
            errs.append(f"{where}: {cat} must have expect []")
        if it.get("notice") not in ("", None):
            errs.append(f"{where}: {cat} must have notice ''")
        if cat == "ambiguous":
            if (
                not it.get("cities")
                or it.get("min_cities", 0) < 2
                or it.get("clarify_ok") is not True
            ):
                errs.append(f"{where}: ambiguous needs cities, min_cities>=2, clarify_ok")
            elif any(c not in MQ.CITIES for c in it["cities"]):
                errs.append(f"{where}: unknown city in cities")
        return
    if not exp:
        errs.append(f"{where}: empty expect")
        return
    ids = it.get("notices") if it.get("notice") is None else [it.get("notice")]
    if not ids or any(i not in texts for i in ids):
        errs.append(f"{where}: unknown notice {it.get('notice')!r} / {it.get('notices')!r}")
        return
    pool = [texts[i] for i in ids]
    if cat == "verdict":
        if not is_verdict_group(exp[0]):
            errs.append(f"{where}: verdict: first group must be verdict words")
        if not it.get("forbid"):
            errs.append(f"{where}: verdict without forbid")
        if len(exp) < 2:
            errs.append(f"{where}: verdict without a threshold group")
    for gi, g in enumerate(exp):
        if cat == "verdict" and gi == 0:
            continue
        if is_verdict_group(g):
            errs.append(f"{where}: verdict-word group outside a verdict item")
        lit = [a for a in g if any(norm(a) in t for t in pool)]
        for a in g:
            if a in lit:
                continue
            if any(twin(norm(a), norm(b)) for b in lit):
                continue
            errs.append(f"{where}: expect {a!r} not literal in {ids}")
    for fb in it.get("forbid") or []:
        for gi, g in enumerate(exp):
            if cat == "verdict" and gi == 0:
                continue
            if all(norm(fb) in norm(a) for a in g):
                errs.append(f"{where}: forbid {fb!r} is inside every alternative of group {g}")
        if cat == "not_in_notice" and any(norm(fb) in t for t in pool):
            errs.append(f"{where}: not_in_notice forbid {fb!r} IS in the notice")


def main():
    texts = load_notices()
    errs = []
    qs = [
        json.loads(line)
        for line in open(os.path.join(HERE, "questions.jsonl"), encoding="utf-8")
        if line.strip()
    ]
    seen = set()
    for x in qs:
        if x["id"] in seen:
            errs.append(f"duplicate id {x['id']}")
        seen.add(x["id"])
        if set(x) - {
            "id",
            "notice",
            "question",
            "category",
            "expect",
            "forbid",
            "cities",
            "min_cities",
            "clarify_ok",
        }:
            errs.append(f"{x['id']}: unexpected keys {set(x)}")
        check_item(x["id"], x, texts, errs, "question")
    convs = [
        json.loads(line)
        for line in open(os.path.join(HERE, "conversations.jsonl"), encoding="utf-8")
        if line.strip()
    ]
    for c in convs:
        if not 2 <= len(c["turns"]) <= 3:
            errs.append(f"{c['id']}: {len(c['turns'])} turns")
        for k, t in enumerate(c["turns"], 1):
            if set(t) - {
                "q",
                "notice",
                "notices",
                "category",
                "expect",
                "forbid",
                "cities",
                "min_cities",
                "clarify_ok",
            }:
                errs.append(f"{c['id']}.{k}: unexpected keys {set(t)}")
            check_item(f"{c['id']}.{k}", t, texts, errs, "q")
    cat = Counter(x["category"] for x in qs)
    per = Counter(x["notice"] or "(none)" for x in qs)
    tcat = Counter(t["category"] for c in convs for t in c["turns"])
    verd = Counter(MQ_kind(x) for x in qs if x["category"] == "verdict")
    print(f"questions: {len(qs)}")
    print("  by category:", dict(sorted(cat.items(), key=lambda kv: -kv[1])))
    print("  by notice:  ", dict(sorted(per.items())))
    print("  verdict kinds:", dict(verd))
    print(f"conversations: {len(convs)}, turns: {sum(len(c['turns']) for c in convs)}")
    print("  turn categories:", dict(sorted(tcat.items(), key=lambda kv: -kv[1])))
    for name in sorted(texts):
        if name.startswith("qa12_"):
            print(f"  {name}: {len(texts[name])} chars of text")
    if errs:
        print(f"\n{len(errs)} ERRORS")
        for e in errs:
            print("  " + e)
        sys.exit(1)
    print("\nOK: every non-verdict expect alternative is literal in its notice")


def MQ_kind(x):
    g, fb = x["expect"][0], x.get("forbid")
    if g in (MQ.NEG, MQ.NEG_T):
        return "no"
    if g in (MQ.POS, MQ.POS_T):
        return "yes(closed round)" if fb == MQ.POS_CLOSED_FORBID else "yes"
    for name, words in (("closed", MQ.CLOSED), ("open", MQ.OPEN), ("unsure", MQ.UNSURE)):
        if g == words:
            return name
    return "?"


if __name__ == "__main__":
    main()
