"""A small key/value store for app state (demo loaded, guide week ...), read at start-up."""

from __future__ import annotations

from app.storage.db import Database


def get_state(db: Database, key: str) -> str | None:
    rows = db.execute("SELECT value FROM app_state WHERE key = :key", {"key": key})
    return str(rows[0][0]) if rows else None


def set_state(db: Database, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO app_state (key, value) VALUES (:key, :value) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        {"key": key, "value": value},
    )


def delete_state(db: Database, key: str) -> None:
    db.execute("DELETE FROM app_state WHERE key = :key", {"key": key})
