"""HLS master playlists: variants read with m3u8, best first, absolute URIs; media playlists have none."""

from __future__ import annotations

import pytest

from app.domain.errors import PlaybackError
from app.services.sources.hls import looks_like_hls, parse_variants


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
    assert looks_like_hls("http://h/a/index.m3u8?t=1") and not looks_like_hls("/tmp/a.m3u8")


@pytest.mark.parametrize("name", ["videojs_master-fmp4.m3u8", "videojs_multipleAudioGroups.m3u8"])
def test_more_real_masters(realworld, name: str) -> None:
    found = parse_variants((realworld / "hls" / name).read_text(), "http://127.0.0.1:1/m/master.m3u8")
    assert len(found) >= 1 and len({v.uri for v in found}) == len(found)
