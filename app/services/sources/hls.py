"""HLS master playlists: the variants a user can pick (Auto plus each quality): the text fetched
through the app's one HTTP client, parsed with m3u8."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import m3u8

from app.core.tasks import run_blocking
from app.domain.errors import CinemaError, PlaybackError
from app.net.client import fetch_text
from app.net.shared import HttpClient

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Variant:
    """One rendition of a master playlist. ``uri`` is absolute and can be opened directly."""

    uri: str
    bandwidth: int
    width: int | None = None
    height: int | None = None
    codecs: str | None = None

    @property
    def label(self) -> str:
        rate = (
            f"{self.bandwidth / 1e6:.1f} Mbit/s"
            if self.bandwidth >= 1e6
            else f"{self.bandwidth // 1000} kbit/s"
        )
        return f"{self.height}p · {rate}" if self.height else rate


def parse_variants(text: str, url: str) -> list[Variant]:
    """Variants of a master playlist, best first; [] for a media playlist."""
    try:
        playlist = m3u8.loads(text, uri=url)
    except Exception as exc:  # m3u8 raises assorted errors on garbage
        raise PlaybackError(f"not an HLS playlist: {url}") from exc
    return _variants_of(playlist)


def _variants_of(playlist: m3u8.M3U8) -> list[Variant]:
    if not playlist.is_variant:
        return []
    found: dict[str, Variant] = {}
    for item in playlist.playlists:
        info = item.stream_info
        resolution = info.resolution or (None, None)
        uri = item.absolute_uri or item.uri
        if not uri:
            continue
        found.setdefault(
            uri,
            Variant(
                uri=uri,
                bandwidth=int(info.bandwidth or info.average_bandwidth or 0),
                width=resolution[0],
                height=resolution[1],
                codecs=info.codecs,
            ),
        )
    return sorted(found.values(), key=lambda v: (v.height or 0, v.bandwidth), reverse=True)


async def load_variants(
    http: HttpClient, url: str, headers: dict[str, str] | None = None, timeout_s: float = 5.0
) -> list[Variant]:
    """Read ``url`` through the app's one HTTP client and list its variants (relative ones
    resolved against where the playlist came from); [] when it cannot be read."""
    try:
        final_url, text = await fetch_text(http, url, headers=headers, timeout_s=timeout_s)
        return await run_blocking(parse_variants, text, final_url)
    except CinemaError as exc:
        log.info("HLS variants of %s unavailable: %s", url, exc)
        return []
