#!/usr/bin/env python3
"""Self-check for the filing6 blind set.

Run with a Python that has python-docx and pypdf:  /work/main/.venv/bin/python verify.py
Checks every answer key against its notice (literal quotes / programmes / form titles / labels /
options / columns / signature cells / outline headings / checklist items / deadline date / copy
counts), the key schema and internal consistency (profiles per programme and per notice, expected keys
= condition kinds, overall rule and the overall mix, closed vs deadline, 'other' decidable), and it
RECOMPUTES from each profile's own wording the team, age (int / soft 一般…可放宽至 / per-sex limits, age
from a birth year), area, founding-year and retirement-margin (2025 渐进式延迟退休 rules) marks.
Format checks: HTML page furniture and a rectangular rowspan/colspan table grid, docx merges and the two
in-table repeated groups, sign-only 承诺书, outline in the body, GB18030-not-GBK CRLF inline-numbered
txt with label：____ lines and tab rows, CID-font PDF with page footers and a ruled table.
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
FILES = {"j1_shangrao.html", "j2_meizhou.docx", "j3_huaian.txt", "j4_chifeng.pdf"}
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
    s = re.sub(r"(?i)<br\s*/?>|</p>|</tr>|</li>|</td>", "\n", s)
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
    if fname.startswith("j3_"):
        return raw.decode("gb18030").replace("\r\n", "\n")
    return raw.decode("utf-8")


def squash(s):
    return re.sub(r"\s+", "", s)


# ---------------------------------------------------------------- format checks
def check_j1_html():
    raw = open(os.path.join(HERE, "j1_shangrao.html"), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("j1 should have no BOM")
    raw = raw.decode("utf-8")
    for needle in [
        "<!DOCTYPE html>",
        'charset="utf-8"',
        "当前位置：",
        "发布时间：2026-11-16",
        "浏览次数：",
        ">大</a>",
        ">中</a>",
        ">小</a>",
        "分享到",
        "【打印本页】",
        "【关闭窗口】",
        "赣ICP备",
        "赣公网安备",
        "网站标识码",
        'class="nav"',
        'class="banner"',
        "上一条",
        "下一条",
        "附件下载",
        'rowspan="7"',
        'rowspan="4"',
        'rowspan="3"',
        'colspan="6"',
        "&nbsp;",
        "&gt;",
    ]:
        if needle not in raw:
            err(f"j1 missing {needle!r}")
    txt = html_text(raw)
    a, b = txt.index("（一）领办人条件"), txt.index("（二）依托单位条件")
    c = txt.index("三、申报程序")
    lead, unit = txt[a:b], txt[b:c]
    for q in (
        "年龄一般不超过50周岁，特别优秀的可放宽至55周岁",
        "具有技师及以上",
        "获得下列荣誉之一",
        "不再申报市级",
    ):
        if q not in lead:
            err(f"j1 {q!r} should sit in the 领办人 section")
    for q in ("依托单位为在上饶市", "面积不小于80平方米", "团队成员一般不少于5人"):
        if q not in unit:
            err(f"j1 {q!r} should sit in the 依托单位 section")
    if re.search("团队成员一般不少于5人（?[不]?含", txt):
        err("j1 team rule must not say 含/不含")
    if "（限选一项）□先进制造业类 □现代服务业类 □传统技艺类" not in txt:
        err("j1 申报类别 three-option □ list")
    # the 申报表 grid must be rectangular (8 columns) once rowspan/colspan are applied
    table = re.search(r'(?s)<table class="sbb".*?</table>', raw).group(0)
    rows = re.findall(r"(?s)<tr>(.*?)</tr>", table)
    pending = {}  # column -> rows (this one included) still covered by a rowspan from above
    for i, r in enumerate(rows):
        occupied = {k for k, v in pending.items() if v > 0}
        col = 0
        for attrs in re.findall(r"<td([^>]*)>", r):
            while col in occupied:
                col += 1
            cs = int(re.search(r'colspan="(\d+)"', attrs).group(1)) if "colspan" in attrs else 1
            rs = int(re.search(r'rowspan="(\d+)"', attrs).group(1)) if "rowspan" in attrs else 1
            for k in range(col, col + cs):
                pending[k] = rs
            col += cs
        width = max([col] + [k + 1 for k in occupied])
        filled = set(range(width)) == {k for k, v in pending.items() if v > 0} | set(range(col))
        for k in pending:
            pending[k] = max(0, pending[k] - 1)
        if width != 8 or not filled:
            err(f"j1 table row {i} spans {width} columns, want 8")


def check_j2_docx():
    path = os.path.join(HERE, "j2_meizhou.docx")
    d = Document(path)
    if len(d.tables) != 1:
        err(f"j2: expected 1 table (申报表), got {len(d.tables)}")
        return
    t = d.tables[0]
    N, R, C = (1, None), "restart", "continue"
    want = (
        [
            [N, (6, None)],
            [N, (6, None)],
            [N, N, N, N, N, (2, None)],
            [N, (3, None), N, (2, None)],
            [N, N, N, N, N, (2, None)],
            [N, (6, None)],
            [N, (2, None), N, (3, None)],
            [N, (3, None), N, (2, None)],
            [N, (6, None)],
            [N, (2, None), N, (3, None)],
            [(1, R), N, (2, None), (3, None)],
        ]
        + [[(1, C), N, (2, None), (3, None)]] * 3
        + [[(1, R)] + [N] * 6]
        + [[(1, C)] + [N] * 6] * 5
        + [
            [N, (6, None)],
            [(2, None), (2, None), (3, None)],
        ]
    )
    if len(t.rows) != len(want):
        err(f"j2 table rows {len(t.rows)} != {len(want)}")
    for i, (tr, w) in enumerate(zip(t._tbl.tr_lst, want, strict=False)):
        got = [(tc.grid_span, None if tc.vMerge is None else str(tc.vMerge)) for tc in tr.tc_lst]
        if got != w:
            err(f"j2 row {i} merges {got} != {w}")
    if [c.text for c in t.rows[10].cells][1:] != [
        "时间",
        "项目名称",
        "项目名称",
        "取得成效",
        "取得成效",
        "取得成效",
    ]:
        err("j2 近三年主要业绩 header row")
    if [c.text for c in t.rows[14].cells][1:] != [
        "姓名",
        "性别",
        "出生年月",
        "技能等级",
        "工作岗位",
        "在工作室分工",
    ]:
        err("j2 团队成员情况 header row")
    for r in list(range(11, 14)) + list(range(15, 20)):
        if any(c.text.strip() for c in t.rows[r].cells[1:]):
            err(f"j2 repeated-group row {r} should be blank")
    if t.cell(13, 0).text != "近三年主要业绩" or t.cell(19, 0).text != "团队成员情况":
        err("j2 vertical group labels")
    paras = [p.text for p in d.paragraphs]
    body_end = paras.index("附件1")
    i3 = next(i for i, p in enumerate(paras) if p.startswith("（三）工作室建设方案"))
    i4 = paras.index("四、申报程序和时间")
    heads = [p for p in paras[i3:i4] if re.match(r"^[一二三四五六七八九十]、", p)]
    if len(heads) != 5 or not i3 < i4 < body_end:
        err(f"j2 outline in the body: {heads}")
    # 承诺书 = text + signature/date blanks only
    k = paras.index("申报承诺书", body_end)
    tail = [p for p in paras[k + 1 :] if p.strip()]
    blanks = [p for p in tail if len(p.strip()) <= 12]
    if [p.strip() for p in blanks] != [
        "领办人（签字）：",
        "年　　月　　日",
        "依托单位（盖章）：",
        "年　　月　　日",
    ]:
        err(f"j2 承诺书 blanks {blanks}")
    if any("_" in p for p in tail):
        err("j2 承诺书 must have no fill-in lines")
    txt = docx_text(path)
    for needle in [
        "拟认定8个",
        "拟命名10个",
        "8万元",
        "3万元",
        "有效期3年",
        "命名有效期5年",
        "一式两份",
        "一份",
        "加盖依托单位公章",
        "A4纸",
        "装订成册",
        "mzrsjnjk@163.com",
        "mzszghjjb@163.com",
    ]:
        if needle not in txt:
            err(f"j2 text missing {needle!r}")


def check_j3_txt():
    raw = open(os.path.join(HERE, "j3_huaian.txt"), "rb").read()
    for enc in ("utf-8", "gbk"):
        try:
            raw.decode(enc)
            err(f"j3 decodes as {enc} (must need GB18030)")
        except UnicodeDecodeError:
            pass
    t = raw.decode("gb18030")
    if raw.count(b"\n") != raw.count(b"\r\n") or raw.count(b"\r\n") < 40:
        err("j3 must be CRLF-only with many lines")
    lines = t.split("\r\n")
    sec = [ln for ln in lines if "二、申报条件" in ln]
    if len(sec) != 1 or not all(
        x in sec[0]
        for x in ("（一）领办人条件。1.", "2.", "3.", "4.", "（二）团队条件", "（三）依托单位条件")
    ):
        err("j3 申报条件 must be one inline-numbered paragraph")
    if not any(ln.startswith("　　为深入实施") and "一、申报范围和数量" in ln for ln in lines):
        err("j3 section 一 must run inside the opening paragraph")
    if "按照国家渐进式延迟法定退休年龄有关规定计算" not in t:
        err("j3 retirement counting rule")
    blanks = [ln for ln in lines if re.search(r"：_{6,}", ln)]
    if len(blanks) < 12:
        err(f"j3 only {len(blanks)} label：____ lines")
    tab_rows = [ln for ln in lines if "\t" in ln]
    if len(tab_rows) < 12 or "序号\t姓名\t性别\t出生年月" not in t:
        err("j3 tab rows")
    if sum(1 for ln in lines if re.fullmatch(r"[1-6]\t{6}", ln)) != 6:
        err("j3 团队成员名单 should have 6 numbered tab rows")
    if "刘䶮" not in t:
        err("j3 GB18030-only character")


def check_j4_pdf():
    path = os.path.join(HERE, "j4_chifeng.pdf")
    r = PdfReader(path)
    n = len(r.pages)
    if n < 2:
        err("j4 should have >= 2 pages")
    fonts = set()
    for p in r.pages:
        res = p.get("/Resources") or {}
        for f in (res.get("/Font") or {}).values():
            fonts.add(str(f.get_object().get("/BaseFont")))
    if not any("STSong-Light" in f for f in fonts):
        err(f"j4 fonts {fonts} lack STSong-Light")
    t = pdf_text(path)
    cjk = sum(1 for ch in t if "\u4e00" <= ch <= "\u9fff")
    if cjk < 1000 or "\ufffd" in t or "赤峰市技能大师工作室申报表" not in t:
        err(f"j4 extraction not readable ({cjk} CJK chars)")
    for i, p in enumerate(r.pages, 1):
        pt = p.extract_text()
        if (
            f"第 {i} 页 共 {n} 页" not in pt
            or "赤人社发〔2026〕57号" not in pt.strip().split("\n")[-1]
        ):
            err(f"j4 page {i} footer")
        if i > 1 and "赤峰市人力资源和社会保障局　赤峰市财政局" not in pt:
            err(f"j4 page {i} running header")
    flat = squash(t)
    for needle in [
        "申报材料一式三份",
        "复印件须加盖依托单位公章",
        "胶装成册",
        "发送至cfrsjnc@163.com",
        "逾期未报送电子版的视为未申报",
        "团队成员名单（不含领办人）序号姓名性别出生年月职业技能等级工作岗位123456",
    ]:
        if needle not in flat:
            err(f"j4 missing {needle!r}")


# ---------------------------------------------------------------- wording-based recomputation
NUM = r"(\d+|[一二三四五六七八九十]+)"


def num(s):
    if s.isdigit():
        return int(s)
    if s == "十":
        return 10
    if "十" not in s:
        return CN.index(s)
    tens, _, units = s.partition("十")
    return (CN.index(tens) if tens else 1) * 10 + (CN.index(units) if units else 0)


def team_incl(facts):
    """team size INCLUDING the leader, from the profile's own wording (None if not stated)"""
    m = re.search(r"共?" + NUM + r"(?:个人|个|人|名)不含我", facts)
    if m:
        return num(m.group(1)) + 1
    m = re.search(r"不含我(?:有|共|一共)?" + NUM, facts)
    if m:
        return num(m.group(1)) + 1
    m = re.search(r"除了?我(?:之外|以外|外)?(?:还有|有|带了)?" + NUM, facts)
    if m:
        return num(m.group(1)) + 1
    m = re.search(
        r"(?:连我在内|连我一共|连我|算上我一共|算上我|包括我一共|包括我在内一共)"
        + NUM
        + r"(?:个人|个|人|名)",
        facts,
    )
    if m:
        return num(m.group(1))
    return None


