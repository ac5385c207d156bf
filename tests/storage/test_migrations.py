"""The migration history builds the schema on SQLite and PostgreSQL; down to base and up again works."""

from __future__ import annotations

from pathlib import Path

import pytest
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


def _pg_up_down_up(url: str) -> Database:
    db = Database(url)
    db.migrate()
    names = set(inspect(db.engine).get_table_names())
    assert names >= EXPECTED
    # the SQLite-only search index is not made on PostgreSQL (0002, 0003: search stays per device)
    assert not {"titles_fts", "titles_fts_vocab", "catalog_version"} & names
    downgrade(db.engine, "base")
    assert not (EXPECTED & set(inspect(db.engine).get_table_names()))
    db.migrate()
    return db


def test_postgresql_upgrade_downgrade_upgrade(pg_url: str) -> None:
    db = _pg_up_down_up(pg_url)
    assert current_revision(db.engine) is not None
    with db.engine.begin() as conn:
        assert conn.execute(text("SELECT name FROM profiles WHERE is_default")).scalar() == "Default"
        # the default profile's explicit id moved the sequence on: a new profile gets id 2
        new_id = conn.execute(
            text("INSERT INTO profiles (name, created_at) VALUES ('Second', 0) RETURNING id")
        ).scalar()
    assert new_id == 2
    db.dispose()


def test_postgresql_schema_matches_the_tables_module(pg_url: str) -> None:
    db = Database(pg_url)
    db.migrate()
    inspector = inspect(db.engine)
    for table in metadata.sorted_tables:
        columns = {c["name"]: c["type"] for c in inspector.get_columns(table.name)}
        assert set(columns) == {c.name for c in table.columns}, table.name
    sizes = {c["name"]: c["type"] for c in inspector.get_columns("torrents")}
    assert sizes["total_size"].python_type is int and "BIGINT" in str(sizes["total_size"])
    db.dispose()


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_every_step_goes_down_and_up_again(
    dialect: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Each revision's downgrade undoes its upgrade (the slots of the other issues included)."""
    from alembic.script import ScriptDirectory

    from app.storage.db import alembic_config, migrate

    target = str(tmp_path / "s.sqlite3") if dialect == "sqlite" else request.getfixturevalue("pg_url")
    db = Database(target)
    revisions = [s.revision for s in ScriptDirectory.from_config(alembic_config(db.engine)).walk_revisions()]
    for revision in reversed(revisions):  # oldest first
        migrate(db.engine, revision)
        before = set(inspect(db.engine).get_table_names())
        downgrade(db.engine, "-1")
        migrate(db.engine, revision)
        assert set(inspect(db.engine).get_table_names()) == before, revision
        assert current_revision(db.engine) == revision
    db.dispose()
