#!/usr/bin/env python3
"""Self-check for the filing4 blind set.

Run with a Python that has python-docx and pypdf:  /work/main/.venv/bin/python verify.py
Checks every answer key against its notice (literal quotes / programme / form titles / labels /
options / columns / signature cells / outline headings / checklist items / deadline date), the
key schema and internal consistency (5 profiles per programme, expected keys = condition kinds,
overall rule, closed vs deadline, vague 'other' always ❔), and the formats: docx table merges,
full HTML page with colspan/rowspan, GB18030-only txt with CRLF and tab rows, CID-font PDF with
space-laid table.  For the PDF, literal checks ignore whitespace (text is wrapped on the page).
"""

import datetime as dt
import glob
import html as htmlmod
import json
import os
import re
import sys

from docx import Document
from docx.table import _Cell
from pypdf import PdfReader

HERE = os.path.dirname(os.path.abspath(__file__))
TODAY = dt.date(2026, 12, 1)

TOP_KEYS = {
    "file",
    "closed",
    "deadline",
    "programmes",
    "conditions",
    "forms",
    "outline",
    "checklist",
    "profiles",
}
KINDS = {
    "age_max",
    "retire_years",
    "level",
    "honour",
    "team_min",
    "unit_years",
    "unit_type",
    "area",
    "other",
}
TYPES = {
    "text",
    "name",
    "id_number",
    "phone",
    "mobile",
    "email",
    "date",
    "year_month",
    "choice",
    "multi_choice",
    "number",
    "long_text",
    "repeated_group",
}
MARKS = {"✅", "❌", "❔"}
FILES = {"h1_tonghua.docx", "h2_danzhou.html", "h3_zhongwei.txt", "h4_linzhi.pdf"}
VAGUE_FILES = {"h2_danzhou.html", "h4_linzhi.pdf"}  # 'other' = vague 职业道德良好 condition

errors = []


def err(msg):
    errors.append(msg)
    print("FAIL:", msg)


# ---------------------------------------------------------------- text extraction
def docx_text(path):
    d = Document(path)
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for tr in t._tbl.tr_lst:  # physical cells: each merged cell once
            for tc in tr.tc_lst:
                parts.append(_Cell(tc, t).text)
    return "\n".join(parts)


def html_text(raw):
    s = re.sub(r"(?is)<(script|style)\b.*?</\1>", "", raw)
    s = re.sub(r"(?s)<!--.*?-->", "", s)
    s = re.sub(r"(?i)<br\s*/?>|</p>|</tr>|</li>", "\n", s)
    s = re.sub(r"(?s)<[^>]+>", " ", s)
    return htmlmod.unescape(s)


def pdf_text(path):
    return "\n".join(p.extract_text() for p in PdfReader(path).pages)


def load_text(fname):
    path = os.path.join(HERE, fname)
    raw = open(path, "rb").read()
    if fname.endswith(".docx"):
        return docx_text(path)
    if fname.endswith(".html"):
        return html_text(raw.decode("utf-8"))
    if fname.endswith(".pdf"):
        return pdf_text(path)
    if fname.startswith("h3_"):
        return raw.decode("gb18030")
    return raw.decode("utf-8")


def squash(s):
    return re.sub(r"\s+", "", s)


