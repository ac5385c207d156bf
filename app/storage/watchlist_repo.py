"""The title page's toggles: the profile's watchlist and "mark watched" (small writes, portable SQL)."""

from __future__ import annotations

from datetime import datetime

from app.storage.db import Database


def set_in_watchlist(db: Database, profile_id: int, title_id: str, on: bool, now: datetime) -> None:
    params = {"profile": profile_id, "title": title_id}
    if on:
        db.execute(
            "INSERT INTO watchlist (profile_id, title_id, added_at) VALUES (:profile, :title, :now) "
            "ON CONFLICT (profile_id, title_id) DO NOTHING",
            {**params, "now": int(now.timestamp())},
        )
    else:
        db.execute("DELETE FROM watchlist WHERE profile_id = :profile AND title_id = :title", params)


def in_watchlist(db: Database, profile_id: int, title_id: str) -> bool:
    rows = db.execute(
        "SELECT 1 FROM watchlist WHERE profile_id = :profile AND title_id = :title",
        {"profile": profile_id, "title": title_id},
    )
    return bool(rows)


def is_watched(db: Database, profile_id: int, title_id: str) -> bool:
    rows = db.execute(
        "SELECT watched FROM progress WHERE profile_id = :profile AND item_key = :key",
        {"profile": profile_id, "key": title_id},
    )
    return bool(rows and rows[0][0])


def set_watched(db: Database, profile_id: int, title_id: str, watched: bool, now: datetime) -> None:
    """Watched: counted as one view (once). Unwatched: the next Play starts from the top."""
    on_conflict = (
        "watched = TRUE, updated_at = excluded.updated_at, "
        "watched_at = coalesce(progress.watched_at, excluded.watched_at), "
        "view_count = progress.view_count + (CASE WHEN progress.watched THEN 0 ELSE 1 END)"
        if watched
        else "watched = FALSE, position_ms = 0, updated_at = excluded.updated_at, watched_at = NULL"
    )
    db.execute(
        "INSERT INTO progress (profile_id, item_key, title_id, position_ms, watched, view_count, updated_at, "
        "watched_at) VALUES (:profile, :key, :key, 0, :watched, :views, :now, :watched_at) "
        f"ON CONFLICT(profile_id, item_key) DO UPDATE SET {on_conflict}",
        {
            "profile": profile_id,
            "key": title_id,
            "watched": watched,
            "views": int(watched),
            "now": int(now.timestamp()),
            "watched_at": int(now.timestamp()) if watched else None,
        },
    )


def watchlist(db: Database, profile_id: int) -> list[tuple[str, str, int | None, int]]:
    """The profile's watchlist, newest first: (title id, title, year, added at)."""
    rows = db.execute(
        "SELECT w.title_id, t.title, t.year, w.added_at FROM watchlist w JOIN titles t ON t.id = w.title_id "
        "WHERE w.profile_id = :profile ORDER BY w.added_at DESC, w.title_id",
        {"profile": profile_id},
    )
    return [(r[0], r[1], r[2], int(r[3])) for r in rows]
