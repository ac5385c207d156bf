"""THE refresh flow: guides fetched and imported, old programmes pruned, the demo week kept
current, new films enriched; run on a schedule and on demand (Settings, tray, CLI).

Every ``settings.guide_refresh_hours`` the guides are refreshed (conditional GET: an unchanged
feed costs one request). One run at a time. Each run publishes ``RefreshDidStart``,
``RefreshDidProgress`` while feeds download and import, and ``RefreshDidFinish`` with what it
found, any failure and when the next run is due; ``RefreshScheduleDidChange`` says when the
next run moved without one (a guide added or removed). ``state`` is the latest of all that, for
a view that starts listening late.

asyncio is imported when the schedule starts, not with this module: the GUI builds the
scheduler before its first paint, which happens before the loop exists.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from app.core.events import LibraryDidChange
from app.core.tasks import run_blocking
from app.domain.errors import AuthError, CinemaError, DatabaseBusy
from app.services.context import AppContext

if TYPE_CHECKING:
    import asyncio

    from app.services.guide.models import RefreshProgress

log = logging.getLogger(__name__)

RETRY_AFTER_FAILURE_S = 15 * 60.0


# -- what it says ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class GuideOutcome:
    """One guide source in a run: refreshed (``ok``/``unchanged``) or ``error`` with why."""

    source_id: int
    status: str  # ok, unchanged, error
    channels: int = 0
    programmes: int = 0
    films: int = 0
    seconds: float = 0.0
    error: str | None = None
    busy: bool = False  # the failure was another process holding the database
    message: str | None = None  # a note on a refreshed guide ("this guide ended on 29 Sep 2025")
    kind: str = ""  # the feed's kind (xmltv, m3u, ...), when it was read
    unmatched_count: int = 0  # playlist channels no guide channel mapped to


@dataclass(frozen=True)
class RefreshDidStart:
    """A run began: ``source_ids`` (empty: every enabled guide); ``origin`` asked for it
    (schedule, tray, settings, cli)."""

    source_ids: tuple[int, ...]
    origin: str


@dataclass(frozen=True)
class RefreshDidProgress:
    """A feed downloads (``bytes_read`` of ``bytes_total``) or imports (``programmes`` so far)."""

    source_id: int
    phase: str  # download, import, done
    bytes_read: int = 0
    bytes_total: int | None = None
    programmes: int = 0


@dataclass(frozen=True)
class RefreshDidFinish:
    """A run ended. ``error`` is set when the run itself failed (then the counts are zero);
    a broken feed is one of ``guides`` with status ``error`` and does not stop the others."""

    guides_ok: int
    guides_failed: int
    programmes: int
    films: int
    matched: int
    pruned: int
    enrichment_note: str | None = None
    guides: tuple[GuideOutcome, ...] = ()
    new_titles: int = 0
    next_due_at: datetime | None = None
    error: str | None = None
    busy: bool = False  # ``error`` was another process holding the database
    origin: str = "schedule"

    @property
    def failed(self) -> bool:
        """Nothing was refreshed: the run failed, or every guide it tried did."""
        return self.error is not None or (self.guides_failed > 0 and self.guides_ok == 0)


@dataclass(frozen=True)
class RefreshScheduleDidChange:
    """The next run moved without a run (start-up, a guide added or removed)."""

    next_due_at: datetime | None
    has_sources: bool


@dataclass(frozen=True)
class RefreshState:
    """The refresh as a view draws it: running now, when next, and how the last run ended."""

    running: bool = False
    next_due_at: datetime | None = None
    has_sources: bool = True
    last: RefreshDidFinish | None = None
    known: bool = False  # the schedule has been read at least once


# -- the flow ------------------------------------------------------------------------------------
@dataclass
class _Run:
    source_ids: tuple[int, ...]
    force: bool
    origin: str
    begun: bool = False
    outcomes: list[GuideOutcome] = field(default_factory=list)


class RefreshScheduler:
    """Runs the refresh when the guides are due, and whenever asked; one run at a time."""

    def __init__(self, services: AppContext, every_s: float | None = None) -> None:
        self._s = services
        self._every = every_s if every_s is not None else services.settings.guide_refresh_hours * 3600
        self._task: asyncio.Task[None] | None = None
        self._lock: asyncio.Lock | None = None
        self._wake: asyncio.Event | None = None
        self._retry_at: datetime | None = None
        self.state = RefreshState()
        self.last: RefreshDidFinish | None = None

    # -- when -------------------------------------------------------------------------------------
    def due_in(self) -> float:
        """Seconds until the stalest enabled guide source is due (0 when one never refreshed).
        Reads the database: call it from a worker on the loop's side."""
        return self._schedule()[0]

    def _schedule(self) -> tuple[float, bool]:
        from app.services.guide import refresh as epg_refresh

        sources = epg_refresh.list_sources(self._s)
        if not sources:
            return self._every, False
        now = self._s.clock.now().timestamp()
        stalest = min((s.last_refresh_at or 0) for s in sources)
        return max(0.0, stalest + self._every - now), True

    async def _next_due(self) -> tuple[datetime, bool]:
        due_s, has_sources = await run_blocking(self._schedule)
        due = self._s.clock.now() + timedelta(seconds=due_s)
        if self._retry_at is not None and self._retry_at > due:
            due = self._retry_at  # a failed run waits before it tries again
        return due, has_sources

    async def reschedule(self) -> RefreshState:
        """Read the schedule again (a guide was added or removed) and say when the next run is."""
        due, has_sources = await self._next_due()
        self._set(next_due_at=due, has_sources=has_sources, known=True)
        self._s.bus.publish(RefreshScheduleDidChange(due, has_sources))
        if self._wake is not None:
            self._wake.set()
        return self.state

    def _set(self, **changes: Any) -> None:
        self.state = replace(self.state, **changes)

    # -- the schedule -----------------------------------------------------------------------------
    def start(self, first_delay_s: float = 30.0) -> None:
        """Begin the schedule; the first check waits ``first_delay_s`` so start-up stays quick."""
        import asyncio

        if self._task is None or self._task.done():
            self._task = asyncio.ensure_future(self._loop(first_delay_s))

    async def stop(self) -> None:
        import asyncio

        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None

    async def _loop(self, first_delay_s: float) -> None:
        import asyncio

        self._wake = asyncio.Event()
        await asyncio.sleep(first_delay_s)
        while True:
            try:
                await self.reschedule()
            except CinemaError as exc:  # a busy or damaged database: try again later
                log.warning("reading the refresh schedule failed: %s", exc)
                await asyncio.sleep(RETRY_AFTER_FAILURE_S)
                continue
            delay = 0.0
            if self.state.next_due_at is not None:
                delay = (self.state.next_due_at - self._s.clock.now()).total_seconds()
            if delay > 0:
                self._wake.clear()
                try:
                    await asyncio.wait_for(self._wake.wait(), delay)
                except TimeoutError:
                    pass
                continue
            result = await self.run_once()
            if result.error is not None:
                log.warning("background refresh failed: %s", result.error)

    # -- one run ----------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.state.running

    def run_once(
        self, source_ids: Sequence[int] | None = None, *, force: bool = False, origin: str = "schedule"
    ) -> asyncio.Task[RefreshDidFinish]:
        """Refresh the guides (``source_ids``, or every enabled one), prune, keep the demo week
        current, enrich: after the run under way, if any. ``origin`` says who asked (schedule,
        tray, settings, cli). When nothing runs, ``RefreshDidStart`` is published before this
        returns, so a view says "refreshing" at once. The task never fails for a failure of the
        run: its result (also published) carries it."""
        import asyncio

        if self._lock is None:
            self._lock = asyncio.Lock()
        run = _Run(tuple(source_ids or ()), force, origin)
        if not self.state.running:
            self._begin(run)
        return asyncio.ensure_future(self._locked(run))

    def _begin(self, run: _Run) -> None:
        run.begun = True
        self._set(running=True)
        self._s.bus.publish(RefreshDidStart(run.source_ids, run.origin))

    async def _locked(self, run: _Run) -> RefreshDidFinish:
        import asyncio

        assert self._lock is not None
        try:
            async with self._lock:
                if not run.begun:
                    self._begin(run)
                try:
                    result = await self._run(run)
                except asyncio.CancelledError:
                    raise
                except Exception as exc:
                    result = self._failed(run, exc)
                return await self._finish(result)
        except asyncio.CancelledError:
            if run.begun:
                self._set(running=False)
            raise

    async def _finish(self, result: RefreshDidFinish) -> RefreshDidFinish:
        self._retry_at = None
        if result.failed:
            self._retry_at = self._s.clock.now() + timedelta(seconds=RETRY_AFTER_FAILURE_S)
        due: datetime | None
        try:
            due, has_sources = await self._next_due()
        except Exception as exc:
            log.warning("reading the refresh schedule failed: %s", exc)
            due, has_sources = self._retry_at, self.state.has_sources
        result = replace(result, next_due_at=due)
        self.last = result
        self._set(running=False, last=result, next_due_at=due, has_sources=has_sources, known=True)
        self._s.bus.publish(result)
        if result.error is None and (
            any(o.status == "ok" for o in result.guides) or result.matched or result.pruned
        ):
            self._s.bus.publish(LibraryDidChange("refresh"))
        return result

    def _failed(self, run: _Run, exc: Exception) -> RefreshDidFinish:
        if isinstance(exc, CinemaError):
            log.warning("refresh failed: %s", exc)
        else:
            log.error("refresh failed", exc_info=exc)
        return RefreshDidFinish(
            guides_ok=0,
            guides_failed=0,
            programmes=0,
            films=0,
            matched=0,
            pruned=0,
            guides=tuple(run.outcomes),
            error=str(exc) or type(exc).__name__,
            busy=isinstance(exc, DatabaseBusy),
            origin=run.origin,
        )

    async def _run(self, run: _Run) -> RefreshDidFinish:
        from app.services import demo
        from app.services.enrich import enricher as enrichment
        from app.services.enrich.lookup import purge_expired
        from app.services.guide import refresh as epg_refresh
        from app.services.library.catalog import CatalogService

        catalog = CatalogService(self._s)
        before = set(await run_blocking(catalog.ids))
        ids = list(run.source_ids) or await run_blocking(self._enabled_sources)
        for sid in ids:
            started = time.monotonic()
            try:
                res = await epg_refresh.refresh_source(self._s, sid, self._progress, force=run.force)
            except CinemaError as exc:
                log.warning("guide refresh failed: %s", exc)
                run.outcomes.append(
                    GuideOutcome(
                        sid, "error", seconds=time.monotonic() - started, error=str(exc),
                        busy=isinstance(exc, DatabaseBusy),
                    )
                )  # fmt: skip
                continue
            run.outcomes.append(
                GuideOutcome(
                    sid,
                    res.status,
                    res.channels,
                    res.programmes,
                    res.films,
                    res.seconds,
                    message=res.message,
                    kind=res.kind,
                    unmatched_count=res.unmatched_count,
                )
            )
        pruned = await run_blocking(epg_refresh.prune_old, self._s)
        await run_blocking(purge_expired, self._s)  # provider answers past their time
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
        after = set(await run_blocking(catalog.ids))
        ok = [o for o in run.outcomes if o.status != "error"]
        return RefreshDidFinish(
            guides_ok=len(ok),
            guides_failed=len(run.outcomes) - len(ok),
            programmes=sum(o.programmes for o in ok),
            films=sum(o.films for o in ok),
            matched=matched,
            pruned=pruned,
            enrichment_note=note,
            guides=tuple(run.outcomes),
            new_titles=len(after - before),
            origin=run.origin,
        )

    def _enabled_sources(self) -> list[int]:
        from app.storage import guide_repo

        return [s.id for s in guide_repo.list_sources(self._s.db) if s.enabled]

    def _progress(self, p: RefreshProgress) -> None:
        self._s.bus.publish(
            RefreshDidProgress(p.source_id, p.phase, p.bytes_read, p.bytes_total, p.programmes)
        )

    # -- guides added and removed -----------------------------------------------------------------
    async def add_guide(
        self, location: str, name: str | None = None, kind: str | None = None
    ) -> tuple[int, RefreshDidFinish]:
        """Add a guide source and run the flow for it at once: fetched, imported, pruned and
        enriched. Raises CinemaError/ValueError when the location cannot be a guide."""
        from app.services.guide import refresh as epg_refresh

        sid = await run_blocking(epg_refresh.add_source, self._s, location, name, kind)
        result = await self.run_once([sid], origin="settings")
        return sid, result

    async def import_guide(
        self, location: str, name: str | None = None, kind: str | None = None, *, origin: str = "cli"
    ) -> tuple[int, RefreshDidFinish]:
        """Import a guide once through the flow (fetched whatever its ETag, imported, pruned,
        enriched): the source already at ``location`` is reused, a new one is kept only when it
        imports. Raises CinemaError/ValueError when the location cannot be a guide."""
        sid, new = await run_blocking(self._source_at, location, name, kind)
        result = await self.run_once([sid], force=True, origin=origin)
        if new and not any(o.source_id == sid and o.status != "error" for o in result.guides):
            await self.remove_guide(sid)  # a failed one-shot import leaves nothing behind
        return sid, result

    def _source_at(self, location: str, name: str | None, kind: str | None) -> tuple[int, bool]:
        from pathlib import Path

        from app.services.guide import refresh as epg_refresh
        from app.services.guide.sources import is_url
        from app.storage import guide_repo

        resolved = location if is_url(location) else str(Path(location).expanduser().resolve())
        existing = next((s for s in guide_repo.list_sources(self._s.db) if s.location == resolved), None)
        if existing is not None:
            return existing.id, False
        return epg_refresh.add_source(self._s, location, name, kind), True

    async def remove_guide(self, source_id: int) -> None:
        """Remove a guide source with its channels and programmes; the schedule follows."""
        from app.services.guide import refresh as epg_refresh

        await run_blocking(epg_refresh.remove_source, self._s, source_id)
        self._s.bus.publish(LibraryDidChange("guide"))
        await self.reschedule()
