"""The top bar's search field with suggestions under it (titles that match what is typed)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit, QListView, QWidget


def suggestion_line(s: Any) -> str:
    line = f"{s.title} ({s.year})" if s.year else str(s.title)
    if s.original_title and s.original_title != s.title:
        line += f" · {s.original_title}"
    return str(line)


class SearchBox(QLineEdit):
    """Signals: typed(str text) per edit by the user, titleChosen(str title_id), submitted()."""

    typed = Signal(str)
    titleChosen = Signal(str)
    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Search")
        self.setPlaceholderText(self.tr("Search titles  (Ctrl+F)"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(320)
        self.setMaximumWidth(460)
        self._ids: dict[str, str] = {}
        self._model = QStringListModel(self)
        self.completer_ = QCompleter(self._model, self)
        # every suggestion comes from the search itself: no prefix filtering by the completer
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setMaxVisibleItems(8)
        self.popup = QListView()
        self.popup.setObjectName("Suggestions")
        self.popup.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.popup.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.completer_.setPopup(self.popup)
        self.setCompleter(self.completer_)
        self.completer_.activated.connect(self.choose)
        self.textEdited.connect(self.typed)
        self.returnPressed.connect(self._return)

    def show_suggestions(self, suggestions: Sequence[Any]) -> None:
        """Objects with id, title, year, original_title (best first)."""
        self._ids = {}
        lines = []
        for s in suggestions:
            line = suggestion_line(s)
            self._ids[line] = s.id
            lines.append(line)
        self._model.setStringList(lines)
        if lines and self.hasFocus():
            self.completer_.complete()

    def suggestion_lines(self) -> list[str]:
        return self._model.stringList()

    def choose(self, line: str) -> None:
        tid = self._ids.get(line)
        if tid:
            # after the completer has finished writing the line into the field
            QTimer.singleShot(0, lambda: self.titleChosen.emit(tid))

    def _return(self) -> None:
        if not self.popup.isVisible():
            self.submitted.emit()
