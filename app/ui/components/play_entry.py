"""The window's ways into the player (a title, an episode, a file or link, a plan worked out
elsewhere), the player made ready while a title is shown, and Back out of the player."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer

if TYPE_CHECKING:
    from app.services.playback.plan import PlayPlan
    from app.services.sources.resolve import Playable
    from app.ui.main_window import MainWindow

# The player starts this long after its page was switched to ("Opening…" drawn, the panels a
# frame later: PlayerPage.PANELS_AFTER_MS): switching pages, showing the panels and opening the
# source are three short turns of the loop, not one long one (bench/play_path.py measures the
# lag). On the player page already (a channel change, the next episode) it starts on the next turn.
START_AFTER_MS = 32


class PlayEntry:
    """Every play of the window goes through ``start_plan``: the player page opens, then the
    player starts. Its words keep the window's translation context (``MainWindow``)."""

    def __init__(self, window: MainWindow) -> None:
        self._w = window
        self.return_to: str | None = None  # where Back from the player goes
        self.episodes: Any = None  # the episode player (issue 16), made on the first episode
        self._pending: list[Playable] = []  # what the player starts with when _start fires
        self._start = QTimer(window)  # a timer of the window's: Back stops it
        self._start.setSingleShot(True)
        self._start.timeout.connect(self._start_player)

    # -- what to play -------------------------------------------------------------------------
    def play_title(self, title_id: str, start_ms: int) -> None:
        """Play the title's best source; a series plays its next episode (issue 16)."""
        shown = self._w.navigator.built("title")
        detail = shown.detail if shown is not None else None
        if detail is not None and detail.id == title_id and detail.kind in ("series", "anime"):
            self.episode_player().play_series(title_id)
        else:
            self.play_title_ways(title_id, start_ms)

    def play_title_ways(self, title_id: str, start_ms: int) -> None:
        """Play the title's own ways; every way to play it is worked out once, in a worker."""
        from app.services.playback.plan import plan_title

        w = self._w
        shown = w.navigator.built("title")
        known = shown.detail if shown is not None else None
        services, catalog = w.services, w.catalog

        def plan() -> PlayPlan | None:
            detail = known if known is not None and known.id == title_id else catalog.detail(title_id)
            return None if detail is None else plan_title(services, detail, start_ms)

        w.ops.run("play", plan, lambda found: self.start_plan(found, "title"))

    def play_episode(self, title_id: str, season: int, number: int, start_ms: int = 0) -> None:
        """Play one episode of a series (its sources, progress, the next one: issue 16)."""
        self.episode_player().play(title_id, season, number, start_ms)

    def episode_player(self) -> Any:
        if self.episodes is None:
            from app.ui.components.episode_play import install as install_episode_player

            self.episodes = install_episode_player(self._w)
        return self.episodes

    def play_location(self, location: str) -> None:
        """Open a file or URL straight into the player (``cinema play``), from where it was left."""
        from app.services.playback.plan import plan_location

        w = self._w
        back_to, library = w.navigator.current, w.library
        w.ops.run("play", lambda: plan_location(library, location), lambda p: self.start_plan(p, back_to))

    # -- playing ------------------------------------------------------------------------------
    def start_plan(self, plan: PlayPlan | None, back_to: str | None) -> None:
        """Play ``plan`` (its first playable, the rest the failover order); Back returns to
        ``back_to``."""
        w = self._w
        if plan is None or not plan.playables:
            if w.navigator.built("title") is not None:
                w.title_page.show_status(QCoreApplication.translate("MainWindow", "No source to play yet"))
            return
        self.return_to = back_to
        playables = list(plan.playables)
        after_ms = 0 if w.navigator.is_current("player") else START_AFTER_MS
        w.navigator.navigate("player", remember=False)
        w.player.show_opening(playables[0])
        self._pending = playables
        self._start.start(after_ms)

    def _start_player(self) -> None:
        playables, self._pending = self._pending, []
        if playables and self._w.navigator.is_current("player"):  # not if Back was pressed meanwhile
            self._w.player.start(playables)

    def warm(self) -> None:
        """Play is likely next: the player's modules and engine are made ready in workers, so
        the first press only opens the source."""
        w = self._w
        if (w.playback_started and w.playback.player_ready) or w.ops.busy("warm player"):
            return

        def engine(_module: object) -> None:
            playback = w.playback
            if not playback.player_ready:
                w.ops.run("warm player", playback.make_player, adopted)

        def adopted(player: Any) -> None:
            w.playback.adopt_player(player)
            w.navigator.page("player")  # its widgets too, while the title is being read

        module = "app.services.playback.session"
        w.ops.run("warm player", lambda: importlib.import_module(module), engine)

    # -- leaving ------------------------------------------------------------------------------
    def leave(self) -> None:
        """Back from the player: out of full screen first, else stop and go where the play
        came from (the title is read again: its resume point moved)."""
        w = self._w
        if w.isFullScreen():
            w.toggle_fullscreen()
            return
        if self.episodes is not None:
            self.episodes.cancel()  # no next episode after Back
        self._start.stop()  # Back before the player started: it never starts
        self._pending = []
        w.player.stop()
        target = self.return_to or "home"
        shown = w.navigator.built("title")
        if target == "title" and shown is not None and shown.detail is not None:
            w.navigator.navigate("title", remember=False)
            w.open_title(shown.detail.id)
        else:
            w.navigator.navigate(target, remember=False)
            w.focus_page()


def install(window: MainWindow) -> PlayEntry:
    """The play entry points of ``window`` (the main window delegates its ``play_*`` to them)."""
    return PlayEntry(window)
