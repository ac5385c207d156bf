"""The libvlc backend: one media player embedded in a native window.

libvlc calls its event callbacks on its own threads; they only hand the event to the loop
through ``dispatch`` (``loop.call_soon_threadsafe``) and never call back into libvlc.
"""

from __future__ import annotations

import logging
import shlex
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import vlc

from app.domain.errors import PlaybackError
from app.domain.models import MediaRequest
from app.engines.playback.base import ADJUST_DEFAULTS, Listener, PlayerEvent, Track

log = logging.getLogger(__name__)

Dispatch = Callable[[Callable[[], None]], None]


def libvlc_version() -> str:
    raw = vlc.libvlc_get_version()
    return raw.decode() if isinstance(raw, bytes) else str(raw)


def make_instance(extra_args: Sequence[str] = ()) -> Any:
    args = ["--no-xlib", "--quiet", "--no-video-title-show", "--no-snapshot-preview", *extra_args]
    instance = vlc.Instance(args)
    if instance is None:
        raise PlaybackError("libvlc could not start (is VLC installed? see README)")
    return instance


def _is_loopback(location: str) -> bool:
    host = location.split("://", 1)[-1].split("/", 1)[0].rsplit("@", 1)[-1]
    return host.startswith(("127.", "localhost", "[::1]"))


def media_options(location: str) -> list[str]:
    """Per-media libvlc options for where the stream comes from.

    Loopback (our torrent stream server, local tests) needs little buffer; the internet more.
    Loopback also gets a small read-ahead: VLC's prefetch filter (16 MiB by default) reads ahead
    in a thread, and a seek waits until that thread's read returns. Against a torrent that is
    still downloading the read waits for the first missing piece, so every seek (and the jump to
    an MP4's index at the end) waited for data the player no longer wanted. With 1 MiB the
    buffer is usually full, the thread idle, and a seek goes out at once (docs/notes/5.md).
    """
    if _is_loopback(location):
        return [":network-caching=300", ":prefetch-buffer-size=1024", ":prefetch-read-size=65536"]
    return [":network-caching=1000"]


def _name(raw: Any) -> str:
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)


def _tracks(description: Any) -> list[Track]:
    return [Track(int(track_id), _name(name)) for track_id, name in (description or [])]


def _attach_window(player: Any, window_id: int) -> None:
    if sys.platform.startswith("linux"):
        player.set_xwindow(window_id)
    elif sys.platform == "win32":
        player.set_hwnd(window_id)
    elif sys.platform == "darwin":
        player.set_nsobject(window_id)


def _mrl(location: str) -> str:
    if "://" in location:
        return location
    return Path(location).expanduser().resolve().as_uri()


