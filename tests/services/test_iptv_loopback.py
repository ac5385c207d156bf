"""TV against a loopback IPTV server (issue 13): a playlist with every catch-up mode and a +0300
guide are imported; each film's archive URL is fetched and the server records the exact URL; its
times are checked against the airing (a tvg-shift channel, a night across a DST change); the live
stream slides its window; unknown modes give no archive."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from app.core.clock import FixedClock
from app.services.guide import refresh as epg_refresh
from app.services.sources import iptv
from tests.fakes.iptv_server import IptvServer, make_segments

MSK = timezone(timedelta(hours=3))
BERLIN = ZoneInfo("Europe/Berlin")
# The guide (in +0300) and "now": the night of 25-26 Oct 2025, when Berlin leaves summer time.
NOW = datetime(2025, 10, 26, 10, 0, tzinfo=MSK)
FILM = datetime(2025, 10, 26, 2, 30, tzinfo=MSK)  # 01:30 CEST in Berlin ... 03:30 CET
FILM_END = datetime(2025, 10, 26, 5, 30, tzinfo=MSK)


def ts(moment: datetime) -> int:
    return int(moment.timestamp())


def xmltv(moment: datetime) -> str:
    return moment.strftime("%Y%m%d%H%M%S %z")


CHANNELS = [  # (tvg-id, attributes, live path)
    ("def",
     'catchup="default" '
     'catchup-source="{base}/archive/def/{{utc}}-{{duration}}-{{Y}}{{m}}{{d}}{{H}}{{M}}.m3u8"',
     "/live/def/index.m3u8"),
    ("app", 'catchup="append" catchup-source="&utc={{utc}}&lutc={{lutc}}"', "/live/app/index.m3u8?token=1"),
    ("sh", 'catchup="shift"', "/live/sh/index.m3u8"),
    ("shifted", 'catchup="shift" tvg-shift="2"', "/live/shifted/index.m3u8"),
    ("fl", 'catchup="flussonic"', "/fl/151/index.m3u8"),
    ("flts", 'catchup="flussonic-ts"', "/fl/152/mpegts"),
    ("xc", 'catchup="xc"', "/live/u/p/42.m3u8"),
    ("vod", 'catchup="vod" catchup-source="{base}/catchup/vod/{{catchup-id}}.m3u8"', "/live/vod/index.m3u8"),
    ("bad", 'catchup="magic"', "/live/bad/index.m3u8"),
    ("none", "", "/live/none/index.m3u8"),
]  # fmt: skip


@pytest.fixture(scope="module")
def segments(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return make_segments(tmp_path_factory.mktemp("iptv"))


@pytest.fixture
def server(segments: list[Path]) -> Any:
    with IptvServer(segments) as srv:
        yield srv


def write_feeds(folder: Path, base: str) -> Path:
    programmes = []
    for tvg_id, _attrs, _live in CHANNELS:
        extra = ' catchup-id="abc123"' if tvg_id == "vod" else ""
        programmes.append(
            f'<programme start="{xmltv(FILM)}" stop="{xmltv(FILM_END)}" channel="{tvg_id}"{extra}>'
            f"<title>Х/ф Фильм {tvg_id}</title><desc>США, 1999.</desc></programme>"
        )
    channels = "".join(
        f'<channel id="{c}"><display-name>{c}</display-name></channel>' for c, _, _ in CHANNELS
    )
    (folder / "guide.xml").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?><tv>{channels}{"".join(programmes)}</tv>'
    )
    lines = [f'#EXTM3U url-tvg="{folder / "guide.xml"}" catchup-days="3"']
    for tvg_id, attrs, live in CHANNELS:
        lines += [f'#EXTINF:-1 tvg-id="{tvg_id}" {attrs.format(base=base)},Канал {tvg_id}', base + live]
    (folder / "list.m3u").write_text("\n".join(lines) + "\n", "utf-8")
    return folder / "list.m3u"


def expected_archive(base: str, tvg_id: str, now: int) -> str | None:
    """Each mode's URL, worked out here from the airing (01:30-03:30 Berlin time, +0300 guide)."""
    begin, end = ts(FILM) - 60, ts(FILM_END) + 300  # padding: 1 min before, 5 after
    duration = end - begin
    local = datetime.fromtimestamp(begin, BERLIN)
    assert local.strftime("%H:%M %Z") == "01:29 CEST"  # before the change; the end is in CET
    assert datetime.fromtimestamp(end, BERLIN).strftime("%H:%M %Z") == "03:35 CET"
    return {
        "def": f"/archive/def/{begin}-{duration}-{local:%Y%m%d%H%M}.m3u8",
        "app": f"/live/app/index.m3u8?token=1&utc={begin}&lutc={now}",
        "sh": f"/live/sh/index.m3u8?utc={begin}&lutc={now}",
        # tvg-shift 2: the airing is stored two hours later; the URL carries the guide's time
        "shifted": f"/live/shifted/index.m3u8?utc={begin}&lutc={now}",
        "fl": f"/fl/151/timeshift_rel-{now - begin}.m3u8",
        "flts": f"/fl/152/timeshift_abs-{begin}.ts",
        "xc": f"/timeshift/u/p/{duration // 60}/{local:%Y-%m-%d:%H-%M}/42.m3u8",
        "vod": "/catchup/vod/abc123.m3u8",
    }.get(tvg_id)


