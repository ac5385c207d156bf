"""Cyclic garbage is collected on the GUI thread only, from a timer.

Python runs a collection in whichever thread happens to allocate past the threshold. A Qt object
held in a reference cycle (a widget whose slot is its own bound method, a helper with a timer)
is then deleted from a worker thread, while the GUI thread's event dispatcher still holds its
timers and socket notifiers: Qt warns "Timers cannot be stopped from another thread" and may
crash in ``QCoreApplication::notify``. Automatic collection is turned off and this timer runs
the same generational schedule (the interpreter's thresholds) on the GUI thread instead.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500  # often enough that garbage does not pile up between checks


class GuiThreadCollector(QObject):
    """Turns automatic collection off and collects, on its own thread's timer, the generation
    the interpreter would have collected (gen 0 past its threshold, older ones as theirs fill)."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        gc.disable()
        self.threshold = gc.get_threshold()
        self.collections = 0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> int:
        """Collect the due generation, if any; the generation collected or -1."""
        counts = gc.get_count()
        if counts[0] <= self.threshold[0]:
            return -1
        generation = 0
        if counts[1] > self.threshold[1]:
            generation = 2 if counts[2] > self.threshold[2] else 1
        gc.collect(generation)
        self.collections += 1
        return generation


def collect_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """The app's collector (made once, a child of ``app``)."""
    found = app.findChild(GuiThreadCollector)
    return found if isinstance(found, GuiThreadCollector) else GuiThreadCollector(app)
