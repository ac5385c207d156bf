"""Nyaa RSS, Stremio addons (manifest, routing, streams) and Rutube against loopback fakes."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from app.domain.errors import BadFeed
from app.domain.models import SourceKind
from app.domain.streams import StreamQuery
from app.providers.streams.http import LoopClients
from app.providers.streams.nyaa.provider import NyaaProvider, parse_feed, parse_size
from app.providers.streams.rutube.provider import RutubeProvider, duration_fits
from app.providers.streams.stremio.manifest import base_url, parse_manifest, public_url
from app.providers.streams.stremio.provider import StremioAddon, parse_stream
from tests.fakes.stream_servers import FakeStreamServers, RouteFault, rutube_video

FRIEREN = StreamQuery(
    title_id="shikimori:anime:52991",
    kind="anime",
    title="Провожающая в последний путь Фрирен",
    original_title="Sousou no Frieren",
    alt_titles=("Frieren: Beyond Journey's End",),
)
MATRIX = StreamQuery(
    title_id="tmdb:movie:603",
    title="Матрица",
    original_title="The Matrix",
    year=1999,
    imdb_id="tt0133093",
    runtime_min=136,
)


# ---------------------------------------------------------------- Nyaa


def test_nyaa_sizes() -> None:
    assert parse_size("609.6 MiB") == int(609.6 * 1024**2)
    assert parse_size("1.4 GiB") == int(1.4 * 1024**3)
    assert parse_size("nothing") is None


def test_nyaa_real_feeds(realworld: Path) -> None:
    items = parse_feed(
        (realworld / "torznab/sonarr_Nyaa_Nyaa2021.xml").read_bytes(), "Nyaa", "https://nyaa.si/"
    )
    first = items[0]
    assert first.info_hash == "e8ca5e20eca876339f41c3d9e95ea66c1d7caaee" and first.url.startswith("magnet:")
    assert (first.seeders, first.grabs, first.extra["categoryId"]) == (4, 2, "1_3")
    assert first.size_bytes == int(609.6 * 1024**2)
    old = parse_feed(
        (realworld / "torznab/sonarr_Nyaa_Nyaa.xml").read_bytes(), "Nyaa", "https://www.nyaa.se/"
    )
    assert (
        old and old[0].seeders == 1 and old[0].size_bytes == int(2.35 * 1024**3)
    )  # stats from the description


def test_nyaa_searches_each_name_once(fakes: FakeStreamServers) -> None:
    provider = NyaaProvider(fakes.url("/nyaa/"), LoopClients(5))
    found = asyncio.run(provider.streams(FRIEREN))
    terms = [q["q"] for q in fakes.counters.queries]
    assert terms == [
        "Sousou no Frieren",
        "Frieren: Beyond Journey's End",
        "Провожающая в последний путь Фрирен",
    ]
    assert all(q["c"] == "1_0" for q in fakes.counters.queries)
    assert len(found) == len({c.info_hash for c in found}) > 0  # the same feed three times: merged
    assert provider.manifest.supports(provider.manifest.capabilities.__iter__().__next__(), "anime")


# ---------------------------------------------------------------- Stremio


def test_manifest_routing_follows_core(realworld: Path) -> None:
    torrentio = parse_manifest(
        json.loads((realworld / "stremio/blockbustr_torrentio_manifest.json").read_text())
    )
    assert torrentio.supports("stream", "movie", "tt0133093")
    assert torrentio.supports("stream", "series", "kitsu:11:5")
    assert not torrentio.supports("stream", "other", "tt1")  # object resource: its own types only
    assert not torrentio.supports("stream", "movie", "tmdb:603")
    index = json.loads((realworld / "stremio/stremio_official_addons_index.json").read_text())
    by_name = {
        d["manifest"]["name"]: parse_manifest(d["manifest"])
        for d in index
        if "/stremio/v1" not in d["transportUrl"]
    }
    assert not any(m.serves_streams for n, m in by_name.items() if n in ("Cinemeta", "OpenSubtitles v3"))
    local = next(m for m in by_name.values() if m.id.endswith("local"))
    assert local.supports("stream", "movie", "tt1") and not local.supports("meta", "movie", "tt1")


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ([], "not a JSON object"),
        ({"id": "x", "version": "1", "name": "X", "resources": ["stream"], "types": ["movie"]}, "not semver"),
        ({"id": "x", "version": "1.0.0", "name": "X", "resources": [], "types": []}, "no resources"),
        (
            {
                "id": "x",
                "version": "1.0.0",
                "name": "X",
                "resources": [{"name": "stream", "types": "movie"}],
                "types": [],
            },
            "not a list",
        ),
    ],
)
def test_bad_manifests(data: object, words: str) -> None:
    with pytest.raises(BadFeed, match=words):
        parse_manifest(data)


def test_addon_urls_keep_their_configuration_secret() -> None:
    url = "https://torrentio.example/sort=qualitysize|realdebrid=SECRETKEY/manifest.json"
    assert base_url(url) == "https://torrentio.example/sort=qualitysize|realdebrid=SECRETKEY"
    assert "SECRETKEY" not in public_url(url)
    with pytest.raises(BadFeed, match="legacy"):
        base_url("https://opensubtitles.strem.io/stremio/v1")
    with pytest.raises(BadFeed):
        base_url("javascript:alert(1)//manifest.json")


def test_torrentio_streams(fakes: FakeStreamServers, realworld: Path) -> None:
    addon = parse_manifest(fakes.stremio_manifest)
    provider = StremioAddon(
        "stremio:torrentio", addon, lambda: fakes.url("/torrentio/manifest.json"), LoopClients(5)
    )
    found = asyncio.run(provider.streams(MATRIX))
    assert [c.kind for c in found] == [SourceKind.TORRENT] * 4
    first, second = found[0], found[1]
    assert (
        first.seeders == 100 and first.size_bytes == int(51.3 * 1024**3) and first.extra["origin"] == "1337x"
    )
    assert first.file_idx is None and second.file_idx == 2  # absent fileIdx: the largest file
    assert first.quality == "2160p" and "ru" not in first.extra["languages"]
    assert "ru" in found[2].extra["languages"]
    assert found[3].extra["file"].endswith(".mkv")  # a pack: the file inside is kept
    assert fakes.counters.paths[-1] == "/torrentio/stream/movie/tt0133093.json"


def test_url_stream_with_proxy_headers(realworld: Path) -> None:
    raw = json.loads((realworld / "stremio/stremiocore_extract_stream_url_proxyheaders.json").read_text())
    cand = parse_stream(raw, "a")
    assert cand is not None and cand.kind is SourceKind.DIRECT and "Authorization" in cand.headers
    body = json.loads((realworld / "stremio/stremiocore_extract_streams_response_url_cache.json").read_text())
    assert parse_stream(body["streams"][0], "a").kind is SourceKind.DIRECT  # type: ignore[union-attr]
    page = parse_stream({"externalUrl": "https://example.org/watch"}, "a")
    assert page is not None and page.kind is SourceKind.PAGE and not page.playable_now
    assert parse_stream({"externalUrl": "javascript:alert(1)"}, "a") is None
    assert parse_stream({"url": "data:video/mp4;base64,AAAA"}, "a") is None


def test_an_addon_that_lies_about_its_resources(fakes: FakeStreamServers) -> None:
    addon = parse_manifest(fakes.stremio_manifest)
    provider = StremioAddon("stremio:t", addon, lambda: fakes.url("/torrentio/manifest.json"), LoopClients(5))
    fakes.faults["/torrentio/stream"] = RouteFault(body=b'{"metas": []}', content_type="application/json")
    with pytest.raises(BadFeed, match="no list of streams"):
        asyncio.run(provider.streams(MATRIX))
    fakes.faults["/torrentio/stream"] = RouteFault(body=b"[1, 2, 3]", content_type="application/json")
    with pytest.raises(BadFeed):
        asyncio.run(provider.streams(MATRIX))
    no_imdb = StreamQuery(title_id="epg:film:x", title="Фильм")
    assert asyncio.run(provider.streams(no_imdb)) == []  # nothing the addon routes: not asked


# ---------------------------------------------------------------- Rutube


def test_duration_check() -> None:
    assert duration_fits(136 * 60 + 30, 136)
    assert not duration_fits(150, 136)  # a trailer
    assert not duration_fits(20 * 60, None)  # a clip, runtime unknown
    assert duration_fits(95 * 60, None)


def test_rutube_offers_the_film_not_its_trailer(fakes: FakeStreamServers) -> None:
    film, trailer, drm = "a" * 32, "b" * 32, "c" * 32
    fakes.rutube_videos = [
        rutube_video(film, "Матрица (1999) фильм", 136 * 60),
        rutube_video(trailer, "Матрица — трейлер", 140),
        rutube_video(drm, "Матрица (1999) HD", 137 * 60, drm_token="x"),
    ]
    provider = RutubeProvider(fakes.url("/rutube"), LoopClients(5))
    found = asyncio.run(provider.streams(MATRIX))
    assert [c.url for c in found] == [fakes.url(f"/rutube/video/{film}/")]
    assert found[0].kind is SourceKind.HLS and found[0].duration_s == 136 * 60
    url, headers = asyncio.run(provider.resolve(found[0].url))
    assert url.startswith(fakes.url(f"/media/{film}.m3u8")) and headers["Referer"] == "https://rutube.ru/"


def test_rutube_wrong_shape(fakes: FakeStreamServers) -> None:
    fakes.faults["/rutube/api/search"] = RouteFault(
        body=b'{"results": "nope"}', content_type="application/json"
    )
    with pytest.raises(BadFeed, match="no results list"):
        asyncio.run(RutubeProvider(fakes.url("/rutube"), LoopClients(5)).streams(MATRIX))
