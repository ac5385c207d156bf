"""The player page: video in a native window, auto-hiding overlay controls, keys as in VLC/mpv."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QHideEvent, QKeyEvent, QShowEvent, QWheelEvent
from PySide6.QtWidgets import QFileDialog, QLabel, QVBoxLayout, QWidget

from app.domain.locations import location_kind
from app.domain.models import MediaRequest
from app.services.playback.failures import Cause, FailureReason, PlaybackFailure
from app.services.playback.session import Playable, PlaybackService, PlaybackState, PlayerEvent
from app.ui.components.player_panels import ControlPanel, TopPanel
from app.ui.icons import icon
from app.ui.localized import way_label
from app.ui.pages.title_page import format_clock
from app.ui.viewmodels.operations import Operations
from app.ui.widgets.player_overlay import FloatingPanel
from app.ui.widgets.video_surface import VideoSurface

SUBTITLE_SUFFIXES = (".srt", ".ass", ".ssa", ".vtt", ".sub", ".smi")
HIDE_AFTER_MS = 3000
# the panels (tool windows of their own) show a frame after the page: the page's switch and their
# showing are two short turns of the loop, not one long one
PANELS_AFTER_MS = 16


def _rate_text(bytes_per_s: int) -> str:
    return f"{bytes_per_s / 1e6:.1f} MB/s" if bytes_per_s >= 1e5 else f"{bytes_per_s / 1e3:.0f} kB/s"


class PlayerPage(QWidget):
    """Signals: backRequested(), fullscreenToggled()."""

    backRequested = Signal()
    fullscreenToggled = Signal()

    def __init__(self, playback: PlaybackService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Page")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self._playback = playback
        self._dragging = False
        self._message_until = 0.0
        self.ops = Operations(self, "player")
        playback.add_listener(self._on_player_event)

        self.video = VideoSurface(self)
        self.video.doubleClicked.connect(self.fullscreenToggled)
        self.video.mouseMoved.connect(self.poke)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.video, 1)

        self.top_panel = top = TopPanel(self.video, self)
        self.bottom_panel = bar = ControlPanel(self.video, self, playback, self.choose_subtitle)
        self.message_panel = FloatingPanel(self.video, "center", self)
        for panel in (top, bar, self.message_panel):
            panel.keyPressed.connect(self.keyPressEvent)
            panel.hovered.connect(self.poke)
        # the page's own names for the panels' widgets (tests and the window use them)
        self.back_button, self.title, self.source_label, self.stats = (
            top.back_button, top.title, top.source_label, top.stats,
        )  # fmt: skip
        self.seek, self.time, self.volume, self.menus = bar.seek, bar.time, bar.volume, bar.menus
        self.play_button, self.mute_button, self.speed_button = (
            bar.play_button,
            bar.mute_button,
            bar.speed_button,
        )
        self.quality_button, self.audio_button = bar.quality_button, bar.audio_button
        self.subtitle_button, self.picture_button = bar.subtitle_button, bar.picture_button
        top.back_button.clicked.connect(self.backRequested)
        bar.seek.sliderPressed.connect(self._seek_pressed)
        bar.seek.sliderReleased.connect(self._seek_released)
        bar.jumpRequested.connect(self.seek_by)
        bar.muteClicked.connect(self.toggle_mute)
        bar.snapshotClicked.connect(self.take_snapshot)
        bar.fullscreenClicked.connect(self.fullscreenToggled)
        bar.menuClosed.connect(self.poke)
        self.message = QLabel(self.message_panel)
        self.message.setObjectName("PlayerMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        message_layout = QVBoxLayout(self.message_panel)
        message_layout.setContentsMargins(0, 0, 0, 0)
        message_layout.addWidget(self.message)

        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._tick)
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.setInterval(HIDE_AFTER_MS)
        self._hide_timer.timeout.connect(self._auto_hide)
        self._panels_timer = QTimer(self)  # showEvent: the panels a frame after the page
        self._panels_timer.setSingleShot(True)
        self._panels_timer.setInterval(PANELS_AFTER_MS)
        self._panels_timer.timeout.connect(self.poke)

    # -- commands from the window ---------------------------------------------------------
    def play(self, request: MediaRequest) -> None:
        """Play one file or URL (no failover)."""
        self.play_sources(
            [Playable(kind=location_kind(request.location), request=request, label=request.label)]
        )

    def play_sources(self, playables: list[Playable]) -> None:
        """Play the first of ``playables``; the rest are the failover order."""
        self.show_opening(playables[0])
        self.start(playables)

    def show_opening(self, first: Playable) -> None:
        """The page as it opens ``first``: its title and "Opening…"."""
        self.title.setText(first.request.label)
        self.source_label.setText(way_label(first.label) if first.label != first.request.label else "")
        self.seek.setRange(0, 0)
        self.seek.set_buffered([])
        self.time.setText(f"{format_clock(first.request.start_ms)} / --:--")
        self.stats.hide()
        self._show_message(self.tr("Opening…"), seconds=0)

    def start(self, playables: list[Playable]) -> None:
        """Start the player (``show_opening`` has drawn the page)."""
        self._playback.play(playables, self.video.window_handle())
        self._playback.set_volume(self.volume.value())
        self._timer.start()
        self.poke()
        self.setFocus()

    def stop(self) -> None:
        self._timer.stop()
        self._playback.stop()
        self._hide_panels()

    def set_fullscreen_chrome(self, fullscreen: bool) -> None:
        self.poke()

    # -- overlay visibility -------------------------------------------------------------------
    def poke(self) -> None:
        """Show the controls; they hide again after a few idle seconds while playing."""
        if not self.isVisible():
            return
        self.video.unsetCursor()
        self.top_panel.reveal()
        self.bottom_panel.reveal()
        if self.message_panel.wanted:
            self.message_panel.reveal()
        self._hide_timer.start()

    def controls_visible(self) -> bool:
        return self.bottom_panel.isVisible()

    def _auto_hide(self) -> None:
        menu_open = self.bottom_panel.menu_open()
        over = self.top_panel.underMouse() or self.bottom_panel.underMouse()
        if self._playback.state != PlaybackState.PLAYING or menu_open or over or self._dragging:
            self._hide_timer.start()
            return
        self.top_panel.hide()
        self.bottom_panel.hide()
        self.video.setCursor(Qt.CursorShape.BlankCursor)

    def _hide_panels(self) -> None:
        for panel in (self.top_panel, self.bottom_panel, self.message_panel):
            panel.hide()
        self._hide_timer.stop()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        for panel in (self.top_panel, self.bottom_panel, self.message_panel):
            panel.track(self.window())
        self._panels_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self._hide_panels()
        super().hideEvent(event)

    # -- updates ---------------------------------------------------------------------------
    def _tick(self) -> None:
        pb = self._playback
        position = pb.position_ms()
        length = pb.length_ms()
        if length > 0 and self.seek.maximum() != length:
            self.seek.setRange(0, length)
        if not self._dragging:
            self.seek.setValue(position)
        if length:
            self.time.setText(
                f"{format_clock(position)} / {format_clock(length)}  −{format_clock(length - position)}"
            )
        else:
            self.time.setText(f"{format_clock(position)} / --:--")
        playing = pb.state == PlaybackState.PLAYING
        self.play_button.setIcon(icon("pause" if playing else "play"))
        self.speed_button.setText(f"{pb.rate():g}×")
        self.quality_button.setText(pb.quality.label.split(" ·")[0] if pb.quality else self.tr("Auto"))
        self.quality_button.setVisible(bool(pb.variants))
        self._update_torrent()
        if self.message_panel.wanted and self._message_until and time.monotonic() > self._message_until:
            self._hide_message()

    def _update_torrent(self) -> None:
        status = self._playback.torrent_status()
        if status is None:
            self.stats.hide()
            return
        stats, size = status
        if size > 0:
            self.seek.set_buffered([(a / size, b / size) for a, b in stats.buffered])
        eta = "" if stats.eta_playable_s in (None, 0) else f" · ETA {stats.eta_playable_s:.0f} s"
        self.stats.setText(
            self.tr("Peers %1 · %2 · %3 % loaded")
            .replace("%1", str(stats.peers))
            .replace("%2", _rate_text(stats.download_rate))
            .replace("%3", f"{stats.progress * 100:.0f}")
            + eta
        )
        self.stats.show()

    def _on_player_event(self, event: PlayerEvent, value: object) -> None:
        failure = value if isinstance(value, PlaybackFailure) else self._playback.failure
        if event is PlayerEvent.ERROR and failure is not None:
            reason = self.reason_text(failure.cause)
            detail = f"{way_label(failure.source)}: {reason}" if failure.source else reason
            self._show_message(self.tr("Cannot play this source: %1").replace("%1", detail))
        elif event is PlayerEvent.FAILOVER and failure is not None:
            text = self.tr("%1: %2.\nSwitching to %3…")
            self._show_message(
                text.replace("%1", way_label(failure.source))
                .replace("%2", self.reason_text(failure.cause))
                .replace("%3", way_label(failure.next_source or "")),
                seconds=6,
            )
        elif event is PlayerEvent.SOURCE:
            current = self._playback.current
            if current is not None and current.label != current.request.label:
                self.source_label.setText(way_label(current.label))
        elif event is PlayerEvent.ENDED:
            self._show_message(self.tr("The end"))
        elif (
            event in (PlayerEvent.PLAYING, PlayerEvent.VIDEO_STARTED)
            and self._playback.state != PlaybackState.ENDED  # libvlc's late Vout after the end
            and (not self._message_until or time.monotonic() > self._message_until)
        ):
            self._hide_message()
        self._tick()

    def reason_text(self, cause: Cause) -> str:
        """Why a source failed, in the UI language (another component's own words as they are)."""
        seconds = f"{cause.seconds or 0:g}"
        texts = {
            FailureReason.NO_PICTURE: self.tr("no picture after %1 s").replace("%1", seconds),
            FailureReason.STALLED: self.tr("the stream stalled for %1 s").replace("%1", seconds),
            FailureReason.CANNOT_PLAY: self.tr("cannot be played"),
            FailureReason.NOT_OPENED: self.tr("could not be opened"),
            FailureReason.LIVE_ENDED: self.tr("the live stream ended"),
            # "0:05:00 / 2:00:00": where a stream broke off, far before its end (issue 19 item 1)
            FailureReason.ENDED_EARLY: self.tr("the stream broke off at %1").replace("%1", cause.detail),
            FailureReason.NO_EPISODE_FILE: self.tr("the torrent has no file of %1").replace(
                "%1", cause.detail
            ),
        }
        return texts.get(cause.reason) or cause.detail or self.tr("cannot be played")

    def _show_message(self, text: str, seconds: float = 0) -> None:
        """A message over the video; ``seconds`` > 0 hides it after that long."""
        self.message.setText(text)
        self._message_until = time.monotonic() + seconds if seconds else 0.0
        self.message_panel.wanted = True
        self.message_panel.adjustSize()
        if self.isVisible():
            self.message_panel.reveal()

    def _hide_message(self) -> None:
        self.message_panel.wanted = False
        self._message_until = 0.0
        self.message_panel.hide()

    def _seek_pressed(self) -> None:
        self._dragging = True

    def _seek_released(self) -> None:
        self._dragging = False
        self._playback.seek(self.seek.value())

    def seek_by(self, delta_ms: int) -> None:
        self._playback.seek(self._playback.position_ms() + delta_ms)
        self._tick()

    def toggle_mute(self) -> None:
        muted = not self._playback.is_muted()
        self._playback.set_muted(muted)
        self.mute_button.setIcon(icon("mute" if muted else "volume"))

    def change_volume(self, step: int) -> None:
        self.volume.setValue(max(0, min(self.volume.maximum(), self.volume.value() + step)))
        self._show_message(self.tr("Volume %1 %").replace("%1", str(self.volume.value())), seconds=1)

    # -- subtitles and snapshots ------------------------------------------------------------
    def choose_subtitle(self) -> None:
        dialog = QFileDialog(self, self.tr("Load subtitles"))
        dialog.setNameFilter(
            self.tr("Subtitles (%1)").replace("%1", " ".join(f"*{s}" for s in SUBTITLE_SUFFIXES))
        )
        dialog.fileSelected.connect(self.load_subtitle)
        dialog.open()  # never exec() a modal dialog under the asyncio loop

    def search_subtitles(self) -> None:
        """Find subtitles online for what plays (the subtitle menu's "Find subtitles online…")."""
        from app.ui.components.subtitle_search import open_search

        self.subtitle_search = open_search(self, self._playback)

    def load_subtitle(self, path: str) -> bool:
        ok = self._playback.add_subtitle(path)
        name = Path(path).name
        text = self.tr("Subtitles loaded: %1") if ok else self.tr("Cannot load subtitles: %1")
        self._show_message(text.replace("%1", name), seconds=3)
        return ok

    def take_snapshot(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        target = Path(folder or Path.home()) / f"cinema-{time.strftime('%Y%m%d-%H%M%S')}.png"
        target.parent.mkdir(parents=True, exist_ok=True)

        def said(ok: bool) -> None:
            text = self.tr("Screenshot saved: %1") if ok else self.tr("No picture to save")
            self._show_message(text.replace("%1", str(target)), seconds=3)

        self.ops.run_async("snapshot", lambda: self._playback.snapshot(str(target)), said)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if any(u.isLocalFile() and u.toLocalFile().lower().endswith(SUBTITLE_SUFFIXES) for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile() and url.toLocalFile().lower().endswith(SUBTITLE_SUFFIXES):
                self.load_subtitle(url.toLocalFile())
                event.acceptProposedAction()
                return

    # -- keys as in VLC / mpv --------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        pb = self._playback
        if key == Qt.Key.Key_Space:
            pb.toggle_pause()
        elif key == Qt.Key.Key_Right:
            self.seek_by(60_000 if shift else 10_000)
        elif key == Qt.Key.Key_Left:
            self.seek_by(-60_000 if shift else -10_000)
        elif key == Qt.Key.Key_Up:
            self.change_volume(5)
        elif key == Qt.Key.Key_Down:
            self.change_volume(-5)
        elif key == Qt.Key.Key_F:
            self.fullscreenToggled.emit()
        elif key == Qt.Key.Key_M:
            self.toggle_mute()
        elif key in (Qt.Key.Key_BracketLeft, Qt.Key.Key_BracketRight):
            rate = pb.step_rate(1 if key == Qt.Key.Key_BracketRight else -1)
            self._show_message(self.tr("Speed %1×").replace("%1", f"{rate:g}"), seconds=1)
        elif key in (Qt.Key.Key_G, Qt.Key.Key_H):  # VLC: subtitle delay −/+ 50 ms
            pb.set_subtitle_delay(pb.subtitle_delay() + (50 if key == Qt.Key.Key_H else -50))
            self._show_message(
                self.tr("Subtitle delay %1 ms").replace("%1", str(pb.subtitle_delay())), seconds=1
            )
        elif key in (Qt.Key.Key_J, Qt.Key.Key_K):  # VLC: audio delay −/+ 50 ms
            pb.set_audio_delay(pb.audio_delay() + (50 if key == Qt.Key.Key_K else -50))
            self._show_message(self.tr("Audio delay %1 ms").replace("%1", str(pb.audio_delay())), seconds=1)
        elif key == Qt.Key.Key_S:
            self.take_snapshot()
        elif key in (Qt.Key.Key_Escape, Qt.Key.Key_Backspace):
            self.backRequested.emit()
        else:
            super().keyPressEvent(event)
            return
        self.poke()
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.change_volume(5 if event.angleDelta().y() > 0 else -5)
        event.accept()
