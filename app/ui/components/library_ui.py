"""The library's part of the window (issue 15): profiles (top-bar avatar, picker, management),
History, Playlists and Statistics pages, “Add to playlist” on the title page and the grid, Play
all, and every per-profile view read again when another profile becomes current."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.core.events import ProfileDidChange, ProfilesDidChange
from app.domain.models import HistoryEntry
from app.domain.playlists import PlaylistItem
from app.domain.profiles import Profile
from app.services.library.history import HistoryService
from app.services.library.playlists import PlaylistService
from app.services.library.profiles import ProfileService
from app.services.library.stats import StatsService
from app.ui.components.play_queue import PlayQueue
from app.ui.components.playlist_menu import PlaylistAdder, install_context_menu, install_on_title_page
from app.ui.components.profile_button import ProfileButton
from app.ui.viewmodels import bus
from app.ui.widgets.toast import Toast

if TYPE_CHECKING:
    from app.ui.components.profile_picker import ProfilePicker
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

# pages that show one profile's data: re-read when shown, and at once when shown during a switch
PROFILE_PAGES = ("history", "playlists", "stats", "profiles")
DISCOVERY_FIRST_S = 30  # Home's discovery rows are fetched (when stale) as the guide refresh waits:
# not while the first screens load and scroll (it brings httpx, keyring, SQLAlchemy, Pillow: ~50 MB)
DISCOVERY_EVERY_S = 30 * 60  # then checked this often (each row is fetched again after 6 h)


class EverywhereBar(QWidget):
    """Under the grid's filters while a search is typed: "Search TMDB and Shikimori for “X”"."""

    def __init__(self, on_search: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.label = QLabel(self.tr("Not in your library?"))
        self.label.setObjectName("Muted")
        self.button = QPushButton()
        self.button.setObjectName("Link")
        self.button.clicked.connect(lambda: on_search(self.text))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.button)
        row.addStretch(1)
        self.hide()

    def set_text(self, text: str, allowed: bool) -> None:
        self.text = " ".join(text.split())
        self.button.setText(self.tr("Search TMDB and Shikimori for “%1”").replace("%1", self.text))
        self.setVisible(bool(self.text) and allowed)


