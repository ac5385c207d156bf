"""What a poster needs: a title's kind, its sources' kinds, its next airing and its grid row.

Apart from the rest of the domain models (app.domain.models, which re-exports these): Home and
the grid paint from these alone, and each frozen dataclass costs ~0.5-1 ms to build at import,
so the title page's, the player's and the history's models are not built on the way to the
first paint.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class TitleKind(StrEnum):
    FILM = "film"
    SERIES = "series"
    ANIME = "anime"
    CARTOON = "cartoon"
    DOCUMENTARY = "documentary"
    PROGRAMME = "programme"


class SourceKind(StrEnum):
    TORRENT = "torrent"
    HLS = "hls"
    DIRECT = "direct"
    IPTV_LIVE = "iptv-live"
    IPTV_CATCHUP = "iptv-catchup"
    PAGE = "page"  # a web page with its own player: opened in the browser


@dataclass(frozen=True, slots=True, kw_only=True)
class Airing:
    channel_id: str
    channel_name: str
    start: datetime
    stop: datetime | None = None
    title: str = ""

    def on_air(self, now: datetime) -> bool:
        return self.start <= now and (self.stop is None or now < self.stop)


@dataclass(frozen=True, slots=True, kw_only=True)
class TitleBrief:
    """What the grid needs for one poster."""

    id: str
    kind: TitleKind = TitleKind.FILM
    title: str
    original_title: str | None = None
    year: int | None = None
    rating: float | None = None
    poster_path: str | None = None
    next_airing: Airing | None = None
    progress: float | None = None  # 0..1 for started titles
    source_kinds: tuple[SourceKind, ...] = ()
    episode: str | None = None  # a series' next episode for Continue watching: "S2 E5" (issue 16)
