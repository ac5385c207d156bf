"""Issue 19 item 1: a stream that never played was reported as finished ("The end") and marked
watched. An end without a decoded frame or an advancing clock, or one far before the known
length, is a failure: the next source is tried, nothing is marked watched, no history entry."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from app.engines.playback.base import PlayerEvent
from app.services.library.progress import LibraryService
from app.services.playback.session import PlaybackState
from tests.fakes.hls_server import HlsServer, make_hls
from tests.services.test_playback import REQ, make
from tests.services.test_playback_vlc import hls, local, service, until


def _dead_segments(root: Path) -> Path:
    make_hls(root, seconds=6)
    for segment in root.rglob("*.ts"):
        segment.unlink()  # every segment answers 404
    return root


@pytest.mark.asyncio
async def test_hls_whose_segments_all_404_fails_over_and_marks_nothing(
    services, tmp_path, sample_video
) -> None:
    pb, events = service(services, first_frame=6.0)
    lib = LibraryService(services)
    with HlsServer(_dead_segments(tmp_path / "dead")) as srv:
        try:
            pb.play([hls(f"{srv.base}/v180/index.m3u8", "Dead CDN"), local(sample_video, "Local copy")])
            await until(lambda: any(e is PlayerEvent.FAILOVER for e, _ in events), timeout=20)
            notice = next(str(v) for e, v in events if e is PlayerEvent.FAILOVER)
            assert "Dead CDN" in notice and "Local copy" in notice
            await until(lambda: pb.current is not None and pb.current.label == "Local copy")
            assert PlayerEvent.ENDED not in [e for e, _ in events]  # no "The end"
        finally:
            pb.close()
    progress = lib.progress("tmdb:movie:5")
    assert progress is None or not progress.watched


def _live_and_missing(root: Path) -> None:
    """A live playlist (no end tag, no playlist type) with dead segments, and a master whose
    variants are all missing."""
    vod = (root / "v180" / "index.m3u8").read_text()
    live = "\n".join(
        line for line in vod.splitlines() if not line.startswith(("#EXT-X-ENDLIST", "#EXT-X-PLAYLIST-TYPE"))
    )
    (root / "live.m3u8").write_text(live.replace("seg", "v180/seg") + "\n")
    master = (root / "master.m3u8").read_text()
    (root / "missing.m3u8").write_text(master.replace("/index.m3u8", "/gone.m3u8"))


@pytest.mark.asyncio
@pytest.mark.parametrize("location", ["dead-hls", "live.m3u8", "missing.m3u8", "file:///etc/passwd"])
async def test_the_only_source_never_playing_is_an_error_not_the_end(services, tmp_path, location) -> None:
    pb, events = service(services, first_frame=6.0)
    lib = LibraryService(services)
    root = _dead_segments(tmp_path / "dead")
    _live_and_missing(root)
    with HlsServer(root) as srv:
        url = {"dead-hls": f"{srv.base}/v180/index.m3u8", "live.m3u8": f"{srv.base}/live.m3u8",
               "missing.m3u8": f"{srv.base}/missing.m3u8"}.get(location, location)  # fmt: skip
        try:
            pb.play([hls(url, "Only")])
            await until(lambda: pb.state == PlaybackState.ERROR, timeout=20)
            assert pb.error and "Only" in pb.error
            assert PlayerEvent.ENDED not in [e for e, _ in events]
        finally:
            pb.close()
    progress = lib.progress("tmdb:movie:5")
    assert progress is None or (not progress.watched and progress.position_ms == 0)
    assert lib.history() == []


@pytest.mark.asyncio
async def test_an_end_far_before_the_known_length_is_a_failure(services) -> None:
    pb, players, lib = make(services)
    pb.start(REQ)
    player = players[0]
    player.emit(PlayerEvent.PLAYING)
    player.emit(PlayerEvent.VIDEO_STARTED)
    player.emit(PlayerEvent.LENGTH, 7_200_000)
    player.time = 300_000  # five minutes into two hours
    await asyncio.sleep(0.05)
    pb.position_ms()
    player.emit(PlayerEvent.ENDED)
    await asyncio.sleep(0.1)
    assert pb.state == PlaybackState.ERROR and pb.failure is not None
    assert str(pb.failure.cause) == "the stream ended at 0:05:00 / 2:00:00"
    pb.close()
    progress = lib.progress(REQ.item_key)
    assert progress is not None and not progress.watched  # kept where it broke, to resume


@pytest.mark.asyncio
async def test_an_end_near_the_length_is_the_end(services) -> None:
    pb, players, lib = make(services)
    pb.start(REQ)
    player = players[0]
    player.emit(PlayerEvent.PLAYING)
    player.emit(PlayerEvent.VIDEO_STARTED)
    player.emit(PlayerEvent.LENGTH, 7_200_000)
    player.time = 7_190_000
    await asyncio.sleep(0.05)
    pb.position_ms()
    player.emit(PlayerEvent.ENDED)
    await asyncio.sleep(0.1)
    assert pb.state == PlaybackState.ENDED
    pb.close()
    progress = lib.progress(REQ.item_key)
    assert progress is not None and progress.watched
