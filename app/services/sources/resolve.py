"""Turning a title's sources into things the player can open, best first, with failover order.

Direct links and HLS open as they are (headers from ``#EXTVLCOPT``, the source or a Kodi-style
``url|User-Agent=…`` suffix); IPTV live channels and catch-up archives come from the TV
catch-up provider in the registry (``services.sources.iptv``, CONTRACTS.md §4); torrents are
opened through the torrent engine's local URL.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING
from urllib.parse import unquote

from app.core.tasks import run_blocking
from app.domain.errors import AuthError, NotFound
from app.domain.locations import is_hls_location
from app.domain.models import MediaRequest, Source, SourceKind, TitleDetail
from app.domain.streams import StreamCandidate
from app.domain.tv import ARCHIVE, FROM_START, LIVE
from app.services.context import AppContext
from app.services.sources import iptv
from app.services.sources.private_headers import KEYRING_MARK, headers_secret
from app.services.sources.ranking import KIND_ORDER

if TYPE_CHECKING:
    from app.services.sources.torrent_stream import StreamHandle, StreamingService, StreamStats

log = logging.getLogger(__name__)

KEY_PLACEHOLDER = "{apikey}"  # a Torznab .torrent link stored without its key (providers.streams.torznab)


@dataclass(frozen=True)
class Playable:
    """One way to play an item: what to open, how it is called, whether it can seek."""

    kind: SourceKind
    request: MediaRequest
    label: str
    live: bool = False
    hls: bool = False
    origin: StreamCandidate | None = None  # what the provider found (TV: channel, airing times)

    def at(self, start_ms: int) -> Playable:
        if self.live:
            return self
        return replace(self, request=replace(self.request, start_ms=max(0, start_ms)))


def split_pipe_headers(url: str) -> tuple[str, dict[str, str]]:
    """Kodi's ``url|User-Agent=x&Referer=y`` form: the URL and its headers."""
    if "|" not in url:
        return url, {}
    base, _, tail = url.partition("|")
    headers: dict[str, str] = {}
    for part in re.split(r"[&|]", tail):
        name, sep, value = part.partition("=")
        if sep and name.strip():
            headers[name.strip()] = unquote(value.strip().strip('"'))
    return base.strip(), headers


# ---------------------------------------------------------------- candidates


def _source_playable(
    detail: TitleDetail, source: Source, start_ms: int, resolvers: frozenset[str] = frozenset()
) -> Playable:
    url, pipe_headers = split_pipe_headers(source.url)
    headers = {**pipe_headers, **source.headers}
    private = headers.pop(KEYRING_MARK, None) is not None  # its credentials are in the keyring
    live = source.kind is SourceKind.IPTV_LIVE
    kind_label = {
        SourceKind.DIRECT: "Direct",
        SourceKind.HLS: "HLS",
        SourceKind.TORRENT: "Torrent",
        SourceKind.IPTV_LIVE: "Live",
        SourceKind.IPTV_CATCHUP: "Archive",
        SourceKind.PAGE: "Page",
    }[source.kind]
    name = " · ".join(p for p in (kind_label, source.label, source.quality) if p)
    request = MediaRequest(
        location=url,
        item_key=detail.id,
        label=detail.title,
        title_id=detail.id,
        headers=headers,
        start_ms=0 if live else start_ms,
    )
    hls = source.kind is SourceKind.HLS or is_hls_location(url)
    # who found it: the health of each playback is recorded per source and provider, and a page
    # the provider turns into a stream (or a link that needs its key) is prepared first
    origin = StreamCandidate(
        provider_id=source.provider or "",
        kind=source.kind,
        url=source.url,
        label=source.label,
        quality=source.quality,
        extra={
            **({"resolve": True} if source.provider in resolvers else {}),
            **({"keyring_headers": True} if private else {}),
        },
    )
    return Playable(kind=source.kind, request=request, label=name, live=live, hls=hls, origin=origin)


