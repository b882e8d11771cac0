"""Intent classification of applicants' questions.

A question can carry more than one intent (``截止时间和联系电话``). Each intent has
cue words with weights; cues are matched as substrings of the normalised question, so
they survive jieba's segmentation choices. Sub-intents of ``conditions`` (age, team,
qualification, honours, retirement) narrow the answer to the condition asked about.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import StrEnum
from functools import lru_cache
from importlib import resources


class Intent(StrEnum):
    """What a question asks for."""

    DEADLINE = "deadline"
    CONTACT = "contact"
    MATERIALS = "materials"
    CONDITIONS = "conditions"
    SUBSIDY = "subsidy"
    PROCEDURE = "procedure"
    QUOTA = "quota"
    VALIDITY = "validity"
    NAMING = "naming"
    FORMS = "forms"
    SUBMISSION = "submission"
    PUBLICITY = "publicity"
    OVERVIEW = "overview"


_CUES: dict[Intent, dict[str, float]] = {
    Intent.DEADLINE: {
        "截止": 3,
        "截至": 3,
        "什么时候": 2,
        "啥时候": 2,
        "何时": 2,
        "几号": 2,
        "几号前": 2,
        "几号之前": 2,
        "几月": 2,
        "日期": 2,
        "期限": 3,
        "最晚": 3,
        "哪天": 2,
        "时间": 1.5,
        "来得及": 3,
        "几点": 2,
        "时候交": 3,
        "时候报": 3,
        "时候提交": 3,
        "时候报送": 3,
        "时候送": 3,
        "补交": 3,
        "补报": 3,
        "迟交": 3,
        "晚交": 3,
        "逾期": 3,
        "还能报": 3,
        "还可以报": 3,
        "过期": 2,
        "deadline": 3,
        "ddl": 3,
        "多久": 1,
        "报名时间": 3,
        "申报时间": 3,
        "结束": 1.5,
        "到期": 1,
        "现在能报": 3,
        "现在还能": 3,
        "现在可以报": 3,
    },
    Intent.CONTACT: {
        "哪个部门": 3,
        "哪个科": 2.5,
        "哪个股": 2.5,
        "联系": 3,
        "电话": 3,
        "传真": 3,
        "手机": 2,
        "邮箱": 3,
        "邮件": 2,
        "email": 3,
        "找谁": 3,
        "咨询": 2,
        "联系人": 3,
        "打给": 2,
        "号码": 2,
        "负责人": 2,
        "地址": 2,
        "办公室": 1.5,
        "在哪办": 2,
        "座机": 3,
        "问谁": 3,
        "对接": 2.5,
        "谁负责": 3,
        "contact": 3,
        "phone": 3,
        "tel": 2,
    },
    Intent.MATERIALS: {
        "材料": 3,
        "字数": 4,
        "多少字": 4,
        "准备": 2,
        "交什么": 3,
        "提交什么": 3,
        "带什么": 3,
        "清单": 2,
        "复印件": 2,
        "证明": 1.5,
        "要哪些": 2,
        "需要哪些": 1.5,
        "上传": 1.5,
        "证件": 2,
        "营业执照": 2,
        "身份证": 1.5,
        "协议书": 2,
        "material": 3,
        "document": 2,
    },
    Intent.CONDITIONS: {
        "条件": 3,
        "要求": 1.5,
        "资格": 2,
        "年龄": 3,
        "岁": 2.5,
        "能不能报": 3,
        "能报吗": 3,
        "可以报": 2,
        "能申报": 3,
        "可以申报": 2,
        "符合": 2,
        "门槛": 3,
        "团队": 2.5,
        "几个人": 2.5,
        "多少人": 2.5,
        "人数": 2.5,
        "成员": 1.5,
        "技师": 1.5,
        "等级": 1.5,
        "荣誉": 2,
        "称号": 2,
        "退休": 3,
        "够格": 3,
        "限制": 1.5,
        "运行满": 3,
        "成立多久": 3,
        "谁可以": 3,
        "哪些人": 2,
        "谁能": 3,
        "职业资格": 2,
        "绝技": 2,
        "资质": 2,
        "有限制": 2,
        "多大": 2,
        "condition": 3,
        "requirement": 3,
        "eligib": 3,
        "两个工作室": 3,
        "同一单位": 2,
        "比例": 3,
        "教育经费": 3,
    },
    Intent.SUBSIDY: {
        "补助": 3,
        "补贴": 3,
        "资助": 3,
        "经费": 3,
        "钱": 3,
        "奖励": 2.5,
        "资金": 2.5,
        "多少万": 3,
        "给多少": 3,
        "扶持": 2,
        "奖金": 3,
        "启动": 1.5,
        "支持措施": 2,
        "待遇": 2,
        "好处": 2,
        "津贴": 3,
        "补多少": 3,
        "拨多少": 3,
        "发多少": 3,
        "给多少钱": 3,
        "subsidy": 3,
        "funding": 3,
        "money": 2,
    },
    Intent.PROCEDURE: {
        "流程": 3,
        "程序": 3,
        "步骤": 3,
        "怎么申报": 3,
        "如何申报": 3,
        "怎么报": 3,
        "怎么申请": 3,
        "如何申请": 3,
        "评审": 2,
        "评选": 2,
        "怎么评": 3,
        "审核": 2,
        "答辩": 3,
        "专家": 1.5,
        "环节": 2,
        "评定": 2,
        "认定程序": 3,
        "怎么弄": 2,
        "怎么办理": 3,
        "线上": 2,
        "网上": 2,
        "网站": 2,
        "网址": 2,
        "初审": 2,
        "评估": 2,
        "哪些部门": 2.5,
        "谁来评": 3,
        "谁评": 3,
    },
    Intent.QUOTA: {
        "名额": 3,
        "几个名额": 3,
        "多少个": 2,
        "评几个": 3,
        "选几个": 3,
        "数量": 2,
        "指标": 2,
        "限额": 2,
        "几家": 3,
        "推荐几": 3,
        "认定几": 3,
        "命名几": 3,
        "评多少": 3,
        "推几个": 3,
        "推多少": 3,
        "报几个": 3,
        "能推": 2,
    },
    Intent.VALIDITY: {
        "有效期": 3,
        "有效": 2,
        "期满": 3,
        "延续": 3,
        "几年有效": 3,
        "管多久": 3,
        "称号保留": 2,
        "多长时间有效": 3,
        "能用几年": 3,
        "用几年": 3,
        "管几年": 3,
        "保留几年": 3,
        "能用多久": 3,
        "还能保留": 3,
        "保留": 2,
    },
    Intent.NAMING: {
        "名称": 2.5,
        "命名": 3,
        "取名": 3,
        "起名": 3,
        "叫什么": 2,
        "名字格式": 3,
        "怎么写名字": 3,
        "工作室名": 3,
        "名称格式": 3,
    },
    Intent.FORMS: {
        "表格": 3,
        "申报表": 2.5,
        "申请表": 2.5,
        "填表": 3,
        "附件": 2.5,
        "备案表": 2.5,
        "哪张表": 3,
        "什么表": 3,
        "表在哪": 3,
        "下载": 2,
        "考核表": 2,
    },
    Intent.SUBMISSION: {
        "网址": 3.5,
        "链接": 3,
        "几份": 3,
        "份数": 3,
        "一式": 3,
        "纸质": 3,
        "a4": 3,
        "装订": 3,
        "电子版": 3,
        "交到哪": 3,
        "交给谁": 3,
        "报送": 2,
        "寄": 2,
        "送到": 2,
        "打印": 2,
        "双面": 3,
        "交哪里": 3,
        "哪个科室": 3,
        "交给哪": 3,
        "送到哪": 3,
        "哪个办公室": 3,
        "盖章": 3,
        "公章": 3,
        "提交到": 3,
        "电子文档": 3,
        "格式": 1.5,
        "多少份": 3,
    },
    Intent.PUBLICITY: {"公示": 3, "公告": 1.5, "公开": 1.5},
    Intent.OVERVIEW: {
        "介绍": 2,
        "概况": 3,
        "主要内容": 3,
        "讲了什么": 3,
        "说了什么": 3,
        "是什么": 1,
        "什么意思": 1,
        "文件": 1,
        "通知": 0.5,
        "政策": 1,
    },
}

# Cues that also occur outside this domain (多少钱 for a ticket, 推荐几个 restaurants):
# a question with only these needs its other words to occur in the notices.
GENERIC_CUES = frozenset(
    {
        "钱",
        "多少个",
        "推荐几",
        "怎么办理",
        "时间",
        "什么时候",
        "啥时候",
        "何时",
        "几号",
        "几点",
        "几月",
        "日期",
        "哪天",
        "介绍",
        "是什么",
        "什么意思",
        "文件",
        "政策",
        "通知",
        "手机",
        "号码",
        "地址",
        "电话",
        "打印",
        "寄",
        "送到",
        "准备",
        "要求",
        "结束",
        "到期",
        "多久",
        "有效",
        "公开",
        "公告",
        "money",
        "tel",
        "下载",
        "数量",
        "指标",
        "步骤",
        "流程",
        "程序",
        "证明",
        "清单",
        "格式",
        "名称",
        "叫什么",
        "多大",
    }
)


def specific_cue(question: str) -> bool:
    """True when the question contains an intent cue that belongs to this domain."""
    return any(
        cue in question and cue not in GENERIC_CUES for cues in _CUES.values() for cue in cues
    )


# Words that make a question belong to this domain even without an intent cue.
DOMAIN_TERMS = (
    "技能大师",
    "大师工作室",
    "工作室",
    "首席技师",
    "申报",
    "申请",
    "领办",
    "领衔",
    "认定",
    "评审",
    "评选",
    "技师",
    "人社",
    "通知",
    "高技能",
    "技能人才",
    "考核",
    "一事一议",
    "文号",
    "截止",
    "补助",
    "补贴",
    "资助",
    "经费",
    "材料",
    "名额",
    "有效期",
    "公示",
    "申报表",
    "申请表",
    "联系人",
    "一式",
    "装订",
    "电子版",
    "团队",
    "退休",
    "荣誉",
    "称号",
    "职业资格",
    "复印件",
    "附件",
    "studio",
    "deadline",
)

CONDITION_TOPICS: dict[str, tuple[str, ...]] = {
    "age": ("年龄", "岁", "多大", "年纪", "出生"),
    "retirement": ("退休",),
    "team": ("团队", "几个人", "多少人", "人数", "成员"),
    "qualification": ("技师", "等级", "职业资格", "资质", "高级工", "几级", "学历", "职称"),
    "honours": ("荣誉", "称号", "获奖", "技术能手", "工匠", "大奖"),
    "running": ("运行", "成立多久", "成立几年", "满两年", "满2年"),
    "host": (
        "院校",
        "学校",
        "依托单位",
        "企业条件",
        "单位条件",
        "企业要",
        "单位要",
        "企业应",
        "教育经费",
    ),
    "unique": ("同一单位", "同一工种", "两个工作室", "几个工作室", "只能报一个", "同一企业"),
    "area": ("面积", "场地", "平方"),
}


def classify(question: str) -> list[tuple[Intent, float]]:
    """Score the intents of a normalised question.

    Args:
        question: Output of :func:`knowledge.text.normalize_question`.

    Returns:
        ``[(intent, score)]`` with score ≥ 1.5, best first (empty when no cue matched).
    """
    # 几号办公室 / 几号楼 ask for a room, not a date; 首席技师 names a programme, not a level
    question = re.sub(r"几号(?=办公室|房间|楼|室|门|窗口)", "哪个", question)
    question = re.sub(r"(?:企业)?首席技师", "首席", question)
    scores: dict[Intent, float] = {}
    for intent, cues in _CUES.items():
        total = 0.0
        for cue, weight in cues.items():
            if cue in question:
                total += weight
        if total:
            scores[intent] = total
    if "名称" in question and any(w in question for w in ("格式", "怎么写", "怎么起", "怎么取")):
        scores[Intent.NAMING] = scores.get(Intent.NAMING, 0) + 3
        scores.pop(Intent.SUBMISSION, None)
    if Intent.SUBMISSION in scores and "材料" in question and scores[Intent.SUBMISSION] >= 3:
        scores[Intent.MATERIALS] = max(0.0, scores.get(Intent.MATERIALS, 0) - 2)
    ranked = sorted(((i, s) for i, s in scores.items() if s >= 1.5), key=lambda x: -x[1])
    return ranked


_PROGRAMME_NAME = re.compile(
    r"[\u4e00-\u9fff]{0,4}?(?:首席技师|特优技师|技能大师|工匠|劳模)[\u4e00-\u9fff]{0,6}?工作室"
)


def condition_topics(question: str) -> list[str]:
    """Which condition topics a conditions question asks about (``["age"]``); empty for
    a general "what are the conditions" question. A programme's name is no topic
    (首席技师工作室 asks nothing about 技师)."""
    question = _PROGRAMME_NAME.sub("", question)
    topics = [
        topic for topic, words in CONDITION_TOPICS.items() if any(w in question for w in words)
    ]
    if "age" not in topics and re.search(r"\d{2}\s*(?:岁|周岁|了)", question):
        topics.append("age")
    return topics


def in_domain(question: str) -> bool:
    """True when the question uses a term of this domain (技能大师工作室, 申报, 补助…).

    Questions with only generic cues (``多少钱``, ``电话``) are judged by the answerer,
    which checks their words against the notices' vocabulary."""
    return any(t in question for t in DOMAIN_TERMS)


