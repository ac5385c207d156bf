"""Shikimori as a provider: MetaSearch for anime, MetaDetails and SeriesEpisodes (shikimori:), no key.

Light to import: httpx and the client are loaded on the first request, not at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from app.domain.errors import NotFound
from app.providers.base import Capability, Manifest

if TYPE_CHECKING:
    from app.core.config import Settings
    from app.domain.series import Episode
    from app.net.ratelimit import RateLimiter
    from app.net.shared import HttpClient
    from app.providers.meta.models import Candidate, MetaQuery, TitleMeta
    from app.providers.meta.shikimori.client import ShikimoriClient


class ShikimoriProvider:
    """Anime searches and details within Shikimori's documented limits (one limiter per app)."""

    manifest = Manifest(
        id="shikimori",
        name="Shikimori",
        capabilities=frozenset(
            {Capability.META_SEARCH, Capability.META_DETAILS, Capability.META_LISTS, Capability.EPISODES}
        ),
        id_prefixes=("shikimori:",),
        kinds=("anime",),
    )
    narrow_search = False  # it matches parts of names in every script it knows
    listings = ("season", "popular")  # MetaLists (issue 15): shikimori/lists.py
    episode_names = False  # SeriesEpisodes: numbers only (and the next episode's date)

    def __init__(self, *, http: Callable[[], HttpClient], settings: Callable[[], Settings]) -> None:
        self._http = http
        self._settings = settings
        self._limiter: RateLimiter | None = None

    @property
    def limiter(self) -> RateLimiter:
        if self._limiter is None:
            from app.providers.meta.shikimori.client import shikimori_limiter

            self._limiter = shikimori_limiter()
        return self._limiter

    @limiter.setter
    def limiter(self, limiter: RateLimiter) -> None:
        self._limiter = limiter

    def _client(self) -> ShikimoriClient:
        from app.providers.meta.shikimori.client import ShikimoriClient

        return ShikimoriClient(
            self._http(), base_url=self._settings().shikimori_base_url, limiter=self.limiter
        )

    async def search(self, query: MetaQuery) -> list[Candidate]:
        from app.providers.meta.shikimori import parse

        client = self._client()
        return parse.candidates_from_search(await client.search(query.title), client.base_url)

    async def listing(self, name: str, *, language: str = "ru-RU", limit: int = 20) -> list[Candidate]:
        from app.providers.meta.shikimori import lists

        return await lists.listing(self._client(), name, limit)

    async def related(self, title_id: str, *, language: str = "ru-RU", limit: int = 20) -> list[Candidate]:
        from app.providers.meta.shikimori import lists

        return await lists.related(self._client(), title_id, limit)

    async def details(self, title_id: str, language: str = "ru-RU") -> TitleMeta:
        from app.providers.meta.shikimori import parse

        prefix, _, raw = title_id.rpartition(":")
        if not prefix.startswith("shikimori:") or not raw.isdigit():
            raise NotFound(f"not a Shikimori title id: {title_id}")
        client = self._client()
        return parse.meta_from_details(await client.details(int(raw)), client.base_url)

    async def episodes(
        self, title_id: str, language: str = "ru-RU", *, known: TitleMeta | None = None
    ) -> list[Episode]:
        """Episodes 1..aired of season 1, the next one dated when Shikimori says when."""
        from app.providers.meta.shikimori import episodes

        meta = known if known is not None and known.id == title_id else await self.details(title_id, language)
        return episodes.next_dated(meta, episodes.numbered(meta))
