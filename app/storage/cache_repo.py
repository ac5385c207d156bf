"""Provider responses cached in the database with TTLs (search 7 d, details 30 d, not found 1 d)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, delete, select

from app.storage.db import Database
from app.storage.dialect import upsert
from app.storage.tables import provider_cache

DAY = 86_400
SEARCH_TTL = 7 * DAY
DETAILS_TTL = 30 * DAY
NOT_FOUND_TTL = 1 * DAY


@dataclass(frozen=True)
class CachedEntry:
    status: str  # ok, not_found
    value: Any  # the decoded JSON (None for not_found)


def cache_get(db: Database, provider: str, key: str, now: int) -> CachedEntry | None:
    """The unexpired entry for (provider, key), or None."""
    query = select(provider_cache.c.status, provider_cache.c.value).where(
        and_(
            provider_cache.c.provider == provider,
            provider_cache.c.key == key,
            provider_cache.c.expires_at > now,
        )
    )
    with db.engine.connect() as conn:
        row = conn.execute(query).first()
    if row is None:
        return None
    try:
        value = json.loads(row.value) if row.value is not None else None
    except ValueError:
        return None  # a damaged row is a miss; the next put overwrites it
    return CachedEntry(status=row.status, value=value)


def cache_put(
    db: Database, provider: str, key: str, value: Any, *, now: int, ttl: int, status: str = "ok"
) -> None:
    payload = None if value is None else json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    row = {
        "provider": provider,
        "key": key,
        "status": status,
        "value": payload,
        "fetched_at": now,
        "expires_at": now + ttl,
    }
    with db.engine.begin() as conn:
        keys = ("provider", "key")
        changed = {k: v for k, v in row.items() if k not in keys}
        conn.execute(upsert(conn, provider_cache, keys, changed, values=row))


def cache_purge_expired(db: Database, now: int) -> int:
    with db.engine.begin() as conn:
        return conn.execute(delete(provider_cache).where(provider_cache.c.expires_at <= now)).rowcount
