"""The current profile in the top bar: its avatar and name; a menu to switch, manage profiles
and open the statistics."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from app.domain.profiles import Profile
from app.services.library.profiles import ProfileService
from app.ui.components.profile_slot import ICON, dress
from app.ui.viewmodels.operations import Operations
from app.ui.widgets.avatar import avatar_icon


class ProfileButton(QToolButton):
    """Signals: switchRequested(int profile_id), pageRequested(str page) (history, playlists,
    stats, profiles)."""

    switchRequested = Signal(int)
    pageRequested = Signal(str)

    def __init__(self, profiles: ProfileService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profiles = profiles
        self.ops = Operations(self, "profile-button")
        self.menu_ = QMenu(self)
        self.menu_.setObjectName("ProfileMenu")
        dress(self)
        self.setMenu(self.menu_)
        self.menu_.aboutToShow.connect(self._fill)
        self.show_profile(profiles.current)

    def show_profile(self, profile: Profile) -> None:
        self.setIcon(avatar_icon(profile.avatar_color, profile.letter, ICON))
        self.setText(profile.name)
        self.setToolTip(self.tr("Profile: %1").replace("%1", profile.name))

    def _fill(self) -> None:
        self.menu_.clear()
        loading = self.menu_.addAction(self.tr("Loading…"))
        loading.setEnabled(False)
        self.ops.run("profiles", self._profiles.all, self._show_menu)

    def _show_menu(self, profiles: list[Profile]) -> None:
        self.menu_.clear()
        current = self._profiles.current.id
        heading = self.menu_.addAction(self.tr("Switch profile"))
        heading.setEnabled(False)
        for p in profiles:
            text = p.name + ("  🔒" if p.has_pin else "")
            action = QAction(avatar_icon(p.avatar_color, p.letter, 24), text, self.menu_)
            action.setCheckable(True)
            action.setChecked(p.id == current)
            action.triggered.connect(lambda _c=False, pid=p.id: self.switchRequested.emit(pid))
            self.menu_.addAction(action)
        self.menu_.addSeparator()
        for page, text in (
            ("history", self.tr("History")),
            ("playlists", self.tr("Playlists")),
            ("stats", self.tr("Statistics")),
            ("profiles", self.tr("Manage profiles…")),
        ):
            self.menu_.addAction(text, partial(self.pageRequested.emit, page))
