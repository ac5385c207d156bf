"""TMDB v3 over HTTP: auth, language, errors mapped to ours; JSON in, JSON out."""

from __future__ import annotations

import re
from typing import Any

import httpx

from app.domain.errors import BadFeed
from app.net.api import ApiClient
from app.net.ratelimit import RateLimiter
from app.net.retry import DEFAULT_POLICY, RequestStats, RetryPolicy, Sleep, json_or_raise

APPEND = "credits,videos,external_ids,alternative_titles,recommendations"
_V3_KEY = re.compile(r"^[0-9a-f]{32}$")
AUTH_HELP = "TMDB refused the token: set a valid one with `cinema secrets set tmdb` (or CINEMA_TMDB_TOKEN)."


class TmdbClient(ApiClient):
    """Thin async TMDB client. Never logs or returns the token."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        base_url: str,
        token: str,
        language: str = "ru-RU",
        limiter: RateLimiter | None = None,
        stats: RequestStats | None = None,
        policy: RetryPolicy = DEFAULT_POLICY,
        sleep: Sleep | None = None,
    ) -> None:
        super().__init__(http, base_url=base_url, limiter=limiter, stats=stats, policy=policy, sleep=sleep)
        self.language = language
        # A v3 key goes in the query; the long read access token is a Bearer header.
        if _V3_KEY.match(token):
            self._auth_params: dict[str, str] = {"api_key": token}
            self._auth_headers: dict[str, str] = {}
        else:
            self._auth_params = {}
            self._auth_headers = {"Authorization": f"Bearer {token}"}

    async def get(self, path: str, params: dict[str, Any] | None = None) -> Any:
        query = {k: v for k, v in (params or {}).items() if v is not None}
        response = await self._get(path, {**query, **self._auth_params}, self._auth_headers)
        return json_or_raise(response, "TMDB", path, AUTH_HELP)

    async def configuration(self) -> dict[str, Any]:
        return _object(await self.get("/configuration"), "/configuration")

    async def search(self, media: str, query: str, year: int | None = None) -> dict[str, Any]:
        """``media`` is movie or tv; ``year`` filters (primary release / first air date)."""
        params: dict[str, Any] = {
            "query": query,
            "language": self.language,
            "include_adult": "false",
        }
        if year is not None:
            params["year" if media == "movie" else "first_air_date_year"] = year
        return _object(await self.get(f"/search/{media}", params), "search")

    async def find_imdb(self, imdb_id: str) -> dict[str, Any]:
        params = {"external_source": "imdb_id", "language": self.language}
        return _object(await self.get(f"/find/{imdb_id}", params), "find")

    async def details(
        self, media: str, tmdb_id: int, language: str | None = None, append: bool = True
    ) -> dict[str, Any]:
        params: dict[str, Any] = {"language": language or self.language}
        if append:
            # the age certifications (issue 15): a film's release dates, a series' content ratings
            params["append_to_response"] = APPEND + (
                ",release_dates" if media == "movie" else ",content_ratings"
            )
        return _object(await self.get(f"/{media}/{tmdb_id}", params), "details")

    async def season(self, tmdb_id: int, number: int) -> dict[str, Any]:
        """``/tv/{id}/season/{n}``: the season with its episodes (issue 16)."""
        return _object(
            await self.get(f"/tv/{tmdb_id}/season/{number}", {"language": self.language}), "season"
        )


def _object(data: Any, what: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise BadFeed(f"TMDB {what} answer is not an object")
    return data
