"""Per-profile library state: playback progress and history."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.dialects.sqlite import insert

from app.domain.models import HistoryEntry, Progress
from app.storage.db import Database
from app.storage.tables import history, progress


def _dt(ts: int | None) -> datetime | None:
    return None if ts is None else datetime.fromtimestamp(ts, UTC)


def get_progress(db: Database, profile_id: int, item_key: str) -> Progress | None:
    with db.engine.connect() as conn:
        r = conn.execute(
            select(progress).where(progress.c.profile_id == profile_id, progress.c.item_key == item_key)
        ).first()
    if r is None:
        return None
    return Progress(
        item_key=r.item_key,
        position_ms=r.position_ms,
        duration_ms=r.duration_ms,
        watched=bool(r.watched),
        view_count=r.view_count,
        updated_at=_dt(r.updated_at),
    )


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
    ts = int(now.timestamp())
    values = {
        "profile_id": profile_id,
        "item_key": item_key,
        "title_id": title_id,
        "position_ms": max(0, int(position_ms)),
        "duration_ms": duration_ms,
        "watched": bool(watched),
        "view_count": 1 if count_view else 0,
        "updated_at": ts,
    }
    stmt = insert(progress).values(**values)
    set_: dict[str, object] = {
        "position_ms": stmt.excluded.position_ms,
        "duration_ms": stmt.excluded.duration_ms,
        "updated_at": stmt.excluded.updated_at,
    }
    if watched is not None:
        set_["watched"] = stmt.excluded.watched
    if count_view:
        set_["view_count"] = progress.c.view_count + 1
    with db.engine.begin() as conn:
        conn.execute(
            stmt.on_conflict_do_update(index_elements=[progress.c.profile_id, progress.c.item_key], set_=set_)
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
    with db.engine.begin() as conn:
        result = conn.execute(
            history.insert().values(
                profile_id=profile_id,
                item_key=item_key,
                title_id=title_id,
                label=label,
                location=location,
                started_at=int(now.timestamp()),
            )
        )
        return int(result.inserted_primary_key[0])  # type: ignore[index]


def update_history(
    db: Database,
    entry_id: int,
    position_ms: int,
    duration_ms: int | None,
    now: datetime,
    ended: bool = False,
) -> None:
    values: dict[str, object] = {
        "position_ms": max(0, int(position_ms)),
        "duration_ms": duration_ms,
    }
    if ended:
        values["ended_at"] = int(now.timestamp())
    with db.engine.begin() as conn:
        conn.execute(update(history).where(history.c.id == entry_id).values(**values))


def list_history(db: Database, profile_id: int, limit: int = 200) -> list[HistoryEntry]:
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(history)
            .where(history.c.profile_id == profile_id)
            .order_by(history.c.started_at.desc(), history.c.id.desc())
            .limit(limit)
        ).all()
    return [
        HistoryEntry(
            id=r.id,
            item_key=r.item_key,
            title_id=r.title_id,
            label=r.label,
            location=r.location,
            started_at=_dt(r.started_at),  # type: ignore[arg-type]
            ended_at=_dt(r.ended_at),
            position_ms=r.position_ms,
            duration_ms=r.duration_ms,
        )
        for r in rows
    ]


def all_progress(db: Database, profile_id: int) -> dict[str, Progress]:
    with db.engine.connect() as conn:
        rows = conn.execute(select(progress).where(progress.c.profile_id == profile_id)).all()
    return {
        r.item_key: Progress(
            item_key=r.item_key,
            position_ms=r.position_ms,
            duration_ms=r.duration_ms,
            watched=bool(r.watched),
            view_count=r.view_count,
            updated_at=_dt(r.updated_at),
        )
        for r in rows
    }
