# ruff: noqa: E501
"""Matching: normalisation and scoring units, and the labelled set (>= 200 guide titles) run
through the real enrichment against the fake TMDB and Shikimori, with precision and recall."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from app.net.ratelimit import RateLimiter
from app.providers.meta.models import Candidate
from app.services.enrich import matching
from app.services.enrich.enricher import Enricher
from app.services.enrich.matching import GuideFacts, rank, title_similarity, transliterate
from app.storage import enrich_repo
from tests.fakes.shikimori_server import FakeShikimori
from tests.fakes.tmdb_server import GOOD_TOKEN, FakeTmdb

LABELS = Path(__file__).resolve().parents[1] / "data" / "match_labels.json"


def test_transliterate() -> None:
    # (the cleaning and key asserts that stood here are in test_titles.py)
    assert transliterate("мимино") == "mimino"
    assert title_similarity(["Kin-dza-dza!"], ["Кин-дза-дза!"]) > 0.9


def test_sequel_numbers_and_subtitles() -> None:
    assert title_similarity(["Терминатор 2"], ["Терминатор 2: Судный день"]) >= 0.9
    assert title_similarity(["Терминатор"], ["Терминатор 2: Судный день"]) < 0.8
    assert title_similarity(["Матрица: Перезагрузка"], ["Матрица: Революция"]) < 0.8
    assert title_similarity(["Ёлки 4"], ["Ёлки 5"]) < 0.7


def _cand(ident: int, title: str, year: int, **kw: Any) -> Candidate:
    return Candidate(id=f"tmdb:movie:{ident}", kind="film", title=title, year=year, **kw)


def test_year_separates_remakes_and_director_without_year() -> None:
    cands = [
        _cand(1, "Кинг Конг", 1933, votes=900),
        _cand(2, "Кинг Конг", 1976, votes=500),
        _cand(3, "Кинг Конг", 2005, votes=9000),
    ]
    by_year = rank(GuideFacts("Кинг Конг", year=1976), cands)
    assert matching.decide(by_year) is not None and by_year[0].candidate.id == "tmdb:movie:2"
    assert matching.decide(rank(GuideFacts("Кинг Конг"), cands)) is None  # nobody can tell
    with_director = [
        c if c.year != 2005 else Candidate(**{**c.__dict__, "directors": ("Peter Jackson",)}) for c in cands
    ]
    with_director = [
        Candidate(**{**c.__dict__, "directors": c.directors or ("Someone Else",)}) for c in with_director
    ]
    ranked = rank(GuideFacts("Кинг Конг", director="Питер Джексон"), with_director)
    assert matching.decide(ranked) is not None and ranked[0].candidate.id == "tmdb:movie:3"


def test_runtime_and_country_hints() -> None:
    short = _cand(1, "Сказки на ночь", 2009, runtime=8, countries=("RU",))
    long = _cand(2, "Сказки на ночь", 2008, runtime=99, countries=("US",))
    ranked = rank(GuideFacts("Сказки на ночь", year=2009, countries=("RU",), duration_min=10), [short, long])
    assert ranked[0].candidate.id == "tmdb:movie:1" and matching.decide(ranked) is not None


def test_country_codes() -> None:
    assert matching.country_codes("США, Великобритания") == ("US", "GB")
    assert matching.country_codes("СССР") == ("SU",)
    assert matching.country_codes(None) == ()


def load_labels() -> dict[str, Any]:
    return json.loads(LABELS.read_text("utf-8"))


def test_labelled_set_is_big_and_varied() -> None:
    labels = load_labels()
    tags = Counter(c["tag"] for c in labels["cases"])
    assert len(labels["cases"]) >= 200
    assert tags["realworld"] >= 15 and tags["absent"] >= 10 and tags["anime vs live action"] >= 8


@pytest.mark.asyncio
async def test_labelled_set_precision_and_recall(
    services: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    labels = load_labels()
    tmdb = FakeTmdb(labels["tmdb_movies"], labels["tmdb_tv"])
    shiki = FakeShikimori(labels["shikimori"], limits=((10_000, 1.0),))
    tmdb.start()
    shiki.start()
    try:
        monkeypatch.setenv("CINEMA_TMDB_TOKEN", GOOD_TOKEN)
        services.settings = services.settings.model_copy(
            update={"tmdb_base_url": tmdb.base_url, "shikimori_base_url": shiki.base_url}
        )
        films = []
        for i, case in enumerate(labels["cases"]):
            g = case["guide"]
            films.append({"film_key": f"case{i:03d}", "title": g["title"], "kind": g["kind"], "year_hint": g["year_hint"],
                          "country_hint": g["country_hint"], "director_hint": g["director_hint"],
                          "duration_min": g["duration_min"], "description": g["description"]})  # fmt: skip
        enrich_repo.seed_guide_films(services.db, films, int(services.clock.now().timestamp()))
        fast = RateLimiter([(10_000, 1.0)])
        for provider in services.providers.all():
            provider.limiter = fast  # the fakes allow far more than the real services
        summary = await Enricher(services, fetch_posters=False, concurrency=16).run()
    finally:
        tmdb.stop()
        shiki.stop()
    assert summary.error is None and summary.failed == 0
    got = summary.matched_ids
    right = wrong = missed = 0
    problems = []
    for i, case in enumerate(labels["cases"]):
        answer, expect = got.get(f"case{i:03d}"), case["expect"]
        if answer == expect:
            right += 1
        elif answer is None:
            missed += 1
            problems.append(
                f"MISSED {case['guide']['title']!r} {case['guide']['year_hint']} -> {expect} [{case['tag']}]"
            )
        else:
            wrong += 1
            problems.append(
                f"WRONG  {case['guide']['title']!r} {case['guide']['year_hint']} -> {answer}, want {expect} [{case['tag']}]"
            )
    n = len(labels["cases"])
    made = sum(1 for i in range(n) if got.get(f"case{i:03d}"))
    correct_matches = sum(
        1 for i, c in enumerate(labels["cases"]) if c["expect"] and got.get(f"case{i:03d}") == c["expect"]
    )
    expected_matches = sum(1 for c in labels["cases"] if c["expect"])
    report = (
        f"labelled set: {n} titles, right {right} ({right / n:.1%}), wrong {wrong} ({wrong / n:.1%}), "
        f"missed {missed}; precision {correct_matches / max(1, made):.1%}, recall {correct_matches / expected_matches:.1%}"
    )
    with capsys.disabled():
        print("\n" + report + "\n" + "\n".join(problems))
    assert right / n >= 0.97, report
    assert wrong / n <= 0.01, report
