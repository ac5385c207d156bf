"""The title page's ways to watch: ranked as they arrive ("Searching 3 of 5…"), each with its
quality, size, audio, seeders and provider, *why first*, "Add a link…" and a refresh.

The search runs through the window's off-thread helper (``Operations``): providers answer on the
loop, the ranked list is redrawn after each one, and hiding the page cancels the search (and
with it every provider's request).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.models import SourceKind, TitleDetail
from app.domain.release import RankedStream
from app.services.context import AppContext
from app.services.sources.search import SEARCHING, SearchUpdate, SourceSearch, query_for
from app.ui.components.why_first import WhyFirst
from app.ui.viewmodels.operations import Operations

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.domain.streams import StreamCandidate
    from app.ui.pages.title_page import TitlePage

log = logging.getLogger(__name__)
PROBE_S = 8.0  # a magnet's swarm that sends no metadata in 8 s counts as without peers
MAX_ROWS = 200


def human_size(size: int | None) -> str:
    if not size:
        return ""
    for unit, div in (("TB", 1024**4), ("GB", 1024**3), ("MB", 1024**2)):
        if size >= div:
            return f"{size / div:.1f} {unit}"
    return f"{size / 1024:.0f} KB"


class TitleSources(QWidget):
    """Signals: sourcesFound(str title_id, int count), addLinkRequested(str title_id),
    playRequested(object StreamCandidate) (a row chosen with Enter or a double click)."""

    sourcesFound = Signal(str, int)
    addLinkRequested = Signal(str)
    playRequested = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._c = context
        self.ops = Operations(self, "title-sources")
        self._detail: TitleDetail | None = None
        self._items: list[RankedStream] = []
        self._names: dict[str, str] = {}
        self._why_index = 0
        self._checked: str | None = None  # the title whose sources were checked

        self.heading = QLabel(self.tr("Ways to watch"))
        self.heading.setObjectName("SectionHeading")
        self.status = QLabel()
        self.status.setObjectName("Muted")
        self.status.setWordWrap(True)  # at 1024 px in Russian the row must not outgrow the page
        self.why_button = QPushButton(self.tr("Why first?"))
        self.why_button.setCheckable(True)
        self.why_button.toggled.connect(self._toggle_why)
        self.add_button = QPushButton(self.tr("Add a link…"))
        self.add_button.clicked.connect(lambda: self._detail and self.addLinkRequested.emit(self._detail.id))
        self.refresh_button = QPushButton(self.tr("Search again"))
        self.refresh_button.clicked.connect(lambda: self.search(refresh=True))
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addSpacing(12)
        top.addWidget(self.status, 1)
        top.addWidget(self.why_button)
        top.addWidget(self.refresh_button)
        top.addWidget(self.add_button)

        self.table = QTreeWidget()
        self.table.setObjectName("Sources")
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setUniformRowHeights(True)
        self.table.setHeaderLabels(
            ["#", self.tr("Source"), self.tr("Quality"), self.tr("Size"), self.tr("Audio"),
             self.tr("Seeders"), self.tr("Provider"), self.tr("Score")]
        )  # fmt: skip
        header = self.table.header()
        header.setStretchLastSection(False)
        # fixed widths, set once: sizing every column to its contents on each redraw cost ~10 ms
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 36), (2, 86), (3, 86), (4, 170), (5, 76), (6, 120), (7, 72)):
            self.table.setColumnWidth(column, width)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.table.currentItemChanged.connect(self._current_changed)
        self.table.itemActivated.connect(self._activated)
        self.why = WhyFirst()
        self.why.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.why)

    # -- the title -------------------------------------------------------------------------------
    def show_title(self, detail: TitleDetail) -> None:
        """Show what is stored at once, then ask the providers (cached ones answer from storage)."""
        if self._detail is not None and self._detail.id != detail.id:
            self.ops.cancel_all()
        self._checked = None
        self._detail = detail
        self._items = []
        self._fill()
        tid = detail.id
        self.ops.run(("stored", tid), lambda: SourceSearch(self._c).stored_ranked(tid), self._stored_ready)
        self.search()

    def search(self, refresh: bool = False) -> None:
        if self._detail is None:
            return
        tid = self._detail.id
        self.status.setText(self.tr("Searching…"))
        self.ops.run(("query", tid), lambda: query_for(self._c, tid), lambda q: self._start(q, refresh))

    def search_episode(self, season: int, episode: int) -> None:
        """Ask the providers for one episode of the series shown (issue 16: sources per episode)."""
        if self._detail is None:
            return
        tid = self._detail.id
        self._items = []
        self._fill()
        self.status.setText(self.tr("Searching…"))
        self.ops.run(
            ("query", tid), lambda: query_for(self._c, tid, season, episode), lambda q: self._start(q, False)
        )

    def _start(self, query: Any, refresh: bool) -> None:
        if query is None or self._detail is None or query.title_id != self._detail.id:
            return

        async def work() -> SearchUpdate:
            return await SourceSearch(self._c).search(query, self._on_update, refresh=refresh)

        self.ops.run_async(("search", query.title_id), work, self._on_update, self._failed)

    def _stored_ready(self, items: list[RankedStream]) -> None:
        if not self._items and items and self._detail is not None and items[0].candidate.url:
            self._items = items
            self._fill()

    def _on_update(self, update: SearchUpdate) -> None:
        if self._detail is None or update.title_id != self._detail.id:
            return
        self._names = update.names
        if update.ranked or update.finished:
            self._items = update.ranked
            self._fill()
        total, done = update.total, update.done
        if not update.finished and total:
            self.status.setText(
                self.tr("Searching %1 of %2…")
                .replace("%1", str(min(total, done + 1)))
                .replace("%2", str(total))
            )
        else:
            failed = [s for s in update.providers.values() if s not in ("ok", SEARCHING)]
            text = self.tr("%n source(s)", "", len(self._items))
            if failed:
                text += " · " + self.tr("%n provider(s) did not answer", "", len(failed))
                self.status.setToolTip("\n".join(failed))
            self.status.setText(text)
            self.sourcesFound.emit(update.title_id, len(self._items))
            self._check_health(update.title_id)

    def _check_health(self, title_id: str) -> None:
        """Once per title shown: check the stored HTTP sources (reachable, how fast) and probe the
        magnets nobody reported seeders for, then rank again from what is cached (the providers
        are not asked twice)."""
        if self._checked == title_id:
            return
        self._checked = title_id

        async def work() -> object:
            from app.services.sources.health import check_title

            return await check_title(self._c, title_id, probe_s=PROBE_S)

        def done(_results: object) -> None:
            if self._detail is not None and self._detail.id == title_id:
                self.search()

        self.ops.run_async(("health", title_id), work, done, lambda exc: log.info("health check: %s", exc))

    def _failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("The search failed: %1").replace("%1", str(error)))

    def hideEvent(self, event: Any) -> None:
        # leaving the title page stops its search and every provider's request with it
        self.ops.cancel_all()
        super().hideEvent(event)

    # -- drawing ---------------------------------------------------------------------------------
    def audio_text(self, item: RankedStream) -> str:
        rel = item.release
        voices = {"dub": self.tr("Dub"), "mvo": "MVO", "dvo": "DVO", "avo": "AVO", "vo": "VO"}
        parts = [voices[v] for v in rel.voice[:2]]
        langs = [lang.upper() for lang in rel.audio_languages[:3]]
        if rel.multi_audio and not langs:
            langs = ["Multi"]
        return " · ".join(parts + langs)

    def _fill(self) -> None:
        self.table.clear()
        kinds = {
            SourceKind.TORRENT: "⇣", SourceKind.HLS: "HLS", SourceKind.DIRECT: "▶", SourceKind.PAGE: "🌐",
            SourceKind.IPTV_LIVE: "TV", SourceKind.IPTV_CATCHUP: "⟲",
        }  # fmt: skip
        for n, item in enumerate(self._items[:MAX_ROWS], 1):
            c, rel = item.candidate, item.release
            label = f"{kinds.get(c.kind, '')} {c.label or c.url}".strip()
            if c.channel:
                label += f" — {c.channel}"
            provider = self._names.get(c.provider_id, c.provider_id)
            if item.merged_from:
                provider += f" +{len(item.merged_from)}"
            row = QTreeWidgetItem([
                str(n), label, rel.quality or c.quality or "", human_size(c.size_bytes),
                self.audio_text(item),
                "" if c.seeders is None else str(c.seeders), provider, f"{item.score:.2f}",
            ])  # fmt: skip
            row.setToolTip(1, c.label)
            if item.health in ("failing", "dead", "no_peers") or not c.playable_now:
                for col in range(8):
                    row.setForeground(col, Qt.GlobalColor.gray)
            self.table.addTopLevelItem(row)
        if not self._items:
            empty = QTreeWidgetItem(["", self.tr("No sources found yet"), "", "", "", "", "", ""])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.table.addTopLevelItem(empty)
        rows = min(max(1, self.table.topLevelItemCount()), 10)
        height = self.table.header().sizeHint().height() + rows * max(26, self.table.sizeHintForRow(0)) + 8
        self.table.setFixedHeight(height)
        self.table.blockSignals(True)
        first = self.table.topLevelItem(0)
        if self._items and first is not None:
            self.table.setCurrentItem(first)
        self.table.blockSignals(False)
        self._why_index = 0
        if self.why.isVisible():  # built when shown: its widgets cost more than the table
            self.why.show_item(self._explained(0) if self._items else None, True)

    def _explained(self, index: int) -> RankedStream:
        from app.services.sources.preferences import preferences
        from app.services.sources.ranking import explained

        item = explained(self._items[index], preferences(self._c.settings))
        self._items[index] = item
        return item

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        index = self.table.indexOfTopLevelItem(current) if current is not None else -1
        if 0 <= index < len(self._items):
            self._why_index = index
            if self.why.isVisible():
                self.why.show_item(self._explained(index), index == 0)

    def _toggle_why(self, on: bool) -> None:
        self.why.setVisible(on)
        if on:
            index = self._why_index if self._why_index < len(self._items) else 0
            self.why.show_item(self._explained(index) if self._items else None, index == 0)

    def _activated(self, row: QTreeWidgetItem, _column: int) -> None:
        index = self.table.indexOfTopLevelItem(row)
        if 0 <= index < len(self._items):
            cand = self._items[index].candidate
            if cand.kind is SourceKind.PAGE and cand.url.startswith(("http://", "https://")):
                QDesktopServices.openUrl(QUrl(cand.url))  # a web page's own player: in the browser
            elif cand.kind is not SourceKind.PAGE:
                self.playRequested.emit(cand)  # issue 18: Enter or a double click plays this one


def install(
    page: TitlePage, context: AppContext, play: Callable[[StreamCandidate], None] | None = None
) -> TitleSources:
    """Put the ranked sources on ``page`` in place of its plain list (the window calls this);
    ``play(candidate)`` plays the row chosen with Enter or a double click."""
    from app.ui.components.add_video import AddVideoDialog

    panel = TitleSources(context, page)
    page.set_sources_panel(panel)
    page.titleShown.connect(panel.show_title)

    def found(title_id: str, count: int) -> None:
        detail = page.detail
        if detail is not None and detail.id == title_id and count:
            page.play_button.setEnabled(True)
            page.no_source.setText("")

    def add_link(title_id: str) -> None:
        dialog = AddVideoDialog(context, page, title_id=title_id)
        dialog.added.connect(lambda tid: panel.search() if tid == title_id else None)
        dialog.open()

    panel.sourcesFound.connect(found)
    if play is not None:
        panel.playRequested.connect(play)
    panel.addLinkRequested.connect(add_link)
    return panel
