"""Settings › Keys and accounts: the TMDB token, the OpenSubtitles key and each indexer's key in
masked fields kept in the keyring; Test says in words what is wrong, Save keeps a new key."""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.services import keys
from app.services.context import AppContext
from app.services.keys import KeyCheck, KeyEntry, Verdict
from app.ui.localized import in_words
from app.ui.viewmodels.operations import Operations


def verdict_text(result: KeyCheck) -> str:
    """A key check's outcome in the UI language (the service's detail after it)."""
    detail = result.detail

    def tr(text: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("KeysSettings", text)

    texts = {
        Verdict.OK: tr("✓ Works."),
        Verdict.REFUSED: tr("✗ The key was refused: %1"),
        Verdict.UNREACHABLE: tr("✗ The service could not be reached: %1"),
        Verdict.QUOTA: tr("✓ The key works, but today's allowance is used up: %1"),
        Verdict.SLOW_DOWN: tr("The service asks to wait a moment: %1"),
        Verdict.MISSING: tr("Enter a key first."),
        Verdict.FAILED: tr("✗ %1"),
    }
    status = re.search(r"HTTP (\d{3})", detail) if result.verdict is Verdict.REFUSED else None
    if status:  # the provider's English sentence adds nothing but the status (and "check it in Settings")
        return tr("✗ The key was refused (HTTP %1).").replace("%1", status.group(1))
    return texts[result.verdict].replace("%1", in_words(detail))


class KeyRow(QObject):
    """One key: the masked field, Test, Save, Forget and what happened. Signals: changed()."""

    changed = Signal()

    def __init__(
        self, services: AppContext, entry: KeyEntry, grid: QGridLayout, row: int, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._s = services
        self.entry = entry
        self.ops = Operations(self, f"key {entry.id}")
        self.label = QLabel(entry.name)
        self.label.setToolTip(entry.url or "")
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMinimumWidth(260)
        self.field.setAccessibleName(self.tr("%1 key").replace("%1", entry.name))
        self.field.returnPressed.connect(self.test)
        self.test_button = QPushButton(self.tr("Test"))
        self.test_button.clicked.connect(self.test)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.forget_button = QPushButton(self.tr("Forget"))
        self.forget_button.setObjectName("Link")
        self.forget_button.clicked.connect(self.forget)
        self.status = QLabel()
        self.status.setObjectName("Muted")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(self.label, row, 0)
        grid.addWidget(self.field, row, 1)
        grid.addWidget(self.test_button, row, 2)
        grid.addWidget(self.save_button, row, 3)
        grid.addWidget(self.forget_button, row, 4)
        grid.addWidget(self.status, row + 1, 1, 1, 4)
        self.show_entry(entry)

    def show_entry(self, entry: KeyEntry) -> None:
        self.entry = entry
        self.field.clear()
        self.field.setPlaceholderText(
            self.tr("•••••••• kept in the keyring (type to replace)") if entry.present else self.tr("not set")
        )
        self.forget_button.setVisible(entry.present)

    def test(self) -> None:
        typed = self.field.text().strip() or None
        self.status.setText(self.tr("Trying the key…"))
        self.test_button.setEnabled(False)

        def done(result: KeyCheck) -> None:
            self.test_button.setEnabled(True)
            self.status.setText(verdict_text(result))

        def failed(error: BaseException) -> None:
            self.test_button.setEnabled(True)
            self.status.setText(self.tr("✗ %1").replace("%1", str(error)))

        self.ops.run_async("test", lambda: keys.check(self._s, self.entry, typed), done, failed)

    def save(self) -> None:
        value = self.field.text().strip()
        if not value:
            self.status.setText(self.tr("Enter a key first."))
            return

        def done(_none: None) -> None:
            self.status.setText(self.tr("Saved in the keyring."))
            self.show_entry(KeyEntry(**{**self.entry.__dict__, "present": True}))
            self.changed.emit()

        self.ops.run("save", lambda: keys.save(self.entry, value), done, self._failed)

    def forget(self) -> None:
        def done(_none: None) -> None:
            self.status.setText(self.tr("Removed from the keyring."))
            self.show_entry(KeyEntry(**{**self.entry.__dict__, "present": False}))
            self.changed.emit()

        self.ops.run("save", lambda: keys.save(self.entry, ""), done, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("✗ %1").replace("%1", str(error)))


class KeysSettings(QWidget):
    """The Keys and accounts section (rows are read from the keyring in a worker)."""

    def __init__(self, services: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._s = services
        self.ops = Operations(self, "keys")
        heading = QLabel(self.tr("Keys and accounts"))
        heading.setObjectName("SectionHeading")
        hint = QLabel(
            self.tr(
                "Kept in the system keyring, never in files. TMDB: themoviedb.org › Settings › API › "
                "API Read Access Token. OpenSubtitles: opensubtitles.com › API consumers. Indexers "
                "are added under Sources; their keys can be changed here."
            )
        )
        hint.setObjectName("Muted")
        hint.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(4)
        self.grid.setColumnStretch(1, 1)
        self.rows: dict[str, KeyRow] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addLayout(self.grid)

    def refresh(self) -> None:
        self.ops.run("list", lambda: keys.list_keys(self._s), self._show)

    def _show(self, entries: list[KeyEntry]) -> None:
        for entry in entries:
            row = self.rows.get(entry.id)
            if row is None:
                row = KeyRow(self._s, entry, self.grid, 2 * len(self.rows), self)
                self.rows[entry.id] = row
            elif not row.field.text():
                row.show_entry(entry)
