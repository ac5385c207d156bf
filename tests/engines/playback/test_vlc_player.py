"""The libvlc backend with the real libvlc (dummy outputs): events, tracks, subtitles, delays, rate."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from app.domain.models import MediaRequest
from app.engines.playback.base import PlayerEvent
from app.engines.playback.vlc_player import VlcPlayer

ARGS = "--vout=dummy --aout=dummy"


async def until(predicate: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.05)


def make_player() -> tuple[VlcPlayer, list[PlayerEvent]]:
    loop = asyncio.get_running_loop()
    events: list[PlayerEvent] = []

    def dispatch(fn: Callable[[], None]) -> None:
        loop.call_soon_threadsafe(fn)

    return VlcPlayer(dispatch, lambda e, _v: events.append(e), ARGS), events


def request(path: Path | str, start_ms: int = 0) -> MediaRequest:
    return MediaRequest(location=str(path), item_key="media:x", label="x", start_ms=start_ms)


@pytest.mark.asyncio
async def test_two_audio_tracks_and_the_srt_beside(media) -> None:
    player, events = make_player()
    try:
        player.open(request(media["two"]))
        player.play()
        await until(lambda: PlayerEvent.PLAYING in events and len(player.audio_tracks()) == 3)
        audio = player.audio_tracks()
        assert audio[0].id == -1 and "Russian" in audio[2].name  # names decoded from bytes
        player.set_audio_track(audio[2].id)
        await until(lambda: player.audio_track() == audio[2].id)
        await until(lambda: len(player.subtitle_tracks()) == 2)  # the .srt beside the file
        assert player.subtitle_track() == player.subtitle_tracks()[1].id
        assert PlayerEvent.TRACKS in events
        # a subtitle file loaded by hand is added and selected
        assert player.add_subtitle(str(media["extra"]))
        await until(lambda: len(player.subtitle_tracks()) == 3)
        await until(lambda: player.subtitle_track() == player.subtitle_tracks()[-1].id)
        player.set_subtitle_track(-1)
        await until(lambda: player.subtitle_track() == -1)
        # delays, speed, picture, aspect and crop are accepted and read back
        player.set_subtitle_delay(-500)
        player.set_audio_delay(250)
        assert (player.subtitle_delay(), player.audio_delay()) == (-500, 250)
        player.set_rate(1.5)
        assert player.rate() == pytest.approx(1.5)
        for name, value in (
            ("brightness", 1.3),
            ("contrast", 1.2),
            ("saturation", 0.5),
            ("hue", 30),
            ("gamma", 1.5),
        ):
            player.set_adjust(name, value)
        player.set_aspect("16:9")
        player.set_crop("4:3")
        t0 = player.time_ms()
        await asyncio.sleep(0.5)
        assert player.time_ms() > t0  # still playing after all that
        # a stop swaps in a fresh libvlc player: rate and picture settings come along
        player.stop()
        assert player._player.get_rate() == pytest.approx(1.5)
        assert player._player.video_get_adjust_float(1) == pytest.approx(1.2)  # contrast
        assert player._player.video_get_aspect_ratio() == "16:9"
        player.set_aspect(None)
        player.set_crop(None)
    finally:
        player.release()


@pytest.mark.asyncio
async def test_mkv_with_embedded_subtitles_and_start_time(media) -> None:
    player, events = make_player()
    try:
        player.open(request(media["mkv"], start_ms=4000))
        player.play()
        await until(lambda: PlayerEvent.PLAYING in events)
        await until(lambda: any("Russian" in t.name for t in player.subtitle_tracks()))
        spu = next(t for t in player.subtitle_tracks() if "Russian" in t.name)
        player.set_subtitle_track(spu.id)
        await until(lambda: player.subtitle_track() == spu.id)
        await until(lambda: player.time_ms() > 0)
        assert player.time_ms() >= 3500  # started near 4 s, not at 0
        await until(lambda: player.length_ms() > 9000)
    finally:
        player.release()


@pytest.mark.asyncio
async def test_a_dead_url_reports_an_error_event(media) -> None:
    player, events = make_player()
    try:
        player.open(request("http://127.0.0.1:9/nothing.mp4"))
        player.play()
        await until(lambda: PlayerEvent.ERROR in events)
        assert PlayerEvent.PLAYING not in events
    finally:
        player.release()