def candidates(services: AppContext, detail: TitleDetail, start_ms: int = 0) -> list[Playable]:
    """Every way to play ``detail``, best first: stored sources, then TV (from the start of what
    is on now, the archive, live). Reads the guide's channels: call it off the GUI thread."""
    ordered = sorted(
        # web pages open in the browser, not in the player: they are no step of the failover
        (
            s
            for s in detail.sources
            if s.kind not in (SourceKind.IPTV_LIVE, SourceKind.IPTV_CATCHUP, SourceKind.PAGE)
        ),
        key=lambda s: (-s.score, KIND_ORDER.get(s.kind, 9)),  # ties: the ranking's kind order
    )
    resolvers = frozenset(p.manifest.id for p in services.providers.all() if hasattr(p, "resolve"))
    out = [_source_playable(detail, s, start_ms, resolvers) for s in ordered]
    seen = {p.request.location for p in out}
    for extra in tv_playables(services, detail, start_ms):
        if extra.request.location not in seen:
            seen.add(extra.request.location)
            out.append(extra)
    return out


# The order of TV ways for Play: what is on now from its start, then the archive (newest
# first), then live; a channel's backup URLs follow it (the sort is stable).
_WAY_ORDER = {FROM_START: 0, ARCHIVE: 1, LIVE: 2}


def tv_playable(detail: TitleDetail, candidate: StreamCandidate, start_ms: int = 0) -> Playable:
    """One IPTV way to watch a title as the player opens it (the archive resumes at ``start_ms``)."""
    return way_playable(
        candidate, item_key=detail.id, label=detail.title, title_id=detail.id, start_ms=start_ms
    )


def way_playable(
    candidate: StreamCandidate, *, item_key: str, label: str, title_id: str | None, start_ms: int = 0
) -> Playable:
    """One TV way (live, from the start, archive) as the player opens it; the playable's label
    says the way and the channel, a live one always starts at the live edge."""
    live = candidate.kind is SourceKind.IPTV_LIVE
    way = str(candidate.extra.get("way", ""))
    prefix = {FROM_START: "From the start", ARCHIVE: "Archive"}.get(way, "Live")
    request = MediaRequest(
        location=candidate.url,
        item_key=item_key,
        label=label,
        title_id=title_id,
        headers=dict(candidate.headers),
        start_ms=0 if live else start_ms,
    )
    return Playable(
        kind=candidate.kind,
        request=request,
        label=f"{prefix} · {candidate.label}",
        live=live,
        hls=is_hls_location(candidate.url),
        origin=candidate,
    )


def tv_playables(services: AppContext, detail: TitleDetail, start_ms: int = 0) -> list[Playable]:
    """The title's TV ways that play now, in Play's order (blocking)."""
    found = [c for c in iptv.ways(services, detail.id) if c.playable_now]
    newest_first = sorted(found, key=lambda c: -(c.start.timestamp() if c.start else 0))
    ordered = sorted(newest_first, key=lambda c: _WAY_ORDER.get(str(c.extra.get("way")), 9))
    return [tv_playable(detail, c, start_ms) for c in ordered]


# ---------------------------------------------------------------- preparing torrents


