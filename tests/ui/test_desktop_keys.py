"""Keyboard and layout as a new user tries them: Enter on the title page's buttons, a ways-to-watch
row played with Enter, one selection ring on Home, Esc closes the suggestions, a page change
clears the search, Ctrl+Q quits, the window's size is remembered, a click on the video pauses,
a language change offers a restart, genres and countries in the UI language, kinds translated."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QPoint, QPointF, QSize, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from app.bootstrap import build_window
from app.domain.models import SourceKind
from app.domain.streams import StreamCandidate
from app.services.playback.session import PlaybackState
from app.ui.components.language_setting import CHOICES, LanguageSetting
from app.ui.components.window_habits import RESTART_PROPERTY, restart_command
from app.ui.localized import country_label, genre_label, way_label
from tests.ui.asyncqt import run_scenario, wait_until


def _enter(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_enter_activates_the_title_pages_buttons(qtbot, window) -> None:
    async def scenario() -> None:
        window.open_title("tmdb:movie:1000")
        await wait_until(lambda: window.navigator.is_current("title"))
        page = window.title_page
        toggled: list[tuple[str, bool]] = []
        page.watchlistToggled.connect(lambda tid, on: toggled.append((tid, on)))
        _enter(qtbot, page.watchlist_button)
        assert toggled == [("tmdb:movie:1000", True)]
        played: list[tuple[str, int]] = []
        page.playRequested.disconnect()
        page.playRequested.connect(lambda tid, ms: played.append((tid, ms)))
        _enter(qtbot, page.play_button)
        assert played == [("tmdb:movie:1000", 0)]

    run_scenario(scenario())


def test_a_ways_to_watch_row_plays_with_enter(qtbot, window, sample_video) -> None:
    async def scenario() -> None:
        window.open_title("tmdb:movie:1000")
        await wait_until(lambda: window.navigator.is_current("title"))
        chosen = StreamCandidate(
            provider_id="user", kind=SourceKind.DIRECT, url=str(sample_video), label="clip"
        )
        window.habits.play_chosen(chosen)
        await wait_until(lambda: window.navigator.is_current("player"))
        await wait_until(lambda: window.playback.state == PlaybackState.PLAYING, timeout=30)
        assert window.playback.request is not None and window.playback.request.location == str(sample_video)
        assert window.player.source_label.text().startswith("Direct link")  # not the bare "Direct"
        # a click on the video pauses (after the double-click interval: a double click is full screen)
        video = window.player.video
        press = QMouseEvent(
            QEvent.Type.MouseButtonPress, QPointF(20, 20), QPointF(20, 20),
            Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
        )  # fmt: skip
        QApplication.sendEvent(video, press)
        await wait_until(lambda: window.playback.state == PlaybackState.PAUSED)

    run_scenario(scenario(), timeout=60)


def test_one_selection_ring_on_home(qtbot, window) -> None:
    rows = window.home.visible_rows()
    assert len(rows) >= 2, "the library shows at least two rows"
    first, second = rows[0].strip, rows[1].strip
    window.home.focus_first()
    qtbot.waitUntil(first.hasFocus)
    assert first.selectionModel().hasSelection()
    qtbot.keyClick(first, Qt.Key.Key_Down)
    qtbot.waitUntil(second.hasFocus)
    assert second.selectionModel().hasSelection()
    assert not first.selectionModel().hasSelection()  # only the focused row shows its ring
    assert first.currentIndex().isValid()  # and going back up lands where it was


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_esc_closes_the_suggestions_and_a_page_change_clears_the_search(qtbot, window) -> None:
    async def scenario() -> None:
        window.focus_search()
        window.search.setText("Фильм")  # (QTest types ASCII only)
        window.search.typed.emit("Фильм")
        await wait_until(window.search.popup.isVisible)
        qtbot.keyClick(window.search, Qt.Key.Key_Escape)
        assert not window.search.popup.isVisible()
        assert window.search.text() == "Фильм"  # only the suggestions went
        assert window.navigator.is_current("grid")
        window.show_settings()
        assert window.search.text() == ""
        assert window.grid.current_filter.text in ("", None)

    run_scenario(scenario())


def test_ctrl_q_quits_and_the_size_is_remembered(qtbot, window, library, monkeypatch) -> None:
    quits: list[bool] = []
    monkeypatch.setattr(QCoreApplication, "quit", lambda: quits.append(True))
    window.habits.quit()
    assert quits == [True]
    window.showNormal()
    window.resize(1111, 666)
    qtbot.waitUntil(lambda: window.width() == 1111)
    window.habits.save_geometry()
    x, y = window.geometry().x(), window.geometry().y()
    assert library.settings.window_geometry == f"{x},{y},1111,666"
    again = build_window(library)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    try:
        # kept on the screen it fits (the test platform's screen may be smaller than the window)
        room = again.screen().availableGeometry().size()
        expected = QSize(1111, 666).boundedTo(room).expandedTo(again.minimumSize())
        assert again.size() == expected
        assert again.geometry().topLeft() == QPoint(x, y) or not room.width() >= 1111
    finally:
        again.shutdown()


def test_a_language_change_offers_to_restart_now(qtbot, services, monkeypatch) -> None:
    widget = LanguageSetting(services)
    qtbot.addWidget(widget)
    widget.show()
    assert not widget.restart_button.isVisible()
    widget.combo.setCurrentIndex(CHOICES.index("ru"))
    assert widget.restart_button.isVisible()
    quits: list[bool] = []
    monkeypatch.setattr(QCoreApplication, "quit", lambda: quits.append(True))
    app = QCoreApplication.instance()
    try:
        widget.restart_button.click()
        assert quits == [True] and app.property(RESTART_PROPERTY)
    finally:
        app.setProperty(RESTART_PROPERTY, False)
    command = restart_command()
    assert command and "play" not in command[1:]


def test_genres_countries_and_kinds_in_the_ui_language() -> None:
    assert genre_label("драма", "en") == "Drama" and genre_label("Drama", "ru") == "драма"
    assert country_label("СССР", "en") == "USSR" and country_label("US", "ru") == "США"
    assert country_label("FR", "en") == "France"
    assert genre_label("самурайский боевик", "en") == "самурайский боевик"  # unknown: as it is
    QLocale.setDefault(QLocale(QLocale.Language.English))
    assert way_label("Direct · clip · 720p") == "Direct link · clip · 720p"
    assert way_label("Мой фильм") == "Мой фильм"
