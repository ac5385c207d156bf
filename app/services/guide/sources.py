"""Guide sources (add, list, remove) and which guide format reads a feed: the registry's guide
feeds are asked, by content once the bytes are there, by name before a URL is fetched."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from app.domain.errors import BadFeed, NotFound
from app.net.http_fetch import safe_label
from app.providers.base import GuideFeed
from app.providers.guide.feed import looks_like_html, open_feed, read_head
from app.providers.setup import guide_feeds
from app.services.context import AppContext
from app.services.guide.models import GuideSourceStatus
from app.storage import channel_links_repo, guide_repo

# The feed kinds the shipped formats serve (for the CLI's --kind; the app asks the registry).
KINDS = tuple(kind for feed in guide_feeds() for kind in feed.manifest.kinds)


def is_url(location: str) -> bool:
    return urlsplit(location).scheme in ("http", "https")


def label_of(location: str) -> str:
    """A location fit for messages: a URL without its query or credentials, a path as it is."""
    return safe_label(location) if is_url(location) else location


def _now(services: AppContext) -> int:
    return int(services.clock.now().timestamp())


def kind_of(feed: GuideFeed) -> str:
    """The kind a source read by ``feed`` is stored as."""
    return feed.manifest.kinds[0] if feed.manifest.kinds else feed.manifest.id


def feed_for_kind(services: AppContext, kind: str) -> GuideFeed | None:
    """The preferred format serving a stored kind (None: no format serves it any more)."""
    feeds = services.providers.guide_feeds(kind)
    return feeds[0] if feeds else None


def _formats(services: AppContext) -> str:
    names = [f.manifest.name for f in services.providers.guide_feeds()]
    return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else "".join(names)


def feed_for_content(services: AppContext, head: bytes, label: str, size: int) -> GuideFeed:
    """The format that reads a feed starting with ``head``. Raises BadFeed with one line for a
    web page, an empty file or a format no provider reads."""
    if looks_like_html(head):
        raise BadFeed(f"{label}: an HTML page, not a guide (a login or error page?)")
    if size == 0:
        raise BadFeed(f"{label}: the feed is empty (0 bytes)")
    for feed in services.providers.guide_feeds():
        if head and feed.sniff(head):  # (an empty head would make them judge the name)
            return feed
    raise BadFeed(f"{label}: not {_formats(services)}")


def feed_for_name(services: AppContext, location: str) -> GuideFeed:
    """The format a URL most likely holds, by its name; the registry's first format otherwise."""
    feeds = services.providers.guide_feeds()
    if not feeds:
        raise BadFeed("no guide format is installed")
    name = urlsplit(location).path
    return next((f for f in feeds if f.sniff(b"", name)), feeds[0])


def guess_kind(services: AppContext, location: str) -> str:
    """The kind a location most likely holds; a local file is sniffed, a URL guessed by name."""
    if is_url(location):
        return kind_of(feed_for_name(services, location))
    path = Path(location).expanduser()
    if not path.is_file():
        raise NotFound(f"{location}: no such file")
    with open_feed(path, location) as stream:
        head = read_head(stream)
    return kind_of(feed_for_content(services, head, location, path.stat().st_size))


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
    kind = kind or guess_kind(services, location)
    if feed_for_kind(services, kind) is None:
        known = ", ".join(k for f in services.providers.guide_feeds() for k in f.manifest.kinds)
        raise ValueError(f"unknown guide kind {kind!r} (known: {known})")
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


def _still_unmatched(services: AppContext, source: Any) -> tuple[str, ...]:
    """A playlist's channels its own guide missed, less those a paired guide now covers (issue 13),
    each name once (a backup URL repeats its channel's name)."""
    names = dict.fromkeys(source.unmatched_channels)
    if names:
        names = dict.fromkeys(
            n for n in names if n not in channel_links_repo.linked_names(services.db, source.id)
        )
    return tuple(names)


def has_own_guide(services: AppContext) -> bool:
    """Whether the user added any guide of their own (the demo's does not count)."""
    return any(not s.is_demo for s in guide_repo.list_sources(services.db))


def list_sources(services: AppContext) -> list[GuideSourceStatus]:
    return [
        GuideSourceStatus(
            id=s.id,
            name=s.name,
            kind=s.kind,
            location=label_of(s.location),
            last_refresh_at=s.last_refresh_at,
            last_status=s.last_status,
            last_error=s.last_error,
            channels_count=s.channels_count,
            programmes_count=s.programmes_count,
            films_count=s.films_count,
            unmatched_channels=_still_unmatched(services, s),
            is_demo=s.is_demo,
        )
        for s in guide_repo.list_sources(services.db)
    ]
