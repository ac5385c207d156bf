"""Turning sources into playables: headers, catch-up URLs (CONTRACTS §4), order, live channels."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import insert

from app.core.clock import FixedClock
from app.domain.models import SourceKind
from app.services.library.catalog import CatalogService
from app.services.sources.resolve import (
    SourceOpener,
    candidates,
    catchup_url,
    fill_catchup,
    split_pipe_headers,
)
from app.storage import guide_repo, titles_repo
from app.storage.channel_streams_repo import ChannelStream, channel_streams
from app.storage.tables import channels, programmes
from tests.ui.conftest import title_row

START = int(datetime(2026, 11, 21, 20, 0, tzinfo=UTC).timestamp())
STOP = START + 5400
NOW = START + 600


def ch(url: str, mode: str, source: str | None = None) -> ChannelStream:
    return ChannelStream(id="1:c", name="C", stream_url=url, catchup_mode=mode, catchup_source=source)


def test_pipe_headers_are_split_off_the_url() -> None:
    url, headers = split_pipe_headers('http://h/x.m3u8|User-Agent="Mozilla/5.0"&Referer=http://r/')
    assert url == "http://h/x.m3u8"
    assert headers == {"User-Agent": "Mozilla/5.0", "Referer": "http://r/"}
    assert split_pipe_headers("http://h/x.ts") == ("http://h/x.ts", {})


def test_placeholders() -> None:
    out = fill_catchup(
        "x?s={utc}&e={utcend}&n={lutc}&d={duration}&m={duration:60}&o={offset:1}", START, STOP, NOW
    )
    assert out == f"x?s={START}&e={STOP}&n={NOW}&d=5400&m=90&o=600"
    assert fill_catchup("${start}-${end}-${timestamp}", START, STOP, NOW) == f"{START}-{STOP}-{NOW}"
    assert fill_catchup("{Y}-{m}-{d}:{H}-{M}", START, STOP, NOW) == "2026-11-21:20-00"
    # the Java-style form from a real playlist (realworld ipytv space_before_comma)
    assert fill_catchup("?t=${(b)yyyyMMddHHmmss}", START, STOP, NOW) == "?t=20261121200000"


@pytest.mark.parametrize(
    ("live", "mode", "source", "expected"),
    [
        (
            "http://h/ch/index.m3u8",
            "default",
            "http://h/ch/{utc}-{duration}.m3u8",
            f"http://h/ch/{START}-5400.m3u8",
        ),
        ("http://h/ch/index.m3u8?t=1", "append", "&utc={utc}", f"http://h/ch/index.m3u8?t=1&utc={START}"),
        ("http://h/ch/index.m3u8", "shift", None, f"http://h/ch/index.m3u8?utc={START}&lutc={NOW}"),
        ("http://h/ch/index.m3u8?token=a", "flussonic", None, "http://h/ch/timeshift_rel-600.m3u8?token=a"),
        ("http://h/ch/mpegts", "fs", None, f"http://h/ch/timeshift_abs-{START}.ts"),
        ("http://h/ch/mono.m3u8", "flussonic-hls", None, "http://h/ch/mono-timeshift_rel-600.m3u8"),
        ("http://h:8080/live/u/p/42.ts", "xc", None, "http://h:8080/timeshift/u/p/90/2026-11-21:20-00/42.ts"),
        ("http://h/ch/index.m3u8", "", None, None),
    ],
)
def test_catchup_modes(live: str, mode: str, source: str | None, expected: str | None) -> None:
    assert catchup_url(ch(live, mode, source), START, STOP, NOW) == expected


def _guide(services, title_id: str, start: int, stop: int) -> None:
    source_id = guide_repo.add_source(
        services.db, name="g", kind="m3u", location="x", params=None, is_demo=False, now=NOW
    )
    with services.db.engine.begin() as conn:
        conn.execute(
            insert(channels),
            [
                {
                    "id": f"{source_id}:kino",
                    "source_id": source_id,
                    "guide_id": "kino",
                    "name": "Кино ТВ",
                    "stream_url": "http://127.0.0.1:9/kino/index.m3u8",
                    "headers": json.dumps({"User-Agent": "MyCenter/1.0"}),
                    "catchup_mode": "shift",
                    "catchup_days": 3,
                }
            ],
        )
        conn.execute(
            insert(programmes),
            [
                {
                    "source_id": source_id,
                    "channel_id": f"{source_id}:kino",
                    "start": start,
                    "stop": stop,
                    "title": "Фильм",
                    "kind": "film",
                    "title_id": title_id,
                }
            ],
        )
    assert channel_streams(services.db, [f"{source_id}:kino"])[f"{source_id}:kino"].headers == {
        "User-Agent": "MyCenter/1.0"
    }


def test_candidates_order_sources_then_archive_then_live(services) -> None:
    services.clock = FixedClock(datetime.now(UTC))  # the archive URL carries "now": keep it still
    now = int(services.clock.now().timestamp())
    titles_repo.upsert_titles(services.db, [title_row(1)])
    tid = "tmdb:movie:1001"
    rows = [
        ("torrent", "magnet:?xt=urn:btih:" + "a" * 40, 0.5),
        ("direct", "http://127.0.0.1:9/film.mp4|Referer=http://r/", 0.9),
        ("hls", "http://127.0.0.1:9/master.m3u8", 0.7),
    ]
    titles_repo.upsert_sources(
        services.db,
        [
            {"title_id": tid, "kind": k, "url": u, "label": "", "quality": None, "headers": None,
             "score": sc, "health": "ok", "added_at": now}
            for k, u, sc in rows
        ],
    )  # fmt: skip
    _guide(services, tid, now - 600, now + 3000)  # on air now, in the archive too
    detail = CatalogService(services).detail(tid)
    assert detail is not None
    found = candidates(services, detail, start_ms=42_000)
    kinds = [p.kind for p in found]
    assert kinds == [
        SourceKind.DIRECT, SourceKind.HLS, SourceKind.TORRENT, SourceKind.IPTV_CATCHUP, SourceKind.IPTV_LIVE,
    ]  # fmt: skip
    direct, hls, torrent, archive, live = found
    assert direct.request.headers == {"Referer": "http://r/"} and direct.request.location.endswith("film.mp4")
    assert direct.request.start_ms == 42_000 and hls.hls
    assert SourceOpener.needs_preparing(torrent) and not SourceOpener.needs_preparing(hls)
    assert archive.request.location == f"http://127.0.0.1:9/kino/index.m3u8?utc={now - 600}&lutc={now}"
    assert archive.request.headers == {"User-Agent": "MyCenter/1.0"} and archive.request.start_ms == 42_000
    assert live.live and live.request.start_ms == 0 and live.at(99_000).request.start_ms == 0
    assert "Кино ТВ" in live.label


def test_a_programme_outside_the_archive_has_no_catchup(services) -> None:
    now = int(services.clock.now().timestamp())
    titles_repo.upsert_titles(services.db, [title_row(2)])
    _guide(services, "tmdb:movie:1002", now + 3600, now + 7200)  # tomorrow's airing: nothing yet
    detail = CatalogService(services).detail("tmdb:movie:1002")
    assert detail is not None and detail.airings
    assert candidates(services, detail) == []
