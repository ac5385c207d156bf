"""The application's icon (resources/icons/cinema-*.png) for the tray and the windows."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app.core.resources import resources_dir

log = logging.getLogger(__name__)

SIZES = (16, 24, 32, 48, 64, 128, 256)
_cached: QIcon | None = None


def app_icon() -> QIcon:
    """Cinema's icon at every size it ships in; files are read when a size is first drawn."""
    global _cached
    if _cached is not None:
        return _cached
    folder = resources_dir() / "icons"
    icon = QIcon()
    for size in SIZES:
        path = folder / f"cinema-{size}.png"
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    if icon.isNull():
        # a broken install: say so, and still give the tray something to show
        log.warning("no application icon in %s; using a standard one", folder)
        from PySide6.QtWidgets import QStyle  # its enums cost ~8 ms to build: only here

        style = QApplication.style()
        icon = style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay) if style is not None else icon
    _cached = icon
    return icon
