"""Playback sessions: drive a Player through a title's sources, failing over from one to the next.

Progress is saved every ``settings.progress_interval_s`` seconds while playing and on pause,
stop, source switch and close (``saving``), so a killed app loses at most that interval. An
error event, no first frame within ``settings.first_frame_timeout_s`` or a stall switches to the
next-best source at the same position; when none is left the session ends in an error. Each
failure is a ``PlaybackFailure`` (``failures``): a reason with its data, for the page to say.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any

from app.domain.errors import EpisodeNotInTorrent, PlaybackError
from app.domain.models import MediaRequest, SourceKind
from app.engines.playback.base import Listener, Player, PlayerEvent
from app.services.context import AppContext
from app.services.library.progress import LibraryService
from app.services.playback.chapters import SkipRange, skip_ranges, vlc_chapters
from app.services.playback.controls import PlayerControls
from app.services.playback.failures import Cause, FailureReason, PlaybackFailure
from app.services.playback.quality import HlsQuality
from app.services.playback.saving import ProgressSaver
from app.services.playback.watchdog import Sample, watch
from app.services.sources.hls import Variant
from app.services.sources.resolve import Playable, SourceOpener

__all__ = [
    "Cause",
    "FailureReason",
    "Playable",
    "PlaybackFailure",
    "PlaybackService",
    "PlaybackState",
    "PlayerEvent",
    "Variant",
]

log = logging.getLogger(__name__)

# An end before 90 % of the known length and more than two minutes before it is a broken stream.
EARLY_END_FRACTION = 0.9
EARLY_END_MS = 120_000

PlayerFactory = Callable[[Callable[[Callable[[], None]], None], Listener], Player]


class PlaybackState(StrEnum):
    IDLE = "idle"
    OPENING = "opening"
    PLAYING = "playing"
    PAUSED = "paused"
    ENDED = "ended"
    ERROR = "error"


def default_player_factory(services: AppContext) -> PlayerFactory:
    def make(dispatch: Callable[[Callable[[], None]], None], listener: Listener) -> Player:
        from app.engines.playback.vlc_player import VlcPlayer

        return VlcPlayer(dispatch, listener, services.settings.vlc_args)

    return make


class PlaybackService(PlayerControls):
    """One playback session at a time. Call it from the loop thread."""

    def __init__(
        self,
        services: AppContext,
        library: LibraryService,
        factory: PlayerFactory | None = None,
        opener: SourceOpener | None = None,
        stall_timeout_s: float | None = None,
    ) -> None:
        super().__init__()
        self._s = services
        self._library = library
        self._factory = factory or default_player_factory(services)
        self.opener = opener or SourceOpener(services)
        self.stall_timeout_s = (
            services.settings.stall_timeout_s if stall_timeout_s is None else stall_timeout_s
        )
        self._listeners: list[Listener] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._request: MediaRequest | None = None
        self._current: Playable | None = None
        self._fallbacks: list[Playable] = []
        self._saver = ProgressSaver(library, lambda: services.settings.watched_fraction)
        self._quality = HlsQuality(lambda: self._emit(PlayerEvent.TRACKS, None), lambda: services.http)
        self._watchdog: asyncio.Task[None] | None = None
        self._preparing: asyncio.Task[None] | None = None
        self._releasing: asyncio.Future[None] | None = None
        self._last_position = 0
        self._length = 0
        self.state = PlaybackState.IDLE
        self.failure: PlaybackFailure | None = None  # the last source that failed, and what next
        self.video_started = False
        self._advanced = False

    # -- wiring ----------------------------------------------------------------------------
    def add_listener(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _ensure_player(self) -> Player:
        self._loop = asyncio.get_running_loop()  # the player's events are handed to it
        if self._player is None:
            self._player = self._factory(self._dispatch, self._on_event)
        return self._player

    def _dispatch(self, fn: Callable[[], None]) -> None:
        """From the player's threads to the loop (never call libvlc from its own callback)."""
        loop = self._loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(fn)

    def make_player(self) -> Player:
        """A player engine, made ahead of the first Play from a worker (libvlc takes tens of ms
        to start); ``adopt_player`` on the loop's thread takes it."""
        return self._factory(self._dispatch, self._on_event)

    def adopt_player(self, player: Player) -> None:
        if self._player is None:
            self._player = player
        else:  # Play was quicker and made its own
            player.release()

    @property
    def player_ready(self) -> bool:
        return self._player is not None

    @property
    def request(self) -> MediaRequest | None:
        return self._request

    @property
    def current(self) -> Playable | None:
        return self._current

    @property
    def fallbacks(self) -> list[Playable]:
        return list(self._fallbacks)

    @property
    def error(self) -> str | None:
        """The session's failure in English (for the log), once it ended in one."""
        failure = self.failure
        return str(failure) if failure is not None and self.state == PlaybackState.ERROR else None

    @property
    def variants(self) -> list[Variant]:
        return self._quality.variants

    @property
    def quality(self) -> Variant | None:
        """The HLS variant chosen (None: Auto)."""
        return self._quality.quality

    def torrent_status(self) -> tuple[Any, int] | None:
        """(StreamStats, file size) of the torrent being streamed, or None."""
        stats = self.opener.torrent_stats()
        handle = self.opener.handle
        return (stats, handle.size) if stats is not None and handle is not None else None

    # -- commands --------------------------------------------------------------------------
    def start(
        self, request: MediaRequest, window_id: int | None = None, fallbacks: Sequence[Playable] = ()
    ) -> None:
        """Open ``request`` (from ``request.start_ms``) and start saving progress."""
        kind = SourceKind.HLS if request.location.split("?")[0].endswith(".m3u8") else SourceKind.DIRECT
        first = Playable(kind=kind, request=request, label=request.label, hls=kind is SourceKind.HLS)
        self.play([first, *fallbacks], window_id)

    def play(self, playables: Sequence[Playable], window_id: int | None = None) -> None:
        """Play the first of ``playables``; the rest are the failover order."""
        if not playables:
            raise PlaybackError("nothing to play")
        if self._request is not None:
            self.stop()
        player = self._ensure_player()
        if window_id:
            player.set_window(window_id)
        first, *rest = playables
        self._fallbacks = list(rest)
        self._length = 0
        self.failure = None
        self._quality.reset()
        self._request = first.request
        self._saver.begin(first.request)
        self._saver.every(
            self._s.settings.progress_interval_s,
            lambda: self.state in (PlaybackState.PLAYING, PlaybackState.OPENING),
            self.save_now,
        )
        self._open(first, first.request.start_ms)

    def _open(self, playable: Playable, start_ms: int) -> None:
        """Open one source at ``start_ms``; torrents are prepared first, off the loop."""
        player = self._ensure_player()
        playable = playable.at(start_ms)
        self._current = playable
        self._request = playable.request
        self._last_position = playable.request.start_ms
        self.video_started = False
        self._advanced = False  # the clock moved past where this source was opened
        self.state = PlaybackState.OPENING
        self._emit(PlayerEvent.SOURCE, playable.label)
        self._cancel(self._preparing)
        self._cancel(self._watchdog)
        self._quality.opening(playable, lambda: self.video_started)
        if self.opener.needs_preparing(playable):
            self._preparing = asyncio.ensure_future(self._prepare_and_open(playable))
            return
        self._start_watchdog()
        try:
            player.open(playable.request)
            player.play()
        except PlaybackError as exc:
            self._failover(Cause(FailureReason.REFUSED, detail=str(exc)))

    async def _prepare_and_open(self, playable: Playable) -> None:
        try:
            request = await self.opener.prepare(playable)
        except asyncio.CancelledError:
            raise
        except EpisodeNotInTorrent as exc:
            log.info("preparing %s failed: %s", playable.label, exc)
            self._failover(Cause(FailureReason.NO_EPISODE_FILE, detail=exc.episode))
            return
        except Exception as exc:
            log.info("preparing %s failed: %s", playable.label, exc)
            self._failover(Cause(FailureReason.NOT_PREPARED, detail=str(exc) or type(exc).__name__))
            return
        if self._current is not playable:
            return
        self._request = request
        self._start_watchdog()  # the first-frame clock starts once the torrent has a URL
        try:
            self._ensure_player().open(request)
            self._ensure_player().play()
        except PlaybackError as exc:
            self._failover(Cause(FailureReason.REFUSED, detail=str(exc)))
            return
        self.opener.follow(self._playing_ms)  # the torrent engine follows the picture

    def _playing_ms(self) -> int | None:
        """The player's time once it plays, for the torrent engine (None while opening)."""
        if self._player is None or self._request is None or self.state == PlaybackState.OPENING:
            return None
        return self._player.time_ms()

    def set_quality(self, variant: Variant | None) -> None:
        """Switch to one HLS variant (or back to Auto = the master) at the current position."""
        if self._request is None:
            return
        target = self._quality.target(variant)
        if target is None:
            return
        position = self.position_ms()
        self.save_now()
        self._ensure_player().stop()
        self._open(target, position)

    def toggle_pause(self) -> None:
        if self.state == PlaybackState.PLAYING:
            self.pause()
        elif self.state in (PlaybackState.PAUSED, PlaybackState.OPENING):
            self.resume()

    def pause(self) -> None:
        if self._player is not None and self._request is not None:
            self._player.pause()
            self.save_now()

    def resume(self) -> None:
        if self._player is not None and self._request is not None:
            self._player.resume()

    def seek(self, ms: int) -> None:
        if self._player is not None and self._request is not None:
            length = self.length_ms()
            target = max(0, min(ms, length - 500)) if length else max(0, ms)
            self._player.seek(target)
            self._last_position = target
            self.opener.set_playback_time(target / 1000)

    def skip_ranges(self) -> list[SkipRange]:
        """Intro/credits ranges of what plays, from its named chapters (none on other engines)."""
        engine = getattr(self._player, "media_player", None)
        if engine is None or self._request is None:
            return []
        return skip_ranges(vlc_chapters(engine))

    def position_ms(self) -> int:
        if self._player is not None and self._request is not None and self.state != PlaybackState.OPENING:
            t = self._player.time_ms()
            if t > 0:
                self._note_time(t)
        return self._last_position

    def _note_time(self, t: int) -> None:
        if t > (self._request.start_ms if self._request is not None else 0):
            self._advanced = True
            self._saver.started()  # it plays: the history entry starts (once)
        self._last_position = t

    def length_ms(self) -> int:
        if self._player is not None and self._request is not None:
            length = self._player.length_ms()
            if length > 0:
                self._length = length
        return self._length

    def save_now(self, ended: bool = False) -> None:
        """Write the current position (and the history entry) to the database."""
        request = self._request
        if request is None or (self._current is not None and self._current.live):
            return
        self._saver.save(request, self.position_ms(), self.length_ms() or None, ended)

    def stop(self) -> None:
        """Save and stop the current session (the player stays for the next one)."""
        if self._request is None:
            return
        if self.state != PlaybackState.ERROR:
            self.save_now(ended=self.state == PlaybackState.ENDED)
        self._saver.end(self._last_position, self._length or None)
        for task in (self._watchdog, self._preparing):
            self._cancel(task)
        self._watchdog = self._preparing = None
        self._quality.cancel()
        if self._player is not None:
            self._player.stop()
        self._request = None
        self._current = None
        self._fallbacks = []
        self.state = PlaybackState.IDLE
        if self.opener.handle is not None:
            self._releasing = asyncio.ensure_future(self.opener.release())

    def close(self) -> None:
        self.stop()
        if self._player is not None:
            self._player.release()
            self._player = None

    async def aclose(self) -> None:
        """Close and shut the torrent engine down, if one was started."""
        self.close()
        await self.opener.shutdown()

    # -- internals ----------------------------------------------------------------------------
    @staticmethod
    def _cancel(task: asyncio.Task[None] | None) -> None:
        if task is not None and not task.done():
            task.cancel()

    def _sample(self) -> Sample:
        time_ms = self._player.time_ms() if self._player is not None else 0
        if time_ms > 0 and self.state in (PlaybackState.PLAYING, PlaybackState.PAUSED):
            self._note_time(time_ms)
        return Sample(
            finished=self.state in (PlaybackState.ENDED, PlaybackState.ERROR, PlaybackState.IDLE),
            paused=self.state == PlaybackState.PAUSED,
            playing=self.state == PlaybackState.PLAYING,
            time_ms=time_ms,
            video_started=self.video_started,
        )

    def _start_watchdog(self) -> None:
        self._cancel(self._watchdog)
        first_frame_s = self._s.settings.first_frame_timeout_s
        self._watchdog = asyncio.ensure_future(
            watch(first_frame_s, self.stall_timeout_s, self._sample, self._failover)
        )

    def _failover(self, cause: Cause) -> None:
        """Switch to the next source at the same position, or end in an error."""
        failed = self._current
        position = self._last_position if self.state == PlaybackState.OPENING else self.position_ms()
        if self.video_started or (failed is not None and not failed.live):
            self.save_now()
        self._cancel(self._watchdog)
        label = failed.label if failed else ""
        if not self._fallbacks:
            self._fail(PlaybackFailure(cause, label, position))
            return
        following = self._fallbacks.pop(0)
        self.failure = PlaybackFailure(cause, label, position, following.label)
        log.warning("playback failover: %s", self.failure)
        if self._player is not None:
            self._player.stop()
        self._emit(PlayerEvent.FAILOVER, self.failure)
        self._quality.failed_over(following)
        self._open(following, position)

    def _fail(self, failure: PlaybackFailure) -> None:
        self.state = PlaybackState.ERROR
        self.failure = failure
        self._saver.stop_timer()
        self._cancel(self._watchdog)
        log.warning("playback failed: %s", failure)
        if self._player is not None:
            self._player.stop()
        self._emit(PlayerEvent.ERROR, failure)

    def _on_event(self, event: PlayerEvent, value: Any) -> None:
        if self._request is None and event not in (PlayerEvent.STOPPED,):
            return
        if self.state == PlaybackState.ERROR and event is not PlayerEvent.STOPPED:
            return
        if event is PlayerEvent.PLAYING:
            # libvlc says Playing once it opened, before any segment arrived: the history entry
            # waits for a picture or a moving clock (issue 19 item 1)
            self.state = PlaybackState.PLAYING
        elif event is PlayerEvent.PAUSED:
            self.state = PlaybackState.PAUSED
            self.save_now()
        elif event is PlayerEvent.VIDEO_STARTED:
            self.video_started = True
            self._saver.started()
        elif event is PlayerEvent.LENGTH and value:
            self._length = int(value)
            self.opener.set_duration(self._length / 1000)
        elif event is PlayerEvent.ENDED:
            # libvlc says Ended after a failed open, and after a playlist whose segments all
            # failed: only a decoded picture or a moving clock is a play (issue 19 item 1).
            self.position_ms()
            if not (self.video_started or self._advanced):
                self._failover(Cause(FailureReason.NOT_OPENED))
                return
            if self._current is not None and self._current.live:
                self._failover(Cause(FailureReason.LIVE_ENDED))
                return
            if early := self._ended_early():
                self._failover(Cause(FailureReason.ENDED_EARLY, detail=early))
                return
            self.state = PlaybackState.ENDED
            self.save_now(ended=True)
        elif event is PlayerEvent.ERROR:
            self._failover(Cause(FailureReason.CANNOT_PLAY))
            return
        self._emit(event, value)

    def _ended_early(self) -> str | None:
        """Where it ended when that is far before the known length (a broken stream, not the end)."""
        length, position = self.length_ms(), self._last_position
        if length <= 0 or position >= length * EARLY_END_FRACTION or length - position <= EARLY_END_MS:
            return None
        return f"{_clock(position)} / {_clock(length)}"  # words-free: the UI shows it as it is

    def _emit(self, event: PlayerEvent, value: Any) -> None:
        for listener in list(self._listeners):
            try:
                listener(event, value)
            except Exception:
                log.exception("playback listener failed")


def _clock(ms: int) -> str:
    seconds = max(0, ms) // 1000
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
