"""Guide refresh end to end: realworld files into the database, films linked to titles,
atomic replace, pruning, playlist mapping, HTTP sources with 304, events."""

from __future__ import annotations

import asyncio
import gzip
import json
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.core.clock import FixedClock
from app.domain.errors import BadFeed, ProviderUnavailable
from app.providers.guide.feed import ProgrammeRecord, open_feed
from app.providers.guide.xmltv.parser import iter_xmltv
from app.services.guide import catalog as guide_catalog
from app.services.guide import refresh as epg_refresh
from app.services.guide.refresh import GuideDidRefresh, RefreshProgress
from tests.fakes.feed_server import feed_server

REALWORLD = Path(__file__).resolve().parents[3] / "shared" / "realworld"


def at(ts: int) -> FixedClock:
    return FixedClock(datetime.fromtimestamp(ts, UTC))


def rows(services: Any, sql: str, *args: object) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(services.db.path)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def guide(*programmes: tuple[str, str, str | None, str], channels: str = "") -> bytes:
    """A small XMLTV: (channel, start, stop, title) tuples, times as XMLTV strings."""
    body = "".join(
        f'<programme start="{s}"' + (f' stop="{e}"' if e else "") + f' channel="{c}">'
        f"<title>{t}</title><desc>США, 1999. Режиссёр: Иван Петров</desc></programme>"
        for c, s, e, t in programmes
    )
    return f'<?xml version="1.0" encoding="UTF-8"?><tv>{channels}{body}</tv>'.encode()


def first_start(path: Path) -> int:
    with open_feed(path, path.name) as s:
        return min(r.start for r in iter_xmltv(s, path.name) if isinstance(r, ProgrammeRecord))


@pytest.mark.parametrize(
    "name",
    sorted(p.name for p in (REALWORLD / "xmltv").glob("*") if p.name != "xmltv.dtd"),
)
def test_realworld_guides_import_into_the_database(services: Any, name: str) -> None:
    path = REALWORLD / "xmltv" / name
    with open_feed(path, name) as s:
        records = list(iter_xmltv(s, name))
    programmes = [r for r in records if isinstance(r, ProgrammeRecord)]
    channel_ids = {getattr(r, "guide_id", None) for r in records} - {None}
    services.clock = at(min(p.start for p in programmes))
    res = epg_refresh.import_location(services, str(path))
    assert res.status == "ok" and res.kind == "xmltv"
    assert res.programmes == len(programmes)
    # Duplicate channel ids collapse; undeclared channels are added.
    assert res.channels == len(channel_ids | {p.channel for p in programmes})
    stored = rows(services, "SELECT COUNT(*), COUNT(stop) FROM programmes")[0]
    assert stored[0] == len(programmes)
    status = epg_refresh.list_sources(services)[0]
    assert (status.last_status, status.programmes_count) == ("ok", len(programmes))


def test_russian_guide_films_become_placeholder_titles(services: Any) -> None:
    path = REALWORLD / "xmltv" / "iptvx_one_ru_content.xml.gz"
    services.clock = at(first_start(path))
    res = epg_refresh.import_location(services, str(path))
    kinds = dict(rows(services, "SELECT title, kind FROM programmes"))
    assert kinds["Экипаж машины боевой"] == "film"  # stored without its «х/ф» prefix
    assert kinds["т/с Фарца. 8 с."] == "series"
    assert kinds["Три в одном 8. 1 с."] == "film"  # a film shown in parts (issue 13)
    assert "cartoon" in kinds.values() and "documentary" in kinds.values()
    films = rows(
        services,
        "SELECT DISTINCT film_key, title_id FROM programmes WHERE kind IN "
        "('film', 'cartoon', 'documentary', 'anime')",
    )
    assert res.films == len(films) > 0
    assert all(tid == f"epg:film:{key}" for key, tid in films)
    # "… СССР, 1983, драма …" and "Режиссёр: …" in the description give the hints.
    title = rows(
        services,
        "SELECT kind, title, year, is_demo FROM titles WHERE id = 'epg:film:экипаж машины боевой:1983'",
    )
    assert title == [("film", "Экипаж машины боевой", 1983, 0)]
    hints = rows(
        services,
        "SELECT DISTINCT country_hint, director_hint FROM programmes "
        "WHERE film_key = 'экипаж машины боевой:1983'",
    )
    assert hints == [("СССР", "Виталий Василевский")]


