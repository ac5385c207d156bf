"""The grid's filter bar: kind, genre, years, rating, country, availability, poster, watched; sort."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QComboBox, QPushButton, QWidget

from app.services.library.catalog import CatalogFilter
from app.ui.widgets.flow_layout import FlowLayout

_DECADES = [2020, 2010, 2000, 1990, 1980, 1970, 1960, 1950, 1940, 1930, 1920]


class FilterCombo(QComboBox):
    """A flat combo box with a painted chevron (QSS cannot draw one without an image file)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentIndexChanged.connect(self.updateGeometry)

    def sizeHint(self) -> QSize:
        # sized to the current choice, like a chip: nine filters fit one row at 1400 px
        text = self.fontMetrics().horizontalAdvance(self.currentText())
        return QSize(text + 54, super().sizeHint().height())  # padding, chevron zone, border

    def minimumSizeHint(self) -> QSize:
        return QSize(64, super().minimumSizeHint().height())

    def showPopup(self) -> None:
        view = self.view()
        widest = max(
            (self.fontMetrics().horizontalAdvance(self.itemText(i)) for i in range(self.count())), default=0
        )
        if view is not None:
            view.setMinimumWidth(widest + 48)
        super().showPopup()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor("#aab0bc"), 1.6)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        x, y = self.width() - 17, self.height() / 2 - 1.5
        painter.drawPolyline([QPointF(x - 4, y - 1.5), QPointF(x, y + 2.5), QPointF(x + 4, y - 1.5)])
        painter.end()


def _combo(items: list[tuple[str, Any]]) -> QComboBox:
    box = FilterCombo()
    box.setObjectName("Filter")
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    box.setMaxVisibleItems(16)
    for text, value in items:
        box.addItem(text, value)
    return box


def _select(box: QComboBox, value: Any) -> None:
    index = box.findData(value)
    box.setCurrentIndex(max(0, index))


class FilterBar(QWidget):
    """Signals: changed(CatalogFilter) when the user changes a filter (the text is kept as it was)."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._flt = CatalogFilter()
        self._quiet = False
        self.kind = _combo(
            [
                (self.tr("All kinds"), None),
                (self.tr("Films"), "film"),
                (self.tr("Series"), "series"),
                (self.tr("Anime"), "anime"),
                (self.tr("Documentaries"), "documentary"),
                (self.tr("Cartoons"), "cartoon"),
            ]
        )
        self.genre = _combo([(self.tr("All genres"), None)])
        self.year_from = _combo(
            [(self.tr("Any year"), None)] + [(self.tr("from %1").replace("%1", str(d)), d) for d in _DECADES]
        )
        self.year_to = _combo(
            [(self.tr("to now"), None)]
            + [(self.tr("to %1").replace("%1", str(d + 9)), d + 9) for d in _DECADES[1:]]
        )
        self.rating = _combo([(self.tr("Any rating"), None)] + [(f"★ {r}+", float(r)) for r in (5, 6, 7, 8)])
        self.country = _combo([(self.tr("All countries"), None)])
        self.availability = _combo(
            [
                (self.tr("Any way to watch"), None),
                (self.tr("On TV"), "on_air"),
                (self.tr("Catch-up"), "catchup"),
                (self.tr("Torrent"), "torrent"),
                (self.tr("Stream"), "stream"),
            ]
        )
        self.poster = _combo([(self.tr("Any poster"), None)])
        self.watched = _combo(
            [(self.tr("Watched or not"), None), (self.tr("Unwatched"), False), (self.tr("Watched"), True)]
        )
        self.sort = _combo(
            [
                (self.tr("Sort: on TV soonest"), "air"),
                (self.tr("Sort: rating"), "rating"),
                (self.tr("Sort: year"), "year"),
                (self.tr("Sort: title"), "title"),
                (self.tr("Sort: recently added"), "added"),
                (self.tr("Sort: most viewed"), "views"),
            ]
        )
        self.reset = QPushButton(self.tr("Reset"))
        self.reset.setObjectName("Link")
        self.reset.clicked.connect(self.clear)
        # a flow: at 1024 px in Russian the filters wrap onto a second line rather than clip (issue 18)
        row = FlowLayout(self, spacing=8)
        row.setContentsMargins(28, 4, 28, 8)
        self.boxes = [
            self.kind, self.genre, self.year_from, self.year_to, self.rating, self.country,
            self.availability, self.poster, self.watched,
        ]  # fmt: skip
        for box in self.boxes:
            row.addWidget(box)
            box.currentIndexChanged.connect(self._emit)
        row.addWidget(self.reset)
        self.sort.currentIndexChanged.connect(self._emit)
        for box in (*self.boxes, self.sort):
            box.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def set_facets(self, genres: list[str], countries: list[str], origins: list[str]) -> None:
        self._quiet = True
        try:
            from app.ui.localized import country_label, genre_label

            labels = {id(self.genre): genre_label, id(self.country): country_label}
            for box, values in ((self.genre, genres), (self.country, countries), (self.poster, origins)):
                current = box.currentData()
                while box.count() > 1:
                    box.removeItem(1)
                shown = labels.get(id(box), str)
                for value in values:
                    box.addItem(shown(value), value)  # the UI language's name, the stored value
                _select(box, current)
        finally:
            self._quiet = False

    def show_best_match(self, searching: bool) -> None:
        """While searching, the default order is "best match", not "on TV soonest"."""
        self.sort.setItemText(0, self.tr("Sort: best match") if searching else self.tr("Sort: on TV soonest"))

    def filter(self) -> CatalogFilter:
        return self._flt

    def set_filter(self, flt: CatalogFilter) -> None:
        """Show ``flt`` without emitting (the page applies it itself)."""
        self._flt = flt
        self._quiet = True
        try:
            _select(self.kind, flt.kinds[0] if len(flt.kinds) == 1 else None)
            _select(self.genre, flt.genre)
            _select(self.year_from, flt.year_min)
            _select(self.year_to, flt.year_max)
            _select(self.rating, flt.rating_min)
            _select(self.country, flt.country)
            _select(self.availability, flt.availability)
            _select(self.poster, flt.poster_origin)
            _select(self.watched, flt.watched)
            _select(self.sort, flt.sort)
        finally:
            self._quiet = False

    def clear(self) -> None:
        self._flt = CatalogFilter(text=self._flt.text)
        self.set_filter(self._flt)
        self.changed.emit(self._flt)

    def _emit(self) -> None:
        if self._quiet:
            return
        kind = self.kind.currentData()
        self._flt = replace(
            self._flt,
            kinds=(kind,) if kind else (),
            genre=self.genre.currentData(),
            year_min=self.year_from.currentData(),
            year_max=self.year_to.currentData(),
            rating_min=self.rating.currentData(),
            country=self.country.currentData(),
            availability=self.availability.currentData(),
            poster_origin=self.poster.currentData(),
            watched=self.watched.currentData(),
            sort=self.sort.currentData() or "air",
        )
        self.changed.emit(self._flt)
