"""Site chrome in web pages: the patterns that tell page furniture (menus, breadcrumb,
发布时间/来源 bars, share and print links, footers, download widgets) from notice
text, :func:`_strip_chrome` for single lines, and the whitespace pattern lines are
normalised with."""

from __future__ import annotations

import re

# class/id names of page furniture; skipped inside the body container (many CMSs put
# the share bar, print links or related articles inside the article <div>)
_CHROME_NAME = re.compile(
    r"(?:^|[\s_\-])(?:share|bdshare|fenxiang|print|dayin|tools?|toolbar|prev-?next|sxp|sxt|"
    r"pagenav|related|xgwz|xglj|position|location|crumbs?|breadcrumb|dqwz|weizhi|"
    r"foot(?:er)?|copyright|banquan|qrcode|ewm|fontsize|font-size|zihao|comments?|"
    r"head(?:er)?|logo|banner|top(?:bar)?|menu|nav(?:bar)?|search|links?|friend-?links?|"
    r"sidebar|side|hot|rdxx|meta)s?(?:$|[\s_\-])",
    re.I,
)
_CHROME_LINES = [
    re.compile(r"^(?:当前位置|您现在的位置|您的位置|现在位置|所在位置|当前的位置)\s*[：:]"),
    re.compile(r"^(?:上一篇|下一篇|上一条|下一条|上篇|下篇|上一页|下一页)\s*[：:]"),
    re.compile(r"^(?:分享到|分享至|扫一扫|手机扫)"),
    re.compile(r"ICP\s*备|ICP\s*证|网站标识码|公网安备|版权所有|Copyright|©|技术支持\s*[：:]"),
    re.compile(
        r"^(?:发布时间|发布日期|发文时间|更新时间|信息来源|来源|浏览次数|阅读次数|点击数|"
        r"点击次数|访问次数|浏览量|阅读量)\s*[：:][^。；]{0,80}$"
    ),
    re.compile(
        r"(?:发布时间|发布日期|更新时间|来源|作者|编辑)\s*[：:].*(?:浏览|阅读|点击|访问)(?:次数|量|数)?\s*[：:]"
    ),
]
_CHROME_FRAGMENTS = re.compile(
    r"【?\s*(?:字体|字号|文字)?\s*[：:]?\s*大\s*中\s*小\s*】?"
    r"|【\s*(?:打印|关闭|收藏|返回顶部|打印本页|关闭窗口)\s*】|\[\s*(?:打印|关闭)\s*\]"
    r"|打印本页|打印此页|关闭窗口|关闭本页|返回顶部|返回首页|加入收藏|设为首页"
)
_DOWNLOADS = re.compile(r"\s*(?:附件下载|相关附件|附件列表|下载附件)\s*[：:]?")
"""The site's attachment download widget (the body's own 附件 lines name them)."""
_DOC_NUMBER = re.compile(r"〔\s*\d{4}\s*〕\s*\d+\s*号|\[\s*\d{4}\s*\]\s*\d+\s*号")
_WS = re.compile(r"[ \t\r\n\f\v\xa0\u200b\ufeff]+")


def _strip_chrome(line: str) -> str:
    """The line without page chrome; empty when the whole line is chrome."""
    if "\t" in line:
        return line
    if any(p.search(line) for p in _CHROME_LINES):
        return ""
    stripped = _CHROME_FRAGMENTS.sub("", line)
    if stripped != line:
        stripped = _WS.sub(" ", stripped).strip(" |｜/【】[]")
    return stripped
