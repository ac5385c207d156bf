"""Shikimori JSON (string scores, site-relative images, BB-code descriptions) into our shapes."""

from __future__ import annotations

import re
from typing import Any

from app.domain.errors import BadFeed
from app.domain.profiles import age_of
from app.providers.meta.models import Candidate, TitleMeta, year_of

_BBCODE = re.compile(r"\[/?[a-z_]+(?:=[^\]]*)?\]")


def absolute(origin: str, path: Any) -> str | None:
    """Site-relative image paths get the origin; the "missing" placeholder is no poster."""
    if not isinstance(path, str) or not path or "missing_" in path:
        return None
    if path.startswith(("http://", "https://")):
        return path
    return f"{origin.rstrip('/')}/{path.lstrip('/')}"


def _score(value: Any) -> float | None:
    try:
        score = float(value)
    except (TypeError, ValueError):
        return None
    return score if score > 0 else None


def _names(values: Any) -> tuple[str, ...]:
    return tuple(v for v in values or () if isinstance(v, str) and v)


def _kind(item: dict[str, Any]) -> str:
    return "film" if item.get("kind") == "movie" else "anime"


def candidate_from_item(item: dict[str, Any], origin: str) -> Candidate | None:
    if not isinstance(item.get("id"), int):
        return None
    name = item.get("name") if isinstance(item.get("name"), str) else None
    russian = item.get("russian") if isinstance(item.get("russian"), str) else None
    title = russian or name
    if not title:
        return None
    raw_image = item.get("image")
    image: dict[str, Any] = raw_image if isinstance(raw_image, dict) else {}
    return Candidate(
        id=f"shikimori:anime:{item['id']}",
        kind="anime",
        title=title,
        original_title=name,
        alt_titles=_names(item.get("english")) + _names(item.get("synonyms")) + _names(item.get("japanese")),
        year=year_of(item.get("aired_on")),
        original_language="ja",
        countries=("JP",),
        votes=0,
        poster_url=absolute(origin, image.get("original")),
        runtime=item.get("duration")
        if isinstance(item.get("duration"), int) and item["duration"] > 0
        else None,
    )


def candidates_from_search(items: list[dict[str, Any]], origin: str) -> list[Candidate]:
    out = [candidate_from_item(item, origin) for item in items]
    return [c for c in out if c is not None]


def meta_from_details(data: dict[str, Any], origin: str) -> TitleMeta:
    cand = candidate_from_item(data, origin)
    if cand is None:
        raise BadFeed("Shikimori details without id or name")
    rating = data.get("rating")
    min_age = age_of("SHIKIMORI", rating) if isinstance(rating, str) else None  # g, pg, pg_13, r ...
    description = data.get("description")
    overview = _BBCODE.sub("", description).strip() if isinstance(description, str) else None
    studios = tuple(s.get("name") for s in data.get("studios") or () if isinstance(s, dict) and s.get("name"))
    genres = tuple(
        str(g.get("russian") or g.get("name"))
        for g in data.get("genres") or ()
        if isinstance(g, dict) and (g.get("russian") or g.get("name"))
    )
    extra = {
        "score": _score(data.get("score")),
        "episodes": data.get("episodes") or None,
        "episodes_aired": data.get("episodes_aired") or None,
        "next_episode_at": data.get("next_episode_at") or None,  # issue 16: an ongoing anime's next
        "status": data.get("status"),
        "kind": data.get("kind"),
        "studios": list(studios),
        "russian": data.get("russian") or None,
        "myanimelist_id": data.get("myanimelist_id"),
        "rating": data.get("rating"),
        "url": absolute(origin, data.get("url")),
    }
    return TitleMeta(
        id=cand.id,
        kind="anime",
        title=cand.title,
        original_title=cand.original_title,
        alt_titles=cand.alt_titles,
        year=cand.year,
        overview=overview or None,
        runtime=cand.runtime,
        rating=_score(data.get("score")),
        genres=genres,
        countries=("JP",),
        original_language="ja",
        shikimori_id=int(data["id"]),
        poster_url=cand.poster_url,
        extra=extra,
        certification=f"Shikimori {data['rating'].upper().replace('_', '-')}"
        if min_age is not None
        else None,
        min_age=min_age,
    )
