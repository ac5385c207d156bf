"""Shikimori REST v1 for anime: search and details; our name as User-Agent; 5/s and 90/min."""

from __future__ import annotations

from typing import Any

from app.domain.errors import BadFeed
from app.net.api import ApiClient
from app.net.ratelimit import RateLimiter
from app.net.retry import json_or_raise


def shikimori_limiter() -> RateLimiter:
    """The documented limits: 5 requests per second and 90 per minute, both at once."""
    return RateLimiter([(5, 1.0), (90, 60.0)])


class ShikimoriClient(ApiClient):
    """Thin async Shikimori client: JSON in, our errors out (401/403 a refusal)."""

    async def get(self, path: str, params: dict[str, Any] | None = None) -> Any:
        response = await self._get(path, params)
        return json_or_raise(
            response,
            "Shikimori",
            path,
            f"Shikimori refused the request (HTTP {response.status_code})",
            auth_statuses=(401, 403),
        )

    async def search(self, query: str, limit: int = 10) -> list[dict[str, Any]]:
        data = await self.get("/api/animes", {"search": query, "limit": limit, "order": "popularity"})
        if not isinstance(data, list):
            raise BadFeed("Shikimori search answer is not a list")
        return [item for item in data if isinstance(item, dict)]

    async def details(self, anime_id: int) -> dict[str, Any]:
        data = await self.get(f"/api/animes/{anime_id}")
        if not isinstance(data, dict):
            raise BadFeed("Shikimori details answer is not an object")
        return data
