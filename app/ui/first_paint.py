"""The first painted poster view: a watcher the window installs, and the line benchmarks read."""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QListView, QWidget

REPORT_ENV = "CINEMA_REPORT_FIRST_PAINT"  # "1": print the line; "exit": print it and close


class FirstPaintWatcher(QObject):
    """Reports the first paint of a poster view (home strip or grid) with rows in it.

    Signals: painted() (after that paint has ended).
    """

    painted = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._done = False
        if os.environ.get(REPORT_ENV):
            self.painted.connect(self._report)

    @property
    def done(self) -> bool:
        return self._done

    def watch(self, view: QListView) -> None:
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._done or event.type() != QEvent.Type.Paint:
            return False
        view = watched.parent()
        model = view.model() if isinstance(view, QListView) else None
        if model is not None and model.rowCount() > 0:
            self._done = True
            QTimer.singleShot(0, self.painted.emit)
        return False

    def _report(self) -> None:
        """``first-paint <monotonic> rss_kb <n>`` on stdout (bench/startup.py reads it)."""
        rss_kb = 0
        try:
            with open("/proc/self/status", encoding="ascii") as status:
                rss_kb = next((int(line.split()[1]) for line in status if line.startswith("VmRSS:")), 0)
        except OSError:
            pass
        print(f"first-paint {time.monotonic():.6f} rss_kb {rss_kb}", flush=True)
        if os.environ.get(REPORT_ENV) == "exit":
            self._window.close()
