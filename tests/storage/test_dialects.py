"""The repositories outside the per-device seam run the same on SQLite and on a real PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from app.storage import (
    cache_repo,
    demo_repo,
    enrich_repo,
    library_repo,
    rematch_repo,
    state_repo,
    titles_repo,
    torrent_repo,
    watchlist_repo,
)
from app.storage.db import Database
from app.storage.dialect import UnsupportedDialect, dialect_insert
from app.storage.tables import titles

NOW = datetime(2026, 12, 5, 20, 0, tzinfo=UTC)
TS = int(NOW.timestamp())


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    target = str(tmp_path / "d.sqlite3") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    database = Database(target)
    database.migrate()
    yield database
    database.dispose()


def _title(tid: str, name: str, **extra: object) -> dict[str, object]:
    return {"id": tid, "kind": "film", "title": name, "added_at": TS, "updated_at": TS, **extra}


def test_title_and_source_upserts_update_in_place(db: Database) -> None:
    titles_repo.upsert_titles(db, [_title("tmdb:movie:1", "Old", year=1999)])
    titles_repo.upsert_titles(db, [_title("tmdb:movie:1", "New", year=2000, added_at=TS + 99)])
    row = enrich_repo.title_row(db, "tmdb:movie:1")
    assert row is not None
    assert (row["title"], row["year"], row["added_at"]) == ("New", 2000, TS)  # added_at kept
    source = {"title_id": "tmdb:movie:1", "kind": "hls", "url": "http://x/a.m3u8", "added_at": TS}
    titles_repo.upsert_sources(db, [{**source, "label": "one"}])
    titles_repo.upsert_sources(db, [{**source, "label": "two"}])
    detail = titles_repo.detail(db, "tmdb:movie:1", NOW)
    assert detail is not None
    assert [s.label for s in detail.sources] == ["two"]


def test_cache_torrents_and_demo_matches(db: Database) -> None:
    cache_repo.cache_put(db, "tmdb", "k", {"a": 1}, now=TS, ttl=60)
    cache_repo.cache_put(db, "tmdb", "k", {"a": 2}, now=TS, ttl=60)
    hit = cache_repo.cache_get(db, "tmdb", "k", TS + 1)
    assert hit is not None and hit.value == {"a": 2}
    big = 5 * 1024**3  # a 5 GiB film: more than a 32-bit INTEGER holds
    torrent_repo.record_access(db, "ab" * 20, source="magnet:x", now=TS, name="a", total_size=big)
    torrent_repo.set_keep(db, "ab" * 20, True)
    torrent_repo.record_access(db, "ab" * 20, source="magnet:x", now=TS + 5, name="b", total_size=big)
    [rec] = torrent_repo.list_torrents(db)
    assert (rec.name, rec.keep, rec.added_at, rec.last_access_at, rec.total_size) == (
        "b",
        True,
        TS,
        TS + 5,
        big,
    )
    titles_repo.upsert_titles(db, [_title("tmdb:movie:2", "Demo")])
    demo_repo.set_matches(db, [("demo film", "tmdb:movie:2", "film")], TS)
    demo_repo.set_matches(db, [("demo film", "tmdb:movie:2", "film")], TS)
    match = enrich_repo.match_status(db, "demo film")
    assert match is not None and match["status"] == "manual"


def test_enrichment_upserts_and_moves_the_users_rows(db: Database) -> None:
    enrich_repo.seed_guide_films(db, [{"film_key": "matrix 1999", "title": "Матрица"}], TS)
    enrich_repo.save_unmatched(db, "matrix 1999", "film", score=0.1, candidates=[], now=TS)
    enrich_repo.save_unmatched(db, "matrix 1999", "film", score=0.2, candidates=[], now=TS)
    first = enrich_repo.match_status(db, "matrix 1999")
    assert first is not None and (first["attempts"], first["score"]) == (2, 0.2)
    placeholder = enrich_repo.placeholder_id("matrix 1999")
    # the user already has the real title in the watchlist and progress on both ids
    titles_repo.upsert_titles(db, [_title("tmdb:movie:603", "The Matrix")])
    watchlist_repo.set_in_watchlist(db, 1, "tmdb:movie:603", True, NOW)
    watchlist_repo.set_in_watchlist(db, 1, placeholder, True, NOW)
    library_repo.save_progress(db, 1, "tmdb:movie:603", 50_000, None, title_id=None, watched=None, now=NOW)
    library_repo.save_progress(db, 1, placeholder, 10_000, None, title_id=placeholder, watched=None, now=NOW)
    enrich_repo.save_matched(
        db,
        "matrix 1999",
        "film",
        title_row={"id": "tmdb:movie:603", "kind": "film", "title": "Матрица"},
        score=0.95,
        candidates=[],
        now=TS,
    )
    moved = enrich_repo.match_status(db, "matrix 1999")
    assert moved is not None and (moved["status"], moved["attempts"]) == ("matched", 3)
    progress = library_repo.get_progress(db, 1, "tmdb:movie:603")
    assert progress is not None and progress.position_ms == 50_000  # theirs wins
    assert watchlist_repo.in_watchlist(db, 1, "tmdb:movie:603")
    assert enrich_repo.title_row(db, placeholder) is None
    rematch_repo.mark_manual(db, "matrix 1999")
    manual = enrich_repo.match_status(db, "matrix 1999")
    assert manual is not None and manual["status"] == "manual"


def test_progress_history_watchlist_and_state(db: Database) -> None:
    titles_repo.upsert_titles(db, [_title("tmdb:movie:7", "Seven")])
    library_repo.save_progress(
        db, 1, "tmdb:movie:7", 1000, 60_000, title_id="tmdb:movie:7", watched=False, now=NOW
    )
    library_repo.save_progress(
        db, 1, "tmdb:movie:7", 2000, 60_000, title_id="tmdb:movie:7", watched=None, now=NOW, count_view=True
    )
    got = library_repo.get_progress(db, 1, "tmdb:movie:7")
    assert got is not None and (got.position_ms, got.view_count, got.watched) == (2000, 1, False)
    entry = library_repo.start_history(db, 1, "tmdb:movie:7", "tmdb:movie:7", "Seven", "file:///x", NOW)
    second = library_repo.start_history(db, 1, "tmdb:movie:7", "tmdb:movie:7", "Seven", "file:///x", NOW)
    assert second == entry + 1
    library_repo.update_history(db, entry, 3000, 60_000, NOW, ended=True)
    history = library_repo.list_history(db, 1)
    assert [(h.id, h.position_ms) for h in history] == [(second, 0), (entry, 3000)]
    assert history[1].ended_at == NOW
    watchlist_repo.set_watched(db, 1, "tmdb:movie:7", True, NOW)
    watchlist_repo.set_watched(db, 1, "tmdb:movie:7", True, NOW)  # counted once
    assert watchlist_repo.is_watched(db, 1, "tmdb:movie:7")
    assert library_repo.all_progress(db, 1)["tmdb:movie:7"].view_count == 2
    watchlist_repo.set_watched(db, 1, "tmdb:movie:7", False, NOW)
    assert not watchlist_repo.is_watched(db, 1, "tmdb:movie:7")
    watchlist_repo.set_in_watchlist(db, 1, "tmdb:movie:7", True, NOW)
    watchlist_repo.set_in_watchlist(db, 1, "tmdb:movie:7", True, NOW)
    assert watchlist_repo.in_watchlist(db, 1, "tmdb:movie:7")
    watchlist_repo.set_in_watchlist(db, 1, "tmdb:movie:7", False, NOW)
    assert not watchlist_repo.in_watchlist(db, 1, "tmdb:movie:7")
    state_repo.set_state(db, "k", "1")
    state_repo.set_state(db, "k", "2")
    assert state_repo.get_state(db, "k") == "2"
    state_repo.delete_state(db, "k")
    assert state_repo.get_state(db, "k") is None


def test_the_sqlite_only_parts_say_so(pg_url: str) -> None:
    db = Database(pg_url)
    with pytest.raises(RuntimeError, match="SQLite"):
        db.raw()
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT 1")).scalar() == 1
    with pytest.raises(UnsupportedDialect, match="mysql"):
        dialect_insert("mysql", titles)
    db.dispose()
