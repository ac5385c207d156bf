"""Downloads against a real loopback seeder: a cached torrent is listed without starting the
session; Keep for offline finishes its file and keeps it outside the cache's cap; pause stops
it, resume goes on; remove with the data leaves nothing behind."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from app.engines.torrent.session import SessionConfig
from app.services.sources.downloads import Downloads, DownloadState
from app.services.sources.torrent_stream import StreamingService
from app.storage import torrent_repo
from tests.fakes.swarm import LibtorrentSeeder, info_hash, magnet, make_torrent, make_video

pytestmark = [pytest.mark.slow, pytest.mark.timeout(180)]

LOOPBACK = SessionConfig(listen_interfaces="127.0.0.1:0", dht=False, lsd=False, upnp=False, natpmp=False)


async def until(predicate, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not await predicate():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.1)


@pytest.fixture
def swarm(tmp_path: Path):
    video = make_video(tmp_path / "seed" / "Старый фильм (1957).mp4", seconds=12)
    torrent = make_torrent(video, tmp_path / "film.torrent", piece_length=64 * 1024)
    seeder = LibtorrentSeeder(torrent, video.parent, upload_rate=400_000)
    yield video, torrent, seeder
    seeder.close()


@pytest.mark.asyncio
async def test_keep_pause_resume_remove(services, swarm) -> None:
    video, torrent, seeder = swarm
    ih = info_hash(torrent)
    services.settings = services.settings.model_copy(update={"torrent_metadata_timeout_s": 20.0})
    streaming = StreamingService(services, session_config=LOOPBACK)
    downloads = Downloads(services, lambda: streaming)
    now = int(services.clock.now().timestamp())
    # in the cache from an earlier stream: known to the database, nothing in the session
    torrent_repo.record_access(
        services.db, ih, source=magnet(torrent, [seeder.port]), now=now, name=None, total_size=None
    )
    try:
        view = await downloads.view()
        assert [(d.info_hash, d.state, d.progress) for d in view.items] == [(ih, DownloadState.IDLE, 0.0)]
        assert streaming.engine is None  # listing starts no session
        assert view.cap_bytes == int(services.settings.torrent_cache_gb * 1e9)

        await downloads.keep(ih)
        first = (await downloads.view()).items[0]
        assert first.keep and first.name == video.name
        assert first.state in (DownloadState.DOWNLOADING, DownloadState.DONE)

        async def some() -> bool:
            item = (await downloads.view()).items[0]
            return item.progress > 0.05 and item.peers > 0

        await until(some)
        await downloads.pause(ih)
        paused = (await downloads.view()).items[0]
        assert paused.state == DownloadState.PAUSED and paused.paused
        assert torrent_repo.list_torrents(services.db)[0].paused
        await asyncio.sleep(1.0)
        still = (await downloads.view()).items[0]
        assert still.rate == 0 and still.progress == pytest.approx(paused.progress, abs=0.03)

        await downloads.resume(ih)

        async def done() -> bool:
            return (await downloads.view()).items[0].state == DownloadState.DONE

        await until(done)
        item = (await downloads.view()).items[0]
        assert item.progress == 1.0 and item.on_disk >= video.stat().st_size * 0.9
        assert (streaming.cache.root / ih / video.name).read_bytes() == video.read_bytes()
        record = torrent_repo.list_torrents(services.db)[0]
        assert record.completed_at is not None and record.keep

        # outside the cap: a clean-up under a tiny cap leaves the kept torrent alone
        streaming.cache.cap_bytes = 1000
        await streaming._clean_cache()
        assert (streaming.cache.root / ih).is_dir()

        await downloads.remove(ih, delete_data=True)
        assert (await downloads.view()).items == ()
        assert not (streaming.cache.root / ih).exists()
    finally:
        await streaming.shutdown()


@pytest.mark.asyncio
async def test_a_kept_torrent_goes_on_after_a_restart(services, swarm, tmp_path: Path) -> None:
    video, torrent, seeder = swarm
    ih = info_hash(torrent)
    now = int(services.clock.now().timestamp())
    torrent_repo.record_access(
        services.db, ih, source=magnet(torrent, [seeder.port]), now=now, name=None, total_size=None
    )
    torrent_repo.update_state(services.db, ih, keep=True)
    streaming = StreamingService(services, session_config=LOOPBACK)
    downloads = Downloads(services, lambda: streaming)
    try:
        assert await downloads.resume_kept() == 1

        async def done() -> bool:
            return (await downloads.view()).items[0].state == DownloadState.DONE

        await until(done)
        # removed without its data: the file leaves the cache (whose clean-up would delete it)
        moved = await downloads.remove(ih, delete_data=False, move_to=tmp_path / "Videos")
        assert moved == tmp_path / "Videos" / video.name and moved.read_bytes() == video.read_bytes()
        assert not (streaming.cache.root / ih).exists() and (await downloads.view()).items == ()
    finally:
        await streaming.shutdown()
