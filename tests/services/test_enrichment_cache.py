"""Enrichment over time: cache TTLs (search 7 d, details 30 d, not found 1 d), retrying
unmatched films after a day, anime from Shikimori, the guide's preview for unmatched films."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from app.core.clock import FixedClock
from app.net.ratelimit import RateLimiter
from app.services.enrich.enricher import Enricher
from app.storage import enrich_repo
from app.storage.cache_repo import DETAILS_TTL, NOT_FOUND_TTL, SEARCH_TTL, cache_get, cache_put
from tests.services.test_enrichment import World, configure, seed

DAY = 86_400


def test_cache_ttls(services: Any) -> None:
    assert (SEARCH_TTL, DETAILS_TTL, NOT_FOUND_TTL) == (7 * DAY, 30 * DAY, DAY)
    db = services.db
    cache_put(db, "tmdb", "k", {"a": [1, "ё"]}, now=1000, ttl=SEARCH_TTL)
    cache_put(db, "tmdb", "gone", None, now=1000, ttl=NOT_FOUND_TTL, status="not_found")
    hit = cache_get(db, "tmdb", "k", 1000 + SEARCH_TTL - 1)
    assert hit is not None and hit.value == {"a": [1, "ё"]} and hit.status == "ok"
    assert cache_get(db, "tmdb", "k", 1000 + SEARCH_TTL) is None
    missing = cache_get(db, "tmdb", "gone", 1000 + DAY - 1)
    assert missing is not None and missing.status == "not_found" and missing.value is None
    assert cache_get(db, "tmdb", "gone", 1000 + DAY) is None
    assert cache_get(db, "shikimori", "k", 1000) is None  # providers do not share keys


@pytest.mark.asyncio
async def test_unmatched_retried_after_a_day_from_cache_then_search_expires(
    services: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = World()
    clock = FixedClock(datetime(2026, 11, 21, 12, tzinfo=UTC))
    services.clock = clock
    try:
        configure(services, world, monkeypatch)
        seed(services, [f for f in _films() if f["film_key"] == "восемнадцать лун|2002"])
        first = await Enricher(services, fetch_posters=False).run()
        assert first.unmatched == 1 and first.requests >= 2  # configuration + searches
        clock.advance(DAY / 2)
        assert (await Enricher(services, fetch_posters=False).run()).total == 0  # not due yet
        clock.advance(DAY / 2 + 1)
        again = await Enricher(services, fetch_posters=False).run()
        assert again.total == 1 and again.unmatched == 1
        assert again.requests == 0 and again.cache_hits >= 2  # searches are cached for a week
        clock.advance(7 * DAY)
        later = await Enricher(services, fetch_posters=False).run()
        assert later.total == 1 and later.requests >= 1  # the week is over: ask again
    finally:
        world.stop()


def _films() -> list[dict[str, Any]]:
    from tests.services.test_enrichment import FILMS

    return FILMS


@pytest.mark.asyncio
async def test_anime_from_shikimori_and_preview_for_unmatched(
    services: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = World()
    try:
        configure(services, world, monkeypatch)
        films = [
            {"film_key": "унесенные призраками|2001", "title": "Унесённые призраками", "kind": "anime",
             "year_hint": 2001, "duration_min": 140},
            {"film_key": "местный фильм|2020", "title": "х/ф Местный фильм", "year_hint": 2020,
             "icon": f"{world.posters.base_url}/guide/icons/local.jpg"},
            {"film_key": "другой фильм|2021", "title": "х/ф Другой фильм", "year_hint": 2021,
             "icon": "picons/relative.png"},
        ]  # fmt: skip
        seed(services, films)
        fast = RateLimiter([(1000, 1.0)])
        services.providers.get("shikimori").limiter = fast
        summary = await Enricher(services).run()
        assert summary.matched == 1 and summary.unmatched == 2 and summary.failed == 0
        assert summary.matched_ids == {"унесенные призраками|2001": "shikimori:anime:199"}
        row = enrich_repo.title_row(services.db, "shikimori:anime:199")
        assert row is not None and row["kind"] == "anime" and row["shikimori_id"] == 199
        assert (
            row["title"] == "Унесённые призраками"
            and row["original_title"] == "Sen to Chihiro no Kamikakushi"
        )
        extra = json.loads(row["extra"])
        assert (
            extra["score"] == 8.78
            and extra["studios"] == ["Studio Ghibli"]
            and extra["russian"] == "Унесённые призраками"
        )
        assert row["overview"] == "Описание с BB-кодом."  # BB-code stripped
        assert row["poster_origin"] == "shikimori" and (services.paths.data / row["poster_thumb"]).is_file()
        assert "/system/animes/original/199.jpg" in world.shiki.counters.paths
        placeholder = enrich_repo.title_row(services.db, "epg:film:местный фильм|2020")
        assert placeholder is not None and placeholder["poster_origin"] == "preview"
        assert (services.paths.data / placeholder["poster_path"]).is_file()
    finally:
        world.stop()


@pytest.mark.asyncio
async def test_an_answer_of_the_wrong_shape_is_not_cached(
    services: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.fakes.tmdb_server import Faults

    world = World(Faults(wrong_shape_paths=("/search/movie",)))
    try:
        configure(services, world, monkeypatch)
        seed(services, [f for f in _films() if f["film_key"] == "начало|2010"])
        first = await Enricher(services, fetch_posters=False).run()
        assert first.failed == 1 and first.matched == 0  # a wrong shape is an error ...
        with services.db.engine.connect() as conn:
            query = "SELECT key FROM provider_cache WHERE provider = 'tmdb' AND key LIKE 'search%'"
            keys = [r[0] for r in conn.exec_driver_sql(query)]
        assert keys == []  # ... and nothing of it is kept
        world.tmdb.faults.wrong_shape_paths = ()
        second = await Enricher(services, fetch_posters=False).run()
        assert second.matched == 1 and second.requests > 0  # asked again, not served from cache
    finally:
        world.stop()


@pytest.mark.asyncio
async def test_force_asks_the_providers_again_instead_of_the_cache(
    services: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 19 item 3: `enrich --force` re-matches from fresh answers. A cached search that says
    'not found' (as a wrong answer once cached would) is not read; the fresh answer replaces it."""
    world = World()
    try:
        configure(services, world, monkeypatch)
        seed(services, [f for f in _films() if f["film_key"] == "начало|2010"])
        first = await Enricher(services, fetch_posters=False).run()
        assert first.matched == 1
        with services.db.engine.begin() as conn:
            conn.exec_driver_sql(
                "UPDATE provider_cache SET status = 'not_found', value = NULL "
                "WHERE provider = 'tmdb' AND key LIKE 'search%'"
            )
        before = len(world.tmdb.counters.paths)
        forced = await Enricher(services, fetch_posters=False).run(force=True)
        assert forced.matched == 1 and forced.cache_hits == 0
        assert any(p.startswith("/search/movie") for p in world.tmdb.counters.paths[before:])
        with services.db.engine.connect() as conn:
            statuses = {
                r[0]
                for r in conn.exec_driver_sql(
                    "SELECT status FROM provider_cache WHERE provider = 'tmdb' AND key LIKE 'search%'"
                )
            }
        assert statuses == {"ok"}  # the fresh answer replaced the stale one
    finally:
        world.stop()
