"""The system tray icon: show or hide the window, play/pause, refresh the guides now, quit.

While a tray is there, closing the main window hides it (the first time a balloon says so) and the
app keeps refreshing in the background; without one, closing quits as it always did. Built after
the first paint (``app.ui.tray_hook``); what it reads from the database, and the guide stack
that reading imports, is fetched from a worker.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QObject,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from app.core.events import HistoryDidChange, LibraryDidChange, ProgressDidChange
from app.core.tasks import run_blocking
from app.services.context import AppContext
from app.ui.app_icon import app_icon
from app.ui.components.tray_settings import remember_tray_setting, tray_setting
from app.ui.menu_style import MENU_STYLE

if TYPE_CHECKING:
    from app.services.playback.session import PlaybackService
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

RETRY_AFTER_FAILURE_S = 15 * 60.0  # app.services.scheduler waits this long after a failed run
TRAY_POLL_MS = 10_000  # a tray that starts after us (a panel still loading at login) ...
TRAY_POLL_TRIES = 30  # ... is looked for during the first five minutes
MESSAGE_MS = 8_000
DUE_SOON_S = 60.0


class Scheduler(Protocol):
    """What the tray needs of ``app.services.scheduler.RefreshScheduler``."""

    def due_in(self) -> float: ...

    def run_once(self) -> Awaitable[Any]: ...


class Tray(QObject):
    """The tray icon and its menu, and the main window's close-to-tray.

    Signals: messageShown(str, str): the title and text of each balloon, as it is shown.
    """

    messageShown = Signal(str, str)

    def __init__(
        self,
        window: MainWindow,
        services: AppContext,
        scheduler: Scheduler,
        *,
        available: Callable[[], bool] | None = None,
        quit_app: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._s = services
        self._scheduler = scheduler
        self._available = available or QSystemTrayIcon.isSystemTrayAvailable
        self._quit_app = quit_app or QCoreApplication.quit
        self._quitting = False
        self._refreshing = 0
        self._failed = False  # the last refresh failed (cleared by one that works)
        self._next_at: datetime | None = None
        self._has_sources = True
        self._hint_shown = tray_setting(services, "tray_hint_shown")
        self._tasks: set[asyncio.Future[Any]] = set()
        self._listening_to: PlaybackService | None = None
        self._unlisten: Callable[[], None] | None = None
        self._tries = 0
        self._message_click = False
        self._follows_guides = False  # GuideDidRefresh (a source added or refreshed in Settings)
        self.icon: QSystemTrayIcon | None = None
        self.tooltip = "Cinema"

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

        self._sync_soon = QTimer(self)
        self._sync_soon.setSingleShot(True)
        self._sync_soon.setInterval(0)
        self._sync_soon.timeout.connect(self.sync)
        self._poll = QTimer(self)
        self._poll.setInterval(TRAY_POLL_MS)
        self._poll.timeout.connect(self._show_icon_if_available)

        # the scheduler's own loop calls run_once too: wrapped, both are seen start and end
        self._run_once: Callable[[], Awaitable[Any]] = scheduler.run_once
        setattr(scheduler, "run_once", self._background_refresh)  # noqa: B010 (an instance attribute)
        bus = services.bus
        self._unsubscribe = [
            bus.subscribe(HistoryDidChange, self._playback_changed),
            bus.subscribe(ProgressDidChange, self._playback_changed),
            bus.subscribe(LibraryDidChange, self._guides_changed),
        ]
        window.installEventFilter(self)
        app = QCoreApplication.instance()
        if isinstance(app, QApplication):
            app.aboutToQuit.connect(self._about_to_quit)
            # a session ending (logout) closes every window: hiding would cancel the logout
            app.commitDataRequest.connect(self._session_ending)
        self._listen_to_playback()
        self.sync()
        self._read_schedule()
        self._show_icon_if_available()
        if self.icon is None:
            self._poll.start()

    def _action(self, text: str, slot: Callable[[], None] | None) -> QAction:
        action = QAction(text, self.menu)
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        self.menu.addAction(action)
        return action

    # -- the icon ----------------------------------------------------------------------------
    def _show_icon_if_available(self) -> None:
        if self.icon is not None or self._quitting:
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
        icon.setContextMenu(self.menu)
        icon.activated.connect(self._activated)
        icon.messageClicked.connect(self._message_clicked)
        icon.setToolTip(self.tooltip)
        self.icon = icon
        # hidden in the tray is not closed: the app ends through quit() (or closing without a tray)
        QApplication.setQuitOnLastWindowClosed(False)
        icon.show()
        log.info("tray icon shown")

    def _message_clicked(self) -> None:
        # Qt's own X11 tray also says this for a click on the icon while a balloon is up, just
        # before the click's activation: decide once that event is done
        self._message_click = True
        QTimer.singleShot(0, self._after_message_click)

    def _after_message_click(self) -> None:
        if self._message_click:
            self._message_click = False
            self.show_window()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        self._message_click = False  # a click on the icon: the click decides
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.toggle_window()
        elif reason == QSystemTrayIcon.ActivationReason.DoubleClick:
            self.show_window()  # its first click hid the window: a double click always shows it
        elif reason == QSystemTrayIcon.ActivationReason.MiddleClick:
            self.toggle_pause()

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
            self.icon is not None
            and not self._quitting
            and tray_setting(self._s, "close_to_tray")
            and self._available()
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._quitting or watched is not self._window or event.type() != QEvent.Type.Close:
            return False
        if self.close_hides():
            event.ignore()
            # hidden after this event is done: hiding inside it re-enters this filter with
            # events PySide has already let go of
            QTimer.singleShot(0, self._closed_to_tray)
            return True
        if self.icon is not None:
            # the tray turned quit-on-last-window-closed off: closing quits as it did without one
            self._quitting = True
            QTimer.singleShot(0, self._quit_app)
        return False

    def _closed_to_tray(self) -> None:
        self.hide_to_tray()
        self._first_close_hint()

    def _first_close_hint(self) -> None:
        if self._hint_shown:
            return
        self._hint_shown = True
        self._notify(
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
        """Run the scheduler's refresh now; a balloon says what it found."""
        if self._refreshing:
            return
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            log.warning("refresh asked for with no event loop running")
            return
        self._spawn(self._user_refresh(self._refresh(user=True)))

    @staticmethod
    async def _user_refresh(run: Awaitable[Any]) -> None:
        try:
            await run
        except Exception:
            pass  # already logged and shown by _refreshing_run

    def _background_refresh(self) -> Awaitable[Any]:
        return self._refresh(user=False)

    def _refresh(self, user: bool) -> Coroutine[Any, Any, Any]:
        # marked as running when called, not when first awaited: the menu and tooltip say so at once
        self._refreshing += 1
        self.sync()
        return self._refreshing_run(user)

    async def _refreshing_run(self, user: bool) -> Any:
        try:
            before = await run_blocking(self._title_ids)
            result = await self._run_once()
            after = await run_blocking(self._title_ids)
        except asyncio.CancelledError:
            self._refreshing -= 1
            self.sync()
            raise
        except Exception as exc:
            self._refreshing -= 1
            self._refresh_failed(exc, user)
            raise
        self._refreshing -= 1
        self._refresh_done(result, len(after - before), user)
        return result

    def _title_ids(self) -> set[str]:
        return set(self._window.catalog.ids())

    def _refresh_failed(self, exc: Exception, user: bool) -> None:
        log.warning("refresh failed: %s", exc)
        self._failed = True
        if not user:
            self._next_at = self._s.clock.now() + timedelta(seconds=RETRY_AFTER_FAILURE_S)
        self.sync()
        if user:
            self._notify(
                self.tr("Guide refresh failed"),
                str(exc) or type(exc).__name__,
                QSystemTrayIcon.MessageIcon.Warning,
            )
        self._read_schedule()

    def _refresh_done(self, result: Any, new_titles: int, user: bool) -> None:
        ok, failed = int(getattr(result, "guides_ok", 0)), int(getattr(result, "guides_failed", 0))
        self._failed = bool(failed) and not ok
        self.sync()
        self._read_schedule()
        lines = []
        if failed:
            lines.append(self.tr("%n guide(s) could not be refreshed", "", failed))
        if new_titles and (user or self._notifications_on()):
            self._notify(self.tr("%n new title(s) in the guide", "", new_titles), "\n".join(lines))
        elif user:
            head = self.tr("Guide refresh failed") if self._failed else self.tr("Guides refreshed")
            lines.insert(0, self.tr("Nothing new in the guide"))
            self._notify(head, "\n".join(lines))

    def _notifications_on(self) -> bool:
        # in the window the grid shows the new titles itself
        return tray_setting(self._s, "tray_notifications") and not self.window_shown()

    def _read_schedule(self) -> None:
        """When the next refresh is due, read from a worker (it imports the guide stack)."""
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return
        self._spawn(self._schedule_from_worker())

    async def _schedule_from_worker(self) -> None:
        try:
            has_sources, due_s = await run_blocking(self._schedule)
        except Exception:
            log.exception("reading the refresh schedule failed")
            return
        self._has_sources = has_sources
        if not self._follows_guides:
            # imported by the worker just now: pydantic and the guide models stay off start-up
            from app.services.guide.models import GuideDidRefresh

            self._follows_guides = True
            self._unsubscribe.append(self._s.bus.subscribe(GuideDidRefresh, self._guides_changed))
        if not (self._failed and self._next_at is not None and self._next_at > self._s.clock.now()):
            self._next_at = self._s.clock.now() + timedelta(seconds=due_s)
        self.sync()

    def _schedule(self) -> tuple[bool, float]:
        from app.services.guide import refresh as epg_refresh

        return bool(epg_refresh.list_sources(self._s)), self._scheduler.due_in()

    def _guides_changed(self, _event: object) -> None:
        if not self._refreshing:  # a refresh re-reads the schedule when it ends
            self._read_schedule()

    # -- what it says ------------------------------------------------------------------------
    def refresh_status(self) -> str:
        """The refresh state in a few words: "refreshing guides…", "next guide refresh at 21:00"."""
        if self._refreshing:
            return self.tr("refreshing guides…")
        now = self._s.clock.now()
        if self._failed and self._next_at is not None:
            return self.tr("guide refresh failed; next try %1").replace("%1", self.when_text(self._next_at))
        if not self._has_sources:
            return self.tr("no TV guides to refresh")
        if self._next_at is None:
            return ""
        if self._next_at <= now + timedelta(seconds=DUE_SOON_S):
            return self.tr("guide refresh due")
        return self.tr("next guide refresh %1").replace("%1", self.when_text(self._next_at))

    def when_text(self, when: datetime) -> str:
        """ "at 21:00", "tomorrow at 03:55" or "on 24/11/2026 at 03:55", in the user's zone and locale."""
        local, today = when.astimezone(), self._s.clock.now().astimezone()
        locale = QLocale()
        clock = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
        days = (local.date() - today.date()).days
        if days <= 0:
            return self.tr("at %1").replace("%1", clock)
        if days == 1:
            return self.tr("tomorrow at %1").replace("%1", clock)
        date = locale.toString(QDate(local.year, local.month, local.day), QLocale.FormatType.ShortFormat)
        return self.tr("on %1 at %2").replace("%1", date).replace("%2", clock)

    def playing_status(self) -> str:
        playback = self._playback()
        request = playback.request if playback is not None else None
        if playback is None or request is None:
            return ""
        if playback.state == "paused":
            return self.tr("Paused: %1").replace("%1", request.label)
        if playback.state == "playing":
            return self.tr("Playing: %1").replace("%1", request.label)
        if playback.state == "opening":
            return self.tr("Opening: %1").replace("%1", request.label)
        return ""

    def sync(self) -> None:
        """Bring the menu and the tooltip up to date."""
        refresh = self.refresh_status()
        playing = self.playing_status()
        first = f"Cinema — {refresh}" if refresh else "Cinema"
        self.tooltip = f"{first}\n{playing}" if playing else first
        self.status_action.setText(refresh[:1].upper() + refresh[1:])
        self.status_action.setVisible(bool(refresh))
        shown = self.window_shown()
        self.toggle_action.setText(self.tr("Hide Cinema") if shown else self.tr("Show Cinema"))
        playback = self._playback()
        state = playback.state if playback is not None and playback.request is not None else ""
        self.play_action.setVisible(state in ("playing", "paused"))
        self.play_action.setText(self.tr("Pause") if state == "playing" else self.tr("Play"))
        self.refresh_action.setEnabled(not self._refreshing)
        if self.icon is not None:
            self.icon.setToolTip(self.tooltip)

    def _notify(
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

    # -- quitting ----------------------------------------------------------------------------
    def quit(self) -> None:
        """Quit as closing the window does: the window's close saves progress and frees the player."""
        self._quitting = True
        self._window.close()
        if self.icon is not None:
            self.icon.hide()
        self._quit_app()

    def _about_to_quit(self) -> None:
        self._quitting = True
        if self.icon is not None:
            self.icon.hide()

    def _session_ending(self, _manager: object) -> None:
        self._quitting = True

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def uninstall(self) -> None:
        """Remove the icon and every hook (tests; a tray that must go away)."""
        if "run_once" in vars(self._scheduler):
            delattr(self._scheduler, "run_once")
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []
        if self._unlisten is not None:
            self._unlisten()
            self._unlisten = None
        for task in list(self._tasks):
            task.cancel()
        self._window.removeEventFilter(self)
        self._poll.stop()
        self._sync_soon.stop()
        app = QCoreApplication.instance()
        if isinstance(app, QApplication):
            app.aboutToQuit.disconnect(self._about_to_quit)
            app.commitDataRequest.disconnect(self._session_ending)
        if self.icon is not None:
            self.icon.hide()
            self.icon.deleteLater()
            self.icon = None
            QApplication.setQuitOnLastWindowClosed(True)
        self.menu.deleteLater()
        if self._s.extras.get("tray") is self:
            del self._s.extras["tray"]


def install_tray(window: MainWindow, services: AppContext, scheduler: Scheduler) -> Tray:
    """The app's tray (one per services; a second call returns the first)."""
    existing = services.extras.get("tray")
    if isinstance(existing, Tray):
        return existing
    tray = Tray(window, services, scheduler)
    services.extras["tray"] = tray
    return tray
