"""Player icons painted with QPainter, so they are crisp on any DPI and need no font glyphs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

Painter = Callable[[QPainter, float], None]


def _pen(width: float) -> QPen:
    pen = QPen(QColor("white"), width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _play(p: QPainter, s: float) -> None:
    p.drawPolygon(
        QPolygonF([QPointF(s * 0.28, s * 0.18), QPointF(s * 0.28, s * 0.82), QPointF(s * 0.82, s * 0.5)])
    )


def _pause(p: QPainter, s: float) -> None:
    p.drawRoundedRect(QRectF(s * 0.24, s * 0.18, s * 0.18, s * 0.64), 2, 2)
    p.drawRoundedRect(QRectF(s * 0.58, s * 0.18, s * 0.18, s * 0.64), 2, 2)


def _speaker(p: QPainter, s: float) -> None:
    path = QPainterPath()
    path.moveTo(s * 0.12, s * 0.38)
    path.lineTo(s * 0.3, s * 0.38)
    path.lineTo(s * 0.52, s * 0.18)
    path.lineTo(s * 0.52, s * 0.82)
    path.lineTo(s * 0.3, s * 0.62)
    path.lineTo(s * 0.12, s * 0.62)
    path.closeSubpath()
    p.drawPath(path)


def _volume(p: QPainter, s: float) -> None:
    _speaker(p, s)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(_pen(s * 0.07))
    p.drawArc(QRectF(s * 0.42, s * 0.3, s * 0.3, s * 0.4), -50 * 16, 100 * 16)
    p.drawArc(QRectF(s * 0.4, s * 0.16, s * 0.48, s * 0.68), -50 * 16, 100 * 16)


def _fullscreen(p: QPainter, s: float) -> None:
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(_pen(s * 0.09))
    a, b, c = s * 0.18, s * 0.38, s * 0.82
    for pts in (
        [(a, b), (a, a), (b, a)],
        [(s - b, a), (c, a), (c, b)],
        [(c, s - b), (c, c), (s - b, c)],
        [(b, c), (a, c), (a, s - b)],
    ):
        p.drawPolyline(QPolygonF([QPointF(x, y) for x, y in pts]))


def _back(p: QPainter, s: float) -> None:
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(_pen(s * 0.09))
    p.drawPolyline(
        QPolygonF([QPointF(s * 0.5, s * 0.2), QPointF(s * 0.2, s * 0.5), QPointF(s * 0.5, s * 0.8)])
    )
    p.drawLine(QPointF(s * 0.22, s * 0.5), QPointF(s * 0.82, s * 0.5))


def _mute(p: QPainter, s: float) -> None:
    _speaker(p, s)
    p.setPen(_pen(s * 0.07))
    p.drawLine(QPointF(s * 0.62, s * 0.38), QPointF(s * 0.86, s * 0.62))
    p.drawLine(QPointF(s * 0.86, s * 0.38), QPointF(s * 0.62, s * 0.62))


def _audio(p: QPainter, s: float) -> None:
    # a note: two heads joined by a beam
    p.drawEllipse(QRectF(s * 0.14, s * 0.62, s * 0.24, s * 0.2))
    p.drawEllipse(QRectF(s * 0.56, s * 0.54, s * 0.24, s * 0.2))
    p.setPen(_pen(s * 0.07))
    p.drawLine(QPointF(s * 0.36, s * 0.72), QPointF(s * 0.36, s * 0.22))
    p.drawLine(QPointF(s * 0.78, s * 0.64), QPointF(s * 0.78, s * 0.14))
    p.drawLine(QPointF(s * 0.36, s * 0.22), QPointF(s * 0.78, s * 0.14))


def _subtitles(p: QPainter, s: float) -> None:
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(_pen(s * 0.07))
    p.drawRoundedRect(QRectF(s * 0.1, s * 0.2, s * 0.8, s * 0.6), s * 0.08, s * 0.08)
    p.drawLine(QPointF(s * 0.24, s * 0.56), QPointF(s * 0.44, s * 0.56))
    p.drawLine(QPointF(s * 0.52, s * 0.56), QPointF(s * 0.76, s * 0.56))
    p.drawLine(QPointF(s * 0.24, s * 0.68), QPointF(s * 0.62, s * 0.68))


def _picture(p: QPainter, s: float) -> None:
    # three sliders: brightness, contrast, colour
    p.setPen(_pen(s * 0.07))
    for i, knob in enumerate((0.3, 0.65, 0.45)):
        y = s * (0.26 + i * 0.24)
        p.drawLine(QPointF(s * 0.14, y), QPointF(s * 0.86, y))
        p.drawEllipse(QPointF(s * knob, y), s * 0.07, s * 0.07)


def _camera(p: QPainter, s: float) -> None:
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(_pen(s * 0.07))
    p.drawRoundedRect(QRectF(s * 0.12, s * 0.3, s * 0.76, s * 0.5), s * 0.08, s * 0.08)
    p.drawEllipse(QPointF(s * 0.5, s * 0.55), s * 0.14, s * 0.14)
    p.drawLine(QPointF(s * 0.36, s * 0.3), QPointF(s * 0.42, s * 0.2))
    p.drawLine(QPointF(s * 0.42, s * 0.2), QPointF(s * 0.58, s * 0.2))
    p.drawLine(QPointF(s * 0.58, s * 0.2), QPointF(s * 0.64, s * 0.3))


_PAINTERS: dict[str, Painter] = {
    "mute": _mute,
    "audio": _audio,
    "subtitles": _subtitles,
    "picture": _picture,
    "camera": _camera,
    "play": _play,
    "pause": _pause,
    "volume": _volume,
    "fullscreen": _fullscreen,
    "back": _back,
}
_CACHE: dict[str, QIcon] = {}


def icon(name: str, size: int = 48) -> QIcon:
    cached = _CACHE.get(name)
    if cached is not None:
        return cached
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pm)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("white"))
    _PAINTERS[name](painter, float(size))
    painter.end()
    result = QIcon(pm)
    _CACHE[name] = result
    return result
