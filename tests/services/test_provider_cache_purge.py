"""The provider cache is purged on the refresh flow's schedule: answers past their time go, the
others stay (cache_purge_expired was never called before issue 20)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.core.clock import FixedClock
from app.services.scheduler import RefreshScheduler
from app.storage.cache_repo import DAY, cache_get, cache_put


@pytest.mark.asyncio
async def test_a_refresh_run_purges_expired_provider_answers(services) -> None:
    services.clock = FixedClock(datetime(2026, 3, 1, tzinfo=UTC))
    now = int(services.clock.now().timestamp())
    cache_put(services.db, "tmdb", "search:old", [{"id": "tmdb:movie:1"}], now=now - 10 * DAY, ttl=DAY)
    cache_put(services.db, "tmdb", "search:fresh", [{"id": "tmdb:movie:2"}], now=now, ttl=7 * DAY)
    cache_put(services.db, "image", "http://x/a.jpg", None, now=now - 2 * DAY, ttl=DAY, status="not_found")
    result = await RefreshScheduler(services).run_once()
    assert result.error is None
    # an expired row is never served anyway; the point is that it no longer takes room
    with services.db.engine.connect() as conn:
        left = {r[0] for r in conn.exec_driver_sql("SELECT key FROM provider_cache")}
    assert left == {"search:fresh"}
    assert cache_get(services.db, "tmdb", "search:fresh", now) is not None
