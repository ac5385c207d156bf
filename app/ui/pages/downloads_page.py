"""Downloads: the torrents in the cache (name, size, progress, rate, peers, state), Keep for
offline, pause, resume, remove with or without the data; the cache's cap and use."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.sources.downloads import Download, Downloads, DownloadState, DownloadsView
from app.ui.viewmodels.operations import Operations

REFRESH_MS = 1000
COLUMNS = 7  # name, size, progress, rate, peers, state, offline


def human_bytes(size: int | None) -> str:
    if size is None:
        return "—"
    value = float(size)
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if value < 1024 or unit == "TB":
            return f"{value:.0f} {unit}" if unit in ("B", "KB") else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} TB"


class DownloadsPage(QWidget):
    def __init__(self, downloads: Downloads, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Page")
        self._downloads = downloads
        self._items: list[Download] = []
        self.ops = Operations(self, "downloads")
        heading = QLabel(self.tr("Downloads"))
        heading.setObjectName("PageTitle")
        self.usage = QLabel()
        self.usage.setObjectName("Muted")
        self.usage.setWordWrap(True)
        self.usage_bar = QProgressBar()
        self.usage_bar.setTextVisible(False)
        self.usage_bar.setFixedHeight(6)
        self.table = QTreeWidget()
        self.table.setObjectName("Downloads")
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Size"),
                self.tr("Progress"),
                self.tr("Speed"),
                self.tr("Peers"),
                self.tr("State"),
                self.tr("Offline"),
            ]
        )
        header = self.table.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.table.currentItemChanged.connect(lambda *_: self._enable())
        self.empty = QLabel(
            self.tr(
                "Nothing here yet. Torrents you play stay in the cache while it has room; "
                "Keep for offline downloads one to the end and keeps it outside the cap."
            )
        )
        self.empty.setObjectName("Muted")
        self.empty.setWordWrap(True)
        self.keep_button = QPushButton(self.tr("Keep for offline"))
        self.keep_button.setCheckable(True)
        self.keep_button.clicked.connect(self._keep_clicked)
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.clicked.connect(lambda: self._act("pause"))
        self.resume_button = QPushButton(self.tr("Resume"))
        self.resume_button.clicked.connect(lambda: self._act("resume"))
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.remove_button.clicked.connect(self._ask_remove)
        self.status = QLabel()
        self.status.setObjectName("Muted")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.keep_button, self.pause_button, self.resume_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 24, 36, 24)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(self.usage)
        layout.addWidget(self.usage_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.box: QMessageBox | None = None
        self._enable()

    # -- reading --------------------------------------------------------------------------------
    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.refresh()
        self._timer.start()

    def hideEvent(self, event: object) -> None:
        self._timer.stop()
        super().hideEvent(event)  # type: ignore[arg-type]

    def refresh(self) -> None:
        if not self.ops.busy("view"):
            self.ops.run_async("view", self._downloads.view, self.show_view, self._failed)

    def show_view(self, view: DownloadsView) -> None:
        current = self._current()
        keep = current.info_hash if current is not None else None
        self._items = list(view.items)
        self.table.setUpdatesEnabled(False)
        while self.table.topLevelItemCount() > len(self._items):
            self.table.takeTopLevelItem(self.table.topLevelItemCount() - 1)
        for row, item in enumerate(self._items):
            tree_item = self.table.topLevelItem(row) or self._new_row()
            self._fill(tree_item, item)
            if item.info_hash == keep:
                self.table.setCurrentItem(tree_item)
        first = self.table.topLevelItem(0)
        if current is None and self._items and first is not None:
            self.table.setCurrentItem(first)
        self.table.setUpdatesEnabled(True)
        self.empty.setVisible(not self._items)
        self.table.setVisible(bool(self._items))
        cap = max(1, view.cap_bytes)
        text = self.tr("The cache holds %1 of its %2 cap.").replace("%1", human_bytes(view.used_bytes))
        text = text.replace("%2", human_bytes(view.cap_bytes))
        if view.kept_bytes:
            text += " " + self.tr("Kept for offline: %1 (outside the cap).").replace(
                "%1", human_bytes(view.kept_bytes)
            )
        self.usage.setText(text)
        self.usage_bar.setRange(0, 1000)
        self.usage_bar.setValue(min(1000, int((view.used_bytes - view.kept_bytes) * 1000 / cap)))
        self._enable()

    def _new_row(self) -> QTreeWidgetItem:
        tree_item = QTreeWidgetItem([""] * COLUMNS)
        self.table.addTopLevelItem(tree_item)
        bar = QProgressBar()
        bar.setRange(0, 1000)
        bar.setFixedWidth(140)
        bar.setFormat("%p %")
        self.table.setItemWidget(tree_item, 2, bar)
        return tree_item

    def state_text(self, item: Download) -> str:
        texts = {
            DownloadState.STREAMING: self.tr("Playing"),
            DownloadState.DOWNLOADING: self.tr("Downloading"),
            DownloadState.METADATA: self.tr("Asking peers for the file list"),
            DownloadState.PAUSED: self.tr("Paused"),
            DownloadState.DONE: self.tr("Done"),
            DownloadState.IDLE: self.tr("In the cache"),
        }
        text = texts.get(item.state, item.state)
        return f"{text}: {item.error}" if item.error else text

    def _fill(self, tree_item: QTreeWidgetItem, item: Download) -> None:
        tree_item.setText(0, item.name)
        tree_item.setToolTip(0, item.name)
        tree_item.setText(1, human_bytes(item.size))
        bar = self.table.itemWidget(tree_item, 2)
        if isinstance(bar, QProgressBar):
            bar.setValue(int(item.progress * 1000))
        tree_item.setText(3, human_bytes(item.rate) + "/s" if item.rate else "")
        tree_item.setText(4, str(item.peers) if item.peers else "")
        tree_item.setText(5, self.state_text(item))
        tree_item.setText(6, "✓" if item.keep else "")
        tree_item.setData(0, Qt.ItemDataRole.UserRole, item.info_hash)

    def _failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("Could not read the downloads: %1").replace("%1", str(error)))

    # -- acting ---------------------------------------------------------------------------------
    def _current(self) -> Download | None:
        tree_item = self.table.currentItem()
        if tree_item is None:
            return None
        info_hash = tree_item.data(0, Qt.ItemDataRole.UserRole)
        return next((d for d in self._items if d.info_hash == info_hash), None)

    def _enable(self) -> None:
        item = self._current()
        for button in (self.keep_button, self.pause_button, self.resume_button, self.remove_button):
            button.setEnabled(item is not None)
        if item is None:
            return
        self.keep_button.setChecked(item.keep)
        self.pause_button.setEnabled(item.state in (DownloadState.DOWNLOADING, DownloadState.METADATA))
        self.resume_button.setEnabled(item.paused)
        self.remove_button.setEnabled(item.state != DownloadState.STREAMING)

    def _keep_clicked(self, checked: bool) -> None:
        self._act("keep", checked)

    def _act(self, action: str, on: bool = True) -> None:
        item = self._current()
        if item is None:
            return
        downloads = self._downloads
        calls = {
            "keep": lambda: downloads.keep(item.info_hash, on),
            "pause": lambda: downloads.pause(item.info_hash),
            "resume": lambda: downloads.resume(item.info_hash),
        }
        if action == "keep" and on and item.name != item.info_hash:
            self.status.setText(
                self.tr("Keeping «%1» for offline: it downloads to the end.").replace("%1", item.name)
            )
        elif action == "keep" and on:  # its name comes with the metadata
            self.status.setText(self.tr("Kept for offline: it downloads to the end."))
        else:
            self.status.setText("")
        self.ops.run_async(
            ("act", item.info_hash), calls[action], lambda _none: self.refresh(), self._act_failed
        )

    def _act_failed(self, error: BaseException) -> None:
        self.status.setText(str(error))
        self.refresh()

    def _ask_remove(self) -> None:
        item = self._current()
        if item is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove"),
            self.tr("Remove «%1» from Downloads?").replace("%1", item.name),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        with_data = box.addButton(self.tr("Remove with the files"), QMessageBox.ButtonRole.DestructiveRole)
        list_only = box.addButton(
            self.tr("Remove, move the files to Videos"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(
            lambda button: (
                self.remove(item.info_hash, delete_data=True)
                if button is with_data
                else (self.remove(item.info_hash, delete_data=False) if button is list_only else None)
            )
        )
        self.box = box
        box.open()  # never exec() under the asyncio loop

    def remove(self, info_hash: str, delete_data: bool) -> None:
        """Remove a torrent; without its data the files go to the Videos folder (the cache would
        delete them later)."""
        videos = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.MoviesLocation)
        target = Path(videos or Path.home()) / "Cinema"

        def done(moved: Path | None) -> None:
            if moved is not None:
                self.status.setText(self.tr("Removed; the files are in %1").replace("%1", str(moved)))
            else:
                self.status.setText(self.tr("Removed."))
            self.refresh()

        self.ops.run_async(
            ("remove", info_hash),
            lambda: self._downloads.remove(info_hash, delete_data, None if delete_data else target),
            done,
            self._act_failed,
        )
