"""Series airings of the guide: one series title per show, with the season and episode numbers."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from app.domain.series import episode_mark
from app.services.titles import clean_title, split_prefix, title_key

SERIES_KEY_PREFIX = "series:"  # film_key of a series: its airings share it, whatever the episode


@dataclass(frozen=True, slots=True)
class SeriesAiring:
    name: str  # «Тайны следствия»: the display name of the series
    norm_title: str  # its comparison key (title_key)
    season: int | None
    number: int | None

    @property
    def key(self) -> str:
        return SERIES_KEY_PREFIX + self.norm_title


@lru_cache(maxsize=16384)
def _name(raw: str) -> tuple[str, str]:
    if not split_prefix(raw + " x")[1][:-1].strip(' .,:;-–—"«»'):
        return "", ""  # «т/с» and nothing else (a prefix is read only before a name)
    display = clean_title(raw)[0].strip(" .,:;-–—")
    return display, title_key(display)


def series_airing(title: str, subtitle: str | None = None, episode: str | None = None) -> SeriesAiring | None:
    """The series of an airing classified as a series (film_detection says which), or None when
    nothing of a name is left once the marks are off."""
    mark = episode_mark(title, subtitle, episode)
    display, norm = _name(mark.name)
    if not norm:
        return None
    return SeriesAiring(display, norm, mark.season, mark.number)
