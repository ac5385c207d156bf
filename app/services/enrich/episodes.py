"""A matched series' episodes from the provider of its id (the registry's EPISODES capability)."""

from __future__ import annotations

import logging

from app.core.tasks import run_blocking
from app.domain.errors import CinemaError
from app.domain.series import Episode
from app.providers.meta.models import TitleMeta
from app.services.context import AppContext
from app.storage import episodes_repo

log = logging.getLogger(__name__)

SERIES_KINDS = ("series", "anime")


async def store_episodes(services: AppContext, meta: TitleMeta, language: str) -> int:
    """Fetch and write the episodes of a matched series or anime; the number written. A
    provider's failure is logged and loses nothing (the title stays matched, episodes later)."""
    if meta.kind not in SERIES_KINDS:
        return 0
    providers = services.providers.episodes(meta.id)
    if not providers:
        return 0
    own = providers[0]
    try:
        episodes = await own.episodes(meta.id, language, known=meta)
    except CinemaError as exc:
        log.warning("episodes of %s not fetched: %s", meta.id, exc)
        return 0
    if not own.episode_names and meta.kind == "anime":
        return await _anime_episodes(services, meta, own.manifest.id, episodes, language)
    if not episodes:
        return 0
    now = int(services.clock.now().timestamp())
    return await run_blocking(episodes_repo.upsert_episodes, services.db, episodes, now)


async def _anime_episodes(
    services: AppContext, meta: TitleMeta, own: str, numbers: list[Episode], language: str
) -> int:
    """An anime whose provider (``own``) numbers its episodes only: names, dates and stills from
    the same show at a provider that names them, when found beyond doubt (the source is noted
    for the page: no invented names)."""
    from app.services.enrich import anime_episodes

    found = await anime_episodes.from_named(services, meta, language)
    if isinstance(found, tuple):
        episodes, show = found
        source: dict[str, object] = show.as_source()
    else:  # why none named them: not asked (none, no key, no answer) or no show surely the same
        episodes = numbers
        source = {"provider": own, "names": found}
    now = int(services.clock.now().timestamp())
    written = await run_blocking(episodes_repo.upsert_episodes, services.db, episodes, now)
    await run_blocking(episodes_repo.set_episodes_source, services.db, meta.id, source)
    return written