def test_matched_titles_are_linked_and_orphans_removed(services: Any, tmp_path: Path) -> None:
    services.clock = at(1704067200)  # 2024-01-01
    now = 1704067200
    conn = sqlite3.connect(services.db.path)
    conn.execute(
        "INSERT INTO titles (id, kind, title, year, added_at, updated_at) "
        "VALUES ('tmdb:movie:603', 'film', 'Матрица', 1999, 0, 0)"
    )
    conn.execute(
        "INSERT INTO title_matches (film_key, title_id, status) "
        "VALUES ('матрица:1999', 'tmdb:movie:603', 'matched')"
    )
    conn.commit()
    conn.close()
    src = tmp_path / "g.xml"
    src.write_bytes(
        guide(
            ("a", "20240101200000 +0300", None, 'Х/ф "Матрица"'),
            ("a", "20240101220000 +0300", None, "Х/ф Брат"),
            ("a", "20240102000000 +0300", "20240102010000 +0300", "Новости"),
        )
    )
    sid = epg_refresh.add_source(services, str(src), "test")
    epg_refresh.refresh_source_blocking(services, sid)
    linked = dict(rows(services, "SELECT title, title_id FROM programmes"))
    assert linked["Матрица"] == "tmdb:movie:603"
    assert linked["Брат"] == "epg:film:брат:1999"
    assert linked["Новости"] is None
    # Missing stops are filled from the next programme on the channel.
    stops = rows(services, "SELECT start, stop FROM programmes ORDER BY start")
    assert stops[0][1] == stops[1][0] and stops[1][1] == stops[2][0]
    placeholder = rows(services, "SELECT overview FROM titles WHERE id = 'epg:film:брат:1999'")
    assert placeholder == [("США, 1999. Режиссёр: Иван Петров",)]
    # The next guide no longer has «Брат»: its placeholder goes, the matched title stays.
    src.write_bytes(guide(("a", "20240101200000 +0300", None, 'Х/ф "Матрица"')))
    epg_refresh.refresh_source_blocking(services, sid, force=True)
    ids = {r[0] for r in rows(services, "SELECT id FROM titles")}
    assert "epg:film:брат:1999" not in ids and "tmdb:movie:603" in ids
    assert now  # the clock is fixed at the guide's day


def test_placeholder_on_watchlist_survives(services: Any, tmp_path: Path) -> None:
    services.clock = at(1704067200)
    src = tmp_path / "g.xml"
    src.write_bytes(guide(("a", "20240101200000 +0300", None, "Х/ф Брат")))
    sid = epg_refresh.add_source(services, str(src))
    epg_refresh.refresh_source_blocking(services, sid)
    conn = sqlite3.connect(services.db.path)
    conn.execute("INSERT OR IGNORE INTO profiles (id, name, created_at) VALUES (1, 'me', 0)")
    conn.execute("INSERT INTO watchlist VALUES (1, 'epg:film:брат:1999', 0)")
    conn.commit()
    conn.close()
    src.write_bytes(guide(("a", "20240101200000 +0300", None, "Новости")))
    epg_refresh.refresh_source_blocking(services, sid, force=True)
    assert rows(services, "SELECT id FROM titles") == [("epg:film:брат:1999",)]


def test_old_programmes_are_pruned(services: Any, tmp_path: Path) -> None:
    services.clock = at(1704067200 + 10 * 86400)  # ten days after the guide's first day
    src = tmp_path / "g.xml"
    src.write_bytes(
        guide(
            ("a", "20240101200000 +0000", "20240101210000 +0000", "Old"),
            ("a", "20240110200000 +0000", "20240110210000 +0000", "Recent"),
        )
    )
    res = epg_refresh.import_location(services, str(src))
    assert res.programmes == 1
    assert rows(services, "SELECT title FROM programmes") == [("Recent",)]


def test_a_failed_refresh_keeps_the_previous_guide(services: Any, tmp_path: Path) -> None:
    services.clock = at(1704067200)
    src = tmp_path / "g.xml"
    src.write_bytes(guide(("a", "20240101200000 +0300", None, "Х/ф Брат")))
    sid = epg_refresh.add_source(services, str(src))
    epg_refresh.refresh_source_blocking(services, sid)
    before = rows(services, "SELECT * FROM programmes")
    src.write_bytes(b"<html><body>Please log in</body></html>")
    with pytest.raises(BadFeed, match="HTML page"):
        epg_refresh.refresh_source_blocking(services, sid)
    assert rows(services, "SELECT * FROM programmes") == before
    status = epg_refresh.list_sources(services)[0]
    assert status.last_status == "error" and "HTML page" in (status.last_error or "")
    assert status.programmes_count == 1


