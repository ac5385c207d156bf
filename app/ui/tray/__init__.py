"""The system tray: show or hide the window, play/pause, refresh the guides now, quit.

While a tray is there, closing the main window hides it and the app keeps refreshing in the
background (``closing``); without one, closing quits as it always did. Built after the first
paint (``app.ui.tray_hook``). The refresh is the scheduler's: the tray asks it to run and draws
its events (``app.services.scheduler``), keeping no state of its own about it.

Signals: messageShown(str, str): the title and text of each balloon, as it is shown.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from app.core.events import HistoryDidChange, ProgressDidChange
from app.services.context import AppContext
from app.services.scheduler import RefreshDidFinish, RefreshDidStart, RefreshScheduleDidChange
from app.ui.components.tray_settings import remember_tray_setting, tray_setting
from app.ui.menu_style import MENU_STYLE
from app.ui.tray import status
from app.ui.tray.closing import CloseToTray
from app.ui.tray.icon import TrayIconHost
from app.ui.viewmodels import bus
from app.ui.viewmodels.operations import Operations

if TYPE_CHECKING:
    from app.services.playback.session import PlaybackService
    from app.services.scheduler import RefreshScheduler
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class Tray(QObject):
    """The tray icon and its menu, and the main window's close-to-tray."""

    messageShown = Signal(str, str)

    def __init__(
        self,
        window: MainWindow,
        services: AppContext,
        scheduler: RefreshScheduler,
        *,
        available: Callable[[], bool] | None = None,
        quit_app: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._s = services
        self._flow = scheduler
        self._available = available or QSystemTrayIcon.isSystemTrayAvailable
        self._quit_app = quit_app or QCoreApplication.quit
        self._hint_shown = tray_setting(services, "tray_hint_shown")
        self._listening_to: PlaybackService | None = None
        self._unlisten: Callable[[], None] | None = None
        self.ops = Operations(self, "tray")

        self.menu = QMenu()
        self.menu.setObjectName("TrayMenu")
        self.menu.setStyleSheet(MENU_STYLE)
        self.status_action = self._action("", None)
        self.status_action.setEnabled(False)
        self.menu.addSeparator()
        self.toggle_action = self._action("", self.toggle_window)
        self.play_action = self._action("", self.toggle_pause)
        self.refresh_action = self._action(self.tr("Refresh guides now"), self.refresh_now)
        self.menu.addSeparator()
        self.quit_action = self._action(self.tr("Quit Cinema"), self.quit)
        self.menu.aboutToShow.connect(self.sync)

        self.host = TrayIconHost(self.menu, self._available, self)
        self.host.toggleRequested.connect(self.toggle_window)
        self.host.showRequested.connect(self.show_window)
        self.host.pauseRequested.connect(self.toggle_pause)
        self.host.messageShown.connect(self.messageShown)
        self.closing = CloseToTray(window, self.close_hides, lambda: self.host.icon is not None)
        self.closing.hideRequested.connect(self._closed_to_tray)
        self.closing.quitRequested.connect(self._quit_app)

        self._sync_soon = QTimer(self)
        self._sync_soon.setSingleShot(True)
        self._sync_soon.setInterval(0)
        self._sync_soon.timeout.connect(self.sync)
        from app.ui.tray.sync_line import SyncLine

        self.sync_line = SyncLine(self.menu, self.status_action, services, self)  # issue 17
        self.sync_line.changed.connect(self._sync_soon.start)
        from app.ui.tray.new_sources import NewSources

        self.new_sources = NewSources(  # issue 14: a watchlisted title gained ways to watch
            self.menu, self.toggle_action, services, self.host.notify, self.window_shown, self
        )
        self.new_sources.openRequested.connect(self._open_title)

        bus_ = services.bus
        self._unsubscribe = [
            bus.subscribe(bus_, HistoryDidChange, self._playback_changed, self),
            bus.subscribe(bus_, ProgressDidChange, self._playback_changed, self),
            bus.subscribe(bus_, RefreshDidStart, lambda _e: self.sync(), self),
            bus.subscribe(bus_, RefreshScheduleDidChange, lambda _e: self.sync(), self),
            bus.subscribe(bus_, RefreshDidFinish, self._refresh_finished, self),
        ]
        app = QCoreApplication.instance()
        if isinstance(app, QApplication):
            app.aboutToQuit.connect(self.host.hide)
        self._listen_to_playback()
        self.sync()
        if not scheduler.state.known:  # when the next run is due: read in a worker
            self.ops.run_async("schedule", scheduler.reschedule)
        self.host.start()

    def _action(self, text: str, slot: Callable[[], None] | None) -> QAction:
        action = QAction(text, self.menu)
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        self.menu.addAction(action)
        return action

    @property
    def icon(self) -> QSystemTrayIcon | None:
        return self.host.icon

    @property
    def tooltip(self) -> str:
        return self.host.tooltip

    # -- the window --------------------------------------------------------------------------
    def window_shown(self) -> bool:
        return self._window.isVisible() and not self._window.isMinimized()

    def show_window(self) -> None:
        window = self._window
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()
        self._sync_soon.start()

    def hide_to_tray(self) -> None:
        """Hide the window; a playing video pauses (and so saves its position)."""
        playback = self._playback()
        if playback is not None and playback.state == "playing":
            playback.pause()
        self._window.hide()
        self._sync_soon.start()

    def toggle_window(self) -> None:
        if self.window_shown():
            self.hide_to_tray()
        else:
            self.show_window()

    def close_hides(self) -> bool:
        """Whether closing the window now would hide it in the tray rather than quit."""
        return (
            self.host.icon is not None
            and not self.closing.quitting
            and tray_setting(self._s, "close_to_tray")
            and self._available()
        )

    def _closed_to_tray(self) -> None:
        self.hide_to_tray()
        self._first_close_hint()

    def _first_close_hint(self) -> None:
        if self._hint_shown:
            return
        self._hint_shown = True
        self.host.notify(
            self.tr("Cinema keeps running in the tray"),
            self.tr(
                "It refreshes the TV guide in the background. Click the icon to open the window; "
                "Quit is in its menu. In Settings, closing the window can quit instead."
            ),
        )
        remember_tray_setting(self._s, "tray_hint_shown", True)

    # -- playback ----------------------------------------------------------------------------
    def _playback(self) -> PlaybackService | None:
        # the player is built on first use: never build it from here
        return self._window.playback if self._window.playback_started else None

    def _listen_to_playback(self) -> None:
        playback = self._playback()
        if playback is None or playback is self._listening_to:
            return
        if self._unlisten is not None:
            self._unlisten()
        self._listening_to = playback
        self._unlisten = playback.add_listener(lambda _event, _value: self._sync_soon.start())

    def _playback_changed(self, _event: object) -> None:
        self._listen_to_playback()
        self._sync_soon.start()  # after the caller is done (stop() saves, then goes idle)

    def _open_title(self, title_id: str) -> None:
        self.show_window()
        self._window.open_title(title_id)

    def toggle_pause(self) -> None:
        """Pause, or resume (showing the window if it is in the tray)."""
        playback = self._playback()
        if playback is None or playback.request is None or playback.state not in ("playing", "paused"):
            return
        resuming = playback.state == "paused"
        playback.toggle_pause()
        if resuming and not self.window_shown():
            self.show_window()
        self._sync_soon.start()

    # -- refreshing --------------------------------------------------------------------------
    def refresh_now(self) -> None:
        """Ask the scheduler to run now; a balloon says what it found (its finish event)."""
        if self._flow.state.running:
            return
        run = self._flow.run_once(origin="tray")  # says "refreshing" before this returns
        self.ops.run_async("refresh", lambda: run)

    def _refresh_finished(self, event: RefreshDidFinish) -> None:
        self.sync()
        notifications = tray_setting(self._s, "tray_notifications") and not self.window_shown()
        balloon = status.refresh_balloon(event, event.origin == "tray", notifications)
        if balloon is not None:
            title, text, warning = balloon
            kind = QSystemTrayIcon.MessageIcon.Warning if warning else QSystemTrayIcon.MessageIcon.Information
            self.host.notify(title, text, kind)

    # -- what it says ------------------------------------------------------------------------
    def refresh_status(self) -> str:
        return status.refresh_status(self._flow.state, self._s.clock.now())

    def when_text(self, when: datetime) -> str:
        return status.when_text(when, self._s.clock.now())

    def playing_status(self) -> str:
        return status.playing_status(self._playback())

    def sync(self) -> None:
        """Bring the menu and the tooltip up to date."""
        refresh = self.refresh_status()
        playing = self.playing_status()
        first = f"Cinema — {refresh}" if refresh else "Cinema"
        lines = [first, *(line for line in (self.sync_line.text, playing) if line)]
        self.host.set_tooltip("\n".join(lines))
        self.status_action.setText(refresh[:1].upper() + refresh[1:])
        self.status_action.setVisible(bool(refresh))
        shown = self.window_shown()
        self.toggle_action.setText(self.tr("Hide Cinema") if shown else self.tr("Show Cinema"))
        playback = self._playback()
        state = playback.state if playback is not None and playback.request is not None else ""
        self.play_action.setVisible(state in ("playing", "paused"))
        self.play_action.setText(self.tr("Pause") if state == "playing" else self.tr("Play"))
        self.refresh_action.setEnabled(not self._flow.state.running)

    # -- quitting ----------------------------------------------------------------------------
    def quit(self) -> None:
        """Quit as closing the window does: the window's close saves progress and frees the player."""
        self.closing.quitting = True
        self._window.close()
        self.host.hide()
        self._quit_app()

    def uninstall(self) -> None:
        """Remove the icon and every hook (tests; a tray that must go away)."""
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []
        self.new_sources.unsubscribe()
        if self._unlisten is not None:
            self._unlisten()
            self._unlisten = None
        self.ops.shutdown(0.0)
        self.closing.remove()
        self._sync_soon.stop()
        app = QCoreApplication.instance()
        if isinstance(app, QApplication):
            app.aboutToQuit.disconnect(self.host.hide)
        self.host.remove()
        self.menu.deleteLater()
        if getattr(self._window, "tray", None) is self:
            self._window.tray = None


def install_tray(window: MainWindow, services: AppContext, scheduler: RefreshScheduler) -> Tray:
    """The window's tray (one per window; a second call returns the first)."""
    existing: Any = getattr(window, "tray", None)
    if isinstance(existing, Tray):
        return existing
    tray = Tray(window, services, scheduler)
    window.tray = tray
    return tray
