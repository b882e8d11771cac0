"""Chinese word segmentation for indexing and matching (jieba with a domain dictionary).

The domain dictionary (``knowledge/data/terms.txt``) keeps terms such as 技能大师工作室,
领办人 and 首席技师 whole; place names of the loaded notices are added too.
"""

from __future__ import annotations

import logging
import re
from importlib import resources

import jieba

_STOP = frozenset(
    "的 了 吗 呢 啊 呀 吧 么 嘛 是 有 在 和 与 及 或 就 都 也 还 要 会 能 可以 可 我 我们 你 您 他 "
    "这 那 哪 哪些 什么 怎么 怎样 如何 多少 几 个 请问 请 问 一下 一个 想 知道 需要 需 对 吗? 么 "
    "啥 咋 多 少 给 让 被 把 从 到 为 以 其 该 此 等 之 于 上 下 中 内 外 后 前 时 年 月 日 号 "
    "市 区 县 省 意思 什么意思 是不是 能不能 可不可以 有没有 吗 咋办 怎么办 怎么样 会不会 要不要 "
    "每个 县区 各县 各区 几个 以后 之后 "
    "现在 今年 这个 那个 一些 哪个 哪里 多久 多长 还是 以及 或者 如果 的话 谢谢 你好 您好 "
    "几号 几时 什么时候 时候 那边 这边 那里 这里 谁 市里".split()
)
_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
_CACHED = 4096
"""Short texts whose segmentation :class:`Tokenizer` keeps (about 1 MB)."""


class Tokenizer:
    """A jieba tokenizer loaded with the domain dictionary.

    Construct once per knowledge base (jieba's dictionary load takes ~0.3 s from its
    cache); :meth:`tokens` is then ~20 µs for a short question.
    """

    def __init__(self, extra_words: list[str] | None = None) -> None:
        """Args: extra_words: more words to keep whole (place names, form titles)."""
        jieba.setLogLevel(logging.WARNING)
        self._cache: dict[str, tuple[str, ...]] = {}
        self._jieba = jieba.Tokenizer()
        self._jieba.initialize()
        terms = resources.files("knowledge").joinpath("data/terms.txt").read_text(encoding="utf-8")
        for line in terms.splitlines():
            parts = line.split()
            if parts:
                self._jieba.add_word(parts[0], int(parts[1]) if len(parts) > 1 else 20)
        for word in extra_words or []:
            self.add_word(word)

    def add_word(self, word: str, freq: int = 20) -> None:
        """Keep ``word`` whole from now on; a higher ``freq`` keeps it whole against
        neighbours too (天水 in 天水下一批, not 天/水下)."""
        if word:
            self._jieba.add_word(word, max(freq, self.frequency(word)))
            self._cache.clear()  # segmentations made before may cut it

    def frequency(self, word: str) -> int:
        """How often jieba's dictionary has seen ``word`` (0 when unknown): a place short
        name with a high count is an everyday word (合作, 东方, 和平)."""
        return int(self._jieba.FREQ.get(word, 0))

    def segment(self, text: str) -> list[str]:
        """Raw jieba segmentation of ``text`` (all tokens, in order)."""
        return list(self._cut(text))

    def forget(self) -> None:
        """Drop the remembered segmentations (benchmarks time questions as new ones)."""
        self._cache.clear()

    def _cut(self, text: str) -> tuple[str, ...]:
        """jieba's segmentation, remembered for the last :data:`_CACHED` short texts: one
        answer segments the same question several times (homophones, focus words, places).
        Clauses (longer texts, segmented once at indexing) are not kept."""
        if len(text) > 120:
            return tuple(self._jieba.lcut(text))
        cached = self._cache.get(text)
        if cached is None:
            if len(self._cache) >= _CACHED:
                self._cache.clear()
            cached = self._cache[text] = tuple(self._jieba.lcut(text))
        return cached

    def tokens(self, text: str) -> list[str]:
        """Content tokens of ``text``: lower-cased, stop words and punctuation removed.

        Args:
            text: Any text (a question or a clause).

        Returns:
            Tokens in order, duplicates kept (term frequency matters for ranking).
        """
        out = []
        for tok in self._cut(text.lower()):
            tok = tok.strip()
            if tok and tok not in _STOP and _WORD.search(tok):
                out.append(tok)
        return out
