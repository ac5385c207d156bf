"""A profile's avatar drawn: a letter on a coloured disc (a pixmap for menus and buttons; the
top bar draws one at the first paint, without the Avatar widget's class)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap


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
