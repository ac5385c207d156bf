"""A native window for libvlc to draw into (set_xwindow / set_hwnd / set_nsobject).
Signals: doubleClicked(), mouseMoved()."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class VideoSurface(QWidget):
    doubleClicked = Signal()
    mouseMoved = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_NativeWindow, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DontCreateNativeAncestors, True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 180)
        self.setStyleSheet("background: black;")
        # libvlc's own window ignores the mouse (video_set_mouse_input(False)), so moves reach us
        self.setMouseTracking(True)

    def window_handle(self) -> int:
        return int(self.winId())

    def paintEvent(self, event: QPaintEvent) -> None:
        # libvlc draws the picture; we only keep the area black where it does not.
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor(0, 0, 0))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.mouseMoved.emit()
        super().mouseMoveEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.doubleClicked.emit()
        event.accept()
