"""Turning a title's sources into things the player can open, best first, with failover order.

Direct links and HLS open as they are (headers from ``#EXTVLCOPT``, the source or a Kodi-style
``url|User-Agent=…`` suffix); IPTV live channels and catch-up archives come from the guide's
channels table (CONTRACTS.md §4); torrents are opened through the torrent engine's local URL.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import unquote

from app.domain.models import MediaRequest, Source, SourceKind, TitleDetail
from app.services.context import AppContext
from app.services.sources.hls import looks_like_hls
from app.storage import channel_streams_repo
from app.storage.channel_streams_repo import ChannelStream

if TYPE_CHECKING:
    from app.services.sources.torrent_stream import StreamHandle, StreamingService, StreamStats

log = logging.getLogger(__name__)

# Which kind to try first when scores tie (best first). Live TV cannot resume: it goes last.
_KIND_ORDER = {
    SourceKind.DIRECT: 0,
    SourceKind.HLS: 1,
    SourceKind.TORRENT: 2,
    SourceKind.IPTV_CATCHUP: 3,
    SourceKind.IPTV_LIVE: 4,
}


@dataclass(frozen=True)
class Playable:
    """One way to play an item: what to open, how it is called, whether it can seek."""

    kind: SourceKind
    request: MediaRequest
    label: str
    live: bool = False
    hls: bool = False

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


# ---------------------------------------------------------------- catch-up URLs (§4)

_JAVA_FORMAT = (("yyyy", "%Y"), ("MM", "%m"), ("dd", "%d"), ("HH", "%H"), ("mm", "%M"), ("ss", "%S"))


def _java_time(pattern: str, moment: datetime) -> str:
    for java, py in _JAVA_FORMAT:
        pattern = pattern.replace(java, py)
    return moment.strftime(pattern)


def fill_catchup(template: str, start: int, stop: int, now: int, catchup_id: str = "") -> str:
    """Replace the catch-up placeholders (Kodi pvr.iptvsimple and ``${…}`` forms)."""
    duration = max(0, stop - start)
    offset = max(0, now - start)
    begin = datetime.fromtimestamp(start, UTC)
    end = datetime.fromtimestamp(stop, UTC)

    def divided(match: re.Match[str]) -> str:
        value = duration if match.group(1) == "duration" else offset
        return str(value // max(1, int(match.group(2))))

    out = re.sub(r"\{(duration|offset):(\d+)\}", divided, template)
    out = re.sub(r"\$\{\(b\)([^}]*)\}", lambda m: _java_time(m.group(1), begin), out)
    out = re.sub(r"\$\{\(e\)([^}]*)\}", lambda m: _java_time(m.group(1), end), out)
    out = re.sub(r"\{utc:([A-Za-z]+)\}", lambda m: begin.strftime("".join(f"%{c}" for c in m.group(1))), out)
    out = re.sub(r"\{utcend:([A-Za-z]+)\}", lambda m: end.strftime("".join(f"%{c}" for c in m.group(1))), out)
    plain = {
        "{utc}": start, "${start}": start, "{utcend}": stop, "${end}": stop,
        "{lutc}": now, "${now}": now, "${timestamp}": now, "{duration}": duration,
        "${duration}": duration, "{offset}": offset, "${offset}": offset,
        "{Y}": begin.strftime("%Y"), "{m}": begin.strftime("%m"), "{d}": begin.strftime("%d"),
        "{H}": begin.strftime("%H"), "{M}": begin.strftime("%M"), "{S}": begin.strftime("%S"),
        "{catchup-id}": catchup_id,
    }  # fmt: skip
    for key, value in plain.items():
        out = out.replace(key, str(value))
    return out


def catchup_url(channel: ChannelStream, start: int, stop: int, now: int) -> str | None:
    """The archive URL of a programme on ``channel``, or None when it has no archive."""
    live = channel.stream_url
    mode = (channel.catchup_mode or "").lower()
    source = channel.catchup_source or ""
    if not mode or not live:
        return None
    if mode == "default" and source:
        template = source
    elif mode in ("default", "append"):
        template = live + (source or ("&" if "?" in live else "?") + "utc={utc}&lutc={lutc}")
    elif mode == "shift":
        template = live + ("&" if "?" in live else "?") + "utc={utc}&lutc={lutc}"
    elif mode in ("flussonic", "flussonic-hls", "flussonic-ts", "fs"):
        base, q, query = live.partition("?")
        head, _, last = base.rpartition("/")
        if last == "mpegts":
            path = f"{head}/timeshift_abs-${{start}}.ts"
        elif last == "mono.m3u8":
            path = f"{head}/mono-timeshift_rel-{{offset:1}}.m3u8"
        else:
            path = f"{head}/timeshift_rel-{{offset:1}}.m3u8"
        template = path + q + query
    elif mode == "xc":
        m = re.match(r"(https?://[^/]+)/(?:live/)?([^/]+)/([^/]+)/([^/.]+)(\.\w+)?$", live)
        if not m:
            return None
        host, user, password, stream_id, ext = m.groups()
        when = "{Y}-{m}-{d}:{H}-{M}"
        template = f"{host}/timeshift/{user}/{password}/{{duration:60}}/{when}/{stream_id}{ext or '.ts'}"
    elif mode == "vod" and source:
        template = source
    else:
        return None
    return fill_catchup(template, start, stop, now)


# ---------------------------------------------------------------- candidates


def _source_playable(detail: TitleDetail, source: Source, start_ms: int) -> Playable:
    url, pipe_headers = split_pipe_headers(source.url)
    headers = {**pipe_headers, **source.headers}
    live = source.kind is SourceKind.IPTV_LIVE
    kind_label = {
        SourceKind.DIRECT: "Direct",
        SourceKind.HLS: "HLS",
        SourceKind.TORRENT: "Torrent",
        SourceKind.IPTV_LIVE: "Live",
        SourceKind.IPTV_CATCHUP: "Archive",
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
    hls = source.kind is SourceKind.HLS or looks_like_hls(url)
    return Playable(kind=source.kind, request=request, label=name, live=live, hls=hls)


def candidates(services: AppContext, detail: TitleDetail, start_ms: int = 0) -> list[Playable]:
    """Every way to play ``detail``, best first: stored sources, then catch-up, then live TV."""
    ordered = sorted(detail.sources, key=lambda s: (-s.score, _KIND_ORDER.get(s.kind, 9)))
    out = [_source_playable(detail, s, start_ms) for s in ordered]
    now = int(services.clock.now().timestamp())
    channels = channel_streams_repo.channel_streams(services.db, [a.channel_id for a in detail.airings])
    archive: list[Playable] = []
    live: list[Playable] = []
    for airing in detail.airings:
        channel = channels.get(airing.channel_id)
        if channel is None or not channel.stream_url:
            continue
        url, pipe_headers = split_pipe_headers(channel.stream_url)
        headers = {**pipe_headers, **channel.headers}
        start = int(airing.start.timestamp())
        stop = int(airing.stop.timestamp()) if airing.stop else start + 2 * 3600
        base = MediaRequest(
            location=url, item_key=detail.id, label=detail.title, title_id=detail.id, headers=headers
        )
        days = channel.catchup_days or 0
        in_archive = start <= now and (days <= 0 or now - start <= days * 86400)
        if in_archive:
            archived = catchup_url(channel, start, stop, now)
            if archived:
                archive.append(
                    Playable(
                        kind=SourceKind.IPTV_CATCHUP,
                        request=replace(base, location=archived, start_ms=start_ms),
                        label=f"Archive · {channel.name}",
                        hls=looks_like_hls(archived),
                    )
                )
        if start <= now < stop:
            live.append(
                Playable(
                    kind=SourceKind.IPTV_LIVE,
                    request=base,
                    label=f"Live · {channel.name}",
                    live=True,
                    hls=looks_like_hls(url),
                )
            )
    seen = {p.request.location for p in out}
    for extra in (*archive, *live):
        if extra.request.location not in seen:
            seen.add(extra.request.location)
            out.append(extra)
    return out


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
        return playable.kind is SourceKind.TORRENT

    async def prepare(self, playable: Playable) -> MediaRequest:
        """The request to open: a torrent becomes the engine's local URL (raises BadTorrent)."""
        if not self.needs_preparing(playable):
            return playable.request
        await self.release()
        if self.streaming is None:
            from app.services.sources.torrent_stream import StreamingService

            self.streaming = StreamingService(self.services)
        self.handle = await self.streaming.open_stream(playable.request.location)
        return replace(playable.request, location=self.handle.url)

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


def describe(playables: Sequence[Playable]) -> list[str]:
    return [p.label for p in playables]
