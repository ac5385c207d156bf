"""Guide refresh: each source's feed fetched (conditionally, through the app's one client),
read by the format the registry finds for it, and its guide replaced atomically; progress and
events on the way. Sources are added and listed in ``sources``; formats live in providers."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar

from app.core.tasks import run_blocking
from app.domain.errors import CinemaError, DatabaseBusy, NotFound, ProviderUnavailable
from app.services.context import AppContext
from app.services.guide.download import Fetcher, drop_downloads
from app.services.guide.importing import ended_message, import_source
from app.services.guide.models import (
    GuideDidRefresh,
    GuideRefreshDidFail,
    GuideRefreshDidProgress,
    GuideSourceStatus,
    RefreshProgress,
    RefreshResult,
)
from app.services.guide.sources import (
    KINDS,
    add_source,
    guess_kind,
    is_url,
    label_of,
    list_sources,
    remove_source,
)
from app.storage import guide_repo

log = logging.getLogger(__name__)
T = TypeVar("T")

__all__ = [
    "KINDS",
    "GuideDidRefresh",
    "GuideRefreshDidFail",
    "GuideRefreshDidProgress",
    "GuideSourceStatus",
    "RefreshProgress",
    "RefreshResult",
    "add_source",
    "ended_message",
    "guess_kind",
    "is_url",
    "list_sources",
    "remove_source",
]


ProgressFn = Callable[[RefreshProgress], None]


def _now(services: AppContext) -> int:
    return int(services.clock.now().timestamp())


def refresh_source_blocking(
    services: AppContext,
    source_id: int,
    on_progress: ProgressFn | None = None,
    force: bool = False,
) -> RefreshResult:
    """Download (conditionally), parse and atomically replace one source's guide, here (the CLI
    and tests; a download runs in an event loop of its own).

    Raises our errors (BadFeed, NotFound, ProviderUnavailable ...) after recording them in the
    source's status; the previous guide stays in place. Publishes GuideDidRefresh on success.
    """

    def fetch(download: Callable[[], Coroutine[Any, Any, T]]) -> T:
        async def run() -> T:
            try:
                return await download()
            finally:
                await services.net.aclose()  # this loop's client ends with the loop

        return asyncio.run(run())

    result = _refresh(services, source_id, on_progress, force, fetch)
    services.bus.publish(GuideDidRefresh(source_id, result.status, result.programmes, result.films))
    return result


async def refresh_source(
    services: AppContext,
    source_id: int,
    on_progress: ProgressFn | None = None,
    force: bool = False,
) -> RefreshResult:
    """The same on a worker thread, the download on the loop with the app's client; progress
    and the final event arrive on the loop."""
    loop = asyncio.get_running_loop()

    def relay(p: RefreshProgress) -> None:
        def deliver() -> None:
            services.bus.publish(GuideRefreshDidProgress(p))
            if on_progress is not None:
                on_progress(p)

        loop.call_soon_threadsafe(deliver)

    def fetch(download: Callable[[], Coroutine[Any, Any, T]]) -> T:
        # the worker waits while the loop downloads (the file is written by a thread of its own)
        return asyncio.run_coroutine_threadsafe(download(), loop).result()

    try:
        result = await run_blocking(_refresh, services, source_id, relay, force, fetch)
    except CinemaError as exc:
        services.bus.publish(GuideRefreshDidFail(source_id, str(exc)))
        raise
    services.bus.publish(GuideDidRefresh(source_id, result.status, result.programmes, result.films))
    return result


async def refresh_all(
    services: AppContext, on_progress: ProgressFn | None = None
) -> list[RefreshResult | CinemaError]:
    """Refresh every enabled source one after another; a failure does not stop the others."""
    out: list[RefreshResult | CinemaError] = []
    for src in guide_repo.list_sources(services.db):
        if not src.enabled:
            continue
        try:
            out.append(await refresh_source(services, src.id, on_progress))
        except CinemaError as exc:
            out.append(exc)
    return out


def prune_old(services: AppContext) -> int:
    """Delete programmes older than ``settings.epg_keep_days`` (and titles left orphaned)."""
    keep = services.settings.epg_keep_days * 86400
    return guide_repo.prune_programmes(services.db, _now(services) - keep)


def import_location(
    services: AppContext,
    location: str,
    name: str | None = None,
    kind: str | None = None,
    params: dict[str, Any] | None = None,
    on_progress: ProgressFn | None = None,
) -> RefreshResult:
    """One-shot import: the source is kept when it imports, and removed again when it fails."""
    resolved = location if is_url(location) else str(Path(location).expanduser().resolve())
    existing = next((s for s in guide_repo.list_sources(services.db) if s.location == resolved), None)
    if existing is not None:
        return refresh_source_blocking(services, existing.id, on_progress, force=True)
    source_id = add_source(services, location, name, kind, params)
    try:
        return refresh_source_blocking(services, source_id, on_progress, force=True)
    except BaseException:
        guide_repo.remove_source(services.db, source_id)
        raise


def _refresh(
    services: AppContext,
    source_id: int,
    on_progress: ProgressFn | None,
    force: bool,
    fetch: Fetcher[Any],
) -> RefreshResult:
    source = guide_repo.get_source(services.db, source_id)
    if source is None:
        raise NotFound(f"guide source {source_id} does not exist")
    label = source.name if not is_url(source.location) else label_of(source.location)
    progress = on_progress or (lambda _p: None)
    last = [0.0]

    def on_bytes(n: int, total: int | None = None, phase: str = "download") -> None:
        now_m = time.monotonic()
        if now_m - last[0] >= 0.2:
            last[0] = now_m
            progress(RefreshProgress(source_id, phase, n, total))

    try:
        try:
            result = import_source(services, source, label, progress, on_bytes, force, fetch)
            if result.status != "unchanged":
                _pair_and_map(services, source_id)
            return result
        finally:
            drop_downloads(services, source_id)
    except DatabaseBusy:
        raise  # another process writes: recording the failure would wait for the same lock
    except CinemaError as exc:
        log.warning("guide refresh of %s failed: %s", label, exc)
        guide_repo.record_status(services.db, source_id, status="error", error=str(exc), now=_now(services))
        raise
    except Exception as exc:
        # Not a feed problem (a locked database, a dead parser process): still one clear line.
        log.exception("guide refresh of %s failed", label)
        message = f"{label}: import failed ({type(exc).__name__}: {exc})"
        guide_repo.record_status(services.db, source_id, status="error", error=message, now=_now(services))
        raise ProviderUnavailable(message) from exc


def _pair_and_map(services: AppContext, source_id: int) -> None:
    """Pair a playlist and a guide added apart, and map their channels (TV, issue 13)."""
    from app.services.guide.pairing import after_refresh

    try:
        after_refresh(services, source_id)
    except CinemaError as exc:  # the guide itself is stored: pairing waits for the next refresh
        log.warning("pairing source %s with its playlist or guide failed: %s", source_id, exc)
    except Exception:
        log.exception("pairing source %s with its playlist or guide failed", source_id)
