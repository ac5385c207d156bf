"""The next episode after a countdown when one ends: «Next: S1 E6 in 10 s», Skip to next, Cancel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.series import NextEpisode

COUNTDOWN_S = 10


class NextEpisodeCountdown(QFrame):
    """Signals: playNext(NextEpisode) when the countdown ends or Skip to next is pressed; cancelled()."""

    playNext = Signal(object)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NextEpisodeCountdown")
        self.setStyleSheet(
            "#NextEpisodeCountdown { background: rgba(20, 22, 28, 225); border-radius: 10px; }"
            "#NextEpisodeCountdown QLabel { color: white; }"
        )
        self._next: NextEpisode | None = None
        self._left = 0
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.name = QLabel()
        self.name.setWordWrap(True)
        self.skip_button = QPushButton(self.tr("Skip to next"))
        self.skip_button.setObjectName("Primary")
        self.skip_button.clicked.connect(self.skip)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(self.heading)
        layout.addWidget(self.name)
        layout.addLayout(buttons)
        self.setMinimumWidth(360)
        self.hide()

    @property
    def seconds_left(self) -> int:
        return self._left

    def start(self, upcoming: NextEpisode, seconds: int = COUNTDOWN_S) -> None:
        self._next = upcoming
        self._left = max(0, seconds)
        ep = upcoming.episode
        self.name.setText(f"{ep.label} · {ep.name}" if ep.name else ep.label)
        self._show_left()
        self.show()
        self.raise_()
        self.skip_button.setFocus()
        if self._left == 0:
            self.skip()
        else:
            self.timer.start()

    def _show_left(self) -> None:
        self.heading.setText(self.tr("Next episode in %n s", "", self._left))

    def _tick(self) -> None:
        self._left -= 1
        if self._left <= 0:
            self.skip()
        else:
            self._show_left()

    def skip(self) -> None:
        self.timer.stop()
        upcoming, self._next = self._next, None
        self.hide()
        if upcoming is not None:
            self.playNext.emit(upcoming)

    def cancel(self) -> None:
        self.timer.stop()
        self._next = None
        self.hide()
        self.cancelled.emit()


class EpisodeFlow:
    """Ends an episode: saves it watched, asks the series for the next, counts down, starts it.

    ``save`` is SeriesService.save_progress-shaped; ``play(title_id, NextEpisode)`` starts an episode
    (with the release kept by its bingeGroup where the sources allow)."""

    def __init__(
        self,
        countdown: NextEpisodeCountdown,
        save: Callable[..., NextEpisode | None],
        play: Callable[[str, NextEpisode], None],
    ) -> None:
        self._countdown = countdown
        self._save = save
        self._play = play
        self.title_id: str | None = None
        countdown.playNext.connect(self._play_next)

    def episode_ended(
        self, title_id: str, season: int, number: int, duration_ms: int, seconds: int = COUNTDOWN_S
    ) -> NextEpisode | None:
        self.title_id = title_id
        upcoming = self._save(
            title_id, season, number, duration_ms, duration_ms, watched=True, count_view=True
        )
        if upcoming is not None and upcoming.reason == "next":
            self._countdown.start(upcoming, seconds)
        return upcoming

    def _play_next(self, upcoming: NextEpisode) -> None:
        if self.title_id is not None:
            self._play(self.title_id, upcoming)
