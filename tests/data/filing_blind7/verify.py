#!/usr/bin/env python3
"""Self-check for the filing7 blind set (assumed today 2026-12-02).

Run with a Python that has python-docx and pypdf, e.g.
    /tmp/f7venv/bin/python verify.py        (python3 -m venv /tmp/f7venv; pip install python-docx pypdf reportlab)
Checks every answer key against its notice (literal quotes / programmes / form titles / labels / options /
columns / signature cells / outline headings / checklist items / deadline date / copy counts), the key schema
and internal consistency (profiles per notice, expected keys = condition kinds, overall rule and the overall
mix, closed vs deadline), and it RECOMPUTES from each profile's own wording the marks for
  team      size (含/不含 or ambiguous "有4个人") AND the composition part (k1 share of 技师及以上 incl. the
            leader; k2 其中高级工以上 among the members without the leader),
  age       birth-date cutoff (k1), 不超过N周岁 counted at a stated date (k2), plain N周岁及以下 (k4); the
            facts may give a birth year, year-month, two-digit year (79年 / 七四年), an age in years, or both
            (intersected),
  area      incl. a range such as 五六十平方,
  founding  year + N == 2026 -> ❔,
  other     k3's 在依托单位连续工作满5年 from the start of the CURRENT continuous spell (又回来 resets it).
Format checks: HTML page furniture, nested member <table>, rectangular outer grid, materials table;
docx merges and same-cell □ options; UTF-8-BOM CRLF txt with a box-drawing table and an outline attachment;
CID-font PDF with page numbers, running header, a separate roster page and a sign-only 承诺书.
For the PDF, literal checks ignore whitespace (text is wrapped on the page).
"""

import calendar
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
TODAY = dt.date(2026, 12, 2)

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
FILES = {"k1_yiyang.html", "k2_jinzhou.docx", "k3_xianning.txt", "k4_yanan.pdf"}
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
        for tr in t._tbl.tr_lst:
            for tc in tr.tc_lst:
                parts.append(_Cell(tc, t).text)
    return "\n".join(parts)


def html_text(raw):
    s = re.sub(r"(?is)<(script|style)\b.*?</\1>", "", raw)
    s = re.sub(r"(?s)<!--.*?-->", "", s)
    s = re.sub(r"(?i)<br\s*/?>|</p>|</tr>|</li>|</td>|</th>", "\n", s)
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
    return raw.decode("utf-8-sig").replace("\r\n", "\n")


def squash(s):
    return re.sub(r"\s+", "", s)


# ---------------------------------------------------------------- format checks
def grid_width_ok(table_html, want, tag):
    rows = re.findall(r"(?s)<tr>(.*?)</tr>", table_html)
    pending = {}
    for i, r in enumerate(rows):
        occupied = {k for k, v in pending.items() if v > 0}
        col = 0
        for attrs in re.findall(r"<t[dh]([^>]*)>", r):
            while col in occupied:
                col += 1
            cs = int(re.search(r'colspan="(\d+)"', attrs).group(1)) if "colspan" in attrs else 1
            rs = int(re.search(r'rowspan="(\d+)"', attrs).group(1)) if "rowspan" in attrs else 1
            for k in range(col, col + cs):
                pending[k] = rs
            col += cs
        width = max([col] + [k + 1 for k in occupied])
        for k in pending:
            pending[k] = max(0, pending[k] - 1)
        if width != want:
            err(f"{tag} row {i} spans {width} columns, want {want}")
    return len(rows)