# ---------------------------------------------------------------- format checks
def check_h1_docx():
    d = Document(os.path.join(HERE, "h1_tonghua.docx"))
    if len(d.tables) != 3:
        err(f"h1: expected 3 tables, got {len(d.tables)}")
        return
    t = d.tables[0]
    R, C = "restart", "continue"
    N = (1, None)
    want = [
        [N, (6, None)],
        [N] * 6 + [(1, R)],
        [N, (3, None), N, N, (1, C)],
        [N] * 6 + [(1, C)],
        [N] * 6 + [(1, C)],
        [(1, R), N, N, N, (3, None)],
        [(1, C), N, (5, None)],
        [N, (3, None), N, (2, None)],
        [N, (6, None)],
        [N] * 5 + [(2, None)],
        [(3, None), (4, None)],
        [(3, None), (4, None)],
        [N, (6, None)],
        [N, (6, None)],
        [N, (6, None)],
        [N, (6, None)],
        [(2, None), (3, None), (2, None)],
    ]
    if len(t.rows) != len(want):
        err(f"h1 table1 rows {len(t.rows)} != {len(want)}")
    for i, (tr, w) in enumerate(zip(t._tbl.tr_lst, want, strict=False)):
        got = [(tc.grid_span, None if tc.vMerge is None else str(tc.vMerge)) for tc in tr.tc_lst]
        if got != w:
            err(f"h1 table1 row {i} merges {got} != {w}")
    same = [
        ((1, 6), (4, 6)),
        ((5, 0), (6, 0)),
        ((0, 1), (0, 6)),
        ((2, 1), (2, 3)),
        ((10, 0), (10, 2)),
        ((10, 3), (10, 6)),
        ((16, 2), (16, 4)),
    ]
    for a, b in same:
        if t.cell(*a)._tc is not t.cell(*b)._tc:
            err(f"h1 cells {a} and {b} should be one merged cell")
    if "照片" not in t.cell(4, 6).text or "联系方式" not in t.cell(6, 0).text:
        err("h1 vertical merge text not visible from continued rows")
    for r in (10, 11):
        if not re.fullmatch(r"□是\s+□否", t.cell(r, 3).text.strip()):
            err(f"h1 row {r} should be a □是 □否 cell")
    t2 = d.tables[1]
    if len(t2.rows) != 11 or t2.rows[0].cells[0].text != "序号":
        err("h1 table2 must be header (序号…) + 10 rows")
    for i, r in enumerate(t2.rows[1:], 1):
        cells = [c.text for c in r.cells]
        if cells[0] != str(i) or any(x.strip() for x in cells[1:]):
            err(f"h1 table2 row {i} should hold only its 序号")
            break
    if "申报单位无需填写" not in docx_text(os.path.join(HERE, "h1_tonghua.docx")):
        err("h1 附件4 bureau-only note missing")


def check_h2_html():
    raw = open(os.path.join(HERE, "h2_danzhou.html"), encoding="utf-8").read()
    for needle in [
        "<!DOCTYPE html>",
        '<meta charset="utf-8">',
        "发布日期",
        "【字体：",
        ">大</a>",
        ">中</a>",
        ">小</a>",
        "分享到",
        "打印本页",
        "关闭窗口",
        "琼ICP备",
        "公网安备",
        'class="position"',
        'class="menu"',
        "上一篇",
        "下一篇",
        "相关文章",
        "相关附件",
        "【更新】",
        'rowspan="5"',
        'rowspan="3"',
        'colspan="5"',
        "&nbsp;",
        "&gt;",
    ]:
        if needle not in raw:
            err(f"h2 missing {needle!r}")
    txt = html_text(raw)
    if "2026年12月18日" not in txt or "延长至2027年1月8日" not in txt:
        err("h2 original + extended deadline must both be on the page")
    for needle in ["A4", "PDF", "电子邮箱", "公示", "一式两份"]:
        if needle not in txt:
            err(f"h2 materials text missing {needle!r}")


def check_h3_txt():
    raw = open(os.path.join(HERE, "h3_zhongwei.txt"), "rb").read()
    for enc in ("utf-8", "gbk"):
        try:
            raw.decode(enc)
            err(f"h3 decodes as {enc} (must need GB18030)")
        except UnicodeDecodeError:
            pass
    t = raw.decode("gb18030")
    if raw.count(b"\n") != raw.count(b"\r\n") or raw.count(b"\n") < 30:
        err("h3 is not consistently CRLF")
    if "中卫市技能大师工作室申报表" not in t or "䶮" not in t:
        err("h3 decode sanity")
    lines = t.split("\r\n")
    sec1 = [ln for ln in lines if "一、申报条件。" in ln]
    if len(sec1) != 1 or not all(
        x in sec1[0] for x in ("（一）", "1.", "2.", "3.", "（二）", "（三）", "（四）")
    ):
        err("h3 申报条件 must be one inline-numbered paragraph")
    tab_rows = [ln for ln in lines if "\t" in ln]
    if len(tab_rows) < 20:
        err(f"h3 has only {len(tab_rows)} tab-separated rows")
    if "领办人姓名\t\t性别\t\t出生年月\t" not in t or "序号\t姓名\t性别" not in t:
        err("h3 form rows not tab-separated as intended")


