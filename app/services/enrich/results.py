"""What a match leaves in the library: the title row from a provider's details, and the match
(matched, unmatched or failed) with its scored candidates for "choose another"."""

from __future__ import annotations

import json
from typing import Any

from app.core.tasks import run_blocking
from app.providers.meta.models import TitleMeta
from app.services.context import AppContext
from app.services.enrich.matching import Scored
from app.storage import enrich_repo
from app.storage.enrich_repo import FilmWork

KEPT_CANDIDATES = 10


def title_row_from_meta(meta: TitleMeta) -> dict[str, Any]:
    """The titles columns for a provider's title (JSON lists as text)."""

    def js(value: Any) -> str:
        return json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)

    return {
        "id": meta.id,
        "kind": meta.kind if meta.kind in ("film", "series", "anime") else "film",
        "title": meta.title,
        "original_title": meta.original_title,
        "alt_titles": js(meta.alt_titles),
        "year": meta.year,
        "overview": meta.overview,
        "tagline": meta.tagline,
        "runtime": meta.runtime,
        "rating": meta.rating,
        "votes": meta.votes,
        "genres": js(meta.genres),
        "countries": js(meta.countries),
        "original_language": meta.original_language,
        "director": meta.director,
        "cast": js(meta.cast),
        "trailer_url": meta.trailer_url,
        "tmdb_id": meta.tmdb_id,
        "shikimori_id": meta.shikimori_id,
        "imdb_id": meta.imdb_id,
        "extra": js({k: v for k, v in meta.extra.items() if v is not None}),
        "certification": meta.certification,  # issue 15: kids' profiles
        "min_age": meta.min_age,
    }


def _now(services: AppContext) -> int:
    return int(services.clock.now().timestamp())


async def save_matched(
    services: AppContext,
    film_key: str,
    kind: str,
    row: dict[str, Any],
    score: float,
    candidates: list[Any],
) -> None:
    """The film's airings move to the title (placeholder, watchlist and progress follow)."""
    await run_blocking(
        enrich_repo.save_matched,
        services.db,
        film_key,
        kind,
        title_row=row,
        score=score,
        candidates=candidates,
        now=_now(services),
    )


async def save_unmatched(services: AppContext, work: FilmWork, ranked: list[Scored]) -> None:
    """Nothing convinced: the placeholder stays, the best candidates are kept for the user."""
    await run_blocking(
        enrich_repo.save_unmatched,
        services.db,
        work.film_key,
        work.kind,
        score=ranked[0].score if ranked else None,
        candidates=[s.as_json() for s in ranked[:KEPT_CANDIDATES]],
        now=_now(services),
    )


async def save_failed(services: AppContext, work: FilmWork) -> None:
    """A provider failed for this film: it is asked again at the next run."""
    await run_blocking(
        enrich_repo.save_unmatched, services.db, work.film_key, work.kind,
        score=None, candidates=[], now=_now(services), status="failed",
    )  # fmt: skip
