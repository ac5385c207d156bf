"""Grid → title page → Play with the real libvlc (dummy outputs): time advances, progress saved."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt

from app.services.library.progress import LibraryService
from app.services.playback.session import PlaybackState
from tests.ui.asyncqt import run_scenario, wait_until


def test_grid_title_play_and_time_advances(qtbot, window, library) -> None:
    async def scenario() -> None:
        assert window.stack.currentWidget() is window.home  # start on Home
        qtbot.mouseClick(window.nav_films, Qt.MouseButton.LeftButton)
        grid = window.grid
        assert window.stack.currentWidget() is grid
        assert grid.model.rowCount() == 5
        # keyboard: the grid has focus and Enter opens the current title
        grid.view.setCurrentIndex(grid.model.index(grid.model.row_of("tmdb:movie:1000")))
        qtbot.keyClick(grid.view, Qt.Key.Key_Return)  # the title is read in a worker
        await wait_until(lambda: window.stack.currentWidget() is window.title_page)
        assert window.title_page.heading.text() == "Фильм номер 0"
        assert window.title_page.play_button.isEnabled()
        assert window.title_page.sources.count() == 1

        qtbot.mouseClick(window.title_page.play_button, Qt.MouseButton.LeftButton)
        # the sources are worked out in a worker, then the player opens
        await wait_until(lambda: window.stack.currentWidget() is window.player)
        await wait_until(lambda: window.playback.state == PlaybackState.PLAYING)
        await wait_until(lambda: window.playback.position_ms() > 1500)
        first = window.playback.position_ms()
        await asyncio.sleep(0.6)
        assert window.playback.position_ms() > first  # time advances
        await wait_until(lambda: window.player.seek.maximum() > 20_000)  # length of the 30 s clip

        # seek forward with the keyboard, then Esc saves and goes back to the title page
        window.player.setFocus()
        qtbot.keyClick(window.player, Qt.Key.Key_Right)
        await wait_until(lambda: window.playback.position_ms() > 10_000)
        qtbot.keyClick(window.player, Qt.Key.Key_Escape)
        assert window.stack.currentWidget() is window.title_page
        saved = LibraryService(library).progress("tmdb:movie:1000")
        assert saved is not None and saved.position_ms > 10_000
        await wait_until(lambda: "Continue from" in window.title_page.play_button.text())  # re-read
        entry = LibraryService(library).history()[0]
        assert entry.title_id == "tmdb:movie:1000" and entry.ended_at is not None

    run_scenario(scenario())


def test_a_dead_source_shows_a_message_not_a_spinner(qtbot, window, tmp_path, messages) -> None:
    async def scenario() -> None:
        window.play_location(str(tmp_path / "missing.mp4"))
        await wait_until(lambda: window.playback.state == PlaybackState.ERROR)
        assert window.player.message.isVisible()
        assert "missing.mp4" in window.player.message.text()
        assert any("missing.mp4" in text for text in messages.status(window.player.message))
        assert messages.boxes() == []  # the player says it in place, no dialog to dismiss

    run_scenario(scenario())
