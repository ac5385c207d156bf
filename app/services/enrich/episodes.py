"""A matched series' episodes from its provider: TMDB's seasons, Shikimori's episode count."""

from __future__ import annotations

import logging
from typing import Any

from app.core.tasks import run_blocking
from app.domain.errors import CinemaError
from app.domain.series import Episode
from app.providers.meta.models import TitleMeta
from app.services.context import AppContext
from app.storage import episodes_repo

log = logging.getLogger(__name__)

SERIES_KINDS = ("series", "anime")


def shikimori_episodes(meta: TitleMeta) -> list[Episode]:
    """Shikimori lists no episode names: episodes 1..aired (all, once released) of season 1."""
    extra: dict[str, Any] = meta.extra or {}
    aired = extra.get("episodes_aired") or 0
    total = extra.get("episodes") or 0
    count = total if extra.get("status") == "released" and total else max(aired, 0)
    if not isinstance(count, int) or count < 1:
        return []
    return [Episode(meta.id, 1, n) for n in range(1, min(count, 5000) + 1)]


async def store_episodes(services: AppContext, meta: TitleMeta, language: str) -> int:
    """Fetch and write the episodes of a matched series or anime; the number written. A
    provider's failure is logged and loses nothing (the title stays matched, episodes later)."""
    if meta.kind not in SERIES_KINDS:
        return 0
    episodes: list[Episode] = []
    try:
        if meta.id.startswith("tmdb:tv:"):
            for provider in services.providers.meta_details(meta.id):
                fetch = getattr(provider, "episodes", None)  # TMDB's (issue 16), not in the Protocol
                if fetch is not None:
                    episodes = await fetch(meta.id, language)
                    break
        elif meta.id.startswith("shikimori:"):
            return await _anime_episodes(services, meta, language)
    except CinemaError as exc:
        log.warning("episodes of %s not fetched: %s", meta.id, exc)
        return 0
    if not episodes:
        return 0
    now = int(services.clock.now().timestamp())
    return await run_blocking(episodes_repo.upsert_episodes, services.db, episodes, now)


async def _anime_episodes(services: AppContext, meta: TitleMeta, language: str) -> int:
    """Shikimori's numbers; names, dates and stills from the same show on TMDB when found beyond
    doubt (the source is noted for the page: no invented names)."""
    from app.services.enrich import anime_episodes

    found = await anime_episodes.from_tmdb(services, meta, language)
    if isinstance(found, tuple):
        episodes, show = found
        source: dict[str, object] = show.as_source()
    else:  # why TMDB gave none: not asked (no key, no answer) or no show surely the same
        episodes = anime_episodes.next_dated(meta, shikimori_episodes(meta))
        source = {"provider": "shikimori", "tmdb": found}
    now = int(services.clock.now().timestamp())
    written = await run_blocking(episodes_repo.upsert_episodes, services.db, episodes, now)
    await run_blocking(episodes_repo.set_episodes_source, services.db, meta.id, source)
    return written
