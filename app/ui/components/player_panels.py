"""The player's two overlay panels: the top bar (back, title, source, torrent stats) and the
control bar (seek, time, transport, volume, menus). Strings keep the PlayerPage context.

Signals of ControlPanel: jumpRequested(int ms), muteClicked(), snapshotClicked(),
fullscreenClicked(), menuClosed().
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QSlider, QVBoxLayout, QWidget

from app.services.playback.session import PlaybackService
from app.ui.components.player_menus import (
    fill_audio,
    fill_picture,
    fill_quality,
    fill_speed,
    fill_subtitles,
    make_menu,
)
from app.ui.icons import icon
from app.ui.widgets.player_overlay import FloatingPanel
from app.ui.widgets.player_seekbar import SeekBar


def button(parent: QWidget, tooltip: str, icon_name: str | None = None, text: str = "") -> QPushButton:
    result = QPushButton(text, parent)
    if icon_name:
        result.setIcon(icon(icon_name))
        result.setIconSize(QSize(22, 22))
    result.setToolTip(tooltip)
    result.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    result.setCursor(Qt.CursorShape.PointingHandCursor)
    return result


class TopPanel(FloatingPanel):
    def __init__(self, anchor: QWidget, parent: QWidget) -> None:
        super().__init__(anchor, "top", parent)
        self.back_button = button(self, QCoreApplication.translate("PlayerPage", "Back (Esc)"), "back")
        self.title = QLabel(self)
        self.title.setObjectName("PlayerTitle")
        self.source_label = QLabel(self)
        self.source_label.setObjectName("PlayerSource")
        self.stats = QLabel(self)
        self.stats.setObjectName("PlayerStats")
        self.stats.hide()
        text = QVBoxLayout()
        text.setSpacing(1)
        text.addWidget(self.title)
        text.addWidget(self.source_label)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 18, 8)
        row.setSpacing(10)
        row.addWidget(self.back_button)
        row.addLayout(text, 1)
        row.addWidget(self.stats)


class ControlPanel(FloatingPanel):
    jumpRequested = Signal(int)
    muteClicked = Signal()
    snapshotClicked = Signal()
    fullscreenClicked = Signal()
    menuClosed = Signal()

    def __init__(
        self, anchor: QWidget, parent: QWidget, playback: PlaybackService, choose_subtitle: Callable[[], None]
    ) -> None:
        super().__init__(anchor, "bottom", parent)
        self.seek = SeekBar(self)
        self.time = QLabel("00:00 / 00:00", self)
        self.time.setObjectName("PlayerTime")
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.seek, 1)
        top.addWidget(self.time)

        self.play_button = button(
            self, QCoreApplication.translate("PlayerPage", "Play / pause (Space)"), "pause"
        )
        self.play_button.clicked.connect(playback.toggle_pause)
        jumps = []
        for seconds, key in ((-60, "Shift+←"), (-10, "←"), (10, "→"), (60, "Shift+→")):
            tip = (
                QCoreApplication.translate("PlayerPage", "Jump %1 s (%2)")
                .replace("%1", f"{seconds:+d}")
                .replace("%2", key)
            )
            jump = button(self, tip, text=f"{seconds:+d}".replace("-", "−"))
            jump.clicked.connect(lambda _=False, s=seconds: self.jumpRequested.emit(s * 1000))
            jumps.append(jump)
        self.mute_button = button(self, QCoreApplication.translate("PlayerPage", "Mute (M)"), "volume")
        self.mute_button.clicked.connect(self.muteClicked)
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setRange(0, 150)  # libvlc amplifies above 100 %, as VLC's own slider does
        self.volume.setValue(100)
        self.volume.setFixedWidth(100)
        self.volume.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.volume.setToolTip(QCoreApplication.translate("PlayerPage", "Volume (↑/↓, wheel)"))
        self.volume.setStyleSheet(self.seek.styleSheet())
        self.volume.valueChanged.connect(playback.set_volume)

        self.speed_button = button(
            self, QCoreApplication.translate("PlayerPage", "Speed ([ and ])"), text="1×"
        )
        self.quality_button = button(
            self,
            QCoreApplication.translate("PlayerPage", "Quality"),
            text=QCoreApplication.translate("PlayerPage", "Auto"),
        )
        self.audio_button = button(
            self, QCoreApplication.translate("PlayerPage", "Audio track and delay"), "audio"
        )
        self.subtitle_button = button(
            self, QCoreApplication.translate("PlayerPage", "Subtitles (drop a file here too)"), "subtitles"
        )
        self.picture_button = button(
            self, QCoreApplication.translate("PlayerPage", "Picture, aspect and crop"), "picture"
        )
        self.menus: dict[str, QMenu] = {}
        fills: list[tuple[str, QPushButton, Callable[[QMenu], None]]] = [
            ("speed", self.speed_button, lambda m: fill_speed(m, playback)),
            ("quality", self.quality_button, lambda m: fill_quality(m, playback)),
            ("audio", self.audio_button, lambda m: fill_audio(m, playback)),
            (
                "subtitles",
                self.subtitle_button,
                lambda m: fill_subtitles(
                    m, playback, choose_subtitle, getattr(parent, "search_subtitles", None)
                ),
            ),
            ("picture", self.picture_button, lambda m: fill_picture(m, playback)),
        ]
        for name, owner, fill in fills:
            menu = make_menu(self)
            menu.aboutToShow.connect(lambda m=menu, f=fill: f(m))
            menu.aboutToHide.connect(self.menuClosed)
            owner.setMenu(menu)
            self.menus[name] = menu
        self.snapshot_button = button(
            self, QCoreApplication.translate("PlayerPage", "Screenshot (S)"), "camera"
        )
        self.snapshot_button.clicked.connect(self.snapshotClicked)
        self.fullscreen_button = button(
            self, QCoreApplication.translate("PlayerPage", "Fullscreen (F, double-click)"), "fullscreen"
        )
        self.fullscreen_button.clicked.connect(self.fullscreenClicked)

        controls = QHBoxLayout()
        controls.setSpacing(4)
        controls.addWidget(self.play_button)
        for jump in jumps:
            controls.addWidget(jump)
        controls.addSpacing(8)
        controls.addWidget(self.mute_button)
        controls.addWidget(self.volume)
        controls.addStretch(1)
        for widget in (
            self.speed_button,
            self.quality_button,
            self.audio_button,
            self.subtitle_button,
            self.picture_button,
            self.snapshot_button,
            self.fullscreen_button,
        ):
            controls.addWidget(widget)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 6, 16, 8)
        column.setSpacing(2)
        column.addLayout(top)
        column.addLayout(controls)

    def menu_open(self) -> bool:
        return any(m.isVisible() for m in self.menus.values())
