"""Files, links and torrents played without a title (``cinema play``, a dropped file, a clicked
magnet): the ones started and not finished, for Home's Continue watching."""

from __future__ import annotations

from dataclasses import dataclass

from app.storage.db import Database


@dataclass(frozen=True)
class AdHocItem:
    item_key: str  # media:<hash>
    label: str
    location: str
    position_ms: int
    duration_ms: int | None
    updated_at: int


def in_progress(db: Database, profile_id: int, limit: int = 20) -> list[AdHocItem]:
    """Started, not watched to the end, newest first; label and location from its last play.

    Home's Continue watching asks at every start: portable SQL through ``db.execute`` (no
    SQLAlchemy on the way to the first paint).
    """
    rows = db.execute(
        "SELECT p.item_key, h.label, h.location, p.position_ms, p.duration_ms, p.updated_at "
        "FROM progress p "
        "JOIN (SELECT item_key, MAX(id) AS last_id FROM history "
        "      WHERE profile_id = :profile AND title_id IS NULL GROUP BY item_key) latest "
        "  ON latest.item_key = p.item_key "
        "JOIN history h ON h.id = latest.last_id "
        "WHERE p.profile_id = :profile AND p.title_id IS NULL AND p.position_ms > 0 "
        "  AND p.watched = :no "
        "ORDER BY p.updated_at DESC LIMIT :limit",
        {"profile": profile_id, "no": False, "limit": limit},
    )
    return [AdHocItem(r[0], r[1], r[2], int(r[3]), r[4], int(r[5])) for r in rows]


def location_of(db: Database, profile_id: int, item_key: str) -> str | None:
    """Where an ad hoc item was last played from."""
    rows = db.execute(
        "SELECT location FROM history WHERE profile_id = :profile AND item_key = :key "
        "ORDER BY id DESC LIMIT 1",
        {"profile": profile_id, "key": item_key},
    )
    return rows[0][0] if rows else None


def progress_times(db: Database, profile_id: int, item_keys: list[str]) -> dict[str, int]:
    """When each item's progress was last saved (to order titles and ad hoc items together)."""
    if not item_keys:
        return {}
    names = {f"k{i}": key for i, key in enumerate(item_keys)}
    rows = db.execute(
        "SELECT item_key, updated_at FROM progress WHERE profile_id = :profile "
        f"AND item_key IN ({', '.join(':' + n for n in names)})",
        {"profile": profile_id, **names},
    )
    return {r[0]: int(r[1]) for r in rows}
