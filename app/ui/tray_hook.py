"""Install the tray once the window has painted: the one call run_gui makes.

Kept apart from app.ui.tray so that run_gui imports only this (QtCore, already loaded) on the
way to the first frame; the tray module is imported when the tray is built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.services.scheduler import RefreshScheduler
    from app.ui.main_window import MainWindow

FALLBACK_MS = 3000  # a library with no poster row paints none: install anyway by then


def install_tray_after_first_paint(
    window: MainWindow, services: AppContext, scheduler: RefreshScheduler, fallback_ms: int = FALLBACK_MS
) -> None:
    """``install_tray`` when the first poster row is painted, or after ``fallback_ms``."""

    def install() -> None:
        # not visible by then means closed already (the start-up benchmark closes at first paint)
        if window.tray is not None or not window.isVisible():
            return
        from app.ui.tray import install_tray

        install_tray(window, services, scheduler)

    if window.first_paint.done:  # painted already (the app paints before its loop starts)
        QTimer.singleShot(0, window, install)
    else:
        window.first_paint.painted.connect(install)
    QTimer.singleShot(fallback_ms, window, install)
