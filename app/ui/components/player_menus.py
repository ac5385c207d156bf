"""The player's pop-up menus: speed, quality, audio and subtitle tracks with delays, picture.

Each menu is rebuilt from the playback service when it opens, so it always shows what libvlc
reports now (tracks appear while a stream opens).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSlider,
    QSpinBox,
    QWidget,
    QWidgetAction,
)

from app.services.playback.controls import ADJUST_DEFAULTS, SPEEDS
from app.services.playback.session import PlaybackService
from app.ui.menu_style import MENU_STYLE as BASE_MENU_STYLE

MENU_STYLE = (
    BASE_MENU_STYLE
    + """
QMenu QLabel { color: #cfd3da; background: transparent; }
QSpinBox { background: #0f1015; color: #ffffff; border: 1px solid #2c303b; padding: 3px 6px;
           min-width: 90px; }
QSlider::groove:horizontal { height: 4px; background: rgba(255,255,255,50); border-radius: 2px; }
QSlider::sub-page:horizontal { background: #ff5a36; border-radius: 2px; }
QSlider::handle:horizontal { background: #ffffff; width: 12px; height: 12px; margin: -4px 0;
                             border-radius: 6px; }
QPushButton { background: #2a2e39; color: #ffffff; border: none; border-radius: 4px; padding: 5px 12px; }
"""
)

ASPECTS = (None, "16:9", "4:3", "21:9", "2.35:1", "1:1")
CROPS = (None, "16:9", "4:3", "2.35:1")


def make_menu(parent: QWidget) -> QMenu:
    menu = QMenu(parent)
    menu.setStyleSheet(MENU_STYLE)
    return menu


def _choices(
    menu: QMenu, items: Sequence[tuple[str, Any]], current: object, pick: Callable[[Any], None]
) -> None:
    group = QActionGroup(menu)
    for label, value in items:
        action = QAction(label, menu)
        action.setCheckable(True)
        action.setChecked(value == current)
        action.triggered.connect(lambda _=False, v=value: pick(v))
        group.addAction(action)
        menu.addAction(action)


def _delay_row(menu: QMenu, label: str, value: int, apply: Callable[[int], None]) -> QSpinBox:
    box = QWidget()
    grid = QGridLayout(box)
    grid.setContentsMargins(22, 4, 12, 4)
    grid.addWidget(QLabel(label), 0, 0)
    spin = QSpinBox()
    spin.setRange(-60_000, 60_000)
    spin.setSingleStep(50)
    spin.setSuffix(" ms")
    spin.setValue(value)
    spin.valueChanged.connect(apply)
    grid.addWidget(spin, 0, 1)
    action = QWidgetAction(menu)
    action.setDefaultWidget(box)
    menu.addAction(action)
    return spin


def fill_speed(menu: QMenu, playback: PlaybackService) -> None:
    menu.clear()
    rate = round(playback.rate(), 2)
    _choices(menu, [(f"{s:g}×", s) for s in SPEEDS], rate, lambda v: playback.set_rate(float(v)))


def fill_quality(menu: QMenu, playback: PlaybackService) -> None:
    menu.clear()
    items: list[tuple[str, Any]] = [(QCoreApplication.translate("PlayerMenus", "Auto"), None)]
    items += [(v.label, v) for v in playback.variants]
    _choices(menu, items, playback.quality, playback.set_quality)
    if not playback.variants:
        note = menu.addAction(QCoreApplication.translate("PlayerMenus", "This source has one quality"))
        note.setEnabled(False)


def fill_audio(menu: QMenu, playback: PlaybackService) -> None:
    menu.clear()
    tracks = playback.audio_tracks()
    if tracks:
        items = [
            (QCoreApplication.translate("PlayerMenus", "Off") if t.id == -1 else t.name, t.id) for t in tracks
        ]
        _choices(menu, items, playback.audio_track(), lambda v: playback.set_audio_track(int(v)))
    else:
        menu.addAction(QCoreApplication.translate("PlayerMenus", "No audio tracks yet")).setEnabled(False)
    menu.addSeparator()
    _delay_row(
        menu,
        QCoreApplication.translate("PlayerMenus", "Audio delay"),
        playback.audio_delay(),
        playback.set_audio_delay,
    )


def fill_subtitles(
    menu: QMenu,
    playback: PlaybackService,
    load_file: Callable[[], None],
    search_online: Callable[[], None] | None = None,
) -> None:
    menu.clear()
    tracks = playback.subtitle_tracks()
    items = [
        (QCoreApplication.translate("PlayerMenus", "Off") if t.id == -1 else t.name, t.id) for t in tracks
    ] or [(QCoreApplication.translate("PlayerMenus", "Off"), -1)]
    _choices(menu, items, playback.subtitle_track(), lambda v: playback.set_subtitle_track(int(v)))
    menu.addSeparator()
    menu.addAction(QCoreApplication.translate("PlayerMenus", "Load subtitle file…"), load_file)
    if search_online is not None:
        menu.addAction(QCoreApplication.translate("PlayerMenus", "Find subtitles online…"), search_online)
    _delay_row(
        menu,
        QCoreApplication.translate("PlayerMenus", "Subtitle delay"),
        playback.subtitle_delay(),
        playback.set_subtitle_delay,
    )


_ADJUST_RANGES = {
    "brightness": (0.0, 2.0),
    "contrast": (0.0, 2.0),
    "saturation": (0.0, 3.0),
    "hue": (-180.0, 180.0),
    "gamma": (0.01, 3.0),
}


def _adjust_labels() -> dict[str, str]:
    return {
        "brightness": QCoreApplication.translate("PlayerMenus", "Brightness"),
        "contrast": QCoreApplication.translate("PlayerMenus", "Contrast"),
        "saturation": QCoreApplication.translate("PlayerMenus", "Saturation"),
        "hue": QCoreApplication.translate("PlayerMenus", "Hue"),
        "gamma": QCoreApplication.translate("PlayerMenus", "Gamma"),
    }


def fill_picture(menu: QMenu, playback: PlaybackService) -> None:
    menu.clear()
    box = QWidget()
    grid = QGridLayout(box)
    grid.setContentsMargins(16, 6, 16, 6)
    grid.setHorizontalSpacing(12)
    sliders: dict[str, QSlider] = {}
    for row, (name, label) in enumerate(_adjust_labels().items()):
        low, high = _ADJUST_RANGES[name]
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setObjectName(f"adjust-{name}")
        slider.setRange(0, 100)
        slider.setFixedWidth(180)
        current = playback.adjustments.get(name, ADJUST_DEFAULTS[name])
        slider.setValue(round((current - low) / (high - low) * 100))
        slider.valueChanged.connect(
            lambda v, n=name, lo=low, hi=high: playback.set_adjust(n, lo + (hi - lo) * v / 100)
        )
        grid.addWidget(QLabel(label), row, 0)
        grid.addWidget(slider, row, 1)
        sliders[name] = slider
    reset = QPushButton(QCoreApplication.translate("PlayerMenus", "Reset"))

    def do_reset() -> None:
        playback.reset_adjust()
        for n, s in sliders.items():
            lo, hi = _ADJUST_RANGES[n]
            s.blockSignals(True)
            s.setValue(round((ADJUST_DEFAULTS[n] - lo) / (hi - lo) * 100))
            s.blockSignals(False)

    reset.clicked.connect(do_reset)
    grid.addWidget(reset, len(sliders), 1, Qt.AlignmentFlag.AlignRight)
    action = QWidgetAction(menu)
    action.setDefaultWidget(box)
    menu.addAction(action)
    menu.addSeparator()
    aspect = menu.addMenu(QCoreApplication.translate("PlayerMenus", "Aspect ratio"))
    aspect.setStyleSheet(MENU_STYLE)
    _choices(
        aspect,
        [(a or QCoreApplication.translate("PlayerMenus", "Default"), a) for a in ASPECTS],
        playback.aspect,
        playback.set_aspect,
    )
    crop = menu.addMenu(QCoreApplication.translate("PlayerMenus", "Crop"))
    crop.setStyleSheet(MENU_STYLE)
    _choices(
        crop,
        [(c or QCoreApplication.translate("PlayerMenus", "None"), c) for c in CROPS],
        playback.crop,
        playback.set_crop,
    )
