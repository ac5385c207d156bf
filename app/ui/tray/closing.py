"""Closing the main window while a tray is there hides it (the first time a balloon says so);
without one, or once the app quits, closing quits as it always did.

Signals: hideRequested() (the window's close became a hide), quitRequested() (a close with the
tray's quit-on-last-window-closed turned off: quit as Qt would have).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget


class CloseToTray(QObject):
    hideRequested = Signal()
    quitRequested = Signal()

    def __init__(self, window: QWidget, hides: Callable[[], bool], has_icon: Callable[[], bool]) -> None:
        """``hides()``: closing would hide now (an icon, the setting on, a tray there);
        ``has_icon()``: our icon is up (it turned Qt's quit-on-last-window-closed off)."""
        super().__init__(window)
        self._window = window
        self._hides = hides
        self._has_icon = has_icon
        self.quitting = False
        window.installEventFilter(self)
        app = QCoreApplication.instance()
        if isinstance(app, QApplication):
            app.aboutToQuit.connect(self._about_to_quit)
            # a session ending (logout) closes every window: hiding would cancel the logout
            app.commitDataRequest.connect(self._session_ending)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.quitting or watched is not self._window or event.type() != QEvent.Type.Close:
            return False
        if self._hides():
            event.ignore()
            # hidden after this event is done: hiding inside it re-enters this filter with
            # events PySide has already let go of
            QTimer.singleShot(0, self.hideRequested.emit)
            return True
        if self._has_icon():
            # the tray turned quit-on-last-window-closed off: closing quits as it did without one
            self.quitting = True
            QTimer.singleShot(0, self.quitRequested.emit)
        return False

    def _about_to_quit(self) -> None:
        self.quitting = True

    def _session_ending(self, _manager: object) -> None:
        self.quitting = True

    def remove(self) -> None:
        self._window.removeEventFilter(self)
        app = QCoreApplication.instance()
        if isinstance(app, QApplication):
            app.aboutToQuit.disconnect(self._about_to_quit)
            app.commitDataRequest.disconnect(self._session_ending)
