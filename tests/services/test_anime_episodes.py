"""Anime matched to Shikimori take episode names, dates and stills from the same show on TMDB
(fake Shikimori + fake TMDB on loopback); a sequel's entry, a show whose episode count differs or
no show at all keep Shikimori's numbers, with the next episode's exact date only."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from app.services.enrich import anime_episodes
from app.services.enrich.episodes import store_episodes
from app.storage import episodes_repo, titles_repo
from tests.fakes.shikimori_server import FakeShikimori
from tests.fakes.tmdb_server import GOOD_TOKEN, FakeTmdb

ANIME = [
    {"id": 5114, "name": "Fullmetal Alchemist: Brotherhood", "russian": "Стальной алхимик: Братство",
     "year": 2009, "episodes": 64, "english": ["Fullmetal Alchemist: Brotherhood"]},
    {"id": 11061, "name": "Hunter x Hunter (2011)", "russian": "Охотник х Охотник [ТВ-2]", "year": 2011,
     "episodes": 148, "english": ["Hunter x Hunter"]},
    {"id": 16498, "name": "Shingeki no Kyojin", "russian": "Атака титанов", "year": 2013, "episodes": 25,
     "english": ["Attack on Titan"]},
    {"id": 25777, "name": "Shingeki no Kyojin Season 2", "russian": "Атака титанов 2", "year": 2017,
     "episodes": 12, "english": ["Attack on Titan Season 2"]},
    {"id": 52991, "name": "Sousou no Frieren", "russian": "Провожающая в последний путь Фрирен", "year": 2023,
     "episodes": 28, "episodes_aired": 10, "status": "ongoing",
     "next_episode_at": "2023-11-17T23:00:00.000+03:00", "english": ["Frieren: Beyond Journey's End"]},
]  # fmt: skip
TV = [
    {"id": 31911, "title": "Стальной алхимик: Братство", "original_title": "Fullmetal Alchemist: Brotherhood",
     "year": 2009, "genre_ids": [16], "original_language": "ja", "countries": ["JP"], "season_episodes": [64],
     "runtime": 24},
    {"id": 31910, "title": "Стальной алхимик", "original_title": "Fullmetal Alchemist", "year": 2003,
     "genre_ids": [16], "original_language": "ja", "countries": ["JP"], "season_episodes": [51]},
    {"id": 46298, "title": "Охотник х Охотник", "original_title": "Hunter x Hunter", "year": 2011,
     "genre_ids": [16], "original_language": "ja", "countries": ["JP"], "season_episodes": [58, 78, 12]},
    {"id": 2007, "title": "Охотник х Охотник", "original_title": "Hunter x Hunter", "year": 1999,
     "genre_ids": [16], "original_language": "ja", "countries": ["JP"], "season_episodes": [62]},
    # TMDB keeps the sequels in one show: 59 episodes against Shikimori's 25 for the first season
    {"id": 1429, "title": "Атака титанов", "original_title": "Attack on Titan", "year": 2013,
     "genre_ids": [16], "original_language": "ja", "countries": ["JP"], "season_episodes": [25, 12, 22]},
]  # fmt: skip


@pytest.fixture
def world(services: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    shiki, tmdb = FakeShikimori(ANIME), FakeTmdb([], TV, image_base="http://127.0.0.1:9/t/p/")
    shiki.start()
    tmdb.start()
    monkeypatch.setenv("CINEMA_TMDB_TOKEN", GOOD_TOKEN)
    services.settings = services.settings.model_copy(
        update={"tmdb_base_url": tmdb.base_url, "shikimori_base_url": shiki.base_url}
    )
    yield services
    shiki.stop()
    tmdb.stop()


async def _store(services: Any, shikimori_id: int) -> str:
    tid = f"shikimori:anime:{shikimori_id}"
    (provider,) = services.providers.meta_details(tid)
    meta = await provider.details(tid, "ru-RU")
    now = int(services.clock.now().timestamp())
    titles_repo.upsert_titles(
        services.db, [{"id": tid, "kind": "anime", "title": meta.title, "added_at": now, "updated_at": now}]
    )
    await store_episodes(services, meta, "ru-RU")
    return tid


@pytest.mark.asyncio
async def test_the_same_show_on_tmdb_names_the_episodes(world: Any) -> None:
    tid = await _store(world, 5114)
    episodes = episodes_repo.episodes_of(world.db, tid)
    assert len(episodes) == 64 and {e.season for e in episodes} == {1}
    first = episodes[0]
    assert (first.name, first.air_date, first.runtime) == ("Серия 1", "2009-01-01", 24)
    assert first.still_path == "http://127.0.0.1:9/t/p/w300/still31911_1_1.jpg"  # not 2003's 31910
    assert episodes_repo.episodes_source(world.db, tid) == {
        "provider": "tmdb", "id": "tmdb:tv:31911", "title": "Стальной алхимик: Братство", "year": 2009,
    }  # fmt: skip

    # Hunter x Hunter (2011): the 2011 show, not 1999's namesake; its three TMDB seasons become
    # one run numbered 1..148 as Shikimori (and the guide, and the packs) number it.
    tid = await _store(world, 11061)
    episodes = episodes_repo.episodes_of(world.db, tid)
    assert [e.number for e in episodes] == list(range(1, 149))
    e59 = episodes[58]
    assert e59.still_path and e59.still_path.endswith("/still46298_2_1.jpg") and e59.air_date == "2012-01-01"
    assert episodes_repo.episodes_source(world.db, tid)["id"] == "tmdb:tv:46298"  # type: ignore[index]
    await world.net.aclose()


@pytest.mark.asyncio
async def test_a_wrong_show_is_refused_and_numbers_stay(world: Any) -> None:
    # The first season's entry: TMDB's show of that year and name has 59 episodes (its sequels too)
    tid = await _store(world, 16498)
    episodes = episodes_repo.episodes_of(world.db, tid)
    assert [e.number for e in episodes] == list(range(1, 26))
    assert all(e.name is None and e.air_date is None and e.still_path is None for e in episodes)
    assert episodes_repo.episodes_source(world.db, tid) == {"provider": "shikimori", "names": "no_match"}

    # A sequel's entry (2017): "Атака титанов" of 2013 is not it
    tid = await _store(world, 25777)
    assert all(e.name is None for e in episodes_repo.episodes_of(world.db, tid))
    assert episodes_repo.episodes_source(world.db, tid) == {"provider": "shikimori", "names": "no_match"}

    # A running anime TMDB lacks: aired 1..10 numbered only, E11 with its announced day
    tid = await _store(world, 52991)
    episodes = episodes_repo.episodes_of(world.db, tid)
    assert [e.number for e in episodes] == list(range(1, 12))
    assert [e.air_date for e in episodes] == [None] * 10 + ["2023-11-17"]
    assert all(e.name is None for e in episodes)
    assert episodes_repo.episodes_source(world.db, tid) == {"provider": "shikimori", "names": "no_match"}

    # TMDB not answering: numbers, and the page can say TMDB was not asked (not "no such show")
    world.settings = world.settings.model_copy(update={"tmdb_base_url": "http://127.0.0.1:9/3"})
    tid = await _store(world, 5114)
    assert all(e.name is None for e in episodes_repo.episodes_of(world.db, tid))
    assert episodes_repo.episodes_source(world.db, tid) == {"provider": "shikimori", "names": "not_asked"}
    await world.net.aclose()


def test_confidence_rules() -> None:
    from app.providers.meta.models import Candidate, TitleMeta

    meta = TitleMeta(id="shikimori:anime:1", kind="anime", title="Тетрадь смерти",
                     original_title="Death Note", year=2006,
                     extra={"episodes": 37, "status": "released"})  # fmt: skip

    def cand(ident: int, title: str, year: int, genres: tuple[int, ...] = (16,)) -> Candidate:
        return Candidate(id=f"tmdb:tv:{ident}", kind="series", title=title, year=year, genre_ids=genres)

    assert anime_episodes.confident(meta, [cand(13916, "Тетрадь смерти", 2006)]) is not None
    # a live-action namesake, another year, another title, or two that fit: none is taken
    assert anime_episodes.confident(meta, [cand(1, "Тетрадь смерти", 2006, (18,))]) is None
    assert anime_episodes.confident(meta, [cand(2, "Тетрадь смерти", 2015)]) is None
    assert anime_episodes.confident(meta, [cand(3, "Тетрадь жизни", 2006)]) is None
    assert (
        anime_episodes.confident(meta, [cand(4, "Death Note", 2006), cand(5, "Тетрадь смерти", 2006)]) is None
    )
    assert anime_episodes.counts_agree(meta, 37) and not anime_episodes.counts_agree(meta, 38)
    running = TitleMeta(id="x", kind="anime", title="x", extra={"episodes": 24, "episodes_aired": 10})
    assert anime_episodes.counts_agree(running, 12) and not anime_episodes.counts_agree(running, 9)
    assert not anime_episodes.counts_agree(running, 30)
    assert anime_episodes.names_of(
        TitleMeta(id="x", kind="anime", title="Охотник х Охотник [ТВ-2]",
                  original_title="Hunter x Hunter (2011)",
                  alt_titles=("Hunter x Hunter", "ハンター×ハンター"))
    ) == ["Охотник х Охотник", "Hunter x Hunter"]  # fmt: skip
