"""A JSON web API as a provider's client sees it: the app's HTTP client, a base URL, the host's
rate limiter, the retry policy and request counters, one ``GET`` through ``retry.send``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from app.net.ratelimit import RateLimiter
from app.net.retry import DEFAULT_POLICY, RequestStats, RetryPolicy, Sleep, send


class ApiClient:
    """The plumbing the TMDB and Shikimori clients share; each adds its auth and its words."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        base_url: str,
        limiter: RateLimiter | None = None,
        stats: RequestStats | None = None,
        policy: RetryPolicy = DEFAULT_POLICY,
        sleep: Sleep | None = None,
    ) -> None:
        self._http = http
        self.base_url = base_url.rstrip("/")
        self._limiter = limiter
        self.stats = stats if stats is not None else RequestStats()
        self._policy = policy
        self._sleep = sleep

    async def _get(
        self, path: str, params: Mapping[str, Any] | None = None, headers: Mapping[str, str] | None = None
    ) -> httpx.Response:
        """``GET base_url + path``, waiting for the limiter and retrying as the policy says."""
        kwargs: dict[str, Any] = {}
        if self._sleep is not None:  # tests pass a fake sleep; else retry's own default
            kwargs["sleep"] = self._sleep
        return await send(
            self._http,
            "GET",
            f"{self.base_url}{path}",
            params=params,
            headers=headers,
            limiter=self._limiter,
            stats=self.stats,
            policy=self._policy,
            **kwargs,
        )
