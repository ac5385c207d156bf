"""Writes for the demo library: its guide films are known matches, not guesses."""

from __future__ import annotations

from collections.abc import Sequence

from app.storage.db import Database


def set_matches(db: Database, matches: Sequence[tuple[str, str, str]], now_ts: int) -> None:
    """Record (film_key, title_id, kind) as manual matches so guide airings link to the titles."""
    if not matches:
        return
    from app.storage.dialect import upsert  # SQLAlchemy: only when writing
    from app.storage.tables import title_matches

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
    """Films the user's own (not the demo's) enabled guides found at their last refresh.

    Asked on every start (the demo steps aside once this is not 0): portable SQL, no SQLAlchemy.
    """
    rows = db.execute(
        "SELECT COALESCE(SUM(films_count), 0) FROM guide_sources WHERE is_demo = :no AND enabled = :yes",
        {"no": False, "yes": True},
    )
    return int(rows[0][0] or 0) if rows else 0
