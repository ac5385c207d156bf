"""The UI language for the Settings page: the system's, Russian or English, saved at once.

Qt's texts are translated when the widgets are built, so a new language shows from the next
start; the page says so instead of half-translating the window it is in, and offers to restart.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.config import save_settings
from app.services.context import AppContext

log = logging.getLogger(__name__)

CHOICES = ("system", "ru", "en")


class LanguageSetting(QWidget):
    def __init__(self, services: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._s = services
        self._started_with = services.settings.language
        self.combo = QComboBox()
        self.combo.setObjectName("Filter")  # the theme's combo box
        self.combo.setAccessibleName(self.tr("Language"))
        # each language is named in itself, as language pickers do
        for code, label in zip(CHOICES, (self.tr("As in the system"), "Русский", "English"), strict=True):
            self.combo.addItem(label, code)
        current = services.settings.language if services.settings.language in CHOICES else "system"
        self.combo.setCurrentIndex(CHOICES.index(current))
        self.combo.currentIndexChanged.connect(self._chosen)
        self.note = QLabel()
        self.note.setObjectName("Muted")
        self.note.setWordWrap(True)
        self.note.hide()
        self.restart_button = QPushButton(self.tr("Restart now"))  # issue 18
        self.restart_button.clicked.connect(self._restart)
        self.restart_button.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo)
        row.addStretch(1)
        note_row = QHBoxLayout()
        note_row.setContentsMargins(0, 0, 0, 0)
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.restart_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addLayout(note_row)

    def _chosen(self, index: int) -> None:
        code = CHOICES[index]
        try:
            self._s.settings = save_settings(self._s.paths, self._s.settings, language=code)
        except OSError as exc:
            log.warning("could not save the language (%s)", exc)
            self.note.setText(self.tr("Could not save the choice: %1").replace("%1", str(exc)))
            self.note.show()
            return
        if code == self._started_with:
            self.note.hide()
            self.restart_button.hide()
        else:
            self.note.setText(
                self.tr("Cinema will speak the chosen language from its next start, or restart it now.")
            )
            self.note.show()
            self.restart_button.show()

    def _restart(self) -> None:
        """Quit (saving what plays) and start again in the chosen language."""
        from app.ui.components.window_habits import request_restart

        request_restart()
