"""The sync's event on the bus (a module of its own: the tray imports it without the sync's stack)."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.sync import SyncStatus


@dataclass(frozen=True)
class SyncDidChange:
    """The sync's state, outbox or last error changed (the tray and Settings redraw)."""

    status: SyncStatus
