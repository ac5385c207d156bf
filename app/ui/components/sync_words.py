"""The library sync's state in words, for Settings (a sentence) and the tray (a few words).

Texts are in the translation context "SyncWords".
"""

from __future__ import annotations

import re
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
        if not status.outbox_size:
            return tr("Library offline")
        return tr("Library offline: %n change(s) waiting", "", status.outbox_size)
    if status.state == SyncState.NEEDS_UPGRADE:
        return tr("Library server needs an upgrade")
    return tr("Library not syncing: see Settings")


# The sync's messages (app.storage.sync.server, app.domain.sync) are English sentences with the
# names in them; the UI says them in its language by these patterns (an unknown one stays as is).
_ERRORS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), t)
    for p, t in (
        (r"^The library server (\S+) does not answer: (.*)$", "The library server %1 does not answer: %2"),
        (r"^The library server refused the password for user “(.*)”\.$",
         "The library server refused the password for user “%1”."),
        (r"^The library server has no user “(.*)”\.$", "The library server has no user “%1”."),
        (r"^The library server has no database “(.*)”: create it first\.$",
         "The library server has no database “%1”: create it first."),
        (r"^TLS with the library server failed \(sslmode=(\S+)\): (.*)$",
         "TLS with the library server failed (sslmode=%1): %2"),
        (r"^The library server refused a change: (.*)$", "The library server refused a change: %1"),
        (r"^The library server (\S+) is busy with another device's changes; trying again\.$",
         "The library server %1 is busy with another device's changes; trying again."),
        (r"^The user “(.*)” may not change the library's tables: (.*)$",
         "The user “%1” may not change the library's tables: %2"),
        (r"^The library server (\S+) failed: (.*)$", "The library server %1 failed: %2"),
        (r"^The library server's schema \((.*)\) is newer than this Cinema knows \((.*)\): another device "
         r"upgraded it\. Update Cinema on this device\.$",
         "The library server's schema (%1) is newer than this Cinema knows (%2): another device upgraded "
         "it. Update Cinema on this device."),
        (r"^The library server's schema \((.*)\) is older than this Cinema's \((.*)\)\. Upgrading it makes "
         r"devices with an older Cinema refuse it until they are updated\.$",
         "The library server's schema (%1) is older than this Cinema's (%2). Upgrading it makes devices "
         "with an older Cinema refuse it until they are updated."),
        (r"^The database “(.*)” already holds tables that are not Cinema's: give Cinema an empty database "
         r"of its own\.$",
         "The database “%1” already holds tables that are not Cinema's: give Cinema an empty database "
         "of its own."),
        (r"^No library server given\. Example: (.*)$", "No library server given. Example: %1"),
        (r"^The library server must be a PostgreSQL URL starting with postgresql://, not “(.*)”\. "
         r"Example: (.*)$",
         "The library server must be a PostgreSQL URL starting with postgresql://, not “%1”. Example: %2"),
        (r"^The address names no host\. Example: (.*)$", "The address names no host. Example: %1"),
        (r"^The address names no user \(USER@ before the host\)\. Example: (.*)$",
         "The address names no user (USER@ before the host). Example: %1"),
        (r"^The address names no database \(/DATABASE after the host\)\. Example: (.*)$",
         "The address names no database (/DATABASE after the host). Example: %1"),
        (r"^Unknown option “(.*)” in the address; known: (.*)\.$",
         "Unknown option “%1” in the address; known: %2."),
        (r"^sslmode must be one of (.*), not “(.*)”\.$", "sslmode must be one of %1, not “%2”."),
    )
]  # fmt: skip


def error_words(message: str | None) -> str:
    """The sync's message in the UI's language (the names and the driver's own words kept)."""
    if not message:
        return ""
    for pattern, template in _ERRORS:
        found = pattern.match(message)
        if found is not None:
            text = tr(template)
            for i, value in enumerate(found.groups(), 1):
                text = text.replace(f"%{i}", value)
            return text
    return message
