# ruff: noqa: E501
"""Enrichment end to end against fake TMDB, Shikimori and poster servers on 127.0.0.1."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.services.enrich.enricher import Enricher, EnrichmentDidFinish
from app.storage import enrich_repo
from tests.fakes.poster_server import PosterServer
from tests.fakes.shikimori_server import FakeShikimori
from tests.fakes.tmdb_server import GOOD_TOKEN, FakeTmdb, Faults

MOVIES: list[dict[str, Any]] = [
    {"id": 27205, "title": "Начало", "original_title": "Inception", "year": 2010, "runtime": 148,
     "countries": ["US", "GB"], "directors": ["Christopher Nolan"], "poster_path": "/inception.jpg",
     "backdrop_path": "/inception_bd.jpg", "imdb_id": "tt1375666", "popularity": 80.0,
     "vote_count": 30000, "vote_average": 8.4, "overview": "Кобб — талантливый вор.",
     "tagline": "Твой разум — место преступления", "cast": ["Леонардо ДиКаприо", "Том Харди"]},
    {"id": 593, "title": "Солярис", "original_title": "Солярис", "year": 1972, "runtime": 167,
     "countries": ["SU"], "directors": ["Андрей Тарковский"], "original_language": "ru",
     "poster_path": "/solaris72.jpg", "popularity": 20.0, "vote_count": 1500},
    {"id": 2103, "title": "Солярис", "original_title": "Solaris", "year": 2002, "runtime": 99,
     "countries": ["US"], "directors": ["Steven Soderbergh"], "poster_path": "/solaris02.jpg",
     "popularity": 15.0, "vote_count": 1300},
    {"id": 129, "title": "Унесённые призраками", "original_title": "千と千尋の神隠し", "year": 2001,
     "runtime": 125, "countries": ["JP"], "directors": ["Хаяо Миядзаки"], "genre_ids": [16, 14],
     "original_language": "ja", "poster_path": "/spirited.jpg", "popularity": 90.0, "vote_count": 15000},
    {"id": 777, "title": "Экипаж машины боевой", "original_title": "Экипаж машины боевой", "year": 1983,
     "runtime": 79, "countries": ["SU"], "directors": ["Виктор Туров"], "original_language": "ru",
     "overview": "", "overview_en": "A tank crew in 1941.", "poster_path": "/missing.jpg",
     "popularity": 2.0, "vote_count": 12},
]  # fmt: skip
ANIMES = [
    {"id": 199, "name": "Sen to Chihiro no Kamikakushi", "russian": "Унесённые призраками",
     "kind": "movie", "year": 2001, "score": "8.78", "episodes": 1, "studio": "Studio Ghibli",
     "english": ["Spirited Away"]},
]  # fmt: skip
FILMS = [
    {"film_key": "начало|2010", "title": "х/ф Начало", "year_hint": 2010, "country_hint": "США",
     "director_hint": "Кристофер Нолан", "duration_min": 170},
    {"film_key": "солярис|1972", "title": "х/ф Солярис", "year_hint": 1972, "country_hint": "СССР",
     "director_hint": "Андрей Тарковский", "duration_min": 180},
    {"film_key": "солярис|2002", "title": "х/ф Солярис", "year_hint": 2002, "country_hint": "США",
     "duration_min": 120},
    {"film_key": "унесенные призраками|2001", "title": "м/ф Унесённые призраками", "year_hint": 2001,
     "kind": "cartoon", "duration_min": 140},
    {"film_key": "экипаж машины боевой|1983", "title": "х/ф Экипаж машины боевой", "year_hint": 1983,
     "country_hint": "СССР", "duration_min": 90},
    {"film_key": "восемнадцать лун|2002", "title": "х/ф Восемнадцать лун", "year_hint": 2002,
     "country_hint": "Россия", "duration_min": 100},
]  # fmt: skip


class World:
    def __init__(self, faults: Faults | None = None) -> None:
        self.posters = PosterServer()
        poster_base = self.posters.start()
        self.tmdb = FakeTmdb(MOVIES, [], image_base=f"{poster_base}/t/p/", faults=faults)
        self.tmdb.start()
        self.shiki = FakeShikimori(ANIMES)
        self.shiki.start()

    def stop(self) -> None:
        for server in (self.tmdb, self.shiki, self.posters):
            server.stop()


@pytest.fixture
def world() -> Iterator[World]:
    w = World()
    yield w
    w.stop()


def configure(services: Any, world: World, monkeypatch: pytest.MonkeyPatch, token: str = GOOD_TOKEN) -> None:
    monkeypatch.setenv("CINEMA_TMDB_TOKEN", token)
    services.settings = services.settings.model_copy(
        update={"tmdb_base_url": world.tmdb.base_url, "shikimori_base_url": world.shiki.base_url}
    )


def seed(services: Any, films: list[dict[str, Any]] = FILMS) -> None:
    now = int(services.clock.now().timestamp())
    enrich_repo.seed_guide_films(services.db, films, now)


def programme_title_ids(services: Any) -> dict[str, str]:
    with services.db.engine.connect() as conn:
        rows = conn.execute(text("SELECT film_key, title_id FROM programmes")).all()
    return {r.film_key: r.title_id for r in rows}


@pytest.mark.asyncio
async def test_enrich_matches_stores_titles_posters_and_relinks(
    services: Any, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    configure(services, world, monkeypatch)
    seed(services)
    events: list[EnrichmentDidFinish] = []
    services.bus.subscribe(EnrichmentDidFinish, events.append)
    # A user put the placeholder of "Начало" on the watchlist and watched half of it.
    with services.db.engine.begin() as conn:
        conn.execute(text("INSERT INTO watchlist VALUES (1, 'epg:film:начало|2010', 0)"))
        conn.execute(
            text(
                "INSERT INTO progress (profile_id, item_key, title_id, position_ms, updated_at) VALUES (1, 'epg:film:начало|2010', 'epg:film:начало|2010', 60000, 0)"
            )
        )

    summary = await Enricher(services).run()

    assert summary.error is None
    assert summary.matched == 5 and summary.unmatched == 1 and summary.failed == 0
    assert summary.matched_ids == {
        "начало|2010": "tmdb:movie:27205",
        "солярис|1972": "tmdb:movie:593",
        "солярис|2002": "tmdb:movie:2103",
        "унесенные призраками|2001": "tmdb:movie:129",
        "экипаж машины боевой|1983": "tmdb:movie:777",
    }
    links = programme_title_ids(services)
    assert links["начало|2010"] == "tmdb:movie:27205"
    assert links["восемнадцать лун|2002"] == "epg:film:восемнадцать лун|2002"
    assert enrich_repo.title_row(services.db, "epg:film:начало|2010") is None  # placeholder gone
    assert enrich_repo.title_row(services.db, "epg:film:восемнадцать лун|2002") is not None

    row = enrich_repo.title_row(services.db, "tmdb:movie:27205")
    assert row is not None
    assert (row["title"], row["original_title"], row["year"], row["runtime"]) == (
        "Начало",
        "Inception",
        2010,
        148,
    )
    assert row["imdb_id"] == "tt1375666" and row["director"] == "Christopher Nolan"
    assert json.loads(row["cast"])[:1] == ["Леонардо ДиКаприо"]
    assert row["trailer_url"] == "https://www.youtube.com/watch?v=yt27205"
    assert json.loads(row["countries"]) == ["US", "GB"] and row["tagline"]
    assert row["poster_origin"] == "tmdb"
    assert (services.paths.data / row["poster_path"]).is_file()
    assert (services.paths.data / row["poster_thumb"]).is_file()
    assert row["backdrop_path"] and (services.paths.data / row["backdrop_path"]).is_file()
    # English overview where the Russian one is empty; its poster 404s -> generated.
    crew = enrich_repo.title_row(services.db, "tmdb:movie:777")
    assert crew is not None and crew["overview"] == "A tank crew in 1941."
    assert crew["poster_origin"] == "generated" and crew["poster_path"] is None
    # Japanese animation: Shikimori extras.
    anime = enrich_repo.title_row(services.db, "tmdb:movie:129")
    assert anime is not None and anime["kind"] == "anime" and anime["shikimori_id"] == 199
    extra = json.loads(anime["extra"])
    assert extra["score"] == 8.78 and extra["studios"] == ["Studio Ghibli"]
    # The user's rows followed the film.
    with services.db.engine.connect() as conn:
        assert conn.execute(text("SELECT title_id FROM watchlist")).scalar() == "tmdb:movie:27205"
        assert conn.execute(text("SELECT item_key FROM progress")).scalar() == "tmdb:movie:27205"
    unmatched = enrich_repo.match_status(services.db, "восемнадцать лун|2002")
    assert unmatched is not None and unmatched["status"] == "unmatched"
    matched = enrich_repo.match_status(services.db, "солярис|1972")
    assert matched is not None and matched["candidates"][0]["id"] == "tmdb:movie:593"
    assert {c["id"] for c in matched["candidates"]} >= {"tmdb:movie:593"}
    assert events and events[-1].matched == 5 and events[-1].requests == summary.requests
    last = enrich_repo.last_run(services.db)
    assert last is not None and last["status"] == "ok" and last["stats"]["matched"] == 5
    assert set(world.tmdb.counters.auth_seen) == {"bearer"}
    assert all(agent.startswith("Cinema/") for agent in world.shiki.agents)

    # Nothing new: a second refresh sends no request at all.
    tmdb_before, shiki_before, posters_before = (
        world.tmdb.counters.requests, world.shiki.counters.requests, world.posters.counters.requests,
    )  # fmt: skip
    again = await Enricher(services).run()
    assert again.total == 0 and again.requests == 0
    # Forced: everything again from fresh answers (issue 19 item 3: --force bypasses the
    # provider cache), the posters already on disk not downloaded again.
    forced = await Enricher(services).run(force=True)
    assert forced.total == 6 and forced.requests > 0
    assert forced.matched == 5
    assert world.tmdb.counters.requests > tmdb_before
    assert world.shiki.counters.requests >= shiki_before
    assert world.posters.counters.requests == posters_before


@pytest.mark.asyncio
async def test_wrong_token_stops_with_one_clear_message(
    services: Any, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    configure(services, world, monkeypatch, token="not-the-right-token")
    seed(services)
    summary = await Enricher(services).run()
    assert summary.error is not None and "cinema secrets set tmdb" in summary.error
    assert summary.matched == 0
    last = enrich_repo.last_run(services.db)
    assert last is not None and last["status"] == "error" and "cinema secrets set tmdb" in last["error"]
    assert world.tmdb.counters.unauthorized <= 8  # TMDB is not asked again once it refused
    # Nothing was recorded as unmatched: the films wait for a valid token (retried next run).
    status = enrich_repo.match_status(services.db, "начало|2010")
    assert status is not None and status["status"] == "failed" and status["title_id"] is None
    assert summary.waiting_for_key == len(FILMS)


@pytest.mark.asyncio
async def test_no_token_at_all(services: Any, world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    configure(services, world, monkeypatch)
    monkeypatch.delenv("CINEMA_TMDB_TOKEN")
    monkeypatch.setattr("app.core.secrets.get_secret", lambda name: None)
    seed(services)
    anime = {"film_key": "унесенные призраками|2001a", "title": "Унесённые призраками", "year_hint": 2001,
             "kind": "anime", "duration_min": 140}  # fmt: skip
    seed(services, [anime])
    summary = await Enricher(services).run()
    assert summary.error is not None and "No TMDB token" in summary.error
    assert world.tmdb.counters.requests == 0
    # issue 18: Shikimori runs without a TMDB token; the films only TMDB knows wait for it
    assert summary.matched == 1 and summary.waiting_for_key == len(FILMS)
    assert programme_title_ids(services).get("унесенные призраками|2001a", "").startswith("shikimori:")


@pytest.mark.asyncio
async def test_server_errors_and_bad_json_leave_title_for_next_refresh(
    services: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = World(Faults(fail_5xx=2, bad_json_paths=("/search/movie",)))
    try:
        configure(services, world, monkeypatch)
        seed(services, FILMS[:1])
        first = await Enricher(services).run()
        assert world.tmdb.counters.server_errors == 2  # retried through the 503s
        assert first.failed == 1 and first.matched == 0
        status = enrich_repo.match_status(services.db, "начало|2010")
        assert status is not None and status["status"] == "failed"
        world.tmdb.faults.bad_json_paths = ()
        second = await Enricher(services).run()
        assert second.total == 1 and second.matched == 1
    finally:
        world.stop()


@pytest.mark.asyncio
async def test_429_is_honoured(services: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # The server allows 4 requests a second; we are told 40: the 429s must slow us, not fail us.
    world = World(Faults(rate_per_s=4, retry_after="1"))
    try:
        configure(services, world, monkeypatch)
        seed(services, FILMS[:3])
        summary = await Enricher(services).run()
        assert summary.matched == 3 and summary.failed == 0
        assert world.tmdb.counters.rate_limited >= 1
        assert summary.rate_limited == world.tmdb.counters.rate_limited
        # A pause on 429 holds every worker: far fewer 429s than requests.
        assert world.tmdb.counters.rate_limited < world.tmdb.counters.requests / 2
    finally:
        world.stop()


@pytest.mark.asyncio
async def test_killed_run_resumes_where_it_stopped(services: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    world = World(Faults(latency_s=0.05))
    try:
        configure(services, world, monkeypatch)
        seed(services)
        enricher = Enricher(services, concurrency=1)
        task = asyncio.create_task(enricher.run())
        for _ in range(400):
            await asyncio.sleep(0.02)
            done = [f for f in FILMS if enrich_repo.match_status(services.db, f["film_key"])]
            if len(done) >= 2:
                break
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        done_keys = {f["film_key"] for f in FILMS if enrich_repo.match_status(services.db, f["film_key"])}
        assert 2 <= len(done_keys) < len(FILMS)
        resumed = await Enricher(services).run()
        assert resumed.total == len(FILMS) - len(done_keys)
        assert all(enrich_repo.match_status(services.db, f["film_key"]) for f in FILMS)
    finally:
        world.stop()


@pytest.mark.asyncio
async def test_token_never_reaches_disk(
    services: Any, world: World, monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    import logging

    configure(services, world, monkeypatch)
    seed(services)
    logging.getLogger("app").setLevel(logging.DEBUG)
    logging.getLogger("httpx").setLevel(logging.DEBUG)
    summary = await Enricher(services).run()
    assert summary.matched == 5
    services.db.dispose()  # flush WAL into the database file
    for handler in logging.getLogger().handlers:
        handler.flush()
    files = holding(home, GOOD_TOKEN.encode())
    assert files["checked"] >= 3 and files["databases"] == 1 and files["logs"] >= 1
    assert files["with_token"] == []


def holding(root: Path, secret: bytes) -> dict[str, Any]:
    """Every file under the portable home (data, config/settings, logs, cache) read whole."""
    files = [p for p in root.rglob("*") if p.is_file()]
    return {
        "checked": len(files),
        "databases": sum(p.suffix == ".sqlite3" for p in files),
        "logs": sum(p.suffix == ".jsonl" for p in files),
        "with_token": [str(p) for p in files if secret in p.read_bytes()],
    }
