"""The sources service: every provider in parallel with a timeout, results as they arrive,
duplicates merged, stored, cached; providers found through the registry only."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

from app.domain.errors import ProviderUnavailable
from app.services.sources.events import ProviderDidChange, SourcesDidChange
from app.services.sources.search import SearchUpdate, SourceSearch, query_for
from app.storage import sources_repo
from tests.services.sources.conftest import MATRIX_ID, FakeStreams, add_title, only, torrent

APP = Path(__file__).resolve().parents[3] / "app"


def test_a_fake_provider_registered_in_a_test_is_found_and_used(services: Any) -> None:
    """Issue 20: registered here, found by the registry, used by the service that never names it."""
    add_title(services)
    fake = FakeStreams(
        "test-fake-provider", [torrent("test-fake-provider", "The Matrix 1999 1080p", "1" * 40)]
    )
    services.providers.register(fake)
    query = query_for(services, MATRIX_ID)
    assert query is not None and query.imdb_id == "tt0133093" and query.runtime_min == 136
    result = asyncio.run(SourceSearch(services).search(query))
    assert fake.calls == 1
    assert [r.candidate.provider_id for r in result.ranked if r.candidate.info_hash == "1" * 40] == [
        "test-fake-provider"
    ]
    service_code = "\n".join(p.read_text() for p in (APP / "services").rglob("*.py"))
    assert "test-fake-provider" not in service_code and "FakeStreams" not in service_code
    for name in ("torznab", "nyaa", "rutube", "stremio"):  # the search path names no provider
        assert name not in (APP / "services/sources/search.py").read_text().lower()


def test_parallel_with_timeouts_and_results_as_they_arrive(services: Any) -> None:
    add_title(services)
    fast = FakeStreams("fast", [torrent("fast", "Matrix 1999 720p", "a" * 40)], delay_s=0.05)
    slow = FakeStreams("slow", [torrent("slow", "Matrix 1999 1080p", "b" * 40)], delay_s=0.3)
    hung = FakeStreams("hung", [torrent("hung", "Matrix 1999 2160p", "c" * 40)], delay_s=30)
    broken = FakeStreams("broken", error=ProviderUnavailable("Broken: server error (HTTP 503)"))
    only(services, fast, slow, hung, broken)
    updates: list[SearchUpdate] = []
    query = query_for(services, MATRIX_ID)
    assert query is not None
    started = time.monotonic()
    result = asyncio.run(SourceSearch(services, timeout_s=0.6).search(query, updates.append))
    took = time.monotonic() - started
    assert took < 5  # the hung provider is given up after its 0.6 s, not 30 s
    assert hung.cancelled
    assert result.providers["hung"].startswith("Hung: no answer within 0.6 s")
    assert result.providers["broken"] == "Broken: server error (HTTP 503)"
    assert result.providers["fast"] == result.providers["slow"] == "ok"
    # the fast answer is on screen while the slow and the hung ones are still searching
    early = next(u for u in updates if u.providers["fast"] == "ok")
    assert early.providers["slow"] == "searching" and [r.candidate.provider_id for r in early.ranked] == [
        "fast"
    ]
    assert [u.done for u in updates[:3]] == [1, 2, 3] and updates[0].total == 4
    assert {r.candidate.info_hash for r in result.ranked} == {"a" * 40, "b" * 40}
    assert updates[-1].finished and result.done == result.total == 4


def test_closing_the_page_cancels_every_provider(services: Any) -> None:
    add_title(services)
    first = FakeStreams("first", [torrent("first", "Matrix 720p", "a" * 40)], delay_s=0.01)
    slow = FakeStreams("slow", [torrent("slow", "Matrix 1080p", "b" * 40)], delay_s=30)
    only(services, first, slow)
    query = query_for(services, MATRIX_ID)
    assert query is not None

    async def run() -> None:
        seen = asyncio.Event()
        task = asyncio.ensure_future(SourceSearch(services, timeout_s=60).search(query, lambda u: seen.set()))
        await seen.wait()
        task.cancel()  # what the title page does when it closes
        await asyncio.gather(task, return_exceptions=True)

    asyncio.run(run())
    assert slow.cancelled


def test_duplicates_merge_by_info_hash_and_keep_the_most_seeders(services: Any) -> None:
    add_title(services)
    h = "d" * 40
    one = FakeStreams("one", [torrent("one", "The Matrix 1999 1080p BluRay", h, seeders=5)])
    two = FakeStreams("two", [torrent("two", "The Matrix 1999 1080p BluRay", h.upper().lower(), seeders=50)])
    only(services, one, two)
    query = query_for(services, MATRIX_ID)
    assert query is not None
    result = asyncio.run(SourceSearch(services).search(query))
    assert len(result.ranked) == 1
    item = result.ranked[0]
    assert (
        item.candidate.seeders == 50 and item.candidate.provider_id == "two" and item.merged_from == ("one",)
    )
    rows = sources_repo.title_sources(services.db, MATRIX_ID)
    assert len(rows) == 1 and rows[0].info_hash == h and rows[0].provider == "two"


def test_stored_ranked_and_cached(services: Any) -> None:
    add_title(services)
    fake = FakeStreams("fake", [torrent("fake", "Матрица 1999 1080p Дубляж", "e" * 40, seeders=80)])
    only(services, fake)
    changed: list[object] = []
    services.bus.subscribe(SourcesDidChange, changed.append)
    query = query_for(services, MATRIX_ID)
    assert query is not None
    first = asyncio.run(SourceSearch(services).search(query))
    rows = sources_repo.title_sources(services.db, MATRIX_ID)
    assert rows[0].score == first.ranked[0].score > 0 and rows[0].components[0]["name"] == "quality"
    assert rows[0].release["voice"] == ["dub"] and rows[0].release["title"] == "Матрица"  # guessit's title
    assert changed
    again = asyncio.run(SourceSearch(services).search(query))
    assert fake.calls == 1 and again.from_cache and len(again.ranked) == 1  # within the cache's TTL
    asyncio.run(SourceSearch(services).search(query, refresh=True))
    assert fake.calls == 2


def test_provider_failure_and_recovery_are_logged(services: Any) -> None:
    add_title(services)
    flaky = FakeStreams("flaky", error=ProviderUnavailable("Flaky: server error (HTTP 500)"))
    only(services, flaky)
    sources_repo.ensure_provider(services.db, "flaky", "test", "Flaky", 0)
    seen: list[ProviderDidChange] = []
    services.bus.subscribe(ProviderDidChange, seen.append)
    query = query_for(services, MATRIX_ID)
    assert query is not None
    asyncio.run(SourceSearch(services).search(query, refresh=True))
    flaky.error = None
    asyncio.run(SourceSearch(services).search(query, refresh=True))
    assert [(e.action, e.detail) for e in seen] == [
        ("failed", "Flaky: server error (HTTP 500)"),
        ("recovered", None),
    ]
    row = sources_repo.provider(services.db, "flaky")
    assert row is not None and row.status == "ok" and row.successes == 1 and row.failures == 1
    assert row.latency_ms is not None
    log = [(e.provider_id, e.action) for e in sources_repo.events(services.db)]
    assert ("flaky", "failed") in log and ("flaky", "recovered") in log


def test_disabled_providers_are_not_asked(services: Any) -> None:
    add_title(services)
    fake = FakeStreams("fake", [torrent("fake", "Matrix 720p", "f" * 40)])
    only(services, fake)
    sources_repo.ensure_provider(services.db, "fake", "test", "Fake", 0)
    sources_repo.set_enabled(services.db, "fake", False, 1)
    query = query_for(services, MATRIX_ID)
    assert query is not None
    result = asyncio.run(SourceSearch(services).search(query))
    assert fake.calls == 0 and result.total == 0


def test_kinds_route_providers(services: Any) -> None:
    add_title(services)
    anime_only = FakeStreams("anime-only", [torrent("anime-only", "x", "9" * 40)], kinds=("anime",))
    only(services, anime_only)
    query = query_for(services, MATRIX_ID)
    assert query is not None
    asyncio.run(SourceSearch(services).search(query))
    assert anime_only.calls == 0


def test_live_and_archive_ways_keep_their_airing_in_the_json(services: Any) -> None:
    """TV ways (the IPTV provider's) go through the same search; `cinema sources --json` shows
    their airing with an offset, and a later airing is not playable now."""
    from datetime import UTC, datetime

    from app.cli.sources import source_object
    from app.domain.models import SourceKind
    from app.domain.streams import StreamCandidate

    add_title(services)
    start, stop = datetime(2026, 12, 5, 18, 0, tzinfo=UTC), datetime(2026, 12, 5, 20, 16, tzinfo=UTC)
    airing = {"label": "Первый", "channel": "Первый канал", "start": start, "stop": stop}
    live = StreamCandidate(
        provider_id="tv", kind=SourceKind.IPTV_LIVE, url="http://tv/1.m3u8", playable_now=False, **airing
    )
    archive = StreamCandidate(
        provider_id="tv", kind=SourceKind.IPTV_CATCHUP, url="http://tv/1/a.m3u8", **airing
    )
    only(services, FakeStreams("tv", [live, archive]))
    query = query_for(services, MATRIX_ID)
    assert query is not None
    result = asyncio.run(SourceSearch(services).search(query))
    objects = [source_object(r) for r in result.ranked]
    assert [o["kind"] for o in objects] == ["archive", "live"]  # the one not on now is last
    later = objects[1]
    assert later["playable_now"] is False and later["channel"] == "Первый канал"
    assert datetime.fromisoformat(later["start"]) == start and later["start"][-6] in "+-"  # with its offset
    assert sources_repo.title_sources(services.db, MATRIX_ID) == []  # TV ways are asked anew, not stored