def ages(facts):
    """possible ages on TODAY from the profile (a set), None if not stated"""
    m = re.search(r"(\d{2})周?岁", facts)
    if m:
        return {int(m.group(1))}
    m = re.search(r"([一二三四五六七八九]?十[一二三四五六七八九]?)周?岁", facts)
    if m:
        return {num(m.group(1))}
    m = re.search(r"(\d{4})年(?:(\d{1,2})月)?(?:出生|生)", facts)
    if m:
        y = int(m.group(1))
        if m.group(2) and int(m.group(2)) < 12:
            return {TODAY.year - y}
        return {TODAY.year - y - 1, TODAY.year - y}
    return None


def sexes(facts):
    if "女" in facts and "男" not in facts:
        return {"female"}
    if "男" in facts and "女" not in facts:
        return {"male"}
    return {"male", "female"}


def one(marks):
    return marks.pop() if len(marks) == 1 else "❔"


def age_mark(v, facts):
    a = ages(facts)
    if a is None:
        return None
    if isinstance(v, int):
        return one({"✅" if x <= v else "❌" for x in a})
    if "general" in v:
        return one({"✅" if x <= v["general"] else "❔" if x <= v["relaxed"] else "❌" for x in a})
    if "male" in v:
        return one({"✅" if x <= v[s] else "❌" for x in a for s in sexes(facts)})
    err(f"age value {v!r} not understood")
    return None


