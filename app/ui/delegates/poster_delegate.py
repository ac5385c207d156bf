"""Paints one grid card: poster (or a typographic one), badges, progress, title and year."""

from __future__ import annotations

import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.domain.briefs import SourceKind, TitleBrief
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


_SELECTED = QStyle.StateFlag.State_Selected.value
_HOVERED = QStyle.StateFlag.State_MouseOver.value
_CENTER = Qt.AlignmentFlag.AlignCenter.value
_LEFT = Qt.AlignmentFlag.AlignLeft.value
_BADGE = QColor(0, 0, 0, 170)
_GLYPH_BG = QColor(0, 0, 0, 150)
_GLYPH = QColor(255, 255, 255, 220)
_GOLD = QColor("#f5c518")
_TRACK = QColor(255, 255, 255, 70)
_ACCENT = QColor("#ff5a36")
_TEXT = QColor("#eceef2")
_MUTED = QColor("#8b909c")
_ON_AIR = QColor("#ff6a4d")
_SOON = QColor("#f0a35e")


_FRAME_PAD = 4
_OVERLAYS_KEPT = 180  # ~5 screens of cards; ~70 kB each at 1x


def _transparent(size: QSize, ratio: float) -> QPixmap:
    pm = QPixmap(int(size.width() * ratio), int(size.height() * ratio))
    pm.setDevicePixelRatio(ratio)
    pm.fill(Qt.GlobalColor.transparent)
    return pm


@dataclass
class _CardText:
    title: str
    meta: str
    rating: str
    rating_width: int
    glyphs: list[tuple[str, int]]
    label_minute: int = -1
    label: tuple[str, bool] | None = None


