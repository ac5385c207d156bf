"""Extended M3U parsing over every realworld playlist, with the quirks PROVENANCE.md names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.domain.errors import BadFeed
from app.domain.extinf import parse_attrs
from app.providers.guide.m3u.parser import Playlist, parse_m3u, split_url_headers

REALWORLD_M3U = Path(__file__).resolve().parents[3] / "shared" / "realworld" / "m3u"
PLAYLISTS = sorted(p.name for p in REALWORLD_M3U.glob("*.m3u"))
EXPECTED_CHANNELS = {
    "iptvorg_playlist_format_nl_kodiprop_pipeheaders.m3u": 5,
    "iptvorg_playlist_normalize_bad_encoding.m3u": 1,
    "iptvorg_playlist_quality_pipe.m3u": 1,
    "iptvplaylistparser_base.m3u": 6,
    "iptvplaylistparser_comment.m3u": 1,
    "iptvplaylistparser_duplicate.m3u": 2,
    "iptvplaylistparser_kodi.m3u": 1,
    "iptvplaylistparser_pipe.m3u": 2,
    "iptvplaylistparser_url_tvg.m3u": 1,
    "iptvplaylistparser_user_agent.m3u": 1,
    "iptvplaylistparser_vlcopt.m3u": 1,
    # 4602 #EXTINF lines, one of which has no URL line after it (line 7044).
    "ipytv_iptv-org.m3u": 4601,
    "ipytv_m3u8.m3u": 4,
    "ipytv_m3u_plus.m3u": 4,
    "ipytv_m3u_plus_unencoded_logo.m3u": 4,
    "ipytv_testdata_broken_extinf_row.m3u": 0,  # no URL line at all
    "ipytv_testdata_space_before_comma.m3u": 4,
    "ipytv_testdata_split_quoted_string.m3u": 4,
    "ipytv_testdata_unquoted_attributes.m3u": 4,
}


def load(name: str) -> Playlist:
    return parse_m3u((REALWORLD_M3U / name).read_bytes(), name)


@pytest.fixture(autouse=True)
def _corpus() -> None:
    if not REALWORLD_M3U.is_dir():
        pytest.skip("realworld corpus missing")


@pytest.mark.parametrize("name", PLAYLISTS)
def test_every_realworld_playlist_parses(name: str) -> None:
    playlist = load(name)
    assert len(playlist.channels) == EXPECTED_CHANNELS[name]
    ids = [c.guide_id for c in playlist.channels]
    assert len(ids) == len(set(ids))  # duplicates get distinct ids
    for c in playlist.channels:
        assert c.stream_url and "\n" not in c.stream_url and "|" not in c.stream_url
        assert c.name


def test_counts_cover_the_whole_folder() -> None:
    assert set(PLAYLISTS) == set(EXPECTED_CHANNELS)


def test_agrees_with_ipytv_oracle() -> None:
    oracle = json.loads((REALWORLD_M3U / "ipytv_m3u_plus.json").read_text("utf-8"))
    playlist = load("ipytv_m3u_plus.m3u")
    assert playlist.guide_urls == [oracle["attributes"]["x-tvg-url"]]
    assert [c.name for c in playlist.channels] == [c["name"] for c in oracle["channels"]]
    assert [c.stream_url for c in playlist.channels] == [c["url"] for c in oracle["channels"]]
    assert [c.group_title for c in playlist.channels] == [
        c["attributes"]["group-title"] for c in oracle["channels"]
    ]


@pytest.mark.parametrize(
    "name",
    [
        "ipytv_m3u_plus.m3u",
        "ipytv_testdata_split_quoted_string.m3u",
        "ipytv_testdata_unquoted_attributes.m3u",
    ],
)
def test_split_and_unquoted_values_give_the_same_channels(name: str) -> None:
    channels = load(name).channels
    assert [c.name for c in channels] == [
        "Rai 1",
        "Cielo",
        "TEMATICO MASSIMO TROISI",
        "----I N T R A T T E N I M E N T O----",
    ]
    assert channels[2].tvg_shift == -0.5
    assert channels[3].tvg_id == "-10.5"
    assert channels[1].headers["User-Agent"].startswith("Mozilla/5.0 (Windows NT 10.0")


def test_torture_playlist() -> None:
    playlist = load("iptvplaylistparser_base.m3u")
    assert playlist.guide_urls == ["http://195.154.221.171/epg/guidealbania.xml.gz"]
    ch1 = playlist.channels[0]
    assert ch1.tvg_id == "CH1"  # tvg-ID upper case
    assert ch1.logo and "," in ch1.logo  # comma inside a quoted logo URL
    assert ch1.catchup_days == 3  # tvg-rec
    assert ch1.headers == {
        "Referer": "http://player.livesports.pw/la2/",
        "User-Agent": ch1.headers["User-Agent"],
    }
    names = [c.name for c in playlist.channels]
    assert "name,with comma" in names  # "#EXTINF: -1, name,with comma"
    assert "The Good, the Bad and the Ugly" in names
    trt = next(c for c in playlist.channels if c.name == "TRT 1 HD")
    assert (trt.tvg_shift, trt.catchup_mode, trt.catchup_days) == (-4.5, "shift", 3)
    assert playlist.channels[1].group_title == "Только Android"  # #EXTGRP, Cyrillic


def test_pipe_headers_kodiprop_and_crlf() -> None:
    playlist = load("iptvorg_playlist_format_nl_kodiprop_pipeheaders.m3u")
    first = playlist.channels[0]
    assert first.stream_url == "http://stream.tvtap.net:8081/live/nl-npo2.stream/playlist.m3u8"
    assert first.headers["Referer"] == "https://referer.xyz/"
    assert first.headers["Origin"] == "https://origin.xyz"
    assert first.name == "NPO 2 (302p) [Geo-blocked]"
    assert [c.guide_id for c in playlist.channels[:3]] == ["NPO2.nl", "NPO2.nl#2", "NPO2.nl#3"]
    pipe = load("iptvplaylistparser_pipe.m3u").channels
    assert pipe[0].headers["Referer"] == "http://180upload.abc/embed-uaqmgcckhpcl.html"
    assert pipe[1].headers["Referer"] == "http://test.abc/blank.html"  # pipe beats EXTVLCOPT
    assert "Macintosh" in pipe[1].headers["User-Agent"]


def test_header_catchup_defaults_and_space_before_comma() -> None:
    playlist = load("ipytv_testdata_space_before_comma.m3u")
    assert [c.name for c in playlist.channels] == [f"channel name {i}" for i in range(4)]
    assert all(c.catchup_mode == "append" for c in playlist.channels)
    assert playlist.channels[0].catchup_source == "?playseek=${(b)yyyyMMddHHmmss}-${(e)yyyyMMddHHmmss}"


def test_vlcopt_quoted_value_and_extgrp() -> None:
    ch = load("iptvplaylistparser_vlcopt.m3u").channels[0]
    assert ch.headers == {"User-Agent": "Dalvik/2.1.0 (Linux; U; Android 6.0.1;)"}
    assert ch.group_title == "Entertainment"


def test_big_index_with_cyrillic_and_vlcopts() -> None:
    channels = load("ipytv_iptv-org.m3u").channels
    assert any(c.name == "Новый мир" for c in channels)
    assert sum(1 for c in channels if c.headers) >= 10
    assert any(c.stream_url and c.stream_url.startswith("rtmp://") for c in channels)


def test_broken_extinf_row_attributes() -> None:
    text = (REALWORLD_M3U / "ipytv_testdata_broken_extinf_row.m3u").read_text("utf-8")
    body = text.split(":", 1)[1]
    attrs, name = parse_attrs(body[body.index(" ") :])
    assert attrs["group-title"] == "free, stream"
    assert attrs["tvg-logo"] == "https://img.mysite.net/5425.jpg"
    assert "Wonderful!" in name


def test_split_url_headers_forms() -> None:
    assert split_url_headers("http://a/b|User-Agent=X&Referer=http://r/") == (
        "http://a/b",
        {"User-Agent": "X", "Referer": "http://r/"},
    )
    assert split_url_headers('http://a/b?|Referer="http://r/"|User-Agent="Y & Z"') == (
        "http://a/b",
        {"Referer": "http://r/", "User-Agent": "Y & Z"},
    )


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"", "empty"),
        (b"<html><body>Login</body></html>", "not an M3U"),
        (b"#EXTM3U\n#EXTINF:-1,\xff\xfe bad\nhttp://x\n", "not UTF-8"),
    ],
)
def test_bad_playlists(body: bytes, words: str) -> None:
    with pytest.raises(BadFeed, match=words):
        parse_m3u(body, "list.m3u")
