"""A matched title's poster and backdrop (or the guide's own picture): downloaded once, and an
image that was refused or missing is not asked for again for a day."""

from __future__ import annotations

from typing import Any

from app.core.tasks import run_blocking
from app.providers.base import Capability
from app.providers.meta.models import TitleMeta
from app.services.context import AppContext
from app.services.enrich.posters import PosterStore, StoredPoster
from app.storage import enrich_repo
from app.storage.cache_repo import NOT_FOUND_TTL, cache_get, cache_put
from app.storage.enrich_repo import FilmWork

IMAGE_CACHE = "image"  # the provider cache's name for image URLs that failed
GENERATED, PREVIEW = "generated", "preview"  # poster origins that are not a provider's


class Artwork:
    """Posters for one enrichment run, through the app's HTTP client."""

    def __init__(self, services: AppContext, *, fetch: bool = True) -> None:
        self._s = services
        self.fetch = fetch
        self.posters = PosterStore(services.http, services.paths.data, services.paths.posters)
        self.cache_hits = 0

    def _now(self) -> int:
        return int(self._s.clock.now().timestamp())

    async def for_title(self, meta: TitleMeta, work: FilmWork) -> dict[str, Any]:
        """The poster columns of a matched title: the provider's poster, else the guide's."""
        existing = await run_blocking(enrich_repo.title_row, self._s.db, meta.id)
        known = {p.manifest.id for p in self._s.providers.providers_for(Capability.META_DETAILS)}
        if (
            existing
            and existing.get("poster_origin") in known
            and existing.get("poster_path")
            and (self._s.paths.data / existing["poster_path"]).exists()
        ):
            # Downloaded once: a title seen again keeps its files.
            return {k: existing[k] for k in ("poster_path", "poster_thumb", "poster_origin", "backdrop_path")}
        out: dict[str, Any] = {
            "poster_path": None,
            "poster_thumb": None,
            "poster_origin": GENERATED,
            "backdrop_path": None,
        }
        if not self.fetch:
            return out
        providers = self._s.providers.meta_details(meta.id)
        origin = providers[0].manifest.id if providers else GENERATED
        for url, org in ((meta.poster_url, origin), (work.icon, PREVIEW)):
            if url:
                stored = await self.image(url)
                if stored is not None:
                    out.update(poster_path=stored.path, poster_thumb=stored.thumb, poster_origin=org)
                    break
        if meta.backdrop_url:
            backdrop = await self.image(meta.backdrop_url)
            if backdrop is not None:
                out["backdrop_path"] = backdrop.path
        return out

    async def for_placeholder(self, work: FilmWork) -> None:
        """An unmatched film's placeholder keeps the guide's own picture when it has one."""
        if not self.fetch or not work.icon:
            return
        db = self._s.db
        path, _origin = await run_blocking(enrich_repo.title_poster, db, work.placeholder_id)
        if path:
            return
        stored = await self.image(work.icon)
        if stored is not None:
            await run_blocking(
                enrich_repo.set_title_poster, db, work.placeholder_id, stored.path, stored.thumb, PREVIEW
            )

    async def image(self, url: str) -> StoredPoster | None:
        """Download an image once; a missing or refused one is not asked for again for a day."""
        db = self._s.db
        entry = await run_blocking(cache_get, db, IMAGE_CACHE, url, self._now())
        if entry is not None:
            self.cache_hits += 1
            return None
        stored = await self.posters.fetch(url)
        if stored is None and url in self.posters.refused:
            await run_blocking(
                cache_put, db, IMAGE_CACHE, url, None, now=self._now(), ttl=NOT_FOUND_TTL, status="not_found"
            )
        return stored
