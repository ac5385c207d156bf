"""Search everywhere: TMDB and Shikimori asked for the words typed in the search box; a title
found opens like any other (watchlist, sources), though it never airs."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.models import TitleBrief
from app.services.context import AppContext
from app.services.discover import everywhere
from app.ui.delegates.poster_delegate import PosterDelegate
from app.ui.images import PosterCache
from app.ui.models.title_list_model import TitleListModel
from app.ui.pages.grid_page import PosterGrid
from app.ui.viewmodels.operations import Operations

PROVIDER_NAMES = {"tmdb": "TMDB", "shikimori": "Shikimori"}


class EverywherePage(QWidget):
    """Signals: titleOpened(str title_id) once a hit is in the library, backRequested()."""

    titleOpened = Signal(str)
    backRequested = Signal()

    def __init__(self, context: AppContext, posters: PosterCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Page")
        self._c = context
        self.ops = Operations(self, "everywhere")
        self._found = everywhere.Everywhere("")
        self.heading = QLabel()
        self.heading.setObjectName("PageTitle")
        self.status = QLabel()
        self.status.setObjectName("Muted")
        self.status.setWordWrap(True)
        self.back_button = QPushButton(self.tr("← Back"))
        self.back_button.setObjectName("Nav")
        self.back_button.clicked.connect(self.backRequested)
        self.model = TitleListModel(self._briefs, self)
        posters.posterReady.connect(self.model.poster_arrived)
        self.view = PosterGrid(self)
        self.view.setItemDelegate(PosterDelegate(posters, self.view))
        self.view.setModel(self.model)
        self.view.opened.connect(self.open_hit)
        head = QHBoxLayout()
        head.setContentsMargins(28, 18, 28, 4)
        head.addWidget(self.back_button)
        head.addSpacing(8)
        head.addWidget(self.heading, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        status_row = QHBoxLayout()
        status_row.setContentsMargins(32, 0, 32, 6)
        status_row.addWidget(self.status)
        layout.addLayout(status_row)
        layout.addWidget(self.view, 1)

    def _briefs(self, ids: Sequence[str]) -> dict[str, TitleBrief]:
        hits = {c.id: c for c in self._found.hits}
        return {tid: self._found.brief(hits[tid]) for tid in ids if tid in hits}

    def search(self, text: str) -> None:
        text = " ".join(text.split())
        self.heading.setText(self.tr("Everywhere: “%1”").replace("%1", text))
        self.status.setText(self.tr("Asking TMDB and Shikimori…"))
        self._found = everywhere.Everywhere(text)
        self.model.set_ids([])
        self.ops.run_async("search", lambda: everywhere.search(self._c, text), self._show, self._failed)

    def _show(self, found: everywhere.Everywhere) -> None:
        self._found = found
        self.model.set_ids([c.id for c in found.hits])
        parts = []
        if found.hits:
            text = self.tr("%1 found. Open one to add it to your watchlist or look for ways to watch it.")
            parts.append(text.replace("%1", str(len(found.hits))))
        else:
            parts.append(self.tr("Nothing found on TMDB or Shikimori."))
        for pid, message in found.failed.items():
            parts.append(
                self.tr("%1 did not answer: %2")
                .replace("%1", PROVIDER_NAMES.get(pid, pid))
                .replace("%2", message)
            )
        self.status.setText(" ".join(parts))
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(str(exc))

    def open_hit(self, title_id: str) -> None:
        hit = next((c for c in self._found.hits if c.id == title_id), None)
        if hit is None:
            return
        self.status.setText(self.tr("Fetching “%1”…").replace("%1", hit.title))
        self.ops.run_async(
            ("open", title_id), lambda: everywhere.open_hit(self._c, hit), self._opened, self._failed
        )

    def _opened(self, title_id: str) -> None:
        self.status.setText("")
        self.titleOpened.emit(title_id)