def check_h4_pdf():
    path = os.path.join(HERE, "h4_linzhi.pdf")
    r = PdfReader(path)
    if len(r.pages) < 3:
        err("h4 should have >= 3 pages")
    fonts = set()
    for p in r.pages:
        res = p.get("/Resources") or {}
        for f in (res.get("/Font") or {}).values():
            fonts.add(str(f.get_object().get("/BaseFont")))
    if not any("STSong-Light" in f for f in fonts):
        err(f"h4 fonts {fonts} lack STSong-Light")
    t = pdf_text(path)
    cjk = sum(1 for ch in t if "\u4e00" <= ch <= "\u9fff")
    if cjk < 1000:
        err(f"h4 extracted only {cjk} CJK chars")
    if "林芝市技能大师工作室申报表" not in t or "\ufffd" in t:
        err("h4 extraction not readable")
    if not re.search(r"领办人姓名 {6,}性别 {6,}民族 {6,}出生年月", t):
        err("h4 申报表 cells not laid out with space runs")
    if not re.search(r"-{40,}", t):
        err("h4 table rules missing")


# ---------------------------------------------------------------- key checks
def opt_present(text, opt):
    return re.search("□" + re.escape(opt) + r"(?=[\s_\u3000]|$)", text) is not None


def check_key(kpath):
    key = json.load(open(kpath, encoding="utf-8"))
    name = os.path.basename(kpath)
    if set(key) != TOP_KEYS:
        err(f"{name}: top keys {sorted(key)}")
        return None
    fname = key["file"]
    if name != fname + ".expected.json":
        err(f"{name}: file field {fname}")
    text = load_text(fname)
    is_pdf = fname.endswith(".pdf")
    flat = squash(text)

    def lit(s, what):
        ok = isinstance(s, str) and s and (squash(s) in flat if is_pdf else s in text)
        if not ok:
            err(f"{fname}: {what} not literal in notice: {s!r}")

    if not isinstance(key["closed"], bool):
        err(f"{fname}: closed not bool")
    try:
        dl = dt.date.fromisoformat(key["deadline"])
        if key["closed"] != (dl < TODAY):
            err(f"{fname}: closed={key['closed']} inconsistent with deadline {dl}")
        lit(f"{dl.year}年{dl.month}月{dl.day}日", "deadline date")
    except ValueError as e:
        err(f"{fname}: bad deadline {key['deadline']!r}: {e}")

    progs = key["programmes"]
    for p in progs:
        lit(p, "programme")

    kinds_by_prog = {p: set() for p in progs}
    for c in key["conditions"]:
        if set(c) != {"programme", "kind", "value", "includes_leader", "quote"}:
            err(f"{fname}: condition keys {sorted(c)}")
        if c["kind"] not in KINDS:
            err(f"{fname}: bad kind {c['kind']}")
        if c["programme"] is not None and c["programme"] not in progs:
            err(f"{fname}: condition programme {c['programme']}")
        if c["includes_leader"] not in (True, False, None):
            err(f"{fname}: includes_leader {c['includes_leader']!r}")
        if c["kind"] != "team_min" and c["includes_leader"] is not None:
            err(f"{fname}: includes_leader set on {c['kind']}")
        if c["kind"] in ("age_max", "retire_years", "team_min", "unit_years", "area"):
            v = c["value"]
            if not (isinstance(v, int) or (c["kind"] == "age_max" and isinstance(v, dict))):
                err(f"{fname}: {c['kind']} value {v!r}")
            elif isinstance(v, int) and str(v) not in c["quote"]:
                err(f"{fname}: {c['kind']} value {v} not in its quote")
        if c["kind"] == "honour":
            v = c["value"]
            if v.get("mode") not in ("open", "closed") or not v.get("list"):
                err(f"{fname}: honour value {v!r}")
        if c["kind"] == "unit_type" and set(c["value"]) != {"admitted", "excluded"}:
            err(f"{fname}: unit_type value {c['value']!r}")
        lit(c["quote"], f"quote[{c['kind']}]")
        for p in progs:
            if c["programme"] in (None, p):
                if c["kind"] in kinds_by_prog[p]:
                    err(f"{fname}: duplicate kind {c['kind']} for {p}")
                kinds_by_prog[p].add(c["kind"])
    if not any(c["kind"] == "other" for c in key["conditions"]):
        err(f"{fname}: no 'other' rule")

    for f in key["forms"]:
        if set(f) != {"attachment", "title", "fields", "signature_cells"}:
            err(f"{fname}: form keys {sorted(f)}")
        lit(f["attachment"], "attachment")
        lit(f["title"], "form title")
        labels = [fl["label"] for fl in f["fields"]]
        if len(labels) != len(set(labels)):
            err(f"{fname}: duplicate labels in {f['title']}")
        for fl in f["fields"]:
            if fl["type"] not in TYPES:
                err(f"{fname}: bad type {fl['type']}")
            lit(fl["label"], "field label")
            has_o, has_c = "options" in fl, "columns" in fl
            if has_o != (fl["type"] in ("choice", "multi_choice")):
                err(f"{fname}: options presence wrong on {fl['label']}")
            if has_c != (fl["type"] == "repeated_group"):
                err(f"{fname}: columns presence wrong on {fl['label']}")
            extra = set(fl) - {"label", "type", "options", "columns"}
            if extra:
                err(f"{fname}: extra field keys {extra}")
            for o in fl.get("options", []):
                lit("□" + o, "option")
                if not opt_present(text, o):
                    err(f"{fname}: option {o!r} not delimited after □")
            for col in fl.get("columns", []):
                lit(col, "column")
        for s in f["signature_cells"]:
            lit(s, "signature cell")

    if key["outline"] is not None:
        for h in key["outline"]:
            lit(h, "outline heading")
            if not re.match(r"^[一二三四五六七八九十]+、", h):
                err(f"{fname}: outline heading without numbering {h!r}")
            if not re.search(r"(^|\n)" + re.escape(h) + r"[ \t]*(\r?\n|$)", text):
                err(f"{fname}: outline heading not on its own line {h!r}")

    for it in key["checklist"]:
        if set(it) != {"item", "copies", "stamp", "format"}:
            err(f"{fname}: checklist keys {sorted(it)}")
        lit(it["item"], "checklist item")
        if it["copies"] is not None and not isinstance(it["copies"], int):
            err(f"{fname}: copies {it['copies']!r}")
        if not isinstance(it["stamp"], bool):
            err(f"{fname}: stamp {it['stamp']!r}")
        for w in ("A4", "双面", "胶装", "PDF", "U盘", "光盘", "邮箱", "公示"):
            if w in (it["format"] or "") and w not in text:
                err(f"{fname}: format word {w} of {it['item']} not in notice")

    per_prog = {p: 0 for p in progs}
    for pr in key["profiles"]:
        if set(pr) != {"programme", "facts", "expected", "overall"}:
            err(f"{fname}: profile keys {sorted(pr)}")
        p = pr["programme"]
        if p not in progs:
            err(f"{fname}: profile programme {p!r}")
            continue
        per_prog[p] += 1
        if set(pr["expected"]) != kinds_by_prog[p]:
            err(f"{fname}: profile kinds {sorted(pr['expected'])} != {sorted(kinds_by_prog[p])}")
        vals = set(pr["expected"].values())
        if not vals <= MARKS:
            err(f"{fname}: bad marks {vals}")
        want = "不符合" if "❌" in vals else "待确认" if "❔" in vals else "符合"
        if pr["overall"] != want:
            err(f"{fname}: overall {pr['overall']} != {want}")
        if fname in VAGUE_FILES and pr["expected"].get("other") != "❔":
            err(f"{fname}: vague 'other' condition must be ❔ on every profile")
    for p, n in per_prog.items():
        if n != 5:
            err(f"{fname}: {n} profiles for {p} (want 5)")
    return key


def main():
    check_h1_docx()
    check_h2_html()
    check_h3_txt()
    check_h4_pdf()
    keys = sorted(glob.glob(os.path.join(HERE, "*.expected.json")))
    if {os.path.basename(k).removesuffix(".expected.json") for k in keys} != FILES:
        err(f"keys found: {[os.path.basename(k) for k in keys]}")
    overall_seen, closed_seen = set(), set()
    for k in keys:
        key = check_key(k)
        if key:
            overall_seen |= {p["overall"] for p in key["profiles"]}
            closed_seen.add(key["closed"])
    if overall_seen != {"符合", "待确认", "不符合"}:
        err(f"overall values seen {overall_seen}")
    if closed_seen != {True, False}:
        err("need both open and closed rounds")
    if errors:
        print(f"\n{len(errors)} problem(s)")
        sys.exit(1)
    print("ALL OK:", ", ".join(os.path.basename(k) for k in keys))


if __name__ == "__main__":
    main()