def test_every_mode_asks_the_archive_for_the_airing(services: Any, server: Any, tmp_path: Path) -> None:
    services.clock = FixedClock(NOW.astimezone(UTC))
    services.settings = services.settings.model_copy(update={"catchup_timezone": "Europe/Berlin"})
    playlist = write_feeds(tmp_path, server.base)
    result = epg_refresh.import_location(services, str(playlist))
    assert (result.channels, result.programmes) == (len(CHANNELS), len(CHANNELS))
    films = dict(services.db.execute("SELECT channel_id, title_id FROM programmes WHERE kind = 'film'"))
    now = ts(NOW)
    with httpx.Client(timeout=5) as client:
        for tvg_id, _attrs, _live in CHANNELS:
            ways = iptv.ways(services, films[f"{result.source_id}:{tvg_id}"])
            archive = [w for w in ways if w.extra["way"] == "archive"]
            want = expected_archive(server.base, tvg_id, now)
            if want is None:  # an unknown mode, no catch-up: no archive, nothing asked for
                assert archive == [], tvg_id
                continue
            (way,) = archive
            assert way.url == server.base + want
            answer = client.get(way.url)
            assert answer.status_code == 200
            if want.endswith(".m3u8") or "?" in want:
                assert "#EXT-X-ENDLIST" in answer.text  # a finished recording, not live
            assert server.archive_requests[-1] == want, tvg_id
            # a stored airing with tvg-shift 2 is two hours after the guide's time
            if tvg_id == "shifted":
                assert way.start == datetime.fromtimestamp(ts(FILM) + 7200, UTC)
            else:
                assert way.start == FILM
    assert len(server.archive_requests) == 8


def test_live_slides_its_window_and_dead_channels_404(server: Any) -> None:
    import time

    with httpx.Client(timeout=5) as client:
        first = client.get(server.url("/live/sh/index.m3u8")).text
        time.sleep(1.2)
        second = client.get(server.url("/live/sh/index.m3u8")).text
        seg = client.get(server.url("/live/sh/seg005.ts"))
        dead = client.get(server.url("/dead/ch/index.m3u8"))

    def sequence(text: str) -> int:
        return int(next(line for line in text.splitlines() if "MEDIA-SEQUENCE:" in line).split(":")[1])

    assert sequence(second) > sequence(first)
    assert "#EXT-X-ENDLIST" not in second and second.count("#EXTINF") == server.window
    assert seg.status_code == 200 and seg.content[:1] == b"\x47"  # an MPEG-TS sync byte
    assert dead.status_code == 404
    assert server.archive_requests == []
