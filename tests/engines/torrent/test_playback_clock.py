"""The player's clock reaches the torrent engine: PlaybackService -> SourceOpener.follow ->
StreamHandle.set_playback_time -> the policy's back-seek landing zone, in seconds of video."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import Any

import pytest

from app.domain.models import MediaRequest, SourceKind
from app.engines.playback.base import PlayerEvent
from app.services.library.progress import LibraryService
from app.services.playback.session import PlaybackService
from app.services.sources.resolve import Playable, SourceOpener
from app.services.sources.torrent_stream import StreamHandle
from tests.engines.torrent.test_policy import PIECE, STATIC, _arrive, _policy
from tests.fakes.player import FakePlayer


class RecordingHandle:
    """Stands in for a StreamHandle: what the opener passes on."""

    def __init__(self) -> None:
        self.url = "http://127.0.0.1:9/stream/token/film.mp4"
        self.durations: list[float] = []
        self.times: list[float] = []

    def set_duration(self, seconds: float) -> None:
        self.durations.append(seconds)

    def set_playback_time(self, seconds: float) -> None:
        self.times.append(seconds)


class TorrentOpener(SourceOpener):
    async def prepare(self, playable: Playable) -> MediaRequest:
        self.handle = RecordingHandle()  # type: ignore[assignment]
        return replace(playable.request, location=self.handle.url)


async def until(predicate: Any, timeout: float = 5.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.02)


@pytest.mark.asyncio
async def test_player_time_and_seeks_reach_the_torrent_handle(services) -> None:
    services.settings = services.settings.model_copy(
        update={"progress_interval_s": 60, "first_frame_timeout_s": 30}
    )
    players: list[FakePlayer] = []

    def factory(dispatch: Any, listener: Any) -> FakePlayer:
        players.append(FakePlayer(dispatch, listener))
        return players[-1]

    opener = TorrentOpener(services, clock_interval_s=0.05)
    pb = PlaybackService(services, LibraryService(services), factory, opener=opener, stall_timeout_s=30)
    req = MediaRequest(location="magnet:?xt=urn:btih:" + "a" * 40, item_key="media:t", label="Film")
    pb.play([Playable(kind=SourceKind.TORRENT, request=req, label="Torrent")])
    await until(lambda: players and players[0].opened)
    handle = opener.handle
    assert isinstance(handle, RecordingHandle)
    player = players[0]
    player.time = 5_000
    await asyncio.sleep(0.2)
    assert handle.times == []  # still opening: no clock yet
    player.emit(PlayerEvent.PLAYING)
    player.emit(PlayerEvent.LENGTH, 600_000)
    await until(lambda: handle.times and handle.times[-1] == 5.0)
    assert handle.durations == [600.0]
    player.time = 42_500
    await until(lambda: handle.times[-1] == 42.5)
    pb.seek(300_000)  # the landing zone moves with the seek, before the next tick
    assert handle.times[-1] == 300.0
    pb.stop()
    await until(lambda: opener.handle is None)
    count = len(handle.times)
    await asyncio.sleep(0.2)
    assert len(handle.times) == count  # released: no more ticks
    pb.close()


@pytest.mark.asyncio
async def test_stream_handle_turns_seconds_into_the_landing_zone() -> None:
    policy, raw = _policy(asyncio.get_running_loop())
    policy.start()
    size = policy.map.file_size
    handle = StreamHandle(
        url="http://127.0.0.1:9/x",
        file_name="film.mp4",
        size=size,
        info_hash="a" * 40,
        file_index=0,
        files=[],
        _service=None,  # type: ignore[arg-type]
        _active=None,  # type: ignore[arg-type]
        _policy=policy,
    )
    _arrive(policy, STATIC)
    handle.set_playback_time(50.0)  # no duration yet: nothing to map it with
    assert policy.play_byte is None
    handle.set_duration(100.0)  # 100 MiB over 100 s: 4 pieces a second
    policy.set_reader(1, 210 * PIECE)  # the player's read-ahead
    _arrive(policy, list(range(210, 218)))  # its front is in
    handle.set_playback_time(50.0)  # the picture: byte size/2 = piece 200
    assert policy.play_byte == size // 2
    urgent, _ = policy.wanted()
    # 10 s back from the picture (not from the reader) at 4 pieces/s, ±1.5 s.
    assert min(urgent) == 200 - 46 and max(urgent) == 200 - 34
    assert all(p in raw.deadlines for p in urgent)  # all with deadlines, in order
    assert [raw.prios[p] for p in urgent] == [7] * 4 + [5] * (len(urgent) - 4)  # nearest 4 top
