"""Cyclic garbage is collected on the GUI thread, from the collector's timer, never by a worker."""

from __future__ import annotations

import gc
import itertools
import threading
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QTimer

from app.ui.gui_gc import GuiThreadCollector, collect_on_gui_thread


class Tag:
    """Freed with its owner: says in which thread."""

    def __del__(self) -> None:
        Cyclic.freed_in.append(threading.current_thread().name)


class Cyclic(QObject):
    """A Qt object with a timer, kept alive only by a reference cycle (as a panel's helper is)."""

    freed_in: ClassVar[list[str]] = []

    def __init__(self, timer: bool = True) -> None:
        super().__init__()
        self.me = self
        if timer:
            self.timer = QTimer(self)
            self.timer.start(60_000)
        self.tag = Tag()  # (a Python object: the destroyed signal is not emitted to Python then)


def churn() -> None:
    """A worker's work: allocations far past the collection threshold, in cycles."""
    for _ in range(50):
        junk: list[list[object]] = [[] for _ in range(1000)]
        for a, b in itertools.pairwise(junk):
            a.append(b)
            b.append(a)


def test_without_the_collector_a_worker_frees_the_gui_s_objects(qapp: Any) -> None:
    """The hazard itself (with no timer on the object, so Qt has nothing to complain about)."""
    Cyclic.freed_in.clear()
    gc.collect()
    gc.enable()
    try:
        Cyclic(timer=False)
        worker = threading.Thread(target=churn, name="worker")
        worker.start()
        worker.join()
    finally:
        gc.disable()
    assert Cyclic.freed_in == ["worker"]


def test_a_cycle_is_freed_on_the_gui_thread_by_the_timer_not_by_a_worker(qapp: Any, qtbot: Any) -> None:
    gc.enable()  # as the app runs before the collector
    collector = GuiThreadCollector(qapp, interval_ms=20)
    try:
        assert not gc.isenabled()
        Cyclic.freed_in.clear()
        Cyclic()  # garbage at once, in a cycle

        worker = threading.Thread(target=churn, name="worker")
        worker.start()
        worker.join()
        assert Cyclic.freed_in == []  # the worker's allocations collected nothing
        qtbot.waitUntil(lambda: Cyclic.freed_in != [], timeout=3000)
        assert Cyclic.freed_in == [threading.main_thread().name]
        assert collector.collections >= 1
        assert collect_on_gui_thread(qapp) is collector  # one per app
    finally:
        collector.deleteLater()
        collector.setParent(None)


def test_nothing_is_collected_before_the_threshold(qapp: Any) -> None:
    collector = GuiThreadCollector(None, interval_ms=60_000)
    try:
        gc.collect()
        assert collector.check() == -1  # nothing allocated since: no collection
        assert collector.collections == 0
    finally:
        collector.deleteLater()
