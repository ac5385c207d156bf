"""Issue 19 item 2: enrichment gives up on a provider that is down (a circuit breaker), ends by an
overall deadline, keeps the work done and resumes it; the CLI says why in one line and exits 2."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.services.enrich.enricher import Enricher
from app.storage import enrich_repo
from tests.fakes.tmdb_server import Faults
from tests.services.test_enrichment import FILMS, World, configure, seed
from tests.services.test_enrichment_cli import run_cli

TMDB_FILMS = [f for f in FILMS if f["film_key"] != "унесенные призраками|2001"]


def _pending(services: Any) -> set[str]:
    now = int(services.clock.now().timestamp())
    return {w.film_key for w in enrich_repo.pending_films(services.db, now)}


@pytest.mark.asyncio
async def test_a_provider_answering_503_is_stopped_after_n_failures_and_the_films_resume(
    services: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = World(Faults(fail_5xx=1_000_000))  # TMDB down for good
    try:
        configure(services, world, monkeypatch)
        seed(services, TMDB_FILMS)
        summary = await Enricher(services, fetch_posters=False, concurrency=2, breaker_failures=2).run()
        assert summary.matched == 0 and summary.failed == len(TMDB_FILMS)
        assert summary.error is not None
        assert "tmdb stopped after 2 failed requests in a row" in summary.error
        assert "HTTP 503" in summary.error and f"{len(TMDB_FILMS)} film(s) left" in summary.error
        # two requests in flight when it opened, four attempts each: nothing more was asked
        assert world.tmdb.counters.requests <= 4 * 2 * 2
        assert _pending(services) == {f["film_key"] for f in TMDB_FILMS}  # nothing lost
        world.tmdb.faults.fail_5xx = 0  # TMDB is back: the next run does the films
        again = await Enricher(services, fetch_posters=False).run()
        assert again.error is None and again.matched == 4 and again.unmatched == 1
    finally:
        world.stop()


@pytest.mark.asyncio
async def test_a_provider_slower_than_the_timeout_is_stopped_too(
    services: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = World(Faults(latency_s=2.0))  # every answer comes after the client's timeout
    try:
        configure(services, world, monkeypatch)
        services.settings = services.settings.model_copy(update={"http_timeout_s": 0.3})
        seed(services, TMDB_FILMS)
        summary = await Enricher(services, fetch_posters=False, concurrency=2, breaker_failures=2).run()
        assert summary.matched == 0 and summary.failed == len(TMDB_FILMS)
        assert summary.error is not None and "tmdb stopped after 2 failed requests in a row" in summary.error
        assert "ReadTimeout" in summary.error
        assert world.tmdb.counters.requests <= 4 * 2 * 2
        assert _pending(services) == {f["film_key"] for f in TMDB_FILMS}
    finally:
        world.stop()


@pytest.mark.asyncio
async def test_the_run_ends_by_its_deadline_and_the_films_wait_for_the_next(
    services: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # every request answered 429 with Retry-After: 2 (six of them per request before giving up)
    world = World(Faults(rate_per_s=0, retry_after="2"))
    try:
        configure(services, world, monkeypatch)
        seed(services, TMDB_FILMS)
        summary = await Enricher(services, fetch_posters=False, deadline_s=1.0).run()
        assert (
            summary.error is not None and "deadline of 1 s passed with 0 of 5 film(s) done" in summary.error
        )
        assert _pending(services) == {f["film_key"] for f in TMDB_FILMS}
        world.tmdb.faults.rate_per_s = None
        again = await Enricher(services, fetch_posters=False).run()
        assert again.error is None and again.matched == 4
    finally:
        world.stop()


def test_cli_exits_2_with_one_line_when_tmdb_is_down(services: Any, home: Path) -> None:
    world = World(Faults(fail_5xx=1_000_000))
    try:
        enrich_repo.seed_guide_films(services.db, TMDB_FILMS, int(services.clock.now().timestamp()))
        services.db.dispose()
        done = run_cli(home, world.tmdb, "enrich")
        assert done.returncode == 2, done.stderr
        lines = [line for line in done.stderr.splitlines() if "enrich stopped" in line]
        assert len(lines) == 1 and "tmdb stopped after 5 failed requests in a row" in lines[0]
        assert "Traceback" not in done.stderr
        assert "failed 5 of 5 films" in done.stdout
    finally:
        world.stop()
