"""The Player protocol the playback service drives, and the events a backend reports."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any, Protocol

from app.domain.models import MediaRequest


class PlayerEvent(StrEnum):
    OPENING = "opening"
    BUFFERING = "buffering"
    PLAYING = "playing"
    PAUSED = "paused"
    STOPPED = "stopped"
    ENDED = "ended"
    ERROR = "error"
    VIDEO_STARTED = "video_started"  # first picture out (MediaPlayerVout)
    LENGTH = "length"


# (event, value) — delivered on the asyncio loop, never on a libvlc thread.
Listener = Callable[[PlayerEvent, Any], None]


class Player(Protocol):
    def set_window(self, window_id: int) -> None: ...

    def open(self, request: MediaRequest) -> None: ...

    def play(self) -> None: ...

    def pause(self) -> None: ...

    def resume(self) -> None: ...

    def stop(self) -> None: ...

    def seek(self, ms: int) -> None: ...

    def time_ms(self) -> int: ...

    def length_ms(self) -> int: ...

    def is_playing(self) -> bool: ...

    def volume(self) -> int: ...

    def set_volume(self, volume: int) -> None: ...

    def set_muted(self, muted: bool) -> None: ...

    def is_muted(self) -> bool: ...

    def release(self) -> None: ...
