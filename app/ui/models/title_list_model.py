"""The grid's model: title ids in order, rows (TitleBrief) fetched lazily in pages."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.domain.models import TitleBrief

BriefRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex
BriefLoader = Callable[[Sequence[str]], dict[str, TitleBrief]]


class TitleListModel(QAbstractListModel):
    """Holds ids; a row's brief is loaded with its page the first time a view asks for it."""

    PAGE = 60

    def __init__(self, load_briefs: BriefLoader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._load_briefs = load_briefs
        self._ids: list[str] = []
        self._row_of: dict[str, int] = {}
        self._briefs: dict[str, TitleBrief] = {}
        self._rows_by_poster: dict[str, list[int]] = {}
        self.pages_loaded = 0

    def set_ids(self, ids: Sequence[str]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._row_of = {tid: i for i, tid in enumerate(self._ids)}
        self._briefs.clear()
        self._rows_by_poster.clear()
        self.endResetModel()

    def ids(self) -> list[str]:
        return list(self._ids)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def brief(self, row: int) -> TitleBrief | None:
        if not 0 <= row < len(self._ids):
            return None
        tid = self._ids[row]
        found = self._briefs.get(tid)
        if found is None:
            self._load_page(row // self.PAGE)
            found = self._briefs.get(tid)
        return found

    def _load_page(self, page: int) -> None:
        chunk = self._ids[page * self.PAGE : (page + 1) * self.PAGE]
        loaded = self._load_briefs(chunk)
        self.pages_loaded += 1
        for tid in chunk:
            b = loaded.get(tid)
            if b is None:
                continue
            self._briefs[tid] = b
            if b.poster_path:
                self._rows_by_poster.setdefault(b.poster_path, []).append(self._row_of[tid])

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
