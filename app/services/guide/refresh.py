"""Guide sources: add, list, remove, refresh (download, parse, replace atomically), progress."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from app.core.tasks import run_blocking
from app.domain.errors import BadFeed, CinemaError, DatabaseBusy, NotFound, ProviderUnavailable
from app.net.http_fetch import FetchResult, fetch_to_file, safe_label
from app.providers.guide.feed import open_feed, read_head, sniff_kind
from app.providers.guide.m3u.parser import parse_m3u
from app.providers.guide.programme_json.parser import parse_provider_json
from app.providers.guide.xmltv.parser import iter_xmltv
from app.services.context import AppContext
from app.services.guide.models import (
    GuideDidRefresh,
    GuideRefreshDidFail,
    GuideRefreshDidProgress,
    GuideSourceStatus,
    RefreshProgress,
    RefreshResult,
)
from app.services.guide.pipeline import (
    ImportStats,
    PlaylistMapper,
    RowBuilder,
    produce_rows,
    run_import,
    use_process,
)
from app.storage import guide_repo

log = logging.getLogger(__name__)
KINDS = ("xmltv", "m3u", "provider_json")
JSON_MAX_BYTES = 256 * 1024**2  # JSON answers are parsed whole


__all__ = [
    "GuideDidRefresh",
    "GuideRefreshDidFail",
    "GuideRefreshDidProgress",
    "GuideSourceStatus",
    "RefreshProgress",
    "RefreshResult",
]


ProgressFn = Callable[[RefreshProgress], None]


def is_url(location: str) -> bool:
    return urlsplit(location).scheme in ("http", "https")


def _now(services: AppContext) -> int:
    return int(services.clock.now().timestamp())


def guess_kind(location: str) -> str:
    """The kind a location most likely holds; a local file is sniffed, a URL guessed by name."""
    if not is_url(location):
        path = Path(location).expanduser()
        if not path.is_file():
            raise NotFound(f"{location}: no such file")
        with open_feed(path, location) as stream:
            kind = sniff_kind(read_head(stream))
        if kind in KINDS:
            return kind
        if kind == "html":
            raise BadFeed(f"{location}: an HTML page, not a guide (a login or error page?)")
        if path.stat().st_size == 0:
            raise BadFeed(f"{location}: the feed is empty (0 bytes)")
        raise BadFeed(f"{location}: not a guide, playlist or programme JSON")
    lowered = urlsplit(location).path.lower()
    if lowered.endswith((".m3u", ".m3u8")):
        return "m3u"
    if lowered.endswith(".json") or "/api" in lowered:
        return "provider_json"
    return "xmltv"


def add_source(
    services: AppContext,
    location: str,
    name: str | None = None,
    kind: str | None = None,
    params: dict[str, Any] | None = None,
    is_demo: bool = False,
) -> int:
    if not is_url(location):
        location = str(Path(location).expanduser().resolve())
    kind = kind or guess_kind(location)
    if kind not in KINDS:
        raise ValueError(f"unknown guide kind {kind!r}")
    name = name or (Path(urlsplit(location).path).name or location)
    return guide_repo.add_source(
        services.db,
        name=name,
        kind=kind,
        location=location,
        params=params,
        is_demo=is_demo,
        now=_now(services),
    )


def remove_source(services: AppContext, source_id: int) -> None:
    guide_repo.remove_source(services.db, source_id)


def list_sources(services: AppContext) -> list[GuideSourceStatus]:
    return [
        GuideSourceStatus(
            id=s.id,
            name=s.name,
            kind=s.kind,
            location=safe_label(s.location) if is_url(s.location) else s.location,
            last_refresh_at=s.last_refresh_at,
            last_status=s.last_status,
            last_error=s.last_error,
            channels_count=s.channels_count,
            programmes_count=s.programmes_count,
            films_count=s.films_count,
            unmatched_channels=s.unmatched_channels,
            is_demo=s.is_demo,
        )
        for s in guide_repo.list_sources(services.db)
    ]


def ended_message(latest: int, now: int) -> str | None:
    """ "this guide ended on 29 Sep 2025" when every programme of a feed lies in the past."""
    if latest <= 0 or latest > now:
        return None
    return "this guide ended on " + datetime.fromtimestamp(latest, UTC).strftime("%d %b %Y").lstrip("0")


@dataclass
class _Feed:
    path: Path
    fetched: FetchResult | None
    content_hash: str | None


def _materialize(
    services: AppContext,
    source: guide_repo.SourceRow,
    location: str,
    dest_name: str,
    on_bytes: Callable[[int], None],
    conditional: bool,
    max_bytes: int,
) -> _Feed | None:
    """The feed as a local file, or None when the server says it did not change."""
    if not is_url(location):
        path = Path(location)
        if not path.is_file():
            raise NotFound(f"{location}: no such file")
        st = path.stat()
        return _Feed(path, None, f"{st.st_size}:{st.st_mtime_ns}")
    cache = services.paths.cache / "epg"
    cache.mkdir(parents=True, exist_ok=True)
    params = source.params
    result = fetch_to_file(
        location,
        cache / dest_name,
        etag=source.etag if conditional else None,
        last_modified=source.last_modified if conditional else None,
        timeout_s=services.settings.http_timeout_s,
        max_bytes=max_bytes,
        headers=params.get("headers") if source.kind == "provider_json" else None,
        params=params.get("params") if source.kind == "provider_json" else None,
        on_bytes=on_bytes,
    )
    if result.status == "unchanged" or result.path is None:
        return None
    return _Feed(result.path, result, None)


def refresh_source_blocking(
    services: AppContext,
    source_id: int,
    on_progress: ProgressFn | None = None,
    force: bool = False,
) -> RefreshResult:
    """Download (conditionally), parse and atomically replace one source's guide.

    Raises our errors (BadFeed, NotFound, ProviderUnavailable ...) after recording them in the
    source's status; the previous guide stays in place. Publishes GuideDidRefresh on success.
    """
    result = _refresh(services, source_id, on_progress, force)
    services.bus.publish(GuideDidRefresh(source_id, result.status, result.programmes, result.films))
    return result


async def refresh_source(
    services: AppContext,
    source_id: int,
    on_progress: ProgressFn | None = None,
    force: bool = False,
) -> RefreshResult:
    """The same on a worker thread; progress and the final event arrive on the loop."""
    loop = asyncio.get_running_loop()

    def relay(p: RefreshProgress) -> None:
        def deliver() -> None:
            services.bus.publish(GuideRefreshDidProgress(p))
            if on_progress is not None:
                on_progress(p)

        loop.call_soon_threadsafe(deliver)

    try:
        result = await run_blocking(_refresh, services, source_id, relay, force)
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
    services: AppContext, source_id: int, on_progress: ProgressFn | None, force: bool
) -> RefreshResult:
    source = guide_repo.get_source(services.db, source_id)
    if source is None:
        raise NotFound(f"guide source {source_id} does not exist")
    started = time.monotonic()
    label = source.name if not is_url(source.location) else safe_label(source.location)
    progress = on_progress or (lambda _p: None)
    last = [0.0]

    def on_bytes(n: int, total: int | None = None, phase: str = "download") -> None:
        now_m = time.monotonic()
        if now_m - last[0] >= 0.2:
            last[0] = now_m
            progress(RefreshProgress(source_id, phase, n, total))

    try:
        try:
            result = _refresh_inner(services, source, label, progress, on_bytes, force, started)
            if result.status != "unchanged":
                _pair_and_map(services, source_id)
            return result
        finally:
            # Downloads are only needed while importing; a 1 GB guide should not stay in cache.
            for name in (f"source-{source_id}.feed", f"source-{source_id}.guide"):
                (services.paths.cache / "epg" / name).unlink(missing_ok=True)
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


def _refresh_inner(
    services: AppContext,
    source: guide_repo.SourceRow,
    label: str,
    progress: ProgressFn,
    on_bytes: Callable[..., None],
    force: bool,
    started: float,
) -> RefreshResult:
    settings = services.settings
    max_bytes = settings.feed_max_bytes if source.kind != "provider_json" else JSON_MAX_BYTES
    # A playlist may be unchanged while the guide it names is new: always fetch playlists.
    conditional = not force and source.kind != "m3u"
    feed = _materialize(
        services, source, source.location, f"source-{source.id}.feed", on_bytes, conditional,
        max_bytes,
    )  # fmt: skip
    now = _now(services)
    if feed is None or (
        conditional and feed.content_hash is not None and feed.content_hash == source.content_hash
    ):
        guide_repo.record_status(services.db, source.id, status="unchanged", error=None, now=now)
        progress(RefreshProgress(source.id, "done"))
        return RefreshResult(source_id=source.id, status="unchanged", kind=source.kind)
    total = feed.path.stat().st_size
    with open_feed(feed.path, label, lambda n: on_bytes(n, total, "import")) as stream:
        kind = sniff_kind(read_head(stream))
    if kind == "html":
        raise BadFeed(f"{label}: an HTML page, not a guide (a login or error page?)")
    if kind not in KINDS:
        if total == 0:
            raise BadFeed(f"{label}: the feed is empty (0 bytes)")
        raise BadFeed(f"{label}: not XMLTV, M3U or programme JSON")
    builder = RowBuilder(
        source.id, guide_repo.matched_titles(services.db), now - settings.epg_keep_days * 86400
    )
    stats = ImportStats()
    mapper: PlaylistMapper | None = None
    guide_path: Path | None = None
    guide_label = label
    if kind == "m3u":
        playlist = parse_m3u(_read_whole(feed.path, label), label)
        mapper = PlaylistMapper(playlist.channels)
        if playlist.guide_urls and source.params.get("guide", True):
            guide_loc = _resolve(source.location, playlist.guide_urls[0])
            guide_label = safe_label(guide_loc) if is_url(guide_loc) else guide_loc
            guide_feed = _materialize(
                services, source, guide_loc, f"source-{source.id}.guide", on_bytes, False,
                settings.feed_max_bytes,
            )  # fmt: skip
            guide_path = guide_feed.path if guide_feed else None

    def batches(feed_bytes: Callable[[int], None]) -> Iterator[tuple[str, list[Any]]]:
        if kind == "xmltv":
            with open_feed(feed.path, label, feed_bytes) as s:
                yield from produce_rows(source.id, iter_xmltv(s, label), builder, None)
        elif kind == "m3u":
            assert mapper is not None
            if guide_path is None:
                yield from produce_rows(source.id, (), builder, mapper)
            else:
                glabel = guide_label
                with open_feed(guide_path, glabel, feed_bytes) as s:
                    yield from produce_rows(source.id, iter_xmltv(s, glabel), builder, mapper)
        else:
            channels, programmes = parse_provider_json(_read_whole(feed.path, label), label)
            yield from produce_rows(source.id, [*channels, *programmes], builder, None)

    def produce(emit: Callable[[str, Any], None]) -> dict[str, Any]:
        step = [0]

        def feed_bytes(n: int) -> None:
            if n - step[0] >= 1 << 20:
                step[0] = n
                emit("bytes", n)

        for what, rows in batches(feed_bytes):
            emit(what, rows)
        return {
            "films": len(builder.film_keys),
            "unmatched": mapper.unmatched() if mapper is not None else [],
            "latest": builder.latest,
        }

    def finish(summary: dict[str, Any]) -> dict[str, Any]:
        stats.films = summary["films"]
        stats.unmatched_channels = summary["unmatched"]
        ended = ended_message(summary.get("latest") or 0, now)
        if ended is not None:
            stats.ended = ended
        return {
            **({"last_status": "ended", "last_error": ended} if ended else {}),
            "kind": kind,
            "etag": feed.fetched.etag if feed.fetched else None,
            "last_modified": feed.fetched.last_modified if feed.fetched else None,
            "content_hash": feed.content_hash,
            "films_count": stats.films,
            "unmatched_channels": json.dumps(stats.unmatched_channels[:500], ensure_ascii=False),
        }

    def rows_done(n: int) -> None:
        stats.programmes = n
        progress(RefreshProgress(source.id, "import", last_bytes[0], total, n))

    last_bytes = [0]

    def bytes_done(n: int) -> None:
        last_bytes[0] = n
        on_bytes(n, total, "import")

    _written, (channels, programmes), _summary = run_import(
        services.db,
        source.id,
        produce,
        finish,
        now=now,
        prune_before=builder.prune_before,
        is_demo=source.is_demo,
        in_process=use_process(total + (guide_path.stat().st_size if guide_path else 0)),
        on_rows=rows_done,
        on_bytes=bytes_done,
    )
    progress(RefreshProgress(source.id, "done", total, total, programmes))
    return RefreshResult(
        source_id=source.id,
        status="ended" if stats.ended else "ok",
        message=stats.ended,
        kind=kind,
        channels=channels,
        programmes=programmes,
        films=stats.films,
        unmatched_channels=tuple(stats.unmatched_channels),
        bytes_read=total,
        seconds=round(time.monotonic() - started, 3),
    )


def _pair_and_map(services: AppContext, source_id: int) -> None:
    """Pair a playlist and a guide added apart, and map their channels (TV, issue 13)."""
    from app.services.guide.pairing import after_refresh

    try:
        after_refresh(services, source_id)
    except CinemaError as exc:  # the guide itself is stored: pairing waits for the next refresh
        log.warning("pairing source %s with its playlist or guide failed: %s", source_id, exc)
    except Exception:
        log.exception("pairing source %s with its playlist or guide failed", source_id)


def _read_whole(path: Path, label: str) -> bytes:
    """Playlists and JSON answers are parsed whole (decompressed), within a cap."""
    with open_feed(path, label) as stream:
        data = stream.read(JSON_MAX_BYTES + 1)
    if len(data) > JSON_MAX_BYTES:
        raise BadFeed(f"{label}: over {JSON_MAX_BYTES} bytes, too big to parse whole")
    return data


def _resolve(base: str, ref: str) -> str:
    if is_url(ref) or not ref:
        return ref
    if is_url(base):
        return urljoin(base, ref)
    return str((Path(base).parent / ref).resolve())
