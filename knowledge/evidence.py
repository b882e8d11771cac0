"""Evidence: the sentence of a notice that answers a question, and what it settles.

:class:`Evidence` scores sentences by the idf-weighted share of the question's words they
contain (paraphrases count: ``knowledge/data/paraphrases.txt``). It gives the answerer
the sentence that settles an eligibility question the rule engine has no kind for
(:meth:`Evidence.verdict`), and the one sentence that answers a question far better than
the facts composed for its intent (:meth:`Evidence.sharper`).
"""

from __future__ import annotations

import datetime as dt
import re

from knowledge.base import KnowledgeBase
from knowledge.compose import Part, cite
from knowledge.eligibility import Status, sentence_verdict
from knowledge.intents import expand, function_words, paraphrases
from knowledge.models import Clause, Notice
from knowledge.text import shorten

UNSETTLED = "通知对此的规定如下，请对照确认。"
"""The reason of a ❔ when the sentence found settles nothing by itself."""
ADDRESSEE = re.compile(r"(^|\n)各[^：:\n]{2,120}[：:]|〔\d{4}〕\d+号")
VERDICT_STOPWORDS = {
    "能报",
    "申报",
    "可以",
    "能不能",
    "我们",
    "我们的",
    "现在",
    "还能",
    "不能",
    "够不够",
    "行不行",
    "是不是",
    "符合",
    "条件",
    "工作室",
    "技能大师",
    "技能",
    "大师",
    "领办",
    "满足",
    "资格",
    "一个",
    "申请",
    "这个",
    "那个",
    "今年",
    "今天",
    "需要",
    "要求",
    "通知",
    "市级",
    "区级",
}


def section_path(notice: Notice, clause: Clause) -> str:
    """``（二、领衔人变更认定）`` — the headings above a clause, for context."""
    heads, ref = [], clause.parent
    while ref:
        parent = notice.clause(ref)
        if parent is None:
            break
        heads.append(parent.heading)
        ref = parent.parent
    return f"（{' / '.join(reversed(heads))}）" if heads else ""


_COUNTS_AS = re.compile(
    r"([\u4e00-\u9fff]{2,12}?)(?:的)?(?:人|老师傅|师傅|人员)?[，,]?\s*(?:算不算|能不能算|能算|可以算|算|属于|属不属于)"
    r"(?:是)?([\u4e00-\u9fff]{2,10}?)(?:吗|么|不|呢|$)"
)


def undefined_case(q: str, sentence: str) -> str:
    """For ``团队里有2个是劳务派遣过来的 算在职职工吗`` against a sentence that asks for
    在职职工 without naming 劳务派遣: the reason the notice leaves it open (``通知要求“在职
    职工”，但没有说明劳务派遣是否算在职职工``); ``""`` when the question asks no such thing
    or the sentence names the case."""
    m = _COUNTS_AS.search(q)
    if not m or m.group(2) not in sentence:
        return ""
    case = re.split(r"是|有\d*个|有|里", m.group(1))[-1]
    case = re.sub(r"(?:过来|进来|来)$", "", case)
    if len(case) < 2 or case in sentence:
        return ""
    return f"通知要求“{m.group(2)}”，但没有说明{case}是否算{m.group(2)}，请向联系人确认。"


