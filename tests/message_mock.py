"""What the user is shown: message boxes, tray balloons and status lines, recorded for assertions.

The ``messages`` fixture replaces QMessageBox's ways of showing itself (``open``/``exec``/``show``
and the static helpers: nothing modal blocks a test) and records tray balloons
(``QSystemTrayIcon.showMessage``, still shown) and every text set on a QLabel, so a test can ask
what a status line said even when a later text replaced it.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest


@dataclass(frozen=True)
class Shown:
    """One message: where it appeared (``box``, ``tray``), its level, title and text."""

    where: str
    level: str  # information, warning, critical, question, none
    title: str
    text: str


class MessageMock:
    def __init__(self) -> None:
        self.shown: list[Shown] = []
        self._labels: weakref.WeakKeyDictionary[Any, list[str]] = weakref.WeakKeyDictionary()

    # -- queries -------------------------------------------------------------------------------
    def boxes(self) -> list[Shown]:
        return [m for m in self.shown if m.where == "box"]

    def tray(self) -> list[Shown]:
        return [m for m in self.shown if m.where == "tray"]

    def errors(self) -> list[Shown]:
        """Boxes and balloons at warning or critical level."""
        return [m for m in self.shown if m.level in ("warning", "critical")]

    def status(self, label: Any) -> list[str]:
        """Every non-empty text ``label`` (a QLabel) showed during the test, oldest first."""
        return list(self._labels.get(label, []))

    def find(self, pattern: str, where: str | None = None) -> Shown:
        """The first message whose title or text matches ``pattern``; fails the test if none."""
        for message in self.shown:
            if (where is None or message.where == where) and re.search(
                pattern, f"{message.title}\n{message.text}"
            ):
                return message
        pytest.fail(f"no message matching {pattern!r} was shown; shown: {self.shown!r}")

    # -- recording -----------------------------------------------------------------------------
    def _label_text(self, label: Any, text: str) -> None:
        if text:
            self._labels.setdefault(label, []).append(text)

    def _box(self, box: Any) -> None:
        from PySide6.QtWidgets import QMessageBox

        level = {
            QMessageBox.Icon.Information: "information",
            QMessageBox.Icon.Warning: "warning",
            QMessageBox.Icon.Critical: "critical",
            QMessageBox.Icon.Question: "question",
        }.get(box.icon(), "none")
        text = box.text() + (f"\n{box.informativeText()}" if box.informativeText() else "")
        self.shown.append(Shown("box", level, box.windowTitle(), text))


_TRAY_LEVELS = {0: "none", 1: "information", 2: "warning", 3: "critical"}


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> Iterator[MessageMock]:
    from PySide6.QtWidgets import QLabel, QMessageBox, QSystemTrayIcon

    mock = MessageMock()

    def shown_box(self: QMessageBox, *_args: Any) -> int:
        mock._box(self)
        return int(QMessageBox.StandardButton.Ok.value)

    for method in ("open", "show", "exec"):
        monkeypatch.setattr(QMessageBox, method, shown_box)

    def static(level: QMessageBox.Icon) -> Any:
        def helper(parent: Any, title: str, text: str, *_args: Any, **_kw: Any) -> Any:
            mock._box(QMessageBox(level, title, text))
            return QMessageBox.StandardButton.Ok

        return staticmethod(helper)

    monkeypatch.setattr(QMessageBox, "information", static(QMessageBox.Icon.Information))
    monkeypatch.setattr(QMessageBox, "warning", static(QMessageBox.Icon.Warning))
    monkeypatch.setattr(QMessageBox, "critical", static(QMessageBox.Icon.Critical))
    monkeypatch.setattr(QMessageBox, "question", static(QMessageBox.Icon.Question))

    real_balloon = QSystemTrayIcon.showMessage

    def balloon(self: QSystemTrayIcon, title: str, text: str, *args: Any) -> None:
        icon = args[0] if args else QSystemTrayIcon.MessageIcon.Information
        level = _TRAY_LEVELS.get(int(getattr(icon, "value", 0)), "information")
        mock.shown.append(Shown("tray", level, title, text))
        real_balloon(self, title, text, *args)

    monkeypatch.setattr(QSystemTrayIcon, "showMessage", balloon)

    real_set_text = QLabel.setText

    def set_text(self: QLabel, text: str) -> None:
        mock._label_text(self, text)
        real_set_text(self, text)

    monkeypatch.setattr(QLabel, "setText", set_text)
    yield mock
