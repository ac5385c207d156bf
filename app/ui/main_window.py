"""The main window: a top bar (Home / All films / Settings, search) over a stack of pages."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QListView,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.events import LibraryDidChange, ProgressDidChange
from app.core.tasks import loop_running
from app.domain.ids import media_key_for
from app.domain.locations import is_torrent_location
from app.domain.models import MediaRequest
from app.services.context import AppContext
from app.services.library.catalog import CatalogFilter, CatalogService
from app.services.library.progress import LibraryService
from app.ui.delegates.poster_delegate import POSTER
from app.ui.images import PosterCache
from app.ui.pages.home_page import HomePage
from app.ui.widgets.search_box import SearchBox

if TYPE_CHECKING:
    import asyncio

    from app.services.playback.session import PlaybackService
    from app.ui.pages.grid_page import GridPage
    from app.ui.pages.player_page import PlayerPage
    from app.ui.pages.settings_page import SettingsPage
    from app.ui.pages.title_page import TitlePage

log = logging.getLogger(__name__)

PAGE_BACKGROUND = "#0e1014"  # resources/theme/dark.qss: the pages and poster views


class _FirstPaintWatcher(QObject):
    """Reports the first paint of a poster view (home strip or grid) with rows in it.

    Benchmarks read the line ``_report_first_paint`` prints.
    """

    painted = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._done = False

    @property
    def done(self) -> bool:
        return self._done

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._done or event.type() != QEvent.Type.Paint:
            return False
        view = watched.parent()
        model = view.model() if isinstance(view, QListView) else None
        if model is not None and model.rowCount() > 0:
            self._done = True
            QTimer.singleShot(0, self.painted.emit)
        return False


class MainWindow(QMainWindow):
    def __init__(
        self, services: AppContext, parent: QWidget | None = None, *, loop_starts_later: bool = False
    ) -> None:
        """``loop_starts_later``: the app paints Home (``wait_first_paint``) before it starts the
        asyncio loop, then calls ``loop_started``; posters and background work wait for that."""
        super().__init__(parent)
        self._loop_pending = loop_starts_later
        self.services = services
        self.setWindowTitle("Cinema")
        self.resize(1400, 900)
        self.setMinimumSize(QSize(900, 600))
        self.catalog = CatalogService(services)
        self.library = LibraryService(services)
        # the player and its engine are built on first use: their imports (VLC, sources,
        # SQLAlchemy) would otherwise sit between the start and the first painted Home
        self._playback: PlaybackService | None = None
        self._player: PlayerPage | None = None
        self.posters = PosterCache(
            POSTER,
            services.settings.poster_cache_mb * 1024 * 1024,
            self,
            background=QColor(PAGE_BACKGROUND),
            device_pixel_ratio=self.devicePixelRatioF(),
        )
        if loop_starts_later:
            self.posters.hold()
        self._return_page: QWidget | None = None
        self._history: list[QWidget] = []
        self._grid_loaded = False
        self._first_screen_done = False
        self._home_dirty = False
        self._tasks: set[asyncio.Future[None]] = set()
        self._suggest_task: asyncio.Future[None] | None = None

        self.home = HomePage(self.catalog, self.posters)
        # the full grid, title and settings pages are built when first needed (the grid right
        # after the first paint): not on the way to the first painted Home
        self._grid: GridPage | None = None
        self._title_page: TitlePage | None = None
        self._settings_page: SettingsPage | None = None
        self.stack = QStackedWidget()
        self.stack.addWidget(self.home)

        self.top_bar = self._build_top_bar()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.top_bar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.home.titleOpened.connect(self.open_title)
        self.home.seeAllRequested.connect(self.show_filtered)
        self._unsubscribe = [
            services.bus.subscribe(ProgressDidChange, self._on_progress),
            services.bus.subscribe(LibraryDidChange, self._on_library),
        ]
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.go_back, Qt.ShortcutContext.WindowShortcut)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search, Qt.ShortcutContext.WindowShortcut)

        self.first_paint = _FirstPaintWatcher(self)
        if os.environ.get("CINEMA_REPORT_FIRST_PAINT"):
            self.first_paint.painted.connect(self._report_first_paint)
        self.home.start()
        for row in self.home.rows.values():
            row.strip.viewport().installEventFilter(self.first_paint)
        if self.home.visible_rows():
            self.show_home()
            # once Home has painted: its other rows, then the full grid, from a worker (a timer
            # too, in case the window starts hidden and never paints)
            self.first_paint.painted.connect(self._after_first_screen)
            QTimer.singleShot(2000, self._after_first_screen)
        else:
            self._first_screen_done = True  # everything below is loaded right here
            self.home.reload()
            if self.home.visible_rows():
                self.show_home()
            else:
                self.show_grid()

    @property
    def startup_finished(self) -> bool:
        """Home's other rows and the full grid have been asked for (right after the first paint)."""
        return self._first_screen_done

    @property
    def grid(self) -> GridPage:
        if self._grid is None:
            from app.ui.pages.grid_page import GridPage as Page

            page = Page(self.catalog, self.posters)
            self.stack.addWidget(page)
            page.titleOpened.connect(self.open_title)
            page.view.viewport().installEventFilter(self.first_paint)
            self._grid = page
        return self._grid

    @property
    def title_page(self) -> TitlePage:
        if self._title_page is None:
            from app.ui.pages.title_page import TitlePage as Page

            page = Page()
            self.stack.addWidget(page)
            page.backRequested.connect(self.go_back)
            page.playRequested.connect(self.play_title)
            page.watchlistToggled.connect(self._toggle_watchlist)
            page.watchedToggled.connect(self._toggle_watched)
            page.rematchRequested.connect(self._rematch)
            self._title_page = page
        return self._title_page

    @property
    def settings_page(self) -> SettingsPage:
        if self._settings_page is None:
            from app.ui.pages.settings_page import SettingsPage as Page

            page = Page(self.services)
            self.stack.addWidget(page)
            page.libraryChanged.connect(self._library_changed)
            self._settings_page = page
        return self._settings_page

    @property
    def playback_started(self) -> bool:
        return self._playback is not None

    @property
    def playback(self) -> PlaybackService:
        if self._playback is None:
            from app.services.playback.session import PlaybackService as Playback

            self._playback = Playback(self.services, self.library)
        return self._playback

    @property
    def player(self) -> PlayerPage:
        if self._player is None:
            from app.ui.pages.player_page import PlayerPage as Page

            self._player = Page(self.playback)
            self.stack.addWidget(self._player)
            self._player.backRequested.connect(self.go_back)
            self._player.fullscreenToggled.connect(self.toggle_fullscreen)
        return self._player

    def _on_player(self) -> bool:
        return self._player is not None and self.stack.currentWidget() is self._player

    def _build_top_bar(self) -> QWidget:
        bar = QWidget()
        bar.setObjectName("TopBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(24, 10, 24, 10)
        row.setSpacing(6)
        brand = QLabel("CINEMA")
        brand.setObjectName("Brand")
        row.addWidget(brand)
        row.addSpacing(24)
        self.nav_home = QPushButton(self.tr("Home"))
        self.nav_films = QPushButton(self.tr("All films"))
        self.nav_settings = QPushButton(self.tr("Settings"))
        group = QButtonGroup(self)
        for button in (self.nav_home, self.nav_films, self.nav_settings):
            button.setObjectName("Nav")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        self.search = SearchBox()
        self.search.typed.connect(self._search_edited)
        self.search.titleChosen.connect(self.open_title)
        self.search.submitted.connect(self._search_submitted)
        row.addWidget(self.search)
        self.nav_home.clicked.connect(self.show_home)
        self.nav_films.clicked.connect(self._all_films)
        self.nav_settings.clicked.connect(self.show_settings)
        return bar

    # -- navigation ------------------------------------------------------------------------
    def _show_page(self, page: QWidget, remember: bool = True) -> None:
        current = self.stack.currentWidget()
        if remember and current is not None and current is not page and not self._on_player():
            self._history.append(current)
            del self._history[:-20]
        if page is self.home and self._home_dirty:
            self._home_dirty = False
            self.home.refresh()
        self.stack.setCurrentWidget(page)
        self.nav_home.setChecked(page is self.home)
        self.nav_films.setChecked(page is self._grid)
        self.nav_settings.setChecked(page is self._settings_page)

    def show_home(self) -> None:
        self._show_page(self.home)
        self.home.focus_first()

    def wait_first_paint(self, app: QApplication, timeout_s: float = 2.0) -> None:
        """Process events (no loop yet) until Home's first poster row has painted."""
        if not self.home.visible_rows():
            return  # nothing will report a paint: the loop takes over at once
        reported: list[bool] = []
        self.first_paint.painted.connect(lambda: reported.append(True))  # after the paint ended
        deadline = time.monotonic() + timeout_s
        while not reported and time.monotonic() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)

    def loop_started(self) -> None:
        """The asyncio loop runs: denied posters load in workers, then Home's other rows and
        the full grid are asked for."""
        self._loop_pending = False
        self.posters.release()
        if self.first_paint.done:
            QTimer.singleShot(0, self._after_first_screen)

    def _after_first_screen(self) -> None:
        if self._loop_pending:
            return  # loop_started calls again
        if self._first_screen_done:
            return
        if not self.isVisible():  # closed at once (quit) or hidden in the tray already
            self._home_dirty = True  # Home re-reads its rows when next shown; the grid when opened
            return
        self._first_screen_done = True
        self.home.refresh()
        if not self._grid_loaded:
            self._grid_loaded = True
            self.grid.preload()

    def _ensure_grid(self) -> None:
        if not self._grid_loaded:
            self._grid_loaded = True
            self.grid.load_facets()
            self.grid.reload()

    def show_grid(self) -> None:
        self._ensure_grid()
        self._show_page(self.grid)
        self.grid.focus_grid()

    def _all_films(self) -> None:
        self._grid_loaded = True
        self.search.clear()
        self.grid.open_filter(CatalogFilter())
        self.show_grid()

    def show_filtered(self, flt: CatalogFilter, title: str) -> None:
        """Home's "See all": the full grid under that row's filter."""
        self._grid_loaded = True
        self.grid.open_filter(flt, title)
        self.show_grid()

    def show_settings(self) -> None:
        self.settings_page.refresh()
        self._show_page(self.settings_page)

    def focus_search(self) -> None:
        if self._on_player():
            return
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search_edited(self, text: str) -> None:
        self._grid_loaded = True
        if self.stack.currentWidget() is not self.grid:
            self.grid.open_filter(CatalogFilter(text=text))
            self._show_page(self.grid)
        else:
            self.grid.set_text(text)
        self._suggest(text)

    def _suggest(self, text: str) -> None:
        """Suggestions under the field, from a worker; the next keystroke cancels the old ones."""
        if self._suggest_task is not None:
            self._suggest_task.cancel()
            self._suggest_task = None
        if not text.strip():
            self.search.show_suggestions([])
            return
        if not loop_running():  # no loop (view tests without qasync): at once
            self.search.show_suggestions(self.catalog.search.suggestions(text))
            return
        import asyncio

        self._suggest_task = asyncio.ensure_future(self._suggest_async(text))

    async def _suggest_async(self, text: str) -> None:
        import asyncio

        try:
            found = await self.catalog.search.suggest(text)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("suggestions failed for %r", text)
            return
        if self.search.text() == text:
            self.search.show_suggestions(found)

    def _search_submitted(self) -> None:
        self.grid.focus_grid()

    def open_title(self, title_id: str) -> None:
        detail = self.catalog.detail(title_id)
        if detail is None:
            return
        self.title_page.show_title(
            detail,
            self.library.resume_point_ms(title_id),
            self.services.clock.now(),
            self.catalog.extras(title_id),
        )
        self._show_page(self.title_page, remember=self.stack.currentWidget() is not self.title_page)

    def _toggle_watchlist(self, title_id: str, on: bool) -> None:
        self.catalog.set_in_watchlist(title_id, on)

    def _toggle_watched(self, title_id: str, watched: bool) -> None:
        self.catalog.set_watched(title_id, watched)
        self.open_title(title_id)

    def _rematch(self, film_key: str, candidate_id: str) -> None:
        if not loop_running():
            return
        import asyncio

        task = asyncio.ensure_future(self._rematch_async(film_key, candidate_id))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _rematch_async(self, film_key: str, candidate_id: str) -> None:
        # imported here: enrichment brings the HTTP stack, which start-up does without
        from app.services.enrich.rematch import relink

        self.title_page.show_status(self.tr("Fetching the chosen title…"))
        try:
            new_id = await relink(self.services, film_key, candidate_id)
        except Exception as exc:
            log.warning("re-linking %r to %s failed: %s", film_key, candidate_id, exc)
            self.title_page.show_status(self.tr("Could not fetch that title: %1").replace("%1", str(exc)))
            return
        self._library_changed()
        if self._title_page is not None and self.stack.currentWidget() is self._title_page:
            self.open_title(new_id)

    def play_title(self, title_id: str, start_ms: int) -> None:
        detail = self.catalog.detail(title_id)
        if detail is None:
            return
        # The player tries the best source and fails over to the next (live TV last).
        if not self.playback.candidates(detail, start_ms):
            return
        self._return_page = self.title_page
        self.stack.setCurrentWidget(self.player)
        self.top_bar.hide()
        self.player.play_title(detail, start_ms)

    def play_location(self, location: str) -> None:
        """Open a file or URL straight into the player (``cinema play``)."""
        is_url = "://" in location or (is_torrent_location(location) and not Path(location).exists())
        resolved = location if is_url else str(Path(location).expanduser().resolve())
        key = media_key_for(resolved)
        label = location.rsplit("/", 1)[-1] if is_url else Path(resolved).name
        start = self.library.resume_point_ms(key)
        self._return_page = self.stack.currentWidget()
        self._start_player(
            MediaRequest(location=resolved, item_key=key, label=label or location, start_ms=start)
        )

    def _start_player(self, request: MediaRequest) -> None:
        self.stack.setCurrentWidget(self.player)
        self.top_bar.hide()
        self.player.play(request)

    def go_back(self) -> None:
        current = self.stack.currentWidget()
        if self.search.hasFocus():
            if self.search.text():
                self.search.clear()
                self.grid.set_text("")
            self._focus_page()
            return
        if self._on_player():
            if self.isFullScreen():
                self.toggle_fullscreen()
                return
            self.player.stop()
            self.top_bar.show()
            target = self._return_page or self.home
            if target is self._title_page and self.title_page.detail is not None:
                self.stack.setCurrentWidget(self.title_page)
                self.open_title(self.title_page.detail.id)
            else:
                self._show_page(target, remember=False)
                self._focus_page()
            return
        if self._history:
            self._show_page(self._history.pop(), remember=False)
            self._focus_page()
        elif current is not self.home:
            self._show_page(self.home, remember=False)
            self._focus_page()

    def _focus_page(self) -> None:
        current = self.stack.currentWidget()
        if current is self.home:
            self.home.focus_first()
        elif current is self._grid:
            self.grid.focus_grid()
        elif current is self._title_page:
            self.title_page.play_button.setFocus()

    def toggle_fullscreen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
            self.player.set_fullscreen_chrome(False)
        else:
            self.showFullScreen()
            self.player.set_fullscreen_chrome(True)

    def _on_progress(self, event: ProgressDidChange) -> None:
        if self._grid is not None:
            self._grid.refresh_title(event.item_key)
        self._mark_home_dirty()

    def _on_library(self, event: LibraryDidChange) -> None:
        self._mark_home_dirty()
        # a refresh (guide, enrichment, demo) changes titles: re-query the grid from a worker;
        # a watchlist toggle only matters to a grid filtered by the watchlist
        if self._grid_loaded and (event.reason != "watchlist" or self.grid.current_filter.watchlist):
            self.grid.preload()

    def _library_changed(self) -> None:
        if self._grid is not None:
            self._grid.load_facets()
            self._grid.reload()
        self._mark_home_dirty()

    def _mark_home_dirty(self) -> None:
        # rows are re-queried when Home is next shown, not on every progress tick
        if self.stack.currentWidget() is self.home:
            self.home.refresh()
        else:
            self._home_dirty = True

    def _report_first_paint(self) -> None:
        rss_kb = 0
        try:
            with open("/proc/self/status", encoding="ascii") as status:
                rss_kb = next((int(line.split()[1]) for line in status if line.startswith("VmRSS:")), 0)
        except OSError:
            pass
        print(f"first-paint {time.monotonic():.6f} rss_kb {rss_kb}", flush=True)
        if os.environ.get("CINEMA_REPORT_FIRST_PAINT") == "exit":
            self.close()

    # -- keys and closing ------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        # text fields take their own Backspace; here it only arrives from the pages
        if event.key() == Qt.Key.Key_Backspace and self.stack.currentWidget() is not self.home:
            self.go_back()
            return
        super().keyPressEvent(event)

    def shutdown(self) -> None:
        """Save progress and release the player (on close and on quit)."""
        try:
            if self._playback is not None:
                self._playback.close()
        except Exception:
            log.exception("closing playback failed")
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
