"""Sending with retries: 429 honoured with Retry-After, backoff with jitter on 5xx and timeouts."""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from app.domain.errors import AuthError, BadFeed, NotFound, ProviderUnavailable, RateLimited
from app.net.ratelimit import RateLimiter

log = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]


@dataclass
class RequestStats:
    """Counters a run reports: requests actually sent, retries, 429s seen."""

    requests: int = 0
    retries: int = 0
    rate_limited: int = 0
    server_errors: int = 0


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 4  # for 5xx and timeouts
    max_rate_limited: int = 6  # 429s tolerated for one request before giving up
    base_delay_s: float = 0.5
    max_delay_s: float = 8.0
    default_retry_after_s: float = 1.0
    max_retry_after_s: float = 60.0


DEFAULT_POLICY = RetryPolicy()

# The counters of the work in progress (an enrichment run), whatever provider sends for it; tasks
# started inside ``counting`` inherit it.
_COUNTING: ContextVar[RequestStats | None] = ContextVar("request_stats", default=None)


@contextmanager
def counting(stats: RequestStats) -> Iterator[RequestStats]:
    """Count every request ``send`` makes in this context (and in tasks started in it)."""
    token = _COUNTING.set(stats)
    try:
        yield stats
    finally:
        _COUNTING.reset(token)


class _Counters:
    """The caller's counters and the context's, bumped together."""

    __slots__ = ("_all",)

    def __init__(self, stats: RequestStats | None) -> None:
        run = _COUNTING.get()
        self._all = [stats] if stats is not None else []
        if run is not None and run is not stats:
            self._all.append(run)

    def bump(self, name: str) -> None:
        for stats in self._all:
            setattr(stats, name, getattr(stats, name) + 1)


def retry_after_seconds(value: str | None, default: float) -> float:
    """Seconds from a Retry-After header (delta seconds or an HTTP date)."""
    if not value:
        return default
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        from datetime import UTC, datetime

        return max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError):
        return default


def backoff_delay(attempt: int, policy: RetryPolicy, rng: random.Random | None = None) -> float:
    """Full jitter: uniform in [0, min(max, base * 2**attempt)] so retries do not bunch up."""
    cap = min(policy.max_delay_s, policy.base_delay_s * (2**attempt))
    return (rng or random).uniform(cap / 2, cap)


async def send(
    client: httpx.AsyncClient,
    method: str,
    url: str,
    *,
    params: Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
    json_body: Any = None,
    limiter: RateLimiter | None = None,
    stats: RequestStats | None = None,
    policy: RetryPolicy = DEFAULT_POLICY,
    sleep: Sleep = asyncio.sleep,
) -> httpx.Response:
    """Send one request, waiting for the host's limiter before each attempt.

    Returns the response for any status below 500 other than 429; the caller maps 401/404.
    Raises:
        RateLimited: the host kept answering 429.
        ProviderUnavailable: 5xx, timeouts or connection errors outlasted the retries.
    """
    counters = _Counters(stats)
    failures = 0
    limited = 0
    while True:
        ticket = await limiter.acquire() if limiter is not None else None
        counters.bump("requests")
        try:
            response = await client.request(method, url, params=params, headers=headers, json=json_body)
        except (httpx.TimeoutException, httpx.TransportError) as exc:
            if limiter is not None and ticket is not None:
                limiter.done(ticket)
            failures += 1
            reason = type(exc).__name__
        except BaseException:
            if limiter is not None and ticket is not None:
                limiter.done(ticket)  # cancelled: the slot must not stay taken forever
            raise
        else:
            if limiter is not None and ticket is not None:
                limiter.done(ticket)
            if response.status_code == 429:
                counters.bump("rate_limited")
                limited += 1
                wait = min(
                    policy.max_retry_after_s,
                    retry_after_seconds(response.headers.get("retry-after"), policy.default_retry_after_s),
                )
                if limiter is not None:
                    limiter.pause(wait)
                if limited >= policy.max_rate_limited:
                    raise RateLimited("the service keeps asking us to slow down", retry_after=wait)
                log.info("429 from %s, waiting %.1f s", httpx.URL(url).host, wait)
                counters.bump("retries")
                if limiter is None:
                    await sleep(wait)
                continue
            if response.status_code < 500:
                return response
            counters.bump("server_errors")
            failures += 1
            reason = f"HTTP {response.status_code}"
        if failures >= policy.max_attempts:
            raise ProviderUnavailable(f"{httpx.URL(url).host} unavailable ({reason})")
        counters.bump("retries")
        await sleep(backoff_delay(failures - 1, policy))


def json_or_raise(
    response: httpx.Response,
    service: str,
    path: str,
    auth_message: str,
    auth_statuses: tuple[int, ...] = (401,),
) -> Any:
    """A JSON API answer's body, or our error for its status (auth, not found, failure, not JSON)."""
    status = response.status_code
    if status in auth_statuses:
        raise AuthError(auth_message)
    if status == 404:
        raise NotFound(f"{service} has no {path}")
    if status >= 400:
        raise ProviderUnavailable(f"{service} answered HTTP {status} for {path}")
    try:
        return response.json()
    except ValueError as exc:
        raise BadFeed(f"{service} sent a body that is not JSON for {path}") from exc
