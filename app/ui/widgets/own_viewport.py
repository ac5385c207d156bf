"""A scroll area's viewport made in Python, so that reaching it costs nothing at start.

PySide6 (6.12) meets a widget made by Qt for the first time by looking for its most derived
Python type, and for a plain ``QWidget`` that means creating the Python type of every
``QWidget`` subclass it knows, with their enums: ~10 ms, paid by the first ``viewport()`` call
of the process. Views on the way to the first paint take a viewport made here instead; it is set
up as Qt sets up its own (name, base background, filled).
"""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QWidget


def own_viewport(view: QAbstractScrollArea) -> QWidget:
    """Give ``view`` a viewport made in Python (call it first in the view's constructor)."""
    viewport = QWidget()
    viewport.setObjectName("qt_scrollarea_viewport")
    viewport.setBackgroundRole(QPalette.ColorRole.Base)
    viewport.setAutoFillBackground(True)
    view.setViewport(viewport)
    return viewport
