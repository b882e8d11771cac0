"""Choice vocabularies for form and self-check answers, and fuzzy choice matching.

The vocabularies are the canonical strings stored in slots (``"汉族"``, ``"中共党员"``,
``"二级/技师"``); synonyms map what people type to them. :func:`match_choice` is the
one matching routine used by every choice-like validator in :mod:`flows.validators`.

Matching order (first hit wins): option number → exact → synonym → containment →
fuzzy (rapidfuzz). Ambiguity at any stage raises :class:`ChoiceError`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

from rapidfuzz import fuzz, process

SEXES: tuple[str, ...] = ("男", "女")
SEX_SYNONYMS: dict[str, str] = {
    "男性": "男",
    "男士": "男",
    "先生": "男",
    "male": "男",
    "m": "男",
    "man": "男",
    "女性": "女",
    "女士": "女",
    "female": "女",
    "f": "女",
    "woman": "女",
}

# The 56 ethnic groups (民族) in the order of GB/T 3304.
ETHNICITIES: tuple[str, ...] = (
    "汉族",
    "蒙古族",
    "回族",
    "藏族",
    "维吾尔族",
    "苗族",
    "彝族",
    "壮族",
    "布依族",
    "朝鲜族",
    "满族",
    "侗族",
    "瑶族",
    "白族",
    "土家族",
    "哈尼族",
    "哈萨克族",
    "傣族",
    "黎族",
    "傈僳族",
    "佤族",
    "畲族",
    "高山族",
    "拉祜族",
    "水族",
    "东乡族",
    "纳西族",
    "景颇族",
    "柯尔克孜族",
    "土族",
    "达斡尔族",
    "仫佬族",
    "羌族",
    "布朗族",
    "撒拉族",
    "毛南族",
    "仡佬族",
    "锡伯族",
    "阿昌族",
    "普米族",
    "塔吉克族",
    "怒族",
    "乌孜别克族",
    "俄罗斯族",
    "鄂温克族",
    "德昂族",
    "保安族",
    "裕固族",
    "京族",
    "塔塔尔族",
    "独龙族",
    "鄂伦春族",
    "赫哲族",
    "门巴族",
    "珞巴族",
    "基诺族",
)
ETHNICITY_SYNONYMS: dict[str, str] = {"蒙族": "蒙古族", "维族": "维吾尔族", "汉人": "汉族"}

POLITICAL_STATUSES: tuple[str, ...] = (
    "中共党员",
    "中共预备党员",
    "共青团员",
    "民主党派",
    "无党派人士",
    "群众",
)
POLITICAL_SYNONYMS: dict[str, str] = {
    "党员": "中共党员",
    "共产党员": "中共党员",
    "中国共产党党员": "中共党员",
    "预备党员": "中共预备党员",
    "团员": "共青团员",
    "共青团": "共青团员",
    "民革": "民主党派",
    "民盟": "民主党派",
    "民建": "民主党派",
    "民进": "民主党派",
    "农工党": "民主党派",
    "致公党": "民主党派",
    "九三学社": "民主党派",
    "台盟": "民主党派",
    "无党派": "无党派人士",
    "普通群众": "群众",
    "无": "群众",
    "没有": "群众",
}

EDUCATION_LEVELS: tuple[str, ...] = (
    "博士研究生",
    "硕士研究生",
    "大学本科",
    "大学专科",
    "中专/中技",
    "高中",
    "初中及以下",
)
EDUCATION_SYNONYMS: dict[str, str] = {
    "博士": "博士研究生",
    "硕士": "硕士研究生",
    "本科": "大学本科",
    "学士": "大学本科",
    "大专": "大学专科",
    "专科": "大学专科",
    "高职": "大学专科",
    "中专": "中专/中技",
    "中技": "中专/中技",
    "技校": "中专/中技",
    "中职": "中专/中技",
    "职高": "中专/中技",
    "高中": "高中",
    "普高": "高中",
    "初中": "初中及以下",
    "小学": "初中及以下",
}
# Typed answers that are real levels but need a follow-up question.
EDUCATION_AMBIGUOUS: dict[str, tuple[str, ...]] = {"研究生": ("博士研究生", "硕士研究生")}

# 职业资格/职业技能等级, highest first so that option number n is level n.
SKILL_LEVELS: tuple[str, ...] = (
    "一级/高级技师",
    "二级/技师",
    "三级/高级工",
    "四级/中级工",
    "五级/初级工",
)
SKILL_NONE = "无"
SKILL_TITLE_WORDS: tuple[tuple[str, int], ...] = (  # longest first: 高级技师 before 技师
    ("高级技师", 1),
    ("技师", 2),
    ("高级工", 3),
    ("中级工", 4),
    ("初级工", 5),
)

# Original retirement age of a woman (国发〔1978〕104号): the slot stores worker/cadre.
CATEGORY_OPTIONS: tuple[str, ...] = ("工人（原50周岁退休）", "干部/管理技术岗位（原55周岁退休）")

YES_WORDS: tuple[str, ...] = (
    "是的",
    "是",
    "有",
    "对",
    "对的",
    "yes",
    "y",
    "true",
    "好",
    "好的",
    "嗯",
    "同意",
    "可以",
    "行",
    "符合",
    "具备",
    "具有",
)
NO_WORDS: tuple[str, ...] = (
    "不是",
    "没有",
    "不对",
    "不符合",
    "不具备",
    "否",
    "无",
    "没",
    "不",
    "no",
    "n",
    "false",
)

_NEGATIONS = ("不是", "没有", "并非", "不")
_PUNCT = re.compile(r"[\s,，.。、;；:：!！?？'\"“”‘’()（）\[\]【】《》<>·\-—_/]+")


class ChoiceError(LookupError):
    """No single option matches an answer.

    Attributes:
        candidates: The options that matched equally well (empty when none matched).
    """

    def __init__(self, raw: str, candidates: Sequence[str] = ()) -> None:
        super().__init__(raw)
        self.candidates = tuple(candidates)


def normalise(text: str) -> str:
    """Fold an answer for comparison: NFKC (full-width → half-width), lower case, no
    spaces or punctuation. ``"（ 大学本科 ）"`` → ``"大学本科"``."""
    return _PUNCT.sub("", unicodedata.normalize("NFKC", text)).lower()


def match_choice(
    raw: str,
    options: Sequence[str],
    synonyms: Mapping[str, str] | None = None,
    *,
    cutoff: float = 75.0,
) -> str:
    """Return the option an answer designates.

    Args:
        raw: The user's answer, e.g. ``"2"``, ``"本科"``, ``"我是党员"``.
        options: Canonical options in display order (numbered from 1).
        synonyms: Typed form → canonical option; entries whose target is not in
            ``options`` are ignored.
        cutoff: Minimum rapidfuzz ratio (0–100) for a fuzzy match.

    Returns:
        One element of ``options``.

    Raises:
        ChoiceError: Nothing matches, or several options match equally well
            (``candidates`` then lists them).
    """
    text = normalise(raw)
    if not text:
        raise ChoiceError(raw)
    if text.isdigit() and 1 <= int(text) <= len(options):
        return options[int(text) - 1]
    table: dict[str, str] = {normalise(o): o for o in options}
    for key, target in (synonyms or {}).items():
        if target in options:
            table.setdefault(normalise(key), target)
    if text in table:
        return table[text]
    if not any(n in text for n in _NEGATIONS):
        hit = _by_containment(text, table)
        if hit:
            return hit
    scored = process.extract(text, list(table), scorer=fuzz.ratio, score_cutoff=cutoff, limit=5)
    if not scored:
        raise ChoiceError(raw)
    best = scored[0][1]
    tied = {table[key] for key, score, _ in scored if score >= best - 3}
    if len(tied) > 1:
        raise ChoiceError(raw, sorted(tied, key=list(options).index))
    return table[scored[0][0]]


def _by_containment(text: str, table: Mapping[str, str]) -> str | None:
    """Longest key contained in ``text``, else the unique option containing ``text``."""
    inside = sorted((k for k in table if len(k) >= 2 and k in text), key=len, reverse=True)
    if inside:
        longest = [k for k in inside if len(k) == len(inside[0])]
        targets = {table[k] for k in longest}
        if len(targets) == 1:
            return targets.pop()
        raise ChoiceError(text, sorted(targets))
    if len(text) >= 2:
        around = {table[k] for k in table if text in k}
        if len(around) == 1:
            return around.pop()
        if len(around) > 1:
            raise ChoiceError(text, sorted(around))
    return None


_LEVEL_NUM = re.compile(r"([一二三四五12345])级")
_TITLE_WORDS = ("工程师", "职称", "讲师", "教授", "高工")  # 职称, not 技能等级
_NONE_WORDS = {"无", "没有", "暂无", "未取得", "没", "还没有", "不具备"}


def parse_skill_level(raw: str) -> str:
    """Read a 职业资格/职业技能等级 answer.

    The five levels and their equivalences (国家职业资格 / 职业技能等级):
    一级=高级技师, 二级=技师, 三级=高级工, 四级=中级工, 五级=初级工. Accepts
    ``"二级"``, ``"国家二级"``, ``"技师"``, ``"二级/技师"``, ``"高级技师(一级)"``,
    ``"2"`` (option number = level), ``"无"``.

    Returns:
        A canonical level from :data:`SKILL_LEVELS` (``"二级/技师"``) or :data:`SKILL_NONE`.

    Raises:
        ValueError: Unreadable, a 职称 instead of a skill level, ``"高级"`` alone, or
            number and title disagree (``"二级高级技师"``); the message is Chinese.
    """
    text = normalise(raw)
    if text in _NONE_WORDS:
        return SKILL_NONE
    if text in {"1", "2", "3", "4", "5"}:
        return SKILL_LEVELS[int(text) - 1]
    if any(w in text for w in _TITLE_WORDS):
        raise ValueError(
            "这里需要填写职业资格（技能等级），不是职称，例如：二级/技师、三级/高级工。"
        )
    m = _LEVEL_NUM.search(text)
    by_number = "一二三四五".index(m.group(1)) + 1 if m and not m.group(1).isdigit() else None
    if m and m.group(1).isdigit():
        by_number = int(m.group(1))
    by_title = next((rank for word, rank in SKILL_TITLE_WORDS if word in text), None)
    if by_title is None:
        by_title = {"中级": 4, "初级": 5}.get(text)
    if by_number and by_title and by_number != by_title:
        raise ValueError(
            f"“{raw.strip()}”中的等级和名称对不上，请核对：一级=高级技师，二级=技师，三级=高级工。"
        )
    rank = by_number or by_title
    if rank is None:
        hint = "是高级工（三级）还是高级技师（一级）？" if "高级" in text else ""
        raise ValueError(
            f"{hint}请填写职业资格（技能等级），例如：二级/技师、三级/高级工，没有请回复“无”。"
        )
    return SKILL_LEVELS[rank - 1]


def skill_level_rank(value: str) -> int:
    """Rank of a skill level: 1 (一级/高级技师) … 5 (五级/初级工); 6 for ``"无"``.

    Lower is higher, so "技师以上" is ``rank <= 2``.

    Raises:
        ValueError: ``value`` is not a readable skill level.
    """
    level = parse_skill_level(value)
    return 6 if level == SKILL_NONE else SKILL_LEVELS.index(level) + 1
