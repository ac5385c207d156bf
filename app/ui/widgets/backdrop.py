"""A header that paints a title's backdrop behind its content, fading into the page."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPixmap
from PySide6.QtWidgets import QWidget

from app.ui.widgets.poster_art import palette_for


class BackdropHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap: QPixmap | None = None
        self._key = ""
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)

    def set_backdrop(self, pixmap: QPixmap | None, key: str) -> None:
        self._pixmap = pixmap
        self._key = key
        self.update()

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        rect = QRectF(self.rect())
        painter.fillRect(rect, QColor("#0e1014"))
        if self._pixmap is not None and not self._pixmap.isNull():
            scaled = self._pixmap.scaled(
                self.size(),
                Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                Qt.TransformationMode.SmoothTransformation,
            )
            x = (scaled.width() - self.width()) // 2
            painter.setOpacity(0.45)
            painter.drawPixmap(0, 0, scaled, x, 0, self.width(), self.height())
            painter.setOpacity(1.0)
        elif self._key:
            _dark, light = palette_for(self._key)
            light.setAlpha(70)
            grad = QLinearGradient(rect.topLeft(), rect.topRight())
            grad.setColorAt(0, light)
            grad.setColorAt(1, QColor(14, 16, 20, 0))
            painter.fillRect(rect, grad)
        fade = QLinearGradient(rect.topLeft(), rect.bottomLeft())
        fade.setColorAt(0.0, QColor(14, 16, 20, 60))
        fade.setColorAt(0.65, QColor(14, 16, 20, 170))
        fade.setColorAt(1.0, QColor(14, 16, 20, 255))
        painter.fillRect(rect, fade)
        side = QLinearGradient(rect.topLeft(), rect.topRight())
        side.setColorAt(0.0, QColor(14, 16, 20, 200))
        side.setColorAt(0.6, QColor(14, 16, 20, 40))
        side.setColorAt(1.0, QColor(14, 16, 20, 0))
        painter.fillRect(rect, side)
