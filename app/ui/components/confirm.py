"""A question before something is deleted: opened with ``open()``, the answer through a callback."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(parent: QWidget, title: str, text: str, yes: str, on_yes: Callable[[], object]) -> QMessageBox:
    """Ask ``text``; ``on_yes()`` runs only when the user pressed ``yes`` (No is the default)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
    accept = box.addButton(yes, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setObjectName("Confirm")

    def answered() -> None:
        if box.clickedButton() is accept:
            on_yes()

    box.finished.connect(lambda _result: answered())
    box.open()
    return box
