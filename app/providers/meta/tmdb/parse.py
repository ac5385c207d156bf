"""TMDB JSON (search, find, details with appended credits/videos/...) into candidates and titles."""

from __future__ import annotations

from typing import Any

from app.domain.errors import BadFeed
from app.domain.profiles import pick_certification
from app.domain.series import Episode
from app.providers.meta.models import Candidate, TitleMeta, year_of

ANIMATION_GENRE = 16
POSTER_SIZE = "w500"
BACKDROP_SIZE = "w1280"
TOP_CAST = 10


def image_url(image_base: str, size: str, path: Any) -> str | None:
    if not isinstance(path, str) or not path:
        return None
    return f"{image_base.rstrip('/')}/{size}{path if path.startswith('/') else '/' + path}"


def image_base_from_configuration(config: dict[str, Any], fallback: str) -> str:
    images = config.get("images")
    if isinstance(images, dict):
        base = images.get("secure_base_url") or images.get("base_url")
        if isinstance(base, str) and base:
            return base
    return fallback


def _strs(items: Any, key: str) -> tuple[str, ...]:
    out: list[str] = []
    if isinstance(items, list):
        for item in items:
            value = item.get(key) if isinstance(item, dict) else None
            if isinstance(value, str) and value and value not in out:
                out.append(value)
    return tuple(out)


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _results(data: dict[str, Any]) -> list[dict[str, Any]]:
    results = data.get("results")
    if not isinstance(results, list):
        raise BadFeed("TMDB search answer has no results list")
    return [r for r in results if isinstance(r, dict) and isinstance(r.get("id"), int)]


def candidate_from_item(item: dict[str, Any], media: str, image_base: str) -> Candidate | None:
    media = item.get("media_type", media)
    if media not in ("movie", "tv") or not isinstance(item.get("id"), int):
        return None
    is_movie = media == "movie"
    title = item.get("title" if is_movie else "name") or item.get(
        "original_title" if is_movie else "original_name"
    )
    if not isinstance(title, str) or not title:
        return None
    original = item.get("original_title" if is_movie else "original_name")
    genre_ids = tuple(g for g in item.get("genre_ids") or () if isinstance(g, int))
    countries = tuple(c for c in item.get("origin_country") or () if isinstance(c, str))
    return Candidate(
        id=f"tmdb:{media}:{item['id']}",
        kind="film" if is_movie else "series",
        title=title,
        original_title=original if isinstance(original, str) else None,
        year=year_of(item.get("release_date" if is_movie else "first_air_date")),
        original_language=item.get("original_language") or None,
        countries=countries,
        genre_ids=genre_ids,
        popularity=float(item.get("popularity") or 0.0),
        votes=int(item.get("vote_count") or 0),
        poster_url=image_url(image_base, "w342", item.get("poster_path")),
    )


def candidates_from_search(data: dict[str, Any], media: str, image_base: str) -> list[Candidate]:
    out = [candidate_from_item(item, media, image_base) for item in _results(data)]
    return [c for c in out if c is not None]


def candidates_from_find(data: dict[str, Any], image_base: str) -> list[Candidate]:
    out: list[Candidate] = []
    for key, media in (("movie_results", "movie"), ("tv_results", "tv")):
        for item in data.get(key) or ():
            if isinstance(item, dict):
                cand = candidate_from_item(item, media, image_base)
                if cand is not None:
                    out.append(cand)
    return out


def _trailer(videos: Any) -> str | None:
    results = _dict(videos).get("results")
    best: tuple[int, str] | None = None
    for video in results or ():
        if not isinstance(video, dict) or video.get("site") != "YouTube" or not video.get("key"):
            continue
        rank = {"Trailer": 0, "Teaser": 2}.get(str(video.get("type")), 4) + (
            0 if video.get("official") else 1
        )
        if best is None or rank < best[0]:
            best = (rank, str(video["key"]))
    return f"https://www.youtube.com/watch?v={best[1]}" if best else None


def certifications(data: dict[str, Any]) -> dict[str, list[str]]:
    """{country: certifications} from appended ``release_dates`` (films) or ``content_ratings``
    (series); theatrical releases first (release type 3)."""
    found: dict[str, list[str]] = {}
    for block, key in (("release_dates", "release_dates"), ("content_ratings", None)):
        for entry in _dict(data.get(block)).get("results") or ():
            if not isinstance(entry, dict) or not isinstance(entry.get("iso_3166_1"), str):
                continue
            country = entry["iso_3166_1"].upper()
            if key is None:
                rating = entry.get("rating")
                values = [rating] if isinstance(rating, str) else []
            else:
                dates = sorted(
                    (d for d in entry.get(key) or () if isinstance(d, dict)), key=lambda d: d.get("type") != 3
                )
                values = [d["certification"] for d in dates if isinstance(d.get("certification"), str)]
            found.setdefault(country, []).extend(v.strip() for v in values if v.strip())
    return found


