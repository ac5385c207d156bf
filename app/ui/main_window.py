"""The main window: a top bar and a stack of pages (grid, title, player, settings)."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.events import ProgressDidChange
from app.domain.ids import media_key_for
from app.domain.models import MediaRequest
from app.services.catalog import CatalogService
from app.services.container import Services
from app.services.library import LibraryService
from app.services.playback import PlaybackService
from app.ui.delegates.poster_delegate import POSTER
from app.ui.images import PosterCache
from app.ui.pages.grid_page import GridPage
from app.ui.pages.player_page import PlayerPage
from app.ui.pages.settings_page import SettingsPage
from app.ui.pages.title_page import TitlePage

log = logging.getLogger(__name__)


class _FirstPaintWatcher(QObject):
    """Reports the first paint of the grid with rows in it (benchmarks read this line)."""

    painted = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint and self._window.grid.model.rowCount() > 0:
            self._done = True
            QTimer.singleShot(0, self.painted.emit)
        return False


class MainWindow(QMainWindow):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle("Cinema")
        self.resize(1400, 900)
        self.setMinimumSize(QSize(900, 600))
        self.catalog = CatalogService(services)
        self.library = LibraryService(services)
        self.playback = PlaybackService(services, self.library)
        self.posters = PosterCache(POSTER, services.settings.poster_cache_mb * 1024 * 1024, self)
        self._return_page: QWidget | None = None

        self.grid = GridPage(self.catalog, self.posters)
        self.title_page = TitlePage()
        self.player = PlayerPage(self.playback)
        self.settings_page = SettingsPage(services)
        self.stack = QStackedWidget()
        for page in (self.grid, self.title_page, self.player, self.settings_page):
            self.stack.addWidget(page)

        self.top_bar = self._build_top_bar()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.top_bar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.grid.titleOpened.connect(self.open_title)
        self.title_page.backRequested.connect(self.go_back)
        self.title_page.playRequested.connect(self.play_title)
        self.player.backRequested.connect(self.go_back)
        self.player.fullscreenToggled.connect(self.toggle_fullscreen)
        self.settings_page.libraryChanged.connect(self.grid.reload)
        self._unsubscribe = services.bus.subscribe(ProgressDidChange, self._on_progress)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.go_back, Qt.ShortcutContext.WindowShortcut)

        self.first_paint = _FirstPaintWatcher(self)
        self.grid.view.viewport().installEventFilter(self.first_paint)
        if os.environ.get("CINEMA_REPORT_FIRST_PAINT"):
            self.first_paint.painted.connect(self._report_first_paint)
        self.grid.reload()
        self.show_grid()

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
        self.nav_films = QPushButton(self.tr("Films"))
        self.nav_settings = QPushButton(self.tr("Settings"))
        group = QButtonGroup(self)
        for button in (self.nav_films, self.nav_settings):
            button.setObjectName("Nav")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        self.nav_films.clicked.connect(self.show_grid)
        self.nav_settings.clicked.connect(self.show_settings)
        return bar

    # -- navigation ------------------------------------------------------------------------
    def show_grid(self) -> None:
        self.nav_films.setChecked(True)
        self.stack.setCurrentWidget(self.grid)
        self.grid.focus_grid()

    def show_settings(self) -> None:
        self.nav_settings.setChecked(True)
        self.settings_page.refresh()
        self.stack.setCurrentWidget(self.settings_page)

    def open_title(self, title_id: str) -> None:
        detail = self.catalog.detail(title_id)
        if detail is None:
            return
        self.title_page.show_title(detail, self.library.resume_point_ms(title_id), self.services.clock.now())
        self.stack.setCurrentWidget(self.title_page)

    def play_title(self, title_id: str, start_ms: int) -> None:
        detail = self.catalog.detail(title_id)
        if detail is None:
            return
        sources = [s for s in self.catalog.playable_sources(detail) if s.kind.value != "iptv-live"]
        if not sources:
            return
        self._return_page = self.title_page
        self._start_player(self.catalog.media_request(detail, sources[0], start_ms))

    def play_location(self, location: str) -> None:
        """Open a file or URL straight into the player (``cinema play``)."""
        is_url = "://" in location
        resolved = location if is_url else str(Path(location).expanduser().resolve())
        key = media_key_for(resolved)
        label = location.rsplit("/", 1)[-1] if is_url else Path(resolved).name
        start = self.library.resume_point_ms(key)
        self._return_page = self.grid
        self._start_player(
            MediaRequest(location=resolved, item_key=key, label=label or location, start_ms=start)
        )

    def _start_player(self, request: MediaRequest) -> None:
        self.stack.setCurrentWidget(self.player)
        self.top_bar.hide()
        self.player.play(request)

    def go_back(self) -> None:
        current = self.stack.currentWidget()
        if current is self.player:
            if self.isFullScreen():
                self.toggle_fullscreen()
                return
            self.player.stop()
            self.top_bar.show()
            target = self._return_page or self.grid
            if target is self.title_page and self.title_page.detail is not None:
                self.open_title(self.title_page.detail.id)
            else:
                self.show_grid()
        elif current is self.title_page or current is self.settings_page:
            self.show_grid()

    def toggle_fullscreen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
            self.player.set_fullscreen_chrome(False)
        else:
            self.showFullScreen()
            self.player.set_fullscreen_chrome(True)

    def _on_progress(self, event: ProgressDidChange) -> None:
        self.grid.refresh_title(event.item_key)

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
        if event.key() == Qt.Key.Key_Backspace and self.stack.currentWidget() is not self.grid:
            self.go_back()
            return
        super().keyPressEvent(event)

    def shutdown(self) -> None:
        """Save progress and release the player (on close and on quit)."""
        try:
            self.playback.close()
        except Exception:
            log.exception("closing playback failed")
        self._unsubscribe()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
