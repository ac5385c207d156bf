"""Failover with a scripted player: error, no first frame, stall → next source at the same spot."""

from __future__ import annotations

import asyncio

import pytest

from app.domain.models import MediaRequest, SourceKind
from app.engines.playback.base import PlayerEvent
from app.services.library.progress import LibraryService
from app.services.playback.session import PlaybackService, PlaybackState
from app.services.sources.resolve import Playable, SourceOpener
from tests.fakes.player import FakePlayer


def make(services, first_frame: float = 0.4, stall: float = 0.4):
    services.settings = services.settings.model_copy(
        update={"progress_interval_s": 60, "first_frame_timeout_s": first_frame}
    )
    players: list[FakePlayer] = []

    def factory(dispatch, listener):
        players.append(FakePlayer(dispatch, listener))
        return players[-1]

    lib = LibraryService(services)
    pb = PlaybackService(services, lib, factory, stall_timeout_s=stall)
    events: list[tuple[PlayerEvent, object]] = []
    pb.add_listener(lambda e, v: events.append((e, v)))
    return pb, players, lib, events


def playable(name: str, kind: SourceKind = SourceKind.DIRECT, live: bool = False) -> Playable:
    req = MediaRequest(
        location=f"http://127.0.0.1:9/{name}", item_key="tmdb:movie:7", label="Film", title_id="tmdb:movie:7"
    )
    return Playable(kind=kind, request=req, label=name, live=live)


async def settle() -> None:
    for _ in range(3):
        await asyncio.sleep(0)


@pytest.mark.asyncio
async def test_error_switches_to_next_source_at_same_position(services) -> None:
    pb, players, lib, events = make(services, first_frame=30, stall=30)
    pb.play([playable("a").at(0), playable("b"), playable("c")])
    p = players[0]
    p.length = 600_000
    p.emit(PlayerEvent.PLAYING)
    p.emit(PlayerEvent.VIDEO_STARTED)
    await settle()
    p.time = 125_000
    assert pb.position_ms() == 125_000
    p.emit(PlayerEvent.ERROR)
    await settle()
    assert p.opened[-1].location.endswith("/b") and p.opened[-1].start_ms == 125_000
    notices = [v for e, v in events if e is PlayerEvent.FAILOVER]
    assert notices and "Switching to b" in str(notices[0])
    assert pb.state == PlaybackState.OPENING and pb.error is None
    assert lib.progress("tmdb:movie:7").position_ms == 125_000  # saved before the switch
    assert len(lib.history()) == 1  # one session, however many sources
    pb.close()


@pytest.mark.asyncio
async def test_no_first_frame_fails_over_then_errors_when_none_left(services) -> None:
    pb, players, _lib, events = make(services, first_frame=0.3)
    pb.play([playable("a"), playable("b")])
    await asyncio.sleep(0.6)  # a never shows a picture
    assert [r.location[-1] for r in players[0].opened] == ["a", "b"]
    await asyncio.sleep(0.6)  # neither does b
    assert pb.state == PlaybackState.ERROR
    assert pb.error and "no picture" in pb.error and "b" in pb.error
    assert [e for e, _ in events].count(PlayerEvent.ERROR) == 1
    pb.close()


@pytest.mark.asyncio
async def test_stall_fails_over(services) -> None:
    pb, players, _lib, events = make(services, first_frame=5, stall=0.3)
    pb.play([playable("a"), playable("b")])
    p = players[0]
    p.emit(PlayerEvent.PLAYING)
    p.emit(PlayerEvent.VIDEO_STARTED)
    for t in range(5):  # plays for a while
        p.time = 1000 + t * 100
        await asyncio.sleep(0.1)
    await asyncio.sleep(0.6)  # then the time stops moving
    assert p.opened[-1].location.endswith("/b") and p.opened[-1].start_ms >= 1000
    assert any(e is PlayerEvent.FAILOVER and "stalled" in str(v) for e, v in events)
    pb.close()


@pytest.mark.asyncio
async def test_pause_is_not_a_stall(services) -> None:
    pb, players, _lib, _events = make(services, first_frame=5, stall=0.2)
    pb.play([playable("a"), playable("b")])
    p = players[0]
    p.emit(PlayerEvent.PLAYING)
    p.emit(PlayerEvent.VIDEO_STARTED)
    p.time = 5000
    await settle()
    pb.pause()
    await asyncio.sleep(0.6)
    assert len(p.opened) == 1 and pb.state == PlaybackState.PAUSED
    pb.close()


@pytest.mark.asyncio
async def test_failed_torrent_preparation_fails_over(services) -> None:
    class BrokenOpener(SourceOpener):
        async def prepare(self, p: Playable) -> MediaRequest:
            raise RuntimeError("no peers")

    pb, players, _lib, events = make(services, first_frame=30, stall=30)
    pb.opener = BrokenOpener(services)
    pb.play([playable("t", kind=SourceKind.TORRENT), playable("d")])
    await asyncio.sleep(0.05)
    assert [r.location[-1] for r in players[0].opened] == ["d"]
    assert any(e is PlayerEvent.FAILOVER and "no peers" in str(v) for e, v in events)
    pb.close()


@pytest.mark.asyncio
async def test_live_streams_keep_no_progress_and_controls_pass_through(services, tmp_path) -> None:
    pb, players, lib, _events = make(services, first_frame=30, stall=30)
    pb.play([playable("live", kind=SourceKind.IPTV_LIVE, live=True)])
    p = players[0]
    p.emit(PlayerEvent.PLAYING)
    await settle()
    p.time = 50_000
    pb.save_now()
    assert lib.progress("tmdb:movie:7") is None
    assert [t.id for t in pb.audio_tracks()] == [-1, 1, 2]
    pb.set_audio_track(2)
    assert pb.audio_track() == 2
    assert pb.add_subtitle(str(tmp_path / "x.srt")) and pb.subtitle_track() == 0
    pb.set_subtitle_delay(-250)
    pb.set_audio_delay(100)
    assert (pb.subtitle_delay(), pb.audio_delay()) == (-250, 100)
    assert pb.step_rate(1) == 1.25 and pb.step_rate(-1) == 1.0 and pb.step_rate(-1) == 0.75
    pb.set_adjust("brightness", 1.4)
    pb.set_aspect("16:9")
    pb.set_crop("4:3")
    assert p.adjust == {"brightness": 1.4} and (p.aspect, p.crop) == ("16:9", "4:3")
    shot = tmp_path / "shot.png"
    assert await pb.snapshot(str(shot)) and shot.exists()
    pb.close()


@pytest.mark.asyncio
async def test_audio_only_media_with_a_moving_clock_is_not_a_failure(services) -> None:
    pb, players, _lib, events = make(services, first_frame=0.3, stall=0.5)
    pb.play([playable("radio"), playable("b")])
    p = players[0]
    p.emit(PlayerEvent.PLAYING)  # no VIDEO_STARTED: there is no picture, only sound
    for t in range(12):
        p.time = 200 + t * 100
        await asyncio.sleep(0.1)
    assert len(p.opened) == 1 and pb.state == PlaybackState.PLAYING
    assert PlayerEvent.FAILOVER not in [e for e, _ in events]
    pb.close()
