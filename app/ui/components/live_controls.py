"""Live TV in the player page (issue 13): a live badge, "Go live", channel up/down, what is on now
and next, and timeshift inside the channel's archive window (pause, seek back, forward).

Attached to the page from outside (``attach``): it adds its widgets to the page's top panel and
reads the page's keys through an event filter, so the page itself knows nothing of TV. Zapping
reuses the page's player (the same libvlc instance and video window): only the media changes.

Keys while a channel plays: Page Up / Page Down (or Ctrl+Up / Ctrl+Down) change channel; Left /
Right go 10 s (Shift: 1 min) back or forward in the archive; Space pauses, and playing on after
a pause continues from where it stopped (from the archive); End goes live.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime, QEvent, QLocale, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout

from app.domain.tv import NowNext, TvChannel
from app.services.context import AppContext
from app.services.playback.live import LiveTv, channel_of, window_s
from app.services.playback.session import PlaybackService, PlayerEvent
from app.ui.viewmodels.operations import Operations

if TYPE_CHECKING:
    from app.ui.pages.player_page import PlayerPage

STEP_S = 10
BIG_STEP_S = 60
PAUSE_TIMESHIFT_S = 3  # a shorter pause just resumes the live stream


def _hhmm(ts: int) -> str:
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(ts), "HH:mm")


class LiveControls(QObject):
    def __init__(self, page: PlayerPage, playback: PlaybackService, context: AppContext) -> None:
        super().__init__(page)
        self._page = page
        self._pb = playback
        self._s = context
        self.live = LiveTv(context)
        self.ops = Operations(self, "live")
        self.channel: TvChannel | None = None
        self.behind_s = 0  # 0: live; else how far behind live (timeshift)
        self._paused_at: float | None = None
        self._switching = False

        self.badge = QLabel()
        self.badge.setObjectName("LiveBadge")
        self.badge.setStyleSheet(
            "QLabel#LiveBadge { background: #e0281e; color: white; border-radius: 4px; padding: 3px 8px;"
            " font-weight: 700; font-size: 12px; }"
        )
        self.go_live = QPushButton(self.tr("Go live"))
        self.go_live.setToolTip(self.tr("Back to the live broadcast (End)"))
        self.go_live.clicked.connect(self.go_live_now)
        self.now_next = QLabel()
        self.now_next.setObjectName("PlayerSource")
        top = page.top_panel
        row = top.layout()
        assert row is not None
        row.insertWidget(row.count() - 1, self.badge)  # type: ignore[attr-defined]
        row.insertWidget(row.count() - 1, self.go_live)  # type: ignore[attr-defined]
        text = next((item.layout() for item in _items(row) if isinstance(item.layout(), QVBoxLayout)), None)
        if text is not None:
            text.addWidget(self.now_next)
        for w in (self.badge, self.go_live, self.now_next):
            w.hide()
        page.installEventFilter(self)
        self._unlisten = playback.add_listener(self._on_event)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._update)
        self.ops.run("channels", self.live.load)

    # -- state ----------------------------------------------------------------------------------
    def on_tv(self) -> bool:
        return self.channel is not None and channel_of(self._pb.current) is not None

    def _on_event(self, event: PlayerEvent, _value: object) -> None:
        if event is PlayerEvent.SOURCE:
            channel_id = channel_of(self._pb.current)
            if channel_id is None:
                self.channel = None
                self._update()
                return
            if self.channel is None or self.channel.id != channel_id:
                found = self.live.channel(channel_id) if self.live.channels else None
                if found is not None:
                    self._set_channel(found)
                else:
                    self.ops.run(
                        ("channel", channel_id), lambda: self.live.channel(channel_id), self._set_channel
                    )
            current = self._pb.current
            if current is not None and current.live and not self._switching:
                self.behind_s = 0
            self._switching = False
            self._update()
        elif event is PlayerEvent.STOPPED and self._pb.request is None:
            self.channel = None
            self._update()

    def _set_channel(self, channel: TvChannel | None) -> None:
        self.channel = channel
        if channel is not None:
            self.ops.run(("now-next", channel.id), lambda: self.live.now_next(channel), self._show_now_next)
        self._update()

    def _show_now_next(self, found: NowNext) -> None:
        if self.channel is None or found.channel.id != self.channel.id:
            return
        parts = []
        if found.now is not None:
            now = found.now
            parts.append(
                self.tr("Now: %1").replace("%1", f"{_hhmm(now.start)}–{_hhmm(now.stop)} {now.title}")
            )
        if found.next is not None:
            parts.append(self.tr("Next: %1").replace("%1", f"{_hhmm(found.next.start)} {found.next.title}"))
        self.now_next.setText("    ".join(parts))
        self._page.poke()  # a zap shows the panels (now/next) for a few seconds

    def _update(self) -> None:
        on_tv = self.on_tv()
        for w in (self.badge, self.now_next):
            w.setVisible(on_tv)
        if not on_tv:
            self.go_live.hide()
            self._timer.stop()
            return
        self._timer.start()
        if self.behind_s > 0:
            behind = self.behind_s + (int(time.monotonic() - self._paused_at) if self._paused_at else 0)
            minutes, seconds = divmod(behind, 60)
            self.badge.setText(self.tr("TIMESHIFT −%1").replace("%1", f"{minutes}:{seconds:02d}"))
            self.badge.setStyleSheet(self.badge.styleSheet().replace("#e0281e", "#6b6f7a"))
        elif self._pb.current is not None and not self._pb.current.live:
            self.badge.setText(self.tr("ARCHIVE"))  # an airing from the archive (from its start)
            self.badge.setStyleSheet(self.badge.styleSheet().replace("#e0281e", "#6b6f7a"))
        else:
            self.badge.setText(self.tr("● LIVE"))
            self.badge.setStyleSheet(self.badge.styleSheet().replace("#6b6f7a", "#e0281e"))
        self.go_live.setVisible(self.behind_s > 0 or self._paused_at is not None)

    # -- commands -------------------------------------------------------------------------------
    def zap(self, delta: int) -> None:
        """Channel up (-1) or down (+1): the next channel live, in the same player."""
        if self.channel is None:
            return
        target = self.live.neighbour(self.channel.id, delta)
        if target is None:
            return
        from app.services.playback.live import live_playables

        playables = live_playables(target)
        if not playables:
            return
        self.channel, self.behind_s, self._paused_at = target, 0, None
        self.now_next.setText("")
        self._page.play_sources(playables)
        self._set_channel(target)

    def go_live_now(self) -> None:
        if self.channel is None:
            return
        from app.services.playback.live import live_playables

        self.behind_s, self._paused_at = 0, None
        self._page.play_sources(live_playables(self.channel))
        self._update()

    def shift(self, delta_s: int) -> bool:
        """Move ``delta_s`` back (positive) or forward; False when the channel has no archive."""
        channel = self.channel
        if channel is None:
            return False
        window = window_s(self._s, channel)
        if window <= 0:
            self._message(self.tr("This channel keeps no archive: only live"))
            return False
        target = max(0, min(window - 60, self.behind_s + delta_s))
        if target <= 0:
            if self.behind_s > 0:
                self.go_live_now()
            return True
        playables = self.live.timeshift(channel, target)
        if not playables:
            self._message(self.tr("The archive of this channel cannot be opened"))
            return False
        self.behind_s, self._paused_at = target, None
        self._switching = True
        self._page.play_sources(playables)
        self._update()
        return True

    def toggle_pause(self) -> bool:
        """Pause live; playing on after more than a few seconds continues from the pause
        (from the archive). False: let the page do its own pause (no archive here)."""
        if self.channel is None or window_s(self._s, self.channel) <= 0:
            return False
        if self._paused_at is None:
            self._pb.pause()
            self._paused_at = time.monotonic()
            self._update()
            return True
        paused = int(time.monotonic() - self._paused_at)
        self._paused_at = None
        if paused < PAUSE_TIMESHIFT_S:
            self._pb.resume()
            self._update()
            return True
        return self.shift(paused)

    def _message(self, text: str) -> None:
        show = getattr(self._page, "_show_message", None)
        if show is not None:
            show(text, seconds=3)

    # -- keys -----------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not self.on_tv():
            return False
        assert isinstance(event, QKeyEvent)
        return self.handle_key(event)

    def handle_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        mods = event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        step = BIG_STEP_S if mods & Qt.KeyboardModifier.ShiftModifier else STEP_S
        if key == Qt.Key.Key_PageUp or (ctrl and key == Qt.Key.Key_Up):
            self.zap(-1)
        elif key == Qt.Key.Key_PageDown or (ctrl and key == Qt.Key.Key_Down):
            self.zap(1)
        elif key == Qt.Key.Key_Left:
            self.shift(step)
        elif key == Qt.Key.Key_Right:
            if self.behind_s <= 0:
                return True  # nothing ahead of live
            self.shift(-step)
        elif key == Qt.Key.Key_End:
            self.go_live_now()
        elif key == Qt.Key.Key_Space:
            if not self.toggle_pause():
                return False
        else:
            return False
        self._page.poke()
        return True


def _items(layout: Any) -> list[Any]:
    return [layout.itemAt(i) for i in range(layout.count())]


def attach(page: PlayerPage, playback: PlaybackService, context: AppContext) -> LiveControls:
    controls = LiveControls(page, playback, context)
    page.live_controls = controls  # type: ignore[attr-defined]
    return controls