@lru_cache(maxsize=1)
def off_topics() -> tuple[str, ...]:
    """Topics of other services a question may name (``knowledge/data/off_topic.txt``:
    怎么考, 年审, 个税…); the answerer declines them unless a notice speaks of them."""
    text = resources.files("knowledge").joinpath("data/off_topic.txt").read_text(encoding="utf-8")
    return tuple(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


@lru_cache(maxsize=1)
def paraphrases() -> dict[str, tuple[str, ...]]:
    """``{user's word: the notice's words}`` (``knowledge/data/paraphrases.txt``:
    社保 → 社会保险, 个体户 → 个体工商户, 跳槽 → 离开申报单位…)."""
    text = resources.files("knowledge").joinpath("data/paraphrases.txt").read_text(encoding="utf-8")
    out: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            word, *others = line.split()
            out[word] = tuple(others)
    return out


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Spoken words that name no topic (``knowledge/data/function_words.txt``: 下来, 块钱,
    咱们, 到底…): a question's topic words are what is left without them."""
    text = (
        resources.files("knowledge").joinpath("data/function_words.txt").read_text(encoding="utf-8")
    )
    return frozenset(w for ln in text.splitlines() if not ln.startswith("#") for w in ln.split())


def expand(question: str) -> str:
    """``question`` followed by the notice's words for the user's words it contains, so a
    sentence written the notice's way is found (``社保交了3年`` finds ``社会保险``)."""
    extra = [w for word, others in paraphrases().items() if word in question for w in others]
    return question + (" " + " ".join(extra) if extra else "")


_LATIN_WORD = re.compile(r"[a-z]{2,}")
_LATIN_RUN = re.compile(r"[a-z]{2,}(?: [a-z]{2,})*")
_PINYIN_EXTRA = (
    "多少", "补贴", "补助", "哪天", "哪里", "几号", "条件", "材料", "电话", "地址", "联系",
    "年龄", "要求", "怎么", "能不能", "可以", "截止", "时间", "几份", "多大", "需要", "申请",
)  # fmt: skip
"""Question words a pinyin question uses besides the cues and the domain terms."""


@lru_cache(maxsize=1)
def _pinyin_words() -> dict[str, str]:
    """``{toneless pinyin: word}`` of the words questions are understood by: the intent
    cues and the domain terms (``jiezhi`` → 截止, ``gongzuoshi`` → 工作室). When two words
    share a pinyin, the more heavily weighted cue (then the longer word) wins."""
    from pypinyin import lazy_pinyin

    weight: dict[str, float] = {}
    for cues in _CUES.values():
        for cue, w in cues.items():
            weight[cue] = max(weight.get(cue, 0.0), w)
    for term in DOMAIN_TERMS:
        weight.setdefault(term, 3.0)
    for word in _PINYIN_EXTRA:
        weight.setdefault(word, 1.0)
    out: dict[str, tuple[float, int, str]] = {}
    for word, w in weight.items():
        if not (2 <= len(word) <= 7) or not all("\u4e00" <= ch <= "\u9fff" for ch in word):
            continue
        key = "".join(lazy_pinyin(word))
        rank = (w, len(word), word)
        if key not in out or rank > out[key]:
            out[key] = rank
    return {k: v[2] for k, v in out.items()}


def from_pinyin(question: str) -> str:
    """A question typed in pinyin with its known words in characters
    (``tangshan jiezhi riqi`` → ``tangshan截止日期``); place names stay for the place
    matcher, which reads pinyin itself. Unchanged when fewer than two pinyin words are
    known (``wo 56 sui`` is not guessed at)."""
    words = _LATIN_WORD.findall(question)
    if len(words) < 2:
        return question
    table = _pinyin_words()
    found = 0

    def run(m: re.Match[str]) -> str:  # jineng dashi → 技能大师: longest joins first
        nonlocal found
        parts, out, i = m.group().split(" "), [], 0
        while i < len(parts):
            for k in range(min(4, len(parts) - i), 0, -1):
                word = table.get("".join(parts[i : i + k]))
                if word:
                    out.append(word)
                    found += 1
                    i += k
                    break
            else:
                out.append(" " + parts[i] + " ")
                i += 1
        return "".join(out)

    converted = _LATIN_RUN.sub(run, question)
    return re.sub(r"\s+", " ", converted).strip() if found >= 2 else question


_FUNCTION_CHARS = frozenset(
    "的了是个有在我你他她们不就都也和与及或吗呢吧啊能要会几多这那哪么还又再把被给对从向到为以于"
)
"""Function characters: two of them side by side are two words (``个`` + ``是`` in 2个是劳务
派遣), never one mistyped term (格式)."""


@lru_cache(maxsize=8192)
def _toneless(text: str) -> str:
    """Toneless pinyin of ``text`` (``电化`` → ``dianhua``), remembered."""
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(text))


