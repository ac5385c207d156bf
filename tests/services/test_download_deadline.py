"""Issue 19 item 8: a server that sends a byte a second never tripped httpx's per-read timeout.
A whole guide download now ends by ``download_deadline_s`` (a setting), the partial file is
removed, and the guide imported before stays."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.core.clock import FixedClock
from app.domain.errors import ProviderUnavailable
from app.net import client as client_module
from app.net.client import fetch_capped, fetch_text, make_client
from app.net.http_fetch import fetch_to_file
from app.services.guide import refresh as epg_refresh
from tests.fakes.feed_server import feed_server
from tests.services.test_epg_refresh import guide, rows


@pytest.mark.asyncio
async def test_a_trickling_download_ends_by_its_deadline_and_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dest = tmp_path / "guide.xml"
    with feed_server() as server:
        url = server.set("/trickle.xml", b"<tv>" + b" " * 200 + b"</tv>", trickle_s=0.05)
        async with make_client(timeout_s=5.0) as client:  # each byte comes well within 5 s
            with pytest.raises(ProviderUnavailable, match=r"download deadline of 1 s"):
                await fetch_to_file(client, url, dest, timeout_s=5.0, deadline_s=1.0)
            with pytest.raises(ProviderUnavailable, match=r"not finished within 1 s"):
                await fetch_capped(client, url, 10_000, deadline_s=1.0)  # posters too
            monkeypatch.setattr(client_module, "TEXT_DEADLINE_S", 1.0)
            with pytest.raises(ProviderUnavailable, match=r"not finished within 1 s"):
                await fetch_text(client, url, timeout_s=5.0)  # and HLS playlists
    assert not dest.exists() and not dest.with_name("guide.xml.part").exists()


def test_the_refresh_says_so_and_keeps_yesterdays_guide(services: Any, tmp_path: Path) -> None:
    services.clock = FixedClock(datetime.fromtimestamp(1704067200, UTC))
    good = guide(("a", "20240101200000 +0300", None, "Х/ф Брат"))
    with feed_server() as server:
        url = server.set("/g.xml", good)
        sid = epg_refresh.add_source(services, url)
        assert epg_refresh.refresh_source_blocking(services, sid).status == "ok"
        before = rows(services, "SELECT * FROM programmes")
        assert len(before) == 1
        server.set("/g.xml", good + b"<!-- changed -->", trickle_s=0.05)
        services.settings = services.settings.model_copy(update={"download_deadline_s": 1.0})
        with pytest.raises(ProviderUnavailable, match=r"download deadline of 1 s"):
            epg_refresh.refresh_source_blocking(services, sid, force=True)
    assert rows(services, "SELECT * FROM programmes") == before
    status = epg_refresh.list_sources(services)[0]
    assert status.last_status == "error" and "download deadline" in (status.last_error or "")
    leftovers = [p.name for p in services.paths.data.rglob("*.part")]
    assert leftovers == []


def test_the_deadline_is_a_range_checked_setting() -> None:
    from app.core.config import SettingError, Settings, _coerce

    assert Settings().download_deadline_s == 1800.0
    assert _coerce("download_deadline_s", "600") == 600.0
    with pytest.raises(SettingError, match=r"download_deadline_s: 0.0 is outside 1\.\.604800"):
        _coerce("download_deadline_s", "0")
