"""The TV page: the channel list (groups, favourites, search, now/next with progress) beside the
timeline EPG (channels × time, past programmes with catch-up playable, the current time line,
jump to now or to a day), and the selected programme with what one can do with it.

Enter on a programme plays it as it is: live when it is on now, from the archive when it has
ended and the channel keeps it, a reminder when it is still to come. Films link to their title.

Signals: playChannel(str channel_id), playArchive(str channel_id, int start, int stop, str label,
str title_id),
openTitle(str title_id), remindRequested(str channel_id, int start, int stop, str label,
str title_id), settingsRequested(), backRequested().
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QDateTime, QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.tv import NowNext, TvChannel
from app.services.context import AppContext
from app.services.guide.channel_names import channel_key
from app.services.guide.channels import ChannelGuide
from app.ui.components.channel_logos import ChannelLogos
from app.ui.delegates.channel_delegate import ChannelDelegate
from app.ui.models.channel_list_model import ALL, FAVOURITES, ChannelListModel, ChannelRole
from app.ui.models.epg_model import BLOCK_ROWS, EpgModel
from app.ui.viewmodels.operations import Operations
from app.ui.widgets.epg_timeline import FILM_KINDS, EpgTimeline, TimelineCell

TICK_MS = 30_000
PREFETCH_AFTER_MS = 120
# the theme styles vertical scroll bars only
TIMELINE_STYLE = """
QScrollBar:horizontal { background: transparent; height: 10px; margin: 2px; }
QScrollBar::handle:horizontal { background: #2a2e39; border-radius: 4px; min-width: 40px; }
QScrollBar::handle:horizontal:hover { background: #3a3f4d; }
"""
NOW_NEXT_EVERY_S = 300


def _when(ts: int, fmt: str = "HH:mm") -> str:
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(ts), fmt)


class TvPage(QWidget):
    playChannel = Signal(str)
    playArchive = Signal(str, int, int, str, str)
    openTitle = Signal(str)
    remindRequested = Signal(str, int, int, str, str)
    settingsRequested = Signal()
    backRequested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Page")
        self._s = context
        self.guide = ChannelGuide(context)
        self.ops = Operations(self, "tv")
        self._loaded_at = 0
        self._first_screen: list[Any] = []
        self._range: tuple[int, int] | None = None

        self.channels = ChannelListModel(now=self._now, parent=self)
        self.channels.set_key(channel_key)
        self.epg = EpgModel(self.guide.cells, run=self.ops.run, now=self._now, parent=self)
        self.logos = ChannelLogos(context, self)
        self.logos.loaded.connect(self._logos_loaded)

        heading = QLabel(self.tr("TV"))
        heading.setObjectName("PageTitle")
        self.group_box = QComboBox()
        self.group_box.setObjectName("Filter")
        self.group_box.setMinimumWidth(180)
        self.group_box.currentIndexChanged.connect(self._filter_changed)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a channel"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(260)
        self.search.textChanged.connect(self._filter_changed)
        self.now_button = QPushButton(self.tr("Now"))
        self.now_button.clicked.connect(self.jump_to_now)
        self.day_box = QComboBox()
        self.day_box.setObjectName("Filter")
        self.day_box.setMinimumWidth(150)
        self.day_box.activated.connect(self._day_chosen)
        top = QHBoxLayout()
        top.setContentsMargins(24, 16, 24, 8)
        top.setSpacing(10)
        top.addWidget(heading)
        top.addSpacing(16)
        top.addWidget(self.group_box)
        top.addWidget(self.search)
        top.addStretch(1)
        top.addWidget(self.now_button)
        top.addWidget(self.day_box)

        self.list = QListView()
        self.list.setObjectName("ChannelList")
        self.list.setModel(self.channels)
        self.list.setItemDelegate(ChannelDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setMinimumWidth(300)
        self.list.selectionModel().currentChanged.connect(self._channel_selected)
        self.list.activated.connect(self._channel_activated)

        self.timeline = EpgTimeline()
        self.timeline.setStyleSheet(TIMELINE_STYLE)
        self.timeline.set_source(self.epg)
        self.timeline.currentChanged.connect(self._programme_selected)
        self.timeline.cellActivated.connect(self._programme_activated)
        self.timeline.backRequested.connect(self.backRequested)
        self.timeline.visibleRowsChanged.connect(self._prefetch)

        self.info_title = QLabel()
        self.info_title.setObjectName("SectionHeading")
        self.info_when = QLabel()
        self.info_when.setObjectName("Muted")
        self.watch_button = QPushButton()
        self.watch_button.setObjectName("Primary")
        self.watch_button.clicked.connect(self._watch_clicked)
        self.title_button = QPushButton(self.tr("Open the title"))
        self.title_button.clicked.connect(self._title_clicked)
        self.remind_button = QPushButton(self.tr("Remind me"))
        self.remind_button.clicked.connect(self._remind_clicked)
        self.favourite_button = QPushButton()
        self.favourite_button.clicked.connect(self._favourite_clicked)
        self.status = QLabel()
        self.status.setObjectName("Muted")
        info = QHBoxLayout()
        info.setContentsMargins(16, 10, 16, 14)
        info.setSpacing(10)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.info_title)
        text.addWidget(self.info_when)
        info.addLayout(text, 1)
        info.addWidget(self.status)
        info.addWidget(self.watch_button)
        info.addWidget(self.title_button)
        info.addWidget(self.remind_button)
        info.addWidget(self.favourite_button)
        info_box = QWidget()
        info_box.setObjectName("TvInfo")
        info_box.setLayout(info)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(self.timeline, 1)
        right_layout.addWidget(info_box)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 1000])
        splitter.setChildrenCollapsible(False)

        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        self.empty_text = QLabel(
            self.tr("No TV channels yet. Add your IPTV playlist (M3U) and its guide in Settings.")
        )
        self.empty_text.setObjectName("PageSubtitle")
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setWordWrap(True)
        empty_button = QPushButton(self.tr("Open Settings"))
        empty_button.clicked.connect(self.settingsRequested)
        empty_layout.addWidget(self.empty_text)
        empty_layout.addWidget(empty_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)

        self.body = QStackedWidget()
        self.guide_view = splitter
        self.body.addWidget(splitter)
        self.body.addWidget(self.empty)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addLayout(top)
        outer.addWidget(self.body, 1)

        self._prefetch_timer = QTimer(self)
        self._prefetch_timer.setSingleShot(True)
        self._prefetch_timer.setInterval(PREFETCH_AFTER_MS)
        self._prefetch_timer.timeout.connect(self._prefetch_now)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._show_programme(None, None)

    def _now(self) -> int:
        return int(self._s.clock.now().timestamp())

    # -- loading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the channels and the guide's time range (in a worker), then what is on now and
        next (a second read: the timeline does not wait for the list's lines)."""
        guide, epg, now = self.guide, self.epg, self._now()
        first = not self.channels.all_channels()  # the page opens: its first screen first

        def read(limit: int | None) -> tuple[list[NowNext], tuple[int, int] | None, list[Any]]:
            channels = guide.channels(limit)
            return (
                [NowNext(channel=c) for c in channels],
                guide.time_range(channels),
                epg.first_screen(channels, now) if limit else [],
            )

        def everything(_found: object = None) -> None:
            self.ops.run("channels", lambda: read(None), self._loaded)

        if first:
            # the first channels (one block) with their programmes, painted while the rest is read
            self.ops.run(
                "first screen", lambda: read(BLOCK_ROWS), lambda found: self._first_loaded(found, everything)
            )
        else:
            everything()

    def _first_loaded(
        self, found: tuple[list[NowNext], tuple[int, int] | None, list[Any]], then: Any
    ) -> None:
        """The first screen: drawn at once, before anything else is asked for (workers running
        while it paints would take the interpreter from it)."""
        self._loaded(found, now_next=False)
        self.timeline.viewport().repaint()
        then()

    def _read_now_next(self) -> None:
        guide, channels = self.guide, self.channels.all_channels()
        self.ops.run("now-next", lambda: guide.now_next(channels), self.channels.update_now_next)

    def _loaded(
        self, found: tuple[list[NowNext], tuple[int, int] | None, list[Any]], now_next: bool = True
    ) -> None:
        rows, time_range, first_screen = found
        self._first_screen = first_screen
        self._loaded_at = self._now()
        now = self._now()
        if time_range is None:
            time_range = (now - 6 * 3600, now + 18 * 3600)
        self._range = (min(time_range[0], now - 3600), max(time_range[1], now + 3600))
        selected = self._selected_channel()
        self.channels.set_channels(rows)
        self.logos.want([r.channel for r in rows])
        self._fill_groups()
        self.body.setCurrentWidget(self.empty if not rows else self.guide_view)
        self._apply_filter(keep=selected.id if selected else None)
        self._fill_days()
        self._timer.start()
        if now_next:
            self._read_now_next()

    def _logos_loaded(self) -> None:
        # once any channel has a logo, the others get an empty square: the names line up
        found = {c.id: self.logos.for_channel(c.id) for c in self.channels.all_channels()}
        self.channels.logos.update(found)
        self.epg.icons.update(found)
        self.list.viewport().update()
        self.timeline.viewport().update()

    def _fill_groups(self) -> None:
        current = self.group_box.currentData()
        self.group_box.blockSignals(True)
        self.group_box.clear()
        self.group_box.addItem(self.tr("All channels"), ALL)
        self.group_box.addItem(self.tr("★ Favourites"), FAVOURITES)
        for group in self.channels.groups():
            self.group_box.addItem(group, group)
        index = self.group_box.findData(current) if current is not None else 0
        self.group_box.setCurrentIndex(max(0, index))
        self.group_box.blockSignals(False)

    def _fill_days(self) -> None:
        if self._range is None:
            return
        self.day_box.clear()
        now = datetime.fromtimestamp(self._now()).astimezone()
        first = datetime.fromtimestamp(self._range[0]).astimezone()
        day = first.replace(hour=0, minute=0, second=0, microsecond=0)
        while day.timestamp() < self._range[1]:
            if day.date() == now.date():
                label = self.tr("Today")
            elif day.date() == (now + timedelta(days=1)).date():
                label = self.tr("Tomorrow")
            elif day.date() == (now - timedelta(days=1)).date():
                label = self.tr("Yesterday")
            else:
                label = QLocale().toString(QDateTime.fromSecsSinceEpoch(int(day.timestamp())), "ddd d MMM")
            self.day_box.addItem(label, int(day.timestamp()))
            if day.date() == now.date():
                self.day_box.setCurrentIndex(self.day_box.count() - 1)
            day = (day + timedelta(days=1, hours=3)).replace(hour=0)  # DST-proof next midnight

    # -- filtering ----------------------------------------------------------------------------
    def _filter_changed(self, *_args: object) -> None:
        selected = self._selected_channel()
        self._apply_filter(keep=selected.id if selected else None)

    def _apply_filter(self, keep: str | None = None) -> None:
        self.channels.filter(self.group_box.currentData() or ALL, self.search.text())
        assert self._range is not None or not self.channels.rowCount()
        self.epg.set_channels(self.channels.channels(), self._range or (self._now(), self._now() + 3600))
        if self._first_screen and self.channels.rowCount() == len(self.channels.all_channels()):
            self.epg.seed(self._first_screen)  # unfiltered: the blocks read with the channels fit
        self._first_screen = []
        self.timeline.set_now(self._now())
        self.timeline.reset_range()
        row = self.channels.row_of(keep) if keep else -1
        if self.channels.rowCount():
            selection = self.list.selectionModel()
            selection.blockSignals(True)  # one selection: the timeline's (it follows below)
            self.list.setCurrentIndex(self.channels.index(max(0, row)))
            selection.blockSignals(False)
            self.list.viewport().update()
            self.timeline.scroll_to_time(self._now())
            self.timeline.select(max(0, row), self._now())
        else:
            self._show_programme(None, None)

    # -- selection ------------------------------------------------------------------------------
    def _selected_channel(self) -> TvChannel | None:
        index = self.list.currentIndex()
        return index.data(ChannelRole) if index.isValid() else None

    def _channel_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row, _ = self.timeline.current()
        if row != current.row():
            t = self._now() if row < 0 else self.timeline.current()[1]
            self.timeline.select(current.row(), max(t, self._now()) if row < 0 else t)

    def _channel_activated(self, index: QModelIndex) -> None:
        channel = index.data(ChannelRole)
        if channel is not None:
            self.playChannel.emit(channel.id)

    def _programme_selected(self, row: int, _start: int) -> None:
        if self.list.currentIndex().row() != row:
            self.list.setCurrentIndex(self.channels.index(row))
        channels = self.channels.channels()
        channel = channels[row] if 0 <= row < len(channels) else None
        self._show_programme(channel, self.timeline.current_cell())

    def _archive_plays(self, row: int, cell: TimelineCell) -> bool:
        since = self.epg.archive_from(row)
        return since is not None and cell.start >= since

    def _show_programme(self, channel: TvChannel | None, cell: TimelineCell | None) -> None:
        self._current = (channel, cell)
        self.status.setText("")
        buttons = (self.watch_button, self.title_button, self.remind_button, self.favourite_button)
        if channel is None:
            # shown but disabled: their first show (style polish) is paid while the page opens,
            # not in the step that draws the first programmes
            self.info_title.setText("")
            self.info_when.setText("")
            for b in buttons:
                b.setEnabled(False)
            return
        for b in buttons:
            b.setEnabled(True)
        self.favourite_button.show()
        self.favourite_button.setText(
            self.tr("★ In favourites") if channel.favourite else self.tr("☆ Favourite")
        )
        now = self._now()
        if cell is None:
            self.info_title.setText(channel.name)
            self.info_when.setText(self.tr("No guide for this time"))
            self.watch_button.setText(self.tr("▶  Watch live"))
            self.watch_button.show()
            self.title_button.hide()
            self.remind_button.hide()
            return
        self.info_title.setText(cell.title)
        when = f"{_when(cell.start, 'ddd d MMM, HH:mm')} – {_when(cell.stop)}    {channel.name}"
        self.info_when.setText(when)
        row = self.timeline.current()[0]
        if cell.start <= now < cell.stop:
            self.watch_button.setText(self.tr("▶  Watch live"))
            self.watch_button.show()
        elif cell.stop <= now and self._archive_plays(row, cell):
            self.watch_button.setText(self.tr("⟲  Play from the archive"))
            self.watch_button.show()
        else:
            self.watch_button.hide()
        self.remind_button.setVisible(cell.start > now)
        self.title_button.setVisible(bool(cell.title_id) and cell.kind in FILM_KINDS)

    # -- actions --------------------------------------------------------------------------------
    def _programme_activated(self, row: int, _start: int) -> None:
        channels = self.channels.channels()
        if not 0 <= row < len(channels):
            return
        channel, cell = channels[row], self.timeline.current_cell()
        now = self._now()
        if cell is None or cell.start <= now < cell.stop:
            self.playChannel.emit(channel.id)
        elif cell.stop <= now:
            if self._archive_plays(row, cell):
                self.playArchive.emit(channel.id, cell.start, cell.stop, cell.title, cell.title_id or "")
            else:
                self.status.setText(self.tr("This channel keeps no archive of it"))
        else:
            self._remind(channel, cell)

    def _watch_clicked(self) -> None:
        row, start = self.timeline.current()
        self._programme_activated(row, start)

    def _title_clicked(self) -> None:
        _channel, cell = self._current
        if cell is not None and cell.title_id:
            self.openTitle.emit(cell.title_id)

    def _remind_clicked(self) -> None:
        channel, cell = self._current
        if channel is not None and cell is not None:
            self._remind(channel, cell)

    def _remind(self, channel: TvChannel, cell: TimelineCell) -> None:
        self.remindRequested.emit(channel.id, cell.start, cell.stop, cell.title, cell.title_id or "")
        minutes = self._s.settings.reminder_minutes
        self.status.setText(self.tr("A reminder %n minute(s) before it starts", "", minutes))

    def _favourite_clicked(self) -> None:
        channel, _cell = self._current
        if channel is None:
            return
        on = not channel.favourite
        self.ops.run(("favourite", channel.id), lambda: self.guide.set_favourite(channel.id, on))
        self.channels.set_favourite(channel.id, on)
        self._apply_filter(keep=channel.id)

    def channel_name(self, channel_id: str) -> str:
        found = next((c for c in self.channels.all_channels() if c.id == channel_id), None)
        return found.name if found is not None else channel_id

    def jump_to_now(self) -> None:
        self.timeline.set_now(self._now())
        self.timeline.jump_to_now()
        self.timeline.setFocus()

    def _day_chosen(self, index: int) -> None:
        day = self.day_box.itemData(index)
        if day is not None:
            self.timeline.jump_to_day(int(day))
            self.timeline.setFocus()

    def _prefetch(self, _first: int, _last: int) -> None:
        self._prefetch_timer.start()  # once scrolling settles: what is near comes next

    def _prefetch_now(self) -> None:
        first, last = self.timeline.visible_rows()
        t0, t1 = self.timeline.visible_time()
        self.epg.prefetch(first, last, t0, t1)

    def _tick(self) -> None:
        self.timeline.set_now(self._now())
        self.channels.refresh_progress()
        if self._now() - self._loaded_at >= NOW_NEXT_EVERY_S:
            self.refresh()

    def hideEvent(self, event: object) -> None:  # type: ignore[override]
        self._timer.stop()
        super().hideEvent(event)  # type: ignore[arg-type]

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        if self._loaded_at:
            self._timer.start()
