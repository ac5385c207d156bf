"""A card in the video's lower right corner that stays above libvlc's native window.

A plain child widget of the player page is drawn under the native video window on X11, so a
button or card meant to sit over the picture (Skip intro, the next episode's countdown) lives in
this floating tool window instead; the window shows and hides with the widget it holds.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractButton, QVBoxLayout, QWidget

from app.ui.widgets.player_overlay import FloatingPanel

RIGHT_MARGIN = 32
BOTTOM_MARGIN = 110  # clear of the control bar


class CornerOverlay(FloatingPanel):
    """Holds one widget over the anchor's lower right corner; ``held.show()``/``hide()`` show it."""

    def __init__(self, anchor: QWidget, parent: QWidget, background: str = "rgb(12, 13, 17)") -> None:
        super().__init__(anchor, "bottom", parent)
        # the panel's own button rules would restyle what it holds: only its background stays
        self.setStyleSheet(f"QWidget#OverlayPanel {{ background: {background}; }}")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.held: QWidget | None = None

    def hold(self, widget: QWidget) -> QWidget:
        """Put ``widget`` in the corner; its show()/hide() reveal or hide the corner."""
        self.held = widget
        # the panel takes no focus (keys go to the player page): a click must not ask for it
        for button in [widget, *widget.findChildren(QAbstractButton)]:
            if isinstance(button, QAbstractButton):
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        hidden = widget.isHidden()
        self._layout.addWidget(widget)
        widget.installEventFilter(self)
        widget.setHidden(hidden)
        return widget

    def follow(self) -> None:
        anchor = self._anchor
        if not anchor.isVisible():
            return
        area = QRect(anchor.mapToGlobal(QPoint(0, 0)), anchor.size())
        size = self.sizeHint().expandedTo(self.minimumSizeHint())
        geometry = QRect(
            area.right() - size.width() - RIGHT_MARGIN + 1,
            area.bottom() - size.height() - BOTTOM_MARGIN + 1,
            size.width(),
            size.height(),
        )
        if geometry != self.geometry():
            self.setGeometry(geometry)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # a longer text («Skip credits» after «Skip intro») grows the window to the right: back
        # into the corner
        super().resizeEvent(event)
        if self.isVisible():
            self.follow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.held:
            kind = event.type()
            if kind == QEvent.Type.ShowToParent:
                self.track(self._anchor.window())  # follows the window when it moves
                self.adjustSize()
                self.reveal()
            elif kind == QEvent.Type.HideToParent:
                self.hide()
            return False
        return super().eventFilter(watched, event)
