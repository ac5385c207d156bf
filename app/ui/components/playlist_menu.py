"""“Add to playlist”: a menu of the profile's playlists (and “New playlist…”) for the title page's
button and the grid's and Home's context menus."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QInputDialog,
    QLayout,
    QMenu,
    QPushButton,
    QWidget,
)

from app.domain.playlists import Playlist
from app.services.library.playlists import PlaylistService
from app.ui.models.title_list_model import IdRole
from app.ui.viewmodels.operations import Operations

Report = Callable[[str], object]


def _tr(text: str) -> str:
    return QCoreApplication.translate("PlaylistAdder", text)


class PlaylistAdder(QWidget):
    """Fills an “Add to playlist” menu (read in a worker) and adds titles to the one chosen;
    ``report(text)`` says what happened (the title page's status line, the window's toast)."""

    def __init__(self, playlists: PlaylistService, parent: QWidget) -> None:
        super().__init__(parent)
        self.hide()
        self._playlists = playlists
        self.ops = Operations(self, "playlist-menu")

    def fill(self, menu: QMenu, title_ids: Callable[[], list[str]], report: Report) -> None:
        """Put the playlists into ``menu`` (now from the last read, refreshed in a worker)."""
        menu.clear()
        loading = menu.addAction(self.tr("Loading playlists…"))
        loading.setEnabled(False)

        def show(found: list[Playlist]) -> None:
            menu.clear()
            for playlist in found:
                action = QAction(f"{playlist.name}  ({playlist.count})", menu)
                action.triggered.connect(lambda _c=False, p=playlist: self.add(p, title_ids(), report))
                menu.addAction(action)
            if found:
                menu.addSeparator()
            new = QAction(self.tr("New playlist…"), menu)
            new.triggered.connect(lambda: self.new_with(title_ids(), report))
            menu.addAction(new)

        self.ops.run("list", self._playlists.all, show, lambda exc: report(str(exc)))

    def add(self, playlist: Playlist, title_ids: list[str], report: Report) -> None:
        if not title_ids:
            return
        self.ops.run(
            ("add", playlist.id),
            lambda: self._playlists.add_titles(playlist.id, title_ids),
            lambda n: report(self.tr("Added to “%1”").replace("%1", playlist.name) if n else ""),
            lambda exc: report(self.tr("Could not add: %1").replace("%1", str(exc))),
        )

    def new_with(self, title_ids: list[str], report: Report) -> None:
        dialog = QInputDialog(self.parentWidget())
        dialog.setWindowTitle(self.tr("New playlist"))
        dialog.setLabelText(self.tr("Name"))

        def create(name: str) -> None:
            def work() -> Playlist:
                playlist = self._playlists.create(name)
                if title_ids:
                    self._playlists.add_titles(playlist.id, title_ids)
                return playlist

            self.ops.run(
                "new",
                work,
                lambda p: report(self.tr("Added to “%1”").replace("%1", p.name)),
                lambda exc: report(self.tr("Could not add: %1").replace("%1", str(exc))),
            )

        dialog.textValueSelected.connect(create)
        dialog.open()


def install_on_title_page(page: QWidget, adder: PlaylistAdder) -> QPushButton:
    """An “Add to playlist” button beside the title page's watched button."""
    button = QPushButton(_tr("Add to playlist"))
    button.setObjectName("AddToPlaylist")
    menu = QMenu(button)
    button.setMenu(menu)

    def current() -> list[str]:
        detail = getattr(page, "detail", None)
        return [detail.id] if detail is not None else []

    menu.aboutToShow.connect(lambda: adder.fill(menu, current, page.show_status))  # type: ignore[attr-defined]
    anchor = page.watched_button  # type: ignore[attr-defined]
    # the buttons' row is a flow layout since issue 18 (no insertWidget): the button goes after
    # the anchor by taking the items behind it out and putting them back after it
    for row in page.findChildren(QLayout):
        index = row.indexOf(anchor)
        if index < 0:
            continue
        if isinstance(row, QBoxLayout):
            row.insertWidget(index + 1, button)
        else:
            behind = [row.takeAt(index + 1) for _ in range(row.count() - index - 1)]
            row.addWidget(button)
            for item in behind:
                if item is not None:
                    row.addItem(item)
        break
    return button


def install_context_menu(view: QAbstractItemView, adder: PlaylistAdder, open_title: Callable[[str], object],
                         report: Report) -> None:  # fmt: skip
    """A right-click menu on a poster view: Open, Add to playlist ▸."""
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show(at: QPoint) -> None:
        index = view.indexAt(at)
        title_id = index.data(IdRole) if index.isValid() else None
        if not title_id:
            return
        menu = QMenu(view)
        menu.setObjectName("PosterMenu")
        menu.addAction(_tr("Open"), lambda: open_title(title_id))
        sub = menu.addMenu(_tr("Add to playlist"))
        adder.fill(sub, lambda: [title_id], report)
        menu.popup(view.viewport().mapToGlobal(at))

    view.customContextMenuRequested.connect(show)
