"""Background refresh while the app runs: every ``settings.guide_refresh_hours`` the guides are
refreshed (conditional GET: an unchanged feed costs one request), old programmes pruned, the demo
guide kept on the current week, and new films enriched when a TMDB token is set."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from app.core.events import LibraryDidChange
from app.core.tasks import run_blocking
from app.domain.errors import AuthError, CinemaError
from app.services.context import AppContext

log = logging.getLogger(__name__)

RETRY_AFTER_FAILURE_S = 15 * 60.0


@dataclass(frozen=True)
class RefreshDidFinish:
    """Published after each background refresh."""

    guides_ok: int
    guides_failed: int
    programmes: int
    films: int
    matched: int
    pruned: int
    enrichment_note: str | None = None


class RefreshScheduler:
    """Runs ``run_once`` when the guides are due, then sleeps until they are due again."""

    def __init__(self, services: AppContext, every_s: float | None = None) -> None:
        self._s = services
        self._every = every_s if every_s is not None else services.settings.guide_refresh_hours * 3600
        self._task: asyncio.Task[None] | None = None
        self._running: asyncio.Lock = asyncio.Lock()
        self.last: RefreshDidFinish | None = None

    def due_in(self) -> float:
        """Seconds until the stalest enabled guide source is due (0 when one never refreshed)."""
        from app.services.guide import refresh as epg_refresh

        sources = epg_refresh.list_sources(self._s)
        if not sources:
            return self._every
        now = self._s.clock.now().timestamp()
        stalest = min((s.last_refresh_at or 0) for s in sources)
        return max(0.0, stalest + self._every - now)

    def start(self, first_delay_s: float = 30.0) -> None:
        """Begin the schedule; the first check waits ``first_delay_s`` so start-up stays quick."""
        if self._task is None or self._task.done():
            self._task = asyncio.ensure_future(self._loop(first_delay_s))

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None

    async def _loop(self, first_delay_s: float) -> None:
        await asyncio.sleep(first_delay_s)
        while True:
            delay = self.due_in()
            if delay > 0:
                await asyncio.sleep(delay)
                continue
            try:
                await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("background refresh failed")
                await asyncio.sleep(RETRY_AFTER_FAILURE_S)

    async def run_once(self) -> RefreshDidFinish:
        """Refresh every guide, prune, keep the demo week current, enrich; one at a time."""
        from app.services import demo
        from app.services.enrich import enricher as enrichment
        from app.services.guide import refresh as epg_refresh

        async with self._running:
            results = await epg_refresh.refresh_all(self._s)
            ok = [r for r in results if not isinstance(r, CinemaError)]
            failed = [r for r in results if isinstance(r, CinemaError)]
            for err in failed:
                log.warning("guide refresh failed: %s", err)
            pruned = await run_blocking(epg_refresh.prune_old, self._s)
            if self._s.settings.demo_enabled:
                await run_blocking(demo.ensure_demo_library, self._s)
            matched, note = 0, None
            try:
                summary = await enrichment.enrich(self._s)
                matched, note = summary.matched, summary.error
            except AuthError as exc:  # no or a refused TMDB token: the guide still works
                note = str(exc)
            except CinemaError as exc:
                note = str(exc)
                log.warning("enrichment stopped: %s", exc)
            result = RefreshDidFinish(
                guides_ok=len(ok),
                guides_failed=len(failed),
                programmes=sum(r.programmes for r in ok),
                films=sum(r.films for r in ok),
                matched=matched,
                pruned=pruned,
                enrichment_note=note,
            )
            self.last = result
            self._s.bus.publish(result)
            if any(r.status != "unchanged" for r in ok) or matched or pruned:
                self._s.bus.publish(LibraryDidChange("refresh"))
            return result
