"""The tray's settings: the two check boxes for the Settings page, and reading and saving them.

The settings are ``close_to_tray``, ``tray_notifications`` and ``tray_hint_shown`` (docs/notes/
tray.md).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QLabel, QSystemTrayIcon, QVBoxLayout, QWidget

from app.core.config import save_settings
from app.services.context import AppContext

log = logging.getLogger(__name__)

TRAY_SETTINGS = ("close_to_tray", "tray_notifications", "tray_hint_shown")


def tray_setting(services: AppContext, name: str) -> bool:
    assert name in TRAY_SETTINGS, name
    return bool(getattr(services.settings, name))


def remember_tray_setting(services: AppContext, name: str, value: bool) -> bool:
    """Save a tray setting to settings.json; False when it only lasts until the app quits."""
    assert name in TRAY_SETTINGS, name
    try:
        services.settings = save_settings(services.paths, services.settings, **{name: value})
        return True
    except OSError as exc:
        log.warning("could not save %s (%s): it lasts until Cinema quits", name, exc)
        services.settings = services.settings.model_copy(update={name: value})
        return False


# the theme styles no check box: an unchecked one was nearly invisible on the dark page
CHECK_STYLE = """
QCheckBox { spacing: 10px; }
QCheckBox::indicator { width: 14px; height: 14px; border: 1px solid #5a6070; border-radius: 3px;
                       background: #181a21; }
QCheckBox::indicator:hover { border-color: #8a90a0; }
QCheckBox::indicator:checked { background: #ff5a36; border-color: #ff5a36; }
"""


class TraySettings(QWidget):
    """Two check boxes saved to settings.json at once (``close_to_tray``, ``tray_notifications``)."""

    def __init__(
        self,
        services: AppContext,
        parent: QWidget | None = None,
        *,
        available: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self._s = services
        self._available = available or QSystemTrayIcon.isSystemTrayAvailable
        self.heading = QLabel(self.tr("System tray"))
        self.heading.setObjectName("SectionHeading")
        self.close_to_tray = QCheckBox(self.tr("Closing the window keeps Cinema running in the tray"))
        self.notifications = QCheckBox(self.tr("Tell me when a background refresh finds new titles"))
        self.note = QLabel(self.tr("No system tray was found, so closing the window quits Cinema."))
        self.note.setObjectName("Muted")
        self.note.setWordWrap(True)
        for box in (self.close_to_tray, self.notifications):
            box.setStyleSheet(CHECK_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for widget in (self.heading, self.close_to_tray, self.notifications, self.note):
            layout.addWidget(widget)
        self.refresh()
        self.close_to_tray.toggled.connect(lambda on: remember_tray_setting(services, "close_to_tray", on))
        self.notifications.toggled.connect(
            lambda on: remember_tray_setting(services, "tray_notifications", on)
        )

    def refresh(self) -> None:
        """Re-read the settings and whether a tray is there now."""
        for box, name in ((self.close_to_tray, "close_to_tray"), (self.notifications, "tray_notifications")):
            box.blockSignals(True)
            box.setChecked(tray_setting(self._s, name))
            box.blockSignals(False)
        self.note.setVisible(not self._available())
