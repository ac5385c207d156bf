"""Per-profile library state: playback progress and history (small, frequent writes in portable SQL)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from app.storage.db import Database

if TYPE_CHECKING:
    from app.domain.models import HistoryEntry, Progress

_PROGRESS_COLS = "item_key, position_ms, duration_ms, watched, view_count, updated_at"


def _dt(ts: int | None) -> datetime | None:
    return None if ts is None else datetime.fromtimestamp(ts, UTC)


def _progress(row: tuple[str, int, int | None, int, int, int]) -> Progress:
    from app.domain.models import Progress  # off the way to the first paint (domain/briefs.py)

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
        updates.append(
            "watched_at = CASE WHEN excluded.watched THEN coalesce(progress.watched_at, excluded.updated_at) "
            "ELSE NULL END"
        )
    if count_view:
        updates.append("view_count = progress.view_count + 1")
    db.execute(
        "INSERT INTO progress (profile_id, item_key, title_id, position_ms, duration_ms, watched, "
        "view_count, updated_at, watched_at) VALUES (:profile, :key, :title, :position, :duration, :watched, "
        ":views, :now, CASE WHEN :watched THEN :now ELSE NULL END) "
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
    # the source's provider and kind from the sources found for the title (statistics)
    rows = db.execute(
        "INSERT INTO history (profile_id, item_key, title_id, label, location, started_at, position_ms, "
        "provider, source_kind) VALUES (:profile, :key, :title, :label, :location, :now, 0, "
        "(SELECT max(provider) FROM sources WHERE url = :location), "
        "(SELECT max(kind) FROM sources WHERE url = :location)) RETURNING id",
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
    db: Database,
    entry_id: int,
    position_ms: int,
    duration_ms: int | None,
    now: datetime,
    ended: bool = False,
    *,
    watched_ms: int = 0,
) -> None:
    """The entry's position (and end); ``watched_ms`` more of it was actually played."""
    params = {
        "position": max(0, int(position_ms)),
        "duration": duration_ms,
        "id": entry_id,
        "watched": max(0, int(watched_ms)),
    }
    end = ", ended_at = :now" if ended else ""
    db.execute(
        "UPDATE history SET position_ms = :position, duration_ms = :duration, "
        f"watched_ms = watched_ms + :watched{end} WHERE id = :id",
        {**params, "now": int(now.timestamp())} if ended else params,
    )


_HISTORY_COLS = (
    "id, item_key, title_id, label, location, started_at, ended_at, position_ms, duration_ms, "
    "watched_ms, provider, source_kind"
)


def _entry(r: tuple[Any, ...]) -> HistoryEntry:
    from app.domain.models import HistoryEntry  # off the way to the first paint (domain/briefs.py)

    return HistoryEntry(
        id=r[0],
        item_key=r[1],
        title_id=r[2],
        label=r[3],
        location=r[4],
        started_at=datetime.fromtimestamp(r[5], UTC),
        ended_at=_dt(r[6]),
        position_ms=r[7],
        duration_ms=r[8],
        watched_ms=int(r[9] or 0),
        provider=r[10],
        source_kind=r[11],
    )


def list_history(
    db: Database, profile_id: int, limit: int | None = 200, *, since: int | None = None
) -> list[HistoryEntry]:
    """The profile's plays, newest first (``since``: started at or after, unix seconds)."""
    params: dict[str, Any] = {"profile": profile_id}
    where = "profile_id = :profile"
    if since is not None:
        where += " AND started_at >= :since"
        params["since"] = since
    sql = f"SELECT {_HISTORY_COLS} FROM history WHERE {where} ORDER BY started_at DESC, id DESC"
    if limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = limit
    return [_entry(r) for r in db.execute(sql, params)]


def remove_history(db: Database, profile_id: int, entry_id: int) -> HistoryEntry | None:
    """Delete one entry of the profile; the entry removed (None: no such entry of this profile)."""
    rows = db.execute(
        f"DELETE FROM history WHERE id = :id AND profile_id = :profile RETURNING {_HISTORY_COLS}",
        {"id": entry_id, "profile": profile_id},
    )
    return _entry(rows[0]) if rows else None


def clear_history(db: Database, profile_id: int) -> int:
    """Delete all of the profile's history; how many entries went."""
    rows = db.execute("DELETE FROM history WHERE profile_id = :profile RETURNING id", {"profile": profile_id})
    return len(rows)


def forget_progress(db: Database, profile_id: int, item_key: str | None = None) -> None:
    """Drop the resume point of one item (or, without ``item_key``, every unwatched one) of a
    profile: Continue watching then agrees with a cleared history."""
    if item_key is None:
        db.execute(
            "DELETE FROM progress WHERE profile_id = :profile AND NOT watched", {"profile": profile_id}
        )
        return
    db.execute(
        "DELETE FROM progress WHERE profile_id = :profile AND item_key = :key AND NOT watched",
        {"profile": profile_id, "key": item_key},
    )


def has_history(db: Database, profile_id: int, item_key: str) -> bool:
    rows = db.execute(
        "SELECT 1 FROM history WHERE profile_id = :profile AND item_key = :key LIMIT 1",
        {"profile": profile_id, "key": item_key},
    )
    return bool(rows)


def all_progress(db: Database, profile_id: int) -> dict[str, Progress]:
    rows = db.execute(
        f"SELECT {_PROGRESS_COLS} FROM progress WHERE profile_id = :profile", {"profile": profile_id}
    )
    return {row[0]: _progress(row) for row in rows}
