"""Turning sources into playables: headers, order, TV ways (the catch-up URLs themselves are
tested in tests/providers/test_iptv_catchup.py)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import insert

from app.core.clock import FixedClock
from app.domain.models import SourceKind
from app.services.library.catalog import CatalogService
from app.services.sources.resolve import SourceOpener, candidates, split_pipe_headers
from app.storage import guide_repo, titles_repo, tv_repo
from app.storage.tables import channels, programmes
from tests.ui.conftest import title_row

START = int(datetime(2026, 11, 21, 20, 0, tzinfo=UTC).timestamp())
STOP = START + 5400
NOW = START + 600


def test_pipe_headers_are_split_off_the_url() -> None:
    url, headers = split_pipe_headers('http://h/x.m3u8|User-Agent="Mozilla/5.0"&Referer=http://r/')
    assert url == "http://h/x.m3u8"
    assert headers == {"User-Agent": "Mozilla/5.0", "Referer": "http://r/"}
    assert split_pipe_headers("http://h/x.ts") == ("http://h/x.ts", {})


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
    assert tv_repo.watch_channels(services.db, [f"{source_id}:kino"])[f"{source_id}:kino"].headers == {
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
    # from the start of what is on, one minute early (the default padding)
    assert archive.request.location == f"http://127.0.0.1:9/kino/index.m3u8?utc={now - 660}&lutc={now}"
    assert archive.request.headers == {"User-Agent": "MyCenter/1.0"} and archive.request.start_ms == 42_000
    assert live.live and live.request.start_ms == 0 and live.at(99_000).request.start_ms == 0
    assert live.label == "Live · Кино ТВ" and archive.label == "From the start · Кино ТВ"


def test_a_programme_outside_the_archive_has_no_catchup(services) -> None:
    now = int(services.clock.now().timestamp())
    titles_repo.upsert_titles(services.db, [title_row(2)])
    _guide(services, "tmdb:movie:1002", now + 3600, now + 7200)  # tomorrow's airing: nothing yet
    detail = CatalogService(services).detail("tmdb:movie:1002")
    assert detail is not None and detail.airings
    assert candidates(services, detail) == []


def test_ended_airings_stay_while_in_the_archive(services) -> None:
    services.clock = FixedClock(datetime.now(UTC))
    now = int(services.clock.now().timestamp())
    titles_repo.upsert_titles(services.db, [title_row(3)])
    tid = "tmdb:movie:1003"
    _guide(services, tid, now - 7200, now - 1800)  # ended half an hour ago; the channel keeps 3 days
    detail = CatalogService(services).detail(tid)
    assert detail is not None
    assert [a.stop for a in detail.airings] == [datetime.fromtimestamp(now - 1800, UTC)]
    (archive,) = candidates(services, detail, start_ms=5_000)
    assert archive.kind is SourceKind.IPTV_CATCHUP and archive.label == "Archive · Кино ТВ"
    assert archive.request.start_ms == 5_000  # the archive resumes where it was left
    assert archive.request.location == f"http://127.0.0.1:9/kino/index.m3u8?utc={now - 7260}&lutc={now}"


def test_airings_older_than_the_archive_are_left_out(services) -> None:
    now = int(services.clock.now().timestamp())
    titles_repo.upsert_titles(services.db, [title_row(4)])
    _guide(services, "tmdb:movie:1004", now - 4 * 86400, now - 4 * 86400 + 5400)  # 4 days > 3
    detail = CatalogService(services).detail("tmdb:movie:1004")
    assert detail is not None and detail.airings == () and candidates(services, detail) == []
