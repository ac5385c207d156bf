"""The title page's airings as ways to watch (issue 13): on air now → Live and From the start;
ended, still in the channel's archive → Archive; later → Remind me and Watch live at 21:00.

The ways come from the IPTV stream provider (``services.sources.iptv``) in a worker; airings on
channels the playlists do not have stay listed as text. ``install`` puts the panel in the title
page's "On TV" column and tells the page whether TV makes Play possible.

Signals: playWay(object StreamCandidate), remindRequested(object ReminderAsk),
waysFound(str title_id, object TvWaysSummary).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.models import TitleDetail
from app.domain.streams import StreamCandidate
from app.services.context import AppContext
from app.ui.viewmodels.operations import Operations

if TYPE_CHECKING:
    from app.ui.pages.title_page import TitlePage

MAX_ROWS = 8
MAX_ARCHIVE_ROWS = 3


@dataclass(frozen=True, slots=True)
class ReminderAsk:
    """A reminder the user asked for on one airing (``auto_play``: open it live when it starts)."""

    channel_id: str
    start: int
    stop: int
    label: str
    channel_name: str
    title_id: str
    auto_play: bool


@dataclass(frozen=True, slots=True)
class TvWaysSummary:
    playable_now: bool  # a live, from-the-start or archive way
    next_live: StreamCandidate | None  # the next airing still to come


def _when(moment: datetime, fmt: str) -> str:
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(moment.timestamp())), fmt)


class TvWays(QWidget):
    playWay = Signal(object)
    remindRequested = Signal(object)
    waysFound = Signal(str, object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TvWays")
        self._c = context
        self.ops = Operations(self, "tv-ways")
        self._detail: TitleDetail | None = None
        self.ways: list[StreamCandidate] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._reminded: set[tuple[str, int]] = set()
        self._opening: set[tuple[str, int]] = set()  # "Watch live at 21:00" chosen

    # -- loading ------------------------------------------------------------------------------
    def show_title(self, detail: TitleDetail) -> None:
        from app.services.sources import iptv

        self._detail = detail
        context = self._c
        self._fill(detail, [], loading=True)
        self.ops.run(("ways", detail.id), lambda: iptv.ways(context, detail.id), self._arrived)

    def _arrived(self, ways: list[StreamCandidate]) -> None:
        detail = self._detail
        if detail is None:
            return
        self.ways = ways
        self._fill(detail, ways)
        playable = any(w.playable_now for w in ways)
        upcoming = next((w for w in ways if not w.playable_now), None)
        self.waysFound.emit(detail.id, TvWaysSummary(playable, upcoming))

    # -- drawing ------------------------------------------------------------------------------
    def _clear(self) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _fill(self, detail: TitleDetail, ways: list[StreamCandidate], loading: bool = False) -> None:
        self._clear()
        now = self._c.clock.now()
        by_airing: dict[tuple[str, datetime | None], list[StreamCandidate]] = {}
        for w in ways:
            if w.extra.get("backup", 0):
                continue  # backups are the failover of the way shown, not ways of their own
            key = (str(w.extra.get("channel_id")), w.start)
            by_airing.setdefault(key, []).append(w)
        rows = 0
        covered = {w.start for w in ways}

        def order(group: list[StreamCandidate]) -> tuple[int, float]:
            """On air now first, then what is to come (soonest first), then the archive (newest)."""
            kinds = {str(w.extra.get("way")) for w in group}
            start = (group[0].start or now).timestamp()
            if "live" in kinds:
                return 0, start
            return (1, start) if "upcoming" in kinds else (2, -start)

        archived = 0
        for group in sorted(by_airing.values(), key=order):
            if rows >= MAX_ROWS:
                break
            if order(group)[0] == 2:
                archived += 1
                if archived > MAX_ARCHIVE_ROWS:
                    continue
            self._layout.addWidget(self._airing_row(group, now))
            rows += 1
        if archived > MAX_ARCHIVE_ROWS:
            more = QLabel(self.tr("and %n more in the archive", "", archived - MAX_ARCHIVE_ROWS))
            more.setObjectName("Muted")
            self._layout.addWidget(more)
        for air in detail.airings:  # airings on channels no playlist has: text only
            if rows >= MAX_ROWS or air.start in covered or (air.stop is not None and air.stop <= now):
                continue
            text = f"{_when(air.start, 'ddd d MMM, HH:mm')}    {air.channel_name}"
            label = QLabel(text + "  · " + self.tr("not in your playlists"))
            label.setObjectName("Muted")
            self._layout.addWidget(label)
            rows += 1
        if rows == 0:
            label = QLabel(
                self.tr("Looking at the TV guide…") if loading else self.tr("Not in the TV guide this week")
            )
            label.setObjectName("Muted")
            self._layout.addWidget(label)

    def _airing_row(self, group: list[StreamCandidate], now: datetime) -> QWidget:
        first = group[0]
        start = first.start or now
        stop = first.stop
        ways = {str(w.extra.get("way")): w for w in group}
        row = QFrame()
        row.setObjectName("AiringRow")
        layout = QHBoxLayout(row)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.setSpacing(8)
        if "live" in ways:
            text = "● " + self.tr("On air now") + f" · {first.channel}"
            span = f"{_when(start, 'HH:mm')}–{_when(stop, 'HH:mm')}" if stop else _when(start, "HH:mm")
            text += f"    {span}"
        elif "archive" in ways:
            text = f"⟲ {_when(start, 'ddd d MMM, HH:mm')} · {first.channel}"
        else:
            text = f"{_when(start, 'ddd d MMM, HH:mm')} · {first.channel}"
        label = QLabel(text)
        label.setObjectName("AiringText")
        layout.addWidget(label, 1)

        def button(caption: str, act: Callable[[], None], primary: bool = False) -> None:
            b = QPushButton(caption)
            b.setObjectName("WayButton")
            if primary:
                b.setProperty("primary", True)
            b.clicked.connect(act)
            layout.addWidget(b)

        if "live" in ways:
            button(self.tr("▶ Live"), lambda: self.playWay.emit(ways["live"]), True)
        if "from_start" in ways:
            button(self.tr("⟲ From the start"), lambda: self.playWay.emit(ways["from_start"]))
        if "archive" in ways:
            button(self.tr("▶ Archive"), lambda: self.playWay.emit(ways["archive"]), True)
        if "upcoming" in ways:
            later = ways["upcoming"]
            key = (str(later.extra.get("channel_id")), int(start.timestamp()))
            remind_text = self.tr("✓ Reminder set") if key in self._reminded else self.tr("Remind me")
            button(remind_text, lambda: self.remind(later, auto_play=False))
            opens = self.tr("✓ Opens live at %1") if key in self._opening else self.tr("Watch live at %1")
            button(opens.replace("%1", _when(start, "HH:mm")), lambda: self.remind(later, auto_play=True))
        return row

    # -- actions ------------------------------------------------------------------------------
    def remind(self, way: StreamCandidate, *, auto_play: bool) -> None:
        detail = self._detail
        if detail is None or way.start is None:
            return
        start = int(way.start.timestamp())
        stop = int(way.stop.timestamp()) if way.stop else start + 7200
        channel_id = str(way.extra.get("channel_id"))
        self._reminded.add((channel_id, start))
        if auto_play:
            self._opening.add((channel_id, start))
        self.remindRequested.emit(
            ReminderAsk(channel_id, start, stop, detail.title, way.channel or "", detail.id, auto_play)
        )
        self._fill(detail, self.ways)


def install(
    page: TitlePage,
    context: AppContext,
    play_way: Callable[[StreamCandidate], None],
    remind: Callable[[ReminderAsk], None],
) -> TvWays:
    """Put the TV ways in the title page's "On TV" column; Play follows what they offer."""
    panel = TvWays(context, page)
    page.set_airings_panel(panel)
    panel.playWay.connect(play_way)
    panel.remindRequested.connect(remind)
    panel.waysFound.connect(page.tv_ways_found)
    page.titleShown.connect(panel.show_title)
    return panel
