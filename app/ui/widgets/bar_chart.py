"""Bars with labels, drawn with QPainter: vertical (a value per week) or horizontal (ranked)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor("#ff5a36")
TRACK = QColor("#1d2029")
TEXT = QColor("#c9ccd3")
MUTED = QColor("#8b909c")


class BarChart(QWidget):
    """``set_bars([(label, value, value text)])``; ``horizontal``: one bar per row, label left."""

    def __init__(self, *, horizontal: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.horizontal = horizontal
        self.bars: list[tuple[str, float, str]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(160)

    def set_bars(self, bars: list[tuple[str, float, str]]) -> None:
        self.bars = bars
        if self.horizontal:
            self.setMinimumHeight(max(40, 30 * len(bars) + 6))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, self.minimumHeight())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.bars:
            (self._paint_rows if self.horizontal else self._paint_columns)(painter)
        painter.end()

    def _paint_columns(self, painter: QPainter) -> None:
        metrics = QFontMetrics(painter.font())
        top, bottom = metrics.height() + 4, metrics.height() + 8
        height = self.height() - top - bottom
        peak = max(v for _l, v, _t in self.bars) or 1.0
        step = self.width() / len(self.bars)
        width = max(6.0, step * 0.6)
        for n, (label, value, text) in enumerate(self.bars):
            x = n * step + (step - width) / 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TRACK)
            painter.drawRoundedRect(QRectF(x, top, width, height), 3, 3)
            h = height * value / peak
            painter.setBrush(BAR)
            if h > 0:
                painter.drawRoundedRect(QRectF(x, top + height - h, width, h), 3, 3)
            painter.setPen(MUTED)
            painter.drawText(
                QRectF(n * step, self.height() - bottom + 4, step, bottom),
                Qt.AlignmentFlag.AlignHCenter,
                label,
            )
            if value > 0:
                painter.setPen(TEXT)
                painter.drawText(
                    QRectF(n * step, top + height - h - top, step, top),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    text,
                )

    def _paint_rows(self, painter: QPainter) -> None:
        metrics = QFontMetrics(painter.font())
        label_w = min(
            self.width() * 0.35, max(metrics.horizontalAdvance(name) for name, _v, _t in self.bars) + 12
        )
        text_w = max(metrics.horizontalAdvance(t) for _l, _v, t in self.bars) + 12
        peak = max(v for _l, v, _t in self.bars) or 1.0
        span = max(10.0, self.width() - label_w - text_w)
        for n, (label, value, text) in enumerate(self.bars):
            y = 3 + n * 30
            painter.setPen(TEXT)
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(label_w - 8))
            right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(QRectF(0, y, label_w - 8, 24), right, shown)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TRACK)
            painter.drawRoundedRect(QRectF(label_w, y + 6, span, 12), 4, 4)
            painter.setBrush(BAR)
            painter.drawRoundedRect(QRectF(label_w, y + 6, max(4.0, span * value / peak), 12), 4, 4)
            painter.setPen(MUTED)
            painter.drawText(QRectF(label_w + span + 8, y, text_w, 24), Qt.AlignmentFlag.AlignVCenter, text)
