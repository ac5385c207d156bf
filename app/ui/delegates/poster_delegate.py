"""Paints one grid card: poster (or a typographic one), badges, progress, title and year."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.domain.models import SourceKind, TitleBrief
from app.ui.images import PosterCache
from app.ui.models.title_list_model import BriefRole
from app.ui.widgets.poster_art import palette_for

POSTER = QSize(176, 264)
CARD = QSize(196, 350)
_RADIUS = 8.0
_SOURCE_GLYPHS = {
    SourceKind.IPTV_LIVE: "TV",
    SourceKind.IPTV_CATCHUP: "⟲",
    SourceKind.TORRENT: "⇣",
    SourceKind.HLS: "HLS",
    SourceKind.DIRECT: "▶",
}


def airing_label(brief: TitleBrief, now: datetime | None = None) -> str | None:
    air = brief.next_airing
    if air is None:
        return None
    now = now or datetime.now().astimezone()
    local = air.start.astimezone()
    if air.on_air(now):
        return f"● {air.channel_name}"
    today = now.astimezone().date()
    if local.date() == today:
        return f"{local:%H:%M} · {air.channel_name}"
    return f"{local:%d.%m %H:%M} · {air.channel_name}"


class PosterDelegate(QStyledItemDelegate):
    def __init__(self, posters: PosterCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._posters = posters

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return CARD

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        brief: TitleBrief | None = index.data(BriefRole)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        rect = QRectF(option.rect)
        x = rect.x() + (rect.width() - POSTER.width()) / 2
        poster_rect = QRectF(x, rect.y() + 8, POSTER.width(), POSTER.height())
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if brief is None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#1a1d25"))
            painter.drawRoundedRect(poster_rect, _RADIUS, _RADIUS)
        else:
            pm = self._posters.pixmap(brief.poster_path)
            if pm is None and brief.poster_path and self._posters.loading(brief.poster_path):
                # the real poster is on its way: a flat card now, not a typographic one to discard
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(palette_for(brief.id)[0])
                painter.drawRoundedRect(poster_rect, _RADIUS, _RADIUS)
            else:
                painter.drawPixmap(poster_rect.topLeft(), pm or self._posters.typographic(brief))
            self._paint_badges(painter, poster_rect, brief)
        if selected or hovered:
            pen = QPen(
                QColor("#ff5a36") if selected else QColor(255, 255, 255, 120),
                2.5 if selected else 1.5,
            )
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(poster_rect.adjusted(-1.5, -1.5, 1.5, 1.5), _RADIUS + 1, _RADIUS + 1)
        if brief is not None:
            self._paint_text(
                painter,
                QRectF(poster_rect.x(), poster_rect.bottom() + 8, POSTER.width(), 52),
                brief,
            )
        painter.restore()

    def _paint_badges(self, painter: QPainter, poster: QRectF, brief: TitleBrief) -> None:
        font = QFont(painter.font())
        font.setPointSizeF(8.5)
        font.setBold(True)
        painter.setFont(font)
        fm = QFontMetrics(font)
        if brief.rating:
            text = f"★ {brief.rating:.1f}"
            w = fm.horizontalAdvance(text) + 12
            r = QRectF(poster.x() + 8, poster.y() + 8, w, 20)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(0, 0, 0, 170))
            painter.drawRoundedRect(r, 5, 5)
            painter.setPen(QColor("#f5c518"))
            painter.drawText(r, Qt.AlignmentFlag.AlignCenter, text)
        glyphs = [_SOURCE_GLYPHS[k] for k in brief.source_kinds if k in _SOURCE_GLYPHS]
        right = poster.right() - 8
        for glyph in reversed(glyphs):
            w = fm.horizontalAdvance(glyph) + 10
            r = QRectF(right - w, poster.y() + 8, w, 20)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(0, 0, 0, 150))
            painter.drawRoundedRect(r, 5, 5)
            painter.setPen(QColor(255, 255, 255, 220))
            painter.drawText(r, Qt.AlignmentFlag.AlignCenter, glyph)
            right -= w + 4
        if brief.progress is not None:
            bar = QRectF(poster.x() + 10, poster.bottom() - 12, poster.width() - 20, 5)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(0, 0, 0, 150))
            painter.drawRoundedRect(bar.adjusted(-2, -2, 2, 2), 4, 4)
            painter.setBrush(QColor(255, 255, 255, 70))
            painter.drawRoundedRect(bar, 2.5, 2.5)
            painter.setBrush(QColor("#ff5a36"))
            painter.drawRoundedRect(
                QRectF(bar.x(), bar.y(), bar.width() * brief.progress, bar.height()), 2.5, 2.5
            )

    def _paint_text(self, painter: QPainter, rect: QRectF, brief: TitleBrief) -> None:
        font = QFont(painter.font())
        font.setPointSizeF(10)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#eceef2"))
        fm = QFontMetrics(font)
        title = fm.elidedText(brief.title, Qt.TextElideMode.ElideRight, int(rect.width()))
        painter.drawText(QRectF(rect.x(), rect.y(), rect.width(), 20), int(Qt.AlignmentFlag.AlignLeft), title)
        meta_font = QFont(font)
        meta_font.setBold(False)
        meta_font.setPointSizeF(9)
        painter.setFont(meta_font)
        painter.setPen(QColor("#8b909c"))
        parts = [
            str(brief.year) if brief.year else None,
            brief.original_title if brief.original_title != brief.title else None,
        ]
        meta = " · ".join(p for p in parts if p)
        meta = QFontMetrics(meta_font).elidedText(meta, Qt.TextElideMode.ElideRight, int(rect.width()))
        painter.drawText(
            QRectF(rect.x(), rect.y() + 21, rect.width(), 18), int(Qt.AlignmentFlag.AlignLeft), meta
        )
        label = airing_label(brief)
        if label:
            on_air = label.startswith("●")
            painter.setPen(QColor("#ff6a4d") if on_air else QColor("#f0a35e"))
            label = QFontMetrics(meta_font).elidedText(label, Qt.TextElideMode.ElideRight, int(rect.width()))
            painter.drawText(
                QRectF(rect.x(), rect.y() + 40, rect.width(), 18),
                int(Qt.AlignmentFlag.AlignLeft),
                label,
            )
