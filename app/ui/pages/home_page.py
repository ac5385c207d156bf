"""Home: rows like a streaming app (on air now, tonight, continue watching, genres ...)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.services.library.catalog import CatalogFilter, CatalogService, HomeRow
from app.ui.delegates.poster_delegate import CARD, PosterDelegate
from app.ui.images import PosterCache
from app.ui.models.title_list_model import IdRole, TitleListModel
from app.ui.viewmodels.operations import Operations
from app.ui.widgets.own_viewport import own_viewport

log = logging.getLogger(__name__)


class PosterStrip(QListView):
    """One horizontal row of posters. Signals: opened(str), leaveUp(int x), leaveDown(int x)."""

    opened = Signal(str)
    leaveUp = Signal(int)
    leaveDown = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        own_viewport(self)  # reached before the first paint: see own_viewport
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setUniformItemSizes(True)
        self.setMovement(QListView.Movement.Static)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedHeight(CARD.height() + 4)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setViewportMargins(20, 0, 20, 0)
        self.activated.connect(self._open)
        self.clicked.connect(self._open)

    def _open(self, index: QModelIndex) -> None:
        tid = index.data(IdRole)
        if tid:
            self.opened.emit(tid)

    def wheelEvent(self, event: QWheelEvent) -> None:
        # a vertical wheel scrolls the page, a horizontal one (or Shift) the strip
        delta = event.angleDelta()
        if delta.x() or event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - (delta.x() or delta.y()))
            event.accept()
            return
        event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        x = self.visualRect(self.currentIndex()).center().x()
        if event.key() == Qt.Key.Key_Up:
            self.leaveUp.emit(x)
            return
        if event.key() == Qt.Key.Key_Down:
            self.leaveDown.emit(x)
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        # one selection ring on Home: a strip that loses the focus drops its selection (the
        # current poster stays, so coming back lands on it)
        self.clearSelection()
        super().focusOutEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        current = self.currentIndex()
        if current.isValid():
            self.selectionModel().select(current, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def focus_at(self, x: int) -> None:
        """Take the focus with the poster nearest to horizontal position ``x`` current."""
        index = self.indexAt(QPoint(max(0, x), CARD.height() // 2))
        if not index.isValid():
            model = self.model()
            index = model.index(min(model.rowCount() - 1, 0 if x <= 0 else model.rowCount() - 1), 0)
        self.setCurrentIndex(index)
        self.setFocus(Qt.FocusReason.OtherFocusReason)


class HomeRowWidget(QWidget):
    """A heading with "See all" above a strip. Signals: seeAll()."""

    seeAll = Signal()

    def __init__(
        self, title: str, catalog: CatalogService, posters: PosterCache, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.heading = QLabel(title)
        self.heading.setObjectName("SectionHeading")
        self.see_all = QPushButton(self.tr("See all"))
        self.see_all.setObjectName("Link")
        self.see_all.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.see_all.setCursor(Qt.CursorShape.PointingHandCursor)
        self.see_all.clicked.connect(self.seeAll)
        self.flt = CatalogFilter()
        self.model = TitleListModel(catalog.briefs, self)
        posters.posterReady.connect(self.model.poster_arrived)
        self.strip = PosterStrip(self)
        self.strip.setItemDelegate(PosterDelegate(posters, self.strip))
        self.strip.setModel(self.model)
        head = QHBoxLayout()
        head.setContentsMargins(28, 0, 28, 0)
        head.addWidget(self.heading)
        head.addStretch(1)
        head.addWidget(self.see_all)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.setSpacing(2)
        layout.addLayout(head)
        layout.addWidget(self.strip)


class HomePage(QWidget):
    """Signals: titleOpened(str), seeAllRequested(CatalogFilter filter, str heading)."""

    titleOpened = Signal(str)
    seeAllRequested = Signal(object, str)

    def __init__(self, catalog: CatalogService, posters: PosterCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Page")
        self._catalog = catalog
        self._posters = posters
        self.rows: dict[str, HomeRowWidget] = {}
        self._order: list[str] = []
        self.ops = Operations(self, "home")

        self._body = QWidget()
        self._body.setObjectName("Page")
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(0, 14, 0, 24)
        self._layout.setSpacing(8)
        self._empty = QLabel(
            self.tr("Nothing here yet. Add a TV guide in Settings, or bring back the demo library.")
        )
        self._empty.setObjectName("Muted")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.hide()
        self._layout.addWidget(self._empty)
        self._layout.addStretch(1)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(self._body)
        self.scroller.verticalScrollBar().setSingleStep(40)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroller)

    def set_empty_text(self, text: str | None) -> None:
        """What an empty Home says (None: the usual hint about guides and the demo library)."""
        self._empty.setText(
            text or self.tr("Nothing here yet. Add a TV guide in Settings, or bring back the demo library.")
        )

    def row_title(self, key: str, label: str) -> str:
        names = {
            "on_now": self.tr("On air now"),
            "tonight": self.tr("Tonight"),
            "week": self.tr("This week on TV"),
            "continue": self.tr("Continue watching"),
            "watchlist": self.tr("Watchlist"),
            "recent": self.tr("Recently added"),
            "top": self.tr("Top rated"),
            "anime": self.tr("Anime"),
            "recommended": self.tr("Recommended for you"),
            "popular": self.tr("Popular"),
            "trending": self.tr("Trending this week"),
            "new": self.tr("New releases"),
            "anime_season": self.tr("Anime this season"),
        }
        if key.startswith("because:"):
            return self.tr("Because you watched %1").replace("%1", label)
        return names.get(key, label or key)

    # -- loading -----------------------------------------------------------------------------------
    def reload(self) -> None:
        """Query every row now."""
        self.show_rows(self._catalog.home_rows())

    def start(self) -> None:
        """Start-up: the first rows with posters now (two small queries), the rest in a worker."""
        self.show_rows(self._catalog.home_rows(until_filled=2), complete=False)

    def refresh(self) -> None:
        """Re-query in a worker (after playback, a watchlist change or a guide refresh)."""
        self.ops.run("rows", self._catalog.home_rows, self.show_rows)

    def show_rows(self, rows: list[HomeRow], complete: bool = True) -> None:
        for row in rows:
            widget = self.rows.get(row.key)
            if widget is None:
                widget = HomeRowWidget(self.row_title(row.key, row.label), self._catalog, self._posters)
                widget.strip.opened.connect(self.titleOpened)
                widget.seeAll.connect(lambda w=widget: self.seeAllRequested.emit(w.flt, w.heading.text()))
                widget.strip.leaveUp.connect(lambda x, k=row.key: self._move(k, -1, x))
                widget.strip.leaveDown.connect(lambda x, k=row.key: self._move(k, 1, x))
                self.rows[row.key] = widget
                self._layout.insertWidget(self._layout.count() - 1, widget)
                self._order.append(row.key)
            widget.flt = row.flt
            widget.see_all.setVisible(row.see_all)
            if widget.model.ids() != row.ids:
                widget.model.set_ids(row.ids)
            widget.setVisible(bool(row.ids))
        if complete:
            known = {r.key for r in rows}
            for key, widget in self.rows.items():
                if key not in known:
                    widget.hide()
            self._empty.setVisible(not any(r.ids for r in rows))

    def visible_rows(self) -> list[HomeRowWidget]:
        return [self.rows[k] for k in self._order if not self.rows[k].isHidden()]

    def first_strip(self) -> PosterStrip | None:
        rows = self.visible_rows()
        return rows[0].strip if rows else None

    def focus_first(self) -> None:
        strip = self.first_strip()
        if strip is not None:
            if not strip.currentIndex().isValid():
                strip.setCurrentIndex(strip.model().index(0, 0))
            strip.setFocus()

    def _move(self, key: str, step: int, x: int) -> None:
        rows = self.visible_rows()
        keys = [k for k in self._order if not self.rows[k].isHidden()]
        if key not in keys:
            return
        i = keys.index(key) + step
        if 0 <= i < len(rows):
            rows[i].strip.focus_at(x)
            self.scroller.ensureWidgetVisible(rows[i], 0, 40)

    def sizeHint(self) -> QSize:
        return QSize(1200, 800)
