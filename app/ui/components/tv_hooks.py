"""TV in the main window (issue 13), wired from one place: the TV page and its top-bar button,
the title page's airings as ways to watch, the player's live controls, reminders (clock, bar,
tray balloon). The window calls ``install_tv(window)`` once; everything else hangs off its
navigator's ``pageBuilt`` signal, so no page is built before it is needed.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from app.domain.streams import StreamCandidate
from app.services.library.reminders import ReminderService
from app.ui.components.reminder_banner import ReminderBanner
from app.ui.components.tv_ways import ReminderAsk
from app.ui.viewmodels.operations import Operations

if TYPE_CHECKING:
    from app.services.library.reminder_clock import ReminderClock
    from app.services.sources.resolve import Playable
    from app.ui.main_window import MainWindow
    from app.ui.pages.tv_page import TvPage

log = logging.getLogger(__name__)


class TvHooks(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.services
        self.ops = Operations(self, "tv-hooks")
        self.reminders = ReminderService(self.ctx)
        self.clock: ReminderClock | None = None
        window.navigator.register("tv", self._build_tv, on_show=lambda page: page.refresh())
        window.add_nav_button("tv", window.tr("TV"), after="grid")
        window.navigator.pageBuilt.connect(self._page_built)
        self.banner = ReminderBanner(self.ctx, self._notify)
        holder = window.centralWidget()
        central: Any = holder.layout() if holder is not None else None
        if central is not None:
            central.insertWidget(1, self.banner)  # under the top bar (a QVBoxLayout)
        self.banner.watchRequested.connect(self.play_channel)
        self.banner.titleRequested.connect(window.open_title)
        window.when_loop_runs(self._start_clock)  # the clock is a task on the app's loop

    # -- reminders ------------------------------------------------------------------------------
    def _start_clock(self) -> None:
        from app.services.library.reminder_clock import ReminderClock
        from app.services.scheduler import RefreshDidFinish

        self.clock = ReminderClock(self.ctx, self.reminders)
        self.clock.start(RefreshDidFinish)

    def _notify(self, title: str, text: str) -> None:
        tray: Any = getattr(self.window, "tray", None)
        host = getattr(tray, "host", None)
        if host is not None:
            host.notify(title, text)

    def remind(self, ask: ReminderAsk) -> None:
        service = self.reminders

        def add() -> int:
            return service.remind_airing(
                channel_id=ask.channel_id, start=ask.start, stop=ask.stop, label=ask.label,
                channel_name=ask.channel_name, title_id=ask.title_id or None, auto_play=ask.auto_play,
            )  # fmt: skip

        self.ops.run(("remind", ask.channel_id, ask.start), add, lambda _id: self._poke())

    def _poke(self) -> None:
        if self.clock is not None:
            self.clock.poke()

    # -- pages ----------------------------------------------------------------------------------
    def _build_tv(self) -> TvPage:
        from app.ui.pages.tv_page import TvPage

        page = TvPage(self.ctx)
        page.playChannel.connect(self.play_channel)
        page.playArchive.connect(self.play_archive)
        page.openTitle.connect(self.window.open_title)
        page.remindRequested.connect(
            lambda cid, start, stop, label, title_id: self.remind(
                ReminderAsk(cid, start, stop, label, page.channel_name(cid), title_id, False)
            )
        )
        page.settingsRequested.connect(self.window.show_settings)
        page.backRequested.connect(self.window.go_back)
        return page

    def _page_built(self, name: str, page: Any) -> None:
        if name == "title":
            from app.ui.components.tv_ways import install

            self.ways = install(page, self.ctx, self.play_way, self.remind)
            page.laterRequested.connect(self._later)
        elif name == "player":
            from app.ui.components.live_controls import attach

            attach(page, self.window.playback, self.ctx)

    # -- playing --------------------------------------------------------------------------------
    def _play(self, playables: list[Playable], back_to: str) -> None:
        from app.services.playback.plan import PlayPlan

        self.window.start_plan(PlayPlan(tuple(playables)), back_to)  # the window's one play path

    def play_channel(self, channel_id: str) -> None:
        """A channel live (its backups after it), from the TV page or a reminder's "Watch"."""
        from app.services.guide.channels import ChannelGuide
        from app.services.playback.live import live_playables

        guide = ChannelGuide(self.ctx)
        back = self.window.navigator.current or "tv"

        def plan() -> list[Playable]:
            channel = guide.channel(channel_id)
            return live_playables(channel) if channel is not None else []

        self.ops.run("play", plan, lambda found: self._play(found, back))

    def play_archive(self, channel_id: str, start: int, stop: int, label: str, title_id: str) -> None:
        """A programme from the channel's archive (a film resumes where it was left)."""
        from app.services.guide.channels import ChannelGuide
        from app.services.playback.live import archive_playables

        ctx, library = self.ctx, self.window.library

        def plan() -> list[Playable]:
            channel = ChannelGuide(ctx).channel(channel_id)
            if channel is None:
                return []
            found = archive_playables(ctx, channel, start, stop, label=label, title_id=title_id or None)
            resume = library.resume_point_ms(found[0].request.item_key) if found else 0
            return [p.at(resume) for p in found]

        self.ops.run("play", plan, lambda found: self._play(found, "tv"))

    def play_way(self, way: StreamCandidate) -> None:
        """One way from the title page (its backups and the title's other ways after it)."""
        from app.services.playback.plan import plan_title
        from app.services.sources.resolve import tv_playable

        page = self.window.title_page
        detail = page.detail
        if detail is None:
            return
        ctx, library = self.ctx, self.window.library

        def plan() -> list[Playable]:
            archive = way.extra.get("way") == "archive"
            start = library.resume_point_ms(detail.id) if archive else 0
            first = tv_playable(detail, way, start)
            rest = [p for p in plan_title(ctx, detail, start).playables if p.request.location != way.url]
            return [first, *rest]

        self.ops.run("play", plan, lambda found: self._play(found, "title"))

    def _later(self, way: StreamCandidate) -> None:
        """Play on a title that only airs later: watch it live then (and a reminder before)."""
        page = self.window.title_page
        detail = page.detail
        if detail is None or way.start is None:
            return
        self.ways.remind(way, auto_play=True)  # stored through remindRequested; the row says so
        minutes = self.ctx.settings.reminder_minutes
        page.show_status(
            self.window.tr("It will open live when it starts; a reminder %n minute(s) before", "", minutes)
        )


def install_tv(window: MainWindow) -> TvHooks:
    """The TV part of ``window`` (the window keeps it as ``window.tv``)."""
    return TvHooks(window)
