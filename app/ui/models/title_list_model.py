"""The grid's model: title ids in order, rows (TitleBrief) fetched lazily in pages."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.domain.briefs import TitleBrief
from app.ui.viewmodels.operations import Operations

BriefRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex
BriefLoader = Callable[[Sequence[str]], dict[str, TitleBrief]]


class TitleListModel(QAbstractListModel):
    """Holds ids; a row's brief is loaded with its page the first time a view asks for it."""

    PAGE = 60
    MAX_PAGES = 40  # briefs kept in memory: ~2,400 rows around where the user has been

    def __init__(self, load_briefs: BriefLoader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._load_briefs = load_briefs
        self._ids: list[str] = []
        self._row_of: dict[str, int] = {}
        self._briefs: dict[str, TitleBrief] = {}
        self._rows_by_poster: dict[str, set[int]] = {}
        self._loading: set[int] = set()
        self._ops = Operations(self, "title pages", remember=False)
        self._pages: OrderedDict[int, None] = OrderedDict()  # loaded pages, least recent first
        self.pages_loaded = 0

    def set_ids(self, ids: Sequence[str]) -> None:
        self.beginResetModel()
        self._ops.cancel_all()  # pages of the old ids that still arrive are dropped
        self._loading.clear()
        self._ids = list(ids)
        self._row_of = {tid: i for i, tid in enumerate(self._ids)}
        self._briefs.clear()
        self._rows_by_poster.clear()
        self._pages.clear()
        self.endResetModel()

    def ids(self) -> list[str]:
        return list(self._ids)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def brief(self, row: int) -> TitleBrief | None:
        """The row's brief, or None while its page loads (the view paints a placeholder)."""
        if not 0 <= row < len(self._ids):
            return None
        tid = self._ids[row]
        page, offset = divmod(row, self.PAGE)
        found = self._briefs.get(tid)
        if found is None:
            self._request_page(page)
            found = self._briefs.get(tid)
        elif page in self._pages:
            self._pages.move_to_end(page)
        elif offset >= self.PAGE * 3 // 4 and (page + 1) * self.PAGE < len(self._ids):
            self._request_page(page + 1)  # prefetch: scrolling down reaches it next
        return found

    def _request_page(self, page: int) -> None:
        """Load a page of briefs in a worker (at once when no loop runs: model tests)."""
        if page in self._loading:
            return
        self._loading.add(page)
        chunk = self._ids[page * self.PAGE : (page + 1) * self.PAGE]
        at_once = True

        def loaded(briefs: dict[str, TitleBrief]) -> None:
            self._loading.discard(page)
            self._store_page(chunk, briefs, page)
            if not at_once:  # delivered later: the rows painted placeholders meanwhile
                first = page * self.PAGE
                self.dataChanged.emit(self.index(first), self.index(first + len(chunk) - 1), [BriefRole])

        self._ops.run(
            ("page", page), lambda: self._load_briefs(chunk), loaded, lambda _exc: self._loading.discard(page)
        )
        at_once = False

    def _store_page(self, chunk: Sequence[str], loaded: dict[str, TitleBrief], page: int) -> None:
        self.pages_loaded += 1
        self._pages[page] = None
        self._pages.move_to_end(page)
        while len(self._pages) > self.MAX_PAGES:
            self._evict(self._pages.popitem(last=False)[0])
        for tid in chunk:
            b = loaded.get(tid)
            if b is None:
                continue
            self._briefs[tid] = b
            if b.poster_path:
                self._rows_by_poster.setdefault(b.poster_path, set()).add(self._row_of[tid])

    def _evict(self, page: int) -> None:
        """Forget a page far from the view (it reloads if the user scrolls back)."""
        for row in range(page * self.PAGE, min(len(self._ids), (page + 1) * self.PAGE)):
            b = self._briefs.pop(self._ids[row], None)
            if b is not None and b.poster_path:
                rows = self._rows_by_poster.get(b.poster_path)
                if rows is not None:
                    rows.discard(row)
                    if not rows:
                        del self._rows_by_poster[b.poster_path]

    @property
    def loaded_rows(self) -> int:
        return len(self._briefs)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = index.row()
        if role == IdRole:
            return self._ids[row]
        if role in (
            BriefRole,
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            b = self.brief(row)
            if role == BriefRole:
                return b
            if b is None:
                return None
            return f"{b.title} ({b.year})" if b.year else b.title
        return None

    def row_of(self, title_id: str) -> int | None:
        return self._row_of.get(title_id)

    def poster_arrived(self, path: str) -> None:
        """Repaint only the rows that show ``path``."""
        for row in self._rows_by_poster.get(path, ()):
            idx = self.index(row)
            self.dataChanged.emit(idx, idx, [BriefRole])

    def refresh_rows(self, title_ids: Sequence[str]) -> None:
        """Reload the briefs of some titles (progress changed) and repaint their rows."""
        for tid in title_ids:
            row = self._row_of.get(tid)
            if row is None:
                continue
            self._briefs.pop(tid, None)
            idx = self.index(row)
            self.dataChanged.emit(idx, idx, [BriefRole])
