"""The top bar's avatar button look, and its stand-in drawn at the first paint (the profile button
itself comes with the window's parts, after it)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QToolButton, QWidget

from app.domain.profiles import Profile
from app.ui.widgets.avatar_art import avatar_icon


def dress(button: QToolButton) -> None:
    """The avatar button's style and sizes (the stand-in and the button share them)."""
    button.setObjectName("ProfileButton")
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setIconSize(QSize(28, 28))
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)


def show(button: QToolButton, profile: Profile) -> None:
    button.setIcon(avatar_icon(profile.avatar_color, profile.letter, 28))
    button.setText(profile.name)


def placeholder(profile: Profile, parent: QWidget) -> QToolButton:
    """The avatar and name drawn at the first paint: the ProfileButton made with the window's parts
    takes its place and size, so nothing in the bar moves. It has no menu: a click on it before
    then is the window's to pass on."""
    button = QToolButton(parent)
    dress(button)
    show(button, profile)
    return button
