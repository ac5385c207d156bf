"""The dialog shown when the library database cannot be opened at start-up (before any window)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from app.domain.errors import DatabaseBusy, DatabaseCorrupt, DatabaseReadOnly, StorageError

_CONTEXT = "StorageDialog"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def storage_error_text(error: StorageError) -> str:
    """One sentence naming the file and what to do, in the UI's language."""
    if isinstance(error, DatabaseCorrupt):
        text = _tr(
            "The library database %1 is damaged and cannot be read. It was left as it is: move it "
            "away (or restore a backup) and start Cinema again to begin with a new library."
        )
    elif isinstance(error, DatabaseBusy):
        text = _tr("The library database %1 is busy: another Cinema is writing to it. Try again in a moment.")
    elif isinstance(error, DatabaseReadOnly):
        text = _tr(
            "The library database %1 or its folder is read-only. "
            "Make the folder writable and start Cinema again."
        )
    else:
        return str(error)
    return text.replace("%1", error.path)


def show_storage_error(error: StorageError) -> None:
    """A modal message box; called before the event loop starts, so exec() is safe here."""
    box = QMessageBox(
        QMessageBox.Icon.Critical, "Cinema", storage_error_text(error), QMessageBox.StandardButton.Ok
    )
    box.setObjectName("StorageErrorDialog")
    box.exec()
