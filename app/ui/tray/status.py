"""What the tray says: the refresh state and what plays, in a few words, and the balloon a
finished refresh deserves. Texts are in the tray's translation context ("Tray")."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

if TYPE_CHECKING:
    from app.services.playback.session import PlaybackService
    from app.services.scheduler import RefreshDidFinish, RefreshState

DUE_SOON_S = 60.0


def refresh_status(state: RefreshState, now: datetime) -> str:
    """The refresh state in a few words: "refreshing guides…", "next guide refresh at 21:00"."""
    if state.running:
        return QCoreApplication.translate("Tray", "refreshing guides…")
    if state.last is not None and state.last.failed and state.next_due_at is not None:
        return QCoreApplication.translate("Tray", "guide refresh failed; next try %1").replace(
            "%1", when_text(state.next_due_at, now)
        )
    if not state.known:
        return ""
    if not state.has_sources:
        return QCoreApplication.translate("Tray", "no TV guides to refresh")
    if state.next_due_at is None:
        return ""
    if state.next_due_at <= now + timedelta(seconds=DUE_SOON_S):
        return QCoreApplication.translate("Tray", "guide refresh due")
    return QCoreApplication.translate("Tray", "next guide refresh %1").replace(
        "%1", when_text(state.next_due_at, now)
    )


def when_text(when: datetime, now: datetime) -> str:
    """ "at 21:00", "tomorrow at 03:55" or "on 24/11/2026 at 03:55", in the user's zone and locale."""
    local, today = when.astimezone(), now.astimezone()
    locale = QLocale()
    clock = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    days = (local.date() - today.date()).days
    if days <= 0:
        return QCoreApplication.translate("Tray", "at %1").replace("%1", clock)
    if days == 1:
        return QCoreApplication.translate("Tray", "tomorrow at %1").replace("%1", clock)
    date = locale.toString(QDate(local.year, local.month, local.day), QLocale.FormatType.ShortFormat)
    return QCoreApplication.translate("Tray", "on %1 at %2").replace("%1", date).replace("%2", clock)


def playing_status(playback: PlaybackService | None) -> str:
    request = playback.request if playback is not None else None
    if playback is None or request is None:
        return ""
    if playback.state == "paused":
        return QCoreApplication.translate("Tray", "Paused: %1").replace("%1", request.label)
    if playback.state == "playing":
        return QCoreApplication.translate("Tray", "Playing: %1").replace("%1", request.label)
    if playback.state == "opening":
        return QCoreApplication.translate("Tray", "Opening: %1").replace("%1", request.label)
    return ""


def refresh_balloon(
    event: RefreshDidFinish, asked: bool, notifications: bool
) -> tuple[str, str, bool] | None:
    """(title, text, warning) for the balloon after a run, or None for no balloon.

    ``asked``: the user asked for this run from the tray (always answered); otherwise only new
    titles are told, and only when ``notifications`` (on, and the window is not shown).
    """
    if event.error is not None:
        return (
            (QCoreApplication.translate("Tray", "Guide refresh failed"), event.error, True) if asked else None
        )
    lines = []
    if event.guides_failed:
        lines.append(
            QCoreApplication.translate("Tray", "%n guide(s) could not be refreshed", "", event.guides_failed)
        )
    if event.new_titles and (asked or notifications):
        return (
            QCoreApplication.translate("Tray", "%n new title(s) in the guide", "", event.new_titles),
            "\n".join(lines),
            False,
        )
    if asked:
        head = (
            QCoreApplication.translate("Tray", "Guide refresh failed")
            if event.failed
            else QCoreApplication.translate("Tray", "Guides refreshed")
        )
        lines.insert(0, QCoreApplication.translate("Tray", "Nothing new in the guide"))
        return head, "\n".join(lines), False
    return None
