#!/usr/bin/env python3
"""Self-check for the filing5 blind set.

Run with a Python that has python-docx and pypdf:  /work/main/.venv/bin/python verify.py
Checks every answer key against its notice (literal quotes / programmes / form titles / labels /
options / columns / signature cells / outline headings / checklist items / deadline date / copy
counts), the key schema and internal consistency (profiles per programme, expected keys = condition
kinds, overall rule, closed vs deadline, vague 'other' always ❔, and team / age / area / founding-year
verdicts recomputed from the profile wording), and the formats: docx table merges, GBK txt with tab
rows, full HTML page with colspan/rowspan and the 更正 note, CID-font PDF with underscore-drawn form.
For the PDF, literal checks ignore whitespace (text is wrapped on the page).
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
FILES = {"i1_longyan.docx", "i2_nanyang.txt", "i3_zhangye.html", "i4_qiqihar.pdf"}
VAGUE_FILES = {"i3_zhangye.html"}  # 'other' = vague 职业道德 line -> ❔ everywhere
CN = "〇一二三四五六七八九十"

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
    if fname.startswith("i2_"):
        return raw.decode("gbk")
    return raw.decode("utf-8")


def squash(s):
    return re.sub(r"\s+", "", s)


# ---------------------------------------------------------------- format checks
def check_i1_docx():
    path = os.path.join(HERE, "i1_longyan.docx")
    d = Document(path)
    if len(d.tables) != 3:
        err(f"i1: expected 3 tables, got {len(d.tables)}")
        return
    t = d.tables[0]
    R, C = "restart", "continue"
    N = (1, None)
    want = [
        [N, (6, None)],
        [N, (6, None)],
        [N] * 6 + [(1, R)],
        [N, (3, None), N, N, (1, C)],
        [N] * 6 + [(1, C)],
        [N] * 6 + [(1, C)],
        [(1, R)] + [N] * 6,
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
        err(f"i1 table1 rows {len(t.rows)} != {len(want)}")
    for i, (tr, w) in enumerate(zip(t._tbl.tr_lst, want, strict=False)):
        got = [(tc.grid_span, None if tc.vMerge is None else str(tc.vMerge)) for tc in tr.tc_lst]
        if got != w:
            err(f"i1 table1 row {i} merges {got} != {w}")
    same = [
        ((2, 6), (5, 6)),
        ((6, 0), (7, 0)),
        ((0, 1), (0, 6)),
        ((3, 1), (3, 3)),
        ((11, 0), (11, 2)),
        ((12, 3), (12, 6)),
        ((17, 2), (17, 4)),
        ((10, 5), (10, 6)),
    ]
    for a, b in same:
        if t.cell(*a)._tc is not t.cell(*b)._tc:
            err(f"i1 cells {a} and {b} should be one merged cell")
    if "照片" not in t.cell(5, 6).text or "联系方式" not in t.cell(7, 0).text:
        err("i1 vertical merge text not visible from continued rows")
    for r in (11, 12):
        if not re.fullmatch(r"□是\s+□否", t.cell(r, 3).text.strip()):
            err(f"i1 row {r} should be a □是 □否 cell")
    if not t.cell(0, 1).text.startswith("□技能大师工作室"):
        err("i1 申报类别 choice cell")
    t2 = d.tables[1]
    if len(t2.rows) != 11 or t2.rows[0].cells[0].text != "序号":
        err("i1 table2 must be header (序号…) + 10 rows")
    for i, r in enumerate(t2.rows[1:], 1):
        cells = [c.text for c in r.cells]
        if cells[0] != str(i) or any(x.strip() for x in cells[1:]):
            err(f"i1 table2 row {i} should hold only its 序号")
            break
    t4 = d.tables[2]
    rows4 = [[c.text for c in r.cells] for r in t4.rows]
    if rows4[-1][0] != "合计" or rows4[-1][1] != "10" or rows4[-1][2] != "15":
        err(f"i1 附件4 totals {rows4[-1]} should be 合计 10 15 (the two quotas)")
    txt = docx_text(path)
    if "申报单位和个人不填写此表" not in txt:
        err("i1 附件4 bureau-only note missing")
    for needle in [
        "拟认定10个",
        "拟认定15个",
        "5万元",
        "2万元",
        "有效期3年",
        "有效期2年",
        "U盘",
        "胶装",
        "原件备查",
        "一式三份",
        "内部公示",
    ]:
        if needle not in txt:
            err(f"i1 text missing {needle!r}")


def check_i2_txt():
    raw = open(os.path.join(HERE, "i2_nanyang.txt"), "rb").read()
    try:
        raw.decode("utf-8")
        err("i2 decodes as UTF-8 (must be GBK)")
    except UnicodeDecodeError:
        pass
    t = raw.decode("gbk")
    if raw.decode("gb18030") != t:
        err("i2 GBK and GB18030 decodings differ")
    if b"\r" in raw or raw.count(b"\n") < 40:
        err("i2 should be LF-only with many lines")
    lines = t.split("\n")
    sec = [ln for ln in lines if "二、申报条件（一）" in ln]
    if len(sec) != 1 or not all(
        x in sec[0] for x in ("1.", "2.", "3.", "（二）", "（三）", "（四）")
    ):
        err("i2 申报条件 must be one inline-numbered paragraph")
    if not any(ln.startswith("　　为深入实施") and "一、申报范围和数量" in ln for ln in lines):
        err("i2 section 一 must run inside the opening paragraph")
    tab_rows = [ln for ln in lines if "\t" in ln]
    if len(tab_rows) < 25:
        err(f"i2 has only {len(tab_rows)} tab-separated rows")
    if "领办人姓名\t\t性别\t\t出生年月\t" not in t or "序号\t姓名\t性别" not in t:
        err("i2 form rows not tab-separated as intended")
    if "分两年拨付，每年5万元" not in t or "不需胶装" not in t:
        err("i2 subsidy / 不需胶装 wording")


def check_i3_html():
    raw = open(os.path.join(HERE, "i3_zhangye.html"), encoding="utf-8").read()
    for needle in [
        "<!DOCTYPE html>",
        "charset=utf-8",
        "当前位置：",
        "发布时间：2026-11-12",
        "浏览次数：",
        ">大</a>",
        ">中</a>",
        ">小</a>",
        "分享到",
        "【打印本页】",
        "【关闭窗口】",
        "陇ICP备",
        "甘公网安备",
        "网站标识码",
        'class="nav"',
        'class="banner"',
        "上一条",
        "下一条",
        "相关文章",
        "【更正】",
        'rowspan="6"',
        'rowspan="3"',
        'colspan="6"',
        'colspan="3"',
        "&nbsp;",
        "&gt;",
    ]:
        if needle not in raw:
            err(f"i3 missing {needle!r}")
    txt = html_text(raw)
    if txt.count("2027年1月15日前") != 2 or "更正为“2026年12月22日前”" not in txt:
        err("i3 original deadline (body + note) and the corrected one must be on the page")
    if raw.index("【更正】") > raw.index("张人社发〔2026〕128号"):
        err("i3 更正 note should sit above the body")
    for needle in ["A4", "PDF", "网上办事大厅", "一式两份", "原件备查", "内部公示"]:
        if needle not in txt:
            err(f"i3 materials text missing {needle!r}")
    if "胶装" in txt or "U盘" in txt:
        err("i3 should not mention 胶装/U盘")


def check_i4_pdf():
    path = os.path.join(HERE, "i4_qiqihar.pdf")
    r = PdfReader(path)
    if len(r.pages) < 2:
        err("i4 should have >= 2 pages")
    fonts = set()
    for p in r.pages:
        res = p.get("/Resources") or {}
        for f in (res.get("/Font") or {}).values():
            fonts.add(str(f.get_object().get("/BaseFont")))
    if not any("STSong-Light" in f for f in fonts):
        err(f"i4 fonts {fonts} lack STSong-Light")
    t = pdf_text(path)
    cjk = sum(1 for ch in t if "\u4e00" <= ch <= "\u9fff")
    if cjk < 1000:
        err(f"i4 extracted only {cjk} CJK chars")
    if "齐齐哈尔市技能大师工作室申报表" not in t or "\ufffd" in t:
        err("i4 extraction not readable")
    for i, p in enumerate(r.pages, 1):
        pt = p.extract_text()
        if f"- {i} -" not in pt:
            err(f"i4 page {i} lacks page number '- {i} -'")
        if i > 1 and "齐人社联发〔2026〕14号" not in pt.split("\n")[1]:
            err(f"i4 page {i} lacks the running header")
    if not re.search(r"领办人姓名：_{8,}\s+性别：_{4,}\s+出生年月：_{8,}", t):
        err("i4 申报表 not drawn as label：____ lines")
    if len(re.findall(r"(?m)^\d    _{40,}", t)) != 6:
        err("i4 团队成员名单 should have 6 numbered blank lines")


# ---------------------------------------------------------------- wording-based recomputation
NUM = r"(\d+|[一二三四五六七八九十]+)"


def num(s):
    if s.isdigit():
        return int(s)
    if s == "十":
        return 10
    return CN.index(s)


def team_incl(facts):
    """team size INCLUDING the leader, from the profile's own wording (None if not stated)"""
    m = re.search(
        r"(连我在内|连我一共|连我|算上我一共|算上我|共)"
        + NUM
        + r"(个人|个|人|名)(，包括我在内|（包括我）)?",
        facts,
    )
    if m and (m.group(1) != "共" or m.group(4)):
        return num(m.group(2))
    m = re.search(r"一共" + NUM + r"个人（包括我）", facts)
    if m:
        return num(m.group(1))
    m = re.search(r"除我(之外|以外|外)(还有|有|带了)?" + NUM + r"(个|名|人)", facts)
    if m:
        return num(m.group(3)) + 1
    return None


