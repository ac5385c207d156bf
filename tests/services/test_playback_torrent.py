"""A torrent source end to end: magnet -> torrent engine's local URL -> real libvlc, with stats."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from app.domain.models import MediaRequest, SourceKind
from app.engines.torrent.session import SessionConfig
from app.services.library.progress import LibraryService
from app.services.playback.session import PlaybackService, PlaybackState
from app.services.sources.resolve import Playable, SourceOpener
from app.services.sources.torrent_stream import StreamingService
from tests.fakes.swarm import LibtorrentSeeder, magnet, make_torrent, make_video

pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]

LOOPBACK = SessionConfig(listen_interfaces="127.0.0.1:0", dht=False, lsd=False, upnp=False, natpmp=False)


async def until(predicate, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.05)


@pytest.mark.asyncio
async def test_magnet_plays_through_the_engine_with_stats(services, tmp_path: Path) -> None:
    video = make_video(tmp_path / "seed" / "Film (2024).mp4")
    torrent = make_torrent(video, tmp_path / "film.torrent", piece_length=64 * 1024)
    seeder = LibtorrentSeeder(torrent, video.parent)
    services.settings = services.settings.model_copy(
        update={"vlc_args": "--vout=dummy --aout=dummy", "torrent_metadata_timeout_s": 15.0}
    )
    opener = SourceOpener(services, StreamingService(services, session_config=LOOPBACK))
    pb = PlaybackService(services, LibraryService(services), opener=opener)
    try:
        req = MediaRequest(location=magnet(torrent, [seeder.port]), item_key="media:t", label="Film")
        pb.play([Playable(kind=SourceKind.TORRENT, request=req, label="Torrent")])
        await until(lambda: pb.state == PlaybackState.PLAYING and pb.position_ms() > 500)
        assert pb.request is not None and pb.request.location.startswith("http://127.0.0.1:")
        status = pb.torrent_status()
        assert status is not None
        stats, size = status
        assert size == video.stat().st_size and stats.progress > 0 and stats.buffered and stats.error is None
    finally:
        await pb.aclose()
        seeder.close()
    assert opener.handle is None and opener.streaming is None
