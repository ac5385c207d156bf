"""Background work on sources: "Scan now" (every provider asked once, its health recorded) and
watchlisted titles searched again on a schedule (a title that gains its first source is announced).
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import cast

from app.core.tasks import run_blocking
from app.domain.errors import CinemaError
from app.domain.streams import StreamQuery
from app.providers.base import Capability, StreamSearch
from app.services.context import AppContext
from app.services.sources.events import ProviderDidChange, SourcesDidAppear
from app.services.sources.search import SourceSearch, query_for
from app.storage import sources_repo

log = logging.getLogger(__name__)

# What "Scan now" asks every provider for: a film every indexer and addon knows.
PROBE = StreamQuery(
    title_id="tmdb:movie:603", kind="film", title="Матрица", original_title="The Matrix", year=1999,
    runtime_min=136, imdb_id="tt0133093", tmdb_id=603,
)  # fmt: skip
LOCAL = ("user", "iptv")  # asked from the database: nothing to scan


@dataclass(frozen=True)
class ScanResult:
    provider_id: str
    ok: bool
    latency_ms: int | None
    found: int
    error: str | None


async def scan(context: AppContext, timeout_s: float | None = None) -> list[ScanResult]:
    """Ask every enabled remote provider once, in parallel; record each one's health."""
    timeout = context.settings.sources_timeout_s if timeout_s is None else timeout_s
    rows = {r.id: r for r in await run_blocking(sources_repo.providers, context.db)}
    chosen = [
        cast(StreamSearch, p)
        for p in context.providers.providers_for(Capability.STREAM_SEARCH)
        if p.manifest.id not in LOCAL and (p.manifest.id not in rows or rows[p.manifest.id].enabled)
    ]

    async def one(provider: StreamSearch) -> ScanResult:
        started = time.perf_counter()
        query = PROBE if provider.manifest.supports(Capability.STREAM_SEARCH, "film") else StreamQuery(
            title_id="shikimori:anime:5114", kind="anime", title="Стальной алхимик: Братство",
            original_title="Hagane no Renkinjutsushi: Fullmetal Alchemist",
        )  # fmt: skip
        try:
            found = await asyncio.wait_for(provider.streams(query), timeout)
        except TimeoutError:
            return ScanResult(
                provider.manifest.id,
                False,
                None,
                0,
                f"{provider.manifest.name}: no answer within {timeout:g} s",
            )
        except CinemaError as exc:
            return ScanResult(provider.manifest.id, False, None, 0, str(exc))
        except Exception as exc:  # a provider's bug is its failure, not the scan's
            log.warning("scanning %s failed", provider.manifest.id, exc_info=True)
            return ScanResult(
                provider.manifest.id, False, None, 0, f"{provider.manifest.name}: {type(exc).__name__}"
            )
        return ScanResult(
            provider.manifest.id, True, int((time.perf_counter() - started) * 1000), len(found), None
        )

    results = list(await asyncio.gather(*(one(p) for p in chosen)))
    now = int(context.clock.now().timestamp())
    for r in results:
        change = await run_blocking(
            sources_repo.record_search, context.db, r.provider_id, r.ok, r.latency_ms, r.error, now
        )
        if change:
            context.bus.publish(ProviderDidChange(r.provider_id, change, r.error))
    return results


async def recheck_watchlist(context: AppContext, limit: int = 20) -> list[str]:
    """Search the watchlisted titles not searched for ``sources_recheck_hours`` again; the ids of
    those that had no source and have one now (each announced with ``SourcesDidAppear``)."""
    now = int(context.clock.now().timestamp())
    older = now - int(context.settings.sources_recheck_hours * 3600)
    due = await run_blocking(sources_repo.watchlisted_due, context.db, context.profile_id, older, limit)
    gained: list[str] = []
    search = SourceSearch(context)
    for title_id in due:
        query = await run_blocking(query_for, context, title_id)
        if query is None:
            continue
        had = await run_blocking(sources_repo.title_sources, context.db, title_id)
        result = await search.search(query, refresh=True)
        playable = [r for r in result.ranked if r.candidate.playable_now]
        if not had and playable:
            gained.append(title_id)
            context.bus.publish(SourcesDidAppear(title_id, query.title, len(playable)))
            log.info("%s: %d sources found in the background", query.title, len(playable))
    return gained


class WatchlistRecheck:
    """Runs ``recheck_watchlist`` every hour on the loop (``start``/``stop``; bootstrap owns it)."""

    def __init__(self, context: AppContext, interval_s: float = 3600.0, first_delay_s: float = 120.0) -> None:
        self._c = context
        self.interval_s = interval_s
        self.first_delay_s = first_delay_s
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.ensure_future(self._run())

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    async def _run(self) -> None:
        await asyncio.sleep(self.first_delay_s)
        while True:
            try:
                await recheck_watchlist(self._c)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.warning("re-searching the watchlist failed", exc_info=True)
            await asyncio.sleep(self.interval_s)