def check_k1_html():
    raw = open(os.path.join(HERE, "k1_yiyang.html"), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("k1 should have no BOM")
    raw = raw.decode("utf-8")
    for needle in [
        "<!DOCTYPE html>",
        'charset="utf-8"',
        "您的位置：",
        "发布日期：2026-11-18",
        "阅读量：",
        ">大</a>",
        ">中</a>",
        ">小</a>",
        "分享到",
        "【打印此页】",
        "【关闭窗口】",
        "湘ICP备",
        "湘公网安备",
        "网站标识码",
        'class="nav"',
        'class="banner"',
        "上一篇",
        "下一篇",
        "附件下载",
        "&nbsp;",
        "&raquo;",
        "&gt;",
        'class="TRS_Editor"',
    ]:
        if needle not in raw:
            err(f"k1 missing {needle!r}")
    # nested member table inside a cell of the 申报表
    inner = re.findall(r'(?s)<table class="inner".*?</table>', raw)
    if len(inner) != 1:
        err("k1 needs exactly one nested member table")
    else:
        hdr = re.findall(r"<td>([^<]*)</td>", inner[0])[:6]
        if hdr != ["序号", "姓名", "性别", "出生年月", "职业技能等级", "工作岗位"]:
            err(f"k1 nested header {hdr}")
        if len(re.findall(r"<tr>", inner[0])) != 9:
            err("k1 nested table: header + 8 rows")
    flat = raw.replace(inner[0], "NESTED") if inner else raw
    m = re.search(r'(?s)<table class="sbb".*?</table>', flat)
    if not m or '<td>团队成员名单（含领办人）</td><td colspan="5">NESTED</td>' not in m.group(0):
        err("k1 nested table must sit in the 团队成员名单 cell of the 申报表")
    else:
        grid_width_ok(m.group(0), 6, "k1 申报表")
    cl = re.search(r'(?s)<table class="cltable".*?</table>', raw)
    if not cl:
        err("k1 materials table missing")
    else:
        n = grid_width_ok(cl.group(0), 4, "k1 材料表")
        if n != 8 or "<th" not in cl.group(0) or "序号</th><th" not in cl.group(0):
            err("k1 材料表 must be a header + 7 rows")
        for w in ("材料名称", "份数", "备注", "仅依托单位为企业的提供", "单位内部公示情况说明"):
            if w not in cl.group(0):
                err(f"k1 材料表 missing {w}")
    txt = html_text(raw)
    a, b = txt.index("（一）领办人条件"), txt.index("（二）团队条件")
    if "1.1971年1月1日以后出生" not in txt[a:b]:
        err("k1 birth-date cutoff must sit in the 领办人 section as item 1.")
    if "周岁" in txt or "年龄" in txt:
        err("k1 must give the age ONLY as a birth-date cutoff (no 周岁/年龄)")
    for needle in (
        "不接受电子邮件报送",
        "网上办事大厅",
        "不需胶装",
        "单面",
        "公示期不少于5个工作日",
    ):
        if needle not in txt:
            err(f"k1 text missing {needle!r}")
    if "@" in txt:
        err("k1 must not give any e-mail address")


def check_k2_docx():
    path = os.path.join(HERE, "k2_jinzhou.docx")
    d = Document(path)
    if len(d.tables) != 1:
        err(f"k2: expected 1 table, got {len(d.tables)}")
        return
    t = d.tables[0]
    want = [
        [1, 5],
        [1, 1, 2, 1, 1],
        [1, 2, 1, 2],
        [1, 2, 1, 2],
        [3, 1, 2],
        [6],
        [6],
        [1, 5],
        [6],
        [1, 2, 1, 2],
        [2, 1, 2, 1],
        [6],
        [1, 5],
        [1, 5],
        [6],
        [2, 2, 2],
    ]
    got = [[tc.grid_span for tc in tr.tc_lst] for tr in t._tbl.tr_lst]
    if got != want:
        err(f"k2 merges {got}")
    cells = [_Cell(tc, t).text for tr in t._tbl.tr_lst for tc in tr.tc_lst]
    same_cell = {
        "性别": ["男", "女"],
        "职业资格等级": ["高级技师", "技师"],
        "申报条件类别": ["具有高级技师职业资格", "具有技师职业资格且获得市级以上技术能手称号"],
        "获得技术能手称号": ["全国技术能手", "辽宁省技术能手", "锦州市技术能手", "其他"],
        "单位性质": ["国有企业", "民营企业", "技工院校", "职业院校", "其他"],
        "是否已被认定为省级以上技能大师工作室": ["是", "否"],
    }
    for label, opts in same_cell.items():
        c = [x for x in cells if x.startswith(label + " □")]
        if len(c) != 1:
            err(f"k2 label {label} must share ONE cell with its □ options")
            continue
        got_opts = [re.sub(r"_+$", "", o).strip() for o in c[0].split("□")[1:]]
        if got_opts != opts:
            err(f"k2 {label} options {got_opts}")
    if any(x.strip() == "性别" for x in cells):
        err("k2 性别 must not have a cell of its own")
    txt = docx_text(path)
    for needle in [
        "锦人社发〔2026〕109号",
        "按2026年12月31日计算",
        "一式三份",
        "各一份",
        "加盖依托单位公章",
        "A4纸双面打印",
        "胶装成册",
        "U盘",
        "公示期不少于5个工作日",
        "以技师职业资格申报的，还需提供",
        "依托单位为技工院校、职业院校的，还需提供",
    ]:
        if needle not in txt:
            err(f"k2 text missing {needle!r}")
    if "荣誉之一" in txt or "获得下列" in txt:
        err("k2 must have no separate honour rule")
    if "@" in txt:
        err("k2 sends the electronic copy on a U盘 only (no e-mail)")


def check_k3_txt():
    raw = open(os.path.join(HERE, "k3_xianning.txt"), "rb").read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        err("k3 must start with a UTF-8 BOM")
    if raw.count(b"\n") != raw.count(b"\r\n") or raw.count(b"\r\n") < 80:
        err("k3 must be CRLF-only with many lines")
    t = raw.decode("utf-8-sig")
    lines = t.split("\r\n")
    top = [i for i, ln in enumerate(lines) if ln.startswith("┌")]
    bot = [i for i, ln in enumerate(lines) if ln.startswith("└")]
    if len(top) != 1 or len(bot) != 1:
        err("k3 needs exactly one box-drawing table")
        return
    box = lines[top[0] : bot[0] + 1]
    if len({len(ln) for ln in box}) != 1:
        err("k3 box table lines differ in length")
    if not all(ln[0] in "┌├│└" and ln[-1] in "┐┤│┘" for ln in box):
        err("k3 box table borders")
    if any(ord(ch) < 0x2000 for ln in box for ch in ln):
        err("k3 box table must be full-width only (no ASCII)")
    if "│单位类型　　　　　　　　│□企业　□技工院校　□职业院校" not in t:
        err("k3 单位类型 row")
    i2 = lines.index("附件2")
    heads = [ln for ln in lines[i2:] if re.match(r"^[一二三四五六七八九十]、", ln)]
    subs = [ln for ln in lines[i2:] if re.match(r"^（[一二三]）", ln)]
    if len(heads) != 7 or len(subs) != 3:
        err(f"k3 outline attachment {heads} {subs}")
    if "周岁" in t or re.search("年龄[不在]", t) or "以后出生" in t:
        err("k3 must have no age rule")
    for needle in (
        "xnsrsjnlk@163.com",
        "以上第3至5项材料各一份",
        "A4纸双面打印，左侧装订",
        "按附件2提纲撰写",
    ):
        if needle not in t:
            err(f"k3 missing {needle!r}")


def check_k4_pdf():
    path = os.path.join(HERE, "k4_yanan.pdf")
    r = PdfReader(path)
    len(r.pages)
    fonts = set()
    for p in r.pages:
        res = p.get("/Resources") or {}
        for f in (res.get("/Font") or {}).values():
            fonts.add(str(f.get_object().get("/BaseFont")))
    if not any("STSong-Light" in f for f in fonts):
        err(f"k4 fonts {fonts} lack STSong-Light")
    t = pdf_text(path)
    cjk = sum(1 for ch in t if "\u4e00" <= ch <= "\u9fff")
    if cjk < 1500 or "\ufffd" in t:
        err(f"k4 extraction not readable ({cjk} CJK chars)")
    pages = [p.extract_text() for p in r.pages]
    for i, pt in enumerate(pages, 1):
        if f"— {i} —" not in pt:
            err(f"k4 page {i} number")
        if i > 1 and (
            "延安市人力资源和社会保障局　延安市财政局" not in pt
            or "延市人社发〔2026〕38号" not in pt
        ):
            err(f"k4 page {i} running header")
    by_title = {}
    for i, pt in enumerate(pages):
        for a in ("附件1", "附件2", "附件3"):
            if squash(pt).startswith(
                f"—{i + 1}—延安市人力资源和社会保障局延安市财政局延市人社发〔2026〕38号{a}"
            ):
                by_title[a] = squash(pt)
    if set(by_title) != {"附件1", "附件2", "附件3"}:
        err(f"k4 each attachment must start its own page: {sorted(by_title)}")
        return
    if (
        "详见附件2《延安市技能大师工作室团队成员花名册》" not in by_title["附件1"]
        or "序号" in by_title["附件1"]
    ):
        err("k4 附件1 must point to 附件2 and hold no member rows")
    if (
        "序号姓名性别出生年月职业（工种）职业技能等级在团队中承担的工作联系电话12345678"
        not in by_title["附件2"]
    ):
        err("k4 附件2 roster header + 8 numbered rows")
    a3 = by_title["附件3"]
    if "_" in a3 or "领办人（签字）：年月日依托单位（盖章）：年月日" not in a3:
        err("k4 附件3 must be sign-only")
    flat = squash(t)
    for needle in [
        "2026年11月30日前",
        "逾期不予受理",
        "2026年12月10日前",
        "以上材料一式两份",
        "复印件须加盖依托单位公章",
        "发送至电子邮箱yasrsjnlk@163.com",
        "依托单位为技工院校的，另需提供",
    ]:
        if needle not in flat:
            err(f"k4 missing {needle!r}")


# ---------------------------------------------------------------- wording-based recomputation
NUM = r"(\d+|[一二两三四五六七八九十]+)"
HAI = "[还還]"


def num(s):
    s = s.replace("两", "二")
    if s.isdigit():
        return int(s)
    if s == "十":
        return 10
    if "十" not in s:
        return CN.index(s)
    tens, _, units = s.partition("十")
    return (CN.index(tens) if tens else 1) * 10 + (CN.index(units) if units else 0)


def team_total(facts):
    """set of possible team sizes INCLUDING the leader (None if not stated) and the match end"""
    pats = [
        (
            r"(?:连我在内|连我一共|连我|算上我一共|算上我|包括我在内一共)"
            + NUM
            + r"(?:个人|个|人|名)",
            0,
        ),
        (r"一共" + NUM + r"个人（包括我）", 0),
        (
            r"除了?我(?:以外|之外|外)?(?:"
            + HAI
            + r"有|有)?"
            + NUM
            + r"(?:个人|个|人|名)(?!是?技师)",
            1,
        ),
        (r"工作室现在有" + NUM + r"个人", None),
    ]
    for pat, add in pats:
        m = re.search(pat, facts)
        if m:
            n = num(m.group(1))
            return ({n, n + 1} if add is None else {n + add}), m.end()
    return None, None


def k1_skilled(facts):
    """技师及以上 count INCLUDING the leader (None = not stated)"""
    m = re.search(
        r"(?:技师以上的?有|技师及以上)" + NUM + r"(?:个|人|名)?（(?:也)?(?:包括|含)我", facts
    )
    if m:
        return num(m.group(1))
    m = re.search(
        r"(?:除了?我(?:以外|之外|外)?(?:"
        + HAI
        + r"有|只有|有)?|其中)"
        + NUM
        + r"个(?:是)?(?:高级)?技师",
        facts,
    )
    if m:
        return num(m.group(1)) + 1
    return None


def k2_senior(facts, end):
    """高级工以上 count among the members (leader excluded), from the clause after the team size"""
    clause = facts[end:].split("。")[0]
    if "都是高级工以上" in clause:
        return "all"
    if "都是中级工以上" in clause:
        return None
    m = re.search(r"高级工以上" + NUM, clause)
    if m:
        return num(m.group(1))
    hits = re.findall(NUM + r"(?:个|名)?(?:高级技师|技师|高级工)", clause)
    return sum(num(h) for h in hits) if hits else None


def one(marks):
    return next(iter(marks)) if len(marks) == 1 else "❔"


def team_mark(c, facts):
    tot, end = team_total(facts)
    if tot is None:
        err(f"cannot read team size from {facts[:30]}")
        return None
    v, inc = c["value"], c["includes_leader"]
    if isinstance(v, int):
        if inc is None:
            return one({"✅" if x >= v else "❌" for n in tot for x in (n, n - 1)})
        return one({"✅" if (n if inc else n - 1) >= v else "❌" for n in tot})
    size = one({"✅" if (n if inc else n - 1) >= v["min"] else "❌" for n in tot})
    if size == "❌":
        return "❌"
    if "share" in v:  # share of 技师及以上 in the team incl. the leader
        k = k1_skilled(facts)
        if k is None:
            return "❔"
        part = one({"✅" if k * 100 >= v["share"]["min_percent"] * n else "❌" for n in tot})
    else:  # of_which among the members without the leader
        k = k2_senior(facts, end)
        if k is None:
            return "❔"
        part = one(
            {"✅" if (n - 1 if k == "all" else k) >= v["of_which"]["min"] else "❌" for n in tot}
        )
    if part == "❌":
        return "❌"
    return "❔" if "❔" in (size, part) else "✅"


def month_end(y, m):
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def birth_range(facts):
    """(lo, hi) birth dates consistent with every statement in the facts, None if none"""
    rs = []
    m = re.search(r"(\d{4})年(\d{1,2})月(?:生|出生)", facts)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        rs.append((dt.date(y, mo, 1), month_end(y, mo)))
    else:
        m = re.search(r"(\d{4})年(?:生|出生)", facts) or re.search(
            r"(?<!\d)(\d{2})年(?:生|出生)", facts
        )
        if m:
            y = int(m.group(1))
            y = y + 1900 if y < 100 else y
            rs.append((dt.date(y, 1, 1), dt.date(y, 12, 31)))
        m = re.search(r"([五六七八九])([〇零一二三四五六七八九])年(?:的|生|出生)", facts)
        if m:
            y = 1900 + CN.index(m.group(1)) * 10 + CN.index(m.group(2).replace("零", "〇"))
            rs.append((dt.date(y, 1, 1), dt.date(y, 12, 31)))
    m = (
        re.search(r"(\d{2})周?岁", facts)
        or re.search(r"([一二三四五六七八九]?十[一二三四五六七八九]?)周?岁", facts)
        or re.search(r"今年(\d{2})(?![\d年])", facts)
    )
    if m:
        a = num(m.group(1))
        lo = TODAY.replace(year=TODAY.year - a - 1) + dt.timedelta(days=1)
        rs.append((lo, TODAY.replace(year=TODAY.year - a)))
    if not rs:
        return None
    lo, hi = max(r[0] for r in rs), min(r[1] for r in rs)
    if lo > hi:
        err(f"contradictory age facts: {facts[:40]}")
    return lo, hi


def age_at(b, ref):
    return ref.year - b.year - ((ref.month, ref.day) < (b.month, b.day))


def age_mark(v, facts):
    r = birth_range(facts)
    if r is None:
        return None
    if isinstance(v, dict) and "born_on_or_after" in v:
        cut = dt.date.fromisoformat(v["born_on_or_after"])
        return one({"✅" if b >= cut else "❌" for b in r})
    if isinstance(v, dict) and "max" in v:
        ref, lim = dt.date.fromisoformat(v["as_of"]), v["max"]
    elif isinstance(v, int):
        ref, lim = TODAY, v
    else:
        err(f"age value {v!r} not understood")
        return None
    return one({"✅" if age_at(b, ref) <= lim else "❌" for b in r})


def area_mark(v, facts):
    m = re.search(r"([一二三四五六七八九])([一二三四五六七八九])十平", facts)
    if m:
        vals = {CN.index(m.group(1)) * 10, CN.index(m.group(2)) * 10}
    else:
        m = re.search(r"(\d+)个?(?:平方米|平米|平方|平|㎡)", facts)
        if not m:
            return None
        vals = {int(m.group(1))}
    return one({"✅" if x >= v else "❌" for x in vals})


def years_mark(y, n):
    y += n
    return "✅" if y < TODAY.year else "❔" if y == TODAY.year else "❌"


def tenure_mark(facts, need):
    """在依托单位连续工作满need年, from the start of the current continuous spell"""
    m = re.search(r"(\d{4})年(\d{1,2})月又回来", facts)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        rng = (dt.date(y, mo, 1), month_end(y, mo))
    elif m := re.search(r"(\d{4})年下半年", facts):
        y = int(m.group(1))
        rng = (dt.date(y, 7, 1), dt.date(y, 12, 31))
    elif m := re.search(r"(\d{4})年(?:进的?厂|入职|公司一成立就过来)", facts):
        y = int(m.group(1))
        rng = (dt.date(y, 1, 1), dt.date(y, 12, 31))
    elif m := re.search(r"在学校教了" + NUM + "年", facts):
        return "✅" if num(m.group(1)) >= need else "❌"
    else:
        return None
    return one({"✅" if age_at(s, TODAY) >= need else "❌" for s in rng})


def recompute(fname, prof, conds):
    facts, exp = prof["facts"], prof["expected"]
    for c in conds:
        k, v = c["kind"], c["value"]
        want, got = exp.get(k), None
        if k == "team_min":
            got = team_mark(c, facts)
        elif k == "age_max":
            got = age_mark(v, facts)
            if got is None:
                err(f"{fname}: cannot read age from {facts[:30]}")
        elif k == "area":
            got = area_mark(v, facts)
            if got is None:
                err(f"{fname}: no area in {facts[:30]}")
        elif k == "unit_years":
            ms = re.findall(
                r"(\d{4})年(?:注册成立|成立|登记成立|登记|注册|办的|建厂|建校|建院)", facts
            )
            if ms:
                got = years_mark(int(ms[-1]), v)
            else:
                err(f"{fname}: no founding year in {facts[:30]}")
        elif k == "other" and "连续工作满" in v:
            need = int(re.search(r"满(\d+)年", v).group(1))
            got = tenure_mark(facts, need)
            if got is None:
                err(f"{fname}: cannot read the years in the unit from {facts[:30]}")
        elif k == "other":
            if want != "✅" or not re.search("[没沒]", facts):
                err(
                    f"{fname}: no-repeat 'other' should be ✅ from a stated 没评过/没领办过: {facts[:30]}"
                )
        if got is not None and got != want:
            err(f"{fname}: {k} recomputed {got} but key says {want}: {facts[:40]}…")


# ---------------------------------------------------------------- key checks
def opt_present(text, opt):
    return re.search("□" + re.escape(opt) + r"(?=[\s_\u3000]|$)", text) is not None


def check_value(fname, c):
    k, v, q = c["kind"], c["value"], c["quote"]
    if k in ("retire_years", "unit_years", "area"):
        if not isinstance(v, int) or str(v) not in q:
            err(f"{fname}: {k} value {v!r} not an int in its quote")
    elif k == "age_max":
        if isinstance(v, int):
            ok = str(v) in q
        elif isinstance(v, dict) and set(v) == {"born_on_or_after"}:
            d = dt.date.fromisoformat(v["born_on_or_after"])
            ok = f"{d.year}年{d.month}月{d.day}日以后出生" in q
        elif isinstance(v, dict) and set(v) == {"max", "as_of"}:
            d = dt.date.fromisoformat(v["as_of"])
            ok = str(v["max"]) in q and f"{d.year}年{d.month}月{d.day}日" in q
        else:
            ok = False
        if not ok:
            err(f"{fname}: age value {v!r} not backed by its quote")
    elif k == "team_min":
        if isinstance(v, int):
            ok = str(v) in q
        elif isinstance(v, dict) and set(v) == {"min", "share"}:
            ok = (
                f"不少于{v['min']}人" in q
                and f"{v['share']['min_percent']}%" in q
                and v["share"]["level"] in q
            )
        elif isinstance(v, dict) and set(v) == {"min", "of_which"}:
            ok = (
                f"不少于{v['min']}人" in q
                and f"{v['of_which']['level']}以上不少于{v['of_which']['min']}人" in q
            )
        else:
            ok = False
        if not ok:
            err(f"{fname}: team value {v!r} not backed by its quote")
    elif k == "level":
        if isinstance(v, str):
            ok = v in q
        else:
            alts = v.get("any_of", [])
            ok = len(alts) >= 2 and all(a["level"] in q for a in alts) and "或" in q
        if not ok:
            err(f"{fname}: level value {v!r}")
    elif k == "honour":
        if v.get("mode") not in ("open", "closed") or not v.get("list"):
            err(f"{fname}: honour value {v!r}")
        if v.get("mode") == "open" and "等" not in q:
            err(f"{fname}: open honour list without 等")
        if v.get("mode") == "closed":
            for h in v["list"]:
                if h not in q:
                    err(f"{fname}: closed honour {h} not in quote")
    elif k == "unit_type":
        if set(v) != {"admitted", "excluded"} or not all(
            x in q for x in v["admitted"] + v["excluded"]
        ):
            err(f"{fname}: unit_type value {v!r}")


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
        if c["kind"] != "team_min" and c["includes_leader"] is not None:
            err(f"{fname}: includes_leader set on {c['kind']}")
        if c["kind"] == "team_min":
            q = c["quote"]
            if c["includes_leader"] is True and "含领办人" not in q.replace("不含领办人", ""):
                err(f"{fname}: team quote does not say 含领办人")
            if c["includes_leader"] is False and "不含领办人" not in q and "除领办人外" not in q:
                err(f"{fname}: team quote does not say 不含领办人")
            if c["includes_leader"] is None and ("含领办人" in q or "除领办人" in q):
                err(f"{fname}: team quote states 含/不含 but includes_leader is null")
        check_value(fname, c)
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
            if ("options" in fl) != (fl["type"] in ("choice", "multi_choice")):
                err(f"{fname}: options presence wrong on {fl['label']}")
            if ("columns" in fl) != (fl["type"] == "repeated_group"):
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
        fm = it["format"] or ""
        if fname.startswith("k1") and ("邮箱" in fm or "胶装" in fm or "双面" in fm):
            err(f"{fname}: k1 has no e-mail, no 胶装, 单面 only")
        if fname.startswith("k2") and "U盘" not in fm:
            err(f"{fname}: k2 items go on the U盘")
        if fname[:2] in ("k3", "k4") and "邮箱" not in fm:
            err(f"{fname}: k3/k4 items go by e-mail")
        if "仅" in fm and not fm.startswith("仅"):
            err(f"{fname}: conditional format should start with 仅…: {fm[:20]}")

    for pr in key["profiles"]:
        if set(pr) != {"programme", "facts", "expected", "overall"}:
            err(f"{fname}: profile keys {sorted(pr)}")
        p = pr["programme"]
        if p not in progs:
            err(f"{fname}: profile programme {p!r}")
            continue
        if set(pr["expected"]) != kinds_by_prog[p]:
            err(f"{fname}: profile kinds {sorted(pr['expected'])} != {sorted(kinds_by_prog[p])}")
        vals = set(pr["expected"].values())
        if not vals <= MARKS:
            err(f"{fname}: bad marks {vals}")
        want = "不符合" if "❌" in vals else "待确认" if "❔" in vals else "符合"
        if pr["overall"] != want:
            err(f"{fname}: overall {pr['overall']} != {want}")
        recompute(fname, pr, conds_by_prog[p])
    if len(key["profiles"]) < 6:
        err(f"{fname}: only {len(key['profiles'])} profiles")
    if {pr["overall"] for pr in key["profiles"]} != {"符合", "待确认", "不符合"}:
        err(f"{fname}: each notice should have all three overalls")
    return key


def check_special(keys):
    k1 = keys.get("k1_yiyang.html")
    if k1:
        ages = {p["expected"]["age_max"] for p in k1["profiles"]}
        if ages != MARKS:
            err(f"k1 age marks should cover ✅❌❔: {ages}")
        if not any(
            "1971年1月" in p["facts"] and p["expected"]["age_max"] == "✅" for p in k1["profiles"]
        ):
            err("k1 needs the born-1971-01 boundary ✅")
    k2 = keys.get("k2_jinzhou.docx")
    if k2:
        if any(c["kind"] == "honour" for c in k2["conditions"]):
            err("k2 must have no honour condition (the honour is a route inside level)")
        fs = {p["facts"][:12]: p["expected"] for p in k2["profiles"]}
        if not any(
            "没得过" in p["facts"] and p["expected"]["level"] == "✅" for p in k2["profiles"]
        ):
            err("k2 needs a 高级技师 without any honour = level ✅")
        if not any(
            "县技术能手" in p["facts"] and p["expected"]["level"] == "❌" for p in k2["profiles"]
        ):
            err("k2 needs a county title = level ❌")
        if not any(
            "1970年12月" in p["facts"] and p["expected"]["age_max"] == "❌" for p in k2["profiles"]
        ):
            err("k2 needs the as_of trap (born 1970-12, 55 today, 56 on 2026-12-31)")
        del fs
    k3 = keys.get("k3_xianning.txt")
    if k3:
        if any(c["kind"] == "age_max" for c in k3["conditions"]):
            err("k3 has no age rule")
        marks = {p["expected"]["other"] for p in k3["profiles"]}
        if marks != MARKS:
            err(f"k3 tenure marks should cover ✅❌❔: {marks}")
        if not any("57岁" in p["facts"] and p["overall"] == "符合" for p in k3["profiles"]):
            err("k3 needs the 57-year-old 符合 (no age rule)")
    k4 = keys.get("k4_yanan.pdf")
    if k4:
        if not k4["closed"] or [len(f["fields"]) == 0 for f in k4["forms"]] != [False, False, True]:
            err("k4 must be closed with 申报表, 花名册 and a sign-only 承诺书")
        if [f["type"] for f in k4["forms"][1]["fields"]].count("repeated_group") != 1:
            err("k4 花名册 must carry the repeated group")
        if any(f["type"] == "repeated_group" for f in k4["forms"][0]["fields"]):
            err("k4 申报表 must not carry the member list")


def main():
    check_k1_html()
    check_k2_docx()
    check_k3_txt()
    check_k4_pdf()
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
    if not 26 <= n_prof <= 30:
        err(f"{n_prof} profiles in all (want about 28)")
    if max(tally.values()) - min(tally.values()) > 2:
        err(f"overall mix {tally} is not balanced")
    if errors:
        print(f"\n{len(errors)} problem(s)")
        sys.exit(1)
    print(f"ALL OK ({n_prof} profiles: {tally}):", ", ".join(os.path.basename(k) for k in kps))


if __name__ == "__main__":
    main()
