"""Statistics of the profile: watch time per week, genres, sources used and how often they
worked, the most watched titles; the history exported as CSV or JSON."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.library.history import HistoryService
from app.services.library.stats import Statistics, StatsService
from app.ui.pages.history_page import minutes_text
from app.ui.viewmodels.operations import Operations
from app.ui.widgets.bar_chart import BarChart


def _card(title: str, body: QWidget) -> QFrame:
    card = QFrame()
    card.setObjectName("Card")
    heading = QLabel(title)
    heading.setObjectName("SectionHeading")
    layout = QVBoxLayout(card)
    layout.setContentsMargins(18, 8, 18, 16)
    layout.addWidget(heading)
    layout.addWidget(body)
    return card


class StatsPage(QWidget):
    def __init__(self, stats: StatsService, history: HistoryService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Page")
        self._stats = stats
        self._history = history
        self.ops = Operations(self, "stats")
        heading = QLabel(self.tr("Statistics"))
        heading.setObjectName("PageTitle")
        self.summary = QLabel()
        self.summary.setObjectName("PageSubtitle")
        self.export_csv = QPushButton(self.tr("Export history (CSV)…"))
        self.export_csv.clicked.connect(lambda: self._export("csv"))
        self.export_json = QPushButton(self.tr("Export history (JSON)…"))
        self.export_json.clicked.connect(lambda: self._export("json"))
        self.status = QLabel()
        self.status.setObjectName("Muted")
        self.weeks = BarChart()
        self.weeks.setMinimumHeight(190)
        self.genres = BarChart(horizontal=True)
        self.sources = QTreeWidget()
        self.sources.setRootIsDecorated(False)
        self.sources.setHeaderLabels(
            [
                self.tr("Source"),
                self.tr("Plays"),
                self.tr("Watched"),
                self.tr("Worked"),
                self.tr("First frame"),
            ]
        )
        self.sources.setMinimumHeight(150)
        self.most = BarChart(horizontal=True)
        self.empty = QLabel(self.tr("No statistics yet: watch something first."))
        self.empty.setObjectName("Muted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid = QGridLayout()
        grid.setSpacing(16)
        grid.addWidget(_card(self.tr("Watch time per week"), self.weeks), 0, 0, 1, 2)
        grid.addWidget(_card(self.tr("Genres"), self.genres), 1, 0)
        grid.addWidget(_card(self.tr("Most watched"), self.most), 1, 1)
        sources_note = QLabel(
            self.tr("“Worked”: playbacks that started, out of all tried (every profile's).")
        )
        sources_note.setObjectName("Muted")
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(self.sources)
        box_layout.addWidget(sources_note)
        grid.addWidget(_card(self.tr("Sources used"), box), 2, 0, 1, 2)
        body = QWidget()
        body.setObjectName("Page")
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 12, 12)
        body_layout.addLayout(grid)
        body_layout.addStretch(1)
        self.body_scroll = QScrollArea()
        self.body_scroll.setWidgetResizable(True)
        self.body_scroll.setWidget(body)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(heading)
        titles.addWidget(self.summary)
        head.addLayout(titles, 1)
        head.addWidget(self.export_csv, 0, Qt.AlignmentFlag.AlignBottom)
        head.addWidget(self.export_json, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 22, 32, 12)
        layout.setSpacing(12)
        layout.addLayout(head)
        layout.addWidget(self.status)
        layout.addWidget(self.empty)
        layout.addWidget(self.body_scroll, 1)

    def refresh(self) -> None:
        self.ops.run(
            "compute", self._stats.compute, self.show_stats, lambda exc: self.status.setText(str(exc))
        )

    def show_stats(self, stats: Statistics) -> None:
        self.empty.setVisible(stats.empty)
        self.body_scroll.setVisible(not stats.empty)
        self.summary.setText(
            self.tr("%1 watched in %2 plays · %3 titles marked watched")
            .replace("%1", minutes_text(stats.total_ms))
            .replace("%2", str(stats.plays))
            .replace("%3", str(stats.titles_watched))
        )
        locale = QLocale()
        self.weeks.set_bars(
            [
                (
                    locale.toString(QDate(week.year, week.month, week.day), "d MMM"),
                    ms / 3_600_000,
                    minutes_text(ms),
                )
                for week, ms in stats.weeks
            ]
        )
        self.genres.set_bars([(g.capitalize(), ms, minutes_text(ms)) for g, ms in stats.genres])
        self.most.set_bars(
            [
                (m.label, m.watched_ms, f"{minutes_text(m.watched_ms)} · ×{m.plays}")
                for m in stats.most_watched[:8]
            ]
        )
        self.sources.clear()
        for use in stats.sources:
            rate = use.success_rate
            worked = (
                self.tr("%1% of %2").replace("%1", str(round(rate * 100))).replace("%2", str(use.outcomes))
                if rate is not None
                else "—"
            )
            frame = (
                self.tr("%1 s").replace("%1", f"{use.first_frame_ms / 1000:.1f}")
                if use.first_frame_ms
                else "—"
            )
            name = {"other": self.tr("other (files, links)")}.get(use.name, use.name)
            QTreeWidgetItem(self.sources, [name, str(use.plays), minutes_text(use.watched_ms), worked, frame])
        for column in range(5):
            self.sources.resizeColumnToContents(column)

    def _export(self, fmt: str) -> None:
        dialog = QFileDialog(self, self.tr("Export the history"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("CSV (*.csv)") if fmt == "csv" else self.tr("JSON (*.json)")])
        dialog.selectFile(f"history.{fmt}")
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path), fmt))
        dialog.open()

    def export_to(self, path: Path, fmt: str) -> None:
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(path.name + f".{fmt}")
        self.ops.run(
            "export",
            lambda: self._history.export(path, fmt),
            lambda n: self.status.setText(
                self.tr("Wrote %1 entries to %2").replace("%1", str(n)).replace("%2", str(path))
            ),
            lambda exc: self.status.setText(str(exc)),
        )
