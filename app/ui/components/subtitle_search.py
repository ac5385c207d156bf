"""Subtitle search from the player's subtitle menu: results for what plays, best first; Load
downloads the chosen file (or takes it from the cache) and adds it to the video."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import AuthError, NotFound, ProviderUnavailable, RateLimited
from app.domain.subtitles import QuotaExceeded, SubtitleHit
from app.services.playback.subtitles import SearchResult, SubtitleSearch
from app.ui.localized import in_words
from app.ui.viewmodels.operations import Operations

_LANGUAGES = {
    "ru": "Русский", "en": "English", "de": "Deutsch", "fr": "Français", "es": "Español",
    "it": "Italiano", "uk": "Українська", "ja": "日本語", "pt": "Português", "pl": "Polski",
}  # fmt: skip


class SubtitleSearchDialog(QDialog):
    """Signals: loaded(str path)."""

    loaded = Signal(str)

    def __init__(self, search: SubtitleSearch, playback: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find subtitles"))
        self.setObjectName("SubtitleSearch")
        self.resize(760, 420)
        self._search = search
        self._playback = playback
        self._result: SearchResult | None = None
        self.ops = Operations(self, "subtitle search")
        request = playback.request
        self.heading = QLabel(request.label if request is not None else "")
        self.heading.setObjectName("SectionHeading")
        self.status = QLabel(self.tr("Searching…"))
        self.status.setObjectName("Muted")
        self.status.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setHeaderLabels(
            [self.tr("Language"), self.tr("Release"), self.tr("Downloads"), self.tr("Fits this file")]
        )
        header = self.table.header()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemActivated.connect(lambda _item, _col: self.load_current())
        self.table.currentItemChanged.connect(lambda *_: self._enable())
        self.load_button = QPushButton(self.tr("Load"))
        self.load_button.setObjectName("Primary")
        self.load_button.setEnabled(False)
        self.load_button.clicked.connect(self.load_current)
        self.retry_button = QPushButton(self.tr("Search again"))
        self.retry_button.clicked.connect(self.start)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.load_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    # -- searching -------------------------------------------------------------------------------
    def start(self) -> None:
        request = self._playback.request
        if request is None:
            self.status.setText(self.tr("Nothing plays: start a video first."))
            return
        opener = getattr(self._playback, "opener", None)
        handle = getattr(opener, "handle", None)
        playing = handle.url if handle is not None else None  # a torrent: the engine's stream
        self.status.setText(self.tr("Searching…"))
        self.table.clear()
        self.load_button.setEnabled(False)
        self.ops.run_async("search", lambda: self._search.search(request, playing), self._show, self._failed)

    def _show(self, result: SearchResult) -> None:
        self._result = result
        self.table.clear()
        for cached in result.cached:
            row = QTreeWidgetItem(
                [self._language(cached.language), cached.release or cached.file_name, "", "✓"]
            )
            row.setText(3, self.tr("downloaded before"))
            row.setData(0, Qt.ItemDataRole.UserRole, ("cached", cached.path))
            self.table.addTopLevelItem(row)
        for hit in result.hits:
            row = QTreeWidgetItem(
                [
                    self._language(hit.language),
                    hit.release or hit.file_name,
                    f"{hit.downloads:,}".replace(",", " "),
                    "✓" if hit.hash_match else "",
                ]
            )
            if hit.machine_translated:
                row.setToolTip(1, self.tr("machine translated"))
            row.setData(0, Qt.ItemDataRole.UserRole, ("hit", hit))
            self.table.addTopLevelItem(row)
        languages = ", ".join(self._language(code) for code in result.languages)
        first = self.table.topLevelItem(0)
        if first is not None:
            self.table.setCurrentItem(first)
            self.table.setFocus()
            text = (
                self.tr("Found: %1 (languages: %2).")
                .replace("%1", str(len(result.hits)))
                .replace("%2", languages)
            )
        else:
            text = self.tr("No subtitles found in %1.").replace("%1", languages)
        for name, problem in result.problems:
            text += f"\n{name}: {problem}"
        self.status.setText(text)
        self._enable()

    def _failed(self, error: BaseException) -> None:
        self.status.setText(self.explain(error))

    def explain(self, error: BaseException) -> str:
        """What went wrong, in words the user can act on."""
        if isinstance(error, QuotaExceeded):
            text = self.tr("Today's OpenSubtitles downloads are used up.")
            if error.quota.reset:
                text += " " + self.tr("They come back: %1.").replace("%1", error.quota.reset)
            return text + " " + self.tr("Subtitles downloaded before still load.")
        if isinstance(error, AuthError):
            if "No OpenSubtitles key" in str(error):
                return self.tr("Add your OpenSubtitles key in Settings › Keys and accounts.")
            return self.tr("OpenSubtitles refused the key: %1").replace("%1", str(error))
        if isinstance(error, (ProviderUnavailable, RateLimited, NotFound)):
            return in_words(str(error))
        return self.tr("The search failed: %1").replace("%1", str(error) or type(error).__name__)

    # -- loading ---------------------------------------------------------------------------------
    def _enable(self) -> None:
        self.load_button.setEnabled(self.table.currentItem() is not None)

    def load_current(self) -> None:
        item = self.table.currentItem()
        request = self._playback.request
        if item is None or request is None:
            return
        kind, value = item.data(0, Qt.ItemDataRole.UserRole)
        if kind == "cached":
            self._loaded(Path(value))
            return
        assert isinstance(value, SubtitleHit)
        moviehash = self._result.moviehash if self._result is not None else None
        self.status.setText(self.tr("Downloading…"))
        self.load_button.setEnabled(False)
        self.ops.run_async(
            "download",
            lambda: self._search.download(value, request.item_key, moviehash),
            self._loaded,
            self._download_failed,
        )

    def _download_failed(self, error: BaseException) -> None:
        self.status.setText(self.explain(error))
        self._enable()

    def _loaded(self, path: Path) -> None:
        self.status.setText(self.tr("Loaded: %1").replace("%1", path.name))
        self._enable()
        self.loaded.emit(str(path))

    @staticmethod
    def _language(code: str) -> str:
        return _LANGUAGES.get(code[:2], code)


def open_search(player_page: Any, playback: Any) -> SubtitleSearchDialog:
    """The search for what ``playback`` plays, over ``player_page`` (its loaded files go to the player)."""
    services = playback.opener.services
    dialog = SubtitleSearchDialog(SubtitleSearch(services), playback, player_page)
    dialog.loaded.connect(player_page.load_subtitle)
    dialog.open()  # never exec() under the asyncio loop
    dialog.start()
    return dialog
