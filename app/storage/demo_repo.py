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
