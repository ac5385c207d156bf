"""Episodes and per-episode progress: per profile, the next episode, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from app.domain.series import EPISODE_KEY_PREFIX, Episode, episode_key, parse_episode_key
from app.storage import catalog_reads, episodes_repo, library_repo, profiles_repo, titles_repo
from app.storage.catalog_query import CatalogFilter, filtered_ids
from app.storage.db import Database

NOW = datetime(2026, 12, 5, 20, 0, tzinfo=UTC)
TS = int(NOW.timestamp())
SERIES = "tmdb:tv:1399"


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    target = str(tmp_path / "d.sqlite3") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    database = Database(target)
    database.migrate()
    titles_repo.upsert_titles(
        database,
        [{"id": SERIES, "kind": "series", "title": "Игра престолов", "added_at": TS, "updated_at": TS}],
    )
    yield database
    database.dispose()


def _season(season: int, count: int, *, first_air: date = date(2020, 1, 1)) -> list[Episode]:
    return [
        Episode(
            SERIES,
            season,
            n,
            name=f"Серия {n}",
            air_date=(first_air + timedelta(days=7 * n)).isoformat(),
            runtime=50,
        )
        for n in range(1, count + 1)
    ]


def test_episode_keys_round_trip_with_colons_in_the_title_id() -> None:
    key = episode_key("shikimori:anime:5114", 1, 12)
    assert key == "ep:shikimori:anime:5114:1:12"
    assert parse_episode_key(key) == ("shikimori:anime:5114", 1, 12)
    assert parse_episode_key("tmdb:movie:603") is None  # a film's key
    assert parse_episode_key("ep:x:one:2") is None and parse_episode_key("ep:x:1:0") is None
    # Home's probe keeps its own copy of the prefix (the series model loads only when needed)
    assert catalog_reads.EPISODE_KEY_PREFIX == EPISODE_KEY_PREFIX


def test_home_probes_which_tiles_have_episodes_before_loading_them(db: Database) -> None:
    me = profiles_repo.starting(db).id  # type: ignore[union-attr]
    kid = profiles_repo.create(db, "Маша", now=TS)
    assert catalog_reads.series_with_episodes(db, me, [SERIES, "tmdb:movie:1"]) == []
    episodes_repo.upsert_episodes(db, _season(1, 2), TS)
    assert catalog_reads.series_with_episodes(db, me, [SERIES, "tmdb:movie:1"]) == [SERIES]
    # a series known only by the profile's episode progress (no episode list fetched yet) counts
    other = "tmdb:tv:99"
    episodes_repo.save_episode_progress(db, kid, other, 1, 3, 60_000, 3_000_000, watched=None, now=NOW)
    assert sorted(catalog_reads.series_with_episodes(db, kid, [SERIES, other])) == sorted([SERIES, other])
    assert catalog_reads.series_with_episodes(db, me, [other]) == []
    assert catalog_reads.series_with_episodes(db, me, []) == []


def test_episodes_written_replaced_and_read_by_season(db: Database) -> None:
    assert episodes_repo.upsert_episodes(db, _season(1, 3) + _season(2, 2), TS) == 5
    # a later answer without a still keeps the one known; a new name replaces the old
    episodes_repo.upsert_episodes(db, [Episode(SERIES, 1, 1, still_path="/s1e1.jpg")], TS)
    episodes_repo.upsert_episodes(db, [Episode(SERIES, 1, 1, name="Зима близко")], TS + 1)
    first = episodes_repo.episodes_of(db, SERIES, 1)[0]
    assert (first.name, first.still_path, first.runtime) == ("Зима близко", "/s1e1.jpg", 50)
    assert episodes_repo.seasons_of(db, SERIES) == [1, 2]
    assert [e.label for e in episodes_repo.episodes_of(db, SERIES)] == [
        "S1 E1",
        "S1 E2",
        "S1 E3",
        "S2 E1",
        "S2 E2",
    ]
    assert episodes_repo.upsert_episodes(db, [Episode(SERIES, 1, 0)], TS) == 0  # no episode 0


def test_progress_is_per_profile_and_the_next_episode_follows_the_finished_one(db: Database) -> None:
    episodes_repo.upsert_episodes(db, _season(1, 2) + _season(2, 6), TS)
    me = profiles_repo.starting(db).id  # type: ignore[union-attr]
    kid = profiles_repo.create(db, "Маша", now=TS)
    today = NOW.date()
    start = episodes_repo.next_episode(db, me, SERIES, today)
    assert start is not None and (start.label, start.reason, start.resume_ms) == ("S1 E1", "start", 0)
    # half of S2 E4: Continue resumes it
    episodes_repo.save_episode_progress(db, me, SERIES, 2, 4, 1_500_000, 3_000_000, watched=None, now=NOW)
    got = episodes_repo.next_episode(db, me, SERIES, today)
    assert got is not None and (got.label, got.reason, got.resume_ms) == ("S2 E4", "resume", 1_500_000)
    # finished (past 92 % counts as watched): Continue offers S2 E5 from the start
    later = NOW + timedelta(minutes=30)
    nxt = episodes_repo.save_episode_progress(
        db, me, SERIES, 2, 4, 2_900_000, 3_000_000, watched=None, now=later
    )
    assert nxt is not None and (nxt.label, nxt.reason, nxt.resume_ms) == ("S2 E5", "next", 0)
    assert episodes_repo.episode_progress(db, me, SERIES)[(2, 4)].watched
    # the other profile has none of it
    assert episodes_repo.episode_progress(db, kid, SERIES) == {}
    assert episodes_repo.next_episode(db, kid, SERIES, today).reason == "start"  # type: ignore[union-attr]
    # the series' own row keeps it in Continue watching, between episodes too
    series_row = library_repo.get_progress(db, me, SERIES)
    assert series_row is not None and series_row.position_ms == 1 and not series_row.watched
    if db.is_sqlite:  # the catalog's reads are the device's own (SQLite)
        cont = CatalogFilter(in_progress=True, sort="recent")
        assert SERIES in filtered_ids(db, cont, TS, me)
        assert SERIES not in filtered_ids(db, cont, TS, kid)
    assert episodes_repo.next_episodes(db, me, [SERIES, "tmdb:movie:1"], today)[SERIES].label == "S2 E5"


def test_caught_up_and_not_yet_aired(db: Database) -> None:
    me = profiles_repo.starting(db).id  # type: ignore[union-attr]
    episodes_repo.upsert_episodes(db, _season(1, 2), TS)
    episodes_repo.upsert_episodes(
        db, [Episode(SERIES, 1, 3, air_date=(NOW.date() + timedelta(days=3)).isoformat())], TS
    )
    nxt = episodes_repo.save_episode_progress(db, me, SERIES, 1, 2, 0, None, watched=True, now=NOW)
    assert nxt is None  # S1 E3 airs in three days: nothing to watch yet
    assert library_repo.get_progress(db, me, SERIES).watched  # type: ignore[union-attr]
    # three days on, it has aired
    assert episodes_repo.next_episode(db, me, SERIES, NOW.date() + timedelta(days=3)).label == "S1 E3"  # type: ignore[union-attr]


def test_without_a_provider_list_the_guide_numbering_goes_on(db: Database) -> None:
    me = profiles_repo.starting(db).id  # type: ignore[union-attr]
    assert episodes_repo.next_episode(db, me, SERIES, NOW.date()) is None  # nothing known
    nxt = episodes_repo.save_episode_progress(db, me, SERIES, 1, 12, 0, None, watched=True, now=NOW)
    assert nxt is not None and nxt.label == "S1 E13" and nxt.episode.name is None


def test_a_matched_guide_series_takes_its_episodes_and_progress_along(db: Database) -> None:
    from app.storage import enrich_repo

    me = profiles_repo.starting(db).id  # type: ignore[union-attr]
    old = enrich_repo.placeholder_id("тайны следствия")
    titles_repo.upsert_titles(
        db, [{"id": old, "kind": "series", "title": "Тайны следствия", "added_at": TS, "updated_at": TS}]
    )
    episodes_repo.upsert_episodes(db, [Episode(old, 1, 1), Episode(old, 1, 2)], TS)
    episodes_repo.save_episode_progress(db, me, old, 1, 1, 0, None, watched=True, now=NOW)
    new = "tmdb:tv:4242"
    row = {"id": new, "kind": "series", "title": "Тайны следствия"}
    enrich_repo.save_matched(
        db, "тайны следствия", "series", title_row=row, score=0.99, candidates=[], now=TS
    )
    assert episodes_repo.episode_progress(db, me, new)[(1, 1)].watched
    assert [e.label for e in episodes_repo.episodes_of(db, new)] == ["S1 E1", "S1 E2"]
    assert episodes_repo.next_episode(db, me, new, NOW.date()).label == "S1 E2"  # type: ignore[union-attr]
    assert library_repo.get_progress(db, me, new) is not None  # the series' own row moved too
