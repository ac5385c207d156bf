"""The local stream server: 127.0.0.1 only, token and Host checked, Range/HEAD right, reads that
wait for pieces from a slow seeder, several readers at once."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp
import pytest
import pytest_asyncio

from app.engines.torrent.server import parse_range
from app.services.sources.torrent_stream import StreamHandle, StreamingService
from tests.fakes.swarm import LibtorrentSeeder, magnet

pytestmark = pytest.mark.timeout(90)


def test_parse_range() -> None:
    assert parse_range(None, 100) is None
    assert parse_range("bytes=0-9", 100) == (0, 9)
    assert parse_range("bytes=90-", 100) == (90, 99)
    assert parse_range("bytes=-10", 100) == (90, 99)
    assert parse_range("bytes=50-500", 100) == (50, 99)
    assert parse_range("bytes=0-1,5-6", 100) is None  # multi-range: whole file
    for bad in ("bytes=100-", "bytes=5-2", "bytes=-0"):
        with pytest.raises(ValueError):
            parse_range(bad, 100)


@pytest_asyncio.fixture
async def slow_stream(
    streaming: StreamingService, film: tuple[Path, Path]
) -> AsyncIterator[tuple[StreamHandle, bytes]]:
    """A stream whose only seeder sends 1 MB/s, so reads really have to wait for pieces."""
    video, torrent = film
    seeder = LibtorrentSeeder(torrent, video.parent, upload_rate=1_000_000)
    handle = await streaming.open_stream(magnet(torrent, [seeder.port]))
    yield handle, video.read_bytes()
    seeder.close()


@pytest.mark.asyncio
async def test_server_contract(streaming: StreamingService, slow_stream: tuple[StreamHandle, bytes]) -> None:
    handle, raw = slow_stream
    url = urlsplit(handle.url)
    assert url.hostname == "127.0.0.1"
    token = url.path.split("/")[2]
    assert len(token) >= 32
    server = streaming.server
    assert server is not None and server._runner is not None
    bound = {s.getsockname()[0] for site in server._runner.sites for s in site._server.sockets}  # type: ignore[union-attr]
    assert bound == {"127.0.0.1"}

    async with aiohttp.ClientSession() as http:
        async with http.head(handle.url) as resp:
            assert resp.status == 200
            assert resp.headers["Content-Type"] == "video/mp4"
            assert int(resp.headers["Content-Length"]) == len(raw)
            assert resp.headers["Accept-Ranges"] == "bytes"
        async with http.head(handle.url, headers={"Range": "bytes=100-"}) as resp:
            assert resp.status == 206
            assert int(resp.headers["Content-Length"]) == len(raw) - 100
        async with http.get(handle.url, headers={"Host": "evil.example:80"}) as resp:
            assert resp.status == 403
        wrong = handle.url.replace(token, "x" * len(token))
        async with http.get(wrong) as resp:
            assert resp.status == 404
        async with http.get(handle.url, headers={"Range": f"bytes={len(raw)}-"}) as resp:
            assert resp.status == 416
            assert resp.headers["Content-Range"] == f"bytes */{len(raw)}"
        async with http.get(handle.url, headers={"Range": "bytes=-1000"}) as resp:
            assert resp.status == 206
            assert resp.headers["Content-Range"] == f"bytes {len(raw) - 1000}-{len(raw) - 1}/{len(raw)}"
            assert await resp.read() == raw[-1000:]


@pytest.mark.asyncio
async def test_reads_wait_for_pieces_and_serve_several_readers(
    slow_stream: tuple[StreamHandle, bytes],
) -> None:
    handle, raw = slow_stream
    size = len(raw)
    before = handle.stats()
    assert before.state in {"buffering", "ready"}
    assert before.progress < 0.9  # at 1 MB/s most of the file is not here yet

    async def fetch(http: aiohttp.ClientSession, start: int, end: int) -> bytes:
        async with http.get(handle.url, headers={"Range": f"bytes={start}-{end}"}) as resp:
            assert resp.status == 206
            return await resp.read()

    ranges = [(0, 400_000), (size // 2, size // 2 + 400_000), (int(size * 0.8), size - 1)]
    async with aiohttp.ClientSession() as http:
        bodies = await asyncio.gather(*(fetch(http, s, e) for s, e in ranges))
    for (start, end), body in zip(ranges, bodies, strict=True):
        assert body == raw[start : end + 1]
    after = handle.stats()
    assert after.peers >= 1 or after.progress == 1.0
    assert after.buffered[0][0] == 0
    covered = sum(e - s for s, e in after.buffered)
    assert covered >= sum(e - s + 1 for s, e in ranges)