def fix_homophones(
    question: str, is_word: Callable[[str], bool], segment: Callable[[str], list[str]]
) -> str:
    """Typed homophones of the words questions are understood by, corrected (``材聊`` →
    材料, ``大狮`` → 大师): a token of the segmentation (or two single characters side by
    side) that is no word (``is_word`` false) and sounds like a cue or domain term. Real
    words are never replaced (``实践`` stays, though it sounds like 时间), nor characters
    of two different words (``报`` + ``柳州`` is not 保留).

    Args:
        question: A normalised question.
        is_word: Whether a string is a known word (dictionary or notices).
        segment: The word segmenter (jieba).
    """

    if not re.search(r"[\u4e00-\u9fff]{2}", question):
        return question

    def sounds_like(text: str) -> str | None:
        if is_word(text):  # most tokens: a dictionary lookup, no pinyin (nor its dictionary)
            return None
        word = _pinyin_words().get(_toneless(text))
        return word if word and word != text else None

    tokens = segment(question)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        pair = tok + tokens[i + 1] if i + 1 < len(tokens) else ""
        if 2 <= len(tok) <= 4 and (word := sounds_like(tok)):
            out.append(word)
        elif (
            len(tok) == 1
            and len(pair) == 2
            and not (set(pair) & _FUNCTION_CHARS)
            and (word := sounds_like(pair))
        ):
            out.append(word)  # 大 + 狮
            i += 1
        else:
            out.append(tok)
        i += 1
    return "".join(out)
