"""Plays one episode of a series: its sources planned in a worker, progress under the episode,
the next episode after a countdown when it ends (issue 16)."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject

from app.domain.models import MediaRequest, SourceKind, TitleDetail
from app.domain.series import NextEpisode, episode_key, parse_episode_key
from app.services.library.series import SeriesService
from app.services.playback.plan import PlayPlan
from app.services.playback.session import PlayerEvent
from app.services.sources.episode_sources import PackFile, pick_pack_file, same_release
from app.services.sources.resolve import Playable
from app.ui.components.next_episode import COUNTDOWN_S, EpisodeFlow, NextEpisodeCountdown
from app.ui.widgets.corner_overlay import CornerOverlay

log = logging.getLogger(__name__)

_LOCAL_KINDS = {SourceKind.DIRECT}  # a file of the series (a folder of episodes)


def episode_playables(
    detail: TitleDetail, season: int, number: int, start_ms: int, found: list[Any], binge_group: str | None
) -> list[Playable]:
    """The ways to play S``season`` E``number``: the series' own files named for that episode
    (a folder of episodes, a pack's files), then what the providers found for it, the release
    played before first (its bingeGroup)."""
    key = episode_key(detail.id, season, number)
    label = f"{detail.title} · S{season} E{number}"

    def request(url: str, headers: dict[str, str] | None = None) -> MediaRequest:
        return MediaRequest(
            location=url,
            item_key=key,
            label=label,
            title_id=detail.id,
            headers=dict(headers or {}),
            start_ms=start_ms,
        )

    out: list[Playable] = []
    files = [s for s in detail.sources if s.kind in _LOCAL_KINDS and "://" not in s.url]
    chosen = pick_pack_file([PackFile(i, s.url, 0) for i, s in enumerate(files)], season, number)
    if chosen is not None:
        src = files[chosen.index]
        out.append(Playable(kind=src.kind, request=request(src.url, src.headers), label=src.label or label))
    candidates = [r.candidate for r in found]
    kept = same_release(
        [{"behaviorHints": {"bingeGroup": c.binge_group}, "i": i} for i, c in enumerate(candidates)],
        binge_group,
    )
    if kept is not None:
        candidates.insert(0, candidates.pop(int(kept["i"])))
    for cand in candidates:
        if cand.kind is SourceKind.PAGE or not cand.url:
            continue
        out.append(
            Playable(
                kind=cand.kind,
                request=request(cand.url, cand.headers),
                label=cand.label or label,
                origin=cand,
            )
        )
    return out


class EpisodePlayer(QObject):
    """The window's ``play_episode``: plans, starts, saves the series' place, runs the countdown."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self._w = window
        self.series: SeriesService = window.series  # composed by bootstrap
        self.countdown: NextEpisodeCountdown | None = None
        self.flow: EpisodeFlow | None = None
        self._listening = False
        self.countdown_s = COUNTDOWN_S

    def play(
        self, title_id: str, season: int, number: int, start_ms: int = 0, *, series_ways: bool = False
    ) -> None:
        """Work out the episode's ways to watch in a worker, then open the player; with
        ``series_ways`` (the series' Play) the series' own ways (TV) when the episode has none."""
        from app.services.sources.search import SourceSearch, query_for

        ctx, catalog, series = self._w.services, self._w.catalog, self.series

        async def plan() -> PlayPlan | None:
            from app.core.tasks import run_blocking

            detail = await run_blocking(catalog.detail, title_id)
            if detail is None:
                return None
            found: list[Any] = []
            group = await run_blocking(series.kept_release, title_id)  # the release played before
            query = await run_blocking(query_for, ctx, title_id, season, number)
            if query is not None:
                try:  # not stored: the series' sources stay the series'
                    found = (await SourceSearch(ctx).search(query, store=False)).ranked
                except Exception:
                    log.exception("searching the sources of %s S%sE%s failed", title_id, season, number)
            ways = episode_playables(detail, season, number, start_ms, found, group)
            if not ways and series_ways:
                from app.services.playback.plan import plan_title

                return await run_blocking(plan_title, ctx, detail, 0)
            return PlayPlan(tuple(ways), detail, start_ms)

        self._listen()
        self._w.ops.run_async(("episode", title_id), plan, lambda p: self._w.start_plan(p, "title"))

    def play_series(self, title_id: str) -> None:
        """The series' Play (title page, Home's Continue): its next episode, else what Play did."""
        series, fallback = self.series, self._w.play_title_ways

        def found(upcoming: NextEpisode | None) -> None:
            if upcoming is None:
                fallback(title_id, 0)
            else:
                ep = upcoming.episode
                self.play(title_id, ep.season, ep.number, upcoming.resume_ms, series_ways=True)

        self._w.ops.run(("series", title_id), lambda: series.next_episode(title_id), found)

    def play_next(self, title_id: str, upcoming: NextEpisode) -> None:
        ep = upcoming.episode
        self.play(title_id, ep.season, ep.number, upcoming.resume_ms)

    def _listen(self) -> None:
        if self._listening:
            return
        self._listening = True
        page = self._w.player
        self._w.playback.add_listener(self._on_event)
        self.countdown = NextEpisodeCountdown()
        # over the video: a child of the page would be drawn under libvlc's native window
        CornerOverlay(page.video, page, background="rgb(20, 22, 28)").hold(self.countdown)
        self.flow = EpisodeFlow(self.countdown, self.series.save_progress, self.play_next)

    def _playing(self) -> tuple[str, int, int] | None:
        request = self._w.playback.request
        return None if request is None else parse_episode_key(request.item_key)

    def _on_event(self, event: PlayerEvent, _value: object) -> None:
        playing = self._playing()
        if playing is None:
            return
        current = self._w.playback.current
        if event is PlayerEvent.VIDEO_STARTED and current is not None and current.origin is not None:
            self._keep_release(playing[0], current.origin.binge_group)
        if event in (PlayerEvent.PAUSED, PlayerEvent.STOPPED):
            # the episode's own row is saved by the player; the series' place goes with it
            self._save_place(playing)
        elif event is PlayerEvent.ENDED and self.flow is not None and self.countdown is not None:
            tid, season, number = playing
            self.flow.episode_ended(
                tid, season, number, max(1, self._w.playback.length_ms()), self.countdown_s
            )

    def _keep_release(self, title_id: str, group: str | None) -> None:
        """The release that plays is the one the next episode looks for first (stored per profile)."""
        if group:
            series = self.series
            self._w.ops.run(("release", title_id), lambda: series.keep_release(title_id, group))

    def _save_place(self, playing: tuple[str, int, int]) -> None:
        playback = self._w.playback
        try:
            self.series.save_progress(*playing, playback.position_ms(), playback.length_ms() or None)
        except Exception:
            log.exception("saving the series' place failed")

    def cancel(self) -> None:
        """Leaving the player stops a countdown that runs."""
        if self.countdown is not None and self.countdown.isVisible():
            self.countdown.cancel()


def install(window: Any) -> EpisodePlayer:
    """The window's episode player (its ``play_episode``)."""
    return EpisodePlayer(window)
