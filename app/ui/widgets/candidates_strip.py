"""'Wrong match? choose another': the enrichment's other candidates as a strip of posters."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from app.ui.images import decode_scaled
from app.ui.widgets.poster_art import paint_typographic_poster

ICON = QSize(92, 138)


def candidate_icon(candidate: dict[str, Any]) -> QIcon:
    """The candidate's poster when it is a local file, else a typographic one (URLs are not fetched)."""
    poster = candidate.get("poster")
    if isinstance(poster, str) and poster and "://" not in poster:
        image = decode_scaled(poster, ICON)
        if image is not None:
            return QIcon(QPixmap.fromImage(image))
    canvas = QPixmap(ICON)
    canvas.fill(Qt.GlobalColor.transparent)
    painter = QPainter(canvas)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_typographic_poster(
        painter, QRectF(canvas.rect()), str(candidate["id"]), str(candidate.get("title", "")), None
    )
    painter.end()
    return QIcon(canvas)


class CandidatesStrip(QListWidget):
    """Signals: chosen(str candidate_id)."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Candidates")
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setIconSize(ICON)
        self.setGridSize(QSize(150, 200))
        self.setWordWrap(True)
        self.setFixedHeight(220)
        self.setMovement(QListWidget.Movement.Static)
        self.itemActivated.connect(self._choose)
        self.itemClicked.connect(self._choose)

    def fill(self, candidates: list[dict[str, Any]]) -> None:
        self.clear()
        for cand in candidates:
            year = f" ({cand['year']})" if cand.get("year") else ""
            item = QListWidgetItem(f"{cand.get('title', cand['id'])}{year}", self)
            item.setData(Qt.ItemDataRole.UserRole, cand["id"])
            item.setToolTip(str(cand["id"]))
            item.setIcon(candidate_icon(cand))

    def _choose(self, item: QListWidgetItem) -> None:
        candidate = item.data(Qt.ItemDataRole.UserRole)
        if candidate:
            self.chosen.emit(str(candidate))
