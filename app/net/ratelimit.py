"""Rate limits: every window (e.g. 5 per second AND 90 per minute) must allow a request.

Each window is a sliding log of request times, the strictest reading of "N per period", so a
server that counts the same way (or with a token bucket of that size) is never tripped. A request
is logged when it leaves and re-stamped when its answer arrives: the server counted it somewhere
in between, so a request delayed on our side (a busy loop, a slow connect) can never make the
server see more than N in a period. A 429 pauses the whole host, so that concurrent workers do not
keep hammering it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence


class Ticket:
    """One request's place in the logs; ``RateLimiter.done`` moves it to the answer's time."""

    __slots__ = ("in_flight", "stamp")

    def __init__(self, stamp: float) -> None:
        self.stamp = stamp
        self.in_flight = True


class RateLimiter:
    """Waits until a request may go out under every (limit, period) window."""

    def __init__(
        self,
        windows: Sequence[tuple[int, float]],
        clock: Callable[[], float] = time.monotonic,
        slack_s: float = 0.01,
    ) -> None:
        if not windows:
            raise ValueError("at least one window is needed")
        self._windows = [
            (max(1, int(limit)), float(period) + min(slack_s, 0.01 * period)) for limit, period in windows
        ]
        self._logs: list[list[Ticket]] = [[] for _ in self._windows]
        self._clock = clock
        self._lock = asyncio.Lock()
        self._paused_until = 0.0

    @classmethod
    def per_second(cls, rate: float) -> RateLimiter:
        """``rate`` per second. (A finer smoothing window would cost throughput: each request
        holds its place until its answer arrives, a latency that a 0.1 s window cannot absorb.)"""
        return cls([(max(1, int(rate)), 1.0)])

    def pause(self, seconds: float) -> None:
        """Hold every request to this host for ``seconds`` (a 429's Retry-After)."""
        self._paused_until = max(self._paused_until, self._clock() + max(0.0, seconds))

    def _wait_needed(self, now: float) -> float:
        wait = max(0.0, self._paused_until - now)
        for i, (limit, period) in enumerate(self._windows):
            # The epsilon keeps float rounding from leaving a spent entry in the window.
            # A request still waiting for its answer counts whatever its age: it may reach the
            # server only now (a full connection pool, a slow connect).
            live = [t for t in self._logs[i] if t.in_flight or now - t.stamp < period - 1e-9]
            self._logs[i] = live
            if len(live) >= limit:
                ordered = sorted(live, key=lambda t: now if t.in_flight else t.stamp)
                critical = ordered[len(ordered) - limit]
                # Waiting on an answer: look again shortly rather than guess when it comes.
                wait = max(wait, 0.02 if critical.in_flight else critical.stamp + period - now)
        return wait

    async def acquire(self) -> Ticket:
        # The lock serialises waiters: the first in line sleeps, the others queue behind it.
        async with self._lock:
            while True:
                now = self._clock()
                wait = self._wait_needed(now)
                if wait <= 0:
                    ticket = Ticket(now)
                    for log in self._logs:
                        log.append(ticket)
                    return ticket
                await asyncio.sleep(wait)

    def done(self, ticket: Ticket) -> None:
        """The answer arrived: count the request from now on (it reached the server before)."""
        ticket.stamp = max(ticket.stamp, self._clock())
        ticket.in_flight = False
