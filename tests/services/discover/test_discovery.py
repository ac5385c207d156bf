"""Discovery against fake TMDB and Shikimori: Home's rows, recommendations by genre affinity,
the search everywhere, and a title that never airs going onto the watchlist."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from app.core.events import DiscoveryDidRefresh
from app.domain.errors import LibraryError
from app.services.discover import everywhere, recommend
from app.services.discover.rows import Discovery
from app.services.library.catalog import CatalogService
from app.services.library.profiles import ProfileService
from app.services.library.progress import LibraryService
from app.storage import discovery_repo, titles_repo
from tests.services.discover.world import World


class Clock:
    def now(self) -> datetime:
        return datetime(2026, 12, 5, 12, 0, tzinfo=UTC)


def _watched(services: Any, title_id: str, title: str, genres: list[str], minutes: int) -> None:
    now = int(services.clock.now().timestamp())
    titles_repo.upsert_titles(
        services.db,
        [{"id": title_id, "kind": "film", "title": title, "genres": json.dumps(genres, ensure_ascii=False),
          "added_at": now, "updated_at": now}],
    )  # fmt: skip
    lib = LibraryService(services)
    entry = lib.start_history(title_id, title_id, title, "http://127.0.0.1:9/x.mp4")
    services.db.execute(
        "UPDATE history SET watched_ms = :ms WHERE id = :id", {"ms": minutes * 60_000, "id": entry}
    )


@pytest.mark.asyncio
async def test_home_rows_come_from_the_providers_and_are_cached(
    services: Any, world: World, monkeypatch
) -> None:
    services.clock = Clock()
    world.configure(services, monkeypatch)
    seen: list[DiscoveryDidRefresh] = []
    services.bus.subscribe(DiscoveryDidRefresh, seen.append)
    report = await Discovery(services).refresh()
    assert set(report.fetched) >= {"popular", "trending", "new", "anime_season"} and not report.failed
    rows = {r.key: r for r in CatalogService(services).discovery_rows()}
    assert rows["popular"].ids == ["tmdb:movie:27205", "tmdb:movie:157336", "tmdb:movie:862"]
    assert rows["trending"].ids == [
        "tmdb:movie:27205",
        "tmdb:movie:155",
        "tmdb:tv:1396",
    ]  # a person is skipped
    assert rows["anime_season"].ids == ["shikimori:anime:52991"]  # fall 2026 only
    assert not rows["popular"].see_all and seen
    inception = CatalogService(services).detail("tmdb:movie:27205")
    assert inception is not None and inception.rating == 8.4 and "фантастика" in inception.genres
    assert inception.poster_path and inception.poster_path.startswith(str(services.paths.data))
    # a second refresh within six hours asks nobody
    before = world.tmdb.counters.requests
    again = await Discovery(services).refresh()
    assert again.fetched == [] and world.tmdb.counters.requests == before


@pytest.mark.asyncio
async def test_a_failing_provider_keeps_its_row_and_says_why(
    services: Any, world: World, monkeypatch
) -> None:
    services.clock = Clock()
    world.configure(services, monkeypatch)
    await Discovery(services).refresh()
    monkeypatch.setenv("CINEMA_TMDB_TOKEN", "wrong")
    services.providers.get("tmdb")._token = None  # type: ignore[union-attr]
    report = await Discovery(services).refresh(force=True)
    assert "popular" in report.failed and "TMDB refused the token" in report.failed["popular"]
    assert "anime_season" in report.fetched  # Shikimori needs no key
    stored = discovery_repo.rows(services.db, services.profile_id)
    assert len(stored["popular"].items) == 3 and "refused" in (stored["popular"].error or "")


@pytest.mark.asyncio
async def test_recommendations_follow_what_the_profile_watched(
    services: Any, world: World, monkeypatch
) -> None:
    services.clock = Clock()
    world.configure(services, monkeypatch)
    _watched(services, "tmdb:movie:27205", "Начало", ["боевик", "фантастика"], 140)
    _watched(services, "tmdb:movie:862", "История игрушек", ["мультфильм", "комедия"], 20)
    picks = await Discovery(services).recommend()
    ids = [p.candidate.id for p in picks]
    # Inception's recommendations and similar ones first; The Matrix is related to both seeds
    assert ids[0] == "tmdb:movie:603" and set(ids) == {
        "tmdb:movie:603",
        "tmdb:movie:157336",
        "tmdb:movie:155",
    }
    assert "tmdb:movie:27205" not in ids  # what was watched is not recommended
    rows = {r.key: r for r in CatalogService(services).discovery_rows()}
    assert rows["recommended"].ids == ids
    because = [r for r in rows.values() if r.key.startswith("because:")]
    assert {r.label for r in because} == {"Начало", "История игрушек"}
    # another profile has its own (none yet)
    ProfileService(services).switch(ProfileService(services).create("Guest").id)
    assert "recommended" not in {r.key for r in CatalogService(services).discovery_rows()}


def test_genre_affinity_weights_the_ranking() -> None:
    from app.providers.meta.models import Candidate

    seeds = [recommend.Seed("tmdb:movie:1", "A", 3_600_000, ("драма",), True)]
    comedy = Candidate(id="tmdb:movie:2", kind="film", title="Comedy", genres=("комедия",))
    drama = Candidate(id="tmdb:movie:3", kind="film", title="Drama", genres=("Драма",))
    picks = recommend.rank({"tmdb:movie:1": [comedy, drama]}, seeds, set())
    assert [p.candidate.id for p in picks] == ["tmdb:movie:3", "tmdb:movie:2"]  # the drama jumps ahead
    assert picks[0].reason == "tmdb:movie:1"


@pytest.mark.asyncio
async def test_everywhere_then_a_title_that_never_airs_goes_on_the_watchlist(
    services: Any, world: World, monkeypatch
) -> None:
    services.clock = Clock()
    world.configure(services, monkeypatch)
    found = await everywhere.search(services, "Стальной алхимик")
    assert [c.id for c in found.hits] == ["shikimori:anime:5114"] and not found.failed
    assert found.posters["shikimori:anime:5114"]
    found = await everywhere.search(services, "Матрица")
    hit = found.hits[0]
    assert hit.id == "tmdb:movie:603" and CatalogService(services).detail(hit.id) is None  # not stored yet
    title_id = await everywhere.open_hit(services, hit)
    catalog = CatalogService(services)
    detail = catalog.detail(title_id)
    assert detail is not None and detail.airings == () and detail.overview is not None
    catalog.set_in_watchlist(title_id, True)
    assert catalog.extras(title_id).in_watchlist
    row = services.db.execute("SELECT certification, min_age FROM titles WHERE id = :id", {"id": title_id})
    assert row == [(None, None)]  # the fake has no rating for The Matrix: kids will not see it
    alchemist = await everywhere.open_hit(services, (await everywhere.search(services, "алхимик")).hits[0])
    row = services.db.execute("SELECT certification, min_age FROM titles WHERE id = :id", {"id": alchemist})
    assert row == [("Shikimori R", 17)]


@pytest.mark.asyncio
async def test_kids_profiles_do_not_search_everywhere_and_see_rated_titles_only(
    services: Any, world: World, monkeypatch
) -> None:
    services.clock = Clock()
    world.configure(services, monkeypatch)
    await Discovery(services).refresh()
    for tid in ("tmdb:movie:862", "tmdb:movie:155"):
        found = await everywhere.search(
            services, {"tmdb:movie:862": "История игрушек", "tmdb:movie:155": "Тёмный рыцарь"}[tid]
        )
        await everywhere.open_hit(services, next(c for c in found.hits if c.id == tid))
    profiles = ProfileService(services)
    profiles.switch(profiles.create("Kid", kids=True, max_age=6).id)
    rows = {r.key: r for r in CatalogService(services).discovery_rows()}
    assert rows["popular"].ids == ["tmdb:movie:862"]  # rated 0+; the others are unrated or older
    assert rows["trending"].ids == []
    with pytest.raises(LibraryError, match="kids"):
        await everywhere.search(services, "Матрица")
