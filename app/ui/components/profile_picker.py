"""“Who's watching?”: the profiles as avatars; a PIN asked for inline (wrong ones rate-limited).

Shown at start when there is more than one profile (or the only one has a PIN), and from the
top bar's avatar. Switching runs in a worker (the PIN's hash takes a moment) and the app reads
every per-profile view again on ProfileDidChange.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import WrongPin
from app.domain.profiles import Profile
from app.services.library.profiles import ProfileService
from app.ui.viewmodels.operations import Operations
from app.ui.widgets.avatar import Avatar

TILE = 112
COLUMNS = 5


class ProfileTile(QWidget):
    """One profile: avatar, name and its marks. Signals: chosen(int profile_id)."""

    chosen = Signal(int)

    def __init__(self, profile: Profile, current: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.avatar = Avatar(profile.avatar_color, profile.letter, TILE, self)
        self.avatar.set_selected(current)
        self.avatar.setToolTip(profile.name)
        self.avatar.clicked.connect(lambda: self.chosen.emit(profile.id))
        self.avatar.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.name = QLabel(profile.name)
        self.name.setObjectName("ProfileName")
        self.name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name.setMaximumWidth(TILE + 40)
        marks = []
        if profile.is_kids:
            marks.append(self.tr("Kids %1").replace("%1", f"{profile.age_limit}+"))
        if profile.has_pin:
            marks.append(self.tr("PIN"))
        self.marks = QLabel(" · ".join(marks))
        self.marks.setObjectName("Muted")
        self.marks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(6)
        layout.addWidget(self.avatar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.name)
        layout.addWidget(self.marks)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.chosen.emit(self.profile.id)
            return
        super().keyPressEvent(event)


class ProfilePicker(QDialog):
    """Signals: switched(int profile_id), manageRequested(). Opened with ``open()`` in the app
    (``exec()`` only at start, before the event loop runs)."""

    switched = Signal(int)
    manageRequested = Signal()

    def __init__(
        self, profiles: ProfileService, parent: QWidget | None = None, *, at_start: bool = False
    ) -> None:
        super().__init__(parent)
        self._profiles = profiles
        self._at_start = at_start
        self._pending: Profile | None = None
        self._preselect: int | None = None
        self.ops = Operations(self, "profile-picker")
        self.setObjectName("ProfilePicker")
        self.setWindowTitle(self.tr("Who's watching?"))
        self.setModal(True)
        self.setMinimumSize(720, 440)
        heading = QLabel(self.tr("Who's watching?"))
        heading.setObjectName("PageTitle")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tiles_box = QWidget()
        self.tiles = QGridLayout(self.tiles_box)
        self.tiles.setHorizontalSpacing(18)
        self.tiles.setVerticalSpacing(12)
        self.pin_label = QLabel()
        self.pin_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setFixedWidth(200)
        self.pin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.pin.returnPressed.connect(self._submit_pin)
        self.pin_button = QPushButton(self.tr("Open"))
        self.pin_button.setObjectName("Primary")
        self.pin_button.clicked.connect(self._submit_pin)
        self.message = QLabel()
        self.message.setObjectName("ErrorText")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        pin_row = QHBoxLayout()
        pin_row.addStretch(1)
        pin_row.addWidget(self.pin)
        pin_row.addWidget(self.pin_button)
        pin_row.addStretch(1)
        self.pin_box = QWidget()
        pin_layout = QVBoxLayout(self.pin_box)
        pin_layout.setContentsMargins(0, 0, 0, 0)
        pin_layout.addWidget(self.pin_label)
        pin_layout.addLayout(pin_row)
        self.pin_box.hide()
        self.manage = QPushButton(self.tr("Manage profiles…"))
        self.manage.setObjectName("Link")
        self.manage.clicked.connect(self._manage)
        self.manage.setVisible(not at_start)  # at start there is no window to manage them in yet
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.clicked.connect(self.reject)
        self.cancel.setVisible(not at_start)
        bottom = QHBoxLayout()
        bottom.addWidget(self.manage)
        bottom.addStretch(1)
        bottom.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 30, 36, 24)
        layout.setSpacing(16)
        layout.addWidget(heading)
        layout.addStretch(1)
        layout.addWidget(self.tiles_box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.pin_box)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(bottom)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._unlock)
        self.reload()

    # -- the profiles -----------------------------------------------------------------------------
    def reload(self) -> None:
        self.ops.run("profiles", self._profiles.all, self._show)

    def _show(self, profiles: list[Profile]) -> None:
        while self.tiles.count():
            item = self.tiles.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        current = self._profiles.current.id
        for n, profile in enumerate(profiles):
            tile = ProfileTile(profile, profile.id == current and not self._at_start)
            tile.chosen.connect(self.choose)
            self.tiles.addWidget(tile, n // COLUMNS, n % COLUMNS)
        if self._preselect is not None:
            wanted, self._preselect = self._preselect, None
            self.choose(wanted)
        elif profiles:
            first = next((i for i, p in enumerate(profiles) if p.id == current), 0)
            item = self.tiles.itemAt(first)
            widget = item.widget() if item is not None else None
            if isinstance(widget, ProfileTile):
                widget.avatar.setFocus()

    def tile(self, profile_id: int) -> ProfileTile | None:
        for n in range(self.tiles.count()):
            item = self.tiles.itemAt(n)
            widget = item.widget() if item is not None else None
            if isinstance(widget, ProfileTile) and widget.profile.id == profile_id:
                return widget
        return None

    # -- choosing ---------------------------------------------------------------------------------
    def choose(self, profile_id: int) -> None:
        """Pick a profile (its PIN asked for, if it has one); before the tiles are read, once they are."""
        tile = self.tile(profile_id)
        if tile is None:
            self._preselect = profile_id
            return
        self.message.clear()
        profile = tile.profile
        for n in range(self.tiles.count()):
            item = self.tiles.itemAt(n)
            widget = item.widget() if item is not None else None
            if isinstance(widget, ProfileTile):
                widget.avatar.set_selected(widget.profile.id == profile_id)
        if profile.has_pin:
            self._pending = profile
            self.pin_label.setText(self.tr("Enter the PIN of %1").replace("%1", profile.name))
            self.pin.clear()
            self.pin_box.show()
            self.pin.setFocus()
            return
        self._switch(profile, None)

    def _submit_pin(self) -> None:
        if self._pending is not None and self.pin.text().strip():
            self._switch(self._pending, self.pin.text())

    def _switch(self, profile: Profile, pin: str | None) -> None:
        self.pin_button.setEnabled(False)
        self.ops.run("switch", lambda: self._profiles.switch(profile.id, pin), self._switched, self._refused)

    def _switched(self, profile: Profile) -> None:
        self.pin_button.setEnabled(True)
        self.pin.clear()
        self.switched.emit(profile.id)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.pin.clear()
        self.pin_button.setEnabled(True)
        if isinstance(exc, WrongPin) and exc.retry_after > 0:
            self.message.setText(
                self.tr("Too many wrong PINs: try again in %1 s.").replace("%1", str(int(exc.retry_after)))
            )
            self.pin.setEnabled(False)
            self.pin_button.setEnabled(False)
            self._retry.start(int(exc.retry_after * 1000))
        elif isinstance(exc, WrongPin):
            self.message.setText(self.tr("Wrong PIN."))
        else:
            self.message.setText(str(exc))
        self.pin.setFocus()

    def _unlock(self) -> None:
        self.pin.setEnabled(True)
        self.pin_button.setEnabled(True)
        self.message.clear()
        self.pin.setFocus()

    def _manage(self) -> None:
        self.manageRequested.emit()
        self.reject()
