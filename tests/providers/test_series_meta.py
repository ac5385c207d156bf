"""Series metadata (issue 16): TMDB seasons' episodes and Shikimori's episode counts, from the
real samples' shapes; a fake TMDB on 127.0.0.1 serves a series' seasons to the provider."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest

from app.providers.meta.shikimori import parse as shiki_parse
from app.providers.meta.shikimori.episodes import numbered as shikimori_episodes
from app.providers.meta.tmdb import parse
from tests.conftest import REALWORLD
from tests.fakes.tmdb_server import GOOD_TOKEN, FakeTmdb

BASE = "https://image.tmdb.org/t/p/"


def _load(*parts: str) -> Any:
    path = REALWORLD.joinpath(*parts)
    if not path.exists():
        pytest.skip("realworld corpus missing")
    return json.loads(path.read_text("utf-8"))


def test_a_real_episode_object_in_a_season() -> None:
    episode = _load("tmdb", "jdrouet_tv-episode-details.json")
    season = {"season_number": episode["season_number"], "episodes": [episode, {"name": "no number"}]}
    (got,) = parse.episodes_from_season(season, "tmdb:tv:1399", BASE)
    assert (got.season, got.number) == (episode["season_number"], episode["episode_number"])
    assert got.name == episode["name"] and got.air_date == episode["air_date"]
    assert got.still_path == f"{BASE}w300{episode['still_path']}" and got.tmdb_id == episode["id"]
    assert got.runtime == (episode.get("runtime") or None)


def test_season_numbers_of_real_tv_details() -> None:
    details = _load("tmdb", "ceg_tv_series_details.json")
    numbers = parse.season_numbers(details)
    assert numbers == sorted({s["season_number"] for s in details["seasons"]})
    assert parse.season_numbers({"seasons": [{"season_number": "2"}, None]}) == []  # wrong shapes skipped


def test_shikimori_episodes_aired_and_next_episode_date() -> None:
    data = _load("shikimori", "shikimori_official_extract_animes_show.json")
    meta = shiki_parse.meta_from_details(data, "https://shikimori.one")
    assert "next_episode_at" in meta.extra and "episodes_aired" in meta.extra
    ongoing = replace(meta, extra={**meta.extra, "status": "ongoing", "episodes": 24, "episodes_aired": 7})
    assert [e.label for e in shikimori_episodes(ongoing)] == [f"S1 E{n}" for n in range(1, 8)]
    released = replace(meta, extra={**meta.extra, "status": "released", "episodes": 12, "episodes_aired": 0})
    assert len(shikimori_episodes(released)) == 12
    assert shikimori_episodes(replace(meta, extra={})) == []  # nothing known: nothing invented


@pytest.mark.asyncio
async def test_the_provider_reads_every_season_from_the_fake(
    services: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    show = {"id": 77, "title": "Кухня", "original_title": "Кухня", "year": 2012, "runtime": 25,
            "season_episodes": [20, 19, 3], "countries": ["RU"], "original_language": "ru",
            "genre_ids": [35]}  # fmt: skip
    tmdb = FakeTmdb([], [show])
    tmdb.start()
    try:
        monkeypatch.setenv("CINEMA_TMDB_TOKEN", GOOD_TOKEN)
        services.settings = services.settings.model_copy(update={"tmdb_base_url": tmdb.base_url})
        (provider,) = services.providers.meta_details("tmdb:tv:77")
        episodes = await provider.episodes("tmdb:tv:77", "ru-RU")
        assert await provider.episodes("tmdb:movie:77", "ru-RU") == []  # a film has none
    finally:
        tmdb.stop()
    assert len(episodes) == 42 and {e.season for e in episodes} == {1, 2, 3}
    last = episodes[-1]
    assert (last.label, last.name, last.runtime) == ("S3 E3", "Серия 3", 25)
    assert last.still_path and last.still_path.endswith("/w300/still77_3_3.jpg")