def test_unchanged_local_file_is_not_reimported(services: Any, tmp_path: Path) -> None:
    services.clock = at(1704067200)
    src = tmp_path / "g.xml"
    src.write_bytes(guide(("a", "20240101200000 +0300", None, "Новости")))
    sid = epg_refresh.add_source(services, str(src))
    assert epg_refresh.refresh_source_blocking(services, sid).status == "ok"
    assert epg_refresh.refresh_source_blocking(services, sid).status == "unchanged"
    assert epg_refresh.refresh_source_blocking(services, sid, force=True).status == "ok"


PLAYLIST = """#EXTM3U url-tvg="{guide}" tvg-shift="1"
#EXTINF:-1 tvg-id="perviy.ru" tvg-name="Первый_канал" group-title="Общие" tvg-rec="3",Первый канал
#EXTVLCOPT:http-user-agent=MyCenter/1.0
http://127.0.0.1:9/iptv/101/index.m3u8
#EXTINF:-1 tvg-name="Россия 1",Россия 1 HD
http://127.0.0.1:9/iptv/102/index.m3u8
#EXTINF:-1 tvg-shift="-2",Кинохит
http://127.0.0.1:9/iptv/103/index.m3u8
#EXTINF:-1,Канал без гида
http://127.0.0.1:9/iptv/104/index.m3u8
"""
PLAYLIST_GUIDE = guide(
    ("perviy.ru", "20240101200000 +0000", "20240101210000 +0000", "Время"),
    ("r1", "20240101200000 +0000", "20240101210000 +0000", "Вести"),
    ("kino", "20240101200000 +0000", "20240101220000 +0000", "Х/ф Брат"),
    ("other", "20240101200000 +0000", "20240101210000 +0000", "Чужой канал"),
    channels=(
        '<channel id="perviy.ru"><display-name>Первый</display-name></channel>'
        '<channel id="r1"><display-name>Россия 1</display-name></channel>'
        '<channel id="kino"><display-name>Кинохит!</display-name></channel>'
        '<channel id="other"><display-name>Другой</display-name></channel>'
    ),
)


def test_playlist_with_url_tvg_maps_channels_and_shifts(services: Any) -> None:
    services.clock = at(1704067200)
    with feed_server() as server:
        guide_url = server.set("/epg.xml.gz", PLAYLIST_GUIDE)
        url = server.set("/list.m3u", PLAYLIST.format(guide=guide_url).encode())
        res = epg_refresh.import_location(services, url)
    assert res.kind == "m3u" and res.channels == 4
    assert res.unmatched_channels == ("Канал без гида",)
    got = {
        (ch, t, start)
        for ch, t, start in rows(
            services,
            "SELECT c.name, p.title, p.start FROM programmes p JOIN channels c ON c.id = p.channel_id",
        )
    }
    base = 1704139200  # 2024-01-01 20:00 UTC
    assert got == {
        ("Первый канал", "Время", base + 3600),  # tvg-id; header tvg-shift=1
        ("Россия 1 HD", "Вести", base + 3600),  # tvg-name == display-name
        ("Кинохит", "Брат", base - 7200),  # fuzzy name; channel tvg-shift=-2
    }
    ch = rows(services, "SELECT headers, catchup_days, group_title FROM channels ORDER BY id")[0]
    assert json.loads(ch[0]) == {"User-Agent": "MyCenter/1.0"} and ch[1:] == (3, "Общие")
    status = epg_refresh.list_sources(services)[0]
    assert status.unmatched_channels == ("Канал без гида",)


def test_url_source_conditional_get_and_304(services: Any) -> None:
    services.clock = at(1704067200)
    events: list[GuideDidRefresh] = []
    services.bus.subscribe(GuideDidRefresh, events.append)
    with feed_server() as server:
        url = server.set("/epg.xml", guide(("a", "20240101200000 +0300", None, "Новости")))
        sid = epg_refresh.add_source(services, url)
        first = epg_refresh.refresh_source_blocking(services, sid)
        second = epg_refresh.refresh_source_blocking(services, sid)
        assert (first.status, second.status) == ("ok", "unchanged")
        assert server.not_modified == 1
        assert server.request_headers[1]["If-None-Match"]
        forced = epg_refresh.refresh_source_blocking(services, sid, force=True)
        assert forced.status == "ok" and "If-None-Match" not in server.request_headers[2]
    assert [e.status for e in events] == ["ok", "unchanged", "ok"]
    assert list((services.paths.cache / "epg").iterdir()) == []  # downloads are not kept
    assert rows(services, "SELECT COUNT(*) FROM programmes") == [(1,)]


