"""'Wrong match? choose another': the title page's candidates re-link a guide film for good."""

from __future__ import annotations

import json
from typing import Any

import pytest

from app.services.enrich.enricher import Enricher
from app.services.enrich.rematch import relink
from app.services.library.catalog import CatalogService
from app.storage import enrich_repo
from tests.services.test_enrichment import FILMS, World, configure, seed, world  # noqa: F401


@pytest.mark.asyncio
async def test_choosing_another_candidate_relinks_and_sticks(
    services: Any,
    world: World,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    configure(services, world, monkeypatch)
    seed(services, [f for f in FILMS if f["film_key"] == "солярис|1972"])
    await Enricher(services).run()
    # the year-filtered search found one candidate; a search without the year finds both
    stored = enrich_repo.match_status(services.db, "солярис|1972")["candidates"]
    stored.append({"id": "tmdb:movie:2103", "title": "Солярис", "year": 2002, "score": 0.7, "poster": None})
    services.db.raw().execute(
        "UPDATE title_matches SET candidates = ? WHERE film_key = 'солярис|1972'", (json.dumps(stored),)
    )
    catalog = CatalogService(services)
    extras = catalog.extras("tmdb:movie:593")
    assert extras.film_key == "солярис|1972"
    other = [c["id"] for c in extras.candidates]
    assert "tmdb:movie:2103" in other  # Soderbergh's Solaris was the runner-up

    new_id = await relink(services, "солярис|1972", "tmdb:movie:2103")

    assert new_id == "tmdb:movie:2103"
    row = (
        services.db.raw()
        .execute("SELECT title_id FROM programmes WHERE film_key = 'солярис|1972'")
        .fetchone()
    )
    assert row[0] == "tmdb:movie:2103"
    assert enrich_repo.title_row(services.db, "tmdb:movie:2103")["original_title"] == "Solaris"
    assert enrich_repo.match_status(services.db, "солярис|1972")["status"] == "manual"
    assert catalog.extras("tmdb:movie:2103").film_key == "солярис|1972"
    # a forced enrichment run leaves the user's choice alone
    await Enricher(services).run(force=True)
    row = (
        services.db.raw()
        .execute("SELECT title_id FROM programmes WHERE film_key = 'солярис|1972'")
        .fetchone()
    )
    assert row[0] == "tmdb:movie:2103"
