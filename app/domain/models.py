"""Frozen domain models that cross layers (no ORM object ever leaves storage).

Frozen slotted dataclasses, not pydantic models: they are built from our own database rows, so
validation buys nothing here, while importing pydantic and building these models cost ~150 ms of
start-up before the first poster could paint. Pydantic validates what comes from outside (guide
feeds, provider JSON); settings are checked by their types in app.core.config. Copies with a few
fields changed: ``dataclasses.replace``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from app.domain.briefs import Airing, SourceKind, TitleBrief, TitleKind

__all__ = [
    "Airing",
    "HistoryEntry",
    "MediaRequest",
    "Progress",
    "Source",
    "SourceKind",
    "TitleBrief",
    "TitleDetail",
    "TitleKind",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    id: int | None = None
    title_id: str
    kind: SourceKind
    url: str
    label: str = ""
    quality: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    score: float = 0.0
    health: str = "unknown"
    provider: str | None = None  # the stream provider that found it (issue 14)


@dataclass(frozen=True, slots=True, kw_only=True)
class TitleDetail:
    """What the title page shows."""

    id: str
    kind: TitleKind = TitleKind.FILM
    title: str
    original_title: str | None = None
    year: int | None = None
    overview: str | None = None
    tagline: str | None = None
    runtime: int | None = None  # minutes
    rating: float | None = None
    votes: int | None = None
    genres: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    director: str | None = None
    cast: tuple[str, ...] = ()
    poster_path: str | None = None
    backdrop_path: str | None = None
    trailer_url: str | None = None
    tmdb_id: int | None = None
    shikimori_id: int | None = None
    imdb_id: str | None = None
    is_demo: bool = False
    airings: tuple[Airing, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Progress:
    item_key: str
    position_ms: int
    duration_ms: int | None = None
    watched: bool = False
    view_count: int = 0
    updated_at: datetime | None = None

    @property
    def fraction(self) -> float | None:
        if not self.duration_ms:
            return None
        return max(0.0, min(1.0, self.position_ms / self.duration_ms))


@dataclass(frozen=True, slots=True, kw_only=True)
class HistoryEntry:
    id: int
    item_key: str
    title_id: str | None
    label: str
    location: str
    started_at: datetime
    ended_at: datetime | None
    position_ms: int
    duration_ms: int | None
    watched_ms: int = 0  # how much of it was actually played (statistics)
    provider: str | None = None  # the stream provider of the source played, when known
    source_kind: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class MediaRequest:
    """Everything the player needs to open one thing."""

    location: str  # path or URL
    item_key: str  # progress key (title id or media:<hash>)
    label: str
    title_id: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    start_ms: int = 0