def test_provider_json_source_sends_params_and_headers(services: Any) -> None:
    services.clock = at(1700000000)
    items = {
        "data": [
            {"id": 1, "title": "Бриллиантовая рука", "desc": "СССР, 1968", "cat": "Кино",
             "timestart": 1700000000, "timestop": 1700005400, "preview": "http://127.0.0.1/p.jpg",
             "channel": {"id": "c1", "name": "Мосфильм"}},
        ]
    }  # fmt: skip
    with feed_server() as server:
        url = server.set("/api/programs", json.dumps(items).encode())
        sid = epg_refresh.add_source(
            services,
            url,
            "provider",
            params={"params": {"day": "2023-11-14"}, "headers": {"X-Token": "t"}},
        )
        res = epg_refresh.refresh_source_blocking(services, sid)
        assert server.queries[-1] == "day=2023-11-14"
        assert server.request_headers[-1]["X-Token"] == "t"
    assert (res.kind, res.films) == ("provider_json", 1)
    poster = rows(services, "SELECT poster_path, poster_origin, year FROM titles")
    assert poster == [("http://127.0.0.1/p.jpg", "preview", 1968)]


def test_http_timeout_and_size_cap(services: Any) -> None:
    services.settings = services.settings.model_copy(update={"http_timeout_s": 0.5, "feed_max_bytes": 1000})
    with feed_server() as server:
        slow = server.set("/slow.xml", guide(), delay_s=2.0)
        big = server.set("/big.xml", b"<tv>" + b" " * 5000 + b"</tv>")
        sid = epg_refresh.add_source(services, slow)
        with pytest.raises(ProviderUnavailable, match="timed out"):
            epg_refresh.refresh_source_blocking(services, sid)
        sid2 = epg_refresh.add_source(services, big)
        with pytest.raises(BadFeed, match="byte cap"):
            epg_refresh.refresh_source_blocking(services, sid2)


def test_catalog_queries(services: Any, tmp_path: Path) -> None:
    services.clock = at(1704139200 + 1800)  # 2024-01-01 20:30 UTC
    src = tmp_path / "g.xml"
    src.write_bytes(
        guide(
            ("a", "20240101200000 +0000", "20240101210000 +0000", "Новости"),
            ("a", "20240101210000 +0000", "20240101230000 +0000", 'Х/ф "Матрица"'),
            ("b", "20240101190000 +0000", "20240101220000 +0000", "М/ф Ёжик в тумане"),
            channels='<channel id="a"><display-name>Первый</display-name></channel>',
        )
    )
    epg_refresh.import_location(services, str(src))
    films = guide_catalog.films(services)
    assert [(f.title, f.kind, f.channel, f.year_hint) for f in films] == [("Матрица", "film", "Первый", 1999)]
    wide = guide_catalog.films(services, datetime(2024, 1, 1, tzinfo=UTC))
    assert [f.title for f in wide] == ["Ёжик в тумане", "Матрица"]
    assert {a.title for a in guide_catalog.on_air_now(services)} == {"Новости", "Ёжик в тумане"}
    day = guide_catalog.channel_day(
        services, f"{epg_refresh.list_sources(services)[0].id}:a", datetime(2024, 1, 1, tzinfo=UTC)
    )
    assert [a.title for a in day] == ["Новости", "Матрица"]


@pytest.mark.asyncio
async def test_async_refresh_reports_progress_on_the_loop(services: Any, tmp_path: Path) -> None:
    services.clock = at(1704067200)
    src = tmp_path / "g.xml"
    src.write_bytes(guide(*[("a", f"202401012{i % 4}0000", None, f"P{i}") for i in range(40)]))
    sid = epg_refresh.add_source(services, str(src))
    seen: list[RefreshProgress] = []
    done: list[GuideDidRefresh] = []
    services.bus.subscribe(GuideDidRefresh, done.append)
    loop = asyncio.get_running_loop()
    res = await epg_refresh.refresh_source(
        services, sid, lambda p: seen.append(p) if asyncio.get_running_loop() is loop else None
    )
    await asyncio.sleep(0.05)
    assert res.programmes == 40
    assert seen and seen[-1].phase == "done" and seen[-1].programmes == 40
    assert done == [GuideDidRefresh(sid, "ok", 40, 0)]
    results = await epg_refresh.refresh_all(services)
    assert [getattr(r, "status", None) for r in results] == ["unchanged"]


