"""PIN dialogs: set a new PIN (typed twice), or enter a profile's PIN to change it (rate-limited)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.domain.errors import WrongPin
from app.services.library.profiles import ProfileService
from app.ui.viewmodels.operations import Operations


def _pin_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(8)
    return field


class NewPinDialog(QDialog):
    """A new PIN, typed twice. Signals: pinChosen(str). Opened with ``open()``."""

    pinChosen = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("PIN for %1").replace("%1", name))
        self.first = _pin_field()
        self.second = _pin_field()
        self.message = QLabel(self.tr("4 to 8 digits. It is asked for when someone opens this profile."))
        self.message.setObjectName("Muted")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("New PIN"), self.first)
        form.addRow(self.tr("Again"), self.second)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def _submit(self) -> None:
        pin = self.first.text().strip()
        if not (pin.isdigit() and 4 <= len(pin) <= 8):
            self.message.setText(self.tr("A PIN is 4 to 8 digits."))
            return
        if pin != self.second.text().strip():
            self.message.setText(self.tr("The two PINs differ."))
            self.second.clear()
            self.second.setFocus()
            return
        self.pinChosen.emit(pin)
        self.accept()


class UnlockDialog(QDialog):
    """Asks a profile's PIN before it is changed or deleted. Signals: unlocked(int profile_id)."""

    unlocked = Signal(int)

    def __init__(
        self, profiles: ProfileService, profile_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._profiles = profiles
        self._id = profile_id
        self.ops = Operations(self, "unlock")
        self.setWindowTitle(self.tr("PIN of %1").replace("%1", name))
        self.pin = _pin_field()
        self.pin.returnPressed.connect(self._submit)
        self.message = QLabel()
        self.message.setObjectName("ErrorText")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("PIN"), self.pin)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(360)

    def _submit(self) -> None:
        pin = self.pin.text()
        self.ops.run("check", lambda: self._profiles.check_pin(self._id, pin), self._ok, self._wrong)

    def _ok(self, _none: object) -> None:
        self.unlocked.emit(self._id)
        self.accept()

    def _wrong(self, exc: BaseException) -> None:
        self.pin.clear()
        if isinstance(exc, WrongPin) and exc.retry_after > 0:
            self.message.setText(
                self.tr("Too many wrong PINs: try again in %1 s.").replace("%1", str(int(exc.retry_after)))
            )
        else:
            self.message.setText(self.tr("Wrong PIN.") if isinstance(exc, WrongPin) else str(exc))
