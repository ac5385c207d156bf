"""The top bar fits any width (1024 px in Russian included): page buttons that do not fit move,
last first, into a "More" menu at the end of the row, and come back when there is room."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton

from app.ui.menu_style import MENU_STYLE

KEEP_LONGEST = ("settings", "grid", "home")


class TopBarFit(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        bar = window.top_bar
        # the search field gives way first: the window sizes it so when it builds the top bar
        self.more = QPushButton(self.tr("More ▾"))
        self.more.setObjectName("Nav")
        self.more.setStyleSheet("QPushButton::menu-indicator { image: none; width: 0; }")
        self.menu = QMenu(self.more)
        self.menu.setStyleSheet(MENU_STYLE)
        self.more.setMenu(self.menu)
        self.more.hide()
        self._hidden: list[QPushButton] = []
        self._fitted: tuple[object, ...] | None = None  # what the last fit saw (its own hides re-ask)
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self.fit)
        bar.installEventFilter(self)
        window.navigator.pageChanged.connect(lambda _name: self._sync_menu())

    def _row(self) -> Any:
        return self.window.top_bar.layout()

    def _buttons(self) -> list[QPushButton]:
        """The page buttons in their order on the row."""
        row = self._row()
        buttons = list(self.window.top_bar.buttons.values())
        return sorted(buttons, key=row.indexOf)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest, QEvent.Type.Show):
            self._refit.start()
        return False

    def fit(self) -> None:
        """Show every page button that fits; the rest go into More (the last ones first)."""
        row = self._row()
        bar = self.window.top_bar
        buttons = self._buttons()
        if not buttons:
            return
        key = (bar.width(), tuple((id(b), b.text()) for b in buttons), self.window.search.isVisible())
        if key == self._fitted:
            return
        self._fitted = key
        last = max(row.indexOf(b) for b in buttons)
        if row.indexOf(self.more) != last + 1:
            row.removeWidget(self.more)
            row.insertWidget(max(row.indexOf(b) for b in buttons) + 1, self.more)
        for button in buttons:
            button.show()
        self.more.hide()
        row.invalidate()
        hidden: list[QPushButton] = []
        # the last buttons go first; Home, All films and Settings stay on the row the longest
        keep = [self.window.top_bar.buttons.get(name) for name in KEEP_LONGEST]
        order = [b for b in reversed(buttons) if b not in keep] + [b for b in reversed(buttons) if b in keep]
        while row.minimumSize().width() > bar.width() and len(hidden) < len(buttons) - 1:
            candidate = next(b for b in order if b not in hidden)
            candidate.hide()
            hidden.append(candidate)
            self.more.show()
            row.invalidate()
        self._hidden = list(reversed(hidden))
        self._sync_menu()

    def _sync_menu(self) -> None:
        self.menu.clear()
        current = self.window.navigator.current
        checked = False
        for button in self._hidden:
            action = QAction(button.text(), self.menu)
            action.setCheckable(True)
            name = next((k for k, b in self.window.top_bar.buttons.items() if b is button), None)
            action.setChecked(name == current)
            checked = checked or name == current
            action.triggered.connect(lambda _on=False, b=button: b.click())
            self.menu.addAction(action)
        self.more.setProperty("active", checked)
        self.more.style().unpolish(self.more)
        self.more.style().polish(self.more)

    @property
    def hidden(self) -> list[QPushButton]:
        return list(self._hidden)


def install(window: Any) -> TopBarFit:
    return TopBarFit(window)
