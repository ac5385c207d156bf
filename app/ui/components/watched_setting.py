"""Settings › Watching: how far into a film or episode it counts as watched (``watched_fraction``)."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from app.core.config import save_settings
from app.services.context import AppContext

log = logging.getLogger(__name__)


class WatchedSetting(QWidget):
    """A percentage saved to settings.json at once; playback reads it at each save of progress."""

    def __init__(self, services: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._s = services
        self.heading = QLabel(self.tr("Watching"))
        self.heading.setObjectName("SectionHeading")
        self.percent = QSpinBox()
        self.percent.setRange(50, 100)  # below half a film "watched" would hide it from Continue watching
        self.percent.setSuffix(" %")
        self.percent.setFixedWidth(90)
        self.note = QLabel()
        self.note.setObjectName("Muted")
        self.note.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("A film or an episode counts as watched once played to")))
        row.addWidget(self.percent)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addLayout(row)
        layout.addWidget(self.note)
        self.refresh()
        self.percent.valueChanged.connect(self._save)

    def refresh(self) -> None:
        self.percent.blockSignals(True)
        self.percent.setValue(round(self._s.settings.watched_fraction * 100))
        self.percent.blockSignals(False)
        self._say(saved=True)

    def _say(self, *, saved: bool) -> None:
        text = self.tr(
            "It then leaves Continue watching and is marked watched in the history; "
            "the last 5 % always count."
        )
        if not saved:
            text += " " + self.tr("It could not be saved: it lasts until Cinema quits.")
        self.note.setText(text)

    def _save(self, value: int) -> None:
        fraction = value / 100
        try:
            self._s.settings = save_settings(self._s.paths, self._s.settings, watched_fraction=fraction)
            self._say(saved=True)
        except OSError as exc:  # a read-only settings file: the value holds for this run
            log.warning("could not save watched_fraction (%s)", exc)
            self._s.settings = self._s.settings.model_copy(update={"watched_fraction": fraction})
            self._say(saved=False)
