"""HLS master playlists: variants read with m3u8, best first, absolute URIs; media playlists have none."""

from __future__ import annotations

import pytest

from app.domain.errors import PlaybackError
from app.domain.locations import is_hls_location
from app.services.sources.hls import load_variants, parse_variants


def test_real_master_playlist_variants(realworld) -> None:
    text = (realworld / "hls" / "m3u8lib_variant_playlist_with_frame_rate.m3u8").read_text()
    found = parse_variants(text, "http://127.0.0.1:1/x/master.m3u8")
    assert found and all(v.uri.startswith("http") for v in found)
    heights = [v.height or 0 for v in found]
    assert heights == sorted(heights, reverse=True)


def test_relative_variants_resolve_against_the_master() -> None:
    text = (
        "#EXTM3U\n"
        '#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360,CODECS="avc1.4d401e,mp4a.40.2"\n'
        "low/index.m3u8\n"
        "#EXT-X-STREAM-INF:BANDWIDTH=2500000,RESOLUTION=1280x720\n"
        "high/index.m3u8\n"
    )
    high, low = parse_variants(text, "http://127.0.0.1:1/v/master.m3u8")
    assert high.uri == "http://127.0.0.1:1/v/high/index.m3u8" and high.label == "720p · 2.5 Mbit/s"
    assert low.height == 360 and low.label == "360p · 800 kbit/s"


def test_media_playlist_has_no_variants(realworld) -> None:
    text = (realworld / "hls" / "m3u8lib_file_simple-playlist.m3u8").read_text()
    assert parse_variants(text, "http://127.0.0.1:1/a.m3u8") == []


def test_garbage_is_a_playback_error_or_empty() -> None:
    try:
        assert parse_variants("not a playlist at all", "http://127.0.0.1:1/a.m3u8") == []
    except PlaybackError:
        pass
    # (the looks_like_hls alias is gone: domain.locations says what a location is)
    assert is_hls_location("http://h/a/index.m3u8?t=1") and not is_hls_location("/tmp/a.m3u8")


@pytest.mark.parametrize("name", ["videojs_master-fmp4.m3u8", "videojs_multipleAudioGroups.m3u8"])
def test_more_real_masters(realworld, name: str) -> None:
    found = parse_variants((realworld / "hls" / name).read_text(), "http://127.0.0.1:1/m/master.m3u8")
    assert len(found) >= 1 and len({v.uri for v in found}) == len(found)


@pytest.mark.asyncio
async def test_variants_are_read_through_the_apps_one_client(services, tmp_path) -> None:
    from tests.fakes.hls_server import HlsServer

    (tmp_path / "master.m3u8").write_text(
        "#EXTM3U\n"
        "#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360\nlow/index.m3u8\n"
        "#EXT-X-STREAM-INF:BANDWIDTH=2500000,RESOLUTION=1280x720\nhigh/index.m3u8\n"
    )
    with HlsServer(tmp_path) as server:
        found = await load_variants(services.http, f"{server.base}/master.m3u8", {"Referer": "http://r/"})
        missing = await load_variants(services.http, f"{server.base}/nothing.m3u8")
    assert [v.uri for v in found] == [f"{server.base}/high/index.m3u8", f"{server.base}/low/index.m3u8"]
    assert missing == []  # a 404 lists nothing (and says why in the log)
    (path, agent, referer), _ = server.requests
    assert path == "/master.m3u8" and agent.startswith("Cinema/") and referer == "http://r/"
    await services.net.aclose()
