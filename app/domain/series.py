"""Series and anime: an episode, its key in the progress table, and what to watch next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

EPISODE_KEY_PREFIX = "ep:"


def episode_key(title_id: str, season: int, number: int) -> str:
    """The progress item key of one episode: ``ep:<series title id>:<season>:<number>``."""
    return f"{EPISODE_KEY_PREFIX}{title_id}:{int(season)}:{int(number)}"


def parse_episode_key(key: str) -> tuple[str, int, int] | None:
    """(series title id, season, number) of an episode key; None for any other key.

    Title ids hold colons themselves (``tmdb:tv:1399``): the numbers are read from the right.
    """
    if not key.startswith(EPISODE_KEY_PREFIX):
        return None
    parts = key[len(EPISODE_KEY_PREFIX) :].rsplit(":", 2)
    if len(parts) != 3 or not parts[0]:
        return None
    try:
        season, number = int(parts[1]), int(parts[2])
    except ValueError:
        return None
    if season < 0 or number < 1:
        return None
    return parts[0], season, number


@dataclass(frozen=True, slots=True)
class Episode:
    title_id: str
    season: int
    number: int
    name: str | None = None
    overview: str | None = None
    air_date: str | None = None  # ISO date as the provider gave it
    runtime: int | None = None  # minutes
    still_path: str | None = None
    tmdb_id: int | None = None
    imdb_id: str | None = None

    @property
    def key(self) -> str:
        return episode_key(self.title_id, self.season, self.number)

    @property
    def label(self) -> str:
        """«S2 E5» (the same in every language)."""
        return f"S{self.season} E{self.number}"

    def aired_by(self, day: date) -> bool:
        """Whether the episode has aired by ``day`` (unknown air dates count as aired)."""
        if not self.air_date:
            return True
        try:
            return date.fromisoformat(self.air_date[:10]) <= day
        except ValueError:
            return True


@dataclass(frozen=True, slots=True)
class EpisodeProgress:
    season: int
    number: int
    position_ms: int
    duration_ms: int | None
    watched: bool
    updated_at: int  # unix seconds


@dataclass(frozen=True, slots=True)
class NextEpisode:
    """What Continue offers for a series: resume an episode, or start the one after the finished."""

    episode: Episode
    resume_ms: int  # 0: from the start
    reason: str  # "resume" (started, not finished), "next" (after the finished one), "start" (none watched)

    @property
    def label(self) -> str:
        return self.episode.label
