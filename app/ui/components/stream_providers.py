"""Settings › Sources: every stream provider with its status, last error, latency and success
rate; enable or disable; add a Torznab indexer or a Stremio addon; remove; *Scan now*; the
action log (added, removed, failed, recovered, enabled, disabled)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.context import AppContext
from app.services.sources import admin, watch
from app.services.sources.admin import ProviderInfo
from app.services.sources.events import ProviderDidChange
from app.ui.components.add_video import AddVideoDialog
from app.ui.components.source_preferences import SourcePreferences
from app.ui.viewmodels import bus as ui_bus
from app.ui.viewmodels.operations import Operations


class AddProviderDialog(QDialog):
    """Name, URL and key of an indexer, or an addon's manifest URL. Signals: added()."""

    added = Signal()

    def __init__(self, context: AppContext, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._c = context
        self.kind = kind
        self.ops = Operations(self, "add-provider")
        indexer = kind == "torznab"
        self.setWindowTitle(self.tr("Add a Torznab indexer") if indexer else self.tr("Add a Stremio addon"))
        self.setMinimumWidth(560)
        self.name = QLineEdit()
        self.name.setPlaceholderText("Jackett")
        self.url = QLineEdit()
        self.url.setPlaceholderText(
            "http://127.0.0.1:9117/api/v2.0/indexers/all/results/torznab/"
            if indexer
            else "https://…/manifest.json"
        )
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        if indexer:
            form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("URL"), self.url)
        if indexer:
            form.addRow(self.tr("API key"), self.key)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = buttons.addButton(self.tr("Check and add"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _submit(self) -> None:
        url, name, key = self.url.text().strip(), self.name.text().strip(), self.key.text().strip()
        self.add_button.setEnabled(False)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Checking…"))
        if self.kind == "torznab":
            self.ops.run_async(
                "add", lambda: admin.add_indexer(self._c, name, url, key), self._done, self._failed
            )
        else:
            self.ops.run_async("add", lambda: admin.add_addon(self._c, url), self._done, self._failed)
        self.key.clear()  # the key goes to the keyring, nowhere else

    def _done(self, _info: ProviderInfo) -> None:
        self.added.emit()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.add_button.setEnabled(True)
        self.message.setStyleSheet("color: #ff7a6a;")
        self.message.setText(str(error) or type(error).__name__)


class StreamProvidersSettings(QWidget):
    """The Sources section of Settings."""

    COLUMNS = 7

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._c = context
        self.ops = Operations(self, "stream-providers")
        self._rows: list[ProviderInfo] = []
        heading = QLabel(self.tr("Sources"))
        heading.setObjectName("SectionHeading")
        intro = QLabel(
            self.tr(
                "Where ways to watch are searched for. Keys are kept in the system keyring. "
                "A provider that fails is shown here; the others never wait for it."
            )
        )
        intro.setObjectName("Muted")
        intro.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(
            [self.tr("Provider"), self.tr("Status"), self.tr("Latency"), self.tr("Answered"),
             self.tr("Plays"), self.tr("Last error"), self.tr("Address")]
        )  # fmt: skip
        header = self.table.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._toggled)
        self.status = QLabel()
        self.status.setObjectName("Muted")
        buttons = QHBoxLayout()
        self.add_indexer = QPushButton(self.tr("Add indexer…"))
        self.add_indexer.clicked.connect(lambda: self._add("torznab"))
        self.add_addon = QPushButton(self.tr("Add addon…"))
        self.add_addon.clicked.connect(lambda: self._add("stremio"))
        self.add_video = QPushButton(self.tr("Add video…"))
        self.add_video.clicked.connect(self._add_video)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self._remove)
        self.scan_button = QPushButton(self.tr("Scan now"))
        self.scan_button.clicked.connect(self.scan)
        for b in (self.add_indexer, self.add_addon, self.add_video, self.remove_button, self.scan_button):
            buttons.addWidget(b)
        buttons.addWidget(self.status, 1)
        self.log_heading = QLabel(self.tr("Action log"))
        self.log = QListWidget()
        self.log.setFixedHeight(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.preferences = SourcePreferences(context)
        layout.addWidget(self.preferences)
        layout.addWidget(self.log_heading)
        layout.addWidget(self.log)
        self._unsubscribe = ui_bus.subscribe(context.bus, ProviderDidChange, lambda _e: self.refresh(), self)
        self.refresh()

    # -- reading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        def read() -> tuple[list[ProviderInfo], list[Any]]:
            return admin.list_providers(self._c), sources_repo_events(self._c)

        self.ops.run("read", read, self._show)

    def _show(self, data: tuple[list[ProviderInfo], list[Any]]) -> None:
        rows, events = data
        self._rows = rows
        self.table.blockSignals(True)
        self.table.clear()
        for r in rows:
            status = {
                "ok": self.tr("working"),
                "error": self.tr("failing"),
                "unknown": self.tr("not asked yet"),
            }
            state = status.get(r.status, r.status) if r.enabled else self.tr("disabled")
            rate = "" if r.success_rate is None else f"{round(r.success_rate * 100)} %"
            plays = f"{r.plays_ok} ✓ / {r.plays_failed} ✗" if r.plays_ok or r.plays_failed else ""
            latency = self.tr("%1 ms").replace("%1", str(r.latency_ms)) if r.latency_ms is not None else ""
            item = QTreeWidgetItem([r.name, state, latency, rate, plays, r.last_error or "", r.url or ""])
            item.setToolTip(5, r.last_error or "")
            item.setData(0, Qt.ItemDataRole.UserRole, r.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if r.enabled else Qt.CheckState.Unchecked)
            if r.status == "error" and r.enabled:
                item.setForeground(1, Qt.GlobalColor.red)
            self.table.addTopLevelItem(item)
        self.table.blockSignals(False)
        self.table.setFixedHeight(self.table.header().sizeHint().height() + max(3, len(rows)) * 28 + 8)
        self.log.clear()
        names = {r.id: r.name for r in rows}
        actions = {
            "added": self.tr("added"),
            "removed": self.tr("removed"),
            "failed": self.tr("failed"),
            "recovered": self.tr("recovered"),
            "enabled": self.tr("enabled"),
            "disabled": self.tr("disabled"),
        }
        for e in events:
            when = datetime.fromtimestamp(e.at).strftime("%d.%m %H:%M")
            detail = f" — {e.detail}" if e.detail and e.action == "failed" else ""
            name = names.get(e.provider_id, e.provider_id)
            self.log.addItem(f"{when}  {name}: {actions.get(e.action, e.action)}{detail}")
        if not events:
            self.log.addItem(self.tr("Nothing happened yet."))

    # -- acting ----------------------------------------------------------------------------------
    def _selected(self) -> ProviderInfo | None:
        item = self.table.currentItem()
        pid = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return next((r for r in self._rows if r.id == pid), None)

    def _toggled(self, item: QTreeWidgetItem, column: int) -> None:
        if column != 0:
            return
        pid = item.data(0, Qt.ItemDataRole.UserRole)
        on = item.checkState(0) == Qt.CheckState.Checked
        self.ops.run(("enable", pid), lambda: admin.set_enabled(self._c, pid, on), lambda _r: self.refresh())

    def _add(self, kind: str) -> None:
        dialog = AddProviderDialog(self._c, kind, self)
        dialog.added.connect(self.refresh)
        dialog.open()

    def _add_video(self) -> None:
        AddVideoDialog(self._c, self).open()

    def _remove(self) -> None:
        row = self._selected()
        if row is None or row.kind not in ("torznab", "stremio"):
            self.status.setText(self.tr("Choose an indexer or an addon to remove."))
            return
        self.ops.run(
            ("remove", row.id), lambda: admin.remove(self._c, row.id, (row.kind,)), lambda _r: self.refresh()
        )

    def scan(self) -> None:
        self.scan_button.setEnabled(False)
        self.status.setText(self.tr("Asking every provider…"))

        def done(results: list[watch.ScanResult]) -> None:
            self.scan_button.setEnabled(True)
            good = sum(1 for r in results if r.ok)
            self.status.setText(
                self.tr("%1 of %2 providers answered")
                .replace("%1", str(good))
                .replace("%2", str(len(results)))
            )
            self.refresh()

        def failed(error: BaseException) -> None:
            self.scan_button.setEnabled(True)
            self.status.setText(str(error))

        self.ops.run_async("scan", lambda: watch.scan(self._c), done, failed)


def sources_repo_events(context: AppContext) -> list[Any]:
    return admin.events(context)


__all__ = ["AddProviderDialog", "StreamProvidersSettings"]
