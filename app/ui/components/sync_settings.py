"""Settings › Sync: a household's library server (PostgreSQL), its state and last error in words.

Connecting joins the server (this library copied into an empty one, or merged by the rules)
in a worker; an older server schema is upgraded only after the user says so. The sync itself
runs in ``services.sync`` (app.services.sync.engine); this section draws its ``SyncDidChange``.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.sync import EXAMPLE, ServerSchemaOlder, SyncState, SyncStatus
from app.services.context import AppContext
from app.services.sync import setup as sync_setup
from app.services.sync.events import SyncDidChange
from app.ui.components import sync_words
from app.ui.viewmodels import bus
from app.ui.viewmodels.operations import Operations

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #ff8a70;"
REFRESH_MS = 2000  # the waiting changes' count and age while the page is shown


class SyncSettings(QWidget):
    """Signals: syncChanged(): a server was joined or left (the tray redraws its line)."""

    syncChanged = Signal()

    def __init__(self, services: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._s = services
        self.ops = Operations(self, "sync-settings")
        self.heading = QLabel(self.tr("Sync between devices"))
        self.heading.setObjectName("SectionHeading")
        self.intro = QLabel(
            self.tr(
                "With a PostgreSQL library server, profiles, progress, history, the watchlist, "
                "playlists, reminders, your own links and provider settings are shared by the "
                "household's devices; each device keeps working offline. The TV guide, caches and "
                "posters stay on each device; passwords and keys never leave it."
            )
        )
        self.intro.setObjectName("Muted")
        self.intro.setWordWrap(True)
        self.address = QLineEdit()
        self.address.setPlaceholderText(EXAMPLE)
        self.address.setAccessibleName(self.tr("Library server address"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password (kept in the system keyring)"))
        self.password.setAccessibleName(self.tr("Library server password"))
        self.connect_button = QPushButton(self.tr("Connect"))
        self.connect_button.clicked.connect(lambda _checked=False: self.connect_server())
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.clicked.connect(self.sync_now)
        self.upgrade_button = QPushButton(self.tr("Upgrade the server…"))
        self.upgrade_button.clicked.connect(self._ask_upgrade)
        self.leave_button = QPushButton(self.tr("Stop syncing…"))
        self.leave_button.clicked.connect(self._ask_leave)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.result = QLabel()
        self.result.setObjectName("Muted")
        self.result.setWordWrap(True)

        fields = QHBoxLayout()
        fields.setContentsMargins(0, 0, 0, 0)
        fields.addWidget(self.address, 3)
        fields.addWidget(self.password, 2)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.connect_button, self.sync_button, self.upgrade_button, self.leave_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for widget in (self.heading, self.intro):
            layout.addWidget(widget)
        layout.addLayout(fields)
        layout.addLayout(buttons)
        for widget in (self.state, self.error, self.result):
            layout.addWidget(widget)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        bus.subscribe(services.bus, SyncDidChange, lambda e: self.show_status(e.status), self)
        self.address.setText(services.settings.library_url)
        self.show_status(None)
        self.refresh()

    # -- what it shows -----------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._timer.start()

    def hideEvent(self, event: Any) -> None:
        super().hideEvent(event)
        self._timer.stop()

    def refresh(self) -> None:
        """Read the sync's status in a worker (it counts the waiting changes)."""
        engine = self._s.sync
        if engine is None:
            self.show_status(None)
            return
        self.ops.run("status", engine.status, self.show_status)

    def show_status(self, status: SyncStatus | None) -> None:
        on = self._s.sync is not None
        self.state.setText(sync_words.sentence(status))
        error = status.last_error if status is not None and status.state != SyncState.OFF else None
        words = sync_words.error_words(error)
        self.error.setText(self.tr("Last error: %1").replace("%1", words) if error else "")
        self.error.setVisible(bool(error))
        busy = self.ops.busy("connect") or self.ops.busy("leave")
        self.connect_button.setVisible(not on)
        self.connect_button.setEnabled(not busy)
        self.address.setReadOnly(on)
        self.password.setVisible(not on)
        self.sync_button.setVisible(on)
        self.leave_button.setVisible(on)
        self.leave_button.setEnabled(not busy)
        self.upgrade_button.setVisible(status is not None and status.state == SyncState.NEEDS_UPGRADE)

    # -- connecting --------------------------------------------------------------------------
    def connect_server(self, *, upgrade: bool = False) -> None:
        url = self.address.text().strip()
        password = self.password.text() or None
        self.result.setText(self.tr("Connecting to the library server…"))
        self.error.hide()
        self.connect_button.setEnabled(False)
        self.ops.run(
            "connect",
            lambda: sync_setup.setup(self._s, url, password=password, upgrade=upgrade),
            self._connected,
            self._not_connected,
        )

    def _connected(self, result: sync_setup.SetupResult) -> None:
        self.password.clear()
        report = result.report
        if report is not None:
            text = self.tr("Joined %1: %2 sent, %3 received.")
            text = text.replace("%2", str(report.sent)).replace("%3", str(report.received))
            if report.adopted_profiles:
                text += " " + self.tr(
                    "%n profile(s) of the same name became one.", "", report.adopted_profiles
                )
        else:
            text = self.tr("Joined %1 again: %2 sent, %3 received.")
            text = text.replace("%2", str(result.sent)).replace("%3", str(result.received))
        if not result.password_kept:
            text += " " + self.tr(
                "The password could not be kept in the system keyring: set CINEMA_LIBRARY_SERVER_TOKEN."
            )
        self.result.setText(text.replace("%1", result.address.display))
        self.address.setText(result.address.display)
        engine = sync_setup.build_engine(self._s)
        self._s.sync = engine
        if engine is not None:
            engine.start()
        self.syncChanged.emit()
        self.refresh()

    def _not_connected(self, error: BaseException) -> None:
        self.result.setText("")
        self.show_status(None)
        if isinstance(error, ServerSchemaOlder):
            self._ask_upgrade(sync_words.error_words(str(error)))
            return
        self.error.setText(sync_words.error_words(str(error)) or type(error).__name__)
        self.error.show()

    def _ask_upgrade(self, reason: str | None = None) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Upgrade the library server?"),
            (reason or self.tr("The library server's schema is older than this Cinema's."))
            + "\n\n"
            + self.tr("Upgrade it now? Nothing is lost; devices with an older Cinema will need an update."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("SyncUpgradeQuestion")
        box.accepted.connect(self._upgrade)  # Yes is the accept role
        box.open()
        self.question = box

    def _upgrade(self) -> None:
        engine: Any = self._s.sync
        if engine is not None and hasattr(engine, "allow_upgrade"):
            engine.allow_upgrade()
            return
        self.connect_server(upgrade=True)

    def sync_now(self) -> None:
        if self._s.sync is not None:
            self._s.sync.sync_now()

    # -- leaving -----------------------------------------------------------------------------
    def _ask_leave(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Stop syncing?"),
            self.tr(
                "This device keeps its library as it is now, on its own. The server and the other "
                "devices keep theirs. Changes not yet sent stay here only."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("SyncLeaveQuestion")
        box.accepted.connect(self.leave)
        box.open()
        self.question = box

    def leave(self) -> None:
        engine, self._s.sync = self._s.sync, None

        def work() -> None:
            if engine is not None:
                engine.stop()
            sync_setup.leave(self._s)

        self.ops.run("leave", work, lambda _none: self._left(), self._not_connected)

    def _left(self) -> None:
        self._s.bus.publish(SyncDidChange(SyncStatus(SyncState.OFF, None, 0, None, None, None)))
        self.address.setText("")
        self.result.setText(self.tr("Sync is off: this library is on this device only."))
        self.syncChanged.emit()
        self.show_status(None)
