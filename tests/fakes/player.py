"""A scriptable Player for service tests: time moves when the test says so."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.domain.models import MediaRequest
from app.engines.playback.base import Listener, PlayerEvent, Track


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
        self.audio = [Track(-1, "Disable"), Track(1, "Track 1 - [English]"), Track(2, "Track 2 - [Russian]")]
        self.spus = [Track(-1, "Disable")]
        self.audio_id = 1
        self.spu_id = -1
        self.delays = {"audio": 0, "subtitle": 0}
        self.speed = 1.0
        self.adjust: dict[str, float] = {}
        self.aspect: str | None = None
        self.crop: str | None = None
        self.opened: list[MediaRequest] = []

    # test controls: events arrive through dispatch, like libvlc's threads do
    def emit(self, event: PlayerEvent, value: Any = None) -> None:
        self.dispatch(lambda: self.listener(event, value))

    def set_window(self, window_id: int) -> None:
        self.window = window_id

    def open(self, request: MediaRequest) -> None:
        self.request = request
        self.opened.append(request)
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

    def audio_tracks(self) -> list[Track]:
        return list(self.audio)

    def audio_track(self) -> int:
        return self.audio_id

    def set_audio_track(self, track_id: int) -> None:
        self.audio_id = track_id

    def subtitle_tracks(self) -> list[Track]:
        return list(self.spus)

    def subtitle_track(self) -> int:
        return self.spu_id

    def set_subtitle_track(self, track_id: int) -> None:
        self.spu_id = track_id

    def add_subtitle(self, path: str) -> bool:
        new_id = max(t.id for t in self.spus) + 1
        self.spus.append(Track(new_id, path.rsplit("/", 1)[-1]))
        self.spu_id = new_id
        return True

    def set_subtitle_delay(self, ms: int) -> None:
        self.delays["subtitle"] = ms

    def subtitle_delay(self) -> int:
        return self.delays["subtitle"]

    def set_audio_delay(self, ms: int) -> None:
        self.delays["audio"] = ms

    def audio_delay(self) -> int:
        return self.delays["audio"]

    def set_rate(self, rate: float) -> None:
        self.speed = rate

    def rate(self) -> float:
        return self.speed

    def set_adjust(self, name: str, value: float) -> None:
        self.adjust[name] = value

    def set_aspect(self, aspect: str | None) -> None:
        self.aspect = aspect

    def set_crop(self, crop: str | None) -> None:
        self.crop = crop

    def snapshot(self, path: str) -> bool:
        with open(path, "wb") as out:
            out.write(b"\x89PNG fake")
        return True

    def release(self) -> None:
        self.released = True