class LibraryUi(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._w = window
        context = window.services
        self.profiles = ProfileService(context)
        self.history = HistoryService(context)
        self.playlists = PlaylistService(context)
        self.stats = StatsService(context)
        self.queue = PlayQueue(window)
        self.adder = PlaylistAdder(self.playlists, window)
        self.toast = Toast(window)
        self.picker: ProfilePicker | None = None
        self._asked_for: int | None = None  # the profile a switch was asked for (Home follows it)
        nav = window.navigator
        nav.register("history", self._build_history, on_show=lambda page: page.refresh())
        nav.register("playlists", self._build_playlists, on_show=lambda page: page.refresh())
        nav.register("stats", self._build_stats, on_show=lambda page: page.refresh())
        nav.register("profiles", self._build_profiles, on_show=lambda page: page.refresh())
        nav.register("everywhere", self._build_everywhere)
        self.everywhere_bar: EverywhereBar | None = None
        window.search.typed.connect(self._search_typed)
        self._discovery = QTimer(self)
        self._discovery.setInterval(DISCOVERY_EVERY_S * 1000)
        self._discovery.timeout.connect(self.refresh_discovery)
        window.when_loop_runs(self._start_discovery)  # its refreshes are tasks on the app's loop
        # the profile's own pages open from its avatar's menu (the top bar has no room for four more)
        self.button = ProfileButton(self.profiles, window.top_bar)
        self.button.switchRequested.connect(self.switch_to)
        self.button.pageRequested.connect(nav.navigate)
        bar = window.top_bar
        slot = bar.profile_slot
        if slot is not None and bar.row.indexOf(slot) >= 0:
            bar.row.replaceWidget(slot, self.button)  # the avatar drawn at the first paint: same place
            slot.hide()
            slot.deleteLater()
            bar.profile_slot = None
        else:
            bar.row.addWidget(self.button)
        nav.pageBuilt.connect(self._page_built)
        for name in ("title", "grid"):
            page = nav.built(name)
            if page is not None:
                self._page_built(name, page)
        bus.subscribe(context.bus, ProfileDidChange, self._profile_changed, self)
        bus.subscribe(context.bus, ProfilesDidChange, self._profiles_edited, self)
        self._empty_home_text()

    # -- pages ------------------------------------------------------------------------------------
    def _build_history(self) -> QWidget:
        from app.ui.pages.history_page import HistoryPage

        page = HistoryPage(self.history)
        page.resumeRequested.connect(self._resume)
        return page

    def _build_playlists(self) -> QWidget:
        from app.ui.pages.playlists_page import PlaylistsPage

        page = PlaylistsPage(self.playlists)
        page.playRequested.connect(self.play_all)
        return page

    def _build_stats(self) -> QWidget:
        from app.ui.pages.stats_page import StatsPage

        return StatsPage(self.stats, self.history)

    def _build_profiles(self) -> QWidget:
        from app.ui.pages.profiles_page import ProfilesPage

        page = ProfilesPage(self.profiles)
        page.switchRequested.connect(self.switch_to)
        return page

    def _build_everywhere(self) -> QWidget:
        from app.ui.pages.everywhere_page import EverywherePage

        page = EverywherePage(self._w.services, self._w.posters)
        page.titleOpened.connect(self._w.open_title)
        page.backRequested.connect(self._w.go_back)
        return page

    def _page_built(self, name: str, page: Any) -> None:
        if name == "title":
            install_on_title_page(page, self.adder)
        elif name == "grid":
            install_context_menu(page.view, self.adder, self._w.open_title, self.toast.say)
            self.everywhere_bar = EverywhereBar(self.search_everywhere, page)
            # in the heading's row, beside the count: showing it never resizes the poster grid
            layout = page.layout()
            head = layout.itemAt(0).layout() if layout is not None and layout.count() else None
            if head is not None:
                head.insertWidget(2, self.everywhere_bar, 0, Qt.AlignmentFlag.AlignBottom)

    # -- discovery --------------------------------------------------------------------------------
    def _search_typed(self, text: str) -> None:
        if self.everywhere_bar is not None:
            self.everywhere_bar.set_text(text, self.profiles.current.age_limit is None)

    def search_everywhere(self, text: str) -> None:
        page = self._w.navigator.navigate("everywhere")
        page.search(text)

    def _start_discovery(self) -> None:
        self._discovery.start()
        QTimer.singleShot(DISCOVERY_FIRST_S * 1000, self, self.refresh_discovery)

    def refresh_discovery(self, force: bool = False) -> None:
        """Home's rows from TMDB and Shikimori, in the background (only the stale ones; never
        when the setting discovery_refresh_hours is 0 and nobody asked)."""
        if not force and self._w.services.settings.discovery_refresh_hours <= 0:
            return
        from app.services.discover.rows import Discovery

        discovery = Discovery(self._w.services)
        self._w.ops.run_async(
            "discovery",
            lambda: discovery.refresh(force=force),
            None,
            lambda exc: log.info("discovery: %s", exc),
        )

    # -- playing ----------------------------------------------------------------------------------
    def _resume(self, entry: HistoryEntry, start_ms: int) -> None:
        from app.domain.series import parse_episode_key

        episode = parse_episode_key(entry.item_key)
        if episode is not None:  # an episode's entry plays that episode (issue 16)
            self._w.play_episode(*episode, start_ms)
        elif entry.title_id:
            self._w.play_title(entry.title_id, start_ms)
        else:
            self._w.play_location(entry.location)

    def play_all(self, items: list[PlaylistItem], shuffle: bool, start: int) -> None:
        self.queue.start(items, shuffle, start)

    # -- profiles ---------------------------------------------------------------------------------
    def switch_to(self, profile_id: int) -> None:
        """Switch at once, or through the picker when the profile has a PIN; Home follows."""
        self._asked_for = profile_id

        def known(profile: Profile) -> None:
            if profile.id == self.profiles.current.id:
                return
            if profile.has_pin:
                self.open_picker().choose(profile.id)
                return
            self._w.ops.run(
                "switch profile",
                lambda: self.profiles.switch(profile.id),
                None,
                lambda exc: self.toast.say(str(exc)),
            )

        self._w.ops.run(
            "profile", lambda: self.profiles.get(profile_id), known, lambda exc: self.toast.say(str(exc))
        )

    def open_picker(self) -> ProfilePicker:
        from app.ui.components.profile_picker import ProfilePicker

        if self.picker is not None:
            self.picker.close()
        self.picker = ProfilePicker(self.profiles, self._w)
        self.picker.manageRequested.connect(lambda: self._w.navigator.navigate("profiles"))
        self.picker.open()
        return self.picker

    def _profile_changed(self, event: ProfileDidChange) -> None:
        """Another profile: everything per-profile is read again, and Home comes first."""
        profile = self.profiles.current
        self.button.show_profile(profile)
        self.queue.stop()
        nav = self._w.navigator
        grid = nav.built("grid")
        if grid is not None:
            grid.preload()
        for name in PROFILE_PAGES:
            page = nav.built(name)
            if page is not None and nav.is_current(name):
                page.refresh()
        self._w.when_loop_runs(self.refresh_discovery)  # the new profile's recommendations, if stale
        self._empty_home_text()
        self._w.home.refresh()
        # a switch asked for shows Home; the current profile deleted on the Profiles page stays there
        if not nav.is_current("profiles") or self._asked_for == event.profile_id:
            self._w.show_home()
        self._asked_for = None
        language = self._w.services.settings.language
        if profile.ui_language and profile.ui_language != language and event.previous_id is not None:
            self.toast.say(
                self.tr("%1's interface language applies from the next start.").replace("%1", profile.name)
            )

    def _profiles_edited(self, event: ProfilesDidChange) -> None:
        if event.profile_id == self.profiles.current.id:
            self.button.show_profile(self.profiles.current)
            self._empty_home_text()

    def _empty_home_text(self) -> None:
        limit = self.profiles.current.age_limit
        self._w.home.set_empty_text(
            None
            if limit is None
            else self.tr(
                "Nothing rated for ages up to %1 yet. A kids' profile shows only titles whose age rating "
                "is known; they come with the metadata from TMDB and Shikimori."
            ).replace("%1", f"{limit}+")
        )


def install(window: MainWindow) -> LibraryUi:
    return LibraryUi(window)
