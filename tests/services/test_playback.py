"""The playback service saves progress on a schedule and on pause/stop, and handles errors."""

from __future__ import annotations

import asyncio

import pytest

from app.domain.models import MediaRequest
from app.engines.playback.base import PlayerEvent
from app.services.library.progress import LibraryService
from app.services.playback.session import PlaybackService, PlaybackState
from tests.fakes.player import FakePlayer


def make(services, interval: float = 0.05) -> tuple[PlaybackService, list[FakePlayer], LibraryService]:
    services.settings = services.settings.model_copy(update={"progress_interval_s": interval})
    players: list[FakePlayer] = []

    def factory(dispatch, listener):
        players.append(FakePlayer(dispatch, listener))
        return players[-1]

    lib = LibraryService(services)
    return PlaybackService(services, lib, factory), players, lib


REQ = MediaRequest(
    location="/tmp/film.mp4", item_key="tmdb:movie:19", label="Метрополис", title_id="tmdb:movie:19"
)


@pytest.mark.asyncio
async def test_progress_saved_periodically_while_playing(services) -> None:
    pb, players, lib = make(services)
    pb.start(REQ, window_id=77)
    player = players[0]
    assert player.window == 77 and player.calls[:2] == ["open", "play"]
    player.length = 600_000
    player.emit(PlayerEvent.PLAYING)
    player.time = 12_000
    await asyncio.sleep(0.2)
    assert lib.progress(REQ.item_key).position_ms == 12_000
    player.time = 15_000
    await asyncio.sleep(0.2)
    saved = lib.progress(REQ.item_key)
    assert saved.position_ms == 15_000 and saved.duration_ms == 600_000
    assert saved.view_count == 1  # once per play, however many saves
    pb.close()


@pytest.mark.asyncio
async def test_pause_and_stop_save_and_close_history(services) -> None:
    pb, players, lib = make(services, interval=60)
    pb.start(REQ)
    player = players[0]
    player.length = 100_000
    player.emit(PlayerEvent.PLAYING)
    await asyncio.sleep(0)
    player.time = 30_000
    pb.pause()
    assert lib.progress(REQ.item_key).position_ms == 30_000
    player.time = 31_000
    pb.stop()
    assert lib.progress(REQ.item_key).position_ms == 31_000
    entry = lib.history()[0]
    assert entry.item_key == REQ.item_key and entry.ended_at is not None and entry.position_ms == 31_000
    assert pb.state == PlaybackState.IDLE


@pytest.mark.asyncio
async def test_watched_near_the_end_and_at_end(services) -> None:
    pb, players, lib = make(services, interval=60)
    pb.start(REQ)
    player = players[0]
    player.length = 100_000
    player.emit(PlayerEvent.PLAYING)
    await asyncio.sleep(0)
    player.time = 96_000  # the last 5 % has started
    pb.save_now()
    assert lib.progress(REQ.item_key).watched
    player.emit(PlayerEvent.ENDED)
    await asyncio.sleep(0)
    assert pb.state == PlaybackState.ENDED
    assert lib.progress(REQ.item_key).position_ms == 100_000


@pytest.mark.asyncio
async def test_failed_open_is_an_error_not_an_end(services) -> None:
    """libvlc reports Ended after a failed open: that must surface as an error."""
    pb, players, _lib = make(services, interval=60)
    events: list[PlayerEvent] = []
    pb.add_listener(lambda e, _v: events.append(e))
    pb.start(REQ)
    players[0].emit(PlayerEvent.ERROR)
    players[0].emit(PlayerEvent.ENDED)
    await asyncio.sleep(0.01)
    assert pb.state == PlaybackState.ERROR
    assert pb.error and "Метрополис" in pb.error
    assert PlayerEvent.ERROR in events
    pb.close()
    assert players[0].released


@pytest.mark.asyncio
async def test_starting_another_item_saves_the_first(services) -> None:
    pb, players, lib = make(services, interval=60)
    pb.start(REQ)
    players[0].length = 100_000
    players[0].emit(PlayerEvent.PLAYING)
    await asyncio.sleep(0)
    players[0].time = 20_000
    other = MediaRequest(location="/tmp/other.mp4", item_key="media:abc", label="other")
    pb.start(other)
    assert lib.progress(REQ.item_key).position_ms == 20_000
    assert len(players) == 1  # one player, reused
    pb.close()