@dataclass
class SourceOpener:
    """Prepares playables that need work first (torrents) and owns what they hold open."""

    services: AppContext
    streaming: StreamingService | None = None
    handle: StreamHandle | None = field(default=None, init=False)
    # How often the player's clock is passed to the torrent engine (follow()).
    clock_interval_s: float = 0.25
    _follower: asyncio.Task[None] | None = field(default=None, init=False, repr=False)

    @staticmethod
    def needs_preparing(playable: Playable) -> bool:
        origin = playable.origin
        resolving = origin is not None and (
            bool(origin.extra.get("resolve"))
            or bool(origin.extra.get("keyring_headers"))
            or KEY_PLACEHOLDER in origin.url
        )
        return playable.kind is SourceKind.TORRENT or resolving

    async def prepare(self, playable: Playable) -> MediaRequest:
        """The request to open: a page becomes its provider's stream (a fresh signed URL), a link
        gets its key back from the keyring, a torrent becomes the engine's local URL (raises
        BadTorrent, NotFound or ProviderUnavailable)."""
        if not self.needs_preparing(playable):
            return playable.request
        request = await self._resolved(playable)
        if playable.kind is not SourceKind.TORRENT:
            return request
        await self.release()
        from app.services.sources.episode_sources import episode_file_chooser

        origin = playable.origin  # an addon's fileIdx names the file; an episode's pack is read
        self.handle = await self.streaming_service().open_stream(
            request.location,
            origin.file_idx if origin is not None else None,
            choose=episode_file_chooser(request.item_key),
        )
        return replace(request, location=self.handle.url)

    async def _resolved(self, playable: Playable) -> MediaRequest:
        origin, request = playable.origin, playable.request
        if origin is None:
            return request
        if origin.extra.get("resolve"):
            provider = self.services.providers.get(origin.provider_id)
            resolve = getattr(provider, "resolve", None)
            if resolve is None:
                raise NotFound(f"{origin.provider_id or 'its provider'} is not available any more")
            url, headers = await resolve(origin.url)
            return replace(request, location=url, headers={**request.headers, **headers})
        if origin.extra.get("keyring_headers"):
            from app.core.secrets import get_secret

            kept = await run_blocking(get_secret, headers_secret(origin.url))
            private = json.loads(kept) if kept else {}
            if not isinstance(private, dict):
                private = {}
            request = replace(
                request, headers={**request.headers, **{str(k): str(v) for k, v in private.items()}}
            )
        if KEY_PLACEHOLDER in request.location:
            from urllib.parse import quote

            from app.core.secrets import get_secret
            from app.providers.streams.setup import secret_name

            key = await run_blocking(get_secret, secret_name(origin.provider_id))
            if not key:
                raise AuthError(
                    f"the key of {origin.provider_id} is not in the keyring; add the indexer again"
                )
            return replace(request, location=request.location.replace(KEY_PLACEHOLDER, quote(key, safe="")))
        return request

    def streaming_service(self) -> StreamingService:
        """The app's one torrent session (made now if needed): streams and Downloads share it."""
        if self.streaming is None:
            from app.services.sources.torrent_stream import StreamingService

            self.streaming = StreamingService(self.services)
        return self.streaming

    def torrent_stats(self) -> StreamStats | None:
        if self.handle is None:
            return None
        try:
            return self.handle.stats()
        except Exception:
            log.debug("torrent stats unavailable", exc_info=True)
            return None

    def set_duration(self, seconds: float) -> None:
        if self.handle is not None:
            self.handle.set_duration(seconds)

    def set_playback_time(self, seconds: float) -> None:
        """Where the picture is: the torrent engine keeps the pieces around it (the back-seek
        landing zone, the look-behind) and sizes its windows in seconds from there."""
        if self.handle is not None and seconds >= 0:
            self.handle.set_playback_time(seconds)

    def follow(self, clock: Callable[[], int | None]) -> None:
        """Pass the player's time (``clock()``: milliseconds, or None while unknown) to the
        torrent handle a few times a second until the stream is released."""
        self._stop_following()
        if self.handle is None:
            return

        async def run() -> None:
            while self.handle is not None:
                ms = clock()
                if ms is not None and ms >= 0:
                    self.set_playback_time(ms / 1000)
                await asyncio.sleep(self.clock_interval_s)

        self._follower = asyncio.ensure_future(run())

    def _stop_following(self) -> None:
        if self._follower is not None and not self._follower.done():
            self._follower.cancel()
        self._follower = None

    async def release(self) -> None:
        self._stop_following()
        handle, self.handle = self.handle, None
        if handle is not None and self.streaming is not None:
            await self.streaming.close(handle)

    async def shutdown(self) -> None:
        await self.release()
        if self.streaming is not None:
            await self.streaming.shutdown()
            self.streaming = None
