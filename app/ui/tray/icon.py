"""The tray icon itself: found when a tray is there (a panel may come up after us), clicks told
apart, balloons shown.

Signals: toggleRequested() (a click), showRequested() (a double click, a click on a balloon),
pauseRequested() (a middle click), messageShown(str title, str text).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from app.ui.app_icon import app_icon

log = logging.getLogger(__name__)

TRAY_POLL_MS = 10_000  # a tray that starts after us (a panel still loading at login) ...
TRAY_POLL_TRIES = 30  # ... is looked for during the first five minutes
MESSAGE_MS = 8_000


class TrayIconHost(QObject):
    toggleRequested = Signal()
    showRequested = Signal()
    pauseRequested = Signal()
    messageShown = Signal(str, str)

    def __init__(self, menu: QMenu, available: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._menu = menu
        self._available = available
        self._tries = 0
        self._message_click = False
        self._gone = False
        self.icon: QSystemTrayIcon | None = None
        self.tooltip = "Cinema"
        self._poll = QTimer(self)
        self._poll.setInterval(TRAY_POLL_MS)
        self._poll.timeout.connect(self.show_if_available)

    def start(self) -> None:
        self.show_if_available()
        if self.icon is None:
            self._poll.start()

    def show_if_available(self) -> None:
        if self.icon is not None or self._gone:
            self._poll.stop()
            return
        if not self._available():
            self._tries += 1
            if self._tries >= TRAY_POLL_TRIES:
                self._poll.stop()
                log.info("no system tray: closing the window quits")
            return
        self._poll.stop()
        icon = QSystemTrayIcon(app_icon(), self)
        icon.setContextMenu(self._menu)
        icon.activated.connect(self._activated)
        icon.messageClicked.connect(self._message_clicked)
        icon.setToolTip(self.tooltip)
        self.icon = icon
        # hidden in the tray is not closed: the app ends through quit() (or closing without a tray)
        QApplication.setQuitOnLastWindowClosed(False)
        icon.show()
        log.info("tray icon shown")

    def set_tooltip(self, text: str) -> None:
        self.tooltip = text
        if self.icon is not None:
            self.icon.setToolTip(text)

    def notify(
        self,
        title: str,
        text: str,
        kind: QSystemTrayIcon.MessageIcon = QSystemTrayIcon.MessageIcon.Information,
    ) -> None:
        if self.icon is None or not self.icon.isVisible():
            log.info("tray message not shown (no tray): %s %s", title, text)
            return
        self.icon.showMessage(title, text, kind, MESSAGE_MS)
        self.messageShown.emit(title, text)

    def _message_clicked(self) -> None:
        # Qt's own X11 tray also says this for a click on the icon while a balloon is up, just
        # before the click's activation: decide once that event is done
        self._message_click = True
        QTimer.singleShot(0, self._after_message_click)

    def _after_message_click(self) -> None:
        if self._message_click:
            self._message_click = False
            self.showRequested.emit()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        self._message_click = False  # a click on the icon: the click decides
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.toggleRequested.emit()
        elif reason == QSystemTrayIcon.ActivationReason.DoubleClick:
            self.showRequested.emit()  # its first click hid the window: a double click shows it
        elif reason == QSystemTrayIcon.ActivationReason.MiddleClick:
            self.pauseRequested.emit()

    def hide(self) -> None:
        """The app quits: no more looking for a tray, the icon goes."""
        self._gone = True
        self._poll.stop()
        if self.icon is not None:
            self.icon.hide()

    def remove(self) -> None:
        """The icon goes for good and closing the window quits again."""
        self.hide()
        if self.icon is not None:
            self.icon.deleteLater()
            self.icon = None
            QApplication.setQuitOnLastWindowClosed(True)
