"""TV guide sources in Settings: each source's last refresh, counts, unmatched channels and last
error; add, remove, refresh now, with progress. Signals: guideChanged().

Adding and refreshing run the app's one refresh flow (``app.services.scheduler``): a guide added
here is fetched, imported, pruned and enriched in that run. The panel draws the flow's events,
so a scheduled run shows its progress here too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.context import AppContext, RefreshFlow
from app.services.guide.models import GuideSourceStatus
from app.services.scheduler import RefreshDidFinish, RefreshDidProgress, RefreshDidStart, RefreshScheduler
from app.ui.viewmodels import bus
from app.ui.viewmodels.operations import Operations

if TYPE_CHECKING:
    from app.services.scheduler import GuideOutcome

_KIND_NAMES = {"xmltv": "XMLTV", "m3u": "M3U", "provider_json": "JSON"}


class SourcesPanel(QWidget):
    guideChanged = Signal()

    def __init__(
        self, services: AppContext, scheduler: RefreshFlow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._s = services
        flow = scheduler or services.scheduler
        assert isinstance(flow, RefreshScheduler), "the app's refresh flow (bootstrap builds it)"
        self._flow = flow
        self._sources: list[GuideSourceStatus] = []
        self._asked: tuple[int, ...] | None = None  # the sources of the run this panel started
        self.ops = Operations(self, "guide sources")

        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setHeaderLabels(
            [
                self.tr("Source"),
                self.tr("Type"),
                self.tr("Updated"),
                self.tr("Channels"),
                self.tr("Programmes"),
                self.tr("Films"),
                self.tr("Status"),
            ]
        )
        header = self.table.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 7):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(150)
        self.table.currentItemChanged.connect(self._show_details)

        self.details = QLabel()
        self.details.setObjectName("Muted")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.location = QLineEdit()
        self.location.setPlaceholderText(
            self.tr("Guide or playlist: URL or file (XMLTV .xml/.gz/.xz, M3U, JSON)")
        )
        self.location.returnPressed.connect(self._add)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Name (optional)"))
        self.name.setMinimumWidth(250)
        self.name.setMaximumWidth(300)
        self.browse_button = QPushButton(self.tr("File…"))
        self.browse_button.clicked.connect(self._browse)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setObjectName("Primary")
        self.add_button.clicked.connect(self._add)
        self.refresh_button = QPushButton(self.tr("Refresh now"))
        self.refresh_button.clicked.connect(self._refresh_selected)
        self.refresh_all_button = QPushButton(self.tr("Refresh all"))
        self.refresh_all_button.clicked.connect(self._refresh_all)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self._remove_selected)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)

        add_row = QHBoxLayout()
        add_row.addWidget(self.location, 1)
        add_row.addWidget(self.name)
        add_row.addWidget(self.browse_button)
        add_row.addWidget(self.add_button)
        actions = QHBoxLayout()
        actions.addWidget(self.refresh_button)
        actions.addWidget(self.refresh_all_button)
        actions.addWidget(self.remove_button)
        actions.addStretch(1)
        actions.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(add_row)
        layout.addWidget(self.table)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.details)

        bus.subscribe(services.bus, RefreshDidStart, self._run_started, self)
        bus.subscribe(services.bus, RefreshDidProgress, self._on_progress, self)
        bus.subscribe(services.bus, RefreshDidFinish, self._run_finished, self)

    # -- listing -------------------------------------------------------------------------------
    def reload(self, then: Callable[[], object] | None = None) -> None:
        """Read the sources again (in a worker; at once when no loop runs), then ``then()``."""
        from app.services.guide import refresh as epg_refresh

        def show(sources: list[GuideSourceStatus]) -> None:
            self._show_sources(sources)
            if then is not None:
                then()

        self.ops.run("list", lambda: epg_refresh.list_sources(self._s), show)

    def _show_sources(self, sources: list[GuideSourceStatus]) -> None:
        current = self._selected_id()
        self._sources = sources
        self.table.clear()
        for src in self._sources:
            status = {
                "error": self.tr("error"),
                "unchanged": self.tr("unchanged"),
                "ok": self.tr("ok"),
                "ended": self.tr("ended"),  # stored, but every programme lies in the past
            }.get(src.last_status or "", self.tr("not refreshed"))
            item = QTreeWidgetItem(
                [
                    src.name + ("  (" + self.tr("demo") + ")" if src.is_demo else ""),
                    _KIND_NAMES.get(src.kind, src.kind),
                    self._when(src.last_refresh_at),
                    str(src.channels_count),
                    str(src.programmes_count),
                    str(src.films_count),
                    status,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, src.id)
            for col in range(3, 6):
                item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if src.last_status == "error":
                item.setForeground(6, Qt.GlobalColor.red)
            self.table.addTopLevelItem(item)
            if src.id == current:
                self.table.setCurrentItem(item)
        first = self.table.topLevelItem(0)
        if self.table.currentItem() is None and first is not None:
            self.table.setCurrentItem(first)
        self._update_buttons()

    def _ended_text(self, message: str) -> str:
        """ "this guide ended on 29 Sep 2025" (the refresh's words) in the UI language."""
        from datetime import datetime

        months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        try:
            d, m, y = message.rsplit(" on ", 1)[1].split()
            day = datetime(int(y), months.index(m) + 1, int(d))
        except (IndexError, ValueError):
            return message
        when = QLocale().toString(QDateTime.fromSecsSinceEpoch(int(day.timestamp())), "d MMMM yyyy")
        return self.tr("This guide ended on %1: it has no programmes from now on.").replace("%1", when)

    @staticmethod
    def _when(ts: int | None) -> str:
        if not ts:
            return "—"
        return QLocale().toString(QDateTime.fromSecsSinceEpoch(ts), "d MMM HH:mm")

    def _selected_id(self) -> int | None:
        item = self.table.currentItem()
        return None if item is None else int(item.data(0, Qt.ItemDataRole.UserRole))

    def _selected(self) -> GuideSourceStatus | None:
        sid = self._selected_id()
        return next((s for s in self._sources if s.id == sid), None)

    def _show_details(self, *_args: object) -> None:
        src = self._selected()
        if src is None:
            self.details.setText("")
            return
        lines = [src.location]
        if src.unmatched_channels:
            shown = ", ".join(src.unmatched_channels[:12])
            more = len(src.unmatched_channels) - 12
            suffix = " " + self.tr("and %n more", "", more) if more > 0 else ""
            lines.append(self.tr("Channels without a guide: %1").replace("%1", shown) + suffix)
        if src.last_error:
            lines.append(
                self._ended_text(src.last_error)
                if src.last_status == "ended"
                else self.tr("Last error: %1").replace("%1", src.last_error)
            )
        self.details.setText("\n".join(lines))
        self._update_buttons()

    def _busy(self) -> bool:
        return self._flow.running or self.ops.busy()

    def _update_buttons(self) -> None:
        busy = self._busy()
        has = self._selected() is not None
        self.refresh_button.setEnabled(has and not busy)
        self.remove_button.setEnabled(has and not busy)
        self.refresh_all_button.setEnabled(bool(self._sources) and not busy)
        self.add_button.setEnabled(not busy)

    # -- actions ---------------------------------------------------------------------------------
    def _browse(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose a guide or playlist"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.location.setText)
        dialog.open()  # never exec() inside the loop

    def _add(self) -> None:
        """Add the guide and run the refresh flow for it: fetched, imported, pruned, enriched."""
        location = self.location.text().strip()
        if not location or self._busy():
            return
        name = self.name.text().strip() or None
        self.location.clear()
        self.name.clear()
        self._start()
        self.ops.run_async(
            "add", lambda: self._flow.add_guide(location, name), lambda _done: self._done(), self._refused
        )
        self._update_buttons()

    def _refused(self, exc: BaseException) -> None:
        """The location cannot be a guide (an unknown kind): nothing was added."""
        self._asked = None
        self.progress.hide()
        self._say(str(exc), error=True)
        self._done()

    def _remove_selected(self) -> None:
        sid = self._selected_id()
        if sid is None or self._busy():
            return

        def removed(_none: None) -> None:
            self._say(self.tr("Source removed; its channels and programmes are gone."))
            self._done()

        self.ops.run_async("remove", lambda: self._flow.remove_guide(sid), removed, self._failed)
        self._update_buttons()

    def _refresh_selected(self) -> None:
        sid = self._selected_id()
        if sid is not None:
            self._refresh([sid])

    def _refresh_all(self) -> None:
        self._refresh([s.id for s in self._sources])

    def _refresh(self, ids: list[int]) -> None:
        if self._busy():
            return
        self._start()
        self.ops.run_async(
            "refresh",
            lambda: self._flow.run_once(ids, origin="settings"),
            lambda _done: self._done(),
            self._failed,
        )
        self._update_buttons()

    def _start(self) -> None:
        self._asked = ()
        self.message.setText("")

    def _failed(self, exc: BaseException) -> None:
        self._say(str(exc), error=True)
        self._done()

    def _done(self) -> None:
        self.reload(then=self.guideChanged.emit)

    # -- the flow's events -------------------------------------------------------------------------
    def _run_started(self, event: RefreshDidStart) -> None:
        if self._asked == () and event.origin == "settings":
            self._asked = event.source_ids  # ours: its outcome is said here when it ends
        self.progress.show()
        self.progress.setRange(0, 0)
        self.progress.setFormat("")
        self._update_buttons()

    def _on_progress(self, p: RefreshDidProgress) -> None:
        if p.phase == "download" and p.bytes_total:
            self.progress.setRange(0, 100)
            self.progress.setValue(int(p.bytes_read * 100 / p.bytes_total))
            self.progress.setFormat(self.tr("Downloading… %p%"))
        elif p.phase == "import":
            self.progress.setRange(0, 0)
            self.progress.setFormat(self.tr("%n programme(s) stored", "", p.programmes))
        else:
            self.progress.setRange(0, 0)

    def _run_finished(self, event: RefreshDidFinish) -> None:
        self.progress.hide()
        if self._asked is not None and event.origin == "settings":  # a run asked for here
            self._asked = None
            self._say_outcome(event)
        self._update_buttons()
        self.reload()

    def _say_outcome(self, event: RefreshDidFinish) -> None:
        if event.error is not None:
            self._say(event.error, error=True)
            return
        errors = [o.error for o in event.guides if o.error]
        if errors:
            self._say("\n".join(errors), error=True)
            return
        self._say(self._outcome_text(event.guides[-1] if event.guides else None))

    def _outcome_text(self, outcome: GuideOutcome | None) -> str:
        if outcome is None or outcome.status == "unchanged":
            return self.tr("The guide has not changed since the last refresh.")
        text = self.tr("Updated: %1 programmes, %2 films")
        return text.replace("%1", str(outcome.programmes)).replace("%2", str(outcome.films))

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #ff6a4d;" if error else "color: #8fd19e;")
        self.message.setText(text)
