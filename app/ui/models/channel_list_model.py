"""The TV page's channel list: channels with what is on now (and its progress) and next.

Rows are ``NowNext``; ``filter`` keeps a group, the favourites, or names containing a text
(case and «канал»/«HD» noise ignored), in playlist order. The view draws rows with
``ChannelDelegate`` (app/ui/delegates/channel_delegate.py) from the roles below.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPixmap

from app.domain.tv import NowNext, TvChannel

NowRole = Qt.ItemDataRole.UserRole + 1  # (title, start, stop) of what is on now, or None
NextRole = Qt.ItemDataRole.UserRole + 2  # (title, start) of what comes next, or None
ProgressRole = Qt.ItemDataRole.UserRole + 3  # 0..1 of the current programme, or None
ChannelRole = Qt.ItemDataRole.UserRole + 4  # the TvChannel
FavouriteRole = Qt.ItemDataRole.UserRole + 5
LogoRole = Qt.ItemDataRole.UserRole + 6  # QPixmap or None

FAVOURITES = "\x00favourites"  # the group filter that keeps the favourites
ALL = ""

Index = QModelIndex | QPersistentModelIndex


class ChannelListModel(QAbstractListModel):
    def __init__(self, now: Callable[[], int] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[NowNext] = []
        self._rows: list[NowNext] = []
        self._group = ALL
        self._text = ""
        self._now = now or (lambda: int(time.time()))
        self.logos: dict[str, QPixmap] = {}
        self._key: Callable[[str], str] = str.lower

    def set_key(self, key: Callable[[str], str]) -> None:
        """How names are compared with the search text (the app's channel-name key)."""
        self._key = key

    # -- contents -------------------------------------------------------------------------------
    def set_channels(self, rows: Sequence[NowNext]) -> None:
        self._all = list(rows)
        self._apply()

    def update_now_next(self, rows: Sequence[NowNext]) -> None:
        """What is on now and next arrived (after the channels): rows change in place."""
        by_id = {r.channel.id: r for r in rows}

        def fresh(r: NowNext) -> NowNext:
            found = by_id.get(r.channel.id)
            return r if found is None else NowNext(channel=r.channel, now=found.now, next=found.next)

        self._all = [fresh(r) for r in self._all]
        self._rows = [fresh(r) for r in self._rows]
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def filter(self, group: str = ALL, text: str = "") -> None:
        self._group, self._text = group, text
        self._apply()

    def _apply(self) -> None:
        key = self._key(self._text) if self._text.strip() else ""

        def keep(r: NowNext) -> bool:
            c = r.channel
            if self._group == FAVOURITES and not c.favourite:
                return False
            if self._group not in (ALL, FAVOURITES) and (c.group or "") != self._group:
                return False
            return not key or key in self._key(c.name)

        self.beginResetModel()
        self._rows = [r for r in self._all if keep(r)]
        self.endResetModel()

    def groups(self) -> list[str]:
        return list(dict.fromkeys(r.channel.group for r in self._all if r.channel.group))

    def channels(self) -> list[TvChannel]:
        """The channels shown, in order (the timeline's rows)."""
        return [r.channel for r in self._rows]

    def all_channels(self) -> list[TvChannel]:
        return [r.channel for r in self._all]

    def row_of(self, channel_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.channel.id == channel_id), -1)

    def set_favourite(self, channel_id: str, on: bool) -> None:
        from dataclasses import replace

        self._all = [
            NowNext(channel=replace(r.channel, favourite=on), now=r.now, next=r.next)
            if r.channel.id == channel_id
            else r
            for r in self._all
        ]
        self._apply()

    def refresh_progress(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), [ProgressRole])

    # -- the model ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return r.channel.name
        if role == NowRole:
            return (r.now.title, r.now.start, r.now.stop) if r.now else None
        if role == NextRole:
            return (r.next.title, r.next.start) if r.next else None
        if role == ProgressRole:
            if r.now is None or r.now.stop <= r.now.start:
                return None
            return max(0.0, min(1.0, (self._now() - r.now.start) / (r.now.stop - r.now.start)))
        if role == ChannelRole:
            return r.channel
        if role == FavouriteRole:
            return r.channel.favourite
        if role == LogoRole:
            return self.logos.get(r.channel.id)
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.channel.name + (f" — {r.now.title}" if r.now else "")
        return None
