"""Is this document a call for applications of the genre?

A notice is accepted because of what it says, not because it is numbered: it names a
programme of the genre (技能大师工作室, 首席技师工作室, 工匠工作室 …) and calls for
applications (申报, 推荐, 评选, 认定 …) with at least one of the parts a call has
(conditions, materials, a due date, a procedure, contacts). Documents of the same sites
that are not calls — 公示 of a list, 通报 of results, 名单, 总结, a news report of an
event — are reported with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PROGRAMME = re.compile(r"(工作室|首席技师|技能大师|工匠|技能人才|高技能人才|传承)")
_CALL = re.compile(r"(申报|申请|推荐|评选|认定|遴选|评审|征集|选拔|报名)")
_PARTS: dict[str, re.Pattern[str]] = {
    "申报条件": re.compile(
        r"(申报条件|基本条件|应具备|须具备|需具备|具备以下|具备下列|条件如下|申报对象|申报范围|"
        r"不超过\d+周岁|\d+周岁以下|不少于\d+人|\d+人以上)"
    ),
    "申报材料": re.compile(
        r"(申报材料|报送材料|提交材料|材料清单|申报表|申请表|推荐表|一式[两二三四五]份)"
    ),
    "时间": re.compile(
        r"(\d{1,2}月\d{1,2}日(?:前|之前|止|截止)|截止(?:时间|日期)|即日起|另行通知|申报时间)"
    ),
    "程序": re.compile(r"(申报程序|工作程序|评审程序|推荐程序|组织评审|专家评审|审核推荐|初审)"),
    "联系方式": re.compile(r"(联系人|联系电话|咨询电话|\d{3,4}-\d{7,8})"),
}
_NOT_A_CALL = re.compile(r"(公示|通报|名单|结果|总结|验收|表彰|简报|报道|喜报)")
_CALL_BODY = re.compile(r"(申报|报名|遴选|征集|评选)")  # 认定 alone also reports results (被认定为)
_RESULT_BODY = re.compile(
    r"(现予以公示|现予公示|公示期|公示时间为|拟认定|拟命名|予以通报|考核结果|获评|被评为|"
    r"现将.{0,20}名单)"
)


@dataclass(frozen=True)
class GenreVerdict:
    """Whether a text is a call for applications, and why (Chinese, for staff)."""

    is_call: bool
    reason: str
    parts: tuple[str, ...] = ()


def judge_genre(title: str, body: str) -> GenreVerdict:
    """Decide whether a document is a call for applications of the genre.

    Args:
        title: The title found by :func:`knowledge.parse.head.find_title`.
        body: The body text (clauses joined).

    Returns:
        The verdict; ``parts`` lists the parts of a call that were found.
    """
    text = title + "\n" + body
    parts = tuple(name for name, rx in _PARTS.items() if rx.search(text))
    if not _PROGRAMME.search(text):
        return GenreVerdict(False, "未提到技能大师工作室等申报项目，不像是一份申报通知", parts)
    calls_in_title = bool(_CALL.search(title))
    result_title = bool(_NOT_A_CALL.search(title)) and not re.search(
        # 关于开展…申报工作暨通报…考核结果的通知: a call that also reports results
        r"申报(工作)?的?(通知|公告|指南)|开展[^，。]{0,60}?(?:申报|评选|推荐|遴选)(?:工作)?(?:暨|及|并|和)",
        title,
    )
    result_body = len(_RESULT_BODY.findall(body[:3000]))
    if result_title and (result_body or len(parts) < 3):
        return GenreVerdict(False, f"标题“{title[:40]}”是公示、通报或名单，不是申报通知", parts)
    if not (calls_in_title or _CALL_BODY.search(body)):
        return GenreVerdict(False, "正文没有申报、推荐或评选的安排，不像是一份申报通知", parts)
    if result_body >= 2 and len(parts) < 3:
        return GenreVerdict(
            False, "正文是公示或结果通报（“现予以公示”“拟认定”），不是申报通知", parts
        )
    needed = 1 if calls_in_title else 2
    if len([p for p in parts if p != "联系方式"]) < needed:
        return GenreVerdict(
            False, "没有找到申报条件、申报材料、截止时间或申报程序，不像是一份申报通知", parts
        )
    return GenreVerdict(True, "", parts)
