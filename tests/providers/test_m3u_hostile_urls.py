"""Issue 19 item 9: playlist stream URLs are checked before they are stored or handed to VLC:
allowed schemes only, a length cap, VLC options after the URL cut off, each refusal logged per
channel; the other channels of the list are kept."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest

from app.providers.guide.m3u.parser import M3uReader, parse_m3u
from app.providers.guide.m3u.urls import MAX_URL_CHARS, checked_stream_url
from tests.cli.hostile import cli

HUGE = "http://cdn.example/" + "a" * (1024 * 1024)
HOSTILE = f"""#EXTM3U
#EXTINF:-1 tvg-id="ok1",Good HTTP
http://127.0.0.1:9/live/ok1.m3u8
#EXTINF:-1,Password file
file:///etc/passwd
#EXTINF:-1,Script
javascript:alert(1)
#EXTINF:-1,Inline data
data:video/mp4;base64,AAAA
#EXTINF:-1,Windows share
smb://fileserver/share/film.mkv
#EXTINF:-1,Huge
{HUGE}
#EXTINF:-1,Absolute path
/home/user/.ssh/id_rsa
#EXTINF:-1,Climbing
../../etc/shadow
#EXTINF:-1 tvg-id="ok2",With VLC options
http://127.0.0.1:9/live/ok2.ts :sout=#file{{dst=/tmp/x}} :sout-keep
#EXTINF:-1 tvg-id="ok3",Kodi headers
http://127.0.0.1:9/live/ok3.ts|User-Agent=Mozilla/5.0 (X11; Linux)&Referer=http://a.example/
#EXTINF:-1 tvg-id="ok4",Multicast
udp://@239.0.0.1:1234
#EXTINF:-1 tvg-id="ok5",Relative
stream/chunklist.m3u8
"""

REFUSED = {
    "Password file": "scheme 'file' is not played",
    "Script": "scheme 'javascript' is not played",
    "Inline data": "scheme 'data' is not played",
    "Windows share": "scheme 'smb' is not played",
    "Huge": f"more than {MAX_URL_CHARS}",
    "Absolute path": "a local file path",
    "Climbing": "a local file path",
}


def test_hostile_stream_urls_are_refused_per_channel_and_the_rest_kept(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, "app.providers.guide.m3u.parser")
    reader = M3uReader("hostile.m3u")
    import io

    channels = list(reader.channels(io.BytesIO(HOSTILE.encode())))
    urls = {c.name: c.stream_url for c in channels}
    assert urls == {
        "Good HTTP": "http://127.0.0.1:9/live/ok1.m3u8",
        "With VLC options": "http://127.0.0.1:9/live/ok2.ts",  # the options are gone
        "Kodi headers": "http://127.0.0.1:9/live/ok3.ts",
        "Multicast": "udp://@239.0.0.1:1234",
        "Relative": "stream/chunklist.m3u8",  # relative to the playlist, as before
    }
    kodi = next(c for c in channels if c.name == "Kodi headers")
    assert kodi.headers == {"User-Agent": "Mozilla/5.0 (X11; Linux)", "Referer": "http://a.example/"}
    assert reader.refused_urls == len(REFUSED)
    lines = [r.getMessage() for r in caplog.records]
    for name, reason in REFUSED.items():
        said = [line for line in lines if f"channel {name!r} refused" in line]
        assert len(said) == 1 and reason in said[0], (name, said)
    assert any("'With VLC options' kept: VLC options removed: :sout, :sout-keep" in line for line in lines)
    assert all(len(line) < 300 for line in lines)  # the 1 MB URL is not logged


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://a.example/x.m3u8?token=1", "https://a.example/x.m3u8?token=1"),
        ("RTMP://a.example/live/x", "RTMP://a.example/live/x"),
        ("rtsp://10.0.0.1/stream", "rtsp://10.0.0.1/stream"),
        ("rtp://@239.1.1.1:5000", "rtp://@239.1.1.1:5000"),
        ("screen://", None),
        ("dshow://", None),
        ("http:/missing-slash", None),
        ("http://", None),
        ("C:\\Users\\x\\film.mkv", None),
        ("http://a.example/x y", None),
        ("vlc://quit", None),
    ],
)
def test_checked_stream_url(raw: str, expected: str | None) -> None:
    assert checked_stream_url(raw)[0] == expected


def test_importing_a_hostile_playlist_keeps_the_good_channels(tmp_path: Path) -> None:
    """As a user runs it: `cinema epg import` of the list names nothing it refused in the library,
    keeps the good channels and prints no traceback."""
    playlist = tmp_path / "hostile.m3u"
    playlist.write_text(HOSTILE, encoding="utf-8")
    home = tmp_path / "home"
    done = cli(home, "epg", "import", str(playlist), env={"CINEMA_DEMO_ENABLED": "false"})
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    conn = sqlite3.connect(home / "data" / "cinema.sqlite3")
    try:
        stored = {row[0] for row in conn.execute("SELECT stream_url FROM channels")}
    finally:
        conn.close()
    assert "http://127.0.0.1:9/live/ok2.ts" in stored and "http://127.0.0.1:9/live/ok1.m3u8" in stored
    assert not any(
        u and (u.startswith(("file:", "javascript:", "data:", "smb:")) or len(u) > MAX_URL_CHARS)
        for u in stored
    )
    assert not any(u and ":sout" in u for u in stored)
    assert parse_m3u(HOSTILE.encode(), "again").channels  # the same list parses the same way again
