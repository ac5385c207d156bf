"""Panels that float over the native video window (top bar, control bar, centre message).

On X11 a Qt child widget drawn over libvlc's native window ends up under it, so each panel is a
separate frameless tool window that follows its anchor (the video surface) on the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QWidget

PANEL_STYLE = """
QWidget#OverlayPanel { background: rgb(12, 13, 17); }
QWidget#OverlayPanel QLabel { background: transparent; color: #e8e9ec; }
QLabel#PlayerTitle { font-size: 17px; font-weight: 600; color: #ffffff; }
QLabel#PlayerSource { font-size: 12px; color: #9aa0ab; }
QLabel#PlayerStats { font-size: 12px; color: #cfd3da; font-family: "DejaVu Sans Mono", monospace; }
QLabel#PlayerTime { font-size: 13px; color: #e8e9ec; font-family: "DejaVu Sans Mono", monospace; }
QLabel#PlayerMessage { font-size: 16px; color: #ffffff; padding: 14px 22px; }
QPushButton { background: transparent; color: #ffffff; border: none; border-radius: 6px;
              padding: 6px 9px; font-size: 13px; font-weight: 600; min-width: 26px; }
QPushButton:hover { background: rgba(255, 255, 255, 36); }
QPushButton:checked { color: #ff5a36; }
QPushButton:disabled { color: #5d6270; }
QPushButton::menu-indicator { width: 0; }
"""


class FloatingPanel(QWidget):
    """A tool window pinned to the ``edge`` ("top", "bottom" or "center") of ``anchor``.

    Signals: keyPressed(QKeyEvent), hovered() — keys and mouse moves go back to the page.
    """

    keyPressed = Signal(QKeyEvent)
    hovered = Signal()

    def __init__(self, anchor: QWidget, edge: str, parent: QWidget) -> None:
        flags = (
            Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowDoesNotAcceptFocus
        )
        super().__init__(parent, flags)
        self.setObjectName("OverlayPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMouseTracking(True)
        self.setStyleSheet(PANEL_STYLE)
        self._anchor = anchor
        self._edge = edge
        self.wanted = False  # shown whenever the anchor is on screen
        self._tracked: list[QWidget] = []
        anchor.installEventFilter(self)

    def track(self, widget: QWidget) -> None:
        """Also follow ``widget`` (the top-level window: moving it does not move the anchor
        relative to its parent, so the anchor itself gets no Move event)."""
        if widget not in self._tracked:
            self._tracked.append(widget)
            widget.installEventFilter(self)

    def follow(self) -> None:
        """Move over the anchor's current place on the screen."""
        anchor = self._anchor
        if not anchor.isVisible():
            return
        top_left = anchor.mapToGlobal(QPoint(0, 0))
        area = QRect(top_left, anchor.size())
        hint = self.sizeHint()
        if self._edge == "center":
            width = min(max(hint.width(), 460), area.width() - 40)
            height = self.heightForWidth(width) if self.hasHeightForWidth() else hint.height()
            geometry = QRect(0, 0, width, max(height, hint.height()))
            geometry.moveCenter(area.center())
        elif self._edge == "top":
            geometry = QRect(area.left(), area.top(), area.width(), hint.height())
        else:
            geometry = QRect(area.left(), area.bottom() - hint.height() + 1, area.width(), hint.height())
        if geometry != self.geometry():
            self.setGeometry(geometry)

    def reveal(self) -> None:
        self.follow()
        if not self.isVisible():
            self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Move, QEvent.Type.Resize) and self.isVisible():
            self.follow()
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.keyPressed.emit(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.hovered.emit()
        super().mouseMoveEvent(event)
