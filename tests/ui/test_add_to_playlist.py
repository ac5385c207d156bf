"""“Add to playlist” in the window: from the title page's button and from the grid's right-click
menu, into an existing playlist (issue 15)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMenu, QPushButton

from app.services.library.playlists import PlaylistService
from app.ui.models.title_list_model import IdRole
from tests.ui.asyncqt import run_scenario, wait_until


def _entry(menu: QMenu, starts: str):  # type: ignore[no-untyped-def]
    return next((a for a in menu.actions() if a.text().startswith(starts)), None)


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")  # the popup menu
def test_add_from_the_title_page_and_the_grids_menu(qtbot, window, library) -> None:
    playlists = PlaylistService(library)
    evening = playlists.create("Вечер")

    async def scenario() -> None:
        window.open_title("tmdb:movie:1002")
        page = window.navigator.page("title")
        await wait_until(lambda: getattr(page, "detail", None) is not None)
        button = page.findChild(QPushButton, "AddToPlaylist")
        assert button is not None and button.isVisibleTo(page)
        menu = button.menu()
        menu.aboutToShow.emit()
        await wait_until(lambda: _entry(menu, "Вечер") is not None)
        _entry(menu, "Вечер").trigger()
        await wait_until(lambda: [i.title_id for i in playlists.items(evening.id)] == ["tmdb:movie:1002"])
        # the grid: right-click a poster, Add to playlist ▸ Вечер
        window.navigator.navigate("grid")
        grid = window.navigator.page("grid")
        await wait_until(lambda: grid.view.model().rowCount() > 0)
        index = grid.view.model().index(0, 0)
        title_id = index.data(IdRole)
        grid.view.customContextMenuRequested.emit(grid.view.visualRect(index).center())
        await wait_until(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
        popup = QApplication.activePopupWidget()
        sub = _entry(popup, "Add to playlist").menu()
        await wait_until(lambda: _entry(sub, "Вечер") is not None)
        _entry(sub, "Вечер").trigger()
        popup.close()
        await wait_until(lambda: len(playlists.items(evening.id)) == 2)
        assert [i.title_id for i in playlists.items(evening.id)] == ["tmdb:movie:1002", title_id]

    run_scenario(scenario())
