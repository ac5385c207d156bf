"""Writes for the demo library: its guide films are known matches, not guesses."""

from __future__ import annotations

from collections.abc import Sequence

from app.storage.db import Database
from app.storage.dialect import upsert
from app.storage.tables import title_matches


def set_matches(db: Database, matches: Sequence[tuple[str, str, str]], now_ts: int) -> None:
    """Record (film_key, title_id, kind) as manual matches so guide airings link to the titles."""
    if not matches:
        return
    rows = [
        {
            "film_key": key,
            "kind": kind,
            "title_id": tid,
            "score": 1.0,
            "status": "manual",
            "checked_at": now_ts,
        }
        for key, tid, kind in matches
    ]
    with db.engine.begin() as conn:
        conn.execute(upsert(conn, title_matches, ("film_key",), ("title_id", "status", "score")), rows)


def own_guide_films(db: Database) -> int:
    """Films the user's own (not the demo's) enabled guides found at their last refresh."""
    from sqlalchemy import func, select

    from app.storage.tables import guide_sources

    query = select(func.coalesce(func.sum(guide_sources.c.films_count), 0)).where(
        guide_sources.c.is_demo.is_(False), guide_sources.c.enabled.is_(True)
    )
    with db.engine.connect() as conn:
        return int(conn.execute(query).scalar() or 0)
