"""A typed event bus: services announce what changed (``<subject>_did_<verb>``), views subscribe."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

log = logging.getLogger(__name__)

E = TypeVar("E")


@dataclass(frozen=True)
class ProgressDidChange:
    item_key: str
    position_ms: int
    duration_ms: int | None


@dataclass(frozen=True)
class LibraryDidChange:
    reason: str


@dataclass(frozen=True)
class HistoryDidChange:
    item_key: str


@dataclass(frozen=True)
class ProfileDidChange:
    """Another profile is now the current one (everything per-profile must be read again)."""

    profile_id: int
    previous_id: int | None


@dataclass(frozen=True)
class ProfilesDidChange:
    """A profile was created, edited or deleted (pickers and menus redraw)."""

    profile_id: int


@dataclass(frozen=True)
class PlaylistDidChange:
    playlist_id: int


@dataclass(frozen=True)
class DiscoveryDidRefresh:
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
