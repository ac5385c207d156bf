"""Issue 19 item 7: a playlist whose url-tvg guide cannot be fetched (8 of 19 real playlists
name one that is offline) was dropped whole. Its channels are imported, the guide's failure is
said, the guide is asked for again on the next refresh, and a guide imported before is kept."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from app.core.clock import FixedClock
from app.services.guide import refresh as epg_refresh
from app.services.guide.importing import GUIDE_NOT_FETCHED
from tests.fakes.feed_server import feed_server
from tests.services.test_epg_refresh import PLAYLIST, PLAYLIST_GUIDE, rows


@pytest.mark.parametrize("how", ["404", "refused", "not a guide"])
def test_channels_are_imported_when_the_guide_is_offline_and_the_guide_comes_later(
    services: Any, how: str
) -> None:
    services.clock = FixedClock(datetime.fromtimestamp(1704067200, UTC))
    with feed_server() as server:
        guide_url = {
            "404": server.url("/missing.xml.gz"),
            "refused": "http://127.0.0.1:9/epg.xml.gz",  # nothing listens on port 9
            "not a guide": server.set("/login.xml", b"<html><body>Please log in</body></html>"),
        }[how]
        url = server.set("/list.m3u", PLAYLIST.format(guide=guide_url).encode())
        first = epg_refresh.import_location(services, url)
        assert first.status == "ok" and first.channels == 4 and first.programmes == 0
        assert first.message is not None and GUIDE_NOT_FETCHED in first.message
        status = epg_refresh.list_sources(services)[0]
        assert status.channels_count == 4 and GUIDE_NOT_FETCHED in (status.last_error or "")
        names = {r[0] for r in rows(services, "SELECT name FROM channels")}
        assert "Первый канал" in names

        # the guide is back: the next refresh asks for it again and maps it
        server.set("/guide.xml.gz", PLAYLIST_GUIDE)
        server.set("/list.m3u", PLAYLIST.format(guide=server.url("/guide.xml.gz")).encode())
        sid = status.id
        second = epg_refresh.refresh_source_blocking(services, sid)
        assert second.status == "ok" and second.programmes == 3 and second.message is None
        assert epg_refresh.list_sources(services)[0].last_error is None
        kept = rows(services, "SELECT * FROM programmes")

        # offline again: yesterday's guide and channels stay, and the refresh says why
        server.routes.pop("/guide.xml.gz")
        third = epg_refresh.refresh_source_blocking(services, sid)
        assert third.status == "error" and GUIDE_NOT_FETCHED in (third.message or "")
        assert rows(services, "SELECT * FROM programmes") == kept
        after = epg_refresh.list_sources(services)[0]
        assert after.last_status == "error" and after.channels_count == 4 and after.programmes_count == 3


def test_the_cli_imports_the_channels_and_warns(tmp_path: Any) -> None:
    from tests.cli.hostile import cli

    with feed_server() as server:
        url = server.set("/list.m3u", PLAYLIST.format(guide=server.url("/gone.xml")).encode())
        done = cli(tmp_path / "home", "epg", "import", url, env={"CINEMA_DEMO_ENABLED": "false"})
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "4 channels" in done.stdout
    notes = [line for line in done.stderr.splitlines() if GUIDE_NOT_FETCHED in line]
    assert len(notes) == 1 and notes[0].startswith("note: ") and "gone.xml" in notes[0]
