"""Per-profile library state: playback progress and history (small, frequent writes in portable SQL)."""

from __future__ import annotations

from datetime import UTC, datetime

from app.domain.models import HistoryEntry, Progress
from app.storage.db import Database

_PROGRESS_COLS = "item_key, position_ms, duration_ms, watched, view_count, updated_at"


def _dt(ts: int | None) -> datetime | None:
    return None if ts is None else datetime.fromtimestamp(ts, UTC)


def _progress(row: tuple[str, int, int | None, int, int, int]) -> Progress:
    key, position, duration, watched, views, updated = row
    return Progress(
        item_key=key,
        position_ms=position,
        duration_ms=duration,
        watched=bool(watched),
        view_count=views,
        updated_at=_dt(updated),
    )


def get_progress(db: Database, profile_id: int, item_key: str) -> Progress | None:
    rows = db.execute(
        f"SELECT {_PROGRESS_COLS} FROM progress WHERE profile_id = :profile AND item_key = :key",
        {"profile": profile_id, "key": item_key},
    )
    return _progress(rows[0]) if rows else None


def save_progress(
    db: Database,
    profile_id: int,
    item_key: str,
    position_ms: int,
    duration_ms: int | None,
    *,
    title_id: str | None,
    watched: bool | None,
    now: datetime,
    count_view: bool = False,
) -> None:
    """Upsert the position; ``count_view`` raises the view count (once per play)."""
    updates = ["position_ms = excluded.position_ms", "duration_ms = excluded.duration_ms"]
    updates.append("updated_at = excluded.updated_at")
    if watched is not None:
        updates.append("watched = excluded.watched")
    if count_view:
        updates.append("view_count = progress.view_count + 1")
    db.execute(
        "INSERT INTO progress (profile_id, item_key, title_id, position_ms, duration_ms, watched, "
        "view_count, updated_at) VALUES (:profile, :key, :title, :position, :duration, :watched, "
        ":views, :now) "
        f"ON CONFLICT(profile_id, item_key) DO UPDATE SET {', '.join(updates)}",
        {
            "profile": profile_id,
            "key": item_key,
            "title": title_id,
            "position": max(0, int(position_ms)),
            "duration": duration_ms,
            "watched": bool(watched),
            "views": 1 if count_view else 0,
            "now": int(now.timestamp()),
        },
    )


def start_history(
    db: Database,
    profile_id: int,
    item_key: str,
    title_id: str | None,
    label: str,
    location: str,
    now: datetime,
) -> int:
    rows = db.execute(
        "INSERT INTO history (profile_id, item_key, title_id, label, location, started_at, position_ms) "
        "VALUES (:profile, :key, :title, :label, :location, :now, 0) RETURNING id",
        {
            "profile": profile_id,
            "key": item_key,
            "title": title_id,
            "label": label,
            "location": location,
            "now": int(now.timestamp()),
        },
    )
    return int(rows[0][0])


def update_history(
    db: Database, entry_id: int, position_ms: int, duration_ms: int | None, now: datetime, ended: bool = False
) -> None:
    params = {"position": max(0, int(position_ms)), "duration": duration_ms, "id": entry_id}
    if ended:
        db.execute(
            "UPDATE history SET position_ms = :position, duration_ms = :duration, ended_at = :now "
            "WHERE id = :id",
            {**params, "now": int(now.timestamp())},
        )
    else:
        db.execute(
            "UPDATE history SET position_ms = :position, duration_ms = :duration WHERE id = :id", params
        )


def list_history(db: Database, profile_id: int, limit: int = 200) -> list[HistoryEntry]:
    rows = db.execute(
        "SELECT id, item_key, title_id, label, location, started_at, ended_at, position_ms, duration_ms "
        "FROM history WHERE profile_id = :profile ORDER BY started_at DESC, id DESC LIMIT :limit",
        {"profile": profile_id, "limit": limit},
    )
    return [
        HistoryEntry(
            id=r[0],
            item_key=r[1],
            title_id=r[2],
            label=r[3],
            location=r[4],
            started_at=datetime.fromtimestamp(r[5], UTC),
            ended_at=_dt(r[6]),
            position_ms=r[7],
            duration_ms=r[8],
        )
        for r in rows
    ]


def all_progress(db: Database, profile_id: int) -> dict[str, Progress]:
    rows = db.execute(
        f"SELECT {_PROGRESS_COLS} FROM progress WHERE profile_id = :profile", {"profile": profile_id}
    )
    return {row[0]: _progress(row) for row in rows}
