"""The tray tells when a watchlisted title gains its first ways to watch (issue 14).

The watchlist's background search publishes ``SourcesDidAppear``; the tray shows a balloon (when
notifications are on and the window is in the tray) and keeps a menu line, "Ways to watch found:
«Title»", that opens the title page until it is chosen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from app.services.context import AppContext
from app.services.sources.events import SourcesDidAppear
from app.ui.components.tray_settings import tray_setting
from app.ui.viewmodels import bus


def balloon_text(event: SourcesDidAppear) -> tuple[str, str]:
    """(title, text) of the balloon for a title that gained sources."""
    head = QCoreApplication.translate("Tray", "Ways to watch found")
    text = QCoreApplication.translate("Tray", "«%1»: %n way(s) to watch", "", event.count)
    return head, text.replace("%1", event.title)


class NewSources(QObject):
    """A menu line per announcement (the latest wins) and its balloon.

    Signals: openRequested(str): the title id whose line was chosen.
    """

    openRequested = Signal(str)

    def __init__(
        self,
        menu: QMenu,
        before: QAction,
        services: AppContext,
        notify: Callable[[str, str, QSystemTrayIcon.MessageIcon], None],
        window_shown: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._s = services
        self._notify = notify
        self._window_shown = window_shown
        self.title_id = ""
        self.action = QAction("", menu)
        self.action.setVisible(False)
        self.action.triggered.connect(lambda _checked=False: self._chosen())
        menu.insertAction(before, self.action)
        self.unsubscribe = bus.subscribe(services.bus, SourcesDidAppear, self.announce, self)

    def announce(self, event: SourcesDidAppear) -> None:
        self.title_id = event.title_id
        self.action.setText(
            QCoreApplication.translate("Tray", "Ways to watch found: «%1»").replace("%1", event.title)
        )
        self.action.setVisible(True)
        if tray_setting(self._s, "tray_notifications") and not self._window_shown():
            title, text = balloon_text(event)
            self._notify(title, text, QSystemTrayIcon.MessageIcon.Information)

    def _chosen(self) -> None:
        title_id, self.title_id = self.title_id, ""
        self.action.setVisible(False)
        if title_id:
            self.openRequested.emit(title_id)
