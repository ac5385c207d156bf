"""A typed event bus: services announce what changed (``<subject>_did_<verb>``), views subscribe.

The events are NamedTuples: immutable and typed like frozen dataclasses, but built at import in a
fifth of the time (~0.1 ms against ~0.5 ms each; this module is on the way to the first paint).
The bus dispatches on the exact type, so two kinds of event with equal fields never meet.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

log = logging.getLogger(__name__)

E = TypeVar("E")


class ProgressDidChange(NamedTuple):
    item_key: str
    position_ms: int
    duration_ms: int | None


class LibraryDidChange(NamedTuple):
    reason: str


class HistoryDidChange(NamedTuple):
    item_key: str


class ProfileDidChange(NamedTuple):
    """Another profile is now the current one (everything per-profile must be read again)."""

    profile_id: int
    previous_id: int | None


class ProfilesDidChange(NamedTuple):
    """A profile was created, edited or deleted (pickers and menus redraw)."""

    profile_id: int


class PlaylistDidChange(NamedTuple):
    playlist_id: int


class DiscoveryDidRefresh(NamedTuple):
    """Home's discovery rows (popular, trending ... recommended) were fetched again."""

    profile_id: int | None


class EventBus:
    """Synchronous fan-out on the caller's thread; handlers must be quick."""

    def __init__(self) -> None:
        self._handlers: dict[type[Any], list[Callable[[Any], None]]] = defaultdict(list)

    def subscribe(self, event_type: type[E], handler: Callable[[E], None]) -> Callable[[], None]:
        self._handlers[event_type].append(handler)

        def unsubscribe() -> None:
            if handler in self._handlers[event_type]:
                self._handlers[event_type].remove(handler)

        return unsubscribe

    def publish(self, event: object) -> None:
        for handler in list(self._handlers.get(type(event), ())):
            try:
                handler(event)
            except Exception:
                log.exception("event handler failed for %s", type(event).__name__)
