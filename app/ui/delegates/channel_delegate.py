"""One channel in the TV page's list: logo, name, what is on now with its progress, what is next."""

from __future__ import annotations

import time

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.ui.models.channel_list_model import FavouriteRole, LogoRole, NextRole, NowRole, ProgressRole

ROW_H = 64
ACCENT = QColor("#ff5a36")
TEXT = QColor("#e8e9ec")
DIM = QColor("#8b909c")
TRACK = QColor("#2a2e39")
SELECTED = QColor("#232733")


class ChannelDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(option.rect.width(), ROW_H)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        painter.save()
        r: QRect = option.rect  # type: ignore[attr-defined]
        state = option.state  # type: ignore[attr-defined]
        if state & QStyle.StateFlag.State_Selected:
            painter.fillRect(r, SELECTED)
            painter.fillRect(QRect(r.left(), r.top(), 3, r.height()), ACCENT)
        x = r.left() + 12
        logo = index.data(LogoRole)
        if logo is not None and not logo.isNull():
            side = ROW_H - 20
            painter.drawPixmap(QRect(x, r.top() + 10, side, side), logo)
            x += side + 10
        width = r.right() - x - 10
        base = QFont(option.font)  # type: ignore[attr-defined]
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(max(7.0, base.pointSizeF() * 0.88))
        name = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if index.data(FavouriteRole):
            name = "★ " + name
        painter.setFont(bold)
        painter.setPen(TEXT)
        painter.drawText(
            QRect(x, r.top() + 6, width, 20),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(bold).elidedText(name, Qt.TextElideMode.ElideRight, width),
        )
        now = index.data(NowRole)
        nxt = index.data(NextRole)
        painter.setFont(small)
        fm = QFontMetrics(small)
        if now is not None:
            title, start, _stop = now
            line = f"{time.strftime('%H:%M', time.localtime(start))}  {title}"
            painter.setPen(TEXT)
            painter.drawText(
                QRect(x, r.top() + 26, width, 18),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                fm.elidedText(line, Qt.TextElideMode.ElideRight, width),
            )
        elif nxt is None:
            painter.setPen(DIM)
            painter.drawText(QRect(x, r.top() + 26, width, 18), Qt.AlignmentFlag.AlignVCenter, "—")
        progress = index.data(ProgressRole)
        bar_y = r.top() + ROW_H - 14
        if progress is not None:
            track = QRectF(x, bar_y, width * 0.45, 3)
            painter.fillRect(track, TRACK)
            painter.fillRect(QRectF(x, bar_y, track.width() * progress, 3), ACCENT)
        if nxt is not None:
            title, start = nxt
            line = f"{time.strftime('%H:%M', time.localtime(start))}  {title}"
            nx = int(x + width * 0.5)
            painter.setPen(DIM)
            painter.drawText(
                QRect(nx, bar_y - 7, r.right() - nx - 10, 16),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                fm.elidedText(line, Qt.TextElideMode.ElideRight, r.right() - nx - 10),
            )
        painter.fillRect(QRect(r.left(), r.bottom(), r.width(), 1), QColor("#1a1d25"))
        painter.restore()