def test_gzipped_playlist_refresh_always_fetches_its_guide(services: Any) -> None:
    services.clock = at(1704067200)
    with feed_server() as server:
        guide_url = server.set("/epg.xml", PLAYLIST_GUIDE)
        url = server.set("/list.m3u", gzip.compress(PLAYLIST.format(guide=guide_url).encode()))
        sid = epg_refresh.add_source(services, url)
        first = epg_refresh.refresh_source_blocking(services, sid)
        # The guide changes while the playlist does not: the next refresh still sees it.
        server.set("/epg.xml", PLAYLIST_GUIDE.replace("Вести".encode(), "Вести в 20:00".encode()))
        second = epg_refresh.refresh_source_blocking(services, sid)
        assert (first.status, second.status) == ("ok", "ok")
        assert server.hits["/epg.xml"] == 2 and server.not_modified == 0
    assert ("Вести в 20:00",) in rows(services, "SELECT title FROM programmes")


def test_bad_guide_behind_a_playlist_names_the_guide(services: Any) -> None:
    with feed_server() as server:
        guide_url = server.set("/epg.xml.gz", b"<html><body>login</body></html>")
        url = server.set("/list.m3u", PLAYLIST.format(guide=guide_url).encode())
        # issue 19 item 7: the playlist's channels are kept; the guide's fault is named
        res = epg_refresh.import_location(services, url)
    assert res.channels == 4 and res.programmes == 0
    assert re.search(r"epg\.xml\.gz: an HTML page", res.message or "")
    assert re.search(r"epg\.xml\.gz: an HTML page", epg_refresh.list_sources(services)[0].last_error or "")


def test_channel_declared_after_its_programmes_keeps_its_name(services: Any, tmp_path: Path) -> None:
    services.clock = at(1704067200)
    src = tmp_path / "g.xml"
    body = guide(("late", "20240101200000 +0000", None, "Новости")).replace(
        b"</tv>", '<channel id="late"><display-name>Поздний</display-name></channel></tv>'.encode()
    )
    body = body.replace(
        b"<tv>",
        b'<tv><channel id="dup"><display-name>First</display-name></channel>'
        b'<channel id="dup"><display-name>Second</display-name></channel>',
    )
    src.write_bytes(body)
    epg_refresh.import_location(services, str(src))
    names = dict(rows(services, "SELECT guide_id, name FROM channels"))
    assert names == {"late": "Поздний", "dup": "First"}


@pytest.mark.asyncio
async def test_parser_process_path_from_the_loop(
    services: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Big feeds are parsed in a forked process; force that path for a small one.
    from app.services.guide import pipeline as epg_pipeline

    monkeypatch.setattr(epg_pipeline, "PROCESS_MIN_BYTES", 0)
    services.clock = at(1704067200)
    src = tmp_path / "g.xml"
    src.write_bytes(
        guide(*[("a", f"2024010{1 + i // 24}{i % 24:02d}0000", None, f"Х/ф Фильм {i}") for i in range(48)])
    )
    sid = epg_refresh.add_source(services, str(src))
    res = await epg_refresh.refresh_source(services, sid)
    assert (res.programmes, res.films) == (48, 48)
    assert rows(services, "SELECT COUNT(*) FROM titles WHERE id LIKE 'epg:film:%'") == [(48,)]
    # An error inside the parser process comes back as the same one-line BadFeed.
    src.write_bytes(src.read_bytes()[:-200])
    with pytest.raises(BadFeed, match="broken XML"):
        await epg_refresh.refresh_source(services, sid)
    assert rows(services, "SELECT COUNT(*) FROM programmes") == [(48,)]


def test_prune_old_between_refreshes(services: Any, tmp_path: Path) -> None:
    services.clock = at(1704067200)
    src = tmp_path / "g.xml"
    src.write_bytes(
        guide(
            ("a", "20240101200000 +0000", "20240101210000 +0000", "Х/ф Брат"),
            ("a", "20240105200000 +0000", "20240105210000 +0000", "Новости"),
        )
    )
    epg_refresh.import_location(services, str(src))
    services.clock = at(1704067200 + 9 * 86400)
    assert epg_refresh.prune_old(services) == 1
    assert rows(services, "SELECT title FROM programmes") == [("Новости",)]
    assert rows(services, "SELECT COUNT(*) FROM titles") == [(0,)]  # the orphan placeholder went
