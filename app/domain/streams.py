"""What stream-search providers find for a title, and what they are asked: provider-neutral shapes.

Services rank and store these; providers (Torznab, Nyaa, Rutube, Stremio addons, the IPTV
playlist, the user's own links) build them. Fields a provider does not know stay ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from app.domain.models import SourceKind


@dataclass(frozen=True, slots=True, kw_only=True)
class StreamQuery:
    """One title (or one episode of it) as every stream provider may need to see it."""

    title_id: str  # tmdb:movie:603, shikimori:anime:5114, epg:film:...
    kind: str = "film"  # film, series, anime
    title: str = ""  # in the UI language (usually Russian)
    original_title: str | None = None
    alt_titles: tuple[str, ...] = ()
    year: int | None = None
    runtime_min: int | None = None
    imdb_id: str | None = None
    tmdb_id: int | None = None
    shikimori_id: int | None = None
    season: int | None = None
    episode: int | None = None
    languages: tuple[str, ...] = ()  # the profile's audio/subtitle languages, ISO 639-1


@dataclass(frozen=True, slots=True, kw_only=True)
class StreamCandidate:
    """One way to watch, as a provider found it (before ranking)."""

    provider_id: str  # the manifest id of the provider that found it
    kind: SourceKind
    url: str  # http(s) URL, magnet, .torrent URL; for a page: the page to open in a browser
    label: str = ""  # what the user sees as its name (a release name, a channel, a page title)
    info_hash: str | None = None  # 40 hex, lower case
    file_idx: int | None = None  # the file inside a torrent (None: the largest video)
    size_bytes: int | None = None
    seeders: int | None = None
    peers: int | None = None
    grabs: int | None = None
    quality: str | None = None  # 2160p, 1080p, 720p, 480p, CAM ...
    headers: dict[str, str] = field(default_factory=dict)  # for VLC (User-Agent, Referer)
    start: datetime | None = None  # live and archive: the airing
    stop: datetime | None = None
    channel: str | None = None
    playable_now: bool = True
    duration_s: int | None = None
    binge_group: str | None = None
    extra: dict[str, object] = field(default_factory=dict)  # provider fields kept as they came
