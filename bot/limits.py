"""Per-user rate limit: a token bucket in front of every other route.

Each identity (``"channel:user"``) has a bucket of ``capacity`` messages refilled at
``capacity / period`` per second; a message finding the bucket empty is refused
politely. Re-delivered messages never reach routes (the engine answers them from its
processed-message record), so retries do not use up a user's allowance.

:class:`TokenBucket` keeps the buckets in process memory (one process);
:class:`StoredTokenBucket` keeps them in the state database, so several workers share
one allowance per user (table ``rate_limits(key PK, tokens, at)``, wall-clock seconds).
"""

from __future__ import annotations

import inspect
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass

from bot.delivery import REPLAYING
from bot.messages import Reply
from bot.routes import Route, Turn
from bot.storage import StateStore

_SCHEMA = """
CREATE TABLE IF NOT EXISTS rate_limits (
    key TEXT PRIMARY KEY, tokens DOUBLE PRECISION NOT NULL, at DOUBLE PRECISION NOT NULL);
"""

REFUSAL = "您发送消息太频繁了，请稍等片刻（约{wait}秒）后再试。"
LOCAL_CHANNELS = frozenset({"console"})  # the person at this machine's terminal


@dataclass
class _Bucket:
    tokens: float
    at: float


class TokenBucket:
    """Token buckets keyed by identity.

    Args:
        capacity: Messages allowed in a burst (and per ``period``), e.g. 20.
        period: Seconds in which a full bucket refills, e.g. 60.
        clock: Monotonic clock in seconds (injectable for tests).
        max_keys: Buckets kept; full buckets are forgotten first when exceeded.
    """

    def __init__(
        self,
        capacity: int = 20,
        period: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = 10_000,
    ) -> None:
        if capacity < 1 or period <= 0:
            raise ValueError("capacity must be >= 1 and period > 0")
        self.capacity, self.rate = float(capacity), capacity / period
        self.clock = clock
        self.max_keys = max_keys
        self._buckets: dict[str, _Bucket] = {}

    def take(self, key: str) -> float:
        """Use one token of ``key``'s bucket.

        Returns:
            0.0 when allowed, else the seconds until a token is available.
        """
        now = self.clock()
        bucket = self._buckets.get(key)
        if bucket is None:
            self._prune(now)
            bucket = self._buckets[key] = _Bucket(self.capacity, now)
        bucket.tokens, wait = _take(bucket, now, self.capacity, self.rate)
        bucket.at = now
        return wait

    def _prune(self, now: float) -> None:
        if len(self._buckets) < self.max_keys:
            return
        full = [
            k
            for k, b in self._buckets.items()
            if b.tokens + (now - b.at) * self.rate >= self.capacity
        ]
        for key in full or list(self._buckets)[: len(self._buckets) // 2]:
            del self._buckets[key]


def _take(bucket: _Bucket, now: float, capacity: float, rate: float) -> tuple[float, float]:
    """Refill ``bucket`` up to ``now`` and use one token: ``(tokens left, wait)``, wait
    0.0 when allowed, else the seconds until a token is available."""
    tokens = min(capacity, bucket.tokens + max(0.0, now - bucket.at) * rate)
    if tokens >= 1.0:
        return tokens - 1.0, 0.0
    return tokens, (1.0 - tokens) / rate


class StoredTokenBucket:
    """Token buckets in the state database, shared by every worker.

    The engine runs routes under the session's lock (across processes on PostgreSQL),
    so one identity's read-and-update never races with itself.

    Args:
        state: The open state store.
        capacity: Messages allowed in a burst (and per ``period``).
        period: Seconds in which a full bucket refills.
        clock: Wall clock in seconds (shared by processes; injectable for tests).
    """

    def __init__(
        self,
        state: StateStore,
        capacity: int = 20,
        period: float = 60.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if capacity < 1 or period <= 0:
            raise ValueError("capacity must be >= 1 and period > 0")
        self.state = state
        self.capacity, self.rate = float(capacity), capacity / period
        self.clock = clock

    async def take(self, key: str) -> float:
        """Use one token of ``key``'s bucket; 0.0 when allowed, else seconds to wait."""
        db = self.state.database
        await db.ensure_schema(_SCHEMA)
        now = self.clock()
        async with db.transaction() as tx:
            row = await tx.fetchone("SELECT tokens, at FROM rate_limits WHERE key = ?", (key,))
            bucket = _Bucket(float(row[0]), float(row[1])) if row else _Bucket(self.capacity, now)
            tokens, wait = _take(bucket, now, self.capacity, self.rate)
            await tx.execute(
                "INSERT INTO rate_limits (key, tokens, at) VALUES (?, ?, ?) ON CONFLICT (key)"
                " DO UPDATE SET tokens = excluded.tokens, at = excluded.at",
                (key, tokens, now),
            )
            # buckets full again are worth nothing: drop them (bounded table)
            await tx.execute(
                "DELETE FROM rate_limits WHERE at < ?", (now - self.capacity / self.rate,)
            )
        return wait


def rate_limit_route(bucket: TokenBucket | StoredTokenBucket, exempt: Iterable[str] = ()) -> Route:
    """A route refusing a user's message when their bucket is empty.

    Args:
        bucket: The buckets (in memory, or in the state database for several workers).
        exempt: Identities never limited (e.g. staff ``"telegram:900"``).
    """
    free = frozenset(exempt)

    async def route(turn: Turn) -> list[Reply] | None:
        identity = turn.message.session_key
        if REPLAYING.get() or identity in free or turn.message.channel in LOCAL_CHANNELS:
            return None
        taken: float | Awaitable[float] = bucket.take(identity)
        wait = await taken if inspect.isawaitable(taken) else taken
        if wait <= 0:
            return None
        return [Reply(text=REFUSAL.format(wait=max(1, round(wait))), unrecorded=True)]

    return route
