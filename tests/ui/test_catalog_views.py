"""Home rows, the filtered grid, search and the title page, driven with the keyboard and mouse."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.bootstrap import build_window
from app.services.library.catalog import CatalogFilter
from app.storage import titles_repo
from tests.ui.asyncqt import run_scenario, wait_until
from tests.ui.conftest import title_row


@pytest.fixture
def window(qtbot, library):
    now = int(time.time())
    titles_repo.upsert_titles(
        library.db,
        [
            title_row(10, title="Ёжик в тумане", kind="cartoon", rating=8.4, genres='["мультфильм"]'),
            title_row(11, title="Акира", kind="anime", rating=8.0, genres='["аниме"]'),
        ],
    )
    db = library.db.raw()
    db.execute(
        "INSERT INTO guide_sources (id, name, kind, location, created_at) VALUES (1, 'g', 'xmltv', 'x', 0)"
    )
    db.execute(
        "INSERT INTO channels (id, source_id, guide_id, name, catchup_mode, catchup_days) "
        "VALUES ('1:a', 1, 'a', 'Первый', 'shift', 3)"
    )
    for start, stop, tid in (
        (now - 600, now + 3000, "tmdb:movie:1001"),  # on air now
        (now - 86400, now - 80000, "tmdb:movie:1001"),  # yesterday: in the archive
    ):
        db.execute(
            "INSERT INTO programmes (source_id, channel_id, start, stop, title, kind, title_id) "
            "VALUES (1, '1:a', ?, ?, 'x', 'film', ?)",
            (start, stop, tid),
        )
    win = build_window(library)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.startup_finished)  # the first paint, then the other rows
    yield win
    win.shutdown()


def test_home_rows_and_keyboard(qtbot, window) -> None:
    home = window.home
    assert window.stack.currentWidget() is home
    rows = {key: w for key, w in home.rows.items() if not w.isHidden()}
    assert rows["on_now"].model.ids() == ["tmdb:movie:1001"]
    assert rows["anime"].model.ids() == ["tmdb:movie:1011"]
    assert "continue" not in rows and home.rows["continue"].isHidden()  # empty rows hide
    first = home.first_strip()
    assert first is not None and first.hasFocus()
    # Down moves to the next row's strip, Up comes back
    qtbot.keyClick(first, Qt.Key.Key_Down)
    second = home.visible_rows()[1].strip
    assert second.hasFocus()
    qtbot.keyClick(second, Qt.Key.Key_Up)
    assert first.hasFocus()
    # Enter opens the title; Backspace goes back to Home
    qtbot.keyClick(first, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.title_page
    qtbot.keyClick(window.title_page.play_button, Qt.Key.Key_Backspace)
    assert window.stack.currentWidget() is home


def test_see_all_opens_the_grid_with_the_rows_filter(qtbot, window) -> None:
    row = window.home.rows["anime"]
    qtbot.mouseClick(row.see_all, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.grid
    assert window.grid.model.ids() == ["tmdb:movie:1011"]
    assert window.grid.current_filter.kinds == ("anime",)
    assert window.grid.filters.kind.currentData() == "anime"
    qtbot.keyClick(window.grid.view, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.home


def test_filters_and_sort_change_the_grid(qtbot, window) -> None:
    qtbot.mouseClick(window.nav_films, Qt.MouseButton.LeftButton)
    grid = window.grid
    assert grid.model.rowCount() == 7
    assert grid.model.ids()[0] == "tmdb:movie:1001"  # on air first
    bar = grid.filters
    bar.kind.setCurrentIndex(bar.kind.findData("cartoon"))
    assert grid.model.ids() == ["tmdb:movie:1010"]
    bar.reset.click()
    assert grid.model.rowCount() == 7
    bar.rating.setCurrentIndex(bar.rating.findData(8.0))
    bar.sort.setCurrentIndex(bar.sort.findData("rating"))
    assert grid.model.ids() == ["tmdb:movie:1010", "tmdb:movie:1011"]
    bar.availability.setCurrentIndex(bar.availability.findData("catchup"))
    assert grid.model.ids() == []
    assert grid._empty.isVisible()


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_ctrl_f_search_updates_the_grid_and_suggests(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    window.search.setText("ежик")
    window.search.textEdited.emit("ежик")  # as typing does
    assert window.stack.currentWidget() is window.grid
    assert window.grid.model.ids() == ["tmdb:movie:1010"]  # ё = е
    assert window.search.suggestion_lines()[0].startswith("Ёжик в тумане")
    window.search.setText("фильм номер")
    window.search.textEdited.emit("фильм номер")
    assert window.grid.model.rowCount() == 5
    window.search.choose(window.search.suggestion_lines()[0])
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.title_page)
    # Esc in the search field clears it first
    window.search.setFocus()
    window.search.setText("x")
    window.go_back()
    assert window.search.text() == ""


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_suggestions_come_from_a_worker_and_the_newest_text_wins(qtbot, window) -> None:
    async def scenario() -> None:
        window.focus_search()
        for text in ("ф", "фи", "ежик"):  # typed fast: the older answers are cancelled
            window.search.setText(text)
            window.search.textEdited.emit(text)
        await wait_until(lambda: bool(window.search.suggestion_lines()))
        assert window.search.suggestion_lines()[0].startswith("Ёжик в тумане")
        assert window.grid.model.ids() == ["tmdb:movie:1010"]
        window.search.setText("")
        window.search.textEdited.emit("")
        assert window.search.suggestion_lines() == []

    run_scenario(scenario())


def test_title_page_shows_airings_sources_and_toggles(qtbot, window) -> None:
    window.open_title("tmdb:movie:1001")
    page = window.title_page
    texts = [page.airings.item(i).text() for i in range(page.airings.count())]
    assert any("On air now" in t and "Первый" in t for t in texts)
    assert any(t.startswith("⟲") for t in texts)  # yesterday's airing in the archive
    assert page.sources.item(0).text() == "No sources found yet"
    assert "TMDB" in page.links.text()
    window.open_title("tmdb:movie:1000")
    assert page.sources.count() == 1 and "clip" in page.sources.item(0).text()
    qtbot.mouseClick(page.watchlist_button, Qt.MouseButton.LeftButton)
    assert window.catalog.query(CatalogFilter(watchlist=True)) == ["tmdb:movie:1000"]
    assert page.watchlist_button.isChecked()
    qtbot.mouseClick(page.watched_button, Qt.MouseButton.LeftButton)
    assert page.watched_button.isChecked()
    assert window.catalog.query(CatalogFilter(watched=True)) == ["tmdb:movie:1000"]
    window.go_back()
    QApplication.processEvents()
    assert window.stack.currentWidget() is window.home
    assert window.home.rows["watchlist"].model.ids() == ["tmdb:movie:1000"]


def test_wrong_match_lists_candidates_and_asks_to_relink(qtbot, window, library) -> None:
    library.db.raw().execute(
        "INSERT INTO title_matches (film_key, kind, title_id, candidates, status, checked_at) VALUES "
        "('фильм 2', 'film', 'tmdb:movie:1002', ?, 'matched', 1)",
        ('[{"id": "tmdb:movie:1002", "title": "x"}, {"id": "tmdb:movie:55", "title": "Другой", "year": 1999,'
         ' "poster": "http://127.0.0.1:9/p.jpg"}]',),
    )  # fmt: skip
    window.open_title("tmdb:movie:1002")
    page = window.title_page
    assert page.rematch_button.isVisible()
    qtbot.mouseClick(page.rematch_button, Qt.MouseButton.LeftButton)
    assert page.candidates.isVisible() and page.candidates.count() == 1
    assert page.candidates.item(0).text() == "Другой (1999)"
    with qtbot.waitSignal(page.rematchRequested) as signal:
        page.candidates.itemClicked.emit(page.candidates.item(0))
    assert signal.args == ["фильм 2", "tmdb:movie:55"]


def test_a_background_refresh_updates_home_and_grid(qtbot, window, library) -> None:
    from app.core.events import LibraryDidChange

    qtbot.mouseClick(window.nav_films, Qt.MouseButton.LeftButton)
    assert window.grid.model.rowCount() == 7
    titles_repo.upsert_titles(library.db, [title_row(20, title="Новый", kind="anime", rating=9.5)])
    library.bus.publish(LibraryDidChange("refresh"))
    assert "tmdb:movie:1020" in window.grid.model.ids()
    window.show_home()
    assert window.home.rows["anime"].model.ids()[0] == "tmdb:movie:1020"