def meta_from_details(data: dict[str, Any], media: str, image_base: str) -> TitleMeta:
    """A full title from ``/movie/{id}`` or ``/tv/{id}`` with appended sub-resources."""
    if not isinstance(data.get("id"), int):
        raise BadFeed("TMDB details without an id")
    is_movie = media == "movie"
    title = data.get("title" if is_movie else "name") or data.get(
        "original_title" if is_movie else "original_name"
    )
    if not isinstance(title, str) or not title:
        raise BadFeed("TMDB details without a title")
    credits = _dict(data.get("credits"))
    cast_items = sorted(
        (c for c in credits.get("cast") or () if isinstance(c, dict)),
        key=lambda c: c.get("order", 999),
    )
    crew = [c for c in credits.get("crew") or () if isinstance(c, dict) and c.get("job") == "Director"]
    directors = _strs(crew, "name") or _strs(data.get("created_by"), "name")
    alt_block = _dict(data.get("alternative_titles"))
    alt_titles = _strs(alt_block.get("titles") or alt_block.get("results"), "title")
    if is_movie:
        countries = _strs(data.get("production_countries"), "iso_3166_1") or tuple(
            data.get("origin_country") or ()
        )
        runtime = data.get("runtime") or None
    else:
        countries = tuple(c for c in data.get("origin_country") or () if isinstance(c, str))
        runs = [r for r in data.get("episode_run_time") or () if isinstance(r, int) and r > 0]
        runtime = runs[0] if runs else None
    external = _dict(data.get("external_ids"))
    imdb = data.get("imdb_id") or external.get("imdb_id") or None
    genre_ids = [g.get("id") for g in data.get("genres") or () if isinstance(g, dict)]
    language = data.get("original_language") or None
    original = data.get("original_title" if is_movie else "original_name")
    extra: dict[str, Any] = {}
    recs = data.get("recommendations")
    if isinstance(recs, dict) and isinstance(recs.get("results"), list):
        extra["recommendations"] = [
            f"tmdb:{r.get('media_type', media)}:{r['id']}"
            for r in recs["results"][:10]
            if isinstance(r, dict) and isinstance(r.get("id"), int)
        ]
    if not is_movie:
        extra["seasons"] = data.get("number_of_seasons")
        extra["episodes"] = data.get("number_of_episodes")
        extra["status"] = data.get("status")
    certified = pick_certification(certifications(data))
    return TitleMeta(
        id=f"tmdb:{media}:{data['id']}",
        kind="film" if is_movie else "series",
        title=title,
        original_title=original if isinstance(original, str) else None,
        alt_titles=alt_titles,
        year=year_of(data.get("release_date" if is_movie else "first_air_date")),
        overview=(data.get("overview") or None),
        tagline=(data.get("tagline") or None),
        runtime=int(runtime) if isinstance(runtime, int) else None,
        rating=float(data["vote_average"]) if isinstance(data.get("vote_average"), (int, float)) else None,
        votes=int(data["vote_count"]) if isinstance(data.get("vote_count"), int) else None,
        genres=_strs(data.get("genres"), "name"),
        countries=tuple(str(c) for c in countries),
        original_language=language,
        director=", ".join(directors[:2]) or None,
        cast=_strs(cast_items, "name")[:TOP_CAST],
        trailer_url=_trailer(data.get("videos")),
        tmdb_id=int(data["id"]),
        imdb_id=imdb if isinstance(imdb, str) else None,
        poster_url=image_url(image_base, POSTER_SIZE, data.get("poster_path")),
        backdrop_url=image_url(image_base, BACKDROP_SIZE, data.get("backdrop_path")),
        is_japanese_animation=ANIMATION_GENRE in genre_ids and (language == "ja" or "JP" in countries),
        extra=extra,
        certification=certified[0] if certified else None,
        min_age=certified[1] if certified else None,
    )


def season_numbers(details: dict[str, Any]) -> list[int]:
    """The season numbers a ``/tv/{id}`` answer lists (``seasons[].season_number``), in order."""
    found = {
        int(s["season_number"])
        for s in details.get("seasons") or ()
        if isinstance(s, dict) and isinstance(s.get("season_number"), int) and s["season_number"] >= 0
    }
    return sorted(found)


def episodes_from_season(data: dict[str, Any], title_id: str, image_base: str) -> list[Episode]:
    """The episodes of a ``/tv/{id}/season/{n}`` answer; entries without a number are skipped."""
    out = []
    season = data.get("season_number")
    for e in data.get("episodes") or ():
        if not isinstance(e, dict) or not isinstance(e.get("episode_number"), int) or e["episode_number"] < 1:
            continue
        number_of_season = e.get("season_number", season)
        if not isinstance(number_of_season, int) or number_of_season < 0:
            continue
        runtime = e.get("runtime")
        out.append(
            Episode(
                title_id=title_id,
                season=number_of_season,
                number=e["episode_number"],
                name=str(e["name"]) if e.get("name") else None,
                overview=str(e["overview"]) if e.get("overview") else None,
                air_date=str(e["air_date"]) if e.get("air_date") else None,
                runtime=runtime if isinstance(runtime, int) and runtime > 0 else None,
                still_path=image_url(image_base, "w300", e.get("still_path")),
                tmdb_id=e["id"] if isinstance(e.get("id"), int) else None,
            )
        )
    return out
