"""The welcome with loopback fakes: a playlist and a guide are checked by importing them (an
unreachable one is said in words and replaced by the corrected one), the TMDB token is tried and
kept in the keyring, an indexer and an addon are added; Done returns to Home and the welcome is
not shown again; Settings opens it again; the demo steps aside once the guide brought films."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from app.bootstrap import build_services, build_window
from app.core import secrets
from app.services import demo
from app.storage import guide_repo
from app.ui.components import welcome_ui
from tests.fakes.feed_server import feed_server
from tests.fakes.file_keyring import FileKeyring
from tests.fakes.stream_servers import GOOD_KEY as JACKETT_KEY
from tests.fakes.stream_servers import FakeStreamServers
from tests.fakes.tmdb_server import GOOD_TOKEN, FakeTmdb
from tests.ui.asyncqt import run_scenario, wait_until

PLAYLIST = """#EXTM3U
#EXTINF:-1 tvg-id="kino-klassika.demo",Кино Классика
http://127.0.0.1:9/kino.m3u8
#EXTINF:-1 tvg-id="retro-tv.demo",Ретро ТВ
http://127.0.0.1:9/retro.m3u8
"""


@pytest.fixture
def file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "keyring.json"
    monkeypatch.setenv("CINEMA_TEST_KEYRING", str(path))
    before = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    yield path
    keyring.set_keyring(before)


@pytest.fixture
def world(tmp_path: Path):
    tmdb, streams = FakeTmdb(), FakeStreamServers()
    tmdb.start()
    streams.start()
    with feed_server() as feeds:
        yield feeds, tmdb, streams
    tmdb.stop()
    streams.stop()


def test_the_welcome_checks_each_line_and_steps_aside(qtbot, home, world, file_keyring, tmp_path) -> None:
    feeds, tmdb, streams = world
    services = build_services(data_dir=home, load_demo=True, console_log=False, tmdb_base_url=tmdb.base_url)
    window = build_window(services)
    qtbot.addWidget(window)
    try:
        assert welcome_ui.should_welcome(services)  # a first run: no guide of the user's
        welcome_ui.show(window)
        window.resize(1024, 600)
        window.show()
        qtbot.waitExposed(window)
        page = window.navigator.page("welcome")
        assert window.navigator.is_current("welcome")
        assert "Settings › Demo library" in page.demo_note.text()
        guide = demo.write_shifted_guide(tmp_path / "g.xml", demo.shift_weeks(services.clock.now()))
        playlist_url = feeds.set("/playlist.m3u", PLAYLIST.encode("utf-8"))
        guide_url = feeds.set("/epg.xml", guide.read_bytes())

        async def scenario() -> None:
            page.guide.field.setText("http://127.0.0.1:9/epg.xml")  # a typo'd port
            page.guide.button.click()
            await wait_until(
                lambda: "cannot reach 127.0.0.1:9 (connection refused)" in page.guide.result.text()
            )
            page.guide.field.setText(guide_url)  # corrected: the failed one is replaced
            page.guide.button.click()
            await wait_until(lambda: page.guide.result.text().startswith("✓"), timeout=60)
            assert " films." in page.guide.result.text() and " 0 films" not in page.guide.result.text()
            page.playlist.field.setText(playlist_url)
            page.playlist.button.click()
            await wait_until(lambda: page.playlist.result.text().startswith("✓ 2 channels"), timeout=60)
            locations = [s.location for s in guide_repo.list_sources(services.db) if not s.is_demo]
            assert sorted(locations) == sorted([guide_url, playlist_url])

            page.tmdb.field.setText("wrong")
            page.tmdb.button.click()
            await wait_until(lambda: "HTTP 401" in page.tmdb.result.text())
            assert secrets.get_secret("tmdb") is None
            page.tmdb.field.setText(GOOD_TOKEN)
            page.tmdb.button.click()
            await wait_until(lambda: "Saved in the keyring" in page.tmdb.result.text())
            assert secrets.get_secret("tmdb") == GOOD_TOKEN

            page.indexer.field.setText(streams.url("/jackett/api/v2.0/indexers/rutracker/results/torznab/"))
            page.indexer.button.click()
            await wait_until(lambda: "API key" in page.indexer.result.text())
            page.indexer_key.setText(JACKETT_KEY)
            page.indexer.button.click()
            await wait_until(lambda: page.indexer.result.text().startswith("✓ Added"))
            page.addon.field.setText(streams.url("/torrentio/manifest.json"))
            page.addon.button.click()
            await wait_until(lambda: page.addon.result.text().startswith("✓ Added"), timeout=30)

            page.done_button.click()
            assert window.navigator.is_current("home")
            assert services.settings.welcome_done and not welcome_ui.should_welcome(services)
            # the guide brought films: the demo stepped aside
            await wait_until(lambda: not demo.is_demo_present(services), timeout=30)
            assert demo.stepped_aside(services)

            window.show_settings()
            window.settings_page.welcome_button.click()  # reopened from Settings
            assert window.navigator.is_current("welcome")

        run_scenario(scenario(), timeout=180)
    finally:
        window.shutdown()
        services.db.dispose()
