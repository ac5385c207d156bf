"""A loopback swarm built at test time: libtorrent, aria2c and transmission-cli seed an
ffmpeg-made video; we stream it through the local server into the real libvlc, seek to 80 %
and back, and compare served ranges byte for byte."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from app.engines.torrent.mp4_index import index_range
from app.services.sources.torrent_stream import StreamingService
from tests.fakes.swarm import Aria2Seeder, LibtorrentSeeder, TransmissionSeeder, magnet

pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]


def _seeder(kind: str, torrent: Path, data: Path, work: Path) -> Any:
    if kind == "libtorrent":
        return LibtorrentSeeder(torrent, data)
    if kind == "aria2":
        return Aria2Seeder(torrent, data, work)
    return TransmissionSeeder(torrent, data, work)


@pytest.fixture(params=["libtorrent", "aria2", "transmission"])
def seeder(request: pytest.FixtureRequest, film: tuple[Path, Path], tmp_path: Path) -> Iterator[Any]:
    video, torrent = film
    s = _seeder(request.param, torrent, video.parent, tmp_path / "seeder")
    yield s
    s.close()


class VlcProbe:
    """The real libvlc with dummy outputs; events land in thread-safe flags."""

    def __init__(self, url: str) -> None:
        import vlc  # only here: vlc belongs to app/engines/playback

        from app.engines.playback.vlc_player import media_options  # the app's options

        self.vlc = vlc
        self.instance = vlc.Instance("--vout=dummy", "--aout=dummy", "--quiet", "--no-xlib")
        self.player = self.instance.media_player_new()
        self.vout = threading.Event()
        self.error = threading.Event()
        events = self.player.event_manager()
        events.event_attach(vlc.EventType.MediaPlayerVout, lambda _e: self.vout.set())
        events.event_attach(vlc.EventType.MediaPlayerEncounteredError, lambda _e: self.error.set())
        self.player.set_media(self.instance.media_new(url, *media_options(url)))
        self.player.play()

    async def wait_time(self, at_least_ms: int, limit_s: float = 30.0) -> int:
        deadline = time.monotonic() + limit_s
        while time.monotonic() < deadline:
            assert not self.error.is_set(), "libvlc reported an error"
            now = self.player.get_time()
            if now >= at_least_ms and self.player.is_playing():
                return int(now)
            await asyncio.sleep(0.05)
        raise AssertionError(f"VLC time stuck at {self.player.get_time()} ms (< {at_least_ms})")

    def close(self) -> None:
        self.player.stop()
        self.player.release()
        self.instance.release()


@pytest.mark.asyncio
async def test_stream_from_real_peers_plays_seeks_and_serves_exact_bytes(
    streaming: StreamingService, seeder: Any, film: tuple[Path, Path]
) -> None:
    video, torrent = film
    raw = video.read_bytes()
    handle = await streaming.open_stream(magnet(torrent, [seeder.port]))
    assert handle.size == len(raw)
    assert handle.file_name.endswith("Test Film (2024).mp4")
    await streaming.wait_playable(handle, 30)
    # The MP4's index (ffmpeg writes it at the end) was located from the first piece.
    expected = index_range(raw[:262144], len(raw))
    assert expected is not None and handle._policy.index == expected
    assert handle._policy.index[1] == len(raw) and raw[handle._policy.index[0] + 4 :][:4] == b"moov"

    probe = VlcProbe(handle.url)
    try:
        await asyncio.to_thread(probe.vout.wait, 30)
        assert probe.vout.is_set(), "no video output from VLC"
        first = await probe.wait_time(500)
        later = await probe.wait_time(first + 700)
        assert later > first  # time advances
        length = probe.player.get_length()
        assert length > 15_000
        probe.player.set_position(0.8)
        at80 = await probe.wait_time(int(length * 0.8))
        assert at80 >= length * 0.8
        probe.player.set_time(int(length * 0.8) - 10_000)  # back-seek of 10 s
        await asyncio.sleep(0.3)
        back = probe.player.get_time()
        assert back < at80
        await probe.wait_time(back + 300)
    finally:
        await asyncio.to_thread(probe.close)

    async with aiohttp.ClientSession() as http:
        for start, end in [
            (0, 99),
            (len(raw) // 2, len(raw) // 2 + 300_000),
            (len(raw) - 5000, len(raw) - 1),
        ]:
            async with http.get(handle.url, headers={"Range": f"bytes={start}-{end}"}) as resp:
                assert resp.status == 206
                assert await resp.read() == raw[start : end + 1]
        async with http.get(handle.url) as resp:
            assert resp.status == 200
            assert await resp.read() == raw

    stats = handle.stats()
    assert stats.state == "ready"
    assert stats.buffered == ((0, len(raw)),)
    await streaming.close(handle)
