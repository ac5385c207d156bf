"""The main window: a top bar (Home / All films / Settings, search) over the navigator's pages.

The window is handed built services (``bootstrap.build_window``); its pages live in the
navigator (``app.ui.navigator``), and whatever it reads or writes runs through its
``Operations`` (``app.ui.viewmodels.operations``), off the GUI thread.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.events import LibraryDidChange, ProgressDidChange
from app.services.context import AppContext, RefreshFlow
from app.services.library.catalog import CatalogFilter, CatalogService
from app.services.library.progress import LibraryService
from app.ui.components.top_bar import TopBar
from app.ui.delegates.poster_delegate import POSTER
from app.ui.first_paint import FirstPaintWatcher
from app.ui.images import PosterCache
from app.ui.navigator import Navigator
from app.ui.pages.home_page import HomePage
from app.ui.viewmodels import bus
from app.ui.viewmodels.operations import Operations, shutdown_all

if TYPE_CHECKING:
    from app.services.library.series import SeriesService
    from app.services.playback.plan import PlayPlan
    from app.services.playback.session import PlaybackService
    from app.services.sources.downloads import Downloads
    from app.ui.components.library_ui import LibraryUi
    from app.ui.components.open_anything import OpenAnything
    from app.ui.components.play_entry import PlayEntry
    from app.ui.components.top_bar_fit import TopBarFit
    from app.ui.components.tv_hooks import TvHooks
    from app.ui.pages.grid_page import GridPage
    from app.ui.pages.player_page import PlayerPage
    from app.ui.pages.settings_page import SettingsPage
    from app.ui.pages.title_page import TitlePage

log = logging.getLogger(__name__)

PAGE_BACKGROUND = "#0e1014"  # resources/theme/dark.qss: the pages and poster views
CHROMELESS = ("player",)  # pages shown without the top bar
SHUTDOWN_GRACE_S = 0.3  # a query still running at close gets this long before it is interrupted


class MainWindow(QMainWindow):
    # the parts install_parts adds (read through the properties below, which install them first)
    _tv: TvHooks
    _open_anything: OpenAnything
    _downloads: Downloads
    _top_bar_fit: TopBarFit
    _library_ui: LibraryUi

    def __init__(
        self,
        context: AppContext,
        *,
        catalog: CatalogService,
        library: LibraryService,
        series: Callable[[], SeriesService],
        playback: Callable[[], PlaybackService],
        scheduler: RefreshFlow | None = None,
        parent: QWidget | None = None,
        loop_starts_later: bool = False,
    ) -> None:
        """``playback`` builds the player service on first use (its imports, VLC and the
        sources, would otherwise sit between the start and the first painted Home); ``series``
        the series service (its episode patterns are compiled at import).

        ``loop_starts_later``: the app paints Home (``wait_first_paint``) before it starts the
        asyncio loop, then calls ``loop_started``; posters and background work wait for that.
        """
        super().__init__(parent)
        self._loop_pending = loop_starts_later
        self._loop_runs = False  # loop_started was called: work that needs the loop may start
        self._on_loop: list[Callable[[], None]] = []  # when_loop_runs: waiting for loop_started
        self.services = context
        self.catalog = catalog
        self.library = library
        self._make_series = series  # episodes and their progress (issue 16), composed by bootstrap
        self._series: SeriesService | None = None
        self.scheduler = scheduler
        self._make_playback = playback
        self._playback: PlaybackService | None = None
        self.ops = Operations(self, "window")
        self._plays: PlayEntry | None = None  # the play entry points (self.plays), on first use
        self.tray: QObject | None = None  # the tray icon, once installed (app.ui.tray)
        self.setWindowTitle("Cinema")
        self.resize(1400, 900)
        self.setMinimumSize(QSize(900, 600))
        self.posters = PosterCache(
            POSTER,
            context.settings.poster_cache_mb * 1024 * 1024,
            self,
            background=QColor(PAGE_BACKGROUND),
            device_pixel_ratio=self.devicePixelRatioF(),
        )
        if loop_starts_later:
            self.posters.hold()
        self._grid_loaded = False
        self._first_screen_done = False
        self._home_dirty = False

        self.home = HomePage(catalog, self.posters)
        self.stack = QStackedWidget()
        self.navigator = Navigator(self.stack, home="home", parent=self)
        # the grid, title, settings and player pages are built when first needed (the grid
        # right after the first paint): not on the way to the first painted Home
        self.navigator.register("home", self.home, on_show=self._home_shown)
        self.navigator.register("grid", self._build_grid)
        self.navigator.register("title", self._build_title_page)
        self.navigator.register("settings", self._build_settings_page, on_show=lambda page: page.refresh())
        self.navigator.register("player", self._build_player, remember=False)
        self.navigator.pageChanged.connect(self._page_changed)

        self._nav_show: dict[str, Callable[[], None] | None] = {}
        self.top_bar = TopBar()
        self.top_bar.pageClicked.connect(self._nav_clicked)
        self._fill_top_bar()
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
            bus.subscribe(context.bus, ProgressDidChange, self._on_progress, self),
            bus.subscribe(context.bus, LibraryDidChange, self._on_library, self),
        ]
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.go_back, Qt.ShortcutContext.WindowShortcut)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search, Qt.ShortcutContext.WindowShortcut)
        # issue 18: Ctrl+Q, remembered size (restored as the window first shows), a click pauses
        from app.ui.components import welcome_ui, window_habits

        self.habits = window_habits.install(self)
        welcome_ui.install(self)  # the first run's welcome (run_gui may show it at once), Settings
        # the window's other parts (TV, Open…, Downloads, More, profiles and library pages) are
        # installed after the first paint when the app paints before its loop (their modules and
        # widgets cost ~50 ms); their top-bar buttons are drawn already (_build_top_bar)
        self._parts_installed = False
        if not loop_starts_later:
            self.install_parts()

        self.first_paint = FirstPaintWatcher(self)
        self.home.start()
        for row in self.home.rows.values():
            self.first_paint.watch(row.strip)
        if self.home.visible_rows():
            self.show_home()
            # once Home has painted: its other rows, then the full grid, from a worker (a timer
            # too, in case the window starts hidden and never paints)
            self.first_paint.painted.connect(self._after_first_screen)
            QTimer.singleShot(2000, self._after_first_screen)
        else:
            self._first_screen_done = True  # everything below is loaded right here
            self.install_parts()  # no first paint to wait for (a kids' profile's empty Home says so)
            self.home.reload()
            if self.home.visible_rows():
                self.show_home()
            else:
                self.show_grid()

    # -- pages ------------------------------------------------------------------------------
    def _build_grid(self) -> GridPage:
        self.install_parts()  # their hooks on the page (Add to playlist, Search everywhere)
        from app.ui.pages.grid_page import GridPage as Page

        page = Page(self.catalog, self.posters)
        page.titleOpened.connect(self.open_title)
        self.first_paint.watch(page.view)
        return page

    def _build_title_page(self) -> TitlePage:
        self.install_parts()  # their hooks on the page (TV ways, Add to playlist)
        from app.ui.pages.title_page import TitlePage as Page

        page = Page()
        page.backRequested.connect(self.go_back)
        page.playRequested.connect(self.play_title)
        from app.ui.components.title_actions import install as install_actions

        install_actions(page, self)  # watchlist, watched, "not this film"
        from app.ui.components.title_sources import install as install_sources

        # ranked sources, why first, "Add a link…"; Enter or a double click on a row plays it
        install_sources(page, self.services, self.habits.play_chosen)
        from app.ui.components.series_episodes import install as install_episodes

        # issue 16: seasons and episodes
        install_episodes(page, self.services, self.play_episode, series=self.series)
        return page

    def _build_settings_page(self) -> SettingsPage:
        self.install_parts()
        from app.ui.pages.settings_page import SettingsPage as Page

        page = Page(self.services, self.scheduler)
        page.libraryChanged.connect(self.library_changed)
        return page

    def _build_player(self) -> PlayerPage:
        self.install_parts()  # their hooks on the page (live controls)
        from app.ui.pages.player_page import PlayerPage as Page

        page = Page(self.playback)
        page.backRequested.connect(self.go_back)
        page.fullscreenToggled.connect(self.toggle_fullscreen)
        from app.ui.components.skip_intro import install as install_skip

        install_skip(page, self.playback)  # issue 16: «Skip intro» in a named intro chapter
        return page

    # -- the window's parts ------------------------------------------------------------------
    def install_parts(self) -> None:
        """Install the TV, Open…, Downloads, More and library parts (once): at once in a window
        whose loop runs already (tests, benches); in the app, from ``loop_started`` (after Home
        has painted) or earlier when one of them, or a page they hook into, is needed first."""
        if self._parts_installed:
            return
        self._parts_installed = True
        from app.ui.components import downloads_ui, library_ui, open_anything, top_bar_fit
        from app.ui.components.tv_hooks import install_tv

        self._tv = install_tv(self)  # issue 13: the TV page, TV ways on titles, live controls, reminders
        self._open_anything = open_anything.install(self)  # issue 18: Open…, paste, drops, later launches
        self.habits.watch_app()  # Enter on buttons, Esc over suggestions, a click on the video pauses
        self._downloads = downloads_ui.install(self)  # the Downloads page (torrents in the cache)
        self._top_bar_fit = top_bar_fit.install(self)  # page buttons that do not fit go into More
        # issue 15: profiles, History, Playlists, Statistics, Add to playlist, Play all
        self._library_ui = library_ui.install(self)

    @property
    def tv(self) -> TvHooks:
        self.install_parts()
        return self._tv

    @property
    def open_anything(self) -> OpenAnything:
        self.install_parts()
        return self._open_anything

    @property
    def downloads(self) -> Downloads:
        self.install_parts()
        return self._downloads

    @property
    def top_bar_fit(self) -> TopBarFit:
        self.install_parts()
        return self._top_bar_fit

    @property
    def library_ui(self) -> LibraryUi:
        self.install_parts()
        return self._library_ui

    @property
    def grid(self) -> GridPage:
        page: GridPage = self.navigator.page("grid")
        return page

    @property
    def title_page(self) -> TitlePage:
        page: TitlePage = self.navigator.page("title")
        return page

    @property
    def settings_page(self) -> SettingsPage:
        page: SettingsPage = self.navigator.page("settings")
        return page

    @property
    def player(self) -> PlayerPage:
        page: PlayerPage = self.navigator.page("player")
        return page

    @property
    def playback_started(self) -> bool:
        return self._playback is not None

    @property
    def series(self) -> SeriesService:
        """Episodes and their progress (issue 16), made on first use (not before Home paints)."""
        if self._series is None:
            self._series = self._make_series()
        return self._series

    @property
    def playback(self) -> PlaybackService:
        if self._playback is None:
            self._playback = self._make_playback()
        return self._playback

    @property
    def startup_finished(self) -> bool:
        """Home's other rows and the full grid have been asked for (right after the first paint)."""
        return self._first_screen_done

    def _on_player(self) -> bool:
        return self.navigator.is_current("player")

    # -- the top bar ------------------------------------------------------------------------
    def _fill_top_bar(self) -> None:
        bar = self.top_bar
        self.nav_home = self.add_nav_button("home", self.tr("Home"), self.show_home)
        self.nav_films = self.add_nav_button("grid", self.tr("All films"), self._all_films)
        self.nav_settings = self.add_nav_button("settings", self.tr("Settings"), self.show_settings)
        # the parts' buttons (install_parts takes them over): the bar is whole at the first paint
        self.add_nav_button("tv", self.tr("TV"), after="grid")
        self.add_nav_button("downloads", self.tr("Downloads"))
        self.search = bar.search
        self.search.titleChosen.connect(self.open_title)
        from app.ui.components import search_ui

        self.searching = search_ui.install(self)  # typing filters the grid, suggestions, Enter
        from app.ui.components.profile_slot import placeholder

        # the avatar drawn now, its button (library_ui) takes this place after the first paint; a
        # click before then installs the parts (reading library_ui) and opens the button's menu
        slot = placeholder(self.services.current.profile, bar)
        slot.clicked.connect(lambda: self.library_ui.button.showMenu())  # noqa: PLW0108
        bar.hold_profile_place(slot)

    def add_nav_button(
        self, page: str, text: str, show: Callable[[], None] | None = None, *, after: str | None = None
    ) -> QPushButton:
        """A button in the top bar that shows the registered ``page`` (checked while it is shown),
        last or right ``after`` the button of another page. A page's button added again (drawn
        before its part was installed) is the same button, now showing ``show``."""
        self._nav_show[page] = show
        return self.top_bar.add_page_button(page, text, after=after)

    def _nav_clicked(self, page: str) -> None:
        self.install_parts()  # a click before loop_started: the page's part registers it now
        show = self._nav_show.get(page)
        if show is not None:
            show()
        else:
            self.navigator.navigate(page)

    def _page_changed(self, name: str) -> None:
        self.top_bar.show_current(name)
        self.top_bar.setVisible(name not in CHROMELESS)

    # -- navigation -------------------------------------------------------------------------
    def _home_shown(self, _page: HomePage) -> None:
        if self._home_dirty:
            self._home_dirty = False
            self.home.refresh()

    def show_home(self) -> None:
        self.navigator.navigate("home")
        self.home.focus_first()

    def wait_first_paint(self, app: QApplication, timeout_s: float = 2.0) -> None:
        """Process events (no loop yet) until Home's first poster row has painted."""
        if not self.home.visible_rows() or not self.navigator.is_current("home"):
            return  # nothing will report a paint (the welcome is shown): the loop takes over at once
        reported: list[bool] = []
        self.first_paint.painted.connect(lambda: reported.append(True))  # after the paint ended
        deadline = time.monotonic() + timeout_s
        while not reported and time.monotonic() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)

    def loop_started(self) -> None:
        """The asyncio loop runs: denied posters load in workers, then Home's other rows and
        the full grid are asked for. The window's other parts are installed first."""
        self.install_parts()
        self._loop_pending = False
        self._loop_runs = True
        self.posters.release()
        if self.first_paint.done:
            QTimer.singleShot(0, self._after_first_screen)
        waiting, self._on_loop = self._on_loop, []
        for work in waiting:  # from the loop's first turn: tasks started then run on it
            QTimer.singleShot(0, self, work)

    def when_loop_runs(self, work: Callable[[], None]) -> None:
        """Start ``work`` (timers, tasks, the torrent session) once the asyncio loop runs: from
        ``loop_started``, or at once when it was called already. The one place the window's
        parts wait for the loop; a window nobody calls ``loop_started`` on (view tests, benches)
        never starts them."""
        if self._loop_runs:
            work()
        else:
            self._on_loop.append(work)

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
            self.grid.preload()

    def use_grid(self) -> GridPage:
        """The grid, to be filtered by the caller now (search, "See all"): no preload needed."""
        self._grid_loaded = True
        return self.grid

    def show_grid(self) -> None:
        self._ensure_grid()
        self.navigator.navigate("grid")
        self.grid.focus_grid()

    def _all_films(self) -> None:
        self.search.clear()
        self.use_grid().open_filter(CatalogFilter())
        self.show_grid()

    def show_filtered(self, flt: CatalogFilter, title: str) -> None:
        """Home's "See all": the full grid under that row's filter."""
        self.use_grid().open_filter(flt, title)
        self.show_grid()

    def show_settings(self) -> None:
        self.navigator.navigate("settings")

    def focus_search(self) -> None:
        if self._on_player():
            return
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- the title page ---------------------------------------------------------------------
    def open_title(self, title_id: str, status: str = "") -> None:
        """Read the title in a worker, then show it (with ``status`` beside its buttons)."""
        from app.ui.components.title_open import open_title

        open_title(self, title_id, status)

    # -- playing: app.ui.components.play_entry -------------------------------------------------
    @property
    def plays(self) -> PlayEntry:
        if self._plays is None:
            from app.ui.components.play_entry import install as install_plays

            self._plays = install_plays(self)
        return self._plays

    def play_title(self, title_id: str, start_ms: int) -> None:
        self.plays.play_title(title_id, start_ms)

    def play_title_ways(self, title_id: str, start_ms: int) -> None:
        self.plays.play_title_ways(title_id, start_ms)

    def play_episode(self, title_id: str, season: int, number: int, start_ms: int = 0) -> None:
        self.plays.play_episode(title_id, season, number, start_ms)

    def play_location(self, location: str) -> None:
        self.plays.play_location(location)

    def start_plan(self, plan: PlayPlan | None, back_to: str | None) -> None:
        self.plays.start_plan(plan, back_to)

    def say_failure(self, text: str) -> None:
        """A view's background work failed and the view had nothing to say: a line at the bottom
        of the window (the log has the traceback)."""
        toast = getattr(self, "_failure_toast", None)
        if toast is None:
            from app.ui.widgets.toast import Toast

            toast = self._failure_toast = Toast(self)
        toast.say(self.tr("Could not load: %1").replace("%1", text), 6.0)

    def go_back(self) -> None:
        if self.search.hasFocus():
            if self.search.text():
                self.search.clear()
                self.grid.set_text("")
            self.focus_page()
            return
        if self._on_player():
            self.plays.leave()
            return
        if self.navigator.back() is not None:
            self.focus_page()

    def focus_page(self) -> None:
        current = self.navigator.current
        if current == "home":
            self.home.focus_first()
        elif current == "grid":
            self.grid.focus_grid()
        elif current == "title":
            self.title_page.play_button.setFocus()

    def toggle_fullscreen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
            self.player.set_fullscreen_chrome(False)
        else:
            self.showFullScreen()
            self.player.set_fullscreen_chrome(True)

    # -- what changed -----------------------------------------------------------------------
    def _on_progress(self, event: ProgressDidChange) -> None:
        grid: GridPage | None = self.navigator.built("grid")
        if grid is not None:
            grid.refresh_title(event.item_key)
        self._mark_home_dirty()

    def _on_library(self, event: LibraryDidChange) -> None:
        self._mark_home_dirty()
        # a refresh (guide, enrichment, demo) changes titles: re-query the grid from a worker;
        # a watchlist toggle only matters to a grid filtered by the watchlist
        if self._grid_loaded and (event.reason != "watchlist" or self.grid.current_filter.watchlist):
            self.grid.preload()

    def library_changed(self) -> None:
        """Titles changed here (settings, a rematch): the grid re-reads, Home when next shown."""
        grid: GridPage | None = self.navigator.built("grid")
        if grid is not None:
            grid.preload()
        self._mark_home_dirty()

    def _mark_home_dirty(self) -> None:
        # rows are re-queried when Home is next shown, not on every progress tick
        if self.navigator.is_current("home"):
            self.home.refresh()
        else:
            self._home_dirty = True

    # -- keys and closing -------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        # text fields take their own Backspace; here it only arrives from the pages
        if event.key() == Qt.Key.Key_Backspace and not self.navigator.is_current("home"):
            self.go_back()
            return
        super().keyPressEvent(event)

    def shutdown(self) -> None:
        """Save progress, release the player and stop the background work (on close and on
        quit): nothing of ours may still query the database once this returns."""
        try:
            if self._playback is not None:
                self._playback.close()
        except Exception:
            log.exception("closing playback failed")
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []
        if not shutdown_all(self, SHUTDOWN_GRACE_S):
            self.services.db.interrupt()  # a long query: abort it rather than wait it out
            if not shutdown_all(self):
                log.warning("background work still runs after the window closed")

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
