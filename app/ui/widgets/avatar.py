"""A profile's avatar: a letter on a coloured disc (a widget, and a pixmap for menus and buttons)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.ui.widgets.avatar_art import avatar_icon, avatar_pixmap, paint_avatar

__all__ = ["Avatar", "avatar_icon", "avatar_pixmap", "paint_avatar"]


class Avatar(QWidget):
    """A round avatar of ``size`` pixels. Signals: clicked()."""

    clicked = Signal()

    def __init__(self, color: str, letter: str, size: int = 96, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._color = color
        self._letter = letter
        self._size = size
        self._selected = False
        self.setFixedSize(QSize(size, size))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_avatar(self, color: str, letter: str) -> None:
        self._color, self._letter = color, letter
        self.update()

    def set_selected(self, selected: bool) -> None:
        self._selected = selected
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_avatar(
            painter, QRectF(0, 0, self._size, self._size), self._color, self._letter, ring=self._selected
        )
        painter.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)
