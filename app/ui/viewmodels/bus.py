"""Bus events for views, delivered on the GUI thread whichever thread published them.

Services publish on the thread that did the work: a write run by ``Operations`` in a worker
announces its change from there. A view subscribes through ``subscribe`` and its handler runs
on the GUI thread: at once when the event was published there, else queued to it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from app.core.events import EventBus

E = TypeVar("E")


class _Relay(QObject):
    delivered = Signal(object)


def subscribe(
    bus: EventBus, event_type: type[E], handler: Callable[[E], None], owner: QObject
) -> Callable[[], None]:
    """Subscribe ``handler`` for as long as ``owner`` lives; returns the unsubscribe call."""
    relay = _Relay(owner)
    relay.delivered.connect(handler)
    unsubscribe = bus.subscribe(event_type, relay.delivered.emit)
    relay.destroyed.connect(lambda *_: unsubscribe())
    return unsubscribe
