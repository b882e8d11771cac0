"""The head of a notice: which line is the title, by evidence rather than position.

A published notice's first lines are rarely its title: a site breadcrumb
(``当前位置：首页 > 通知公告``), a banner, the issuer's name (红头), the 文号, a date line
or the addressee (``各县（市、区）人力资源和社会保障局：``) may come first, and the title
itself may be broken over two or three lines. Each run of up to four lines near the top
is scored as a title; the best one wins.

Title evidence: it opens with ``关于`` (possibly after the issuer), ends with a document
type (通知, 公告, 指南, 方案 …), names the programme (工作室, 技师 …) and is not a sentence.
A news-style text (``我市启动2025年度技能大师工作室申报``) has no such line: its
headline is the first line that names the programme and is not page chrome.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GENRE_END = re.compile(
    r"(通知|公告|通告|指南|方案|意见|办法|细则|简章|公示|通报|名单|决定|函|预告|须知)[》”\"]?\s*$"
)
_DOMAIN = re.compile(r"(工作室|技师|技能|工匠|大师|人才|劳模|传承)")
_CALL = re.compile(r"(申报|评选|认定|推荐|遴选|评审|征集|选拔|建设|组建|命名)")
CHROME = re.compile(
    r"(当前位置|您的位置|首页\s*[>›»/]|[>›»]\s*(?:通知公告|政务公开|工作动态|新闻)|发布时间|发布日期|来源[:：]|"
    r"浏览次数|阅读次数|点击[数率量]|字号[:：\[【]|【?\s*字号|[【\[]\s*大\s*中\s*小\s*[】\]]|分享到|打印本页|关闭窗口|"
    r"网站标识码|ICP备|主办单位\s*[:：]|版权所有|索引号|信息来源|责任编辑|上一篇|下一篇|相关链接|相关阅读|相关文章|"
    # a WeChat article (公众号): byline, follow prompt, share bar
    r"^原创\s|^(?:\S{1,16}\s+){0,3}\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}[:：]\d{2}(?:\s+\S{1,8})?$|"
    r"点击上方.{0,4}(?:蓝字|关注)|阅读原文|往期推荐|"
    r"分享\s*收藏|点赞\s*在看)"
)
_DATE_ONLY = re.compile(r"^[\s\d年月日.\-/:：（）()星期一二三四五六日〇零○O]+$")
_DOC_NO = re.compile(
    r"[\u4e00-\u9fff]{1,12}\s*[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*第?\s*\d+\s*号"
)
_ISSUER_ONLY = re.compile(
    r"^[\u4e00-\u9fff（）()\s、]{4,80}(局|厅|部|会|委|办公室|政府|中心|小组)$"
)
_SENTENCE = re.compile(r"[。；;！!？?]")
_BULLETS = "·•●▪■◆◇○>»"
_LABEL = re.compile(r"^(?:标\s*题|名\s*称|文件名称)[:：]\s*")


@dataclass(frozen=True)
class TitleSpan:
    """Where the title is: lines ``[start, end)`` of the non-empty lines, joined."""

    title: str
    start: int
    end: int
    score: float


def is_chrome(line: str) -> bool:
    """True for site page furniture (breadcrumb, 发布时间/浏览次数, share bar, footer).
    A metadata line carrying the 文号 (``索引号：… 文号：苏人社发〔2025〕3号``) is kept."""
    return bool(CHROME.search(line)) and not (
        _DOC_NO.search(line) and re.search(r"(文号|字号)", line)
    )


def strip_chrome(line: str) -> str:
    """``"关于…的通知发布时间：2024-09-05 来源：…"`` → ``"关于…的通知"``: page furniture
    run onto a line of text is cut off; a line that is all furniture becomes ``""``."""
    m = CHROME.search(line)
    if m is None or not is_chrome(line):
        return line
    return line[: m.start()].strip() if m.start() >= 8 else ""


def _score(text: str) -> float:
    score = 0.0
    if GENRE_END.search(text):
        score += 3
    if text.startswith("关于") or "关于" in text[:40]:
        score += 3
    if _DOMAIN.search(text):
        score += 1
    if _CALL.search(text):
        score += 1
    if is_chrome(text) or _DATE_ONLY.match(text):
        score -= 10
    if _DOC_NO.search(text) and len(_DOC_NO.sub("", text)) < 4:
        score -= 10
    if text.endswith(("：", ":")):
        score -= 6
    if _SENTENCE.search(text.rstrip("。")):
        score -= 3
    if "，" in text or "," in text:
        score -= 2
    if _ISSUER_ONLY.match(text) and not GENRE_END.search(text):
        score -= 3
    if not 6 <= len(text) <= 120:
        score -= 4
    return score


def find_title(lines: list[str], window: int = 30) -> TitleSpan | None:
    """Locate the title among the first ``window`` non-empty lines.

    Args:
        lines: Non-empty, squeezed lines of the notice in order.
        window: How many lines from the top may hold the title.

    Returns:
        The best title span, or ``None`` when no line looks like a title or headline.
    """
    best: TitleSpan | None = None
    top = lines[:window]
    for k, line in enumerate(top):  # the title stands above the first paragraph of prose
        if len(line) >= 60 and re.search(r"[，,。]", line):
            top = top[: max(k, 1)]
            break
    for i, first in enumerate(top):
        if is_chrome(first) or first.endswith(("：", ":")) or first[:1] in _BULLETS:
            continue
        parts: list[str] = []
        for j in range(i, min(i + 4, len(top))):
            line = top[j]
            if parts and (
                _SENTENCE.search(line)
                or is_chrome(line)
                or _DOC_NO.search(line)
                or GENRE_END.search(parts[-1])
            ):
                break
            parts.append(_LABEL.sub("", line))
            text = "".join(parts).replace(" ", "")
            score = _score(text) - 0.05 * i - 0.3 * (len(parts) - 1)
            if len(parts) > 1 and not GENRE_END.search(text):
                score -= 2  # a run only makes sense when it ends the title
            if best is None or score > best.score:
                best = TitleSpan(text, i, j + 1, score)
    if best is not None and best.score >= 4:
        return best
    for i, line in enumerate(top):  # news style: the headline
        text = line.replace(" ", "")
        if (
            not is_chrome(text)
            and not _DATE_ONLY.match(text)
            and 8 <= len(text) <= 60
            and _DOMAIN.search(text)
            and not re.search(
                r"[。；;]", text.rstrip("。")
            )  # a headline may exclaim: 每个补助2万元！我县启动…
            and "，" not in text
        ):
            return TitleSpan(text, i, i + 1, 1.0)
    return best


def _own_prefix(number: str) -> str:
    """Drop an issuer's name run into the 文号 (``南通市财政局通人社发〔2025〕16号`` →
    ``通人社发〔2025〕16号``): cut after the last organ word that leaves a prefix of at
    least two characters (``人社部发`` and ``人社厅函`` stay whole)."""
    bracket = re.search(r"[〔\[［(（【]", number)
    if not bracket:
        return number
    prefix = number[: bracket.start()]
    for i in range(len(prefix) - 1, -1, -1):
        if prefix[i] in "局厅会委府室部院" and len(prefix) - i - 1 >= 2:
            return number[i + 1 :]
    return number


def doc_number_near(lines: list[str]) -> str:
    """The 文号 written in ``lines`` (head or signature): ``"筑人社通〔2024〕3号"``.

    A 文号 quoted inside a sentence (``根据《…》（苏人社发〔2019〕88号）``) is a reference
    to another document and is skipped; one on a short line, after ``文号：``, or at the
    end of the title line is the notice's own.
    """
    for line in lines:
        for m in _DOC_NO.finditer(line):
            before = line[: m.start()]
            if "《" in before and "》" not in before[before.rfind("《") :]:
                continue
            if re.search(r"(根据|按照|依据|依照|贯彻|落实|参照)", before):
                continue
            number = re.sub(r"\s+", "", m.group())
            number = re.sub(r"^.*?(?:文号|发文字号|字号)[:：]?", "", number)
            return _own_prefix(number)
    return ""
