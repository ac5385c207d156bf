"""Channel logos for the TV page: a playlist's tvg-logo (or the guide's icon) downloaded once
through the poster store (type, size and decompression-bomb checks), remembered across runs by
URL, and handed to the page as small pixmaps per channel.

Downloads run one after another on the loop (a 1,000-channel playlist must not open 1,000
connections); the files are read and scaled in a worker; the GUI thread only makes pixmaps.
A logo that is missing, refused or not an image leaves the channel with its name alone.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap

from app.core.tasks import run_blocking
from app.domain.tv import TvChannel
from app.services.context import AppContext
from app.ui.viewmodels.operations import Operations

log = logging.getLogger(__name__)

SIDE = 64  # pixels: the list and the timeline draw them at 40-44
INDEX_NAME = "channel-logos.json"  # logo URL -> the stored thumbnail (relative to the data dir)


def _read_index(path: Path) -> dict[str, str]:
    try:
        found = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def _write_index(path: Path, index: dict[str, str]) -> None:
    tmp = path.with_suffix(".tmp")
    try:
        tmp.write_text(json.dumps(index, ensure_ascii=False), "utf-8")
        tmp.replace(path)
    except OSError as exc:  # a read-only data dir: logos are downloaded again next time
        log.warning("channel logos index not saved (%s)", exc)


def _scaled(path: Path) -> QImage | None:
    image = QImage(str(path))
    if image.isNull():
        return None
    image = image.scaled(
        SIDE, SIDE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    # centred on a transparent square: the list and the timeline draw logos into squares
    square = QImage(SIDE, SIDE, QImage.Format.Format_ARGB32_Premultiplied)
    square.fill(Qt.GlobalColor.transparent)
    painter = QPainter(square)
    painter.drawImage((SIDE - image.width()) // 2, (SIDE - image.height()) // 2, image)
    painter.end()
    return square


class ChannelLogos(QObject):
    """Asks for the logos of the channels it is shown; ``loaded`` says new pixmaps are in ``by_channel``."""

    loaded = Signal()

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._s = context
        self.by_channel: dict[str, QPixmap] = {}
        self._by_url: dict[str, QPixmap] = {}
        self._channels_of: dict[str, set[str]] = {}  # url -> channel ids
        self._asked: set[str] = set()
        self._pending: list[str] = []
        self._running = False
        self._blank: QPixmap | None = None
        self._store: Any = None  # the PosterStore, made on first use (PIL and httpx stay off the start path)
        self._index_path = context.paths.data / INDEX_NAME
        self.ops = Operations(self, "channel-logos")

    def for_channel(self, channel_id: str) -> QPixmap:
        """The channel's logo, or an empty square of the same size (rows line up)."""
        found = self.by_channel.get(channel_id)
        if found is not None:
            return found
        if self._blank is None:
            self._blank = QPixmap(SIDE, SIDE)
            self._blank.fill(Qt.GlobalColor.transparent)
        return self._blank

    def want(self, channels: Sequence[TvChannel]) -> None:
        """Fetch what is missing of these channels' logos (in the background)."""
        for c in channels:
            url = (c.logo or "").strip()
            if not url:
                continue
            self._channels_of.setdefault(url, set()).add(c.id)
            if url in self._by_url:
                self.by_channel[c.id] = self._by_url[url]
            elif url not in self._asked:
                self._asked.add(url)
                self._pending.append(url)
        self._next()

    def _next(self) -> None:
        if self._running or not self._pending:
            return
        batch, self._pending = self._pending, []
        self._running = True
        self.ops.run_async("fetch", lambda: self._fetch(batch), self._arrived, self._failed)

    async def _fetch(self, urls: list[str]) -> list[tuple[str, QImage]]:
        index = await run_blocking(_read_index, self._index_path)
        if self._store is None:
            from app.services.enrich.posters import PosterStore

            self._store = PosterStore(self._s.http, self._s.paths.data, self._s.paths.posters)
        found: list[tuple[str, QImage]] = []
        changed = False
        for url in urls:
            known = index.get(url)
            image = await run_blocking(_scaled, self._s.paths.data / known) if known else None
            if image is None:
                stored = await self._store.fetch(url)
                if stored is None:
                    continue
                index[url] = stored.thumb
                changed = True
                image = await run_blocking(_scaled, self._s.paths.data / stored.thumb)
            if image is not None:
                found.append((url, image))
        if changed:
            await run_blocking(_write_index, self._index_path, index)
        return found

    def _arrived(self, found: list[tuple[str, QImage]]) -> None:
        self._running = False
        for url, image in found:
            pixmap = QPixmap.fromImage(image)
            self._by_url[url] = pixmap
            for channel_id in self._channels_of.get(url, ()):
                self.by_channel[channel_id] = pixmap
        if found:
            self.loaded.emit()
        self._next()

    def _failed(self, exc: BaseException) -> None:
        self._running = False
        log.warning("channel logos not loaded: %s", exc)
        self._next()
