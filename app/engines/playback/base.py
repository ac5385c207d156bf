"""The Player protocol the playback service drives, and the events a backend reports."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any, NamedTuple, Protocol

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
    TRACKS = "tracks"  # an elementary stream was added, removed or selected
    # Raised by the playback service, not by backends:
    FAILOVER = "failover"  # value: the message shown while switching to the next source
    SOURCE = "source"  # value: the label of the source now opening


class Track(NamedTuple):
    """An audio or subtitle track as libvlc describes it; id -1 means "off"."""

    id: int
    name: str


# Picture adjustments and their neutral values (libvlc's adjust filter ranges).
ADJUST_DEFAULTS: dict[str, float] = {
    "brightness": 1.0,  # 0..2
    "contrast": 1.0,  # 0..2
    "saturation": 1.0,  # 0..3
    "hue": 0.0,  # -180..180 degrees
    "gamma": 1.0,  # 0.01..10
}


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

    # -- tracks, subtitles, speed and picture ---------------------------------------------
    def audio_tracks(self) -> list[Track]: ...

    def audio_track(self) -> int: ...

    def set_audio_track(self, track_id: int) -> None: ...

    def subtitle_tracks(self) -> list[Track]: ...

    def subtitle_track(self) -> int: ...

    def set_subtitle_track(self, track_id: int) -> None: ...

    def add_subtitle(self, path: str) -> bool: ...

    def set_subtitle_delay(self, ms: int) -> None: ...

    def subtitle_delay(self) -> int: ...

    def set_audio_delay(self, ms: int) -> None: ...

    def audio_delay(self) -> int: ...

    def set_rate(self, rate: float) -> None: ...

    def rate(self) -> float: ...

    def set_adjust(self, name: str, value: float) -> None: ...

    def set_aspect(self, aspect: str | None) -> None: ...

    def set_crop(self, crop: str | None) -> None: ...

    def snapshot(self, path: str) -> bool: ...

    def release(self) -> None: ...
