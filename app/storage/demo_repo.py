"""Writes for the demo library: its guide films are known matches, not guesses."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.dialects.sqlite import insert

from app.storage.db import Database
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
    stmt = insert(title_matches)
    stmt = stmt.on_conflict_do_update(
        index_elements=[title_matches.c.film_key],
        set_={
            "title_id": stmt.excluded.title_id,
            "status": stmt.excluded.status,
            "score": stmt.excluded.score,
        },
    )
    with db.engine.begin() as conn:
        conn.execute(stmt, rows)
