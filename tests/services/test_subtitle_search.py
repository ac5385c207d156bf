"""Subtitle search against a loopback OpenSubtitles: by movie hash and IMDb id in the profile's
languages, ranked (hash match first, then downloads), downloads cached (no quota spent twice),
the daily quota exceeded said in words, a refused key and an unreachable server said in words."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.errors import AuthError, ProviderUnavailable
from app.domain.models import MediaRequest
from app.domain.subtitles import QuotaExceeded
from app.providers.subtitles.opensubtitles.provider import OpenSubtitlesProvider, imdb_number
from app.services.playback.subtitles import SubtitleSearch, hash_of, movie_hash
from app.storage import titles_repo
from tests.fakes.opensubtitles_server import GOOD_KEY, FakeOpenSubtitles, default_catalogue
from tests.ui.conftest import title_row

TITLE = "tmdb:movie:27205"


@pytest.fixture
def clip_hash(sample_video: Path) -> str:
    found = movie_hash(sample_video)
    assert found is not None
    return found


@pytest.fixture
def fake(clip_hash: str) -> Iterator[FakeOpenSubtitles]:
    server = FakeOpenSubtitles(default_catalogue(moviehash=clip_hash), quota=2)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def subtitles(services, fake, monkeypatch) -> SubtitleSearch:
    monkeypatch.setenv("CINEMA_OPENSUBTITLES_TOKEN", GOOD_KEY)
    services.settings = services.settings.model_copy(
        update={"opensubtitles_base_url": fake.base_url, "sources_subtitle_languages": "ru,en"}
    )
    row = title_row(
        0, id=TITLE, tmdb_id=27205, imdb_id="tt1375666", title="Начало", original_title="Inception"
    )
    titles_repo.upsert_titles(services.db, [row])
    return SubtitleSearch(services)


def _request(video: Path) -> MediaRequest:
    return MediaRequest(location=str(video), item_key=TITLE, label="Начало", title_id=TITLE)


def test_the_movie_hash_is_the_size_plus_the_words_of_both_ends(tmp_path: Path) -> None:
    zeros = tmp_path / "zeros.bin"
    zeros.write_bytes(b"\0" * 131072)
    assert movie_hash(zeros) == "0000000000020000"  # only the size counts
    assert hash_of(16, (1).to_bytes(8, "little") * 2, (2**64 - 1).to_bytes(8, "little")) == "0000000000000011"
    small = tmp_path / "small.bin"
    small.write_bytes(b"x" * 1000)
    assert movie_hash(small) is None
    assert imdb_number("tt0133093") == "133093"


def test_search_ranks_the_hash_match_first_then_downloads(subtitles, fake, sample_video, clip_hash) -> None:
    result = asyncio.run(subtitles.search(_request(sample_video)))
    assert result.moviehash == clip_hash
    assert result.languages[:2] == ("ru", "en")
    assert [h.file_id for h in result.hits] == ["102", "101", "103"]  # hash match, 90k, 40k; no German
    assert result.hits[0].hash_match and result.hits[0].language == "ru"
    asked = fake.stats.searches[-1]
    assert asked["imdb_id"] == "1375666" and asked["languages"] == "en,ru" and asked["moviehash"] == clip_hash
    assert fake.stats.redirects == 0  # parameters sent sorted


def test_download_is_cached_and_the_quota_is_said_when_used_up(subtitles, fake, sample_video) -> None:
    async def scenario() -> None:
        result = await subtitles.search(_request(sample_video))
        first, second, third = result.hits
        path = await subtitles.download(first, TITLE, result.moviehash)
        assert path.read_text("utf-8").strip().endswith("Привет из субтитров")
        assert path.is_relative_to(subtitles.folder)
        again = await subtitles.download(first, TITLE)
        assert again == path and fake.stats.downloads == [102]  # from the cache: no quota spent
        await subtitles.download(second, TITLE)
        assert subtitles.quota() is not None and subtitles.quota().remaining == 0
        with pytest.raises(QuotaExceeded) as caught:
            await subtitles.download(third, TITLE)
        assert "quota is used up" in str(caught.value)
        assert "2026-12-06T14:00:00" in caught.value.quota.reset
        listed = await subtitles.search(_request(sample_video))
        assert {c.file_id for c in listed.cached} == {"101", "102"}

    asyncio.run(scenario())


def test_a_refused_key_and_an_unreachable_server_in_words(services, fake) -> None:
    settings = services.settings.model_copy(update={"opensubtitles_base_url": fake.base_url})
    provider = OpenSubtitlesProvider(
        http=lambda: services.http, settings=lambda: settings, key=lambda: "wrong"
    )
    with pytest.raises(AuthError, match=r"refused the key \(HTTP 403\)"):
        asyncio.run(provider.check_key("wrong"))
    assert asyncio.run(provider.check_key(GOOD_KEY)) is None
    dead = settings.model_copy(update={"opensubtitles_base_url": "http://127.0.0.1:9/api/v1"})
    offline = OpenSubtitlesProvider(http=lambda: services.http, settings=lambda: dead, key=lambda: GOOD_KEY)
    with pytest.raises(ProviderUnavailable, match=r"cannot reach 127\.0\.0\.1:9 \(connection refused\)"):
        asyncio.run(offline.check_key(GOOD_KEY))
    nokey = OpenSubtitlesProvider(http=lambda: services.http, settings=lambda: settings, key=lambda: None)
    from app.domain.streams import StreamQuery

    with pytest.raises(AuthError, match="No OpenSubtitles key"):
        asyncio.run(nokey.subtitles(StreamQuery(title_id=TITLE, imdb_id="tt1375666")))
