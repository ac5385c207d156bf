"""The release a profile watches a series in (Stremio's bingeGroup), kept between sessions."""

from __future__ import annotations

from app.storage.db import Database


def kept_release(db: Database, profile_id: int, title_id: str) -> str | None:
    """The bingeGroup the profile's last episode of ``title_id`` played from, or None."""
    rows = db.execute(
        "SELECT binge_group FROM series_releases WHERE profile_id = :profile AND title_id = :title",
        {"profile": profile_id, "title": title_id},
    )
    return str(rows[0][0]) if rows else None


def keep_release(db: Database, profile_id: int, title_id: str, binge_group: str, now: int) -> None:
    """Remember ``binge_group`` for the profile's next episode of ``title_id`` (replaces the last)."""
    db.execute(
        "INSERT INTO series_releases (profile_id, title_id, binge_group, updated_at) "
        "VALUES (:profile, :title, :group, :now) ON CONFLICT (profile_id, title_id) "
        "DO UPDATE SET binge_group = excluded.binge_group, updated_at = excluded.updated_at",
        {"profile": profile_id, "title": title_id, "group": binge_group, "now": now},
    )
