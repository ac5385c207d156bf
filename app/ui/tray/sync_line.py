"""The tray's line for the library sync: "Library synced", "Library offline: 3 changes waiting".

Shown only while a library server is set (issue 17). Drawn from the sync's ``SyncDidChange``;
the first status is read in a worker.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from app.domain.sync import SyncStatus
from app.services.context import AppContext
from app.services.sync.events import SyncDidChange
from app.ui.components import sync_words
from app.ui.viewmodels import bus
from app.ui.viewmodels.operations import Operations


class SyncLine(QObject):
    """Signals: changed(): the text changed (the tray's tooltip follows)."""

    changed = Signal()

    def __init__(
        self, menu: QMenu, after: QAction, services: AppContext, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._s = services
        self.text = ""
        self.ops = Operations(self, "tray-sync")
        self.action = QAction("", menu)
        self.action.setEnabled(False)
        self.action.setVisible(False)
        actions = menu.actions()
        index = actions.index(after) if after in actions else len(actions) - 1
        if index + 1 < len(actions):
            menu.insertAction(actions[index + 1], self.action)
        else:
            menu.addAction(self.action)
        self.unsubscribe = bus.subscribe(services.bus, SyncDidChange, lambda e: self.show(e.status), self)
        self.reread()

    def reread(self) -> None:
        """Read the status again (a server was joined or left)."""
        engine = self._s.sync
        if engine is None:
            self.show(None)
            return
        self.ops.run("status", engine.status, self.show)

    def show(self, status: SyncStatus | None) -> None:
        text = sync_words.tray_line(status) if self._s.sync is not None else ""
        self.action.setText(text)
        self.action.setVisible(bool(text))
        if text != self.text:
            self.text = text
            self.changed.emit()
