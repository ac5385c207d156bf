"""Catalog queries: every filter and sort, home rows, watchlist and "mark watched"."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from app.core.clock import FixedClock
from app.core.events import LibraryDidChange, ProgressDidChange
from app.services.library.catalog import CatalogFilter, CatalogService
from app.services.library.progress import LibraryService
from app.storage import titles_repo
from tests.ui.conftest import title_row

NOW = datetime(2026, 11, 21, 15, 0, tzinfo=UTC)
TS = int(NOW.timestamp())


@pytest.fixture
def catalog(services):
    services.clock = FixedClock(NOW)
    rows = [
        title_row(0, title="Сталкер", year=1979, rating=8.1, genres='["драма", "фантастика"]', kind="film"),
        title_row(1, title="Солярис", year=1972, rating=7.9, genres='["фантастика"]', countries='["СССР"]'),
        title_row(
            2,
            title="Акира",
            year=1988,
            rating=8.0,
            kind="anime",
            genres='["аниме"]',
            countries='["Япония"]',
            poster_origin="shikimori",
        ),
        title_row(
            3,
            title="Ёлки",
            year=2010,
            rating=5.5,
            genres='["комедия"]',
            countries='["Россия"]',
            added_at=int(time.time()) + 3600,
        ),
        title_row(4, title="Космос", year=2015, rating=None, kind="documentary", genres="not json"),
        title_row(5, title="Передача", kind="programme"),
    ]
    titles_repo.upsert_titles(services.db, rows)
    with services.db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO guide_sources (id, name, kind, location, created_at) "
                "VALUES (1, 'g', 'xmltv', 'x', 0)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO channels (id, source_id, guide_id, name, catchup_mode, catchup_days) VALUES "
                "('1:a', 1, 'a', 'Первый', 'shift', 3), ('1:b', 1, 'b', 'Россия К', NULL, NULL)"
            )
        )
        airings = [
            ("1:a", TS - 1800, TS + 3600, "tmdb:movie:1000"),  # on now
            ("1:b", TS + 5 * 3600, TS + 7 * 3600, "tmdb:movie:1001"),  # tonight (20:00 UTC)
            ("1:b", TS + 3 * 86400, TS + 3 * 86400 + 7200, "tmdb:movie:1002"),  # this week
            ("1:a", TS - 86400, TS - 86400 + 7200, "tmdb:movie:1003"),  # yesterday: catch-up
        ]
        for ch, start, stop, tid in airings:
            conn.execute(
                text(
                    "INSERT INTO programmes (source_id, channel_id, start, stop, title, kind, title_id) "
                    "VALUES (1, :ch, :start, :stop, 't', 'film', :tid)"
                ),
                {"ch": ch, "start": start, "stop": stop, "tid": tid},
            )
    titles_repo.upsert_sources(
        services.db,
        [
            {"title_id": "tmdb:movie:1001", "kind": "torrent", "url": "magnet:?xt=1", "added_at": TS},
            {"title_id": "tmdb:movie:1004", "kind": "hls", "url": "http://127.0.0.1/x.m3u8", "added_at": TS},
        ],
    )
    return CatalogService(services)


def q(catalog: CatalogService, **kw) -> list[int]:
    return [int(t.rsplit(":", 1)[1]) - 1000 for t in catalog.query(CatalogFilter(**kw))]


def test_default_order_is_soonest_airing_then_rating(catalog) -> None:
    assert q(catalog) == [0, 1, 2, 3, 4]  # programmes are never catalog titles
    assert q(catalog, sort="rating") == [0, 2, 1, 3, 4]
    assert q(catalog, sort="year") == [4, 3, 2, 0, 1]
    assert q(catalog, sort="title")[0] == 2  # Акира
    assert q(catalog, sort="added")[0] == 3


def test_each_filter(catalog) -> None:
    assert q(catalog, kinds=("anime",)) == [2]
    assert q(catalog, kinds=("film", "documentary"), sort="rating") == [0, 1, 3, 4]
    assert q(catalog, genre="фантастика", sort="year") == [0, 1]
    assert sorted(q(catalog, genre="фантастика")) == [0, 1]
    assert q(catalog, country="Япония") == [2]
    assert sorted(q(catalog, year_min=1975, year_max=1990)) == [0, 2]
    assert sorted(q(catalog, rating_min=8.0)) == [0, 2]
    assert q(catalog, poster_origin="shikimori") == [2]
    assert q(catalog, availability="on_air") == [0, 1, 2]
    assert q(catalog, availability="catchup") == [0, 3]  # on now on an archive channel: from the start
    assert q(catalog, availability="torrent") == [1]
    assert q(catalog, availability="stream") == [4]


def test_air_windows_for_home_rows(catalog) -> None:
    assert q(catalog, airing_from=TS, airing_to=TS + 1) == [0]
    assert q(catalog, airing_from=TS, airing_to=TS + 7 * 86400) == [0, 1, 2]


def test_watched_progress_views_and_watchlist(catalog, services) -> None:
    events: list[object] = []
    services.bus.subscribe(ProgressDidChange, events.append)
    services.bus.subscribe(LibraryDidChange, events.append)
    catalog.set_watched("tmdb:movie:1001", True)
    catalog.set_watched("tmdb:movie:1001", True)  # once is one view
    LibraryService(services).save_progress("tmdb:movie:1003", 60_000, 5_400_000, title_id="tmdb:movie:1003")
    assert q(catalog, watched=True) == [1]
    assert q(catalog, watched=False) == [0, 2, 3, 4]
    assert q(catalog, in_progress=True, sort="recent") == [3]
    assert q(catalog, sort="views")[0] == 1
    extras = catalog.extras("tmdb:movie:1001")
    assert extras.watched and not extras.in_watchlist
    catalog.set_watched("tmdb:movie:1001", False)
    assert q(catalog, watched=True) == []
    catalog.set_in_watchlist("tmdb:movie:1002", True)
    services.clock.advance(5)
    catalog.set_in_watchlist("tmdb:movie:1000", True)
    assert q(catalog, watchlist=True, sort="watchlist") == [0, 2]  # newest first
    catalog.set_in_watchlist("tmdb:movie:1000", False)
    assert q(catalog, watchlist=True) == [2]
    assert any(isinstance(e, LibraryDidChange) for e in events)
    assert any(isinstance(e, ProgressDidChange) and e.item_key == "tmdb:movie:1001" for e in events)


def test_home_rows(catalog) -> None:
    rows = {row.key: row for row in catalog.home_rows()}
    assert rows["on_now"].ids == ["tmdb:movie:1000"]
    assert rows["tonight"].ids == ["tmdb:movie:1001"]
    assert rows["week"].ids == ["tmdb:movie:1000", "tmdb:movie:1001", "tmdb:movie:1002"]
    assert rows["anime"].ids == ["tmdb:movie:1002"]
    assert rows["top"].ids == ["tmdb:movie:1000", "tmdb:movie:1002", "tmdb:movie:1001"]
    assert rows["continue"].ids == [] and rows["watchlist"].ids == []
    genre_rows = [r for r in rows.values() if r.key.startswith("genre:")]
    assert genre_rows[0].label == "фантастика"  # the most common genre comes first
    # "See all" carries the same filter: the full query has at least the row's titles
    assert set(rows["week"].ids) <= set(catalog.query(rows["week"].flt))


def test_title_extras_show_catchup_and_candidates(catalog, services) -> None:
    with services.db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO title_matches (film_key, kind, title_id, candidates, status, checked_at) "
                "VALUES ('elki 2010', 'film', 'tmdb:movie:1003', :c, 'matched', 1)"
            ),
            {"c": '[{"id": "tmdb:movie:1003", "title": "Ёлки"}, {"id": "tmdb:movie:77", "title": "Ёлки 2"}]'},
        )
    extras = catalog.extras("tmdb:movie:1003")
    assert extras.film_key == "elki 2010"
    assert [c["id"] for c in extras.candidates] == ["tmdb:movie:77"]  # the current match is not offered
    assert [(a.channel_name, a.days) for a in extras.catchup] == [("Первый", 3)]
    assert catalog.facets().genres[0] == "фантастика"
    assert "shikimori" in catalog.facets().poster_origins


def test_query_scales_to_20000_titles(services) -> None:
    rows = [title_row(i, title=f"Фильм {i}", genres='["драма"]') for i in range(20000)]
    titles_repo.upsert_titles(services.db, rows)
    catalog = CatalogService(services)
    ids = catalog.query(CatalogFilter(genre="драма", rating_min=7.0, sort="rating"))
    assert len(ids) == sum(1 for r in rows if r["rating"] >= 7.0)
    assert len(catalog.query(CatalogFilter(text="фильм 1999"))) >= 1
