"""Play all: a playlist's items one after the other (or shuffled); when one ends (or cannot be
played) the next starts after a countdown shown over the video, unless the user stops it.

Leaving the player (Back) ends the queue. Titles play from their resume point through the
window's usual plan (every source, failover); paths and URLs straight from their location.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, QRect, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.playlists import PlaylistItem
from app.services.library.playlists import play_order
from app.ui.widgets.player_overlay import FloatingPanel

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)
COUNTDOWN_S = 8


class NextUpPanel(FloatingPanel):
    """“Up next: X in 8 s” in the video's lower right corner. Signals: playNow(), cancelled()."""

    playNow = Signal()
    cancelled = Signal()

    def __init__(self, anchor: QWidget, parent: QWidget) -> None:
        super().__init__(anchor, "center", parent)
        self.setObjectName("OverlayPanel")
        self.heading = QLabel()
        self.heading.setObjectName("PlayerSource")
        self.label = QLabel()
        self.label.setObjectName("PlayerTitle")
        self.label.setWordWrap(True)
        self.now_button = QPushButton(self.tr("Play now"))
        self.now_button.clicked.connect(self.playNow)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.clicked.connect(self.cancelled)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.now_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 12, 10)
        layout.addWidget(self.heading)
        layout.addWidget(self.label)
        layout.addLayout(buttons)
        self.setFixedWidth(380)

    def follow(self) -> None:
        anchor = self._anchor
        if not anchor.isVisible():
            return
        area = QRect(anchor.mapToGlobal(QPoint(0, 0)), anchor.size())
        hint = self.sizeHint()
        width, height = self.width(), max(hint.height(), self.minimumSizeHint().height())
        geometry = QRect(area.right() - width - 24, area.bottom() - height - 110, width, height)
        if geometry != self.geometry():
            self.setGeometry(geometry)


class PlayQueue(QObject):
    """The items of a “Play all” in order. Signals: finished(), started(int index)."""

    finished = Signal()
    started = Signal(int)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._w = window
        self.items: list[PlaylistItem] = []
        self.index = -1
        self._listening: Any = None
        self._panel: NextUpPanel | None = None
        self._left = 0
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self._reason = ""
        window.navigator.pageChanged.connect(self._page_changed)

    @property
    def active(self) -> bool:
        return 0 <= self.index < len(self.items)

    def start(self, items: list[PlaylistItem], shuffle: bool = False, start: int = 0) -> None:
        self.items = play_order(items, shuffle=shuffle, start=start)
        self.index = -1
        if self._listening is None:
            self._listening = self._w.playback.add_listener(self._on_event)
        self._advance()

    def stop(self) -> None:
        self._timer.stop()
        if self._panel is not None:
            self._panel.wanted = False
            self._panel.hide()
        was_active = self.active
        self.items, self.index = [], -1
        if was_active:
            self.finished.emit()

    def current(self) -> PlaylistItem | None:
        return self.items[self.index] if self.active else None

    # -- moving on --------------------------------------------------------------------------------
    def _advance(self) -> None:
        self._timer.stop()
        if self._panel is not None:
            self._panel.wanted = False
            self._panel.hide()
        self.index += 1
        if not self.active:
            self.stop()
            return
        item = self.items[self.index]
        self.started.emit(self.index)
        self._w.ops.run(("queue", self.index), lambda: self._plan(item), lambda plan: self._open(plan, item))

    def _plan(self, item: PlaylistItem) -> Any:
        """The play plan of one item (a worker): a title's sources from its resume point, or a
        location's request."""
        from app.services.playback.plan import plan_location, plan_title

        if item.title_id:
            detail = self._w.catalog.detail(item.title_id)
            if detail is not None:
                plan = plan_title(self._w.services, detail, self._w.library.resume_point_ms(item.title_id))
                if plan.playables or not item.location:
                    return plan
        if item.location:
            return plan_location(self._w.library, item.location)
        return None

    def _open(self, plan: Any, item: PlaylistItem) -> None:
        if not self.active or self.current() is not item:
            return
        if plan is None or not plan.playables:
            self._next_after(self.tr("Nothing to play for “%1”.").replace("%1", item.label))
            return
        self._w.start_plan(plan, "playlists")

    def _on_event(self, event: object, _value: object) -> None:
        # the session's PlayerEvent is a StrEnum: compared by value, so that building the window
        # does not import the player's stack
        if not self.active or self._timer.isActive():
            return
        if event == "ended":
            self._next_after("")
        elif event == "error":
            item = self.current()
            self._next_after(self.tr("Could not play “%1”.").replace("%1", item.label if item else ""))

    def _next_after(self, reason: str) -> None:
        if self.index + 1 >= len(self.items):
            QTimer.singleShot(0, self.stop)  # the last one: the player says "The end"
            return
        self._reason = reason
        self._left = COUNTDOWN_S
        panel = self._ensure_panel()
        panel.label.setText(self.items[self.index + 1].label)
        self._tick_text()
        panel.wanted = True
        if self._w.navigator.is_current("player"):
            panel.adjustSize()
            panel.reveal()
        self._timer.start()

    def _tick(self) -> None:
        self._left -= 1
        if self._left <= 0:
            self._advance()
            return
        self._tick_text()

    def _tick_text(self) -> None:
        if self._panel is None:
            return
        text = self.tr("Up next in %1 s").replace("%1", str(self._left))
        self._panel.heading.setText(f"{self._reason}  {text}" if self._reason else text)

    def play_now(self) -> None:
        if self._timer.isActive():
            self._advance()

    def _ensure_panel(self) -> NextUpPanel:
        if self._panel is None:
            player = self._w.player
            self._panel = NextUpPanel(player.video, player)
            self._panel.track(self._w)
            self._panel.playNow.connect(self.play_now)
            self._panel.cancelled.connect(self.stop)
        return self._panel

    def _page_changed(self, name: str) -> None:
        if name != "player" and self.active:
            self.stop()  # Back from the player ends Play all


def install(window: MainWindow) -> PlayQueue:
    return PlayQueue(window)
