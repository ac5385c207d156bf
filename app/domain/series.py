"""Series and anime: an episode, its key in the progress table, and what to watch next."""

from __future__ import annotations

import re
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


# -- the guide's episode marks -----------------------------------------------------------------
_SEASON = (
    r"(?:\bсезон\s*№?\s*(?P<s1>\d{1,2})\b|\b(?P<s2>\d{1,2})\s*-?\s*(?:й|ый)?\s*сезон\b"
    r"|\b(?:season|series)\s*(?P<s3>\d{1,2})\b)"
)
_EPISODE = (
    r"(?:\bсерия\s*№?\s*(?P<e1>\d{1,4})\b"
    r"|\b(?P<e2>\d{1,4})\s*(?:-\s*\d{1,4}\s*)?-?\s*(?:я|й)?\s*(?:серия|серии|с\.|сер\.)(?=\s|$|[).,;:])"
    r"|\b(?:episode|эпизод|ep\.?)\s*(?P<e3>\d{1,4})\b)"
)
_SEASON_RE = re.compile(_SEASON, re.IGNORECASE)
_EPISODE_RE = re.compile(_EPISODE, re.IGNORECASE)
_SXE_RE = re.compile(
    r"\bs(?P<s>\d{1,2})\s*[ .]?\s*e(?P<e>\d{1,4})\b|\b(?P<s2>\d{1,2})x(?P<e2>\d{1,3})\b", re.IGNORECASE
)
_SERIES_OF_RE = re.compile(r"^\s*(?P<e>\d{1,4})\s*,\s*series\s+(?P<s>\d{1,2})\b", re.IGNORECASE)
# xmltv_ns: "season.episode.part", each "n/total", zero-based, any part may be empty
_NS_RE = re.compile(
    r"^\s*(\d*)\s*(?:/\s*(\d*))?\s*\.\s*(\d*)\s*(?:/\s*(\d*))?\s*\.\s*(\d*)\s*(?:/\s*\d*)?\s*$"
)
_NAME_TAIL = " .,:;-–—(["


@dataclass(frozen=True, slots=True)
class EpisodeMark:
    """What the guide says of a series airing: the series' name, its season and episode numbers."""

    name: str  # the title with the episode marks cut off (not yet cleaned of prefixes or quotes)
    season: int | None = None
    number: int | None = None


def _group(m: re.Match[str] | None, *names: str) -> int | None:
    if m is None:
        return None
    for name in names:
        value = m.group(name)
        if value:
            return int(value)
    return None


def xmltv_ns(value: str) -> tuple[int | None, int | None] | None:
    """(season, episode), one-based, of an ``xmltv_ns`` number; None if it is not one or names no
    episode (the "0.0.0/1" some feeds put on films, the ".0/0." of a one-off)."""
    m = _NS_RE.match(value or "")
    if m is None:
        return None
    season_s, _season_total, ep_s, ep_total = m.group(1), m.group(2), m.group(3), m.group(4)
    total = int(ep_total) if ep_total else 0
    episode = int(ep_s) + 1 if ep_s and (int(ep_s) > 0 or total > 1) else None
    season = int(season_s) + 1 if season_s and (int(season_s) > 0 or episode is not None) else None
    if episode is None and season is None:
        return None
    return season, episode


def _from_text(text: str) -> tuple[int | None, int | None, int]:
    """(season, episode, where the first mark starts) in free text; the start is len(text) if none."""
    sxe = _SXE_RE.search(text)
    if sxe is not None:
        return _group(sxe, "s", "s2"), _group(sxe, "e", "e2"), sxe.start()
    of = _SERIES_OF_RE.match(text)
    if of is not None:
        return _group(of, "s"), _group(of, "e"), of.start()
    season_m, episode_m = _SEASON_RE.search(text), _EPISODE_RE.search(text)
    starts = [m.start() for m in (season_m, episode_m) if m is not None]
    return (
        _group(season_m, "s1", "s2", "s3"),
        _group(episode_m, "e1", "e2", "e3"),
        min(starts, default=len(text)),
    )


def episode_mark(title: str, subtitle: str | None = None, episode: str | None = None) -> EpisodeMark:
    """The series and numbers of an airing from its title («Т/с "Тайны следствия" 12 с.»,
    «… Сезон 2. Серия 5»), its XMLTV ``episode-num`` (``xmltv_ns`` or ``onscreen`` text) and its
    sub-title ("Series 2, Episode 5"). The episode number wins in that order: episode-num, title,
    sub-title; a season the first of them gives."""
    season, number, start = _from_text(title)
    name = title[:start].rstrip(_NAME_TAIL) if start > 0 else title
    if not name.strip():
        name = title
    if episode:
        ns = xmltv_ns(episode)
        s2, e2 = ns if ns is not None else _from_text(episode)[:2]
        if ns is None and e2 is None and episode.strip().isdigit():
            e2 = int(episode.strip())  # onscreen "12"
        season, number = season or s2, e2 or number
    if subtitle and (season is None or number is None):
        s3, e3, _ = _from_text(subtitle)
        season, number = season or s3, number or e3
    if number is not None and number < 1:
        number = None
    return EpisodeMark(name.strip(), season, number)
