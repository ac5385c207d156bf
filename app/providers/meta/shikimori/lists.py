"""Shikimori's lists for discovery (issue 15): this season's anime, the most popular ones, and
the titles similar to one anime."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from app.domain.errors import BadFeed, NotFound
from app.providers.meta.models import Candidate
from app.providers.meta.shikimori.parse import _score, candidate_from_item

if TYPE_CHECKING:
    from app.providers.meta.shikimori.client import ShikimoriClient

KINDS = "tv,movie,ona"  # not specials, music videos or adverts


def season_of(day: date) -> str:
    """Shikimori's season parameter: winter (Jan-Mar), spring, summer, fall (Oct-Dec) + year."""
    name = ("winter", "spring", "summer", "fall")[(day.month - 1) // 3]
    return f"{name}_{day.year}"


def _candidates(data: Any, origin: str, limit: int) -> list[Candidate]:
    if not isinstance(data, list):
        raise BadFeed("Shikimori list answer is not a list")
    out: list[Candidate] = []
    for item in data:
        if not isinstance(item, dict):
            continue
        cand = candidate_from_item(item, origin)
        if cand is None:
            continue
        from dataclasses import replace

        out.append(replace(cand, rating=_score(item.get("score"))))
        if len(out) >= limit:
            break
    return out


async def listing(
    client: ShikimoriClient, name: str, limit: int, today: date | None = None
) -> list[Candidate]:
    params: dict[str, Any] = {"limit": min(50, limit), "order": "popularity", "kind": KINDS}
    if name == "season":
        params["season"] = season_of(today or datetime.now(UTC).date())
    elif name != "popular":
        raise NotFound(f"Shikimori has no list called {name!r}")
    return _candidates(await client.get("/api/animes", params), client.base_url, limit)


async def related(client: ShikimoriClient, title_id: str, limit: int) -> list[Candidate]:
    prefix, _, raw = title_id.rpartition(":")
    if not prefix.startswith("shikimori:") or not raw.isdigit():
        raise NotFound(f"not a Shikimori title id: {title_id}")
    return _candidates(await client.get(f"/api/animes/{raw}/similar"), client.base_url, limit)
