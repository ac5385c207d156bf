"""History: what the profile played, by day; resume, mark watched or not, remove one, clear all,
export as CSV or JSON. Continue watching on Home follows every change made here."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.models import HistoryEntry
from app.services.library.history import HistoryDay, HistoryService, HistoryView
from app.ui.components.confirm import confirm
from app.ui.viewmodels.operations import Operations


def minutes_text(ms: int) -> str:
    """A duration as people say it: 45 min, 2 h 05 min (in the UI language)."""
    minutes = round(ms / 60000)
    if minutes < 60:
        return QCoreApplication.translate("Duration", "%1 min").replace("%1", str(minutes))
    h, m = divmod(minutes, 60)
    return (
        QCoreApplication.translate("Duration", "%1 h %2 min").replace("%1", str(h)).replace("%2", f"{m:02d}")
    )


class HistoryRow(QFrame):
    """One play. Signals: resumeRequested(HistoryEntry), watchedToggled(str item_key, bool),
    removeRequested(int entry_id)."""

    resumeRequested = Signal(object)
    watchedToggled = Signal(str, bool)
    removeRequested = Signal(int)

    def __init__(self, entry: HistoryEntry, watched: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HistoryRow")
        self.entry = entry
        started = entry.started_at.astimezone()
        when = QLabel(QLocale().toString(QTime(started.hour, started.minute), QLocale.FormatType.ShortFormat))
        when.setObjectName("Muted")
        when.setFixedWidth(56)
        label = QLabel(entry.label)
        label.setObjectName("RowTitle")
        label.setToolTip(entry.location)
        detail = []
        if entry.duration_ms:
            detail.append(
                self.tr("%1 of %2")
                .replace("%1", minutes_text(entry.position_ms))
                .replace("%2", minutes_text(entry.duration_ms))
            )
        if entry.watched_ms:
            detail.append(self.tr("played %1").replace("%1", minutes_text(entry.watched_ms)))
        if entry.provider or entry.source_kind:
            detail.append(entry.provider or entry.source_kind or "")
        facts = QLabel(" · ".join(detail))
        facts.setObjectName("Muted")
        self.bar = QProgressBar()
        self.bar.setObjectName("Thin")
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(4)
        self.bar.setRange(0, 1000)
        fraction = entry.position_ms / entry.duration_ms if entry.duration_ms else 0
        self.bar.setValue(1000 if watched else int(min(1.0, fraction) * 1000))
        texts = QVBoxLayout()
        texts.setSpacing(3)
        texts.addWidget(label)
        texts.addWidget(facts)
        texts.addWidget(self.bar)
        self.resume = QPushButton(self.tr("Play again") if watched else self.tr("Resume"))
        self.resume.clicked.connect(lambda: self.resumeRequested.emit(entry))
        self.watched = QPushButton(self.tr("Watched ✓") if watched else self.tr("Mark watched"))
        self.watched.setCheckable(True)
        self.watched.setChecked(watched)
        self.watched.clicked.connect(lambda on: self.watchedToggled.emit(entry.item_key, on))
        self.remove = QPushButton("✕")
        self.remove.setObjectName("Icon")
        self.remove.setToolTip(self.tr("Remove from history"))
        self.remove.clicked.connect(lambda: self.removeRequested.emit(entry.id))
        # the same widths on every row: the progress bars line up whatever the buttons say
        self.resume.setMinimumWidth(max(150, self.resume.sizeHint().width()))
        self.watched.setMinimumWidth(max(220, self.watched.sizeHint().width()))
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 8, 10, 8)
        row.setSpacing(12)
        row.addWidget(when, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(texts, 1)
        row.addWidget(self.resume)
        row.addWidget(self.watched)
        row.addWidget(self.remove)


class HistoryPage(QWidget):
    """Signals: resumeRequested(HistoryEntry entry, int start_ms)."""

    resumeRequested = Signal(object, int)

    def __init__(self, history: HistoryService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Page")
        self._history = history
        self.ops = Operations(self, "history")
        self.rows: list[HistoryRow] = []
        heading = QLabel(self.tr("History"))
        heading.setObjectName("PageTitle")
        self.summary = QLabel()
        self.summary.setObjectName("PageSubtitle")
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self._export)
        self.clear_button = QPushButton(self.tr("Clear history…"))
        self.clear_button.clicked.connect(self._clear)
        self.status = QLabel()
        self.status.setObjectName("Muted")
        self.empty = QLabel(self.tr("Nothing played yet. What you watch shows up here, day by day."))
        self.empty.setObjectName("Muted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QWidget()
        self.body.setObjectName("Page")
        self.days = QVBoxLayout(self.body)
        self.days.setContentsMargins(0, 0, 12, 12)
        self.days.setSpacing(6)
        self.days.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(heading)
        titles.addWidget(self.summary)
        head.addLayout(titles, 1)
        head.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignBottom)
        head.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 22, 32, 12)
        layout.setSpacing(12)
        layout.addLayout(head)
        layout.addWidget(self.status)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)

    def refresh(self) -> None:
        self.ops.run("load", self._history.view, self._show, lambda exc: self.status.setText(str(exc)))

    def _show(self, view: HistoryView) -> None:
        while self.days.count() > 1:
            item = self.days.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.rows = []
        for day in view.days:
            self.days.insertWidget(self.days.count() - 1, self._day_heading(day))
            for entry in day.entries:
                row = HistoryRow(entry, entry.item_key in view.watched)
                row.resumeRequested.connect(self._resume)
                row.watchedToggled.connect(self._toggle_watched)
                row.removeRequested.connect(self._remove)
                self.rows.append(row)
                self.days.insertWidget(self.days.count() - 1, row)
        count = sum(len(d.entries) for d in view.days)
        total = sum(d.watched_ms for d in view.days)
        self.summary.setText(
            self.tr("%1 plays, %2 watched").replace("%1", str(count)).replace("%2", minutes_text(total))
            if count
            else ""
        )
        self.empty.setVisible(not count)
        self.clear_button.setEnabled(bool(count))
        self.export_button.setEnabled(bool(count))

    def _day_heading(self, day: HistoryDay) -> QLabel:
        today = QDate.currentDate()
        date = QDate(day.day.year, day.day.month, day.day.day)
        if date == today:
            text = self.tr("Today")
        elif date == today.addDays(-1):
            text = self.tr("Yesterday")
        else:
            text = QLocale().toString(date, "dddd, d MMMM yyyy")
        label = QLabel(text[:1].upper() + text[1:])
        label.setObjectName("SectionHeading")
        return label

    # -- actions ----------------------------------------------------------------------------------
    def _resume(self, entry: HistoryEntry) -> None:
        self.ops.run(
            ("resume", entry.id),
            lambda: self._history.resume_ms(entry.item_key),
            lambda start: self.resumeRequested.emit(entry, start),
        )

    def _toggle_watched(self, item_key: str, watched: bool) -> None:
        self.ops.run(
            ("watched", item_key),
            lambda: self._history.set_watched(item_key, watched),
            lambda _n: self.refresh(),
            self._failed,
        )

    def _remove(self, entry_id: int) -> None:
        self.ops.run(
            ("remove", entry_id),
            lambda: self._history.remove(entry_id),
            lambda _e: self.refresh(),
            self._failed,
        )

    def _clear(self) -> None:
        confirm(
            self,
            self.tr("Clear history"),
            self.tr(
                "Remove everything from this profile's history? "
                "Watched marks stay; resume points of unfinished items go."
            ),
            self.tr("Clear"),
            lambda: self.ops.run("clear", self._history.clear, lambda _n: self.refresh(), self._failed),
        )

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Could not save: %1").replace("%1", str(exc)))
        self.refresh()

    def _export(self) -> None:
        dialog = QFileDialog(self, self.tr("Export the history"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("CSV (*.csv)"), self.tr("JSON (*.json)")])
        dialog.selectFile("history.csv")
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path), dialog.selectedNameFilter()))
        dialog.open()

    def export_to(self, path: Path, name_filter: str = "") -> None:
        if path.suffix.lower() not in (".csv", ".json"):
            path = path.with_suffix(".json" if "json" in name_filter.lower() else ".csv")
        self.ops.run(
            "export",
            lambda: self._history.export(path),
            lambda n: self.status.setText(
                self.tr("Wrote %1 entries to %2").replace("%1", str(n)).replace("%2", str(path))
            ),
            lambda exc: self.status.setText(
                self.tr("Could not write %1: %2").replace("%1", str(path)).replace("%2", str(exc))
            ),
        )
