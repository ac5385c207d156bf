"""Shikimori: realworld shapes parse (string scores, relative images); the client is polite."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.domain.errors import NotFound, RateLimited
from app.net.client import make_client
from app.net.retry import RetryPolicy
from app.providers.meta.shikimori import parse
from app.providers.meta.shikimori.client import ShikimoriClient, shikimori_limiter
from tests.fakes.shikimori_server import FakeShikimori

ORIGIN = "https://shikimori.io"


def load(realworld: Path, name: str) -> Any:
    return json.loads((realworld / "shikimori" / name).read_text("utf-8"))


def test_list_items_realworld(realworld: Path) -> None:
    items = load(realworld, "shikimori_official_extract_animes_index.json")
    cands = parse.candidates_from_search(items, ORIGIN)
    assert cands[0].id == "shikimori:anime:56" and cands[0].title == "аниме_56"
    assert cands[0].original_title == "Test" and cands[0].year == 2014
    assert cands[0].poster_url is None  # the "missing" placeholder is no poster
    search = parse.candidates_from_search(
        load(realworld, "shikimori_official_extract_animes_search.json"), ORIGIN
    )
    assert search[0].year is None


def test_details_realworld(realworld: Path) -> None:
    meta = parse.meta_from_details(load(realworld, "shikimori_official_extract_animes_show.json"), ORIGIN)
    assert meta.id == "shikimori:anime:50" and meta.kind == "anime" and meta.shikimori_id == 50
    assert meta.rating == 1.0 and meta.extra["score"] == 1.0  # "1.0" as a string in the JSON
    assert meta.alt_titles == ()  # english: [null], japanese: [null]
    assert meta.overview is None and meta.extra["url"] == "https://shikimori.io/animes/50-anime-50"


def test_apipie_examples_all_parse(realworld: Path) -> None:
    examples = load(realworld, "shikimori_official_apipie_examples.json")
    parsed = 0
    for call in examples.get("animes#show", []):
        data = call.get("response_data")
        if isinstance(data, dict) and "id" in data:
            parse.meta_from_details(data, ORIGIN)
            parsed += 1
    assert parsed >= 1


def test_relative_and_absolute_images() -> None:
    assert (
        parse.absolute(ORIGIN, "/system/animes/original/5114.jpg?1")
        == f"{ORIGIN}/system/animes/original/5114.jpg?1"
    )
    assert parse.absolute(ORIGIN, "https://cdn/x.jpg") == "https://cdn/x.jpg"
    assert parse.absolute(ORIGIN, "/assets/globals/missing_original.jpg") is None


@pytest.mark.asyncio
async def test_client_search_details_and_user_agent() -> None:
    fake = FakeShikimori(
        [
            {
                "id": 5114,
                "name": "Fullmetal Alchemist: Brotherhood",
                "russian": "Стальной алхимик: Братство",
                "year": 2009,
            }
        ]
    )
    fake.start()
    try:
        async with make_client(5.0) as http:
            client = ShikimoriClient(http, base_url=fake.base_url, limiter=shikimori_limiter())
            items = await client.search("Стальной алхимик")
            assert items[0]["id"] == 5114 and items[0]["score"] == "7.5"
            details = await client.details(5114)
            assert details["studios"] and details["genres"][0]["russian"] == "Экшен"
            with pytest.raises(NotFound):
                await client.details(1)
        assert all(a.startswith("Cinema/") for a in fake.agents)
        assert fake.counters.rate_limited == 0
    finally:
        fake.stop()


@pytest.mark.asyncio
async def test_limits_keep_us_under_five_per_second() -> None:
    # A server as strict as the documented rule: with our limiter, no request is refused.
    fake = FakeShikimori([{"id": 1, "name": "Naruto", "russian": "Наруто", "year": 2002}])
    fake.start()
    try:
        async with make_client(5.0) as http:
            client = ShikimoriClient(http, base_url=fake.base_url, limiter=shikimori_limiter())
            for _ in range(12):
                await client.search("Наруто")
        assert fake.counters.requests == 12 and fake.counters.rate_limited == 0
        # Without a limiter the same server refuses, and the client gives up with our error.
        async with make_client(5.0) as http:
            rude = ShikimoriClient(http, base_url=fake.base_url, policy=RetryPolicy(max_rate_limited=1))
            with pytest.raises(RateLimited):
                for _ in range(12):
                    await rude.search("Наруто")
    finally:
        fake.stop()
