"""TMDB: the realworld answers parse; the client maps auth, errors and bad JSON to our errors."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.domain.errors import AuthError, BadFeed, NotFound
from app.net.client import make_client
from app.providers.meta.tmdb import parse
from app.providers.meta.tmdb.client import AUTH_HELP, TmdbClient
from tests.fakes.tmdb_server import GOOD_TOKEN, FakeTmdb, Faults

BASE = "https://image.tmdb.org/t/p/"


def load(realworld: Path, name: str) -> Any:
    return json.loads((realworld / "tmdb" / name).read_text("utf-8"))


def test_search_movie_realworld(realworld: Path) -> None:
    cands = parse.candidates_from_search(load(realworld, "ceg_search_movie.json"), "movie", BASE)
    assert len(cands) == 20
    fight = cands[0]
    assert (fight.id, fight.title, fight.year, fight.kind) == (
        "tmdb:movie:550",
        "Fight Club",
        1999,
        "film",
    )
    assert fight.poster_url == "https://image.tmdb.org/t/p/w342/pB8BM7pdSp6B6Ih7QZ4DrQ3PmJK.jpg"
    assert any(c.original_language == "zh" for c in cands)


def test_search_with_empty_dates_and_null_paths(realworld: Path) -> None:
    cands = parse.candidates_from_search(
        load(realworld, "jdrouet_tv-search-decoding-error.json"), "movie", BASE
    )
    assert cands and any(c.year is None for c in cands) and any(c.poster_url is None for c in cands)


def test_search_tv_and_multi_realworld(realworld: Path) -> None:
    tv = parse.candidates_from_search(load(realworld, "ceg_search_tv.json"), "tv", BASE)
    assert tv[0].id == "tmdb:tv:1396" and tv[0].kind == "series" and tv[0].countries == ("US",)
    multi = parse.candidates_from_search(load(realworld, "ceg_search_multi.json"), "movie", BASE)
    assert multi and all(c.id.split(":")[1] in ("movie", "tv") for c in multi)  # persons dropped


def test_find_realworld(realworld: Path) -> None:
    movie = parse.candidates_from_find(load(realworld, "ceg_find_movie_results.json"), BASE)
    tv = parse.candidates_from_find(load(realworld, "ceg_find_tv_results.json"), BASE)
    assert len(movie) == 1 and movie[0].id.startswith("tmdb:movie:")
    assert len(tv) == 1 and tv[0].id.startswith("tmdb:tv:")


def test_details_with_append_realworld(realworld: Path) -> None:
    meta = parse.meta_from_details(
        load(realworld, "ceg_movies_details_with_append_to_response.json"), "movie", BASE
    )
    assert meta.id.startswith("tmdb:movie:") and meta.imdb_id == "tt0409732"
    assert meta.director == "Joseph Vilsmaier"
    assert meta.cast[0] == "Dana Vávrová" and len(meta.cast) <= 10
    assert meta.trailer_url and meta.trailer_url.startswith("https://www.youtube.com/watch?v=")
    assert meta.alt_titles == ("Мост",)
    assert meta.genres and meta.runtime and meta.countries
    assert meta.poster_url and meta.poster_url.startswith(BASE + "w500/")
    assert meta.extra["recommendations"][0] == "tmdb:movie:435"


def test_sparse_and_tv_details_realworld(realworld: Path) -> None:
    latest = parse.meta_from_details(load(realworld, "jdrouet_movie-latest.json"), "movie", BASE)
    assert (
        latest.year is None
        and latest.poster_url is None
        and latest.runtime is None
        and latest.imdb_id is None
    )
    got = parse.meta_from_details(load(realworld, "jdrouet_tv-details.json"), "tv", BASE)
    assert got.id == "tmdb:tv:1399" and got.kind == "series" and got.year == 2011
    assert got.director  # created_by stands in for a series' director
    complex_tv = parse.meta_from_details(load(realworld, "jdrouet_tv-details-complex.json"), "tv", BASE)
    assert complex_tv.runtime == 132


def test_configuration_realworld(realworld: Path) -> None:
    config = load(realworld, "ceg_configuration_details.json")
    assert parse.image_base_from_configuration(config, "x") == "https://image.tmdb.org/t/p/"
    assert parse.image_base_from_configuration({}, "fallback/") == "fallback/"


def test_errors_are_ours(realworld: Path) -> None:
    with pytest.raises(BadFeed):
        parse.candidates_from_search(load(realworld, "jdrouet_validation-error.json"), "movie", BASE)
    with pytest.raises(BadFeed):
        parse.meta_from_details(load(realworld, "jdrouet_resource-not-found.json"), "movie", BASE)


@pytest.fixture
def fake() -> Iterator[FakeTmdb]:
    server = FakeTmdb(
        [
            {
                "id": 603,
                "title": "Матрица",
                "original_title": "The Matrix",
                "year": 1999,
                "imdb_id": "tt0133093",
            }
        ]
    )
    server.start()
    yield server
    server.stop()


@pytest.mark.asyncio
async def test_client_against_fake(fake: FakeTmdb) -> None:
    async with make_client(5.0) as http:
        client = TmdbClient(http, base_url=fake.base_url, token=GOOD_TOKEN)
        found = await client.search("movie", "Матрица", 1999)
        assert found["results"][0]["id"] == 603
        assert (await client.search("movie", "Матрица", 2005))["results"] == []
        details = await client.details("movie", 603)
        assert {
            "credits",
            "videos",
            "external_ids",
            "alternative_titles",
            "recommendations",
        } <= set(details)
        assert (await client.find_imdb("tt0133093"))["movie_results"][0]["id"] == 603
        with pytest.raises(NotFound):
            await client.details("movie", 999)
        config = await client.configuration()
        assert "images" in config
    # The token went as a Bearer header, never as a query parameter.
    assert fake.counters.auth_seen and set(fake.counters.auth_seen) == {"bearer"}


@pytest.mark.asyncio
async def test_v3_key_goes_in_query(fake: FakeTmdb) -> None:
    fake.token = "0123456789abcdef0123456789abcdef"
    async with make_client(5.0) as http:
        client = TmdbClient(http, base_url=fake.base_url, token=fake.token)
        assert (await client.search("movie", "Матрица"))["results"]
    assert set(fake.counters.auth_seen) == {"api_key"}


@pytest.mark.asyncio
async def test_wrong_key_and_bad_json(fake: FakeTmdb) -> None:
    async with make_client(5.0) as http:
        wrong = TmdbClient(http, base_url=fake.base_url, token="wrong")
        with pytest.raises(AuthError) as info:
            await wrong.search("movie", "Матрица")
        assert str(info.value) == AUTH_HELP and "wrong" not in str(info.value)
        fake.faults = Faults(bad_json_paths=("/search",))
        good = TmdbClient(http, base_url=fake.base_url, token=GOOD_TOKEN)
        with pytest.raises(BadFeed):
            await good.search("movie", "Матрица")


@pytest.mark.asyncio
async def test_mock_transport_404_body_without_success_key(realworld: Path) -> None:
    body = (realworld / "tmdb" / "jdrouet_resource-not-found.json").read_bytes()
    transport = httpx.MockTransport(lambda r: httpx.Response(404, content=body))
    async with httpx.AsyncClient(transport=transport) as http:
        client = TmdbClient(http, base_url="http://tmdb.test/3", token=GOOD_TOKEN)
        with pytest.raises(NotFound):
            await client.details("movie", 1)
