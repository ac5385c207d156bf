"""M3U details TV needs (issue 13): #KODIPROP headers, a channel's backup URLs, catchup-correction,
catch-up days that are 0 or nonsense (no archive), on real playlists and on lines as providers
write them."""

from __future__ import annotations

from pathlib import Path

from app.providers.guide.m3u.parser import kodiprop_headers, parse_m3u
from tests.conftest import REALWORLD


def test_kodiprop_headers() -> None:
    assert kodiprop_headers("inputstream.adaptive.stream_headers=User-Agent=Kodi%2F20&Referer=http://r/") == {
        "User-Agent": "Kodi/20",
        "Referer": "http://r/",
    }
    assert kodiprop_headers("inputstream.adaptive.manifest_type=hls") == {}
    assert kodiprop_headers("inputstream.adaptive.license_key=https://drm|Content-Type=x") == {}


def test_real_playlists_with_kodiprop_vlcopt_and_repeats() -> None:
    nl = parse_m3u(
        (REALWORLD / "m3u" / "iptvorg_playlist_format_nl_kodiprop_pipeheaders.m3u").read_bytes(), "nl"
    )
    first = nl.channels[0]
    # #EXTVLCOPT referrer/user agent, then the URL's own quoted pipe headers (they win)
    assert (
        first.headers["Referer"] == "https://referer.xyz/" and first.headers["Origin"] == "https://origin.xyz"
    )
    assert first.stream_url == "http://stream.tvtap.net:8081/live/nl-npo2.stream/playlist.m3u8"
    # NPO2.nl listed three times: the repeats are numbered, the player fails over through them
    assert [c.guide_id for c in nl.channels[:3]] == ["NPO2.nl", "NPO2.nl#2", "NPO2.nl#3"]


def test_backup_urls_correction_and_days() -> None:
    text = """#EXTM3U catchup="shift" catchup-correction="-1"
#EXTINF:-1 tvg-id="one" catchup-days="abc",One
#KODIPROP:inputstream.adaptive.stream_headers=User-Agent=Box%2F1.0
http://a/one.m3u8
http://b/one.m3u8
#EXTINF:-1 tvg-id="two" catchup-days="0" catchup-correction="2.5",Two
http://a/two.m3u8
#EXTINF:-1 tvg-id="three" catchup-days="-1",Three
http://a/three.m3u8
#EXTINF:-1 tvg-id="four" catchup-days="-7",Four
http://a/four.m3u8
"""
    channels = parse_m3u(text.encode(), "list").channels
    one, backup, two, three, four = channels
    assert (one.guide_id, backup.guide_id) == ("one", "one#2")  # a URL right after a URL: a backup
    assert backup.stream_url == "http://b/one.m3u8" and backup.headers == {"User-Agent": "Box/1.0"}
    assert one.catchup_days == 0  # "abc": no archive (the provider says why)
    assert one.catchup_correction == -1.0 and two.catchup_correction == 2.5
    assert two.catchup_days == 0 and three.catchup_days == -1  # -1: Kodi's "any age, by catchup-id"
    assert four.catchup_days == 0  # nonsense


def test_no_catchup_attributes_means_no_mode(tmp_path: Path) -> None:
    channels = parse_m3u(b"#EXTM3U\n#EXTINF:-1,Plain\nhttp://a/plain.m3u8\n", "plain").channels
    assert (channels[0].catchup_mode, channels[0].catchup_days) == (None, None)
