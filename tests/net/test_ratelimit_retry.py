"""Rate limiter windows, 429 with Retry-After, backoff on 5xx and timeouts (httpx.MockTransport)."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from app.domain.errors import ProviderUnavailable, RateLimited
from app.net.client import USER_AGENT, make_client
from app.net.ratelimit import RateLimiter
from app.net.retry import RequestStats, RetryPolicy, backoff_delay, retry_after_seconds, send


class FakeTime:
    """A monotonic clock that sleeping advances, so limiter tests take no real time."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        # Let other tasks run, as a real sleep would (asyncio.sleep itself is patched to us).
        loop = asyncio.get_running_loop()
        step = loop.create_future()
        loop.call_soon(step.set_result, None)
        await step


@pytest.mark.asyncio
async def test_limiter_respects_every_window(monkeypatch: pytest.MonkeyPatch) -> None:
    t = FakeTime()
    monkeypatch.setattr("app.net.ratelimit.asyncio.sleep", t.sleep)
    limiter = RateLimiter([(5, 1.0), (90, 60.0)], clock=t.clock)
    sent: list[float] = []
    for _ in range(100):
        limiter.done(await limiter.acquire())  # an instant answer
        sent.append(t.now)
    for i in range(len(sent)):
        in_second = [s for s in sent if sent[i] <= s < sent[i] + 1.0]
        in_minute = [s for s in sent if sent[i] <= s < sent[i] + 60.0]
        assert len(in_second) <= 5
        assert len(in_minute) <= 90
    # 90 go out within the first minute's budget; the 91st waits for the minute to pass.
    assert sent[89] < 60.0 <= sent[90]


@pytest.mark.asyncio
async def test_limiter_pause_holds_host(monkeypatch: pytest.MonkeyPatch) -> None:
    t = FakeTime()
    monkeypatch.setattr("app.net.ratelimit.asyncio.sleep", t.sleep)
    limiter = RateLimiter([(40, 1.0), (4, 0.1)], clock=t.clock)
    limiter.done(await limiter.acquire())
    limiter.pause(2.5)
    limiter.done(await limiter.acquire())
    assert t.now >= 2.5


@pytest.mark.asyncio
async def test_concurrent_acquires_stay_under_rate() -> None:
    limiter = RateLimiter([(100, 1.0), (10, 0.1)])  # real clock: 60 acquisitions need ~0.5 s
    loop = asyncio.get_running_loop()
    start = loop.time()
    stamps: list[float] = []

    async def one() -> None:
        limiter.done(await limiter.acquire())
        stamps.append(loop.time() - start)

    await asyncio.gather(*(one() for _ in range(60)))
    stamps.sort()
    # 10 per 0.1 s: the first tenth goes at once, the other 50 need five more tenths.
    assert stamps[-1] >= 0.45
    assert len([s for s in stamps if s < 0.05]) <= 10


@pytest.mark.asyncio
async def test_request_in_flight_holds_its_slot(monkeypatch: pytest.MonkeyPatch) -> None:
    # One per second, and the answer takes 3 s: its slot stays taken until the answer arrives
    # and for a full period after, because the server may have counted it only then.
    t = FakeTime()
    monkeypatch.setattr("app.net.ratelimit.asyncio.sleep", t.sleep)
    limiter = RateLimiter([(1, 1.0)], clock=t.clock, slack_s=0)
    slow = await limiter.acquire()
    waiter = asyncio.ensure_future(limiter.acquire())
    loop = asyncio.get_running_loop()
    while not waiter.done():
        step = loop.create_future()  # yield to the loop (asyncio.sleep is the fake one here)
        loop.call_soon(step.set_result, None)
        await step
        if t.now >= 3.0 and slow.in_flight:
            limiter.done(slow)
    assert waiter.result().stamp >= 4.0


def test_retry_after_parsing_and_backoff_bounds() -> None:
    assert retry_after_seconds("3", 1.0) == 3.0
    assert retry_after_seconds(None, 1.0) == 1.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", 1.0) == 0.0  # a past date
    assert retry_after_seconds("soon", 1.5) == 1.5
    policy = RetryPolicy(base_delay_s=0.5, max_delay_s=8.0)
    for attempt in range(8):
        delay = backoff_delay(attempt, policy)
        cap = min(8.0, 0.5 * 2**attempt)
        assert cap / 2 <= delay <= cap


def _mock_client(handler: httpx.MockTransport) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=handler, headers={"User-Agent": USER_AGENT})


@pytest.mark.asyncio
async def test_429_then_success_pauses_limiter() -> None:
    calls: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) < 3:
            return httpx.Response(429, headers={"Retry-After": "0.05"}, json={"status_code": 25})
        return httpx.Response(200, json={"ok": True})

    stats = RequestStats()
    limiter = RateLimiter([(100, 1.0)])
    async with _mock_client(httpx.MockTransport(handler)) as client:
        response = await send(client, "GET", "http://t/3/x", limiter=limiter, stats=stats)
    assert response.json() == {"ok": True}
    assert stats.requests == 3 and stats.rate_limited == 2


@pytest.mark.asyncio
async def test_endless_429_raises_rate_limited() -> None:
    handler = httpx.MockTransport(lambda r: httpx.Response(429, headers={"Retry-After": "0"}))
    policy = RetryPolicy(max_rate_limited=3)
    sleeps: list[float] = []

    async def no_sleep(s: float) -> None:
        sleeps.append(s)

    async with _mock_client(handler) as client:
        with pytest.raises(RateLimited):
            await send(client, "GET", "http://t/x", policy=policy, sleep=no_sleep)


@pytest.mark.asyncio
async def test_5xx_and_timeouts_back_off_then_give_up() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append("x")
        if len(seen) == 1:
            raise httpx.ReadTimeout("slow", request=request)
        return httpx.Response(503, json={"status_code": 9})

    sleeps: list[float] = []

    async def record(s: float) -> None:
        sleeps.append(s)

    stats = RequestStats()
    async with _mock_client(httpx.MockTransport(handler)) as client:
        with pytest.raises(ProviderUnavailable):
            await send(
                client,
                "GET",
                "http://t/x",
                stats=stats,
                sleep=record,
                policy=RetryPolicy(max_attempts=4),
            )
    assert len(seen) == 4 and stats.server_errors == 3
    assert len(sleeps) == 3 and sleeps[0] <= 0.5 and sleeps[2] >= 1.0  # exponential, jittered


def test_client_sends_our_user_agent() -> None:
    client = make_client(5.0)
    try:
        assert client.headers["User-Agent"].startswith("Cinema/")
    finally:
        asyncio.run(client.aclose())
