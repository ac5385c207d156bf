"""The catch-up template engine (CONTRACTS.md §4, Kodi IPTV Simple's rules): every mode's URL with
its times checked against the airing — a +0300 guide, a tvg-shift, a catch-up correction, a
night across a DST change — and no URL at all for what it does not know."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from app.domain.models import SourceKind
from app.domain.tv import ChannelAiring, TvChannel
from app.providers.guide.xmltv.parser import parse_time
from app.providers.streams.iptv import CatchupOptions, archive_url, template_for, ways_for_airings
from app.providers.streams.iptv.catchup import fill, unknown_placeholders

MOSCOW = ZoneInfo("Europe/Moscow")
BERLIN = ZoneInfo("Europe/Berlin")
# A real Russian guide's line: start="20250928210000 +0300" stop="20250928230000 +0300"
START = parse_time("20250928210000 +0300")
STOP = parse_time("20250928230000 +0300")
assert START is not None and STOP is not None
assert datetime.fromtimestamp(START, UTC) == datetime(2025, 9, 28, 18, 0, tzinfo=UTC)
NOW = STOP + 3600  # an hour after it ended: in the archive
OPTS = CatchupOptions(pad_before_s=60, pad_after_s=300, zone=MOSCOW)
BEGIN = START - 60  # one minute before (the default padding)
END = STOP + 300  # five minutes after
DURATION = END - BEGIN


def channel(url: str, mode: str | None, source: str | None = None, **kw: object) -> TvChannel:
    return TvChannel(id="1:c", name="Кино", stream_url=url, catchup_mode=mode, catchup_source=source,
                     catchup_days=kw.pop("days", 7), **kw)  # type: ignore[arg-type]  # fmt: skip


def url_of(ch: TvChannel, start: int = START, stop: int = STOP, now: int = NOW, **kw: object) -> str | None:
    return archive_url(ch, start=start, stop=stop, now=now, options=OPTS, **kw).url  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("live", "mode", "source", "expected"),
    [
        ("http://h/ch/index.m3u8", "default", "http://h/arc/{utc}-{duration}.m3u8",
         f"http://h/arc/{BEGIN}-{DURATION}.m3u8"),
        ("http://h/ch/index.m3u8", "default", "http://h/arc/${start}/${end}/{Y}{m}{d}{H}{M}{S}.m3u8",
         f"http://h/arc/{BEGIN}/{END}/20250928205900.m3u8"),  # 21:00 Moscow, one minute early
        ("http://h/ch/index.m3u8?t=1", "append", "&utc={utc}&lutc={lutc}",
         f"http://h/ch/index.m3u8?t=1&utc={BEGIN}&lutc={NOW}"),
        ("http://h/ch/index.m3u8", "shift", None, f"http://h/ch/index.m3u8?utc={BEGIN}&lutc={NOW}"),
        ("http://h/ch/index.m3u8?x=1", "timeshift", None, f"http://h/ch/index.m3u8?x=1&utc={BEGIN}&lutc={NOW}"),
        ("http://h/151/index.m3u8?token=a", "flussonic", None,
         f"http://h/151/timeshift_rel-{NOW - BEGIN}.m3u8?token=a"),
        ("http://h/151/mono.m3u8", "flussonic-hls", None,
         f"http://h/151/mono-timeshift_rel-{NOW - BEGIN}.m3u8"),
        ("http://h/151/mpegts?token=a", "flussonic-ts", None, f"http://h/151/timeshift_abs-{BEGIN}.ts?token=a"),
        ("http://h/151/live?token=a", "fs", None, f"http://h/151/timeshift_abs-{BEGIN}.ts?token=a"),
        ("http://h:8080/live/u/p/42.ts", "xc", None,
         f"http://h:8080/timeshift/u/p/{DURATION // 60}/2025-09-28:20-59/42.ts"),
        ("http://h:8080/u/p/42", "xc", None,
         f"http://h:8080/timeshift/u/p/{DURATION // 60}/2025-09-28:20-59/42.ts"),
        ("http://h:8080/live/u/p/42.m3u8", "xc", None,
         f"http://h:8080/timeshift/u/p/{DURATION // 60}/2025-09-28:20-59/42.m3u8"),
        ("http://h/ch/index.m3u8", "vod", "http://h/vod/{catchup-id}.m3u8", "http://h/vod/abc123.m3u8"),
        ("http://h/ch/index.m3u8", "vod", None, "abc123"),  # the id is the URL (Kodi)
    ],
)  # fmt: skip
def test_every_mode_carries_the_airing_times(live: str, mode: str, source: str | None, expected: str) -> None:
    assert url_of(channel(live, mode, source), catchup_id="abc123") == expected


def test_simpletv_java_style_times_from_a_real_playlist() -> None:
    # realworld m3u/ipytv_testdata_space_before_comma.m3u: the header's catchup="append" source
    src = "?playseek=${(b)yyyyMMddHHmmss}-${(e)yyyyMMddHHmmss}"
    found = url_of(channel("http://myown.link:80/luke/109163/78280", "append", src))
    assert found == "http://myown.link:80/luke/109163/78280?playseek=20250928205900-20250928230500"


def test_tvg_shift_and_catchup_correction_give_the_guide_its_own_times() -> None:
    # tvg-shift +2: the stored airing is two hours later than the guide says; the archive server
    # indexes the guide's times, so the URL carries them (IPTV Simple does the same)
    shifted = channel("http://h/ch/index.m3u8", "shift", tvg_shift=2.0)
    assert url_of(shifted, START + 7200, STOP + 7200, NOW + 7200) == (
        f"http://h/ch/index.m3u8?utc={BEGIN}&lutc={NOW + 7200}"
    )
    corrected = channel(
        "http://h/ch/index.m3u8", "default", "http://h/a/{utc}/{H}{M}", catchup_correction=1.0
    )
    assert url_of(corrected) == f"http://h/a/{BEGIN - 3600}/1959"  # an hour earlier on both


def test_a_night_across_the_dst_change() -> None:
    # 26 Oct 2025 in Berlin: 03:00 CEST becomes 02:00 CET. A film from 01:30 CEST to 03:30 CET
    # lasts three real hours; the URL's wall-clock hours are those of Berlin's clocks.
    start = int(datetime(2025, 10, 25, 23, 30, tzinfo=UTC).timestamp())  # 01:30 CEST
    stop = int(datetime(2025, 10, 26, 2, 30, tzinfo=UTC).timestamp())  # 03:30 CET
    ch = channel("http://h/ch/index.m3u8", "default", "http://h/a/{Y}{m}{d}{H}{M}-{utcend:YmdHM}-{duration}")
    plain = CatchupOptions(pad_before_s=0, pad_after_s=0, zone=BERLIN)
    found = archive_url(ch, start=start, stop=stop, now=stop + 600, options=plain)
    assert found.url == "http://h/a/202510260130-202510260330-10800"
    # the same programme in Moscow time (no DST there since 2011): 02:30 to 05:30
    moscow = archive_url(ch, start=start, stop=stop, now=stop + 600, options=CatchupOptions(0, 0, MOSCOW))
    assert moscow.url == "http://h/a/202510260230-202510260530-10800"


def test_an_airing_still_on_ends_at_now() -> None:
    now = START + 1800
    found = url_of(
        channel("http://h/ch/index.m3u8", "default", "http://h/a/{utc}-{utcend}-{duration}"), now=now
    )
    assert found == f"http://h/a/{BEGIN}-{now}-{now - BEGIN}"


@pytest.mark.parametrize(
    ("ch", "why"),
    [
        (channel("http://h/ch/index.m3u8", None), "names no catch-up mode"),
        (channel("http://h/ch/index.m3u8", "magic"), "unknown catch-up mode 'magic'"),
        (channel("http://h/ch/index.m3u8", "default", "http://h/a/{utc}/{foo}"), "unknown placeholder {foo}"),
        (channel("http://h/ch/index.m3u8", "default", "http://h/a/{utc:Q}"), "unknown placeholder {utc:Q}"),
        (channel("http://h/ch/index.m3u8", "default", "?utc={utc}"), "not a full URL"),
        (channel("http://h/ch/index.m3u8", "append", None), "needs a catchup-source"),
        (channel("rtmp://h/ch", "flussonic"), "does not look like a Flussonic"),
        (channel("http://h/ch/index.m3u8", "xc"), "does not look like an Xtream Codes"),
        (channel("http://h/ch/index.m3u8", "shift", days=0), "catchup-days is 0"),
        (channel("http://h/ch/index.m3u8", "vod", "http://h/v/{catchup-id}"), "no catchup-id"),
        (channel("http://h/ch/index.m3u8", "shift", days=-1), "needs a catchup-id"),
    ],
)  # fmt: skip
def test_no_archive_without_a_known_mode_and_template(ch: TvChannel, why: str) -> None:
    found = archive_url(ch, start=START, stop=STOP, now=NOW, options=OPTS)
    assert found.url is None
    assert found.reason is not None and why in found.reason


def test_the_archive_window() -> None:
    ch = channel("http://h/ch/index.m3u8", "shift", days=1)
    assert url_of(ch, now=START + 86400 - 1) is not None
    old = archive_url(ch, start=START, stop=STOP, now=START + 86400 + 1, options=OPTS)
    assert old.url is None and "older than the channel's 1 archive days" in (old.reason or "")
    future = archive_url(ch, start=START, stop=STOP, now=START - 10, options=OPTS)
    assert future.url is None and "not started" in (future.reason or "")
    # no catchup-days at all: the default depth (Kodi: 5 days)
    assert url_of(channel("http://h/ch/index.m3u8", "shift", days=None), now=START + 4 * 86400) is not None
    # -1 (Kodi): any age, when the programme carries a catchup-id
    assert url_of(channel("http://h/c/i.m3u8", "vod", days=-1), now=START + 90 * 86400, catchup_id="x") == "x"


def test_placeholders_are_checked() -> None:
    ok = "{utc}{utcend}{lutc}{duration}{duration:60}{offset}{offset:1}${start}${end}${now}${timestamp}"
    ok += "${duration}${offset}{Y}{m}{d}{H}{M}{S}{utc:Y-m-d}{lutc:HMS}${start:Ymd}{catchup-id}${(b)yyyyMMdd}"
    assert unknown_placeholders(ok) == []
    assert unknown_placeholders("{utc}{x}${(b)yyyyQQ}{duration:0}") == ["{x}", "${(b)yyyyQQ}", "{duration:0}"]
    assert fill("{offset:60}-{duration:60}", start=0, end=3600, now=7200) == "120-60"


def test_template_keeps_kodi_protocol_options() -> None:
    found = template_for(channel("http://h/ch/index.m3u8|User-Agent=X", "shift"))
    assert found.url == "http://h/ch/index.m3u8?utc={utc}&lutc={lutc}|User-Agent=X"


def _airing(ch: TvChannel, start: int, stop: int, catchup_id: str | None = None) -> ChannelAiring:
    return ChannelAiring(
        channel=ch,
        start=datetime.fromtimestamp(start, UTC),
        stop=datetime.fromtimestamp(stop, UTC),
        title="Фильм",
        catchup_id=catchup_id,
    )


def test_ways_on_air_ended_and_later() -> None:
    backup = channel("http://b/ch/index.m3u8", "shift")
    ch = channel("http://h/ch/index.m3u8", "shift", backups=(backup,))
    now = START + 1800
    airings = [
        _airing(ch, START - 86400, STOP - 86400),  # yesterday: archive
        _airing(ch, START, STOP),  # on air: live (+ backup) and from the start (+ backup)
        _airing(ch, START + 86400, STOP + 86400),  # tomorrow: later
    ]
    ways = ways_for_airings(airings, datetime.fromtimestamp(now, UTC), OPTS)
    summary = [(w.kind, w.extra["way"], w.extra["backup"], w.playable_now) for w in ways]
    assert summary == [
        (SourceKind.IPTV_CATCHUP, "archive", 0, True),
        (SourceKind.IPTV_CATCHUP, "archive", 1, True),
        (SourceKind.IPTV_LIVE, "live", 0, True),
        (SourceKind.IPTV_LIVE, "live", 1, True),
        (SourceKind.IPTV_CATCHUP, "from_start", 0, True),
        (SourceKind.IPTV_CATCHUP, "from_start", 1, True),
        (SourceKind.IPTV_LIVE, "upcoming", 0, False),
    ]
    live = ways[2]
    assert (live.url, live.channel, live.start, live.stop) == (
        "http://h/ch/index.m3u8", "Кино", airings[1].start, airings[1].stop,
    )  # fmt: skip
    assert ways[4].url == f"http://h/ch/index.m3u8?utc={BEGIN}&lutc={now}"


def test_ways_without_catchup_are_live_only_and_the_reason_is_told() -> None:
    told: list[str] = []
    ch = channel("http://h/ch/index.m3u8", "magic")
    ways = ways_for_airings(
        [_airing(ch, START, STOP), _airing(ch, START - 86400, STOP - 86400)],
        datetime.fromtimestamp(START + 60, UTC),
        OPTS,
        on_refusal=lambda _c, why: told.append(why),
    )
    assert [w.extra["way"] for w in ways] == ["live"]
    assert told == ["unknown catch-up mode 'magic'", "unknown catch-up mode 'magic'"]


def test_the_provider_logs_why_a_channel_has_no_archive_once(caplog: pytest.LogCaptureFixture) -> None:
    from app.providers.streams.iptv import IptvStreams

    magic = channel("http://h/ch/index.m3u8", "magic")
    placeholder = channel("http://h/ch/index.m3u8", "default", "http://h/a/{utc}/{foo}")
    placeholder = replace(placeholder, id="1:p", name="Кино 2")
    airings = [_airing(magic, START - 86400, STOP - 86400), _airing(placeholder, START - 86400, STOP - 86400)]
    now = datetime.fromtimestamp(START + 60, UTC)
    streams = IptvStreams(lambda _title, _since: airings, lambda: now, lambda: OPTS)
    with caplog.at_level("INFO", logger="app.providers.streams.iptv.provider"):
        assert streams.ways("t") == []  # ended, no archive we can build: nothing at all
        assert streams.ways("t") == []  # a title page opens often: told once
    assert [r.getMessage() for r in caplog.records] == [
        "no archive on Кино: unknown catch-up mode 'magic'",
        "no archive on Кино 2: unknown placeholder {foo} in the catch-up template",
    ]
