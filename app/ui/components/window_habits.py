"""Desktop habits of the main window: Ctrl+Q quits, size and place are remembered, a page change
clears the search, a click on the video pauses, and a restart when the language changes."""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from app.core.config import save_settings

log = logging.getLogger(__name__)

RESTART_PROPERTY = "cinema_restart"
KEEPS_SEARCH = ("grid", "title", "player")  # pages that show (or come from) what was searched


class WindowHabits(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        QShortcut(QKeySequence.StandardKey.Quit, window, self.quit, Qt.ShortcutContext.ApplicationShortcut)
        self._restore_geometry()
        window.installEventFilter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.save_geometry)
        window.navigator.pageChanged.connect(self._page_changed)
        window.navigator.pageBuilt.connect(self._page_built)
        self._click = QTimer(self)
        self._click.setSingleShot(True)
        self._click.timeout.connect(self._video_clicked)

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
        stored = self.window.services.settings.window_geometry
        if stored:
            ok = self.window.restoreGeometry(QByteArray.fromBase64(stored.encode("ascii")))
            if not ok:
                log.info("the stored window geometry was not usable: default size")

    def save_geometry(self) -> None:
        services = self.window.services
        if self.window.isFullScreen():
            return  # the size before full screen is what the next start should get
        value = bytes(self.window.saveGeometry().toBase64().data()).decode("ascii")
        if value == services.settings.window_geometry:
            return
        try:
            services.settings = save_settings(services.paths, services.settings, window_geometry=value)
        except OSError as exc:  # a read-only config folder: the next start uses the default size
            log.warning("could not remember the window's size: %s", exc)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() in (QEvent.Type.Close, QEvent.Type.Hide):
            self.save_geometry()
        elif event.type() == QEvent.Type.MouseButtonPress and self._is_video(watched):
            assert isinstance(event, QMouseEvent)
            if event.button() == Qt.MouseButton.LeftButton:
                # a double click toggles full screen: pause only when no second click follows
                self._click.start(QApplication.doubleClickInterval())
        elif event.type() == QEvent.Type.MouseButtonDblClick and self._is_video(watched):
            self._click.stop()
        return False

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
            page.video.installEventFilter(self)

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