def retire_index(sex, kind, y, m):
    """month index (year*12 + month-1) of the statutory retirement under the 2025 rules"""
    if sex == "male":
        base, start, per, cap = 60, 1965 * 12, 4, 36
    elif kind == "cadre":
        base, start, per, cap = 55, 1970 * 12, 4, 36
    else:
        base, start, per, cap = 50, 1975 * 12, 2, 60
    b = y * 12 + m - 1
    delay = 0 if b < start else min(cap, (b - start) // per + 1)
    return b + base * 12 + delay


def retire_mark(v, facts):
    sx = sexes(facts)
    if "说不清" in facts or "不清楚" in facts:
        kinds = {"worker", "cadre"}
    elif "工人身份" in facts or "一线" in facts:
        kinds = {"worker"}
    elif "干部身份" in facts:
        kinds = {"cadre"}
    else:
        kinds = {"worker", "cadre"}
    now = TODAY.year * 12 + TODAY.month - 1
    m = re.search(r"(\d{4})年(?:(\d{1,2})月)?(?:出生|生)", facts)
    out = set()
    if m:
        y = int(m.group(1))
        months = [int(m.group(2))] if m.group(2) else [1, 12]
        for s in sx:
            for k in kinds if s == "female" else {"-"}:
                for mo in months:
                    out.add("✅" if retire_index(s, k, y, mo) - now >= v * 12 else "❌")
        return one(out)
    a = ages(facts)
    if a and sx == {"male"}:  # men retire at 60 or later under every rule
        return "✅" if 60 - (max(a) + 1) >= v else None
    return None


def recompute(fname, prof, conds):
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
            if c["includes_leader"] is None:  # decidable only when both readings agree
                got = one({"✅" if x >= v else "❌" for x in (n, n - 1)})
            else:
                got = "✅" if (n if c["includes_leader"] else n - 1) >= v else "❌"
        elif k == "age_max":
            got = age_mark(v, facts)
            if got is None:
                err(f"{fname}: cannot read age from {facts[:30]}")
        elif k == "retire_years":
            got = retire_mark(v, facts)
            if got is None:
                err(f"{fname}: cannot read birth date from {facts[:30]}")
        elif k == "area":
            m = re.search(r"(\d+)个?(?:平方米|平米|平方|㎡)", facts)
            if m:
                got = "✅" if int(m.group(1)) >= v else "❌"
            else:
                err(f"{fname}: no area in {facts[:30]}")
        elif k == "unit_years":
            ms = re.findall(
                r"(\d{4})年(?:注册成立|成立|登记成立|登记|注册|办的|建厂|建校|建院|经批准设立)",
                facts,
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
        if c["kind"] == "team_min":
            q = c["quote"]
            if c["includes_leader"] is True and "含领办人" not in q.replace("不含领办人", ""):
                err(f"{fname}: team quote does not say 含领办人")
            if c["includes_leader"] is False and "不含领办人" not in q and "除领办人外" not in q:
                err(f"{fname}: team quote does not say 不含领办人/除领办人外")
            if c["includes_leader"] is None and ("含领办人" in q or "除领办人" in q):
                err(f"{fname}: team quote states 含/不含 but includes_leader is null")
        if c["kind"] in ("age_max", "retire_years", "team_min", "unit_years", "area"):
            v = c["value"]
            if isinstance(v, int):
                if str(v) not in c["quote"]:
                    err(f"{fname}: {c['kind']} value {v} not in its quote")
            elif c["kind"] == "age_max" and isinstance(v, dict):
                nums = [x for x in v.values() if isinstance(x, int)]
                if not nums or any(str(x) not in c["quote"] for x in nums):
                    err(f"{fname}: age value {v} not in its quote")
            else:
                err(f"{fname}: {c['kind']} value {v!r}")
        if c["kind"] == "honour":
            v = c["value"]
            if v.get("mode") not in ("open", "closed") or not v.get("list"):
                err(f"{fname}: honour value {v!r}")
            if v.get("mode") == "open" and "等" not in c["quote"]:
                err(f"{fname}: open honour list without 等")
            if v.get("mode") == "closed":
                for h in v["list"]:
                    if h not in c["quote"]:
                        err(f"{fname}: closed honour {h} not in quote")
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
        if not f["fields"] and ("承诺书" not in f["title"] or not f["signature_cells"]):
            err(f"{fname}: a form without fields must be a sign-only 承诺书")
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
                if not is_pdf and not opt_present(text, o):
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
        for w in ("A4", "双面", "单面", "胶装", "PDF", "U盘", "光盘", "邮箱", "公示", "Word"):
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
        if pr["expected"].get("other") == "❔":
            err(f"{fname}: 'other' rules of this set are decidable")
        recompute(fname, pr, conds_by_prog[p])
    for p, n in per_prog.items():
        if n < 4:
            err(f"{fname}: {n} profiles for {p} (want >= 4)")
    if len(key["profiles"]) < 5:
        err(f"{fname}: only {len(key['profiles'])} profiles")
    return key


def check_special(keys):
    j1 = keys.get("j1_shangrao.html")
    if j1 and not any(
        "53岁" in p["facts"] and p["expected"]["age_max"] == "❔" for p in j1["profiles"]
    ):
        err("j1 needs the 53-year-old ❔ profile")
    j2 = keys.get("j2_meizhou.docx")
    if j2:
        f1 = j2["forms"][0]
        if [x["label"] for x in f1["fields"] if x["type"] == "repeated_group"] != [
            "近三年主要业绩",
            "团队成员情况",
        ]:
            err("j2 申报表 must carry both repeated groups")
        if j2["forms"][1]["fields"] != []:
            err("j2 承诺书 must be sign-only")
    j3 = keys.get("j3_huaian.txt")
    if j3:
        marks = [p["expected"]["retire_years"] for p in j3["profiles"]]
        if set(marks) != MARKS:
            err(f"j3 retire marks should cover ✅❌❔: {marks}")


def main():
    check_j1_html()
    check_j2_docx()
    check_j3_txt()
    check_j4_pdf()
    kps = sorted(glob.glob(os.path.join(HERE, "*.expected.json")))
    if {os.path.basename(k).removesuffix(".expected.json") for k in kps} != FILES:
        err(f"keys found: {[os.path.basename(k) for k in kps]}")
    keys, closed_seen, tally = {}, set(), {"符合": 0, "待确认": 0, "不符合": 0}
    for k in kps:
        key = check_key(k)
        if key:
            keys[key["file"]] = key
            closed_seen.add(key["closed"])
            for p in key["profiles"]:
                tally[p["overall"]] += 1
    check_special(keys)
    n_prof = sum(tally.values())
    if closed_seen != {True, False}:
        err("need both open and closed rounds")
    if not 24 <= n_prof <= 28:
        err(f"{n_prof} profiles in all (want 24-28)")
    if min(tally.values()) < n_prof // 3 - 1:
        err(f"overall mix {tally} is not about a third each")
    if errors:
        print(f"\n{len(errors)} problem(s)")
        sys.exit(1)
    print(f"ALL OK ({n_prof} profiles: {tally}):", ", ".join(os.path.basename(k) for k in kps))


if __name__ == "__main__":
    main()
