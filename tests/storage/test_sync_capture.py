"""Change capture on this device (migration 0008's triggers): what is recorded, what is not."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.storage import library_repo, playlists_repo, profiles_repo, watchlist_repo
from app.storage.db import Database
from app.storage.sync import local
from app.storage.sync.entities import ENTITIES, SEP

NOW = datetime(2026, 12, 5, 20, 0, tzinfo=UTC)


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = Database(tmp_path / "c.sqlite3")
    database.migrate()
    database.execute(
        "INSERT INTO titles (id, kind, title, added_at, updated_at) "
        "VALUES ('tmdb:movie:603', 'film', 'Матрица', 0, 0)"
    )
    yield database
    database.dispose()


def outbox(db: Database) -> list[tuple[str, str, str]]:
    return [(r[0], r[1], r[2]) for r in db.execute("SELECT entity, key, op FROM sync_outbox ORDER BY seq")]


def test_without_a_server_nothing_is_recorded(db: Database) -> None:
    library_repo.save_progress(
        db, 1, "tmdb:movie:603", 1000, 9000, title_id="tmdb:movie:603", watched=None, now=NOW
    )
    watchlist_repo.set_in_watchlist(db, 1, "tmdb:movie:603", True, NOW)
    assert outbox(db) == [] and db.execute("SELECT count(*) FROM sync_stamps") == [(0,)]
    # ids that mean the same everywhere are made anyway (a later server needs them)
    new = profiles_repo.create(db, "Анна", now=1)
    assert re.fullmatch(
        r"[0-9a-f]{32}", db.execute("SELECT uid FROM profiles WHERE id = :i", {"i": new})[0][0]
    )


def test_each_change_is_captured_once_in_order_with_global_keys(db: Database) -> None:
    local.set_capture(db, True)
    anna = profiles_repo.create(db, "Анна", now=1)
    anna_uid = db.execute("SELECT uid FROM profiles WHERE id = :i", {"i": anna})[0][0]
    for position in (1000, 2000, 3000):  # a playback saving every few seconds: one entry
        library_repo.save_progress(
            db, anna, "tmdb:movie:603", position, 9000, title_id="tmdb:movie:603", watched=None, now=NOW
        )
    watchlist_repo.set_in_watchlist(db, anna, "tmdb:movie:603", True, NOW)
    playlist = playlists_repo.create(db, anna, "Вечер", 5)
    playlist_uid = db.execute("SELECT uid FROM playlists WHERE id = :i", {"i": playlist})[0][0]
    assert outbox(db) == [
        ("profiles", anna_uid, "put"),
        ("progress", f"{anna_uid}{SEP}tmdb:movie:603", "put"),
        ("watchlist", f"{anna_uid}{SEP}tmdb:movie:603", "put"),
        ("playlists", playlist_uid, "put"),
    ]
    assert db.execute("SELECT rev FROM sync_outbox WHERE entity = 'progress'") == [(2,)]
    watchlist_repo.set_in_watchlist(db, anna, "tmdb:movie:603", False, NOW)
    assert ("watchlist", f"{anna_uid}{SEP}tmdb:movie:603", "del") in outbox(db)
    stamp = db.execute("SELECT deleted FROM sync_stamps WHERE entity = 'watchlist'")
    assert stamp == [(1,)]  # the tombstone: a deletion wins over older edits from elsewhere


def test_progress_stamps_are_the_watch_time_and_rise_within_a_second(db: Database) -> None:
    local.set_capture(db, True)
    for position in (1000, 2000):
        library_repo.save_progress(
            db, 1, "tmdb:movie:603", position, 9000, title_id=None, watched=None, now=NOW
        )
    clocks = db.execute("SELECT clock, clock2 FROM sync_stamps WHERE entity = 'progress'")
    assert clocks == [(int(NOW.timestamp()) * 1000 + 1, 0)]  # the second save counts as newer
    watchlist_repo.set_watched(db, 1, "tmdb:movie:603", True, NOW)
    ((clock, clock2),) = db.execute("SELECT clock, clock2 FROM sync_stamps WHERE entity = 'progress'")
    assert clock2 >= clock > int(NOW.timestamp()) * 1000  # the mark has its own clock


def test_per_device_columns_are_not_changes(db: Database) -> None:
    local.set_capture(db, True)
    profiles_repo.mark_used(db, 1, 100)  # last used, is_default: this device's choice
    profiles_repo.record_failure(db, 1)  # PIN tries: this device's lock-out
    assert outbox(db) == []
    profiles_repo.update(db, 1, name="Семья")
    assert [e for e, _k, _o in outbox(db)] == ["profiles"]


def test_a_change_applied_from_the_server_is_not_captured_again(db: Database) -> None:
    local.set_capture(db, True)
    db.execute("UPDATE sync_control SET applying = TRUE")
    watchlist_repo.set_in_watchlist(db, 1, "tmdb:movie:603", True, NOW)
    db.execute("UPDATE sync_control SET applying = FALSE")
    assert outbox(db) == []


def test_a_title_leaving_this_device_does_not_delete_household_data(db: Database) -> None:
    local.set_capture(db, True)
    watchlist_repo.set_in_watchlist(db, 1, "tmdb:movie:603", True, NOW)
    db.execute("DELETE FROM sync_outbox")
    db.execute("DELETE FROM titles WHERE id = 'tmdb:movie:603'")  # the watchlist row goes by cascade
    assert db.execute("SELECT count(*) FROM watchlist") == [(0,)]
    assert outbox(db) == []  # housekeeping here; the other devices keep it


def test_a_matched_placeholder_moves_the_progress_key(db: Database) -> None:
    local.set_capture(db, True)
    db.execute(
        "INSERT INTO titles (id, kind, title, added_at, updated_at) "
        "VALUES ('epg:film:abc', 'film', 'Матрица', 0, 0)"
    )
    library_repo.save_progress(db, 1, "epg:film:abc", 5, 9, title_id="epg:film:abc", watched=None, now=NOW)
    db.execute("UPDATE progress SET item_key = 'tmdb:movie:603', title_id = 'tmdb:movie:603'")
    uid = db.execute("SELECT uid FROM profiles WHERE id = 1")[0][0]
    assert outbox(db) == [
        ("progress", f"{uid}{SEP}epg:film:abc", "del"),
        ("progress", f"{uid}{SEP}tmdb:movie:603", "put"),
    ]


def test_an_entry_changed_again_after_it_was_read_is_not_forgotten(db: Database) -> None:
    local.set_capture(db, True)
    library_repo.save_progress(db, 1, "tmdb:movie:603", 1, 9, title_id=None, watched=None, now=NOW)
    entries = local.read_outbox(db)
    library_repo.save_progress(db, 1, "tmdb:movie:603", 2, 9, title_id=None, watched=None, now=NOW)
    local.ack(db, entries)  # the server took position 1; position 2 must still go
    assert len(outbox(db)) == 1
    [entry] = local.read_outbox(db)
    assert entry.change is not None and entry.change.data is not None
    assert entry.change.data["position_ms"] == 2


def test_the_triggers_cover_every_synced_column(db: Database) -> None:
    sql = {r[0]: r[1] for r in db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")}
    for name, spec in ENTITIES.items():
        update = sql[f"sync_{name}_update"]
        listed = re.search(r"UPDATE OF (.*?) ON", update)
        assert listed is not None
        assert {c.strip() for c in listed.group(1).split(",")} == set(spec.changes), name
        assert f"sync_{name}_insert" in sql and f"sync_{name}_delete" in sql
