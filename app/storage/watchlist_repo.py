"""The title page's toggles: the profile's watchlist and "mark watched" (DB-API, small writes)."""

from __future__ import annotations

from datetime import datetime

from app.storage.db import Database


def set_in_watchlist(db: Database, profile_id: int, title_id: str, on: bool, now: datetime) -> None:
    if on:
        db.raw().execute(
            "INSERT OR IGNORE INTO watchlist (profile_id, title_id, added_at) VALUES (?, ?, ?)",
            (profile_id, title_id, int(now.timestamp())),
        )
    else:
        db.raw().execute(
            "DELETE FROM watchlist WHERE profile_id = ? AND title_id = ?", (profile_id, title_id)
        )


def in_watchlist(db: Database, profile_id: int, title_id: str) -> bool:
    row = (
        db.raw()
        .execute("SELECT 1 FROM watchlist WHERE profile_id = ? AND title_id = ?", (profile_id, title_id))
        .fetchone()
    )
    return row is not None


def is_watched(db: Database, profile_id: int, title_id: str) -> bool:
    row = (
        db.raw()
        .execute("SELECT watched FROM progress WHERE profile_id = ? AND item_key = ?", (profile_id, title_id))
        .fetchone()
    )
    return bool(row and row[0])


def set_watched(db: Database, profile_id: int, title_id: str, watched: bool, now: datetime) -> None:
    """Watched: counted as one view (once). Unwatched: the next Play starts from the top."""
    on_conflict = (
        "watched = 1, updated_at = excluded.updated_at, "
        "view_count = progress.view_count + (CASE WHEN progress.watched THEN 0 ELSE 1 END)"
        if watched
        else "watched = 0, position_ms = 0, updated_at = excluded.updated_at"
    )
    db.raw().execute(
        "INSERT INTO progress (profile_id, item_key, title_id, position_ms, watched, view_count, updated_at) "
        f"VALUES (?, ?, ?, 0, ?, ?, ?) ON CONFLICT(profile_id, item_key) DO UPDATE SET {on_conflict}",
        (profile_id, title_id, title_id, int(watched), int(watched), int(now.timestamp())),
    )
