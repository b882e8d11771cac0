"""Notices loaded when a question needs them, with a bounded cache.

A knowledge base of 10,000 notices holds their metadata, places and search index in
memory; the full :class:`~knowledge.models.Notice` (clauses, attachments, facts: about
170 KiB each once built) is read from the store on first use and kept in a
least-recently-used cache.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping

from knowledge.models import Notice

DEFAULT_CACHE_SIZE = 256
"""Full notices kept in memory (about 45 MiB at 170 KiB each)."""


class NoticeMap(Mapping[str, Notice]):
    """A read-only ``{notice_id: Notice}`` mapping that loads notices on access.

    Membership, length and iteration (ids in the given order) never load anything;
    ``map[nid]`` loads the notice once and keeps the ``cache_size`` most recently used
    ones. Thread-safe.
    """

    def __init__(
        self,
        ids: list[str],
        load: Callable[[str], Notice],
        cache_size: int = DEFAULT_CACHE_SIZE,
    ) -> None:
        """Args:
        ids: Notice ids, in iteration order.
        load: Reads one full notice by id (raises ``KeyError`` when it is gone).
        cache_size: Full notices kept (at least 1).
        """
        self._ids = list(ids)
        self._known = frozenset(self._ids)
        self._load = load
        self._size = max(1, cache_size)
        self._cache: OrderedDict[str, Notice] = OrderedDict()
        self._lock = threading.Lock()

    def __getitem__(self, nid: str) -> Notice:
        if nid not in self._known:
            raise KeyError(nid)
        with self._lock:
            notice = self._cache.get(nid)
            if notice is not None:
                self._cache.move_to_end(nid)
                return notice
        notice = self._load(nid)
        with self._lock:
            self._cache[nid] = notice
            while len(self._cache) > self._size:
                self._cache.popitem(last=False)
        return notice

    def __contains__(self, nid: object) -> bool:
        return nid in self._known

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    @property
    def cached(self) -> int:
        """Full notices in memory now."""
        return len(self._cache)
