"""Episode stills, fetched when their rows come on screen: the poster pipeline (one HTTP client,
checked and capped, stored content-addressed with atomic writes) and a URL -> file link kept in
the provider cache, so a still is downloaded once and a refused one is not asked for again."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from pathlib import Path

from app.core.tasks import run_blocking
from app.domain.errors import CinemaError
from app.services.context import AppContext
from app.services.enrich.artwork import Artwork
from app.services.enrich.posters import PosterStore
from app.storage.cache_repo import DAY, cache_get, cache_put

log = logging.getLogger(__name__)

STILL_CACHE = "episode-still"  # the provider cache's name for url -> stored still
STILL_TTL = 365 * DAY  # content-addressed files: an expired link only costs a re-check
STILL_MAX_BYTES = 2 * 1024 * 1024  # a w300 still is ~20 KB; anything near this is not a still
WORKERS = 3  # a screenful is ~12 stills: a few at once, the image host not hammered


class EpisodeStills:
    """Local files for episode still URLs; one per episodes panel (its refusals are remembered)."""

    def __init__(self, context: AppContext) -> None:
        self._s = context
        self._artwork = Artwork(context)
        paths = context.paths
        self._artwork.posters = PosterStore(
            context.http, paths.data, paths.posters, max_bytes=STILL_MAX_BYTES
        )
        self._gate: asyncio.Semaphore | None = None

    def _now(self) -> int:
        return int(self._s.clock.now().timestamp())

    def stored(self, still: str) -> str | None:
        """The file of a still already here (blocking): a local path, or a URL fetched before."""
        if not still.startswith(("http://", "https://")):
            path = Path(still) if Path(still).is_absolute() else self._s.paths.data / still
            return str(path) if path.is_file() else None
        entry = cache_get(self._s.db, STILL_CACHE, still, self._now())
        if entry is None or not isinstance(entry.value, dict):
            return None
        path = self._s.paths.data / str(entry.value.get("thumb", ""))
        return str(path) if path.is_file() else None  # a cleaned cache dir: fetched again

    async def fetch(self, stills: Sequence[str]) -> dict[str, str | None]:
        """Each still's file (absolute path), or None when it is missing or was refused."""
        if self._gate is None:
            self._gate = asyncio.Semaphore(WORKERS)
        gate = self._gate
        out: dict[str, str | None] = {}

        async def one(still: str) -> None:
            async with gate:
                out[still] = await self._one(still)

        await asyncio.gather(*(one(s) for s in dict.fromkeys(stills)))
        return out

    async def _one(self, still: str) -> str | None:
        here = await run_blocking(self.stored, still)
        if here is not None or not still.startswith(("http://", "https://")):
            return here
        try:
            # logs a refusal once and remembers it for a day (the image cache)
            stored = await self._artwork.image(still)
        except CinemaError as exc:  # rate limited and the like: shown as missing, asked next time
            log.info("episode still not fetched (%s): %s", exc, still.split("?", 1)[0])
            return None
        if stored is None:
            return None
        value = {"thumb": stored.thumb, "path": stored.path}
        await run_blocking(cache_put, self._s.db, STILL_CACHE, still, value, now=self._now(), ttl=STILL_TTL)
        return str(self._s.paths.data / stored.thumb)
