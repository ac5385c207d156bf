"""What metadata providers are asked (a query) and hand back: search candidates and full titles."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class MetaQuery:
    """A title to find: the name as a guide writes it (cleaned), its kind, and hints.

    ``kind`` is film, series, anime, cartoon or documentary; ``year`` narrows films; an
    ``imdb_id`` (tt1234567) lets a provider look the title up directly; ``language`` is the
    language of the texts wanted (ru-RU).
    """

    title: str
    kind: str = "film"
    year: int | None = None
    imdb_id: str | None = None
    language: str = "ru-RU"


@dataclass(frozen=True)
class Candidate:
    """One search hit, with what is known before fetching details."""

    id: str  # tmdb:movie:603, tmdb:tv:1396, shikimori:anime:5114
    kind: str  # film, series, anime
    title: str
    original_title: str | None = None
    alt_titles: tuple[str, ...] = ()
    year: int | None = None
    original_language: str | None = None
    countries: tuple[str, ...] = ()
    genre_ids: tuple[int, ...] = ()
    popularity: float = 0.0
    votes: int = 0
    poster_url: str | None = None
    runtime: int | None = None  # minutes, known after details
    directors: tuple[str, ...] = ()  # known after details
    # what discovery's lists show before details (issue 15)
    rating: float | None = None
    overview: str | None = None
    genres: tuple[str, ...] = ()  # genre names in the asked language
    backdrop_url: str | None = None


@dataclass(frozen=True)
class TitleMeta:
    """Everything a titles row gets from a provider's details."""

    id: str
    kind: str
    title: str
    original_title: str | None = None
    alt_titles: tuple[str, ...] = ()
    year: int | None = None
    overview: str | None = None
    tagline: str | None = None
    runtime: int | None = None
    rating: float | None = None
    votes: int | None = None
    genres: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    original_language: str | None = None
    director: str | None = None
    cast: tuple[str, ...] = ()
    trailer_url: str | None = None
    tmdb_id: int | None = None
    shikimori_id: int | None = None
    imdb_id: str | None = None
    poster_url: str | None = None
    backdrop_url: str | None = None
    is_japanese_animation: bool = False
    extra: dict[str, Any] = field(default_factory=dict)
    certification: str | None = None  # issue 15: "RU 16+", "US PG-13" (RU first, then US)
    min_age: int | None = None  # the certification in years (kids' profiles)

    def as_candidate(self) -> Candidate:
        """The details seen as a candidate, so that scoring can use runtime and director."""
        return Candidate(
            id=self.id,
            kind=self.kind,
            title=self.title,
            original_title=self.original_title,
            alt_titles=self.alt_titles,
            year=self.year,
            original_language=self.original_language,
            countries=self.countries,
            votes=self.votes or 0,
            poster_url=self.poster_url,
            runtime=self.runtime,
            directors=(self.director,) if self.director else (),
        )


def year_of(date: Any) -> int | None:
    """The year of a ``YYYY-MM-DD`` string; ``""``/``None``/garbage give ``None``."""
    if isinstance(date, str) and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None