class Evidence:
    """Sentence-level evidence over one knowledge base (stateless, thread-safe)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def words(self, q: str) -> list[str]:
        """The question's words for :meth:`coverage`: jieba's tokens, with a user's phrase
        of ``paraphrases.txt`` that jieba cuts (没评上 → 没评/上) kept whole in their place,
        so the phrase counts once and its paraphrases (未获认定…) find the sentence."""
        tokens = [  # 10 of 10月, 两年: values the user states, not what they ask about
            t for t in self.kb.tokenizer.tokens(q) if not _QUANTITY.fullmatch(t)
        ]
        phrases = [w for w in paraphrases() if len(w) >= 2 and w in q and w not in tokens]
        phrases = [w for w in phrases if not any(w != o and w in o for o in phrases)]
        if not phrases:
            return tokens
        return [t for t in tokens if not any(t in w for w in phrases)] + phrases

    def coverage(self, tokens: list[str], text: str) -> float:
        """IDF-weighted share of the question's words found in ``text`` (substring match,
        so 评上 counts in 评上区级…). Words no notice contains weigh 2.0; single
        characters unknown to the index weigh nothing."""
        weights = {}
        said = paraphrases()
        for t in set(tokens):
            idf = self.kb.index.idf(t)
            if idf <= 0 and t in said:  # 社保 weighs what the notices' 社会保险 weighs
                idf = max(self.kb.index.idf(w) for w in said[t])
            weights[t] = idf if idf > 0 else (2.0 if len(t) >= 2 else 0.0)
        total = sum(weights.values())
        if total <= 0:
            return 0.0
        return (
            sum(
                w
                for t, w in weights.items()
                if t in text or any(p in text for p in said.get(t, ()))
            )
            / total
        )

    def best_sentence(
        self,
        notice: Notice,
        tokens: list[str],
        *,
        min_length: int = 1,
        skip_preamble: bool = False,
        chars: frozenset[str] | None = None,
    ) -> tuple[float, str, Clause] | None:
        """``(coverage, sentence, clause)`` of the notice's sentence covering ``tokens``
        best, ``None`` when the notice has none.

        Args:
            notice: Where to look.
            tokens: The question's focus words.
            min_length: Shorter sentences (a bare heading such as 领办人条件) are skipped.
            skip_preamble: Skip the opening clause when it holds the addressee line or 文号.
            chars: The question's characters; of two sentences covering ``tokens`` equally
                the one sharing more of them wins (奖 of 奖多少钱 in 奖励). Defaults to the
                characters of ``tokens``.
        """
        best: tuple[float, str, Clause] | None = None
        shared = -1  # characters the best sentence shares with the question, once needed
        chars = _chars("".join(tokens)) if chars is None else chars
        for clause in notice.clauses:
            if (
                skip_preamble
                and clause is notice.clauses[0]
                and ADDRESSEE.search(clause.text[:200])
            ):
                continue
            for s, context in _pieces(clause):
                if len(s.strip()) < min_length or (
                    len(s.strip()) <= 12 and s.strip("。；; ") == clause.heading
                ):
                    continue  # a run-in heading (（二）纸质材料。) answers nothing
                cov = self.coverage(tokens, context + s)
                if best is None or cov > best[0] + 1e-9:
                    best, shared = (cov, s.strip(), clause), -1
                elif cov > 1e-9 and cov > best[0] - 1e-9:  # a tie: the one with more of the words
                    if shared < 0:
                        shared = len(_chars(best[1]) & chars)
                    mine = len(_chars(s) & chars)
                    if mine > shared:
                        best, shared = (cov, s.strip(), clause), mine
        return best

    def verdict(self, nid: str, q: str, today: dt.date) -> Part | None:
        """For "我们是个体户，能报吗": the condition sentence that speaks to the user's
        situation, quoted, with a verdict when it settles it (a threshold of the same
        kind, an exclusion) and 待确认 otherwise."""
        notice = self.kb.notices[nid]
        place = notice.meta.place
        tokens = [
            t
            for t in self.words(q)
            if t not in place.aliases
            and t not in (place.name, place.short)
            and t not in VERDICT_STOPWORDS
            and t not in function_words()
            and len(t) >= 2
        ]
        if not tokens:
            return None
        said = paraphrases()
        # the preamble and addressee decide nothing; nor does a heading (领办人条件)
        best = self.best_sentence(notice, tokens, min_length=12, skip_preamble=True)
        if best is None or best[0] < 0.34:
            return None
        _, sentence, clause = best
        q = expand(q)  # for sentence_verdict's comparisons, which read the question itself
        shared = [  # the notice's word for the user's (没评上 → 未获认定)
            t if t in sentence else next(w for w in said.get(t, ()) if w in sentence)
            for t in tokens
            if t in sentence or any(w in sentence for w in said.get(t, ()))
        ]
        undefined = undefined_case(q, sentence)  # 劳务派遣的算在职职工吗: the notice leaves it open
        settled = None if undefined else sentence_verdict(sentence, q, shared, today)
        status, reason = settled if settled else (Status.UNSURE, undefined or UNSETTLED)
        icon = {Status.MET: "✅", Status.NOT_MET: "❌", Status.UNSURE: "❔"}[status]
        head = {Status.MET: "符合", Status.NOT_MET: "不符合", Status.UNSURE: "待确认"}[status]
        return Part(
            [f"{icon} {head}：{reason}", f"通知规定：{shorten(sentence, 150)}"],
            [cite(notice, clause.ref, sentence)],
        )

    def sharper(self, nid: str, q: str, composed: Part) -> Part | None:
        """Evidence first: when one sentence of the notice covers the question's words far
        better than the facts composed for its intent (``连续几年考核不合格会被撤销称号``
        is no conditions list), that sentence is the answer."""
        notice = self.kb.notices[nid]
        context = "".join(notice.meta.programmes)  # programme names are context, not focus
        tokens = [
            t
            for t in self.words(q)
            if t not in notice.meta.place.aliases
            and t not in VERDICT_STOPWORDS
            and t not in function_words()  # 要是, 上去: spoken words that name nothing
            and len(t) >= 2
            and t not in context
        ]
        if len(set(tokens)) < 3:
            return None
        best = self.best_sentence(notice, tokens, chars=_chars(q))
        if best is None or best[0] < 0.75:
            return None
        shown = "".join(composed.lines) + "".join(c.quote for c in composed.citations)
        if self.coverage(tokens, shown) >= best[0] - 0.3:
            return None  # the composed facts (and the clauses they quote) answer it as well
        _, sentence, clause = best
        if asks_count(q) and not has_count(sentence):
            return None  # a count is asked: a sentence without a number is not its answer
        section = section_path(notice, clause)
        return Part(
            [f"通知相关规定{section}：{shorten(sentence, 200)}"],
            [cite(notice, clause.ref, sentence)],
        )


def _pieces(clause: Clause) -> list[tuple[str, str]]:
    """The sentences of a clause, each with the words that give it context: a table's
    rows (序号	评审项目	…	分值) are sentences of their own, read with the clause's
    heading and the table's header row (省级评审标准 for ``1	领办人技能水平和业绩	…	30分``)."""
    if "\t" not in clause.text:
        return [(p, "") for p in re.split(r"(?<=[。；;])", clause.text.replace("\n", ""))]
    out, header = [], ""
    for line in clause.text.split("\n"):
        if "\t" in line and not header:
            header = line
        context = clause.heading + header if "\t" in line else ""
        out += [(p, context) for p in re.split(r"(?<=[。；;])", line)]
    return out


_QUANTITY = re.compile(
    r"[\d.]+|[一二两三四五六七八九十百半几\d]+(?:年|个月|月|岁|周岁|人|个|名|次|天)"
)


def _chars(text: str) -> frozenset[str]:
    """The Chinese characters of ``text`` that carry meaning (not 的/了/吗…)."""
    return frozenset(
        c for c in text if "\u4e00" <= c <= "\u9fff" and c not in "的了吗呢啊吧么是在有"
    )


def asks_count(question: str) -> bool:
    """The question asks how many or how much (``几个``, ``多少``)."""
    return bool(re.search(r"几|多少", question))


def has_count(text: str) -> bool:
    """``text`` states a number (``5个``, ``一式两份``, ``10万元``), not only words."""
    return bool(
        re.search(r"\d|[一二两三四五六七八九十百千万]\s*[份个名人年天日月次项张家元岁%]", text)
    )