class VlcPlayer:
    """A Player over python-vlc. Create and drive it from the loop thread only."""

    def __init__(self, dispatch: Dispatch, listener: Listener, extra_args: str | Sequence[str] = "") -> None:
        args = shlex.split(extra_args) if isinstance(extra_args, str) else list(extra_args)
        self._instance = make_instance(args)
        self._dispatch = dispatch
        self._listener = listener
        self._window_id: int | None = None
        self._released = False
        self._generation = 0
        self._volume = 100
        self._muted = False
        self._disposing: list[threading.Thread] = []
        self._adjust: dict[str, float] = {}
        self._aspect: str | None = None
        self._crop: str | None = None
        self._player = self._new_player()

    def _new_player(self) -> Any:
        """A fresh libvlc media player with our events; old players' events are ignored."""
        player = self._instance.media_player_new()
        player.video_set_mouse_input(False)
        player.video_set_key_input(False)
        self._generation += 1
        gen = self._generation
        events = player.event_manager()
        mapping = {
            vlc.EventType.MediaPlayerOpening: PlayerEvent.OPENING,
            vlc.EventType.MediaPlayerPlaying: PlayerEvent.PLAYING,
            vlc.EventType.MediaPlayerPaused: PlayerEvent.PAUSED,
            vlc.EventType.MediaPlayerStopped: PlayerEvent.STOPPED,
            vlc.EventType.MediaPlayerEndReached: PlayerEvent.ENDED,
            vlc.EventType.MediaPlayerEncounteredError: PlayerEvent.ERROR,
            vlc.EventType.MediaPlayerVout: PlayerEvent.VIDEO_STARTED,
            vlc.EventType.MediaPlayerESAdded: PlayerEvent.TRACKS,
            vlc.EventType.MediaPlayerESDeleted: PlayerEvent.TRACKS,
            vlc.EventType.MediaPlayerESSelected: PlayerEvent.TRACKS,
        }
        for vlc_event, ours in mapping.items():
            events.event_attach(vlc_event, self._forward, ours, gen)
        events.event_attach(vlc.EventType.MediaPlayerLengthChanged, self._forward_length, gen)
        events.event_attach(vlc.EventType.MediaPlayerBuffering, self._forward_buffering, gen)
        if self._window_id is not None:
            _attach_window(player, self._window_id)
        player.audio_set_volume(self._volume)
        # The picture settings belong to the player object: carry them to the fresh one.
        if self._adjust:
            player.video_set_adjust_int(vlc.VideoAdjustOption.Enable, 1)
            for name, value in self._adjust.items():
                player.video_set_adjust_float(_ADJUST_OPTIONS[name], value)
        if self._aspect:
            player.video_set_aspect_ratio(self._aspect)
        if self._crop:
            player.video_set_crop_geometry(self._crop)
        return player

    # -- libvlc threads: hand over and return at once --------------------------------------
    def _forward(self, event: Any, ours: PlayerEvent, gen: int) -> None:
        if ours is PlayerEvent.VIDEO_STARTED and event.u.new_count <= 0:
            return
        self._dispatch(lambda: self._deliver(gen, ours, None))

    def _forward_length(self, event: Any, gen: int) -> None:
        length = int(event.u.new_length)
        self._dispatch(lambda: self._deliver(gen, PlayerEvent.LENGTH, length))

    def _forward_buffering(self, event: Any, gen: int) -> None:
        cache = float(event.u.new_cache)
        self._dispatch(lambda: self._deliver(gen, PlayerEvent.BUFFERING, cache))

    def _deliver(self, gen: int, event: PlayerEvent, value: Any) -> None:
        if not self._released and gen == self._generation:
            self._listener(event, value)

    # -- the Player protocol -------------------------------------------------------------
    def set_window(self, window_id: int) -> None:
        self._window_id = window_id
        _attach_window(self._player, window_id)

    def open(self, request: MediaRequest) -> None:
        options = media_options(request.location)
        if request.start_ms > 0:
            options.append(f":start-time={request.start_ms / 1000:.3f}")
        for name, value in request.headers.items():
            key = name.lower()
            if key == "user-agent":
                options.append(f":http-user-agent={value}")
            elif key in ("referer", "referrer"):
                options.append(f":http-referrer={value}")
        media = self._instance.media_new(_mrl(request.location), *options)
        if media is None:
            raise PlaybackError(f"cannot open {request.location}")
        self._player.set_media(media)
        media.release()

    def play(self) -> None:
        if self._player.play() != 0:
            raise PlaybackError("libvlc refused to start playback")

    def pause(self) -> None:
        self._player.set_pause(1)

    def resume(self) -> None:
        self._player.set_pause(0)

    def stop(self) -> None:
        """Stop at once: libvlc's stop() waits for the input thread, which can hang for as long
        as a stalled server keeps a read open, so the old player is stopped on a worker thread
        and a fresh one takes its place."""
        old, self._player = self._player, self._new_player()
        old_rate = old.get_rate()
        if old_rate > 0:
            self._player.set_rate(old_rate)
        self._player.audio_set_mute(self._muted)
        self._dispose(old)

    def _dispose(self, player: Any) -> None:
        def run() -> None:
            player.stop()
            player.release()

        thread = threading.Thread(target=run, name="vlc-stop", daemon=True)
        thread.start()
        self._disposing = [t for t in self._disposing if t.is_alive()] + [thread]

    def seek(self, ms: int) -> None:
        self._player.set_time(max(0, int(ms)))

    def time_ms(self) -> int:
        return max(0, int(self._player.get_time()))

    @property
    def media_player(self) -> Any:
        """The libvlc media player (read-only uses such as its chapter list)."""
        return self._player

    def length_ms(self) -> int:
        return max(0, int(self._player.get_length()))

    def is_playing(self) -> bool:
        return bool(self._player.is_playing())

    def volume(self) -> int:
        return int(self._player.audio_get_volume())

    def set_volume(self, volume: int) -> None:
        self._volume = max(0, min(200, int(volume)))
        self._player.audio_set_volume(self._volume)

    def set_muted(self, muted: bool) -> None:
        self._muted = bool(muted)
        self._player.audio_set_mute(self._muted)

    def is_muted(self) -> bool:
        return bool(self._player.audio_get_mute())

    # -- tracks, subtitles, speed and picture ---------------------------------------------
    def audio_tracks(self) -> list[Track]:
        return _tracks(self._player.audio_get_track_description())

    def audio_track(self) -> int:
        return int(self._player.audio_get_track())

    def set_audio_track(self, track_id: int) -> None:
        self._player.audio_set_track(int(track_id))

    def subtitle_tracks(self) -> list[Track]:
        return _tracks(self._player.video_get_spu_description())

    def subtitle_track(self) -> int:
        return int(self._player.video_get_spu())

    def set_subtitle_track(self, track_id: int) -> None:
        self._player.video_set_spu(int(track_id))

    def add_subtitle(self, path: str) -> bool:
        """Load a subtitle file next to the playing media and select it."""
        return bool(self._player.add_slave(vlc.MediaSlaveType.subtitle, _mrl(path), True) == 0)

    def set_subtitle_delay(self, ms: int) -> None:
        self._player.video_set_spu_delay(int(ms) * 1000)

    def subtitle_delay(self) -> int:
        return int(self._player.video_get_spu_delay()) // 1000

    def set_audio_delay(self, ms: int) -> None:
        self._player.audio_set_delay(int(ms) * 1000)

    def audio_delay(self) -> int:
        return int(self._player.audio_get_delay()) // 1000

    def set_rate(self, rate: float) -> None:
        self._player.set_rate(float(rate))

    def rate(self) -> float:
        return float(self._player.get_rate())

    def set_adjust(self, name: str, value: float) -> None:
        option = _ADJUST_OPTIONS[name]
        self._adjust[name] = float(value)
        self._player.video_set_adjust_int(vlc.VideoAdjustOption.Enable, 1)
        self._player.video_set_adjust_float(option, float(value))

    def set_aspect(self, aspect: str | None) -> None:
        self._aspect = aspect or None
        self._player.video_set_aspect_ratio(aspect or None)

    def set_crop(self, crop: str | None) -> None:
        self._crop = crop or None
        self._player.video_set_crop_geometry(crop or None)

    def snapshot(self, path: str) -> bool:
        """Save the current picture as PNG (blocks up to a few hundred ms: call off the loop)."""
        return bool(self._player.video_take_snapshot(0, path, 0, 0) == 0)

    def release(self) -> None:
        if self._released:
            return
        self._released = True
        player, instance, pending = self._player, self._instance, self._disposing

        def run() -> None:
            player.stop()
            player.release()
            for thread in pending:
                thread.join(5)
            if not any(t.is_alive() for t in pending):
                instance.release()  # a player stuck on a dead server keeps the instance alive

        thread = threading.Thread(target=run, name="vlc-release", daemon=True)
        thread.start()
        thread.join(2)  # normally quick; never hold the loop on a stuck stream


_ADJUST_OPTIONS = {
    "brightness": vlc.VideoAdjustOption.Brightness,
    "contrast": vlc.VideoAdjustOption.Contrast,
    "saturation": vlc.VideoAdjustOption.Saturation,
    "hue": vlc.VideoAdjustOption.Hue,
    "gamma": vlc.VideoAdjustOption.Gamma,
}
assert set(_ADJUST_OPTIONS) == set(ADJUST_DEFAULTS)
