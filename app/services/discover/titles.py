"""Titles found outside the guide, into the library: a list item as a title row (with its
poster), or a title's full details when it is opened (then it can be watchlisted and searched
for sources like any other)."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Sequence
from typing import Any

from app.core.tasks import run_blocking
from app.domain.errors import CinemaError
from app.providers.meta.models import Candidate
from app.services.context import AppContext
from app.services.enrich.artwork import Artwork
from app.services.enrich.results import title_row_from_meta
from app.storage import discovery_repo, enrich_repo, titles_repo

log = logging.getLogger(__name__)
POSTER_WORKERS = 4


def row_from_candidate(cand: Candidate, now: int) -> dict[str, Any]:
    namespace = cand.id.split(":", 1)[0]
    raw = cand.id.rsplit(":", 1)[-1]
    return {
        "id": cand.id,
        "kind": cand.kind if cand.kind in ("film", "series", "anime") else "film",
        "title": cand.title,
        "original_title": cand.original_title,
        "year": cand.year,
        "overview": cand.overview,
        "rating": cand.rating,
        "votes": cand.votes or None,
        "genres": json.dumps(list(cand.genres), ensure_ascii=False) if cand.genres else None,
        "countries": json.dumps(list(cand.countries), ensure_ascii=False) if cand.countries else None,
        "original_language": cand.original_language,
        "tmdb_id": int(raw) if namespace == "tmdb" and raw.isdigit() else None,
        "shikimori_id": int(raw) if namespace == "shikimori" and raw.isdigit() else None,
        "poster_origin": None,
        "added_at": now,
        "updated_at": now,
    }


async def store(context: AppContext, candidates: Sequence[Candidate], *, posters: bool = True) -> None:
    """Add the candidates the library lacks, then fetch the posters still missing (a few at once)."""
    now = int(context.clock.now().timestamp())
    rows = [row_from_candidate(c, now) for c in candidates]
    await run_blocking(discovery_repo.store_titles, context.db, rows)
    if not posters:
        return
    missing = set(await run_blocking(discovery_repo.without_posters, context.db, [c.id for c in candidates]))
    wanted = [c for c in candidates if c.id in missing and c.poster_url]
    if not wanted:
        return
    artwork = Artwork(context)
    gate = asyncio.Semaphore(POSTER_WORKERS)

    async def one(cand: Candidate) -> None:
        async with gate:
            try:
                stored = await artwork.image(cand.poster_url or "")
            except CinemaError as exc:
                log.info("no poster for %s: %s", cand.id, exc)
                return
            if stored is not None:
                origin = cand.id.split(":", 1)[0]
                await run_blocking(
                    enrich_repo.set_title_poster, context.db, cand.id, stored.path, stored.thumb, origin
                )

    await asyncio.gather(*(one(c) for c in wanted))


async def fetch_details(context: AppContext, title_id: str) -> str:
    """Fill a discovered title with its provider's details (overview, people, age rating,
    backdrop) so that its page, the watchlist and the sources search have all they need."""
    providers = context.providers.meta_details(title_id)
    if not providers:
        return title_id
    meta = await providers[0].details(title_id, context.settings.metadata_language)
    now = int(context.clock.now().timestamp())
    row = {**title_row_from_meta(meta), "updated_at": now, "added_at": now}
    existing = await run_blocking(enrich_repo.title_row, context.db, title_id)
    if existing and existing.get("poster_path"):
        row.update(poster_path=existing["poster_path"], poster_thumb=existing.get("poster_thumb"),
                   poster_origin=existing.get("poster_origin"))  # fmt: skip
    else:
        artwork = Artwork(context)
        if meta.poster_url:
            stored = await artwork.image(meta.poster_url)
            if stored is not None:
                origin = title_id.split(":", maxsplit=1)[0]
                row.update(poster_path=stored.path, poster_thumb=stored.thumb, poster_origin=origin)
    if meta.backdrop_url and not (existing and existing.get("backdrop_path")):
        backdrop = await Artwork(context).image(meta.backdrop_url)
        if backdrop is not None:
            row["backdrop_path"] = backdrop.path
    await run_blocking(titles_repo.upsert_titles, context.db, [row])
    return title_id