def mark_min(got, need):
    return "✅" if got >= need else "❌"


def recompute(fname, key, prof, conds):
    facts, exp = prof["facts"], prof["expected"]
    for c in conds:
        k, v = c["kind"], c["value"]
        want = exp.get(k)
        got = None
        if k == "team_min":
            n = team_incl(facts)
            if n is None:
                err(f"{fname}: cannot read team size from {facts[:30]}")
                continue
            if c["includes_leader"] is None:
                got = "❔"
            else:
                got = mark_min(n if c["includes_leader"] else n - 1, v)
        elif k == "age_max" and isinstance(v, int):
            m = re.search(r"(\d{2})周?岁", facts)
            if m:
                got = "✅" if int(m.group(1)) <= v else "❌"
        elif k == "area":
            m = re.search(r"(\d+)平方米", facts)
            if m:
                got = mark_min(int(m.group(1)), v)
        elif k == "unit_years":
            ms = re.findall(
                r"(\d{4})年(?:注册成立|成立|登记|办的|建厂|建校|经批准设立|改制后重新注册)", facts
            )
            if ms:
                y = int(ms[-1]) + v
                got = "✅" if y < TODAY.year else "❔" if y == TODAY.year else "❌"
        if got is not None and got != want:
            err(f"{fname}: {k} recomputed {got} but key says {want}: {facts[:40]}…")


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
    conds_by_prog = {p: [] for p in progs}
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
        if c["kind"] == "team_min" and c["includes_leader"] is not None:
            word = "不含领办人" if c["includes_leader"] is False else "含领办人"
            if word not in c["quote"] and not (
                c["includes_leader"] is False and "除领办人外" in c["quote"]
            ):
                err(f"{fname}: team quote does not say {word}")
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
            if v.get("mode") == "open" and "等" not in c["quote"]:
                err(f"{fname}: open honour list without 等")
        if c["kind"] == "unit_type" and set(c["value"]) != {"admitted", "excluded"}:
            err(f"{fname}: unit_type value {c['value']!r}")
        lit(c["quote"], f"quote[{c['kind']}]")
        for p in progs:
            if c["programme"] in (None, p):
                if c["kind"] in kinds_by_prog[p]:
                    err(f"{fname}: duplicate kind {c['kind']} for {p}")
                kinds_by_prog[p].add(c["kind"])
                conds_by_prog[p].append(c)
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
        n = it["copies"]
        if n is not None:
            if not isinstance(n, int):
                err(f"{fname}: copies {n!r}")
            elif f"一式{CN[n] if n != 2 else '两'}份" not in text and f"{CN[n]}份" not in text:
                err(f"{fname}: copies {n} of {it['item']} has no 一式N份/N份 in the notice")
        if not isinstance(it["stamp"], bool):
            err(f"{fname}: stamp {it['stamp']!r}")
        for w in ("A4", "双面", "单面", "胶装", "PDF", "U盘", "光盘", "邮箱", "公示"):
            if w in (it["format"] or "") and w not in text:
                err(f"{fname}: format word {w} of {it['item']} not in notice")
        if "不需胶装" in text and "胶装" in it["format"].replace("不需胶装", ""):
            err(f"{fname}: {it['item']} format claims 胶装")

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
        if fname not in VAGUE_FILES and pr["expected"].get("other") == "❔":
            err(f"{fname}: no-repeat 'other' should be decidable")
        recompute(fname, key, pr, conds_by_prog[p])
    for p, n in per_prog.items():
        if n < 4:
            err(f"{fname}: {n} profiles for {p} (want >= 4)")
    return key


def main():
    check_i1_docx()
    check_i2_txt()
    check_i3_html()
    check_i4_pdf()
    keys = sorted(glob.glob(os.path.join(HERE, "*.expected.json")))
    if {os.path.basename(k).removesuffix(".expected.json") for k in keys} != FILES:
        err(f"keys found: {[os.path.basename(k) for k in keys]}")
    overall_seen, closed_seen, n_prof = set(), set(), 0
    for k in keys:
        key = check_key(k)
        if key:
            overall_seen |= {p["overall"] for p in key["profiles"]}
            closed_seen.add(key["closed"])
            n_prof += len(key["profiles"])
    if overall_seen != {"符合", "待确认", "不符合"}:
        err(f"overall values seen {overall_seen}")
    if closed_seen != {True, False}:
        err("need both open and closed rounds")
    if not 22 <= n_prof <= 27:
        err(f"{n_prof} profiles in all (want about 24)")
    if errors:
        print(f"\n{len(errors)} problem(s)")
        sys.exit(1)
    print(f"ALL OK ({n_prof} profiles):", ", ".join(os.path.basename(k) for k in keys))


if __name__ == "__main__":
    main()
