"""A profile's avatar: a letter on a coloured disc (a widget, and a pixmap for menus and buttons)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget


def paint_avatar(painter: QPainter, rect: QRectF, color: str, letter: str, *, ring: bool = False) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    painter.drawEllipse(rect)
    if ring:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor("#ffffff"), max(2.0, rect.width() / 28)))
        inset = rect.width() / 40
        painter.drawEllipse(rect.adjusted(inset, inset, -inset, -inset))
    if not letter:
        return  # a colour swatch
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(max(8, int(rect.height() * 0.46)))
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, letter[:1].upper())


def avatar_pixmap(color: str, letter: str, size: int, ratio: float = 1.0) -> QPixmap:
    pixmap = QPixmap(int(size * ratio), int(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint_avatar(painter, QRectF(0, 0, size, size), color, letter)
    painter.end()
    return pixmap


def avatar_icon(color: str, letter: str, size: int = 32) -> QIcon:
    return QIcon(avatar_pixmap(color, letter, size, 2.0))


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
