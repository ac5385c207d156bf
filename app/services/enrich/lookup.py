"""The cached lookup: metadata providers asked through the provider cache (searches a week,
details a month, "not found" a day). Only answers that parsed are kept: a provider that sends a
wrong shape raises, and nothing is cached."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import asdict, fields
from typing import Any, TypeVar

from app.core.tasks import run_blocking
from app.domain.errors import NotFound
from app.providers.base import MetaSearch
from app.providers.meta.models import Candidate, MetaQuery, TitleMeta
from app.services.context import AppContext
from app.services.enrich.breaker import FAILURES, Breakers
from app.services.titles import title_key
from app.storage.cache_repo import (
    DETAILS_TTL,
    NOT_FOUND_TTL,
    SEARCH_TTL,
    cache_get,
    cache_purge_expired,
    cache_put,
)

T = TypeVar("T", Candidate, TitleMeta)


class CachedLookup:
    """Searches and details of every metadata provider, each answer cached under its provider."""

    def __init__(self, services: AppContext, *, fresh: bool = False) -> None:
        self._s = services
        self.cache_hits = 0
        # ``enrich --force`` (issue 19 item 3): ask the providers again and replace what is cached
        self.fresh = fresh
        self.breakers = Breakers()  # issue 19 item 2: a provider that is down is not asked forever

    def _now(self) -> int:
        return int(self._s.clock.now().timestamp())

    async def search(self, provider: MetaSearch, query: MetaQuery) -> list[Candidate]:
        """The provider's candidates for ``query``; [] when it says there is no such title."""
        key = "search:" + "|".join(
            (query.kind, query.language, str(query.year or ""), query.imdb_id or "", title_key(query.title))
        )

        async def fetch() -> list[Candidate]:
            return list(await provider.search(query))

        found = await self._cached(provider.manifest.id, key, SEARCH_TTL, fetch, Candidate)
        return found or []

    async def details(self, title_id: str, language: str) -> TitleMeta | None:
        """Everything about ``title_id`` from the provider whose ids it has; None when that
        provider has no such title. NotFound when no provider knows such ids."""
        providers = self._s.providers.meta_details(title_id)
        if not providers:
            raise NotFound(f"no metadata provider knows {title_id}")
        provider = providers[0]

        async def fetch() -> list[TitleMeta]:
            return [await provider.details(title_id, language)]

        key = f"details:{language}|{title_id}"
        found = await self._cached(provider.manifest.id, key, DETAILS_TTL, fetch, TitleMeta)
        return found[0] if found else None

    async def _cached(
        self,
        provider: str,
        key: str,
        ttl: int,
        fetch: Callable[[], Awaitable[list[T]]],
        cls: type[T],
    ) -> list[T] | None:
        """The cached answer for (provider, key), or ``fetch()`` stored with ``ttl``. A NotFound
        is stored for a day and returned as None; any other error is raised and not stored."""
        db = self._s.db
        entry = None if self.fresh else await run_blocking(cache_get, db, provider, key, self._now())
        if entry is not None:
            if entry.status != "ok":
                self.cache_hits += 1
                return None
            loaded = _load_all(cls, entry.value)
            if loaded is not None:
                self.cache_hits += 1
                return loaded
            # written by another version in another shape: asked again and replaced
        self.breakers.check(provider)
        try:
            answer = await fetch()
        except FAILURES as exc:
            self.breakers.failed(provider, exc)
            raise
        except NotFound:
            self.breakers.succeeded(provider)
            now = self._now()
            await run_blocking(
                cache_put, db, provider, key, None, now=now, ttl=NOT_FOUND_TTL, status="not_found"
            )
            return None
        self.breakers.succeeded(provider)
        value = [asdict(item) for item in answer]
        await run_blocking(cache_put, db, provider, key, value, now=self._now(), ttl=ttl)
        return answer


def _load_all(cls: type[T], value: Any) -> list[T] | None:
    """Dataclasses back from their JSON (lists become the tuples the fields hold); None when
    the JSON is not of that shape."""
    if not isinstance(value, list):
        return None
    names = {f.name for f in fields(cls)}
    out: list[T] = []
    for data in value:
        if not isinstance(data, dict):
            return None
        kwargs: dict[str, Any] = {
            k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k in names
        }
        try:
            out.append(cls(**kwargs))
        except TypeError:
            return None
    return out


def purge_expired(services: AppContext) -> int:
    """Drop the cached answers whose time is up (blocking; the refresh flow calls it)."""
    return cache_purge_expired(services.db, int(services.clock.now().timestamp()))
