"""Playlists: create, rename, delete; items reordered by dragging, removed; Play all, Shuffle;
export to and import from M3U (broken lines are listed, the rest imported)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import PlaylistChanged
from app.domain.playlists import Playlist, PlaylistItem
from app.services.library.playlists import ImportResult, PlaylistService
from app.ui.components.confirm import confirm
from app.ui.pages.history_page import minutes_text
from app.ui.viewmodels.operations import Operations

ItemIdRole = Qt.ItemDataRole.UserRole + 1


class ItemList(QListWidget):
    """The playlist's items; drag to reorder, Delete removes. Signals: reordered(list[int] ids),
    removeRequested(int item_id), playRequested(int row)."""

    reordered = Signal(list)
    removeRequested = Signal(int)
    playRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.model().rowsMoved.connect(lambda *_a: self.reordered.emit(self.ids()))
        self.itemActivated.connect(lambda item: self.playRequested.emit(self.row(item)))

    def ids(self) -> list[int]:
        return [int(self.item(n).data(ItemIdRole)) for n in range(self.count())]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and item is not None:
            self.removeRequested.emit(int(item.data(ItemIdRole)))
            return
        super().keyPressEvent(event)


class PlaylistsPage(QWidget):
    """Signals: playRequested(list[PlaylistItem] items, bool shuffle, int start)."""

    playRequested = Signal(list, bool, int)

    def __init__(self, playlists: PlaylistService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Page")
        self._playlists = playlists
        self._shown: Playlist | None = None
        self._items: list[PlaylistItem] = []
        self.ops = Operations(self, "playlists")
        heading = QLabel(self.tr("Playlists"))
        heading.setObjectName("PageTitle")
        self.new_button = QPushButton(self.tr("New playlist…"))
        self.new_button.clicked.connect(self._new)
        self.import_button = QPushButton(self.tr("Import M3U…"))
        self.import_button.clicked.connect(self._import)
        self.lists = QListWidget()
        self.lists.setFixedWidth(280)
        self.lists.currentItemChanged.connect(self._picked)
        self.name = QLabel()
        self.name.setObjectName("SectionHeading")
        self.facts = QLabel()
        self.facts.setObjectName("Muted")
        self.play_button = QPushButton(self.tr("Play all"))
        self.play_button.setObjectName("Primary")
        self.play_button.clicked.connect(lambda: self._play(False, 0))
        self.shuffle_button = QPushButton(self.tr("Shuffle"))
        self.shuffle_button.clicked.connect(lambda: self._play(True, 0))
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.rename_button.clicked.connect(self._rename)
        self.export_button = QPushButton(self.tr("Export M3U…"))
        self.export_button.clicked.connect(self._export)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.clicked.connect(self._delete)
        self.items = ItemList()
        self.items.reordered.connect(self._reordered)
        self.items.removeRequested.connect(self._remove)
        self.items.playRequested.connect(lambda row: self._play(False, row))
        self.remove_button = QPushButton(self.tr("Remove from playlist"))
        self.remove_button.clicked.connect(self._remove_current)
        self.hint = QLabel(
            self.tr("Drag items to change the order. Add titles from a title's page or the grid's menu.")
        )
        self.hint.setObjectName("Muted")
        self.hint.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("Muted")
        self.status.setWordWrap(True)
        self.empty = QLabel(self.tr("No playlists yet. Create one, or import an M3U file."))
        self.empty.setObjectName("Muted")

        head = QHBoxLayout()
        head.addWidget(heading, 1)
        head.addWidget(self.new_button)
        head.addWidget(self.import_button)
        actions = QHBoxLayout()
        actions.addWidget(self.play_button)
        actions.addWidget(self.shuffle_button)
        actions.addStretch(1)
        actions.addWidget(self.rename_button)
        actions.addWidget(self.export_button)
        actions.addWidget(self.delete_button)
        right = QVBoxLayout()
        right.setSpacing(8)
        right.addWidget(self.name)
        right.addWidget(self.facts)
        right.addLayout(actions)
        right.addWidget(self.items, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.remove_button)
        right.addLayout(bottom)
        self.content = QWidget()
        body = QHBoxLayout(self.content)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(18)
        body.addWidget(self.lists)
        body.addLayout(right, 1)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 22, 32, 18)
        layout.setSpacing(12)
        layout.addLayout(head)
        layout.addWidget(self.status)
        layout.addWidget(self.content, 1)
        layout.addWidget(self.empty, 1)
        self._show_playlist(None, [])

    # -- loading ----------------------------------------------------------------------------------
    def refresh(self, select: int | None = None) -> None:
        keep = select if select is not None else (self._shown.id if self._shown else None)
        self.ops.run("lists", self._playlists.all, lambda found: self._fill(found, keep), self._failed)

    def _fill(self, playlists: list[Playlist], select: int | None) -> None:
        self.lists.blockSignals(True)
        self.lists.clear()
        row = 0
        for n, p in enumerate(playlists):
            item = QListWidgetItem(f"{p.name}  ·  {p.count}")
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            self.lists.addItem(item)
            if p.id == select:
                row = n
        self.lists.blockSignals(False)
        self.empty.setVisible(not playlists)
        self.content.setVisible(bool(playlists))
        if playlists:
            self.lists.setCurrentRow(row)
            self._picked(self.lists.currentItem(), None)
        else:
            self._show_playlist(None, [])

    def _picked(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is None:
            return
        playlist_id = int(item.data(Qt.ItemDataRole.UserRole))
        self.open_playlist(playlist_id)

    def open_playlist(self, playlist_id: int) -> None:
        self.ops.run(
            "items",
            lambda: self._playlists.contents(playlist_id),
            lambda found: self._show_playlist(*found),
            self._failed,
        )

    def _show_playlist(self, playlist: Playlist | None, items: list[PlaylistItem]) -> None:
        self._shown, self._items = playlist, list(items)
        for w in (
            self.play_button,
            self.shuffle_button,
            self.rename_button,
            self.export_button,
            self.delete_button,
        ):
            w.setEnabled(playlist is not None)
        self.play_button.setEnabled(bool(items))
        self.shuffle_button.setEnabled(len(items) > 1)
        self.remove_button.setEnabled(bool(items))
        self.name.setText(playlist.name if playlist else "")
        total = sum(i.duration_ms or 0 for i in items)
        facts = self.tr("%n item(s)", "", len(items)) if playlist else ""
        if total:
            facts += " · " + minutes_text(total)
        self.facts.setText(facts)
        self.items.blockSignals(True)
        self.items.clear()
        for n, it in enumerate(items, start=1):
            where = self.tr("title") if it.title_id else (it.location or "")
            length = f"  ·  {minutes_text(it.duration_ms)}" if it.duration_ms else ""
            entry = QListWidgetItem(f"{n}.  {it.label}{length}")
            entry.setToolTip(it.location or it.title_id or "")
            entry.setData(ItemIdRole, it.id)
            entry.setData(Qt.ItemDataRole.UserRole, where)
            self.items.addItem(entry)
        self.items.blockSignals(False)

    # -- changes ----------------------------------------------------------------------------------
    def _failed(self, exc: BaseException) -> None:
        self.status.setText(str(exc))
        if isinstance(exc, PlaylistChanged) or self._shown is not None:
            self.refresh()

    def _reordered(self, ids: list[int]) -> None:
        playlist = self._shown
        if playlist is None:
            return
        self.ops.run(
            "reorder",
            lambda: self._playlists.reorder(playlist.id, ids, playlist.version),
            lambda _v: self.open_playlist(playlist.id),
            self._failed,
        )

    def _remove_current(self) -> None:
        item = self.items.currentItem()
        if item is not None:
            self._remove(int(item.data(ItemIdRole)))

    def _remove(self, item_id: int) -> None:
        playlist = self._shown
        if playlist is not None:
            self.ops.run(
                ("remove", item_id),
                lambda: self._playlists.remove_item(playlist.id, item_id),
                lambda _n: self.refresh(playlist.id),
                self._failed,
            )

    def _new(self) -> None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("New playlist"))
        dialog.setLabelText(self.tr("Name"))
        dialog.textValueSelected.connect(
            lambda name: self.ops.run(
                "create", lambda: self._playlists.create(name), lambda p: self.refresh(p.id), self._failed
            )
        )
        dialog.open()

    def _rename(self) -> None:
        playlist = self._shown
        if playlist is None:
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Rename playlist"))
        dialog.setLabelText(self.tr("Name"))
        dialog.setTextValue(playlist.name)
        dialog.textValueSelected.connect(
            lambda name: self.ops.run(
                "rename",
                lambda: self._playlists.rename(playlist.id, name, playlist.version),
                lambda p: self.refresh(p.id),
                self._failed,
            )
        )
        dialog.open()

    def _delete(self) -> None:
        playlist = self._shown
        if playlist is None:
            return
        confirm(
            self,
            self.tr("Delete playlist"),
            self.tr("Delete the playlist “%1”? The titles stay in the library.").replace("%1", playlist.name),
            self.tr("Delete"),
            lambda: self.ops.run(
                "delete", lambda: self._playlists.delete(playlist.id), lambda _n: self.refresh(), self._failed
            ),
        )

    def _play(self, shuffle: bool, start: int) -> None:
        if self._items:
            self.playRequested.emit(list(self._items), shuffle, start)

    # -- M3U --------------------------------------------------------------------------------------
    def _export(self) -> None:
        playlist = self._shown
        if playlist is None:
            return
        dialog = QFileDialog(self, self.tr("Export as M3U"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("Playlists (*.m3u *.m3u8)")])
        dialog.selectFile(f"{playlist.name}.m3u")
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        dialog.open()

    def export_to(self, path: Path) -> None:
        playlist = self._shown
        if playlist is None:
            return
        self.ops.run(
            "export",
            lambda: self._playlists.export_m3u(playlist.id, path),
            lambda n: self.status.setText(
                self.tr("Wrote %1 items to %2").replace("%1", str(n)).replace("%2", str(path))
            ),
            self._failed,
        )

    def _import(self) -> None:
        dialog = QFileDialog(self, self.tr("Import an M3U playlist"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([self.tr("Playlists (*.m3u *.m3u8)"), self.tr("All files (*)")])
        dialog.fileSelected.connect(lambda path: self.import_from(Path(path)))
        dialog.open()

    def import_from(self, path: Path) -> None:
        self.ops.run(
            "import",
            lambda: self._playlists.import_m3u(path.read_bytes(), path.stem),
            self._imported,
            self._failed,
        )

    def _imported(self, result: ImportResult) -> None:
        text = (
            self.tr("Imported %1 items into “%2”.")
            .replace("%1", str(result.added))
            .replace("%2", result.playlist.name)
        )
        if result.problems:
            lines = [
                (self.tr("line %1: ").replace("%1", str(n)) if n else "") + problem
                for n, problem in result.problems[:6]
            ]
            more = len(result.problems) - len(lines)
            text += " " + self.tr("Skipped:") + " " + "; ".join(lines)
            if more > 0:
                text += " " + self.tr("and %1 more.").replace("%1", str(more))
        self.status.setText(text)
        self.refresh(result.playlist.id)
