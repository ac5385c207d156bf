"""A scriptable Player for service tests: time moves when the test says so."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.domain.models import MediaRequest
from app.engines.playback.base import Listener, PlayerEvent


class FakePlayer:
    def __init__(self, dispatch: Callable[[Callable[[], None]], None], listener: Listener) -> None:
        self.dispatch = dispatch
        self.listener = listener
        self.request: MediaRequest | None = None
        self.time = 0
        self.length = 0
        self.playing = False
        self.window: int | None = None
        self.calls: list[str] = []
        self._volume = 100
        self._muted = False
        self.released = False

    # test controls: events arrive through dispatch, like libvlc's threads do
    def emit(self, event: PlayerEvent, value: Any = None) -> None:
        self.dispatch(lambda: self.listener(event, value))

    def set_window(self, window_id: int) -> None:
        self.window = window_id

    def open(self, request: MediaRequest) -> None:
        self.request = request
        self.time = request.start_ms
        self.calls.append("open")

    def play(self) -> None:
        self.playing = True
        self.calls.append("play")

    def pause(self) -> None:
        self.playing = False
        self.calls.append("pause")
        self.emit(PlayerEvent.PAUSED)

    def resume(self) -> None:
        self.playing = True
        self.calls.append("resume")
        self.emit(PlayerEvent.PLAYING)

    def stop(self) -> None:
        self.playing = False
        self.calls.append("stop")

    def seek(self, ms: int) -> None:
        self.time = ms

    def time_ms(self) -> int:
        return self.time

    def length_ms(self) -> int:
        return self.length

    def is_playing(self) -> bool:
        return self.playing

    def volume(self) -> int:
        return self._volume

    def set_volume(self, volume: int) -> None:
        self._volume = volume

    def set_muted(self, muted: bool) -> None:
        self._muted = muted

    def is_muted(self) -> bool:
        return self._muted

    def release(self) -> None:
        self.released = True
