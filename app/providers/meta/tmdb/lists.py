"""TMDB's lists for discovery (issue 15): popular, trending this week, new releases, and the
recommendations and similar titles of one title; genre ids named from /genre/{media}/list."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TYPE_CHECKING, Any

from app.domain.errors import BadFeed, NotFound
from app.providers.meta.models import Candidate
from app.providers.meta.tmdb.parse import candidate_from_item, image_url

if TYPE_CHECKING:
    from app.providers.meta.tmdb.client import TmdbClient
    from app.providers.meta.tmdb.provider import TmdbProvider

# list name -> (path, the medium its items are when they do not say)
LISTS: dict[str, tuple[str, str]] = {
    "popular": ("/movie/popular", "movie"),
    "trending": ("/trending/all/week", "movie"),
    "new": ("/movie/now_playing", "movie"),
}


async def genre_names(provider: TmdbProvider, media: str, language: str) -> dict[int, str]:
    """TMDB's genre ids of ``media`` with their names in ``language`` (asked once per run)."""
    key = (media, language)
    if key not in provider.genre_cache:
        try:
            data = await provider._call(
                language, lambda c: c.get(f"/genre/{media}/list", {"language": language})
            )
        except NotFound:
            data = {}
        names: dict[int, str] = {}
        for g in data.get("genres") or () if isinstance(data, dict) else ():
            if isinstance(g, dict) and isinstance(g.get("id"), int) and isinstance(g.get("name"), str):
                names[g["id"]] = g["name"]
        provider.genre_cache[key] = names
    return provider.genre_cache[key]


async def _candidates(
    provider: TmdbProvider, data: Any, media: str, language: str, limit: int
) -> list[Candidate]:
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise BadFeed("TMDB list answer has no results list")
    images = await provider._images(language)
    out: list[Candidate] = []
    for item in data["results"]:
        if not isinstance(item, dict):
            continue
        cand = candidate_from_item(item, media, images)
        if cand is None:
            continue  # people in trending, broken items
        item_media = item.get("media_type", media)
        names = await genre_names(provider, item_media, language)
        rating = item.get("vote_average")
        overview = item.get("overview")
        out.append(
            _with(
                cand,
                rating=float(rating) if isinstance(rating, int | float) and rating > 0 else None,
                overview=overview if isinstance(overview, str) and overview else None,
                genres=tuple(names[g] for g in cand.genre_ids if g in names),
                backdrop_url=image_url(images, "w1280", item.get("backdrop_path")),
            )
        )
        if len(out) >= limit:
            break
    return out


def _with(cand: Candidate, **changes: Any) -> Candidate:
    from dataclasses import replace

    return replace(cand, **changes)


async def listing(provider: TmdbProvider, name: str, language: str, limit: int) -> list[Candidate]:
    if name not in LISTS:
        raise NotFound(f"TMDB has no list called {name!r}")
    path, media = LISTS[name]
    params: dict[str, Any] = {"language": language, "page": 1}
    if name in ("popular", "new"):
        params["region"] = language.rsplit("-", maxsplit=1)[-1].upper() if "-" in language else None
    data = await provider._call(language, lambda c: c.get(path, params))
    return await _candidates(provider, data, media, language, limit)


async def related(provider: TmdbProvider, title_id: str, language: str, limit: int) -> list[Candidate]:
    """The title's recommendations, topped up with similar titles (no title twice)."""
    from app.providers.meta.tmdb.provider import split_id

    media, tmdb_id = split_id(title_id)
    found: list[Candidate] = []
    seen = {title_id}
    for kind in ("recommendations", "similar"):
        path = f"/{media}/{tmdb_id}/{kind}"

        def fetch(c: TmdbClient, p: str = path) -> Awaitable[Any]:
            return c.get(p, {"language": language, "page": 1})

        data = await provider._call(language, fetch)
        for cand in await _candidates(provider, data, media, language, limit):
            if cand.id not in seen:
                seen.add(cand.id)
                found.append(cand)
        if len(found) >= limit:
            break
    return found[:limit]
