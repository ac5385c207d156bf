"""What the player page can change during playback: volume, tracks, subtitles, speed, picture."""

from __future__ import annotations

from app.core.tasks import run_blocking
from app.engines.playback.base import ADJUST_DEFAULTS, Player, Track

__all__ = ["ADJUST_DEFAULTS", "PlayerControls", "Track"]

SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


class PlayerControls:
    """Thin, safe pass-throughs to the current Player (no-ops while there is none)."""

    def __init__(self) -> None:
        self._player: Player | None = None
        self.adjustments: dict[str, float] = dict(ADJUST_DEFAULTS)
        self.aspect: str | None = None
        self.crop: str | None = None

    def set_volume(self, volume: int) -> None:
        if self._player is not None:
            self._player.set_volume(volume)

    def volume(self) -> int:
        return self._player.volume() if self._player is not None else 100

    def set_muted(self, muted: bool) -> None:
        if self._player is not None:
            self._player.set_muted(muted)

    def is_muted(self) -> bool:
        return self._player.is_muted() if self._player is not None else False

    def audio_tracks(self) -> list[Track]:
        return self._player.audio_tracks() if self._player is not None else []

    def audio_track(self) -> int:
        return self._player.audio_track() if self._player is not None else -1

    def set_audio_track(self, track_id: int) -> None:
        if self._player is not None:
            self._player.set_audio_track(track_id)

    def subtitle_tracks(self) -> list[Track]:
        return self._player.subtitle_tracks() if self._player is not None else []

    def subtitle_track(self) -> int:
        return self._player.subtitle_track() if self._player is not None else -1

    def set_subtitle_track(self, track_id: int) -> None:
        if self._player is not None:
            self._player.set_subtitle_track(track_id)

    def add_subtitle(self, path: str) -> bool:
        return self._player.add_subtitle(path) if self._player is not None else False

    def subtitle_delay(self) -> int:
        return self._player.subtitle_delay() if self._player is not None else 0

    def set_subtitle_delay(self, ms: int) -> None:
        if self._player is not None:
            self._player.set_subtitle_delay(ms)

    def audio_delay(self) -> int:
        return self._player.audio_delay() if self._player is not None else 0

    def set_audio_delay(self, ms: int) -> None:
        if self._player is not None:
            self._player.set_audio_delay(ms)

    def rate(self) -> float:
        return self._player.rate() if self._player is not None else 1.0

    def set_rate(self, rate: float) -> None:
        if self._player is not None:
            self._player.set_rate(max(0.25, min(4.0, rate)))

    def step_rate(self, direction: int) -> float:
        """The next speed up (1) or down (-1) in SPEEDS, as [ and ] do in mpv."""
        current = self.rate()
        if direction > 0:
            nxt = next((s for s in SPEEDS if s > current + 1e-6), SPEEDS[-1])
        else:
            nxt = next((s for s in reversed(SPEEDS) if s < current - 1e-6), SPEEDS[0])
        self.set_rate(nxt)
        return nxt

    def set_adjust(self, name: str, value: float) -> None:
        self.adjustments[name] = value
        if self._player is not None:
            self._player.set_adjust(name, value)

    def reset_adjust(self) -> None:
        for name, value in ADJUST_DEFAULTS.items():
            self.set_adjust(name, value)

    def set_aspect(self, aspect: str | None) -> None:
        self.aspect = aspect
        if self._player is not None:
            self._player.set_aspect(aspect)

    def set_crop(self, crop: str | None) -> None:
        self.crop = crop
        if self._player is not None:
            self._player.set_crop(crop)

    async def snapshot(self, path: str) -> bool:
        """Save the current picture (libvlc waits for the video thread: off the loop)."""
        player = self._player
        if player is None:
            return False
        return await run_blocking(player.snapshot, path)
