"""Enrichment runs: guide films (one per film_key) matched to titles by the metadata providers,
stored with their posters, by a pool of workers; a summary and ``EnrichmentDidFinish`` at the end.

The parts live beside it: ``matcher`` (one film), ``lookup`` (the cached provider answers),
``artwork`` (posters), ``results`` (what is stored)."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from app.core.tasks import run_blocking
from app.domain.errors import AuthError, BadFeed, ProviderUnavailable, RateLimited
from app.net.retry import RequestStats, counting
from app.services.context import AppContext
from app.services.enrich import episodes, results
from app.services.enrich.artwork import Artwork
from app.services.enrich.breaker import FAILURES_TO_OPEN, Breakers
from app.services.enrich.lookup import CachedLookup
from app.services.enrich.matcher import FilmMatcher
from app.storage import enrich_repo
from app.storage.enrich_repo import FilmWork

log = logging.getLogger(__name__)

# A whole run ends by then (issue 19 item 2): a provider answering 429 with long Retry-After or a
# byte a second cannot hold it for hours. Films not reached stay pending for the next run.
DEADLINE_S = 1800.0


@dataclass(frozen=True)
class EnrichmentDidFinish:
    """Published when a run ends (also when it stopped early: then ``error`` says why)."""

    matched: int
    unmatched: int
    failed: int
    requests: int
    cache_hits: int
    seconds: float
    error: str | None = None


@dataclass
class EnrichSummary:
    total: int = 0
    matched: int = 0
    unmatched: int = 0
    failed: int = 0
    requests: int = 0
    cache_hits: int = 0
    rate_limited: int = 0
    waiting_for_key: int = 0  # left for later: a provider that could match them refused its key
    poster_downloads: int = 0
    posters_rejected: int = 0
    seconds: float = 0.0
    error: str | None = None
    matched_ids: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("matched_ids")
        data["seconds"] = round(self.seconds, 3)
        return data


class Enricher:
    """One enrichment run: which films, the worker pool, the summary."""

    def __init__(
        self,
        services: AppContext,
        *,
        concurrency: int | None = None,
        threshold: float | None = None,
        fetch_posters: bool = True,
        breaker_failures: int = FAILURES_TO_OPEN,
        deadline_s: float = DEADLINE_S,
    ) -> None:
        self._services = services
        self._deadline_s = deadline_s
        self._last_failure = ""
        settings = services.settings
        self._concurrency = concurrency or settings.enrich_concurrency
        self.threshold = threshold if threshold is not None else settings.match_threshold
        self._stats = RequestStats()
        self.lookup = CachedLookup(services)
        self.lookup.breakers = Breakers(breaker_failures)
        self.matcher = FilmMatcher(services, self.lookup, self.threshold)
        self.artwork = Artwork(services, fetch=fetch_posters)

    def _now(self) -> int:
        return int(self._services.clock.now().timestamp())

    async def process(self, work: FilmWork, summary: EnrichSummary) -> None:
        """Match one film and store the outcome."""
        winner, meta, ranked = await self.matcher.match(work)
        if (winner is None or meta is None) and self.matcher.waits_for_key(work.kind):
            await results.save_failed(self._services, work)  # asked again once the key works
            summary.waiting_for_key += 1
            return
        if winner is None or meta is None:
            await results.save_unmatched(self._services, work, ranked)
            await self.artwork.for_placeholder(work)
            summary.unmatched += 1
            return
        row = results.title_row_from_meta(meta)
        row.update(await self.artwork.for_title(meta, work))
        candidates = [s.as_json() for s in ranked[: results.KEPT_CANDIDATES]]
        await results.save_matched(self._services, work.film_key, work.kind, row, winner.score, candidates)
        if meta.kind in episodes.SERIES_KINDS:  # issue 16: the series' seasons and episodes
            await episodes.store_episodes(self._services, meta, self.matcher.language)
        summary.matched += 1
        summary.matched_ids[work.film_key] = meta.id

    async def run(
        self,
        *,
        limit: int | None = None,
        force: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> EnrichSummary:
        started = time.monotonic()
        summary = EnrichSummary()
        db = self._services.db
        self.lookup.fresh = force  # the films matched again are not matched from the cache
        run_id = await run_blocking(enrich_repo.start_run, db, self._now())
        try:
            works = await run_blocking(enrich_repo.pending_films, db, self._now(), force=force, limit=limit)
            summary.total = len(works)
            if works:
                with counting(self._stats):  # every request the providers send for this run
                    async with asyncio.timeout(self._deadline_s):
                        await self._run_all(works, summary, progress)
        except AuthError as exc:
            summary.error = str(exc)
        except TimeoutError:
            done = summary.matched + summary.unmatched + summary.failed + summary.waiting_for_key
            summary.error = (
                f"the run's deadline of {self._deadline_s:g} s passed with {done} of {summary.total} "
                "film(s) done; the others wait for the next run"
            )
            log.warning("enrichment %s", summary.error)
        opened = self.lookup.breakers.opened
        if opened and summary.error is None:
            summary.error = (
                "; ".join(opened[p] for p in sorted(opened))
                + f"; {summary.failed} film(s) left for the next run"
            )
        if summary.failed and summary.error is None:
            # fewer failures than the breaker needs still mean work left undone: said, exit 2
            summary.error = (
                f"{summary.failed} film(s) failed (last: {self._last_failure}); "
                "they are tried again on the next run"
            )
        if self.matcher.refused and summary.error is None:
            refused = "; ".join(sorted(set(self.matcher.refused.values())))
            summary.error = (
                f"{refused} ({summary.waiting_for_key} film(s) wait for it; the others were matched)"
            )
        summary.requests = self._stats.requests
        summary.rate_limited = self._stats.rate_limited
        summary.cache_hits = self.lookup.cache_hits + self.artwork.cache_hits
        summary.poster_downloads = self.artwork.posters.downloads
        summary.posters_rejected = self.artwork.posters.rejected
        summary.seconds = time.monotonic() - started
        await run_blocking(enrich_repo.finish_run, db, run_id, self._now(), summary.as_json(), summary.error)
        self._services.bus.publish(
            EnrichmentDidFinish(
                matched=summary.matched,
                unmatched=summary.unmatched,
                failed=summary.failed,
                requests=summary.requests,
                cache_hits=summary.cache_hits,
                seconds=summary.seconds,
                error=summary.error,
            )
        )
        return summary

    async def _run_all(
        self,
        works: list[FilmWork],
        summary: EnrichSummary,
        progress: Callable[[int, int], None] | None,
    ) -> None:
        queue: asyncio.Queue[FilmWork] = asyncio.Queue()
        for work in works:
            queue.put_nowait(work)
        done = 0

        async def worker() -> None:
            nonlocal done
            while not queue.empty():
                work = queue.get_nowait()
                try:
                    await self.process(work, summary)
                except AuthError:
                    raise
                except Exception as exc:
                    # Left for the next refresh: recorded as failed, retried next run. Anything
                    # unexpected is logged with its traceback but must not stop the other films.
                    if isinstance(exc, (ProviderUnavailable, RateLimited, BadFeed)):
                        log.warning("enrichment of %r failed: %s", work.film_key, exc)
                    else:
                        log.exception("enrichment of %r failed unexpectedly", work.film_key)
                    summary.failed += 1
                    self._last_failure = str(exc) or type(exc).__name__
                    await results.save_failed(self._services, work)
                done += 1
                if progress is not None:
                    progress(done, len(works))

        tasks = [asyncio.create_task(worker()) for _ in range(min(self._concurrency, len(works)))]
        try:
            await asyncio.gather(*tasks)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)


async def enrich(
    services: AppContext,
    *,
    limit: int | None = None,
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> EnrichSummary:
    """One enrichment run with the app's settings, providers and HTTP client."""
    return await Enricher(services).run(limit=limit, force=force, progress=progress)
