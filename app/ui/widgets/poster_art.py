"""A typographic poster for titles without an image: a colour field and the title set large."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QLinearGradient, QPainter, QPen

_PALETTES = [
    ("#2b1a3d", "#7a2e5a"),
    ("#14263b", "#2f6f8f"),
    ("#3a1f14", "#b4502d"),
    ("#1b2e22", "#4f8a5b"),
    ("#2d2a14", "#a08a2e"),
    ("#20162e", "#5a3f9c"),
    ("#301418", "#9c2f3c"),
    ("#152a2c", "#3d8c8a"),
]


def palette_for(key: str) -> tuple[QColor, QColor]:
    digest = hashlib.md5(key.encode("utf-8")).digest()
    dark, light = _PALETTES[digest[0] % len(_PALETTES)]
    return QColor(dark), QColor(light)


_FIT_CACHE: dict[tuple[str, int, int, float, str], float] = {}


def fitted_font(base: QFont, text: str, rect: QRectF, start: float, minimum: float = 7.0) -> QFont:
    """The largest bold font (from ``start`` down) whose longest word and wrapped text fit."""
    font = QFont(base)
    font.setBold(True)
    key = (text, round(rect.width()), round(rect.height()), start, font.family())
    cached = _FIT_CACHE.get(key)
    if cached is not None:
        font.setPointSizeF(cached)
        return font
    longest = max(text.split(), key=len, default=text)
    size = start
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap)
    while size > minimum:
        font.setPointSizeF(size)
        fm = QFontMetricsF(font)
        if fm.horizontalAdvance(longest) <= rect.width():
            bound = fm.boundingRect(rect, flags, text)
            if bound.height() <= rect.height():
                break
        size -= 0.5
    font.setPointSizeF(max(size, minimum))
    if len(_FIT_CACHE) > 50_000:
        _FIT_CACHE.clear()
    _FIT_CACHE[key] = font.pointSizeF()
    return font


def paint_typographic_poster(painter: QPainter, rect: QRectF, key: str, title: str, year: int | None) -> None:
    dark, light = palette_for(key)
    grad = QLinearGradient(rect.topLeft(), rect.bottomRight())
    grad.setColorAt(0.0, light)
    grad.setColorAt(1.0, dark)
    painter.fillRect(rect, grad)
    # a thin frame and a rule: reads as design, not as a missing image
    inset = rect.adjusted(10, 10, -10, -10)
    painter.setPen(QPen(QColor(255, 255, 255, 70), 1))
    painter.drawRect(inset)
    text_rect = inset.adjusted(12, 18, -12, -40)
    text = title.upper()
    font = fitted_font(painter.font(), text, text_rect, start=max(11.0, rect.width() / 9.5))
    painter.setFont(font)
    painter.setPen(QColor(255, 255, 255, 235))
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap)
    painter.drawText(text_rect, flags, text)
    if year:
        small = QFont(font)
        small.setBold(False)
        small.setPointSizeF(max(8.0, rect.width() / 16))
        painter.setFont(small)
        painter.setPen(QColor(255, 255, 255, 180))
        painter.drawText(
            inset.adjusted(12, 0, -12, -12),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
            str(year),
        )
