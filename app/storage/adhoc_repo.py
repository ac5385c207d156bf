"""Files, links and torrents played without a title (``cinema play``, a dropped file, a clicked
magnet): the ones started and not finished, for Home's Continue watching."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, func, select

from app.storage.db import Database
from app.storage.tables import history, progress


@dataclass(frozen=True)
class AdHocItem:
    item_key: str  # media:<hash>
    label: str
    location: str
    position_ms: int
    duration_ms: int | None
    updated_at: int


def in_progress(db: Database, profile_id: int, limit: int = 20) -> list[AdHocItem]:
    """Started, not watched to the end, newest first; label and location from its last play."""
    latest = (
        select(history.c.item_key, func.max(history.c.id).label("last_id"))
        .where(history.c.profile_id == profile_id, history.c.title_id.is_(None))
        .group_by(history.c.item_key)
        .subquery()
    )
    query = (
        select(
            progress.c.item_key,
            history.c.label,
            history.c.location,
            progress.c.position_ms,
            progress.c.duration_ms,
            progress.c.updated_at,
        )
        .join(latest, latest.c.item_key == progress.c.item_key)
        .join(history, history.c.id == latest.c.last_id)
        .where(
            and_(
                progress.c.profile_id == profile_id,
                progress.c.title_id.is_(None),
                progress.c.position_ms > 0,
                progress.c.watched.is_(False),
            )
        )
        .order_by(progress.c.updated_at.desc())
        .limit(limit)
    )
    with db.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [AdHocItem(r[0], r[1], r[2], int(r[3]), r[4], int(r[5])) for r in rows]


def location_of(db: Database, profile_id: int, item_key: str) -> str | None:
    """Where an ad hoc item was last played from."""
    query = (
        select(history.c.location)
        .where(history.c.profile_id == profile_id, history.c.item_key == item_key)
        .order_by(history.c.id.desc())
        .limit(1)
    )
    with db.engine.connect() as conn:
        return conn.execute(query).scalar()


def progress_times(db: Database, profile_id: int, item_keys: list[str]) -> dict[str, int]:
    """When each item's progress was last saved (to order titles and ad hoc items together)."""
    if not item_keys:
        return {}
    query = select(progress.c.item_key, progress.c.updated_at).where(
        progress.c.profile_id == profile_id, progress.c.item_key.in_(item_keys)
    )
    with db.engine.connect() as conn:
        return {r[0]: int(r[1]) for r in conn.execute(query)}
