"""Series airings of the guide (issue 16): one series title per show, season and episode numbers.

A labelled table of real guide lines (each read from its file in ../shared/realworld/xmltv) and
our own cases of every notation: «Т/с "…" 12 с.», «Сезон 2. Серия 5», XMLTV ``episode-num`` in
``xmltv_ns`` (zero-based) and ``onscreen``. Films shown in parts stay films (issue 13).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.core.clock import FixedClock
from app.domain.series import episode_mark, xmltv_ns
from app.providers.guide.feed import ProgrammeRecord, open_feed
from app.providers.guide.xmltv.parser import iter_xmltv
from app.services.guide import refresh as epg_refresh
from app.services.guide.film_detection import detect
from app.services.guide.series_detection import series_airing
from app.services.library.catalog import CatalogService
from app.storage.catalog_query import CatalogFilter

REALWORLD = Path(__file__).resolve().parents[3] / "shared" / "realworld"

# (file, title, sub-title or None, expected series name, season, episode)
REAL = [
    ("iptvx_one_ru_content.xml", "т/с Фарца. 7 с.", None, "Фарца", None, 7),
    ("iptvx_one_ru_content.xml", "т/с Фарца. 8 с.", None, "Фарца", None, 8),
    ("iptvx_one_ru_content.xml", "т/с Преступление. 2 с.", None, "Преступление", None, 2),
    ("iptvx_one_ru_content.xml", "т/с Девушка средних лет. 4 с.", None, "Девушка средних лет", None, 4),
    ("iptvx_one_ru_content.xml", "т/с Тайны города Эн. 5 с.", None, "Тайны города Эн", None, 5),
    ("iptvx_one_ru_content.xml", "т/с Коготь из Мавритании. 3 с.", None, "Коготь из Мавритании", None, 3),
    ("iptvx_one_ru_content.xml", "т/с Снайперы. 1 с.", None, "Снайперы", None, 1),
    ("jellyfin_UK_Data.xml", "Doctors", "Milk", "Doctors", 17, 141),  # xmltv_ns 16.140/217.
    ("jellyfin_UK_Data.xml", "The Coroner", "The Deep Freeze", "The Coroner", 1, 9),  # 0.8/10.
    ("jellyfin_UK_Data.xml", "Fake Britain", None, "Fake Britain", 6, 4),  # 5.3/10.
    ("jellyfin_UK_Data.xml", "Pointless", None, "Pointless", 10, 68),  # 9.67/70.
    ("xmltvproject_test.xml", "blah", None, "blah", 3, 10),  # "2 . 9 . 0/1"
]  # fmt: skip

# (title, sub-title, episode-num text, expected name, season, episode): the notations
OWN = [
    ('Т/с "Тайны следствия" 12 с.', None, None, "Тайны следствия", None, 12),
    ("Т/с «Склифосовский» (16+). 3 сезон. 12 серия", None, None, "Склифосовский", 3, 12),
    ("Тайны следствия. Сезон 2. Серия 5", None, None, "Тайны следствия", 2, 5),
    ("Кухня. 3 сезон, 10 серия", None, None, "Кухня", 3, 10),
    ("Друзья (2-й сезон, 12-я серия)", None, None, "Друзья", 2, 12),
    ("Интерны. 1-2 серии", None, None, "Интерны", None, 1),
    ("Воронины. Серия 205", None, None, "Воронины", None, 205),
    ("Доктор Хаус", None, "1.4.0/1", "Доктор Хаус", 2, 5),  # xmltv_ns is zero-based
    ("Доктор Хаус", None, ".11/22.", "Доктор Хаус", None, 12),
    ("Доктор Хаус", None, "S02E05", "Доктор Хаус", 2, 5),  # onscreen
    ("Доктор Хаус", None, "Сезон 2, серия 5", "Доктор Хаус", 2, 5),  # onscreen, Russian
    ("Наруто", None, "12", "Наруто", None, 12),  # onscreen, a bare number
    ("Наруто. 12 серия", None, "S01E12", "Наруто", 1, 12),  # both agree
    ("First Dates", "13, series 4", None, "First Dates", 4, 13),
    ("Sherlock", "Series 2, Episode 3", None, "Sherlock", 2, 3),
]  # fmt: skip


def _records(path: Path) -> Iterator[ProgrammeRecord]:
    with open(path, "rb") as stream:
        for rec in iter_xmltv(stream, path.name):
            if isinstance(rec, ProgrammeRecord):
                yield rec


@pytest.fixture(scope="module")
def lines() -> dict[tuple[str, str, str | None], ProgrammeRecord]:
    if not REALWORLD.is_dir():
        pytest.skip("realworld corpus missing")
    out: dict[tuple[str, str, str | None], ProgrammeRecord] = {}
    for name in {row[0] for row in REAL}:
        for rec in _records(REALWORLD / "xmltv" / name):
            out.setdefault((name, rec.title, rec.subtitle), rec)
    return out


@pytest.mark.parametrize(("name", "title", "subtitle", "series", "season", "number"), REAL)
def test_real_series_line(
    lines: dict[tuple[str, str, str | None], ProgrammeRecord],
    name: str,
    title: str,
    subtitle: str | None,
    series: str,
    season: int | None,
    number: int | None,
) -> None:
    rec = lines.get((name, title, subtitle))
    assert rec is not None, f"{title!r} is not in {name}"
    det = detect(rec.title, rec.categories, rec.description, flag=rec.kind_flag, subtitle=rec.subtitle)
    assert det.kind == "series"
    found = series_airing(rec.title, rec.subtitle, rec.episode)
    assert found is not None and (found.name, found.season, found.number) == (series, season, number)


@pytest.mark.parametrize(("title", "subtitle", "episode", "series", "season", "number"), OWN)
def test_notation(
    title: str, subtitle: str | None, episode: str | None, series: str, season: int | None, number: int | None
) -> None:
    found = series_airing(title, subtitle, episode)
    assert found is not None and (found.name, found.season, found.number) == (series, season, number)


def test_episodes_of_one_series_share_one_key_and_films_in_parts_stay_films() -> None:
    found = [series_airing(t) for t in ('Т/с "Тайны следствия" 12 с.', "Тайны следствия. Сезон 2. Серия 5")]
    keys = {f.key for f in found if f is not None}
    assert keys == {"series:тайны следствия"}
    for title in ("х/ф Три в одном 6. 1 с.", "х/ф Чудо-остров, или Полесские Робинзоны. 1 с./2 с."):
        assert detect(title).kind == "film"


def test_numbers_that_name_no_episode() -> None:
    assert xmltv_ns("0.0.0/1") is None and xmltv_ns(".0/0.") is None  # films, one-offs
    assert xmltv_ns("EP01419807.0010") is None  # a Schedules Direct id, not xmltv_ns
    assert episode_mark("Новости").number is None
    assert series_airing("т/с 12 с.") is None  # nothing left of a name: no series title


def test_a_russian_guide_puts_its_series_in_the_catalog(services: Any) -> None:
    path = REALWORLD / "xmltv" / "iptvx_one_ru_content.xml.gz"
    if not path.exists():
        pytest.skip("realworld corpus missing")
    with open_feed(path, path.name) as s:
        first = min(r.start for r in iter_xmltv(s, path.name) if isinstance(r, ProgrammeRecord))
    services.clock = FixedClock(datetime.fromtimestamp(first, UTC))
    res = epg_refresh.import_location(services, str(path))
    assert res.films == 15  # the series are not counted as films (issue 13's figure)
    rows = services.db.execute(
        "SELECT title_id, season, episode_num FROM programmes WHERE title = 'т/с Фарца. 8 с.'"
    )
    assert rows and all(r == ("epg:film:series:фарца", None, 8) for r in rows)
    series_ids = CatalogService(services).query(CatalogFilter(kinds=("series",)))
    names = dict(services.db.execute("SELECT id, title FROM titles WHERE kind = 'series'"))
    assert set(series_ids) == set(names) and len(names) == 6
    assert sorted(names.values()) == [
        "Девушка средних лет", "Коготь из Мавритании", "Преступление", "Снайперы", "Тайны города Эн", "Фарца",
    ]  # fmt: skip
    # every airing of a series is linked to its one title
    per = services.db.execute(
        "SELECT title_id, count(*), count(DISTINCT episode_num) FROM programmes "
        "WHERE kind = 'series' GROUP BY title_id ORDER BY title_id"
    )
    assert all(tid in names for tid, _n, _e in per)


def test_airings_of_each_episode_and_guide_only_episodes(services: Any) -> None:
    from app.storage import episodes_repo

    path = REALWORLD / "xmltv" / "iptvx_one_ru_content.xml.gz"
    if not path.exists():
        pytest.skip("realworld corpus missing")
    with open_feed(path, path.name) as s:
        first = min(r.start for r in iter_xmltv(s, path.name) if isinstance(r, ProgrammeRecord))
    services.clock = FixedClock(datetime.fromtimestamp(first, UTC))
    epg_refresh.import_location(services, str(path))
    farza = "epg:film:series:фарца"
    airings = episodes_repo.airings_by_episode(services.db, farza, first)
    assert set(airings) == {(1, 7), (1, 8)}  # «т/с Фарца. 7 с.», «… 8 с.»: season 1 when the guide names none
    assert airings[(1, 7)] and all(channel.endswith("12-omsk") for channel, _s, _e in airings[(1, 7)])
    assert [e.label for e in episodes_repo.with_guide_episodes(services.db, farza)] == ["S1 E7", "S1 E8"]
