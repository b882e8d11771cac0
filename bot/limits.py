"""Per-user rate limit: a token bucket in front of every other route.

Each identity (``"channel:user"``) has a bucket of ``capacity`` messages refilled at
``capacity / period`` per second; a message finding the bucket empty is refused
politely. Re-delivered messages never reach routes (the engine answers them from its
processed-message record), so retries do not use up a user's allowance.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.delivery import REPLAYING
from bot.messages import Reply
from bot.routes import Route, Turn

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
        bucket.tokens = min(self.capacity, bucket.tokens + (now - bucket.at) * self.rate)
        bucket.at = now
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            return 0.0
        return (1.0 - bucket.tokens) / self.rate

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


def rate_limit_route(bucket: TokenBucket, exempt: Iterable[str] = ()) -> Route:
    """A route refusing a user's message when their bucket is empty.

    Args:
        bucket: The shared buckets.
        exempt: Identities never limited (e.g. staff ``"telegram:900"``).
    """
    free = frozenset(exempt)

    async def route(turn: Turn) -> list[Reply] | None:
        identity = turn.message.session_key
        if REPLAYING.get() or identity in free or turn.message.channel in LOCAL_CHANNELS:
            return None
        wait = bucket.take(identity)
        if wait <= 0:
            return None
        return [Reply(text=REFUSAL.format(wait=max(1, round(wait))), unrecorded=True)]

    return route
