"""Reminders as the user sees them: a bar in the window ("Белое солнце пустыни starts at 21:00
on Кинохит — Watch / Dismiss") and a tray balloon; new airings of watchlisted titles found by a
refresh the same way. "Watch" opens the channel live; an airing set to "Watch live at 21:00"
opens by itself when it starts (while the app runs).

Signals: watchRequested(str channel_id), titleRequested(str title_id).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDateTime, QLocale, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.services.context import AppContext
from app.services.library.reminders import DueReminder, ReminderDidFire, WatchlistDidGetAirings
from app.ui.viewmodels import bus

STYLE = """
QFrame#ReminderBanner { background: #2a1d18; border-bottom: 1px solid #5a3323; }
QFrame#ReminderBanner QLabel { color: #ffe3d8; font-size: 14px; }
"""


def _when(ts: float) -> str:
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(ts)), "HH:mm")


class ReminderBanner(QFrame):
    watchRequested = Signal(str)
    titleRequested = Signal(str)

    def __init__(
        self,
        context: AppContext,
        notify: Callable[[str, str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ReminderBanner")
        self.setStyleSheet(STYLE)
        self._s = context
        self._notify = notify
        self._channel_id: str | None = None
        self._title_id: str | None = None
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.watch_button = QPushButton(self.tr("Watch"))
        self.watch_button.setObjectName("Primary")
        self.watch_button.clicked.connect(self._watch)
        self.title_button = QPushButton(self.tr("Open the title"))
        self.title_button.clicked.connect(self._title)
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 8, 24, 8)
        row.addWidget(self.text, 1)
        row.addWidget(self.watch_button)
        row.addWidget(self.title_button)
        row.addWidget(self.dismiss_button)
        self.hide()
        self.shown: list[str] = []  # every message shown (tests read it)
        self._timers: list[QTimer] = []
        bus.subscribe(context.bus, ReminderDidFire, self._fired, self)
        bus.subscribe(context.bus, WatchlistDidGetAirings, self._new_airings, self)

    def _say(self, text: str, balloon_title: str) -> None:
        self.text.setText(text)
        self.shown.append(text)
        self.show()
        if self._notify is not None:
            self._notify(balloon_title, text)

    def _now(self) -> float:
        return self._s.clock.now().timestamp()  # the app's clock (the reminders' own)

    def _fired(self, event: ReminderDidFire) -> None:
        now = self._now()
        for due in event.due:
            start = due.start.timestamp()
            if start > now:
                text = (
                    self.tr("«%1» starts at %2 on %3")
                    .replace("%1", due.label)
                    .replace("%2", _when(start))
                    .replace("%3", due.channel_name)
                )
            else:
                text = (
                    self.tr("«%1» is on now on %2").replace("%1", due.label).replace("%2", due.channel_name)
                )
            self._channel_id, self._title_id = due.channel_id, due.title_id
            self.title_button.setVisible(bool(due.title_id))
            self.watch_button.show()
            self._say(text, self.tr("Reminder"))
            if due.auto_play:
                self._play_at(due)

    def _play_at(self, due: DueReminder) -> None:
        """ "Watch live at 21:00": open the channel when the airing starts."""
        delay_ms = max(0, int((due.start.timestamp() - self._now()) * 1000))
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: self.watchRequested.emit(due.channel_id))
        timer.start(delay_ms)
        self._timers.append(timer)

    def _new_airings(self, event: WatchlistDidGetAirings) -> None:
        first = event.airings[0]
        text = (
            self.tr("From your watchlist: «%1» on %2 at %3")
            .replace("%1", first.label)
            .replace("%2", first.channel_name)
            .replace("%3", QLocale().toString(QDateTime.fromSecsSinceEpoch(first.start), "ddd d MMM, HH:mm"))
        )
        more = len(event.airings) - 1
        if more > 0:
            text += " " + self.tr("and %n more airing(s)", "", more)
        self._channel_id, self._title_id = first.channel_id, first.title_id
        self.watch_button.hide()
        self.title_button.show()
        self._say(text, self.tr("New on TV"))

    def _watch(self) -> None:
        if self._channel_id:
            self.hide()
            self.watchRequested.emit(self._channel_id)

    def _title(self) -> None:
        if self._title_id:
            self.hide()
            self.titleRequested.emit(self._title_id)
