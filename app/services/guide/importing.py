"""One source's import, format-blind: the registry's format reads the feed, a guide the feed
names (a playlist's url-tvg) is fetched and mapped onto its channels, and the pipeline replaces
the source's rows in one transaction. Blocking: run it in a worker."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.domain.errors import AuthError, BadFeed, NotFound, ProviderUnavailable, RateLimited
from app.net.http_fetch import FetchResult
from app.providers.base import GuideFeed
from app.providers.guide.feed import open_feed, read_head
from app.services.context import AppContext
from app.services.guide.download import FeedFile, Fetcher, materialize, resolve_link
from app.services.guide.models import RefreshProgress, RefreshResult
from app.services.guide.pipeline import (
    ImportStats,
    RowBuilder,
    linked_rows,
    produce_rows,
    run_import,
    use_process,
)
from app.services.guide.playlist_index import PlaylistIndex
from app.services.guide.sources import feed_for_content, feed_for_kind, kind_of, label_of
from app.storage import guide_repo
from app.storage.guide_repo import GuideWriter, SourceRow

log = logging.getLogger(__name__)

GUIDE_NOT_FETCHED = "channels imported without their guide; it is tried again on the next refresh"
GUIDE_FAILURES = (ProviderUnavailable, NotFound, AuthError, RateLimited, BadFeed)

ProgressFn = Callable[[RefreshProgress], None]
KEPT_UNMATCHED = 500  # names kept for the user; the count is exact
BytesFn = Callable[..., None]


def ended_message(latest: int, now: int) -> str | None:
    """ "this guide ended on 29 Sep 2025" when every programme of a feed lies in the past."""
    if latest <= 0 or latest > now:
        return None
    day = datetime.fromtimestamp(latest, UTC)
    # month names spelled here: strftime's %b follows the process locale, which Qt may set
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return f"this guide ended on {day.day} {months[day.month - 1]} {day.year}"


def _now(services: AppContext) -> int:
    return int(services.clock.now().timestamp())


def _sniff(services: AppContext, path: Path, label: str) -> GuideFeed:
    with open_feed(path, label) as stream:
        head = read_head(stream)
    return feed_for_content(services, head, label, path.stat().st_size)


def import_source(
    services: AppContext,
    source: SourceRow,
    label: str,
    progress: ProgressFn,
    on_bytes: BytesFn,
    force: bool,
    fetch: Fetcher[FetchResult],
) -> RefreshResult:
    """Fetch (conditionally), read and store one source; "unchanged" when there is nothing new."""
    started = time.monotonic()
    settings = services.settings
    expected = feed_for_kind(services, source.kind)
    max_bytes = settings.feed_max_bytes
    if expected is not None and expected.max_bytes is not None:
        max_bytes = min(max_bytes, expected.max_bytes)
    # A playlist may be unchanged while the guide it names is new: such formats always fetch.
    conditional = not force and (expected is None or expected.conditional)
    feed = materialize(
        services, source, source.location, f"source-{source.id}.feed",
        fetch=fetch, on_bytes=on_bytes, conditional=conditional, max_bytes=max_bytes,
    )  # fmt: skip
    now = _now(services)
    if feed is None or (
        conditional and feed.content_hash is not None and feed.content_hash == source.content_hash
    ):
        guide_repo.record_status(services.db, source.id, status="unchanged", error=None, now=now)
        progress(RefreshProgress(source.id, "done"))
        return RefreshResult(source_id=source.id, status="unchanged", kind=source.kind)
    reader = _sniff(services, feed.path, label)
    guide: tuple[FeedFile, GuideFeed, str] | None = None
    warning: str | None = None
    if source.params.get("guide", True):
        with open_feed(feed.path, label) as stream:
            links = reader.linked_guides(stream, label)
        if links:
            location = resolve_link(source.location, links[0])
            guide_label = label_of(location)
            try:
                found = materialize(
                    services, source, location, f"source-{source.id}.guide",
                    fetch=fetch, on_bytes=on_bytes, conditional=False, max_bytes=settings.feed_max_bytes,
                )  # fmt: skip
                if found is not None:
                    guide = (found, _sniff(services, found.path, guide_label), guide_label)
            except GUIDE_FAILURES as exc:
                # issue 19 item 7: a guide that cannot be had does not cost the playlist its
                # channels; it is asked for again on the next refresh (playlists always fetch)
                warning = f"{GUIDE_NOT_FETCHED} ({guide_label}): {exc}"
                log.warning("%s: %s", label, warning)
                if source.programmes_count > 0:
                    # yesterday's guide is worth more than today's channels without one
                    guide_repo.record_status(services.db, source.id, status="error", error=warning, now=now)
                    progress(RefreshProgress(source.id, "done"))
                    return RefreshResult(
                        source_id=source.id, status="error", kind=source.kind, message=warning
                    )
    result = _store(services, source, label, feed, reader, guide, progress, on_bytes, now, started, warning)
    return result


def _store(
    services: AppContext,
    source: SourceRow,
    label: str,
    feed: FeedFile,
    reader: GuideFeed,
    guide: tuple[FeedFile, GuideFeed, str] | None,
    progress: ProgressFn,
    on_bytes: BytesFn,
    now: int,
    started: float,
    warning: str | None = None,
) -> RefreshResult:
    settings = services.settings
    kind = kind_of(reader)
    builder = RowBuilder(
        source.id, guide_repo.matched_titles(services.db), now - settings.epg_keep_days * 86400
    )
    size = feed.path.stat().st_size
    # only a playlist whose guide will be read needs its channels indexed
    playlist = PlaylistIndex(size) if guide is not None else None
    total = size + (guide[0].path.stat().st_size if guide else 0)
    stats = ImportStats()

    def produce(emit: Callable[[str, Any], None]) -> dict[str, Any]:
        step = [0]
        base = [0]

        def feed_bytes(n: int) -> None:
            if base[0] + n - step[0] >= 1 << 20:
                step[0] = base[0] + n
                emit("bytes", base[0] + n)

        with open_feed(feed.path, label, feed_bytes) as stream:
            for what, rows in produce_rows(source.id, reader.records(stream, label), builder, playlist):
                emit(what, rows)
        if guide is not None:
            guide_file, guide_reader, guide_label = guide
            assert playlist is not None
            base[0] = size
            if not playlist.fuzzy:
                emit("note", f"{playlist.count} channels: their names are not compared fuzzily")
            with open_feed(guide_file.path, guide_label, feed_bytes) as stream:
                records = guide_reader.records(stream, guide_label)
                for what, rows in linked_rows(source.id, records, builder, playlist):
                    emit(what, rows)
        return {"films": len(builder.film_keys), "latest": builder.latest}

    def finish(summary: dict[str, Any], writer: GuideWriter) -> dict[str, Any]:
        stats.films = summary["films"]
        # a playlist's channels that got no programme: its guide did not cover them
        names, count = writer.unmatched_stream_channels(KEPT_UNMATCHED)
        stats.unmatched_channels, stats.unmatched_count = names, count
        stats.ended = ended_message(summary.get("latest") or 0, now)
        return {
            **({"last_error": warning} if warning else {}),
            **({"last_status": "ended", "last_error": stats.ended} if stats.ended else {}),
            "kind": kind,
            "etag": feed.fetched.etag if feed.fetched else None,
            "last_modified": feed.fetched.last_modified if feed.fetched else None,
            "content_hash": feed.content_hash,
            "films_count": stats.films,
            "unmatched_channels": json.dumps(stats.unmatched_channels, ensure_ascii=False),
        }

    last_bytes = [0]

    def rows_done(n: int) -> None:
        stats.programmes = n
        progress(RefreshProgress(source.id, "import", last_bytes[0], total, n))

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
        in_process=use_process(total),
        on_rows=rows_done,
        on_bytes=bytes_done,
    )
    progress(RefreshProgress(source.id, "done", total, total, programmes))
    return RefreshResult(
        source_id=source.id,
        status="ended" if stats.ended else "ok",
        message=stats.ended or warning,
        kind=kind,
        channels=channels,
        programmes=programmes,
        films=stats.films,
        unmatched_channels=tuple(stats.unmatched_channels),
        unmatched_count=stats.unmatched_count,
        bytes_read=size,
        seconds=round(time.monotonic() - started, 3),
    )
