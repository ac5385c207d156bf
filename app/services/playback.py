"""Playback sessions: drive a Player, remember where the user stopped, keep history.

Progress is saved every ``settings.progress_interval_s`` seconds while playing and on pause,
stop, source switch and close, so a killed app loses at most that interval.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from enum import StrEnum
from typing import Any

from app.domain.errors import PlaybackError
from app.domain.models import MediaRequest
from app.engines.playback.base import Listener, Player, PlayerEvent

__all__ = ["PlaybackService", "PlaybackState", "PlayerEvent"]
from app.services.container import Services
from app.services.library import LibraryService

log = logging.getLogger(__name__)

PlayerFactory = Callable[[Callable[[Callable[[], None]], None], Listener], Player]


class PlaybackState(StrEnum):
    IDLE = "idle"
    OPENING = "opening"
    PLAYING = "playing"
    PAUSED = "paused"
    ENDED = "ended"
    ERROR = "error"


def default_player_factory(services: Services) -> PlayerFactory:
    def make(dispatch: Callable[[Callable[[], None]], None], listener: Listener) -> Player:
        from app.engines.playback.vlc_player import VlcPlayer

        return VlcPlayer(dispatch, listener, services.settings.vlc_args)

    return make


class PlaybackService:
    """One playback session at a time. Call it from the loop thread."""

    def __init__(
        self, services: Services, library: LibraryService, factory: PlayerFactory | None = None
    ) -> None:
        self._s = services
        self._library = library
        self._factory = factory or default_player_factory(services)
        self._player: Player | None = None
        self._listeners: list[Listener] = []
        self._request: MediaRequest | None = None
        self._history_id: int | None = None
        self._saver: asyncio.Task[None] | None = None
        self._view_counted = False
        self._last_position = 0
        self._length = 0
        self.state = PlaybackState.IDLE
        self.error: str | None = None
        self.video_started = False

    # -- wiring ----------------------------------------------------------------------------
    def add_listener(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _ensure_player(self) -> Player:
        if self._player is None:
            loop = asyncio.get_running_loop()

            def dispatch(fn: Callable[[], None]) -> None:
                if not loop.is_closed():
                    loop.call_soon_threadsafe(fn)

            self._player = self._factory(dispatch, self._on_event)
        return self._player

    @property
    def request(self) -> MediaRequest | None:
        return self._request

    # -- commands --------------------------------------------------------------------------
    def start(self, request: MediaRequest, window_id: int | None = None) -> None:
        """Open ``request`` (from ``request.start_ms``) and start saving progress."""
        if self._request is not None:
            self.stop()
        player = self._ensure_player()
        if window_id:
            player.set_window(window_id)
        self._request = request
        self._view_counted = False
        self._last_position = request.start_ms
        self._length = 0
        self.error = None
        self.video_started = False
        self.state = PlaybackState.OPENING
        self._history_id = self._library.start_history(
            request.item_key, request.title_id, request.label, request.location
        )
        try:
            player.open(request)
            player.play()
        except PlaybackError as exc:
            self._fail(str(exc))
            return
        self._saver = asyncio.ensure_future(self._save_periodically())

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

    def set_volume(self, volume: int) -> None:
        if self._player is not None:
            self._player.set_volume(volume)

    def volume(self) -> int:
        return self._player.volume() if self._player is not None else 100

    def position_ms(self) -> int:
        if self._player is not None and self._request is not None:
            t = self._player.time_ms()
            if t > 0:
                self._last_position = t
        return self._last_position

    def length_ms(self) -> int:
        if self._player is not None and self._request is not None:
            length = self._player.length_ms()
            if length > 0:
                self._length = length
        return self._length

    def save_now(self, ended: bool = False) -> None:
        """Write the current position (and the history entry) to the database."""
        request = self._request
        if request is None:
            return
        position = self.position_ms()
        length = self.length_ms() or None
        watched: bool | None = None
        if length:
            fraction_left = (length - position) / length
            if ended or position >= length * self._s.settings.watched_fraction or fraction_left <= 0.05:
                watched = True
        if ended and length:
            position = length
        count = not self._view_counted and (position > 0 or ended)
        try:
            self._library.save_progress(
                request.item_key,
                position,
                length,
                title_id=request.title_id,
                watched=watched,
                count_view=count,
            )
            if count:
                self._view_counted = True
            if self._history_id is not None:
                self._library.update_history(self._history_id, position, length, ended=ended)
        except Exception:
            log.exception("saving progress failed")

    def stop(self) -> None:
        """Save and stop the current session (the player stays for the next one)."""
        if self._request is None:
            return
        self.save_now(ended=self.state == PlaybackState.ENDED)
        if self._history_id is not None:
            self._library.update_history(
                self._history_id, self._last_position, self._length or None, ended=True
            )
        self._cancel_saver()
        if self._player is not None:
            self._player.stop()
        self._request = None
        self._history_id = None
        self.state = PlaybackState.IDLE

    def close(self) -> None:
        self.stop()
        if self._player is not None:
            self._player.release()
            self._player = None

    # -- internals ----------------------------------------------------------------------------
    def _cancel_saver(self) -> None:
        if self._saver is not None:
            self._saver.cancel()
            self._saver = None

    async def _save_periodically(self) -> None:
        interval = self._s.settings.progress_interval_s
        while True:
            await asyncio.sleep(interval)
            if self.state in (PlaybackState.PLAYING, PlaybackState.OPENING):
                self.save_now()

    def _fail(self, message: str) -> None:
        self.state = PlaybackState.ERROR
        self.error = message
        self._cancel_saver()
        log.warning("playback failed: %s", message)
        self._emit(PlayerEvent.ERROR, message)

    def _on_event(self, event: PlayerEvent, value: Any) -> None:
        if self._request is None and event not in (PlayerEvent.STOPPED,):
            return
        if event is PlayerEvent.PLAYING:
            self.state = PlaybackState.PLAYING
        elif event is PlayerEvent.PAUSED:
            self.state = PlaybackState.PAUSED
            self.save_now()
        elif event is PlayerEvent.VIDEO_STARTED:
            self.video_started = True
        elif event is PlayerEvent.LENGTH and value:
            self._length = int(value)
        elif event is PlayerEvent.ENDED:
            # libvlc says Ended after a failed open too: only a played item counts as finished.
            if self.state == PlaybackState.ERROR:
                return
            if self._length and self._last_position > 0:
                self.state = PlaybackState.ENDED
                self.save_now(ended=True)
            else:
                self._fail(self.error or "the source could not be played")
                return
        elif event is PlayerEvent.ERROR:
            self._fail(f"cannot play {self._request.label if self._request else ''}".strip())
            return
        self._emit(event, value)

    def _emit(self, event: PlayerEvent, value: Any) -> None:
        for listener in list(self._listeners):
            try:
                listener(event, value)
            except Exception:
                log.exception("playback listener failed")
