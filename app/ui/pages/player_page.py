"""The player page: video in a native window, a control bar, keys as in VLC/mpv."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from app.domain.models import MediaRequest
from app.services.playback import PlaybackService, PlaybackState, PlayerEvent
from app.ui.icons import icon
from app.ui.pages.title_page import format_clock
from app.ui.widgets.video_surface import VideoSurface


class PlayerPage(QWidget):
    """Signals: backRequested(), fullscreenToggled()."""

    backRequested = Signal()
    fullscreenToggled = Signal()

    def __init__(self, playback: PlaybackService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Page")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._playback = playback
        self._dragging = False
        playback.add_listener(self._on_player_event)

        self.video = VideoSurface(self)
        self.video.doubleClicked.connect(self.fullscreenToggled)
        self.title = QLabel()
        self.title.setObjectName("PlayerTitle")
        self.message = QLabel(self.video)
        self.message.setObjectName("PlayerMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.hide()

        self.back_button = QPushButton()
        self.back_button.setIcon(icon("back"))
        self.back_button.setObjectName("Icon")
        self.back_button.setToolTip(self.tr("Back (Esc)"))
        self.back_button.clicked.connect(self.backRequested)
        self.play_button = QPushButton()
        self.play_button.setIcon(icon("pause"))
        self.play_button.setObjectName("Icon")
        self.play_button.setToolTip(self.tr("Play / pause (Space)"))
        self.play_button.clicked.connect(self._playback.toggle_pause)
        self.seek = QSlider(Qt.Orientation.Horizontal)
        self.seek.setRange(0, 0)
        self.seek.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.seek.sliderPressed.connect(self._seek_pressed)
        self.seek.sliderReleased.connect(self._seek_released)
        self.time = QLabel("00:00 / 00:00")
        self.time.setObjectName("PlayerTime")
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(100)
        self.volume.setFixedWidth(110)
        self.volume.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.volume.setToolTip(self.tr("Volume (↑/↓)"))
        self.volume.valueChanged.connect(self._playback.set_volume)
        self.fullscreen_button = QPushButton()
        self.fullscreen_button.setIcon(icon("fullscreen"))
        self.fullscreen_button.setObjectName("Icon")
        self.fullscreen_button.setToolTip(self.tr("Fullscreen (F)"))
        self.fullscreen_button.clicked.connect(self.fullscreenToggled)
        for button in (self.back_button, self.play_button, self.fullscreen_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setIconSize(QSize(22, 22))

        bar = QWidget()
        bar.setObjectName("PlayerBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(14, 8, 14, 10)
        row.setSpacing(10)
        row.addWidget(self.back_button)
        row.addWidget(self.play_button)
        row.addWidget(self.time)
        row.addWidget(self.seek, 1)
        volume_icon = QLabel()
        volume_icon.setPixmap(icon("volume").pixmap(20, 20))
        row.addWidget(volume_icon)
        row.addWidget(self.volume)
        row.addWidget(self.fullscreen_button)
        top = QWidget()
        top.setObjectName("PlayerBar")
        top_row = QHBoxLayout(top)
        top_row.setContentsMargins(18, 8, 18, 8)
        top_row.addWidget(self.title)
        self.top_bar = top
        self.bar = bar

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(top)
        layout.addWidget(self.video, 1)
        layout.addWidget(bar)

        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._tick)

    # -- commands from the window ---------------------------------------------------------
    def play(self, request: MediaRequest) -> None:
        self.title.setText(request.label)
        self.message.hide()
        self.seek.setRange(0, 0)
        self.time.setText(f"{format_clock(request.start_ms)} / --:--")
        self._playback.start(request, self.video.window_handle())
        self._playback.set_volume(self.volume.value())
        self._timer.start()
        self.setFocus()

    def stop(self) -> None:
        self._timer.stop()
        self._playback.stop()

    def set_fullscreen_chrome(self, fullscreen: bool) -> None:
        self.top_bar.setVisible(not fullscreen)

    # -- updates ---------------------------------------------------------------------------
    def _tick(self) -> None:
        position = self._playback.position_ms()
        length = self._playback.length_ms()
        if length > 0 and self.seek.maximum() != length:
            self.seek.setRange(0, length)
        if not self._dragging:
            self.seek.setValue(position)
        self.time.setText(f"{format_clock(position)} / {format_clock(length) if length else '--:--'}")
        playing = self._playback.state == PlaybackState.PLAYING
        self.play_button.setIcon(icon("pause" if playing else "play"))

    def _on_player_event(self, event: PlayerEvent, _value: object) -> None:
        if event is PlayerEvent.ERROR:
            self._show_message(
                self.tr("Cannot play this source: %1").replace("%1", self._playback.error or "")
            )
        elif event is PlayerEvent.ENDED:
            self._show_message(self.tr("The end"))
        elif event in (PlayerEvent.PLAYING, PlayerEvent.VIDEO_STARTED):
            self.message.hide()
        self._tick()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.adjustSize()
        self.message.move(
            (self.video.width() - self.message.width()) // 2,
            (self.video.height() - self.message.height()) // 2,
        )
        self.message.show()
        self.message.raise_()

    def _seek_pressed(self) -> None:
        self._dragging = True

    def _seek_released(self) -> None:
        self._dragging = False
        self._playback.seek(self.seek.value())

    def seek_by(self, delta_ms: int) -> None:
        self._playback.seek(self._playback.position_ms() + delta_ms)
        self._tick()

    # -- keys as in VLC / mpv --------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Space:
            self._playback.toggle_pause()
        elif key == Qt.Key.Key_Right:
            self.seek_by(60_000 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 10_000)
        elif key == Qt.Key.Key_Left:
            self.seek_by(-60_000 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else -10_000)
        elif key == Qt.Key.Key_Up:
            self.volume.setValue(min(100, self.volume.value() + 5))
        elif key == Qt.Key.Key_Down:
            self.volume.setValue(max(0, self.volume.value() - 5))
        elif key == Qt.Key.Key_F:
            self.fullscreenToggled.emit()
        elif key in (Qt.Key.Key_Escape, Qt.Key.Key_Backspace):
            self.backRequested.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:
        step = 5 if event.angleDelta().y() > 0 else -5
        self.volume.setValue(max(0, min(100, self.volume.value() + step)))
        event.accept()
