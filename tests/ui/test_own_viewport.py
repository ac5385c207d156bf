"""A view's viewport made in Python is set up as Qt's own one (the poster views use it)."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QListView
from pytestqt.qtbot import QtBot

from app.ui.pages.grid_page import PosterGrid
from app.ui.pages.home_page import PosterStrip
from app.ui.widgets.own_viewport import own_viewport


def _look(view: QListView) -> tuple[object, ...]:
    port = view.viewport()
    return (port.objectName(), port.backgroundRole(), port.autoFillBackground(), port.focusProxy() is view,
            port.hasMouseTracking(), port.parent() is view, port.isVisible())  # fmt: skip


def test_the_viewport_is_set_up_as_qts_own(qtbot: QtBot) -> None:
    qt_made, ours = QListView(), QListView()
    made = own_viewport(ours)
    for view in (qt_made, ours):
        qtbot.addWidget(view)
        view.setMouseTracking(True)
        view.show()
    assert ours.viewport() is made
    assert _look(ours) == _look(qt_made)
    assert made.backgroundRole() == QPalette.ColorRole.Base


def test_the_poster_views_use_one(qtbot: QtBot) -> None:
    for view in (PosterStrip(), PosterGrid()):
        qtbot.addWidget(view)
        assert view.viewport().objectName() == "qt_scrollarea_viewport"
        assert view.viewport().autoFillBackground()
