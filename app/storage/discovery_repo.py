"""Discovery's cache: Home's rows from outside the guide (popular, trending, new, anime of the
season; a profile's recommendations) and the titles they name, in portable SQL."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.storage.db import Database

# the columns a discovered title is stored with (details fill the rest when it is opened)
TITLE_COLUMNS = (
    "id", "kind", "title", "original_title", "year", "overview", "rating", "votes", "genres",
    "countries", "original_language", "tmdb_id", "shikimori_id", "poster_origin", "added_at", "updated_at",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class StoredRow:
    key: str
    items: list[dict[str, Any]]  # {"id": title id, "reason": title id or None}
    refreshed_at: int
    error: str | None


def save_row(
    db: Database,
    key: str,
    profile_id: int | None,
    items: Sequence[dict[str, Any]],
    now: int,
    error: str | None = None,
) -> None:
    """Store a row; a failed refresh (``error``) keeps the items it had."""
    if error is not None:
        kept = db.execute(
            "UPDATE discovery_rows SET error = :error, refreshed_at = :now WHERE key = :key RETURNING key",
            {"key": key, "error": error, "now": now},
        )
        if kept:
            return
    db.execute(
        "INSERT INTO discovery_rows (key, profile_id, items, refreshed_at, error) "
        "VALUES (:key, :profile, :items, :now, :error) ON CONFLICT (key) DO UPDATE SET "
        "items = excluded.items, refreshed_at = excluded.refreshed_at, error = excluded.error",
        {"key": key, "profile": profile_id, "items": json.dumps(list(items)), "now": now, "error": error},
    )


def rows(db: Database, profile_id: int) -> dict[str, StoredRow]:
    """Every shared row and the profile's own ones, by key."""
    found = db.execute(
        "SELECT key, items, refreshed_at, error FROM discovery_rows "
        "WHERE profile_id IS NULL OR profile_id = :profile",
        {"profile": profile_id},
    )
    out: dict[str, StoredRow] = {}
    for key, items, refreshed_at, error in found:
        try:
            value = json.loads(items)
        except ValueError:
            value = []
        good = (
            [i for i in value if isinstance(i, dict) and isinstance(i.get("id"), str)]
            if isinstance(value, list)
            else []
        )
        out[key] = StoredRow(key, good, int(refreshed_at), error)
    return out


def drop_profile_rows(db: Database, profile_id: int, keep: Sequence[str]) -> None:
    """Forget the profile's rows other than ``keep`` (a seed no longer among its recent ones)."""
    params: dict[str, Any] = {"profile": profile_id}
    names = []
    for n, key in enumerate(keep):
        params[f"k{n}"] = key
        names.append(f":k{n}")
    extra = f" AND key NOT IN ({', '.join(names)})" if names else ""
    db.execute(f"DELETE FROM discovery_rows WHERE profile_id = :profile{extra}", params)


def store_titles(db: Database, rows: Sequence[dict[str, Any]]) -> int:
    """Add discovered titles that the library does not have (one it has keeps its own data);
    how many were new."""
    added = 0
    columns = ", ".join(TITLE_COLUMNS)
    values = ", ".join(f":{c}" for c in TITLE_COLUMNS)
    for row in rows:
        done = db.execute(
            f"INSERT INTO titles ({columns}) VALUES ({values}) ON CONFLICT (id) DO NOTHING RETURNING id",
            {c: row.get(c) for c in TITLE_COLUMNS},
        )
        added += bool(done)
    return added


def without_posters(db: Database, ids: Sequence[str]) -> list[str]:
    if not ids:
        return []
    params = {f"t{n}": tid for n, tid in enumerate(ids)}
    marks = ", ".join(f":{k}" for k in params)
    found = db.execute(f"SELECT id FROM titles WHERE id IN ({marks}) AND poster_path IS NULL", params)
    return [r[0] for r in found]


def ages(db: Database, ids: Sequence[str]) -> dict[str, int | None]:
    """{id: age rating in years or None} for the ids the library has."""
    if not ids:
        return {}
    params = {f"t{n}": tid for n, tid in enumerate(ids)}
    marks = ", ".join(f":{k}" for k in params)
    found = db.execute(f"SELECT id, min_age FROM titles WHERE id IN ({marks})", params)
    return {r[0]: r[1] for r in found}


def watched_seeds(
    db: Database, profile_id: int, limit: int = 40
) -> list[tuple[str, str, int, str | None, bool]]:
    """What the profile watched, most recent first: (title id, title, time played, genres JSON,
    marked watched) for titles with a provider's id (tmdb:, shikimori:)."""
    found = db.execute(
        "SELECT t.id, t.title, coalesce(h.played, 0), t.genres, coalesce(p.watched, FALSE), "
        "CASE WHEN coalesce(h.last, 0) > coalesce(p.updated_at, 0) THEN coalesce(h.last, 0) "
        "ELSE coalesce(p.updated_at, 0) END AS recent "
        "FROM titles t "
        "LEFT JOIN (SELECT title_id, SUM(watched_ms) AS played, MAX(started_at) AS last FROM history "
        "  WHERE profile_id = :profile AND title_id IS NOT NULL GROUP BY title_id) h ON h.title_id = t.id "
        "LEFT JOIN progress p ON p.profile_id = :profile AND p.item_key = t.id "
        "WHERE (h.title_id IS NOT NULL OR p.watched) AND (t.id LIKE 'tmdb:%' OR t.id LIKE 'shikimori:%') "
        "ORDER BY recent DESC, t.id LIMIT :limit",
        {"profile": profile_id, "limit": limit},
    )
    return [(r[0], r[1], int(r[2]), r[3], bool(r[4])) for r in found]
