"""Series matching (issue 16): Russian guide series titles in every notation, through the real
enrichment against the fake TMDB and Shikimori; the measured precision is asserted."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.net.ratelimit import RateLimiter
from app.services.enrich.enricher import Enricher
from app.storage import enrich_repo
from tests.fakes.shikimori_server import FakeShikimori
from tests.fakes.tmdb_server import GOOD_TOKEN, FakeTmdb

DATA = Path(__file__).resolve().parents[1] / "data"


def test_the_series_set_is_big_and_covers_every_notation() -> None:
    cases = json.loads((DATA / "series_match_labels.json").read_text("utf-8"))["cases"]
    assert len(cases) >= 140
    assert all(c["guide"]["kind"] == "series" for c in cases)
    notations = {c["notation"] for c in cases}
    assert {"т/с quoted, N с.", "Сезон N. Серия M", "(N-я серия)"} <= notations
    assert sum(1 for c in cases if c["expect"] is None) >= 20


@pytest.mark.asyncio
async def test_series_set_precision(
    services: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = json.loads((DATA / "match_labels.json").read_text("utf-8"))
    cases = json.loads((DATA / "series_match_labels.json").read_text("utf-8"))["cases"]
    tmdb = FakeTmdb(db["tmdb_movies"], db["tmdb_tv"])
    shiki = FakeShikimori(db["shikimori"], limits=((10_000, 1.0),))
    tmdb.start()
    shiki.start()
    try:
        monkeypatch.setenv("CINEMA_TMDB_TOKEN", GOOD_TOKEN)
        services.settings = services.settings.model_copy(
            update={"tmdb_base_url": tmdb.base_url, "shikimori_base_url": shiki.base_url}
        )
        films = []
        for i, case in enumerate(cases):
            g = case["guide"]
            films.append({"film_key": f"series{i:03d}", "title": g["title"], "kind": "series",
                          "year_hint": g["year_hint"], "country_hint": g["country_hint"],
                          "director_hint": g["director_hint"], "duration_min": g["duration_min"],
                          "description": g["description"]})  # fmt: skip
        enrich_repo.seed_guide_films(services.db, films, int(services.clock.now().timestamp()))
        fast = RateLimiter([(10_000, 1.0)])
        for provider in services.providers.all():
            provider.limiter = fast
        summary = await Enricher(services, fetch_posters=False, concurrency=16).run()
    finally:
        tmdb.stop()
        shiki.stop()
    assert summary.error is None and summary.failed == 0
    got = summary.matched_ids
    right = wrong = missed = 0
    problems = []
    for i, case in enumerate(cases):
        answer, expect = got.get(f"series{i:03d}"), case["expect"]
        if answer == expect:
            right += 1
        elif answer is None:
            missed += 1
            problems.append(f"MISSED {case['guide']['title']!r} -> {expect}")
        else:
            wrong += 1
            problems.append(f"WRONG  {case['guide']['title']!r} -> {answer}, want {expect}")
    n = len(cases)
    report = (
        f"series set: {n} titles, right {right} ({right / n:.1%}), wrong {wrong} ({wrong / n:.1%}), "
        f"missed {missed}"
    )
    with capsys.disabled():
        print("\n" + report + "\n" + "\n".join(problems))
    assert right / n >= 0.97, report
    assert wrong / n <= 0.01, report
    # a matched TMDB series brought its seasons and episodes along
    rows = services.db.execute("SELECT count(*), count(still_path), count(air_date) FROM episodes")
    assert rows[0][0] > 0 and rows[0][0] == rows[0][1] == rows[0][2]
