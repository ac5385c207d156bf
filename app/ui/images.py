"""Posters for the grid: decoded off the GUI thread at grid size into a byte-bounded cache.

``PosterCache.pixmap(path)`` answers at once with the cached pixmap or None; a miss starts one
scaled decode (``QImageReader.setScaledSize``) in the worker pool and ``posterReady(path)``
tells the model which poster arrived, so only that row repaints.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict

from PySide6.QtCore import QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter, QPainterPath, QPixmap

from app.domain.briefs import TitleBrief
from app.ui.viewmodels.operations import Operations
from app.ui.widgets.poster_art import paint_typographic_poster

log = logging.getLogger(__name__)

CORNER_RADIUS = 8.0
_STALE_AFTER_S = 1.0
_STALE = object()


def decode_scaled(
    path: str, size: QSize, background: QColor | None = None, radius: float = CORNER_RADIUS
) -> QImage | None:
    """Decode ``path`` scaled to cover ``size`` (runs in a worker thread).

    With ``background`` the rounded corners are filled with it and the image is opaque: an
    opaque pixmap is copied, not blended, which halves its drawing time in the grid.
    """
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    reader.setAllocationLimit(64)  # MB: a hostile file must not eat memory
    original = reader.size()
    if original.isValid() and original.width() > 0:
        scaled = original.scaled(size, Qt.AspectRatioMode.KeepAspectRatioByExpanding)
        reader.setScaledSize(scaled)
    image = reader.read()
    if image.isNull():
        return None
    if image.size() != size:
        image = image.scaled(
            size,
            Qt.AspectRatioMode.KeepAspectRatioByExpanding,
            Qt.TransformationMode.SmoothTransformation,
        )
        x = max(0, (image.width() - size.width()) // 2)
        y = max(0, (image.height() - size.height()) // 2)
        image = image.copy(x, y, size.width(), size.height())
    return rounded(image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied), radius, background)


def rounded(image: QImage, radius: float, background: QColor | None = None) -> QImage:
    """The image with rounded corners (transparent, or ``background``), so painting needs no clip."""
    fmt = QImage.Format.Format_RGB32 if background is not None else QImage.Format.Format_ARGB32_Premultiplied
    out = QImage(image.size(), fmt)
    out.fill(background if background is not None else Qt.GlobalColor.transparent)
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    path.addRoundedRect(QRectF(out.rect()), radius, radius)
    painter.setClipPath(path)
    painter.drawImage(0, 0, image)
    painter.end()
    return out


class PosterCache(QObject):
    """Signals: posterReady(str path)."""

    posterReady = Signal(str)

    def __init__(
        self,
        size: QSize,
        max_bytes: int = 96 * 1024 * 1024,
        parent: QObject | None = None,
        background: QColor | None = None,
        device_pixel_ratio: float = 1.0,
    ) -> None:
        super().__init__(parent)
        self._size = size
        # HiDPI: decoded at device pixels, drawn at the logical size
        self._dpr = max(1.0, device_pixel_ratio)
        self._pixels = QSize(round(size.width() * self._dpr), round(size.height() * self._dpr))
        self._background = background  # the page colour behind the cards: opaque posters
        self._max_bytes = max_bytes
        self._bytes = 0
        self._cache: OrderedDict[str, QPixmap] = OrderedDict()
        self._pending: set[str] = set()
        self._asked: dict[str, float] = {}
        self._failed: set[str] = set()
        self._ops = Operations(self, "posters", remember=False)
        self._held: list[str] | None = None  # posters asked for before the loop runs

    def hold(self) -> None:
        """Until ``release``: with no loop yet, note the posters asked for instead of decoding
        them on the GUI thread (the app paints its first screen before it starts the loop)."""
        self._held = []

    def release(self) -> None:
        """The loop runs: the views ask again for what they were denied, and it loads in workers."""
        held, self._held = self._held or [], None
        for path in held:
            self.posterReady.emit(path)

    @property
    def size(self) -> QSize:
        return self._size

    def pixmap(self, path: str | None) -> QPixmap | None:
        if not path or path in self._failed or "://" in path:
            return None
        pm = self._cache.get(path)
        if pm is not None:
            self._cache.move_to_end(path)
            return pm
        self._asked[path] = time.monotonic()
        if path in self._pending:
            return None
        if self._held is not None:  # no loop yet: noted, decoded in a worker once it runs
            if path not in self._held:
                self._held.append(path)
            return None
        self._pending.add(path)
        at_once = True

        def decoded(image: QImage | object | None) -> None:
            self._loaded(path, image, announce=not at_once)

        self._ops.run(path, lambda: self._decode_if_wanted(path), decoded, lambda _exc: decoded(None))
        at_once = False
        return self._cache.get(path)  # decoded already when no loop runs (model tests)

    @property
    def pending(self) -> int:
        """Posters queued or being decoded."""
        return len(self._pending)

    def loading(self, path: str) -> bool:
        """True while ``path`` is being decoded (so the view can wait for it)."""
        return path in self._pending or (self._held is not None and path in self._held)

    def typographic(self, brief: TitleBrief) -> QPixmap:
        """A title-only poster, drawn once per title and kept within the same byte budget."""
        key = f"typo:{brief.id}"
        pm = self._cache.get(key)
        if pm is not None:
            self._cache.move_to_end(key)
            return pm
        image = QImage(self._pixels, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(self._dpr, self._dpr)
        logical = QRectF(0, 0, self._size.width(), self._size.height())
        paint_typographic_poster(painter, logical, brief.id, brief.title, brief.year)
        painter.end()
        self._store(key, rounded(image, CORNER_RADIUS * self._dpr, self._background))
        return self._cache[key]

    def _decode_if_wanted(self, path: str) -> QImage | object | None:
        # A fling through a hundred pages queues thousands of decodes; a poster nobody asked
        # for lately has probably scrolled away, so the worker skips it.
        if time.monotonic() - self._asked.get(path, 0.0) > _STALE_AFTER_S:
            return _STALE
        return decode_scaled(path, self._pixels, self._background, CORNER_RADIUS * self._dpr)

    def _loaded(self, path: str, image: QImage | object | None, announce: bool = True) -> None:
        self._pending.discard(path)
        if image is _STALE:
            # rows still on screen repaint and ask again; rows scrolled away stay quiet
            self.posterReady.emit(path)
            return
        self._asked.pop(path, None)
        self._store(path, image if isinstance(image, QImage) else None)
        if announce:
            self.posterReady.emit(path)

    def _store(self, path: str, image: QImage | None) -> None:
        if image is None:
            self._failed.add(path)
            return
        pm = QPixmap.fromImage(image)
        pm.setDevicePixelRatio(self._dpr)
        cost = pm.width() * pm.height() * 4
        self._cache[path] = pm
        self._bytes += cost
        while self._bytes > self._max_bytes and len(self._cache) > 1:
            _, old = self._cache.popitem(last=False)
            self._bytes -= old.width() * old.height() * 4

    @property
    def bytes_used(self) -> int:
        return self._bytes

    def __len__(self) -> int:
        return len(self._cache)
