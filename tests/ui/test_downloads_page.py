"""The Downloads page with a real loopback seeder: a cached torrent is listed with its state and
the cache's use; Keep for offline downloads it to the end (progress, peers, Done); Remove asks
with or without the files and leaves nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QProgressBar

from app.bootstrap import build_window
from app.engines.torrent.session import SessionConfig
from app.services.sources.torrent_stream import StreamingService
from app.storage import torrent_repo
from tests.fakes.swarm import LibtorrentSeeder, info_hash, magnet, make_torrent, make_video
from tests.ui.asyncqt import run_scenario, wait_until

pytestmark = [pytest.mark.slow]

LOOPBACK = SessionConfig(listen_interfaces="127.0.0.1:0", dht=False, lsd=False, upnp=False, natpmp=False)


@pytest.fixture
def seeded(tmp_path: Path):
    video = make_video(tmp_path / "seed" / "Весна на Заречной улице (1956).mp4", seconds=10)
    torrent = make_torrent(video, tmp_path / "film.torrent", piece_length=64 * 1024)
    seeder = LibtorrentSeeder(torrent, video.parent, upload_rate=300_000)
    yield video, torrent, seeder
    seeder.close()


@pytest.fixture
def window(qtbot, library, seeded):
    _video, torrent, seeder = seeded
    now = int(library.clock.now().timestamp())
    torrent_repo.record_access(
        library.db,
        info_hash(torrent),
        source=magnet(torrent, [seeder.port]),
        now=now,
        name=None,
        total_size=None,
    )
    win = build_window(library)
    qtbot.addWidget(win)
    win.playback.opener.streaming = StreamingService(library, session_config=LOOPBACK)
    win.resize(1024, 600)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.shutdown()


def test_keep_for_offline_and_remove(qtbot, window, seeded, messages) -> None:
    video, torrent, _seeder = seeded
    ih = info_hash(torrent)

    async def scenario() -> None:
        window.top_bar.buttons["downloads"].click()
        page = window.navigator.page("downloads")
        assert window.navigator.is_current("downloads")
        await wait_until(lambda: page.table.topLevelItemCount() == 1)
        row = page.table.topLevelItem(0)
        assert row.text(5) == "In the cache" and row.text(6) == ""
        assert page.usage.text().startswith("The cache holds") and "of its 9.3 GB cap" in page.usage.text()
        page.keep_button.click()
        await wait_until(lambda: page.table.topLevelItem(0).text(5) in ("Downloading", "Done"), timeout=30)
        await wait_until(lambda: page.table.topLevelItem(0).text(0) == video.name)
        assert page.table.topLevelItem(0).text(6) == "✓"
        await wait_until(lambda: page.table.topLevelItem(0).text(5) == "Done", timeout=60)
        bar = page.table.itemWidget(page.table.topLevelItem(0), 2)
        assert isinstance(bar, QProgressBar) and bar.value() == 1000
        await wait_until(lambda: "Kept for offline" in page.usage.text())
        assert (
            window.playback.opener.streaming.cache.root / ih / video.name
        ).read_bytes() == video.read_bytes()

        page.remove_button.click()
        box = page.box
        assert box is not None and "Remove «" in box.text()
        with_files = next(b for b in box.buttons() if b.text() == "Remove with the files")
        box.buttonClicked.emit(with_files)
        await wait_until(page.empty.isVisible)
        assert not (window.playback.opener.streaming.cache.root / ih).exists()
        assert torrent_repo.list_torrents(window.services.db) == []

    try:
        run_scenario(scenario(), timeout=120)
    finally:
        run_scenario(window.playback.aclose(), timeout=30)
