"""Search: prefixes, ё = е, Cyrillic and Latin, original and alternative titles, small typos."""

from __future__ import annotations

import json

import pytest

from app.services.library.catalog import CatalogFilter, CatalogService
from app.services.library.search import fold, words
from app.storage import search_repo, titles_repo
from tests.ui.conftest import title_row


@pytest.fixture
def catalog(services):
    rows = [
        title_row(0, title="Терминатор", original_title="The Terminator", year=1984, rating=8.0),
        title_row(1, title="Ёжик в тумане", original_title="Yozhik v tumane", year=1975, rating=8.4),
        title_row(
            2,
            title="Унесённые призраками",
            original_title="Sen to Chihiro no Kamikakushi",
            alt_titles=json.dumps(["Spirited Away"]),
            kind="anime",
            rating=8.5,
        ),
        title_row(3, title="Терминал", original_title="The Terminal", year=2004, rating=7.4),
        title_row(4, title="Служебный роман", original_title=None, year=1977, rating=8.3),
    ]
    titles_repo.upsert_titles(services.db, rows)
    return CatalogService(services)


def found(catalog: CatalogService, text: str) -> list[str]:
    return [t.removeprefix("tmdb:movie:") for t in catalog.query(CatalogFilter(text=text))]


def test_words_fold_case_and_yo() -> None:
    assert fold("ЁЖИК") == "ежик"
    assert words("  Ёжик, в тумане! ") == ["ежик", "в", "тумане"]
    assert words("...") == []


def test_prefixes_in_both_scripts(catalog) -> None:
    assert found(catalog, "терм") == ["1000", "1003"]  # higher rated first among equal matches
    assert found(catalog, "termin") == ["1000", "1003"]
    assert found(catalog, "терминал") == ["1003"]
    assert found(catalog, "служ ром") == ["1004"]  # every word must match


def test_yo_equals_ye_both_ways(catalog) -> None:
    assert found(catalog, "ежик") == ["1001"]
    assert found(catalog, "Ёжик") == ["1001"]
    assert found(catalog, "унесенные") == ["1002"]


def test_original_and_alternative_titles(catalog) -> None:
    assert found(catalog, "spirited") == ["1002"]
    assert found(catalog, "chihiro") == ["1002"]


def test_small_typos(catalog) -> None:
    assert found(catalog, "терминатр") == ["1000"]  # a missing letter
    assert found(catalog, "терменатор") == ["1000"]  # a wrong letter
    assert found(catalog, "служебнй") == ["1004"]
    assert found(catalog, "xyzzy") == []


def test_suggestions_and_hostile_input(catalog) -> None:
    top = catalog.search.suggestions("терм", limit=1)
    assert [s.title for s in top] == ["Терминатор"]
    for text in ('"', "AND OR NOT", "терм*", "(", "NEAR(", "-", "title:x"):
        catalog.query(CatalogFilter(text=text))  # quoted terms: FTS syntax never reaches SQLite raw
    assert len(found(catalog, "   ")) == 5  # blank text does not filter


def test_order_follows_rating_changes(catalog, services) -> None:
    assert found(catalog, "терм") == ["1000", "1003"]
    services.db.raw().execute("UPDATE titles SET rating = 9.9 WHERE id = 'tmdb:movie:1003'")
    assert found(catalog, "терм") == ["1003", "1000"]  # the in-memory rank table was rebuilt


def test_the_index_follows_title_writes(catalog, services) -> None:
    titles_repo.upsert_titles(services.db, [title_row(3, title="Аэропорт", original_title="Airport")])
    assert "1003" not in found(catalog, "терминал")
    assert found(catalog, "аэропорт") == ["1003"]
    services.db.raw().execute("DELETE FROM titles WHERE id = 'tmdb:movie:1003'")
    assert found(catalog, "аэропорт") == []
    assert search_repo.rebuild(services.db) == 4
    assert found(catalog, "терминатор") == ["1000"]


def test_suggest_runs_in_a_worker_and_matches_suggestions(catalog) -> None:
    import asyncio
    import threading

    seen: list[str] = []
    real = catalog.search.suggestions

    def spy(text: str, limit: int = 8):
        seen.append(threading.current_thread().name)
        return real(text, limit)

    catalog.search.suggestions = spy
    found = asyncio.run(catalog.search.suggest("терм", limit=2))
    assert [s.title for s in found] == ["Терминатор", "Терминал"]
    assert seen and seen[0] != threading.main_thread().name
    assert asyncio.run(catalog.search.suggest("  ")) == []


def test_warm_prepares_the_rank_table(catalog) -> None:
    assert catalog.search.warm() == 5
    catalog.warm_search()  # the grid's worker calls this after start-up
    assert found(catalog, "ёж") == ["1001"]
