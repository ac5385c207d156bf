"""A series' seasons and episodes on its title page: tabs, rows with progress and watched marks, Continue."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.series import Episode, EpisodeProgress, NextEpisode
from app.ui.components.episode_stills import StillLoader, paint_still, serve

ROW_HEIGHT = 64
VISIBLE_ROWS = 12
STILL = QSize(96, 54)
_Index = QModelIndex | QPersistentModelIndex


class EpisodeModel(QAbstractListModel):
    """One season's episodes; the delegate reads the Episode and its progress from UserRole."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Episode, EpisodeProgress | None, str]] = []

    def set_rows(self, rows: list[tuple[Episode, EpisodeProgress | None, str]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        episode, progress, airing = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{episode.label} {episode.name or ''}".strip()
        if role == Qt.ItemDataRole.UserRole:
            return episode, progress, airing
        return None


class EpisodeDelegate(QStyledItemDelegate):
    """Paints a row: still tile, «E5  Name», air date and TV airing, a progress bar, a watched mark."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = date.today()
        self.stills: StillLoader | None = None

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        return QSize(option.rect.width(), ROW_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        episode, progress, airing = index.data(Qt.ItemDataRole.UserRole)
        pal = option.palette
        rect = option.rect
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, pal.color(QPalette.ColorRole.Highlight).darker(140))
        elif option.state & QStyle.StateFlag.State_MouseOver:
            # a faint lift: the dark theme's AlternateBase is near white and hid the row's text
            painter.fillRect(rect, QColor(255, 255, 255, 16))
        still = QRect(
            rect.left() + 8, rect.top() + (ROW_HEIGHT - STILL.height()) // 2, STILL.width(), STILL.height()
        )
        paint_still(painter, still, episode, self.stills)  # the still, or a numbered tile
        watched = bool(progress and progress.watched)
        if progress and not watched and progress.duration_ms and progress.position_ms > 0:
            share = min(1.0, progress.position_ms / progress.duration_ms)
            bar = QRect(still.left(), still.bottom() - 3, int(still.width() * share), 4)
            painter.fillRect(bar, QColor(229, 160, 13))
        text_left = still.right() + 14
        text = QRect(text_left, rect.top() + 8, rect.right() - text_left - 44, 22)
        font = painter.font()
        facts = []
        if episode.air_date:
            day = QDate.fromString(episode.air_date[:10], Qt.DateFormat.ISODate)
            if day.isValid():
                facts.append(QLocale().toString(day, QLocale.FormatType.ShortFormat))
        if episode.runtime:
            facts.append(self.tr("%1 min").replace("%1", str(episode.runtime)))
        if airing:
            facts.append(airing)
        if not facts:  # a bare number (Shikimori's anime): one line, in the middle of the row
            text.moveTop(rect.top() + (ROW_HEIGHT - text.height()) // 2)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(pal.color(QPalette.ColorRole.Text))
        # no name known: the number alone, never a made-up name
        number = str(episode.number)
        name = f"{number}. {episode.name}" if episode.name else self.tr("Episode %1").replace("%1", number)
        title = painter.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight, text.width())
        painter.drawText(text, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        font.setBold(False)
        painter.setFont(font)
        if not episode.aired_by(self.today):
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
        else:
            painter.setPen(pal.color(QPalette.ColorRole.Text).darker(130))
        below = QRect(text_left, text.bottom() + 2, text.width(), 20)
        line = painter.fontMetrics().elidedText(
            "   ·   ".join(facts), Qt.TextElideMode.ElideRight, below.width()
        )
        painter.drawText(below, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
        if watched:
            mark = QRect(rect.right() - 44, rect.top() + (ROW_HEIGHT - 24) // 2, 24, 24)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(QColor(46, 160, 67))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(mark)
            painter.setPen(QColor(255, 255, 255))
            painter.drawText(mark, Qt.AlignmentFlag.AlignCenter, "✓")
        painter.restore()


class SeriesEpisodesPanel(QWidget):
    """Signals: playEpisode(season, number, start_ms), watchedToggled(season, number, watched),
    sourcesRequested(season, number) (the episode's Stremio/Torznab search)."""

    playEpisode = Signal(int, int, int)
    watchedToggled = Signal(int, int, bool)
    sourcesRequested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SeriesEpisodes")
        self._by_season: dict[int, list[Episode]] = {}
        self._progress: Mapping[tuple[int, int], EpisodeProgress] = {}
        self._airings: Mapping[tuple[int, int], str] = {}
        self._next: NextEpisode | None = None
        self.heading = QLabel(self.tr("Episodes"))
        self.heading.setObjectName("SectionHeading")
        self.continue_button = QPushButton()
        self.continue_button.setObjectName("Primary")
        self.continue_button.clicked.connect(self._continue_clicked)
        self.source_note = QLabel()  # an anime's episode list: whose names, or numbers only
        self.source_note.setObjectName("Muted")
        self.source_note.setWordWrap(True)
        self.source_note.hide()
        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        self.tabs.setDrawBase(False)
        self.tabs.currentChanged.connect(self._season_chosen)
        self.model = EpisodeModel(self)
        self.delegate = EpisodeDelegate(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(self.delegate)
        self.stills = StillLoader(STILL, self, self.devicePixelRatioF())
        self.stills.changed.connect(self.list.viewport().update)
        self.delegate.stills = self.stills
        self.list.setUniformItemSizes(True)
        self.list.setMouseTracking(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setFrameShape(QListView.Shape.NoFrame)
        self.list.activated.connect(self._row_activated)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.watched_button = QPushButton(self.tr("Mark watched"))
        self.watched_button.clicked.connect(self._toggle_selected)
        self.sources_button = QPushButton(self.tr("Sources of this episode"))
        self.sources_button.clicked.connect(self._sources_selected)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.sources_button)
        top.addWidget(self.watched_button)
        top.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.source_note)
        layout.addWidget(self.tabs)
        layout.addWidget(self.list, 1)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())

    def show_series(
        self,
        episodes: Sequence[Episode],
        progress: Mapping[tuple[int, int], EpisodeProgress],
        next_episode: NextEpisode | None,
        airings: Mapping[tuple[int, int], str] | None = None,
        today: date | None = None,
    ) -> None:
        """Fill tabs and rows; opens on Continue's season with its episode current."""
        by_season: dict[int, list[Episode]] = {}
        for ep in episodes:
            by_season.setdefault(ep.season, []).append(ep)
        self._by_season = by_season
        self._progress = progress
        self._airings = airings or {}
        self._next = next_episode
        self.delegate.today = today or date.today()
        seasons = sorted(by_season, key=lambda s: (s == 0, s))  # specials last
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        for s in seasons:
            index = self.tabs.addTab(self.tr("Season %1").replace("%1", str(s)) if s else self.tr("Specials"))
            self.tabs.setTabData(index, s)
        self.tabs.blockSignals(False)
        self.tabs.setVisible(len(seasons) > 1)
        self.heading.setText(self.tr("%n episode(s)", "", len(episodes)))
        if next_episode is not None:
            verb = self.tr("Continue") if next_episode.reason != "start" else self.tr("Start")
            self.continue_button.setText(f"{verb}: {next_episode.label}")
        self.continue_button.setVisible(next_episode is not None)
        start = next_episode.episode.season if next_episode else (seasons[0] if seasons else 0)
        tab = seasons.index(start) if start in seasons else 0
        self.tabs.setCurrentIndex(tab)
        self._fill(seasons[tab] if seasons else None)

    def show_source(self, source: Mapping[str, object] | None) -> None:
        """Say where an anime's episode list came from (``SeriesService.episodes_source``): a show
        at a provider that names episodes, or its own provider's numbers only, and why."""
        source = source or {}
        provider = str(source.get("provider_name") or "")
        text = ""
        if source.get("title"):  # names, dates and stills taken from that provider's show
            year = source.get("year")
            show = f"«{source['title']}» ({year})" if year else f"«{source['title']}»"
            text = self.tr("Episode names, dates and stills from %1: %2").replace("%1", provider)
            text = text.replace("%2", show)
        elif source.get("names"):  # numbers only: nobody named them, or no show was surely this one
            namer = str(source.get("namer_name") or "")
            if source["names"] == "not_asked" and namer:
                text = self.tr("%1 gives episode numbers only; %2, which has names, was not reachable.")
            elif source["names"] == "not_asked":
                text = self.tr("%1 gives episode numbers only; no provider that names episodes is set up.")
            else:
                text = self.tr("%1 gives episode numbers only; no show on %2 is surely this one.")
            text = text.replace("%1", provider).replace("%2", namer)
        self.source_note.setText(text)
        self.source_note.setVisible(bool(text))

    def current_season(self) -> int | None:
        data = self.tabs.tabData(self.tabs.currentIndex())
        return int(data) if data is not None else None

    def set_progress(
        self, progress: Mapping[tuple[int, int], EpisodeProgress], next_episode: NextEpisode | None
    ) -> None:
        """After a watched mark or a played episode: rows and Continue again, the season kept."""
        self._progress = progress
        self._next = next_episode
        if next_episode is not None:
            verb = self.tr("Continue") if next_episode.reason != "start" else self.tr("Start")
            self.continue_button.setText(f"{verb}: {next_episode.label}")
        self.continue_button.setVisible(next_episode is not None)
        row = self.list.currentIndex().row()
        self._fill(self.current_season(), keep_row=row)

    def _season_chosen(self, index: int) -> None:
        self._fill(self.current_season())

    def _fill(self, season: int | None, keep_row: int = -1) -> None:
        eps = self._by_season.get(season, []) if season is not None else []
        rows = [
            (ep, self._progress.get((ep.season, ep.number)), self._airings.get((ep.season, ep.number), ""))
            for ep in eps
        ]
        self.model.set_rows(rows)
        # the page scrolls; the list scrolls by itself only past a dozen rows (long anime seasons)
        self.list.setFixedHeight(max(1, min(len(rows), VISIBLE_ROWS)) * ROW_HEIGHT + 2)
        row = keep_row
        if row < 0 and self._next is not None and self._next.episode.season == season:
            row = next((i for i, ep in enumerate(eps) if ep.number == self._next.episode.number), 0)
        if rows:
            current = self.model.index(max(0, min(row, len(rows) - 1)))
            self.list.setCurrentIndex(current)
            self.list.scrollTo(current, QAbstractItemView.ScrollHint.PositionAtCenter)
        self._update_buttons()

    def _selected(self) -> tuple[Episode, EpisodeProgress | None] | None:
        index = self.list.currentIndex()
        if not index.isValid():
            return None
        episode, progress, _ = index.data(Qt.ItemDataRole.UserRole)
        return episode, progress

    def _update_buttons(self) -> None:
        chosen = self._selected()
        self.watched_button.setEnabled(chosen is not None)
        self.sources_button.setEnabled(chosen is not None)
        watched = bool(chosen and chosen[1] and chosen[1].watched)
        self.watched_button.setText(self.tr("Mark unwatched") if watched else self.tr("Mark watched"))

    def _continue_clicked(self) -> None:
        if self._next is not None:
            ep = self._next.episode
            self.playEpisode.emit(ep.season, ep.number, self._next.resume_ms)

    def _row_activated(self, index: QModelIndex) -> None:
        episode, progress, _ = index.data(Qt.ItemDataRole.UserRole)
        resume = progress.position_ms if progress and not progress.watched else 0
        self.playEpisode.emit(episode.season, episode.number, resume)

    def _toggle_selected(self) -> None:
        chosen = self._selected()
        if chosen is not None:
            episode, progress = chosen
            self.watchedToggled.emit(episode.season, episode.number, not (progress and progress.watched))

    def _sources_selected(self) -> None:
        chosen = self._selected()
        if chosen is not None:
            self.sourcesRequested.emit(chosen[0].season, chosen[0].number)

    def _menu(self, pos: QPoint) -> None:
        index = self.list.indexAt(pos)
        if not index.isValid():
            return
        self.list.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.tr("Play"), lambda: self._row_activated(index))
        menu.addAction(self.watched_button.text(), self._toggle_selected)
        menu.addAction(self.sources_button.text(), self._sources_selected)
        menu.exec(self.list.viewport().mapToGlobal(pos))


def install(
    page: Any,
    context: Any,
    play_episode: Callable[[str, int, int, int], None] | None = None,
    *,
    series: Any = None,
) -> SeriesEpisodesPanel:
    """Put the episodes panel on the title page; shown for series and anime, read in a worker.

    ``play_episode(title_id, season, number, start_ms)`` starts an episode (the window's part);
    ``series``: the window's SeriesService (bootstrap composes it); a panel alone makes its own."""
    from app.services.library.series import SERIES_KINDS, SeriesService
    from app.ui.viewmodels.operations import Operations

    panel = SeriesEpisodesPanel(page)
    panel.hide()
    page.set_sources_panel(panel)  # full width under the title, like the ranked sources
    ops = Operations(panel, "series-episodes")
    series = series if series is not None else SeriesService(context)
    shown: dict[str, str] = {}

    def read(title_id: str) -> tuple[list[Episode], Any, Any, dict[tuple[int, int], tuple[str, int]]]:
        first = series.next_airings(title_id)
        episodes = series.episodes_with_guide(title_id)  # the guide's numbers too
        return episodes, series.progress(title_id), series.next_episode(title_id), first

    def ready(
        title_id: str, found: tuple[list[Episode], Any, Any, dict[tuple[int, int], tuple[str, int]]]
    ) -> None:
        if shown.get("id") != title_id:
            return
        episodes, progress, upcoming, first = found
        from app.ui.pages.title_page import local_when

        airings = {
            k: panel.tr("On TV %1, %2")
            .replace("%1", local_when(datetime.fromtimestamp(start, UTC)))
            .replace("%2", name)
            for k, (name, start) in first.items()
        }
        panel.setVisible(bool(episodes))
        panel.show_series(episodes, progress, upcoming, airings)

    def title_shown(detail: Any) -> None:
        kind = getattr(detail.kind, "value", detail.kind)
        shown["id"] = detail.id
        if kind not in SERIES_KINDS:
            panel.hide()
            return
        tid = detail.id
        ops.run(("episodes", tid), lambda: read(tid), lambda found: ready(tid, found))
        panel.show_source(None)
        if kind == "anime":
            ops.run(("source", tid), lambda: series.episodes_source(tid), panel.show_source)

    def toggled(season: int, number: int, watched: bool) -> None:
        tid = shown.get("id")
        if tid is None:
            return

        def work() -> tuple[Any, Any]:
            series.set_watched(tid, season, number, watched)
            return series.progress(tid), series.next_episode(tid)

        ops.run(("watched", tid), work, lambda found: panel.set_progress(*found))

    serve(panel, context)  # episode stills, fetched as their rows come on screen
    page.titleShown.connect(title_shown)
    panel.watchedToggled.connect(toggled)
    from app.ui.components.title_sources import TitleSources

    ranked = page.findChild(TitleSources)  # installed before: the ranked sources ask per episode
    if ranked is not None:
        panel.sourcesRequested.connect(ranked.search_episode)
    if play_episode is not None:
        panel.playEpisode.connect(
            lambda s, n, ms: play_episode(shown["id"], s, n, ms) if "id" in shown else None
        )
    return panel