class PosterDelegate(QStyledItemDelegate):
    # rendered badge strip and text block per card (a repaint is then a few drawPixmap calls),
    # shared by the grid and every Home strip so that one bound holds for the whole window
    _overlays: ClassVar[OrderedDict[int, tuple[TitleBrief, int, QPixmap | None, QPixmap]]] = OrderedDict()

    def __init__(self, posters: PosterCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._posters = posters
        self._font_cache: tuple[QFont, QFont, QFont, QFontMetrics, QFontMetrics, QFontMetrics] | None = None
        self._cards: dict[int, tuple[TitleBrief, _CardText]] = {}
        self._frames: dict[bool, QPixmap] = {}

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
        state = option.state.value  # int: enum flag arithmetic costs a Python call per card
        selected = bool(state & _SELECTED)
        hovered = bool(state & _HOVERED)
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
            top, text = self._overlay(brief, painter.font())
            if top is not None:
                painter.drawPixmap(poster_rect.topLeft(), top)
            if brief.progress is not None:
                self._paint_progress(painter, poster_rect, brief.progress)
        if selected or hovered:
            painter.drawPixmap(poster_rect.topLeft() - QPointF(_FRAME_PAD, _FRAME_PAD), self._frame(selected))
        if brief is not None:
            painter.drawPixmap(QPointF(poster_rect.x(), poster_rect.bottom() + 8), text)
        painter.restore()

    def _ratio(self) -> float:
        parent = self.parent()
        return parent.devicePixelRatioF() if isinstance(parent, QWidget) else 1.0

    def _frame(self, selected: bool) -> QPixmap:
        """The selection (accent) or hover outline, drawn once: an antialiased stroke is slow."""
        found = self._frames.get(selected)
        if found is None:
            found = _transparent(
                QSize(POSTER.width() + 2 * _FRAME_PAD, POSTER.height() + 2 * _FRAME_PAD), self._ratio()
            )
            painter = QPainter(found)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            pen = QPen(
                QColor("#ff5a36") if selected else QColor(255, 255, 255, 120), 2.5 if selected else 1.5
            )
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            outline = QRectF(_FRAME_PAD, _FRAME_PAD, POSTER.width(), POSTER.height()).adjusted(
                -1.5, -1.5, 1.5, 1.5
            )
            painter.drawRoundedRect(outline, _RADIUS + 1, _RADIUS + 1)
            painter.end()
            self._frames[selected] = found
        return found

    def _overlay(self, brief: TitleBrief, base: QFont) -> tuple[QPixmap | None, QPixmap]:
        """The card's badge strip (None without badges) and text block, drawn once per minute."""
        minute = int(time.time() // 60)
        key = id(brief)
        found = self._overlays.get(key)
        if found is not None and found[0] is brief and found[1] == minute:
            self._overlays.move_to_end(key)
            return found[2], found[3]
        ratio = self._ratio()
        card = self._card(brief, base)
        top: QPixmap | None = None
        if card.rating or card.glyphs:
            top = _transparent(QSize(POSTER.width(), 36), ratio)
            painter = QPainter(top)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            self._paint_badges(painter, QRectF(0, 0, POSTER.width(), POSTER.height()), brief, base)
            painter.end()
        text = _transparent(QSize(POSTER.width(), 60), ratio)
        painter = QPainter(text)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self._paint_text(painter, QRectF(0, 0, POSTER.width(), 60), brief, base)
        painter.end()
        self._overlays[key] = (brief, minute, top, text)
        while len(self._overlays) > _OVERLAYS_KEPT:
            self._overlays.popitem(last=False)
        return top, text

    def _fonts(self, base: QFont) -> tuple[QFont, QFont, QFont, QFontMetrics, QFontMetrics, QFontMetrics]:
        # built once: a QFont and QFontMetrics per card cost more than the card's drawing
        if self._font_cache is None:
            badge = QFont(base)
            badge.setPointSizeF(8.5)
            badge.setBold(True)
            title = QFont(base)
            title.setPointSizeF(10)
            title.setBold(True)
            meta = QFont(base)
            meta.setPointSizeF(9)
            self._font_cache = (
                badge,
                title,
                meta,
                QFontMetrics(badge),
                QFontMetrics(title),
                QFontMetrics(meta),
            )
        return self._font_cache

    def _card(self, brief: TitleBrief, base: QFont) -> _CardText:
        """The card's measured and elided strings, kept while the model keeps the same brief."""
        found = self._cards.get(id(brief))
        if found is not None and found[0] is brief:
            return found[1]
        _, _, _, badge_fm, title_fm, meta_fm = self._fonts(base)
        width = POSTER.width()
        parts = [
            brief.episode,  # a series in Continue watching: its next episode first ("S2 E5")
            str(brief.year) if brief.year else None,
            brief.original_title if brief.original_title != brief.title else None,
        ]
        rating = f"★ {brief.rating:.1f}" if brief.rating else ""
        glyphs = [_SOURCE_GLYPHS[k] for k in brief.source_kinds if k in _SOURCE_GLYPHS]
        card = _CardText(
            title=title_fm.elidedText(brief.title, Qt.TextElideMode.ElideRight, width),
            meta=meta_fm.elidedText(" · ".join(p for p in parts if p), Qt.TextElideMode.ElideRight, width),
            rating=rating,
            rating_width=badge_fm.horizontalAdvance(rating) + 12 if rating else 0,
            # one pill for all the ways to watch: two painter calls per card instead of two per kind
            glyphs=[(text, badge_fm.horizontalAdvance(text) + 12)] if (text := "  ".join(glyphs)) else [],
        )
        if len(self._cards) > 1500:  # it holds briefs alive: keep it near one screenful x 50
            self._cards.clear()
        self._cards[id(brief)] = (brief, card)
        return card

    def _label(self, brief: TitleBrief, card: _CardText, base: QFont) -> tuple[str, bool] | None:
        if brief.next_airing is None:
            return None
        minute = int(time.time() // 60)  # "on now" and "21:00" change at most once a minute
        if card.label_minute != minute:
            label = airing_label(brief)
            card.label_minute = minute
            card.label = None
            if label:
                elided = self._fonts(base)[5].elidedText(label, Qt.TextElideMode.ElideRight, POSTER.width())
                card.label = (elided, label.startswith("●"))
        return card.label

    def _paint_badges(self, painter: QPainter, poster: QRectF, brief: TitleBrief, base: QFont) -> None:
        card = self._card(brief, base)
        painter.setFont(self._fonts(base)[0])
        if card.rating:
            r = QRectF(poster.x() + 8, poster.y() + 8, card.rating_width, 20)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_BADGE)
            painter.drawRoundedRect(r, 5, 5)
            painter.setPen(_GOLD)
            painter.drawText(r, _CENTER, card.rating)
        right = poster.right() - 8
        for glyph, w in reversed(card.glyphs):
            r = QRectF(right - w, poster.y() + 8, w, 20)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_GLYPH_BG)
            painter.drawRoundedRect(r, 5, 5)
            painter.setPen(_GLYPH)
            painter.drawText(r, _CENTER, glyph)
            right -= w + 4

    @staticmethod
    def _paint_progress(painter: QPainter, poster: QRectF, progress: float) -> None:
        bar = QRectF(poster.x() + 10, poster.bottom() - 12, poster.width() - 20, 5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_GLYPH_BG)
        painter.drawRoundedRect(bar.adjusted(-2, -2, 2, 2), 4, 4)
        painter.setBrush(_TRACK)
        painter.drawRoundedRect(bar, 2.5, 2.5)
        painter.setBrush(_ACCENT)
        painter.drawRoundedRect(QRectF(bar.x(), bar.y(), bar.width() * progress, bar.height()), 2.5, 2.5)

    def _paint_text(self, painter: QPainter, rect: QRectF, brief: TitleBrief, base: QFont) -> None:
        card = self._card(brief, base)
        label = self._label(brief, card, base)
        _, title_font, meta_font, *_ = self._fonts(base)
        left = _LEFT
        painter.setFont(title_font)
        painter.setPen(_TEXT)
        painter.drawText(QRectF(rect.x(), rect.y(), rect.width(), 20), left, card.title)
        painter.setFont(meta_font)
        painter.setPen(_MUTED)
        painter.drawText(QRectF(rect.x(), rect.y() + 21, rect.width(), 18), left, card.meta)
        if label:
            painter.setPen(_ON_AIR if label[1] else _SOON)
            painter.drawText(QRectF(rect.x(), rect.y() + 40, rect.width(), 18), left, label[0])
