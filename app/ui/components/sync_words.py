"""The library sync's state in words, for Settings (a sentence) and the tray (a few words).

Texts are in the translation context "SyncWords".
"""

from __future__ import annotations

import time
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale, QTime

from app.domain.sync import SyncState, SyncStatus


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("SyncWords", text, disambiguation, n)


def _clock(unix: float) -> str:
    local = datetime.fromtimestamp(unix).astimezone()
    return QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)


def _waited(seconds: float) -> str:
    if seconds < 90:
        return tr("%n second(s)", "", max(1, int(seconds)))
    if seconds < 90 * 60:
        return tr("%n minute(s)", "", int(seconds // 60))
    return tr("%n hour(s)", "", int(seconds // 3600))


def sentence(status: SyncStatus | None, now: float | None = None) -> str:
    """The state for Settings: what happens and what waits."""
    now = time.time() if now is None else now
    if status is None or status.state == SyncState.OFF:
        return tr("Off: this library is on this device only.")
    waiting = status.outbox_size
    if status.state == SyncState.CONNECTING:
        return tr("Connecting to the library server…")
    if status.state == SyncState.SYNCED:
        if status.last_sync_at:
            return tr("Synced at %1; nothing waits on this device.").replace(
                "%1", _clock(status.last_sync_at)
            )
        return tr("Synced; nothing waits on this device.")
    if status.state == SyncState.SENDING:
        return tr("Sending %n change(s) to the library server…", "", waiting)
    if status.state == SyncState.OFFLINE:
        if not waiting:
            return tr("Offline: the library server does not answer. Nothing waits; Cinema keeps trying.")
        text = tr("Offline: %n change(s) wait on this device and go when the server answers", "", waiting)
        return f"{text} ({tr('the oldest for %1').replace('%1', _waited(status.lag or 0))})."
    if status.state == SyncState.NEEDS_UPGRADE:
        return tr(
            "The library server has an older schema. Upgrade it to sync (devices with an older Cinema "
            "will then need an update)."
        )
    if waiting:
        return tr("Not syncing: %n change(s) wait on this device.", "", waiting)
    return tr("Not syncing.")


def tray_line(status: SyncStatus | None) -> str:
    """A few words for the tray menu; empty when there is no library server."""
    if status is None or status.state == SyncState.OFF:
        return ""
    if status.state in (SyncState.SYNCED, SyncState.SENDING):
        return (
            tr("Library synced")
            if not status.outbox_size
            else tr("Library: sending %n change(s)", "", status.outbox_size)
        )
    if status.state == SyncState.CONNECTING:
        return tr("Library: connecting…")
    if status.state == SyncState.OFFLINE:
        return tr("Library offline: %n change(s) waiting", "", status.outbox_size)
    if status.state == SyncState.NEEDS_UPGRADE:
        return tr("Library server needs an upgrade")
    return tr("Library not syncing: see Settings")
