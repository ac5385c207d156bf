"""Episode stills in the episode list: asked for as their rows are painted, fetched and decoded
off the GUI thread, drawn in the row's tile; a quiet numbered tile while loading or missing."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPainterPath, QPixmap

from app.domain.series import Episode
from app.ui.images import CORNER_RADIUS, PosterCache

log = logging.getLogger(__name__)

BATCH_MS = 40  # rows painted in one scroll step are asked for together
_MISSING = ""  # resolved, no file: the placeholder for good


class StillLoader(QObject):
    """Which stills are here, asked for, or missing. Signals: wanted(list of still URLs/paths),
    changed() (a still arrived: repaint)."""

    wanted = Signal(list)
    changed = Signal()

    def __init__(self, size: QSize, parent: QObject | None = None, device_pixel_ratio: float = 1.0) -> None:
        super().__init__(parent)
        # ~8 KB a decoded still at 1x: 4 MB hold a few long seasons' screens
        self.cache = PosterCache(size, 4 * 1024 * 1024, self, device_pixel_ratio=device_pixel_ratio)
        self.cache.posterReady.connect(lambda _path: self.changed.emit())
        self._files: dict[str, str] = {}  # still -> local file, or _MISSING
        self._asked: set[str] = set()
        self._queue: list[str] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(BATCH_MS)
        self._timer.timeout.connect(self._flush)

    def pixmap(self, still: str | None) -> QPixmap | None:
        """The decoded still, or None (placeholder); asks for it the first time it is painted."""
        if not still:
            return None
        path = self._files.get(still)
        if path is None:
            if still not in self._asked:
                self._asked.add(still)
                self._queue.append(still)
                if not self._timer.isActive():
                    self._timer.start()
            return None
        return self.cache.pixmap(path) if path else None

    def loading(self, still: str | None) -> bool:
        return bool(still) and (still not in self._files or self.cache.loading(self._files[still] or "-"))

    def resolved(self, found: dict[str, str | None]) -> None:
        """The fetch's answer: files for some stills, None for missing or refused ones."""
        for still, path in found.items():
            self._files[still] = path or _MISSING
        self.changed.emit()

    def failed(self, stills: list[str]) -> None:
        """The fetch itself failed (logged by the caller): these show the placeholder."""
        self.resolved(dict.fromkeys(stills))

    def _flush(self) -> None:
        batch, self._queue = self._queue, []
        if batch:
            self.wanted.emit(batch)


def paint_still(painter: QPainter, tile: QRect, episode: Episode, loader: StillLoader | None) -> None:
    """The still in ``tile``, or a dark numbered tile (a faint sheen while it loads)."""
    pixmap = loader.pixmap(episode.still_path) if loader is not None else None
    if pixmap is not None:
        painter.drawPixmap(tile, pixmap)
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    shape = QPainterPath()
    shape.addRoundedRect(QRectF(tile), CORNER_RADIUS, CORNER_RADIUS)
    shade = QLinearGradient(QRectF(tile).topLeft(), QRectF(tile).bottomRight())
    shade.setColorAt(0.0, QColor(52, 57, 68))
    shade.setColorAt(1.0, QColor(34, 37, 45))
    painter.fillPath(shape, shade)
    if loader is not None and loader.loading(episode.still_path):
        sheen = QColor(255, 255, 255, 18)
        painter.fillPath(shape, sheen)
    painter.setPen(QColor(170, 176, 190))
    font = painter.font()
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(tile, Qt.AlignmentFlag.AlignCenter, f"E{episode.number}")
    painter.restore()


def serve(panel: Any, context: Any) -> None:
    """Fetch the stills the panel's rows ask for, in the app's loop (downloads) and workers
    (checks, writes, decodes); a failure leaves the placeholder."""
    from app.ui.viewmodels.operations import Operations

    ops = Operations(panel, "episode-stills", remember=False)
    loader: StillLoader = panel.stills
    made: list[Any] = []  # the fetcher, made on the first still asked for
    batches = [0]

    def wanted(batch: list[str]) -> None:
        if not made:
            # here, not at install: the image pipeline (PIL, the HTTP client) stays off start-up
            from app.services.enrich.stills import EpisodeStills

            made.append(EpisodeStills(context))
        stills = made[0]
        batches[0] += 1

        def failed(exc: BaseException) -> None:
            log.warning("episode stills not fetched: %s", exc)
            loader.failed(batch)

        ops.run_async(("stills", batches[0]), lambda: stills.fetch(batch), loader.resolved, failed)

    loader.wanted.connect(wanted)
