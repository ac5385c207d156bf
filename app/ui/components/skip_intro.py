"""«Skip intro» / «Skip credits» on the player while the position is in a named chapter range."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QPushButton, QWidget

from app.services.playback.chapters import SkipRange, range_at
from app.ui.widgets.corner_overlay import CornerOverlay

CHECK_MS = 500


class SkipButton(QPushButton):
    """Shown over the video while an intro or credits plays (in a CornerOverlay: a child of the
    page would be under libvlc's window); a click seeks past it."""

    def __init__(self, page: QWidget, playback: Any) -> None:
        super().__init__(page)
        self.setObjectName("Primary")
        self.setStyleSheet("padding: 8px 22px; font-size: 15px;")  # readable over the video
        self._page = page
        self._playback = playback
        self._ranges: list[SkipRange] = []
        self._location: str | None = None
        self.range: SkipRange | None = None
        self.clicked.connect(self.skip)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.hide()

    def check(self) -> None:
        """Whether the position is in a range now (chapters are read once per source, when known)."""
        request = self._playback.request
        # StrEnum compared by value: the player's stack is not imported for it
        ended = self._playback.state not in ("playing", "paused")
        if request is None or ended or not self._page.isVisible():
            self._show(None)
            return
        if request.location != self._location or not self._ranges:
            self._location = request.location
            self._ranges = self._playback.skip_ranges()
        self._show(range_at(self._ranges, self._playback.position_ms()))

    def _show(self, found: SkipRange | None) -> None:
        self.range = found
        if found is None:
            self.hide()
            return
        self.setText(self.tr("Skip intro") if found.kind == "intro" else self.tr("Skip credits"))
        self.adjustSize()
        self.show()

    def skip(self) -> None:
        if self.range is not None:
            self._playback.seek(self.range.end_ms)
            self._show(None)


class _Watch(QObject):
    """Runs the button's check only while the player page is shown."""

    def __init__(self, page: QWidget, button: SkipButton) -> None:
        super().__init__(page)
        self._button = button
        page.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: Any) -> bool:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.Show:
            self._button.timer.start()
        elif event.type() == QEvent.Type.Hide:
            self._button.timer.stop()
            self._button.hide()
        return False


def install(page: QWidget, playback: Any) -> SkipButton:
    """Put the skip button on the player page (the window calls this when it builds the page)."""
    button = SkipButton(page, playback)
    anchor = getattr(page, "video", page)  # the player page's video surface
    CornerOverlay(anchor, page, background="rgb(0, 0, 0)").hold(button)
    _Watch(page, button)
    return button
