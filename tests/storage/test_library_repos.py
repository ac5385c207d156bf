"""Profiles, history and playlists repositories: the same on SQLite and a real PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.domain.errors import LibraryError, PlaylistChanged
from app.domain.playlists import NewItem
from app.domain.profiles import SourcePrefs
from app.storage import library_repo, playlists_repo, profiles_repo, titles_repo, watchlist_repo
from app.storage.db import Database

NOW = datetime(2026, 12, 5, 20, 0, tzinfo=UTC)
TS = int(NOW.timestamp())


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    target = str(tmp_path / "d.sqlite3") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    database = Database(target)
    database.migrate()
    yield database
    database.dispose()


def _title(tid: str, name: str) -> dict[str, object]:
    return {"id": tid, "kind": "film", "title": name, "added_at": TS, "updated_at": TS, "runtime": 100}


def test_profiles_create_edit_and_the_last_one_stays(db: Database) -> None:
    kid = profiles_repo.create(db, "Маша", now=TS, avatar_color="#e5533d", is_kids=True, max_age=6)
    with pytest.raises(LibraryError, match="exists already"):
        profiles_repo.create(db, "Маша", now=TS)
    profiles_repo.update(db, kid, ui_language="ru", source_prefs=SourcePrefs(max_quality="720p"))
    got = profiles_repo.get(db, kid)
    assert got is not None and got.is_kids and got.max_age == 6 and got.age_limit == 6
    assert got.source_prefs.max_quality == "720p" and got.ui_language == "ru"
    assert profiles_repo.by_name(db, "  маша ").id == kid  # type: ignore[union-attr]
    profiles_repo.mark_used(db, kid, TS)
    assert profiles_repo.starting(db).id == kid  # type: ignore[union-attr]
    # deleting takes the profile's data with it; the default moves to one that is left
    library_repo.save_progress(db, kid, "x", 5000, 10000, title_id=None, watched=None, now=NOW)
    assert profiles_repo.delete(db, kid)
    assert library_repo.get_progress(db, kid, "x") is None
    only = profiles_repo.all_profiles(db)
    assert len(only) == 1 and only[0].is_default
    with pytest.raises(LibraryError, match="last profile"):
        profiles_repo.delete(db, only[0].id)
    assert profiles_repo.count(db) == 1


def test_pin_failures_add_up(db: Database) -> None:
    pid = profiles_repo.starting(db).id  # type: ignore[union-attr]
    profiles_repo.set_pin(db, pid, "hash")
    assert profiles_repo.record_failure(db, pid) == 1
    assert profiles_repo.record_failure(db, pid) == 2
    profiles_repo.lock_until(db, pid, TS + 30)
    assert profiles_repo.pin_state(db, pid) == ("hash", 2, TS + 30)
    profiles_repo.reset_failures(db, pid)
    assert profiles_repo.pin_state(db, pid) == ("hash", 0, None)


def test_history_remove_clear_and_watched_time(db: Database) -> None:
    pid = profiles_repo.starting(db).id  # type: ignore[union-attr]
    titles_repo.upsert_titles(db, [_title("tmdb:movie:1", "One")])
    titles_repo.upsert_sources(
        db,
        [
            {
                "title_id": "tmdb:movie:1",
                "kind": "hls",
                "url": "http://x/a.m3u8",
                "added_at": TS,
                "provider": "rutube",
            }
        ],
    )
    first = library_repo.start_history(db, pid, "tmdb:movie:1", "tmdb:movie:1", "One", "http://x/a.m3u8", NOW)
    library_repo.update_history(db, first, 60_000, 100_000, NOW, watched_ms=55_000)
    library_repo.update_history(db, first, 90_000, 100_000, NOW, ended=True, watched_ms=30_000)
    second = library_repo.start_history(db, pid, "media:abc", None, "clip", "/tmp/clip.mp4", NOW)
    entries = library_repo.list_history(db, pid)
    assert [e.id for e in entries] == [second, first]
    one = entries[1]
    assert (one.watched_ms, one.provider, one.source_kind, one.ended_at is not None) == (
        85_000,
        "rutube",
        "hls",
        True,
    )
    assert library_repo.remove_history(db, pid + 1000, first) is None  # another profile's id: untouched
    assert library_repo.remove_history(db, pid, first) is not None
    assert not library_repo.has_history(db, pid, "tmdb:movie:1")
    assert library_repo.clear_history(db, pid) == 1
    assert library_repo.list_history(db, pid) == []


def test_watched_marks_keep_their_time(db: Database) -> None:
    pid = profiles_repo.starting(db).id  # type: ignore[union-attr]
    titles_repo.upsert_titles(db, [_title("tmdb:movie:1", "One")])
    watchlist_repo.set_watched(db, pid, "tmdb:movie:1", True, NOW)
    assert watchlist_repo.is_watched(db, pid, "tmdb:movie:1")
    watchlist_repo.set_watched(db, pid, "tmdb:movie:1", False, NOW)
    assert not watchlist_repo.is_watched(db, pid, "tmdb:movie:1")
    library_repo.save_progress(db, pid, "k", 1000, 2000, title_id=None, watched=True, now=NOW)
    library_repo.forget_progress(db, pid)
    assert library_repo.get_progress(db, pid, "k") is not None  # watched marks survive a cleared history


def test_playlists_add_reorder_and_a_stale_view(db: Database) -> None:
    pid = profiles_repo.starting(db).id  # type: ignore[union-attr]
    titles_repo.upsert_titles(db, [_title("tmdb:movie:1", "One"), _title("tmdb:movie:2", "Two")])
    pl = playlists_repo.create(db, pid, "Evening", TS)
    v1 = playlists_repo.add(
        db, pid, pl, [NewItem(item_key="tmdb:movie:1", label="One", title_id="tmdb:movie:1")], TS
    )
    v2 = playlists_repo.add(
        db, pid, pl, [NewItem(item_key="tmdb:movie:2", label="Two", title_id="tmdb:movie:2"),
                      NewItem(item_key="media:1", label="clip", location="http://h/clip.mp4")], TS,
    )  # fmt: skip
    assert v2 == v1 + 1
    items = playlists_repo.items(db, pl)
    assert [i.label for i in items] == ["One", "Two", "clip"]
    order = [items[2].id, items[0].id, items[1].id]
    with pytest.raises(PlaylistChanged):
        playlists_repo.reorder(db, pid, pl, order, TS, expected=v1)  # made from an older view
    assert [i.label for i in playlists_repo.items(db, pl)] == ["One", "Two", "clip"]  # nothing changed
    playlists_repo.reorder(db, pid, pl, order, TS, expected=v2)
    assert [i.label for i in playlists_repo.items(db, pl)] == ["clip", "One", "Two"]
    assert playlists_repo.get(db, pid, pl).count == 3  # type: ignore[union-attr]
    assert playlists_repo.containing(db, pid, "tmdb:movie:2") == [pl]
    assert playlists_repo.get(db, pid + 1000, pl) is None  # not another profile's
    assert playlists_repo.delete(db, pid, pl)
    assert playlists_repo.items(db, pl) == []
