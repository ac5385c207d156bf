"""Desktop habits of the main window: Ctrl+Q quits, size and place are remembered, a page change
clears the search, a click on the video pauses, and a restart when the language changes."""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from app.core.config import save_settings

log = logging.getLogger(__name__)

RESTART_PROPERTY = "cinema_restart"
KEEPS_SEARCH = ("grid", "title", "player")  # pages that show (or come from) what was searched


class WindowHabits(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        QShortcut(QKeySequence.StandardKey.Quit, window, self.quit, Qt.ShortcutContext.ApplicationShortcut)
        self._restored = False  # the stored size and place are applied when the window first shows
        window.installEventFilter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.save_geometry)
        window.navigator.pageChanged.connect(self._page_changed)
        window.navigator.pageBuilt.connect(self._page_built)
        self._click = QTimer(self)
        self._click.setSingleShot(True)
        self._click.timeout.connect(self._video_clicked)

    def watch_app(self) -> None:
        """Watch every widget's events: Enter on a focused button, Esc over the suggestions, a
        click on the video. The window asks once Home has painted (``install_parts``): the first
        event of each kind seen here makes PySide build that event's classes (~20 ms at start)."""
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    # -- Ctrl+Q -------------------------------------------------------------------------------
    def quit(self) -> None:
        """Quit for real (not to the tray), as the tray's Quit does."""
        tray = getattr(self.window, "tray", None)
        if tray is not None and hasattr(tray, "quit"):
            tray.quit()
        else:
            QCoreApplication.quit()

    # -- size and place -----------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        """The stored place and size ("x,y,width,height[,max]"), kept on the screen it fits."""
        stored = self.window.services.settings.window_geometry
        try:
            parts = [int(p) for p in stored.split(",")[:4]]
            maximized = stored.endswith(",max")
        except ValueError:
            parts, maximized = [], False
        if len(parts) != 4:
            return
        x, y, width, height = parts
        rect = QRect(x, y, max(width, self.window.minimumWidth()), max(height, self.window.minimumHeight()))
        screen = QGuiApplication.screenAt(rect.center()) or QGuiApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry()
            rect.setSize(rect.size().boundedTo(room.size()))
            if not room.contains(rect.center()):
                rect.moveCenter(room.center())
        self.window.setGeometry(rect)
        if maximized:
            self.window.setWindowState(self.window.windowState() | Qt.WindowState.WindowMaximized)

    def save_geometry(self) -> None:
        window = self.window
        services = window.services
        if window.isFullScreen() or not self._restored:
            return  # never shown: nothing to remember; full screen: the size before it is
        rect = window.normalGeometry() if window.isMaximized() else window.geometry()
        value = f"{rect.x()},{rect.y()},{rect.width()},{rect.height()}" + (
            ",max" if window.isMaximized() else ""
        )
        if value == services.settings.window_geometry:
            return
        try:
            services.settings = save_settings(services.paths, services.settings, window_geometry=value)
        except OSError as exc:  # a read-only config folder: the next start uses the default size
            log.warning("could not remember the window's size: %s", exc)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape and self.window.search.popup.isVisible():
                # Esc over the suggestions closes them (the window's Esc would clear the search)
                self.window.search.popup.hide()
                event.accept()
                return True
            return False
        if event.type() == QEvent.Type.KeyPress:
            return self._key(watched, event)
        if watched is self.window and event.type() == QEvent.Type.Show and not self._restored:
            # restored on an unshown window, Qt kept the minimum width: apply it as it shows
            self._restored = True
            self._restore_geometry()
        elif watched is self.window and event.type() in (QEvent.Type.Close, QEvent.Type.Hide):
            self.save_geometry()
        elif event.type() == QEvent.Type.MouseButtonPress and self._is_video(watched):
            assert isinstance(event, QMouseEvent)
            if event.button() == Qt.MouseButton.LeftButton:
                # a double click toggles full screen: pause only when no second click follows
                self._click.start(QApplication.doubleClickInterval())
        elif event.type() == QEvent.Type.MouseButtonDblClick and self._is_video(watched):
            self._click.stop()
        return False

    # -- keys -----------------------------------------------------------------------------------
    def _key(self, watched: QObject, event: QEvent) -> bool:
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if key == Qt.Key.Key_Escape and self.window.search.popup.isVisible():
            self.window.search.popup.hide()  # Esc closes the suggestions, nothing more
            return True
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers()
        if (
            enter
            and isinstance(watched, QPushButton)
            and watched.window() is self.window
            and watched.isEnabled()
            and not event.isAutoRepeat()
        ):
            watched.click()  # as a remote's OK does (Qt only clicks a button on Space)
            return True
        return False

    def play_chosen(self, candidate: Any) -> None:
        """A row of the title page's ways to watch chosen (Enter, double click): play it first."""
        from app.services.playback.plan import plan_chosen

        window = self.window
        page = window.navigator.built("title")
        detail = page.detail if page is not None else None
        if detail is None:
            return
        start = int(getattr(page, "_resume_ms", 0))
        window.ops.run(
            "play",
            lambda: plan_chosen(window.services, detail, start, candidate),
            lambda plan: window.start_plan(plan, "title"),
        )

    # -- the search and the pages -------------------------------------------------------------
    def _page_changed(self, name: str) -> None:
        window = self.window
        if name in KEEPS_SEARCH or not window.search.text():
            return
        window.search.clear()
        window.search.popup.hide()
        grid = window.navigator.built("grid")
        if grid is not None:
            grid.set_text("")

    # -- a click on the video -----------------------------------------------------------------
    def _page_built(self, name: str, page: QWidget) -> None:
        if name == "player":
            player: Any = page  # the PlayerPage (not imported: it is built when first shown)
            player.video.installEventFilter(self)
            from app.ui.components import play_failure

            self.play_failure = play_failure.install(player, self.window.playback)  # why, Retry

    def _is_video(self, watched: QObject) -> bool:
        player = self.window.navigator.built("player")
        return player is not None and watched is player.video

    def _video_clicked(self) -> None:
        if self.window.navigator.is_current("player"):
            self.window.playback.toggle_pause()
            self.window.player.poke()


def request_restart() -> None:
    """Quit, then start again (bootstrap looks at the property once the app has shut down)."""
    app = QCoreApplication.instance()
    if app is None:
        return
    app.setProperty(RESTART_PROPERTY, True)
    QCoreApplication.quit()


def restart_requested() -> bool:
    app = QCoreApplication.instance()
    return bool(app is not None and app.property(RESTART_PROPERTY))


def restart_command() -> list[str]:
    """The command line that started this app, without what it was asked to play."""
    if getattr(sys, "frozen", False):
        args = [sys.executable, *sys.argv[1:]]
    else:
        args = list(getattr(sys, "orig_argv", [sys.executable, *sys.argv]))
    if "play" in args[1:]:
        args = args[: args.index("play", 1)]
    return args


def restart_now() -> None:
    """Replace this process with a fresh start (after everything was shut down and saved)."""
    args = restart_command()
    log.info("restarting: %s", " ".join(args))
    os.execv(sys.executable, args)


def install(window: Any) -> WindowHabits:
    return WindowHabits(window)
