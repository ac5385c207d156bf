"""The first migration builds the whole schema; down to base and up again works."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text

from app.storage.db import Database, current_revision, downgrade
from app.storage.tables import metadata

EXPECTED = {
    "titles", "episodes", "channels", "programmes", "sources", "profiles", "progress", "history",
    "watchlist", "playlists", "playlist_items", "provider_cache", "refresh_runs", "guide_sources",
    "title_matches", "app_state", "torrents",
}  # fmt: skip


def test_upgrade_downgrade_upgrade(tmp_path: Path) -> None:
    db = Database(tmp_path / "m.sqlite3")
    db.migrate()
    names = set(inspect(db.engine).get_table_names())
    assert names >= EXPECTED
    assert current_revision(db.engine) is not None
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM profiles WHERE is_default = 1")).scalar() == "Default"
    downgrade(db.engine, "base")
    assert not (EXPECTED & set(inspect(db.engine).get_table_names()))
    db.migrate()
    assert set(inspect(db.engine).get_table_names()) >= EXPECTED
    db.dispose()


def test_migration_matches_the_tables_module(tmp_path: Path) -> None:
    db = Database(tmp_path / "m.sqlite3")
    db.migrate()
    inspector = inspect(db.engine)
    for table in metadata.sorted_tables:
        columns = {c["name"] for c in inspector.get_columns(table.name)}
        assert columns == {c.name for c in table.columns}, table.name
    catalog_indexes = {i["name"] for i in inspector.get_indexes("programmes")}
    assert {
        "ix_programmes_start",
        "ix_programmes_channel_start",
        "ix_programmes_title_id_start",
    } <= catalog_indexes
    db.dispose()


def test_sqlite_is_wal_with_foreign_keys(tmp_path: Path) -> None:
    db = Database(tmp_path / "m.sqlite3")
    db.migrate()
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    db.dispose()
