"""A virtualised EPG timeline: channels down, time across; only what is on screen is painted.

App-agnostic: it draws what a *source* gives it (any object with the methods of
``TimelineSource``) and signals up what the user picked. Keys as in TiviMate: arrows move by
programme (left/right) and by channel (up/down), Page Up/Down by a screen of channels, Home
jumps to now, Enter activates the programme, Esc asks to leave.

Signals: cellActivated(int row, int start), currentChanged(int row, int start),
backRequested(), visibleRowsChanged(int first, int last).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import NamedTuple, Protocol

from PySide6.QtCore import QDateTime, QLocale, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

ROW_H = 56
HEADER_H = 34
CHANNEL_W = 230
PX_PER_MIN = 4.0  # one hour is 240 px
MIN_CELL_TEXT_W = 18

BG = QColor("#0e1014")
HEADER_BG = QColor("#0b0c10")
CHANNEL_BG = QColor("#11131a")
CELL = QColor("#1a1e28")
CELL_PAST = QColor("#14171e")
CELL_NOW = QColor("#232838")
CELL_FILM = QColor("#ff8a6a")
SELECTED = QColor("#ff5a36")
TEXT = QColor("#e8e9ec")
TEXT_DIM = QColor("#7d8390")
GRID = QColor("#1d2029")
NOW_LINE = QColor("#ff3b30")


class TimelineCell(NamedTuple):
    """One programme as the timeline draws it (times in unix seconds)."""

    start: int
    stop: int
    title: str
    kind: str = ""
    title_id: str | None = None


class TimelineSource(Protocol):
    """What the timeline asks of its data (``changed`` may be a Qt signal with no arguments)."""

    def row_count(self) -> int: ...

    def row_title(self, row: int) -> str: ...

    def row_detail(self, row: int) -> str: ...  # a number or group under the name

    def row_icon(self, row: int) -> QPixmap | None: ...

    def archive_from(self, row: int) -> int | None: ...  # earliest start the archive plays

    def cells(self, row: int, t0: int, t1: int) -> Sequence[TimelineCell] | None: ...  # None: loading

    def time_range(self) -> tuple[int, int]: ...


FILM_KINDS = frozenset({"film", "cartoon", "documentary", "anime"})


class EpgTimeline(QAbstractScrollArea):
    cellActivated = Signal(int, int)
    currentChanged = Signal(int, int)
    backRequested = Signal()
    visibleRowsChanged = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EpgTimeline")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.viewport().setMouseTracking(False)
        self._source: TimelineSource | None = None
        self._t0 = 0
        self._t1 = 0
        self._now = int(time.time())
        self._row = -1
        self._start = 0  # the selected programme's start (or a moment, on an empty row)
        self._font = QFont(self.font())
        self._bold = QFont(self._font)
        self._bold.setBold(True)
        self._small = QFont(self._font)
        self._small.setPointSizeF(max(7.0, self._font.pointSizeF() * 0.85))
        self._fm = QFontMetrics(self._font)
        self._fm_bold = QFontMetrics(self._bold)
        self._fm_small = QFontMetrics(self._small)
        self._elided: dict[tuple[str, int, bool], str] = {}
        self.paint_times_ms: list[float] = []  # how long each paint took (benchmarks read it)
        self._last_visible = (-1, -1)
        self.horizontalScrollBar().valueChanged.connect(self._scrolled)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.horizontalScrollBar().setSingleStep(int(PX_PER_MIN * 15))
        self.verticalScrollBar().setSingleStep(ROW_H)

    # -- data -----------------------------------------------------------------------------------
    def set_source(self, source: TimelineSource | None) -> None:
        old = self._source
        changed = getattr(old, "changed", None)
        if changed is not None:
            try:
                changed.disconnect(self._source_changed)
            except (RuntimeError, TypeError):
                pass
        self._source = source
        changed = getattr(source, "changed", None)
        if changed is not None:
            changed.connect(self._source_changed)
        self._row = 0 if source is not None and source.row_count() else -1
        self.reset_range()

    def source(self) -> TimelineSource | None:
        return self._source

    def reset_range(self) -> None:
        """Read the source's rows and time range again (after a filter or a refresh)."""
        source = self._source
        if source is None or source.row_count() == 0:
            self._t0 = self._t1 = self._now
        else:
            self._t0, self._t1 = source.time_range()
            self._t0 -= self._t0 % 1800  # the grid starts on a half hour
            if self._row >= source.row_count():
                self._row = source.row_count() - 1
        self._update_scrollbars()
        self.viewport().update()

    def _source_changed(self) -> None:
        # programmes arrived: a selection made while they were loading snaps to its programme
        if self._source is not None and 0 <= self._row < self._source.row_count():
            cell = self._cell_at(self._row, self._start)
            if cell is not None and cell.start != self._start:
                self._start = cell.start
                self.currentChanged.emit(self._row, self._start)
        self.viewport().update()

    def set_now(self, now: int) -> None:
        """The current time (the red line, past and present cells)."""
        if now != self._now:
            self._now = now
            self.viewport().update()

    @property
    def now(self) -> int:
        return self._now

    # -- geometry -------------------------------------------------------------------------------
    def _timeline_w(self) -> int:
        return max(0, int((self._t1 - self._t0) / 60 * PX_PER_MIN))

    def _update_scrollbars(self) -> None:
        rows = self._source.row_count() if self._source is not None else 0
        vp = self.viewport().size()
        self.verticalScrollBar().setRange(0, max(0, rows * ROW_H - (vp.height() - HEADER_H)))
        self.verticalScrollBar().setPageStep(max(ROW_H, vp.height() - HEADER_H))
        self.horizontalScrollBar().setRange(0, max(0, self._timeline_w() - (vp.width() - CHANNEL_W)))
        self.horizontalScrollBar().setPageStep(max(60, vp.width() - CHANNEL_W))

    def resizeEvent(self, event: object) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._update_scrollbars()

    def sizeHint(self) -> QSize:
        return QSize(900, 600)

    def x_of(self, t: int) -> float:
        """The viewport x of moment ``t``."""
        return CHANNEL_W + (t - self._t0) / 60 * PX_PER_MIN - self.horizontalScrollBar().value()

    def time_at(self, x: float) -> int:
        return int(self._t0 + (x - CHANNEL_W + self.horizontalScrollBar().value()) / PX_PER_MIN * 60)

    def row_at(self, y: float) -> int:
        return int((y - HEADER_H + self.verticalScrollBar().value()) // ROW_H)

    def visible_rows(self) -> tuple[int, int]:
        rows = self._source.row_count() if self._source is not None else 0
        first = max(0, self.verticalScrollBar().value() // ROW_H)
        last = min(
            rows - 1, (self.verticalScrollBar().value() + self.viewport().height() - HEADER_H) // ROW_H
        )
        return first, last

    def visible_time(self) -> tuple[int, int]:
        return self.time_at(CHANNEL_W), self.time_at(self.viewport().width())

    def _scrolled(self) -> None:
        vis = self.visible_rows()
        if vis != self._last_visible:
            self._last_visible = vis
            self.visibleRowsChanged.emit(*vis)
        self.viewport().update()

    # -- moving -------------------------------------------------------------------------------
    def scroll_to_time(self, t: int, *, lead_min: int = 30) -> None:
        """Scroll so that ``t`` is ``lead_min`` minutes from the left edge."""
        value = int((t - self._t0) / 60 * PX_PER_MIN - lead_min * PX_PER_MIN)
        self.horizontalScrollBar().setValue(max(0, value))

    def jump_to_now(self) -> None:
        self.scroll_to_time(self._now)
        if self._row >= 0:
            self._select(self._row, self._now)

    def jump_to_day(self, day_start: int) -> None:
        """Evening is what people look for: a day opens at 19:00 of it, now on today."""
        target = self._now if day_start <= self._now < day_start + 86400 else day_start + 19 * 3600
        self.scroll_to_time(target)
        if self._row >= 0:
            self._select(self._row, target)

    def current(self) -> tuple[int, int]:
        """(row, start of the selected programme); row -1 when nothing is selected."""
        return self._row, self._start

    def current_cell(self) -> TimelineCell | None:
        if self._source is None or self._row < 0:
            return None
        return self._cell_at(self._row, self._start)

    def _cells(self, row: int, t0: int, t1: int) -> Sequence[TimelineCell]:
        if self._source is None:
            return ()
        return self._source.cells(row, t0, t1) or ()

    def _cell_at(self, row: int, t: int) -> TimelineCell | None:
        return next((c for c in self._cells(row, t - 1, t + 1) if c.start <= t < c.stop), None)

    def select(self, row: int, t: int) -> None:
        """Select the programme of ``row`` at moment ``t`` and make it visible."""
        self._select(row, t)

    def _select(self, row: int, t: int) -> None:
        if self._source is None or not self._source.row_count():
            return
        row = max(0, min(row, self._source.row_count() - 1))
        cell = self._cell_at(row, t)
        self._row, self._start = row, (cell.start if cell is not None else t)
        self._ensure_visible(row, cell, t)
        self.viewport().update()
        self.currentChanged.emit(self._row, self._start)

    def _ensure_visible(self, row: int, cell: TimelineCell | None, t: int) -> None:
        vbar, hbar = self.verticalScrollBar(), self.horizontalScrollBar()
        top = row * ROW_H
        visible_h = self.viewport().height() - HEADER_H
        if top < vbar.value():
            vbar.setValue(top)
        elif top + ROW_H > vbar.value() + visible_h:
            vbar.setValue(top + ROW_H - visible_h)
        start = cell.start if cell is not None else t
        stop = cell.stop if cell is not None else t + 1800
        x0 = (max(start, self._t0) - self._t0) / 60 * PX_PER_MIN
        x1 = (stop - self._t0) / 60 * PX_PER_MIN
        visible_w = self.viewport().width() - CHANNEL_W
        if x0 < hbar.value():
            hbar.setValue(int(x0))
        elif x1 > hbar.value() + visible_w:
            hbar.setValue(int(min(x0, x1 - visible_w)))

    def _step(self, direction: int) -> None:
        """The programme before (-1) or after (+1) the selected one on its row."""
        if self._row < 0:
            return
        cell = self._cell_at(self._row, self._start)
        if direction > 0:
            t = cell.stop if cell is not None else self._start + 1800
            if t >= self._t1:
                return
        else:
            t = (cell.start if cell is not None else self._start) - 1
            if t < self._t0:
                return
        self._select(self._row, t)

    def _anchor(self) -> int:
        """The moment up/down keep: inside the selected programme, within the screen."""
        cell = self.current_cell()
        t0, t1 = self.visible_time()
        if cell is None:
            return self._start
        return max(cell.start, min(max(t0, min(self._now, t1 - 60)), cell.stop - 1))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        rows_per_page = max(1, (self.viewport().height() - HEADER_H) // ROW_H)
        if key == Qt.Key.Key_Right:
            self._step(1)
        elif key == Qt.Key.Key_Left:
            self._step(-1)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            delta = {
                Qt.Key.Key_Up: -1,
                Qt.Key.Key_Down: 1,
                Qt.Key.Key_PageUp: -rows_per_page,
                Qt.Key.Key_PageDown: rows_per_page,
            }[Qt.Key(key)]
            self._select(max(0, self._row) + delta, self._anchor())
        elif key == Qt.Key.Key_Home:
            self.jump_to_now()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._row >= 0:
                self.cellActivated.emit(self._row, self._start)
        elif key == Qt.Key.Key_Escape:
            self.backRequested.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if pos.y() > HEADER_H and pos.x() > CHANNEL_W:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self._select(self.row_at(pos.y()), self.time_at(pos.x()))
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if pos.y() > HEADER_H and pos.x() > CHANNEL_W and self._row >= 0:
            self.cellActivated.emit(self._row, self._start)

    # -- painting -------------------------------------------------------------------------------
    def _elide(self, text: str, width: int, bold: bool) -> str:
        key = (text, width // 8, bold)  # 8 px buckets keep the cache small while scrolling
        found = self._elided.get(key)
        if found is None:
            fm = self._fm_bold if bold else self._fm
            found = fm.elidedText(text, Qt.TextElideMode.ElideRight, (width // 8) * 8)
            if len(self._elided) > 20000:
                self._elided.clear()
            self._elided[key] = found
        return found

    def paintEvent(self, event: QPaintEvent) -> None:
        began = time.perf_counter()
        painter = QPainter(self.viewport())
        try:
            self._paint(painter, event.rect())
        finally:
            painter.end()
        self.paint_times_ms.append((time.perf_counter() - began) * 1000)
        if len(self.paint_times_ms) > 5000:
            del self.paint_times_ms[:2500]

    def _paint(self, p: QPainter, clip: QRect) -> None:
        w, h = self.viewport().width(), self.viewport().height()
        p.fillRect(clip, BG)
        source = self._source
        if source is None or source.row_count() == 0:
            return
        first, last = self.visible_rows()
        t_left, t_right = self.visible_time()
        yoff = self.verticalScrollBar().value()
        p.setClipRect(QRect(CHANNEL_W, HEADER_H, w - CHANNEL_W, h - HEADER_H))
        for row in range(first, last + 1):
            y = HEADER_H + row * ROW_H - yoff
            self._paint_row(p, row, y, t_left, t_right, w)
        now_x = self.x_of(self._now)
        if CHANNEL_W <= now_x <= w:
            p.setPen(QPen(NOW_LINE, 2))
            p.drawLine(int(now_x), HEADER_H, int(now_x), h)
        p.setClipping(False)
        self._paint_channels(p, first, last, yoff, h)
        self._paint_header(p, w, t_left, t_right, now_x)

    def _paint_row(self, p: QPainter, row: int, y: int, t_left: int, t_right: int, w: int) -> None:
        assert self._source is not None
        cells = self._source.cells(row, t_left, t_right)
        p.fillRect(QRect(CHANNEL_W, y + ROW_H - 1, w - CHANNEL_W, 1), GRID)
        if cells is None:  # still loading: a quiet placeholder
            p.setPen(TEXT_DIM)
            p.setFont(self._small)
            p.drawText(QRect(CHANNEL_W + 12, y, 200, ROW_H), Qt.AlignmentFlag.AlignVCenter, "…")
            return
        archive = self._source.archive_from(row)
        selected_row = row == self._row
        for cell in cells:
            x0 = self.x_of(max(cell.start, self._t0))
            x1 = self.x_of(cell.stop)
            if x1 < CHANNEL_W or x0 > w:
                continue
            rect = QRectF(x0 + 1, y + 3, max(2.0, x1 - x0 - 2), ROW_H - 6)
            past = cell.stop <= self._now
            on_now = cell.start <= self._now < cell.stop
            playable_past = past and archive is not None and cell.start >= archive
            fill = CELL_NOW if on_now else (CELL_PAST if past else CELL)
            p.fillRect(rect, fill)
            film = cell.kind in FILM_KINDS
            if film:
                p.fillRect(QRectF(rect.left(), rect.top(), 3, rect.height()), CELL_FILM)
            if selected_row and cell.start == self._start:
                p.setPen(QPen(SELECTED, 2))
                p.drawRect(rect.adjusted(1, 1, -1, -1))
            text_x = max(rect.left(), CHANNEL_W) + (9 if film else 7)
            text_w = int(rect.right() - text_x - 4)
            if text_w < MIN_CELL_TEXT_W:
                continue
            title = ("⟲ " if playable_past else "") + cell.title
            p.setFont(self._bold if on_now else self._font)
            p.setPen(TEXT_DIM if past and not playable_past else TEXT)
            p.drawText(
                QRectF(text_x, rect.top() + 5, text_w, 20),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self._elide(title, text_w, on_now),
            )
            p.setFont(self._small)
            p.setPen(TEXT_DIM)
            when = time.strftime("%H:%M", time.localtime(cell.start))
            p.drawText(
                QRectF(text_x, rect.top() + 26, text_w, 18),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                when,
            )

    def _paint_channels(self, p: QPainter, first: int, last: int, yoff: int, h: int) -> None:
        assert self._source is not None
        p.fillRect(QRect(0, HEADER_H, CHANNEL_W, h - HEADER_H), CHANNEL_BG)
        p.setClipRect(QRect(0, HEADER_H, CHANNEL_W, h - HEADER_H))
        for row in range(first, last + 1):
            y = HEADER_H + row * ROW_H - yoff
            if row == self._row:
                p.fillRect(QRect(0, y, CHANNEL_W, ROW_H), CELL_NOW)
                p.fillRect(QRect(0, y, 3, ROW_H), SELECTED)
            icon = self._source.row_icon(row)
            x = 12
            if icon is not None and not icon.isNull():
                side = ROW_H - 16
                p.drawPixmap(QRect(x, y + 8, side, side), icon)
                x += side + 10
            p.setFont(self._bold)
            p.setPen(TEXT)
            p.drawText(
                QRect(x, y + 8, CHANNEL_W - x - 8, 20),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self._elide(self._source.row_title(row), CHANNEL_W - x - 8, True),
            )
            p.setFont(self._small)
            p.setPen(TEXT_DIM)
            p.drawText(
                QRect(x, y + 28, CHANNEL_W - x - 8, 18),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self._source.row_detail(row),
            )
            p.fillRect(QRect(0, y + ROW_H - 1, CHANNEL_W, 1), GRID)
        p.setClipping(False)
        p.fillRect(QRect(CHANNEL_W - 1, HEADER_H, 1, h - HEADER_H), GRID)

    def _paint_header(self, p: QPainter, w: int, t_left: int, t_right: int, now_x: float) -> None:
        p.fillRect(QRect(0, 0, w, HEADER_H), HEADER_BG)
        p.fillRect(QRect(0, HEADER_H - 1, w, 1), GRID)
        p.setFont(self._bold)
        p.setPen(TEXT)
        day = QLocale().toString(QDateTime.fromSecsSinceEpoch(max(t_left, self._t0)), "ddd d MMM")
        p.drawText(QRect(12, 0, CHANNEL_W - 12, HEADER_H), Qt.AlignmentFlag.AlignVCenter, day)
        p.setClipRect(QRect(CHANNEL_W, 0, w - CHANNEL_W, HEADER_H))
        p.setFont(self._font)
        tick = t_left - (t_left - self._t0) % 1800
        while tick <= t_right:
            x = self.x_of(tick)
            p.setPen(GRID)
            p.drawLine(int(x), HEADER_H - 8, int(x), HEADER_H - 1)
            p.setPen(TEXT if tick % 3600 == 0 else TEXT_DIM)
            p.drawText(QPoint(int(x) + 6, HEADER_H // 2 + 5), time.strftime("%H:%M", time.localtime(tick)))
            tick += 1800
        if CHANNEL_W <= now_x <= w:
            p.setPen(QPen(NOW_LINE, 2))
            p.drawLine(int(now_x), 0, int(now_x), HEADER_H)
        p.setClipping(False)
