"""The top bar's avatar button look, and its stand-in at the first paint (the profile button
itself comes with the window's parts, after it)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QToolButton, QWidget

from app.domain.profiles import Profile

ICON = 28  # the avatar's size in the bar


def dress(button: QToolButton) -> None:
    """The avatar button's style and sizes (the stand-in and the button share them)."""
    button.setObjectName("ProfileButton")
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setIconSize(QSize(ICON, ICON))
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)


def placeholder(profile: Profile, parent: QWidget) -> QToolButton:
    """The profile's name, and room for its avatar, at the first paint: the ProfileButton made with
    the window's parts takes this place and size (the avatar appears in the room kept for it), so
    nothing in the bar moves. Drawing the avatar itself would load its painting (~2 ms) before the
    first paint. No menu: a click on it before then is the window's to pass on."""
    button = QToolButton(parent)
    dress(button)
    room = QPixmap(ICON * 2, ICON * 2)  # the avatar's pixmaps are drawn at twice the size
    room.setDevicePixelRatio(2.0)
    room.fill(Qt.GlobalColor.transparent)
    button.setIcon(QIcon(room))
    button.setText(profile.name)
    return button
