"""A source that cannot be played says why (the server's HTTP status, a web page, no video in the
file, no answer) and offers Retry; a torrent nobody shares shows its search for peers while it
waits and ends in a plain sentence; nothing of it lands in the history."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.bootstrap import build_window
from app.services.library.progress import LibraryService
from app.services.playback.session import PlaybackState
from tests.fakes.feed_server import feed_server
from tests.ui.asyncqt import run_scenario, wait_until


@pytest.fixture
def window(qtbot, library):
    library.settings = library.settings.model_copy(
        update={"first_frame_timeout_s": 5.0, "torrent_metadata_timeout_s": 3.0}
    )
    win = build_window(library)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.shutdown()


@pytest.fixture
def server() -> Iterator[object]:
    with feed_server() as feeds:
        yield feeds


def _play(window, location: str) -> None:
    window.play_location(location)


def test_a_missing_link_says_http_404_and_retry_tries_again(qtbot, window, server, sample_video) -> None:
    missing = server.url("/gone.mp4")  # nothing is served there: 404
    page_url = server.set("/page.mp4", b"<html><body>a page</body></html>", content_type="text/html")

    async def scenario() -> None:
        _play(window, missing)
        await wait_until(lambda: window.playback.state == PlaybackState.ERROR, timeout=30)
        failure = window.habits.play_failure
        await wait_until(lambda: "HTTP 404" in window.player.message.text())
        assert "not found" in window.player.message.text()
        assert failure.retry_button.isVisibleTo(window.player.message_panel)
        hits = server.hits.get("/gone.mp4", 0)
        failure.retry_button.click()  # the same source again
        await wait_until(lambda: server.hits.get("/gone.mp4", 0) > hits, timeout=30)
        await wait_until(lambda: window.playback.state == PlaybackState.ERROR, timeout=30)
        window.go_back()
        _play(window, page_url)
        await wait_until(lambda: "web page" in window.player.message.text(), timeout=40)
        assert LibraryService(window.services).history() == []  # nothing played

    run_scenario(scenario(), timeout=120)


def test_a_file_with_no_video_says_so(qtbot, window, tmp_path: Path) -> None:
    notes = tmp_path / "notes.mkv"
    notes.write_text("these are not pictures\n" * 100)

    async def scenario() -> None:
        _play(window, str(notes))
        await wait_until(lambda: "no video in it" in window.player.message.text(), timeout=40)

    run_scenario(scenario(), timeout=60)


@pytest.mark.slow
def test_a_dead_magnet_shows_its_search_and_ends_in_a_sentence(qtbot, window) -> None:
    from app.engines.torrent.session import SessionConfig
    from app.services.sources.torrent_stream import StreamingService

    loopback = SessionConfig(listen_interfaces="127.0.0.1:0", dht=False, lsd=False, upnp=False, natpmp=False)
    window.playback.opener.streaming = StreamingService(window.services, session_config=loopback)
    said: list[str] = []

    async def scenario() -> None:
        _play(window, "magnet:?xt=urn:btih:" + "ab" * 20 + "&dn=Nobody.Shares.This")
        await wait_until(lambda: window.navigator.is_current("player"))
        assert window.player.title.text() == "Nobody.Shares.This"  # its name, not the raw magnet
        while window.playback.state != PlaybackState.ERROR:
            said.append(window.player.message.text())
            await wait_until(lambda: True, timeout=0.1)
            await __import__("asyncio").sleep(0.2)
        await wait_until(lambda: "Nobody shares this torrent" in window.player.message.text())
        await window.playback.aclose()

    run_scenario(scenario(), timeout=60)
    assert any("Looking for people who share this torrent" in text for text in said)
