"""Scan now (every provider asked once, its health recorded) and the watchlist re-searched in the
background, announcing a title that gains its first source."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

from app.domain.errors import AuthError
from app.services.sources import watch
from app.services.sources.events import SourcesDidAppear
from app.storage import sources_repo, watchlist_repo
from tests.services.sources.conftest import MATRIX_ID, FakeStreams, add_title, only, torrent


def test_scan_records_each_providers_health(services: Any) -> None:
    good = FakeStreams("good", [torrent("good", "Matrix 1080p", "a" * 40)], delay_s=0.01)
    refused = FakeStreams("refused", error=AuthError("Refused: wrong API key (code 100)"))
    hung = FakeStreams("hung", delay_s=30)
    only(services, good, refused, hung)
    for pid in ("good", "refused", "hung"):
        sources_repo.ensure_provider(services.db, pid, "test", pid.title(), 0)
    results = {r.provider_id: r for r in asyncio.run(watch.scan(services, timeout_s=0.3))}
    assert results["good"].ok and results["good"].found == 1 and results["good"].latency_ms is not None
    assert results["refused"].error == "Refused: wrong API key (code 100)"
    assert "no answer within 0.3 s" in (results["hung"].error or "")
    rows = {r.id: r for r in sources_repo.providers(services.db)}
    assert (
        rows["good"].status == "ok" and rows["refused"].status == "error" and rows["hung"].status == "error"
    )
    assert rows["refused"].last_error == "Refused: wrong API key (code 100)"


def test_watchlisted_titles_gain_sources_in_the_background(services: Any) -> None:
    add_title(services)
    add_title(
        services,
        "tmdb:movie:604",
        title="Матрица: Перезагрузка",
        original_title="The Matrix Reloaded",
        year=2003,
    )
    now = datetime.now(UTC)
    watchlist_repo.set_in_watchlist(services.db, services.profile_id, MATRIX_ID, True, now)
    fake = FakeStreams("fake", [])
    only(services, fake)
    seen: list[SourcesDidAppear] = []
    services.bus.subscribe(SourcesDidAppear, seen.append)
    assert asyncio.run(watch.recheck_watchlist(services)) == []  # nothing yet: nothing announced
    assert fake.calls == 1
    assert asyncio.run(watch.recheck_watchlist(services)) == []  # searched recently: not asked again
    assert fake.calls == 1
    services.settings = services.settings.model_copy(update={"sources_recheck_hours": 0.25})
    fake.found = [torrent("fake", "The Matrix 1999 1080p", "b" * 40)]
    later = services.clock
    services.clock = type(
        "Later", (), {"now": staticmethod(lambda: datetime.fromtimestamp(now.timestamp() + 3600, UTC))}
    )()
    try:
        gained = asyncio.run(watch.recheck_watchlist(services))
    finally:
        services.clock = later
    assert gained == [MATRIX_ID]
    assert [(e.title_id, e.title, e.count) for e in seen] == [(MATRIX_ID, "Матрица", 1)]
