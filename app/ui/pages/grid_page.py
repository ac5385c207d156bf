"""The poster grid: every film the guide and the library know, soonest airing first."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QVBoxLayout, QWidget

from app.services.catalog import CatalogService
from app.ui.delegates.poster_delegate import CARD, PosterDelegate
from app.ui.images import PosterCache
from app.ui.models.title_list_model import IdRole, TitleListModel


class PosterGrid(QListView):
    """QListView in IconMode with uniform items and batched layout. Signals: opened(str)."""

    opened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(200)
        self.setUniformItemSizes(True)
        self.setGridSize(QSize(CARD.width() + 8, CARD.height() + 6))
        self.setSpacing(0)
        self.setWordWrap(False)
        self.setMouseTracking(True)
        self.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(40)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.activated.connect(self._emit_open)
        self.clicked.connect(self._emit_open)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # centre the columns: the spare width goes to both sides, not all to the right
        cell = self.gridSize().width()
        usable = event.size().width() + self.viewportMargins().left() + self.viewportMargins().right()
        scrollbar = self.verticalScrollBar().sizeHint().width()
        columns = max(1, (usable - scrollbar - 16) // cell)
        side = max(8, (usable - scrollbar - columns * cell) // 2)
        self.setViewportMargins(side, 8, max(0, side - scrollbar), 8)
        super().resizeEvent(event)

    def _emit_open(self, index: QModelIndex) -> None:
        tid = index.data(IdRole)
        if tid:
            self.opened.emit(tid)


class GridPage(QWidget):
    """Signals: titleOpened(str title_id)."""

    titleOpened = Signal(str)

    def __init__(self, catalog: CatalogService, posters: PosterCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Page")
        self._catalog = catalog
        self.model = TitleListModel(catalog.briefs, self)
        posters.posterReady.connect(self.model.poster_arrived)
        self.view = PosterGrid(self)
        self.view.setItemDelegate(PosterDelegate(posters, self.view))
        self.view.setModel(self.model)
        self.view.opened.connect(self.titleOpened)

        self._heading = QLabel(self.tr("Films on TV and in your library"))
        self._heading.setObjectName("PageTitle")
        self._count = QLabel()
        self._count.setObjectName("PageSubtitle")
        self._empty = QLabel(
            self.tr("Nothing here yet. Add a TV guide in Settings, or bring back the demo library.")
        )
        self._empty.setObjectName("Muted")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.hide()

        head = QHBoxLayout()
        head.setContentsMargins(28, 18, 28, 6)
        head.addWidget(self._heading)
        head.addStretch(1)
        head.addWidget(self._count, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(head)
        layout.addWidget(self._empty, 1)
        layout.addWidget(self.view, 1)
        self.view.setContentsMargins(20, 0, 20, 0)

    def reload(self) -> None:
        ids = self._catalog.ids()
        self.model.set_ids(ids)
        self._count.setText(self.tr("%n title(s)", "", len(ids)))
        self._empty.setVisible(not ids)
        self.view.setVisible(bool(ids))
        if ids and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0))

    def refresh_title(self, title_id: str) -> None:
        self.model.refresh_rows([title_id])

    def focus_grid(self) -> None:
        self.view.setFocus()
