"""The user's own choice of match for a guide film: enrichment runs leave it alone."""

from __future__ import annotations

from app.storage.db import Database


def mark_manual(db: Database, film_key: str) -> None:
    """``manual`` is one of the final statuses (enrich_repo.DONE): never re-matched."""
    db.execute("UPDATE title_matches SET status = 'manual' WHERE film_key = :key", {"key": film_key})
