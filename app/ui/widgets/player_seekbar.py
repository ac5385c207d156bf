"""The seek bar: click or drag to seek; buffered ranges (torrents) drawn under the groove."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSlider, QStyle, QStyleOptionSlider, QWidget

SEEK_STYLE = """
QSlider { min-height: 18px; }
QSlider::groove:horizontal { height: 4px; background: rgba(255,255,255,50); border-radius: 2px; }
QSlider::sub-page:horizontal { background: #ff5a36; border-radius: 2px; }
QSlider::handle:horizontal { background: #ffffff; width: 14px; height: 14px; margin: -5px 0;
                             border-radius: 7px; }
"""


class SeekBar(QSlider):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setStyleSheet(SEEK_STYLE)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setRange(0, 0)
        self.buffered: list[tuple[float, float]] = []  # fractions of the length, 0..1

    def set_buffered(self, ranges: Sequence[tuple[float, float]]) -> None:
        cleaned = [(max(0.0, a), min(1.0, b)) for a, b in ranges if b > a]
        if cleaned != self.buffered:
            self.buffered = cleaned
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.buffered:
            return
        # Drawn over the groove (the styled groove is opaque), thin enough to leave the handle clear.
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 110))
        margin = 7.0  # half the handle: where the groove starts and ends
        width = self.width() - 2 * margin
        y = self.height() / 2 - 2
        for a, b in self.buffered:
            painter.drawRoundedRect(QRectF(margin + a * width, y, max(2.0, (b - a) * width), 4), 2, 2)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # Jump to where the user clicked (QSlider only pages by default), then drag from there.
        if event.button() == Qt.MouseButton.LeftButton and self.maximum() > 0:
            option = QStyleOptionSlider()
            self.initStyleOption(option)
            handle = self.style().subControlRect(
                QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, self
            )
            if not handle.contains(event.position().toPoint()):
                value = QStyle.sliderValueFromPosition(
                    self.minimum(), self.maximum(), int(event.position().x()) - 7, max(1, self.width() - 14)
                )
                self.setValue(value)  # the handle is now under the cursor: the press grabs it
        super().mousePressEvent(event)
