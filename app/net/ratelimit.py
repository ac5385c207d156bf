"""Per-host rate limits: every window (e.g. 5 per second AND 90 per minute) must allow a request.

Each window is a sliding log of send times, which is the strictest reading of "N per period" and
so never trips a server that counts the same way (or with a token bucket of that size). A 429
pauses the whole host, so that concurrent workers do not keep hammering it.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit


class RateLimiter:
    """Waits until a request may go out under every (limit, period) window."""

    def __init__(
        self,
        windows: Sequence[tuple[int, float]],
        clock: Callable[[], float] = time.monotonic,
        slack_s: float = 0.05,
    ) -> None:
        if not windows:
            raise ValueError("at least one window is needed")
        # Slack: requests leave on our clock but are counted on arrival at the server, where
        # network jitter can squeeze two of them closer together than we spaced them.
        self._windows = [
            (max(1, int(limit)), float(period) + min(slack_s, 0.03 * period)) for limit, period in windows
        ]
        self._logs: list[deque[float]] = [deque() for _ in self._windows]
        self._clock = clock
        self._lock = asyncio.Lock()
        self._paused_until = 0.0

    @classmethod
    def per_second(cls, rate: float) -> RateLimiter:
        """``rate`` per second, smoothed to tenths of a second so a burst stays small."""
        if rate >= 10:
            return cls([(int(rate), 1.0), (max(1, int(rate / 10)), 0.1)])
        return cls([(max(1, int(rate)), 1.0)])

    def pause(self, seconds: float) -> None:
        """Hold every request to this host for ``seconds`` (a 429's Retry-After)."""
        self._paused_until = max(self._paused_until, self._clock() + max(0.0, seconds))

    def _wait_needed(self, now: float) -> float:
        wait = max(0.0, self._paused_until - now)
        for (limit, period), log in zip(self._windows, self._logs, strict=True):
            # The epsilon keeps float rounding from leaving a spent entry in the window.
            while log and now - log[0] >= period - 1e-9:
                log.popleft()
            if len(log) >= limit:
                wait = max(wait, log[0] + period - now)
        return wait

    async def acquire(self) -> None:
        # The lock serialises waiters: the first in line sleeps, the others queue behind it.
        async with self._lock:
            while True:
                now = self._clock()
                wait = self._wait_needed(now)
                if wait <= 0:
                    for log in self._logs:
                        log.append(now)
                    return
                await asyncio.sleep(wait)


class HostLimits:
    """One limiter per host; hosts without a rule are not limited."""

    def __init__(self) -> None:
        self._limiters: dict[str, RateLimiter] = {}

    def set(self, url_or_host: str, limiter: RateLimiter) -> None:
        self._limiters[host_of(url_or_host)] = limiter

    def get(self, url: str) -> RateLimiter | None:
        return self._limiters.get(host_of(url))


def host_of(url_or_host: str) -> str:
    """``host[:port]`` of a URL (or the string itself when it is already a host)."""
    parts = urlsplit(url_or_host if "://" in url_or_host else f"//{url_or_host}")
    return parts.netloc.lower()
