"""A small key/value store for app state (demo loaded, guide week ...), read at start-up."""

from __future__ import annotations

from app.storage.db import Database


def get_state(db: Database, key: str) -> str | None:
    row = db.raw().execute("SELECT value FROM app_state WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def set_state(db: Database, key: str, value: str) -> None:
    db.raw().execute(
        "INSERT INTO app_state (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def delete_state(db: Database, key: str) -> None:
    db.raw().execute("DELETE FROM app_state WHERE key = ?", (key,))
