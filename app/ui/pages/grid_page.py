"""The full poster grid: every title the guide and the library know, under filters and a sort."""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QVBoxLayout, QWidget

from app.services.library.catalog import CatalogFilter, CatalogService
from app.services.library.catalog_records import Facets
from app.ui.components.filter_bar import FilterBar
from app.ui.delegates.poster_delegate import CARD, PosterDelegate
from app.ui.images import PosterCache
from app.ui.models.title_list_model import IdRole, TitleListModel
from app.ui.viewmodels.operations import Operations
from app.ui.widgets.own_viewport import own_viewport

log = logging.getLogger(__name__)


class PosterGrid(QListView):
    """QListView in IconMode with uniform items and batched layout. Signals: opened(str)."""

    opened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        own_viewport(self)  # reached before the first paint: see own_viewport
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
    """The full grid under a filter bar. Signals: titleOpened(str title_id)."""

    titleOpened = Signal(str)

    def __init__(self, catalog: CatalogService, posters: PosterCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Page")
        self._catalog = catalog
        self.ops = Operations(self, "grid")
        self._facets_loaded = False
        self._title = ""
        self.model = TitleListModel(catalog.briefs, self)
        posters.posterReady.connect(self.model.poster_arrived)
        self.view = PosterGrid(self)
        self.view.setItemDelegate(PosterDelegate(posters, self.view))
        self.view.setModel(self.model)
        self.view.opened.connect(self.titleOpened)
        self.filters = FilterBar(self)
        self.filters.changed.connect(self.apply)

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
        head.setSpacing(16)
        self._heading.setWordWrap(True)  # a long heading takes two lines, the sort keeps its text
        head.addWidget(self._heading, 1)
        head.addWidget(self._count, 0, Qt.AlignmentFlag.AlignBottom)
        head.addWidget(self.filters.sort)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(head)
        layout.addWidget(self.filters)
        layout.addWidget(self._empty, 1)
        layout.addWidget(self.view, 1)
        self.view.setContentsMargins(20, 0, 20, 0)

    @property
    def current_filter(self) -> CatalogFilter:
        return self.filters.filter()

    def reload(self) -> None:
        """Re-run the current filter (library changes)."""
        self.apply(self.current_filter)

    def load_facets(self) -> None:
        """The filter bar's choices (genres, countries, poster origins), from a worker."""
        self.ops.run("facets", self._catalog.facets, self._show_facets)

    def _show_facets(self, facets: Facets) -> None:
        self.filters.set_facets(facets.genres, facets.countries, facets.poster_origins)
        self._facets_loaded = True

    def preload(self) -> None:
        """Facets, search's index and the current filter's ids from workers (after the first
        screen is up, and again when a background refresh changed the library)."""
        self.load_facets()
        self.ops.run("warm search", self._catalog.warm_search)
        self.apply(self.current_filter)

    def open_filter(self, flt: CatalogFilter, title: str = "") -> None:
        """Show the grid under ``flt`` (home's "See all", a search) with ``title`` as heading."""
        if not self._facets_loaded and not self.ops.busy("facets"):
            self.load_facets()
        self._title = title
        self.filters.set_filter(flt)
        self.apply(flt)

    def set_text(self, text: str) -> None:
        """Search as the user types: the newest text wins, an older query is cancelled."""
        self.filters.set_filter(replace(self.current_filter, text=text))
        self.apply(self.current_filter)

    def apply(self, flt: CatalogFilter) -> None:
        """Query ``flt`` in a worker; a newer filter cancels this one."""
        self.ops.run(
            "query",
            lambda: self._catalog.query(flt),
            lambda ids: self._show(ids) if flt == self.current_filter else None,
            lambda exc: self._show_error(flt, exc),
        )

    def _show_error(self, flt: CatalogFilter, exc: BaseException) -> None:
        if flt != self.current_filter:
            return
        self._show([])
        self._empty.setText(self.tr("Could not read the library: %1").replace("%1", str(exc)))

    def _show(self, ids: list[str]) -> None:
        flt = self.current_filter
        self.filters.show_best_match(bool(flt.text.strip()))
        if flt.text.strip():
            heading = self.tr("Search: %1").replace("%1", flt.text.strip())
        elif self._title:
            heading = self._title
        else:
            heading = self.tr("Films on TV and in your library")
        self._heading.setText(heading)
        if self.model.ids() != ids:
            self.model.set_ids(ids)
        self._count.setText(self.tr("%n title(s)", "", len(ids)))
        self._empty.setText(
            self.tr("Nothing matches. Try other words or fewer filters.")
            if not flt.is_default()
            else self.tr("Nothing here yet. Add a TV guide in Settings, or bring back the demo library.")
        )
        self._empty.setVisible(not ids)
        self.view.setVisible(bool(ids))
        if ids and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0))

    def refresh_title(self, title_id: str) -> None:
        self.model.refresh_rows([title_id])

    def focus_grid(self) -> None:
        self.view.setFocus()
