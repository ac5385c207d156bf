"""Settings › Sources › preferences: maximum quality and size, audio and subtitle languages —
what the ranking's components weigh (saved to settings.json at once)."""

from __future__ import annotations

import logging
import re
from typing import Any

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QGridLayout, QLabel, QLineEdit, QWidget

from app.core.config import save_settings
from app.services.context import AppContext

log = logging.getLogger(__name__)
QUALITIES = ("", "2160p", "1080p", "720p", "480p")


def clean_languages(text: str) -> str:
    """``ru, en`` from whatever was typed (two-letter codes, in order, each once)."""
    codes = [c.lower() for c in re.split(r"[\s,;]+", text) if re.fullmatch(r"[A-Za-z]{2}", c)]
    return ",".join(dict.fromkeys(codes))


class SourcePreferences(QWidget):
    """Four fields; each change is saved and ranks the next search."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._c = context
        s = context.settings
        self.quality = QComboBox()
        for q in QUALITIES:
            self.quality.addItem(q or self.tr("No limit"), q)
        self.quality.setCurrentIndex(max(0, self.quality.findData(s.sources_max_quality)))
        self.max_size = QDoubleSpinBox()
        self.max_size.setRange(0, 1000)
        self.max_size.setDecimals(0)
        self.max_size.setSuffix(self.tr(" GB"))
        self.max_size.setSpecialValueText(self.tr("No limit"))
        self.max_size.setValue(s.sources_max_size_gb)
        self.audio = QLineEdit(s.sources_audio_languages)
        self.audio.setPlaceholderText(self.tr("the interface language's, e.g. ru, en"))
        self.subtitles = QLineEdit(s.sources_subtitle_languages)
        self.subtitles.setPlaceholderText(self.tr("the interface language's, then en"))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        rows = (
            (self.tr("Best quality to prefer"), self.quality),
            (self.tr("Largest size"), self.max_size),
            (self.tr("Audio languages"), self.audio),
            (self.tr("Subtitle languages"), self.subtitles),
        )
        for n, (label, field) in enumerate(rows):
            grid.addWidget(QLabel(label), n // 2, (n % 2) * 2)
            grid.addWidget(field, n // 2, (n % 2) * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.quality.currentIndexChanged.connect(
            lambda _i: self._save(sources_max_quality=self.quality.currentData())
        )
        self.max_size.editingFinished.connect(
            lambda: self._save(sources_max_size_gb=float(self.max_size.value()))
        )
        self.audio.editingFinished.connect(lambda: self._languages(self.audio, "sources_audio_languages"))
        self.subtitles.editingFinished.connect(
            lambda: self._languages(self.subtitles, "sources_subtitle_languages")
        )

    def _languages(self, field: QLineEdit, name: str) -> None:
        cleaned = clean_languages(field.text())
        field.setText(cleaned.replace(",", ", "))
        self._save(**{name: cleaned})

    def _save(self, **changes: Any) -> None:
        if all(getattr(self._c.settings, k) == v for k, v in changes.items()):
            return
        try:
            self._c.settings = save_settings(self._c.paths, self._c.settings, **changes)
        except OSError as exc:  # a read-only config folder: it lasts until the app quits
            log.warning("could not save %s (%s)", ", ".join(changes), exc)
            self._c.settings = self._c.settings.model_copy(update=changes)
