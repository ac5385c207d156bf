"""Cards over the video (Skip intro, the next episode's countdown) live in a floating window in the
video's lower right corner, since a child widget is drawn under libvlc's native window on X11."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from app.ui.widgets.corner_overlay import BOTTOM_MARGIN, RIGHT_MARGIN, CornerOverlay


def test_a_held_widget_shows_in_the_video_corner_as_a_window_of_its_own(qtbot: Any) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    video = QWidget(window)
    QVBoxLayout(window).addWidget(video)
    window.resize(900, 600)
    window.show()
    qtbot.waitExposed(window)
    overlay = CornerOverlay(video, window)
    button = QPushButton("Skip intro")
    button.hide()
    overlay.hold(button)
    assert not overlay.isVisible() and button.focusPolicy() == Qt.FocusPolicy.NoFocus
    button.show()
    assert overlay.isVisible() and button.isVisible() and overlay.isWindow()
    assert overlay.windowFlags() & Qt.WindowType.Tool

    def corner_ok() -> bool:
        area = video.mapToGlobal(QPoint(0, 0))
        g = overlay.geometry()
        right = area.x() + video.width() - RIGHT_MARGIN
        bottom = area.y() + video.height() - BOTTOM_MARGIN
        return g.right() + 1 == right and g.bottom() + 1 == bottom

    assert corner_ok()
    narrow = overlay.width()
    button.setText("Skip credits, a longer label")  # grows leftwards: still in the corner
    qtbot.waitUntil(lambda: overlay.width() > narrow and corner_ok())
    button.hide()
    assert not overlay.isVisible()
