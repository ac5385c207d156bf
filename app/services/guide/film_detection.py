"""Which guide airings are films (and cartoons, documentaries, anime), with a key per film."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from app.services.titles import (
    clean_title,
    looks_like_episode,
    split_prefix,
    title_key,
)

FILM_KINDS = frozenset({"film", "cartoon", "documentary", "anime"})

_CATEGORY_KIND = {
    "х/ф": "film",
    "художественный фильм": "film",
    "худ. фильм": "film",
    "фильм": "film",
    "фильмы": "film",
    "кино": "film",
    "телефильм": "film",
    "кинофильм": "film",
    "movie": "film",
    "movies": "film",
    "film": "film",
    "films": "film",
    "feature film": "film",
    "tv movie": "film",
    "м/ф": "cartoon",
    "мультфильм": "cartoon",
    "мультфильмы": "cartoon",
    "cartoon": "cartoon",
    "д/ф": "documentary",
    "документальный фильм": "documentary",
    "documentary": "documentary",
    "аниме": "anime",
    "anime": "anime",
    "т/с": "series",
    "сериал": "series",
    "сериалы": "series",
    "телесериал": "series",
    "мультсериал": "series",
    "м/с": "series",
    "series": "series",
    "tv series": "series",
    "д/с": "programme",
    "документальный сериал": "programme",
}
# Priority when several categories disagree: a series tag beats a film tag ("Фильм", "Сериал").
_KIND_RANK = {"series": 0, "anime": 1, "cartoon": 2, "documentary": 3, "film": 4, "programme": 5}
_DVB_MOVIE_RE = re.compile(r"^0x1[0-9a-f]?$", re.IGNORECASE)

_COUNTRY_YEAR_RE = re.compile(
    r"(?P<country>[A-ZА-ЯЁ][\w\-]+(?:[ \-][A-ZА-ЯЁ][\w\-]+)*(?:\s*[,/]\s*[A-ZА-ЯЁ][\w\-]+"
    r"(?:[ \-][A-ZА-ЯЁ][\w\-]+)*)*)\s*,\s*(?P<year>(?:18|19|20)\d\d)\s*(?:г\.?|год)?(?![\d])"
)
_BARE_YEAR_RE = re.compile(r"[(\[]((?:18|19|20)\d\d)[)\]]")
_DIRECTOR_RE = re.compile(
    r"(?:Режисс[её]р(?:ы)?|Реж\.|Director|Directed by)\s*[:\-–—]?\s*"
    r"(?P<d>[A-ZА-ЯЁ](?:\.|[\w\-]+)(?:\s*[A-ZА-ЯЁ](?:\.|[\w\-]+)){0,3})"
)


# A film shown in parts: «х/ф Три в одном 6. 1 с.», «… 1 с./2 с.», «… 1-2 серии», «Часть 2».
# Only a film prefix (х/ф, м/ф, д/ф) turns such a marker into a part; alone it means an episode.
_PART_RE = re.compile(
    r"[\s.,:;\-–—(]*(?:\b\d+\s*(?:-\s*\d+\s*)?-?\s*(?:я|й)?\s*(?:с\.|сер\.|серии|серия|часть)"
    r"(?:\s*/\s*\d+\s*-?\s*(?:я|й)?\s*(?:с\.|сер\.|серия))*|\bчасть\s*\d+(?:\s*-?\s*я)?)\s*\)?\s*$",
    re.IGNORECASE,
)
# Episodes as English guides write their sub-titles: "13, series 4", "Series 2, Episode 5",
# "Episode 3", "S01E02", "3/6".
_EPISODE_SUBTITLE_RE = re.compile(
    r"^\s*(?:\d+\s*,\s*series\s+\d+|series\s+\d+\s*,?\s*episode\s+\d+|episode\s+\d+"
    r"|s\d{1,2}\s*e\d{1,3}|\d+\s*/\s*\d+)\b",
    re.IGNORECASE,
)


def film_part(title: str) -> tuple[str, str | None]:
    """The title without a trailing part marker, and the marker:
    «Три в одном 6. 1 с.» -> («Три в одном 6», «1 с.»)."""
    m = _PART_RE.search(title)
    if m is None or m.start() == 0:
        return title, None
    return title[: m.start()].rstrip(" .,:;-–—("), m.group(0).lstrip(" .,:;-–—(").rstrip(" )")


def episodic_subtitle(subtitle: str | None) -> bool:
    """A sub-title that numbers an episode ("13, series 4"): the airing is a series episode."""
    return bool(subtitle) and bool(_EPISODE_SUBTITLE_RE.match(subtitle or ""))


@dataclass(frozen=True, slots=True)
class Detection:
    kind: str  # film, cartoon, documentary, anime, series, programme
    title: str  # display title, cleaned
    norm_title: str | None  # only for films, cartoons, documentaries and anime
    year: int | None = None
    country: str | None = None
    director: str | None = None
    part: str | None = None  # «1 с.» of a film shown in parts (the title is the film's)

    @property
    def film_key(self) -> str | None:
        if self.kind not in FILM_KINDS or self.norm_title is None:
            return None
        return film_key(self.norm_title, self.year)


def film_key(norm_title: str, year: int | None) -> str:
    """One film, many airings: the normalised title plus the year hint when there is one."""
    return f"{norm_title}:{year}" if year else norm_title


def normalize_guide_title(title: str) -> str:
    """The comparison form of a raw guide title (prefix, quotes, age mark, year removed)."""
    return title_key(clean_title(title)[0])


def category_kind(category: str) -> str | None:
    text = category.strip().lower()
    kind = _CATEGORY_KIND.get(text)
    if kind:
        return kind
    if _DVB_MOVIE_RE.match(text):
        return "film"
    # tv_grab_dvb writes the DVB content nibble as "Movie / Drama", "Movie / Comedy" ...
    if text.startswith(("movie /", "movie/", "фильм /", "фильм/")):
        return "film"
    return None


@lru_cache(maxsize=16384)
def _classify(
    title: str, categories: tuple[str, ...], episodic: bool, flag: str | None, subtitled: bool = False
) -> Detection:
    prefix_kind, rest = split_prefix(title)
    cat_kinds = [k for k in (category_kind(c) for c in categories) if k]
    part: str | None = None
    if flag is not None:
        kind = flag
    elif episodic:
        kind = "series"
    elif looks_like_episode(title):
        # «х/ф Три в одном 6. 1 с.»: the film prefix says a film, shown in parts
        part = film_part(rest)[1] if prefix_kind in FILM_KINDS else None
        kind = prefix_kind if part and prefix_kind else "series"
    elif prefix_kind:
        kind = prefix_kind
    elif cat_kinds:
        kind = min(cat_kinds, key=_KIND_RANK.__getitem__)
        # A documentary strand's episode ("Panorama" with its episode's name as sub-title) is
        # not a documentary film; a guide that names the genre in the title is trusted.
        if kind == "documentary" and subtitled:
            kind = "programme"
    else:
        kind = "programme"
    if kind in FILM_KINDS and cat_kinds and "series" in cat_kinds and flag is None:
        kind = "series"
    if kind not in FILM_KINDS:
        # Only films need the full clean-up and a match key; most airings are not films.
        return Detection(kind, rest.strip(), None)
    whole, part = title, None
    if prefix_kind in FILM_KINDS:
        # ``rest`` ends the title: cut the part marker off it, keep the prefix for clean_title
        without, part = film_part(rest)
        whole = title[: len(title) - len(rest)] + without
    display, title_year = clean_title(whole)
    return Detection(kind, display, title_key(display), title_year, part=part)


@lru_cache(maxsize=4096)
def description_hints(description: str | None) -> tuple[int | None, str | None, str | None]:
    """Year, country and director as Russian guides write them: "США, 1999. Режиссёр: ..."."""
    if not description:
        return None, None, None
    year: int | None = None
    country: str | None = None
    m = _COUNTRY_YEAR_RE.search(description)
    if m:
        year, country = int(m.group("year")), m.group("country").strip()
    else:
        b = _BARE_YEAR_RE.search(description)
        if b:
            year = int(b.group(1))
    d = _DIRECTOR_RE.search(description)
    director = d.group("d").strip() if d else None
    return year, country, director


def detect(
    title: str,
    categories: tuple[str, ...] = (),
    description: str | None = None,
    *,
    episodic: bool = False,
    flag: str | None = None,
    year: int | None = None,
    country: str | None = None,
    director: str | None = None,
    subtitle: str | None = None,
) -> Detection:
    """Classify one airing. ``flag`` is a provider's own kind (``isFilm`` -> "film") and wins;
    a sub-title that numbers an episode ("13, series 4") makes it a series episode."""
    episodic = episodic or episodic_subtitle(subtitle)
    base = _classify(title, categories, episodic, flag, bool(subtitle and subtitle.strip()))
    if base.kind not in FILM_KINDS:
        return base  # cached and immutable: shared between airings
    d_year, d_country, d_director = description_hints(description)
    return Detection(
        base.kind,
        base.title,
        base.norm_title,
        year or base.year or d_year,
        country or d_country,
        director or d_director,
        base.part,
    )
