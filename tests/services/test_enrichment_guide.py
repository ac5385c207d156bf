"""Guide ingestion then enrichment: the realworld Russian feed imported by epg_refresh, its films
matched against the labelled candidate database on the fake TMDB."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.core.clock import FixedClock
from app.services.enrich.enricher import Enricher
from app.services.guide import refresh as epg_refresh
from app.storage import enrich_repo
from tests.fakes.tmdb_server import GOOD_TOKEN, FakeTmdb

LABELS = Path(__file__).resolve().parents[1] / "data" / "match_labels.json"


def first_start(path: Path) -> datetime:
    head = path.read_text("utf-8")[:4000]
    m = re.search(r'start="(\d{14}) ([+-]\d{4})"', head)
    assert m is not None
    return datetime.strptime(f"{m.group(1)} {m.group(2)}", "%Y%m%d%H%M%S %z").astimezone(UTC)


def expected_id(labels: dict[str, Any], title: str, year: int) -> str:
    hits = [m["id"] for m in labels["tmdb_movies"] if m["title"] == title and m["year"] == year]
    assert len(hits) == 1
    return f"tmdb:movie:{hits[0]}"


@pytest.mark.asyncio
async def test_realworld_guide_films_get_matched(
    services: Any, realworld: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed = realworld / "xmltv" / "iptvx_one_ru_content.xml"
    services.clock = FixedClock(first_start(feed))
    result = epg_refresh.import_location(services, str(feed))
    assert result.status == "ok"
    pending = enrich_repo.pending_films(services.db, int(services.clock.now().timestamp()))
    titles = {w.title for w in pending}
    assert {"Успех", "Экипаж машины боевой", "Восемнадцать лун"} <= {
        re.sub(r"^х/ф\s+", "", t) for t in titles
    }

    labels = json.loads(LABELS.read_text("utf-8"))
    tmdb = FakeTmdb(labels["tmdb_movies"], labels["tmdb_tv"])
    tmdb.start()
    try:
        monkeypatch.setenv("CINEMA_TMDB_TOKEN", GOOD_TOKEN)
        services.settings = services.settings.model_copy(update={"tmdb_base_url": tmdb.base_url})
        summary = await Enricher(services, fetch_posters=False).run()
    finally:
        tmdb.stop()
    assert summary.error is None and summary.failed == 0
    assert summary.matched >= 6 and summary.unmatched >= 2

    with services.db.engine.connect() as conn:
        links = dict(
            conn.execute(text("SELECT title, title_id FROM programmes WHERE film_key IS NOT NULL")).all()
        )
        placeholders = conn.execute(text("SELECT COUNT(*) FROM titles WHERE id LIKE 'epg:film:%'")).scalar()
    by_title = {re.sub(r"^х/ф\s+", "", t): tid for t, tid in links.items()}
    assert by_title["Успех"] == expected_id(labels, "Успех", 1984)
    assert by_title["Экипаж машины боевой"] == expected_id(labels, "Экипаж машины боевой", 1983)
    assert by_title["Жених напрокат"] == expected_id(labels, "Жених напрокат", 2011)
    assert by_title["Восемнадцать лун"].startswith("epg:film:")  # absent from TMDB: stays a placeholder
    assert placeholders == summary.unmatched  # matched films' placeholders are gone
