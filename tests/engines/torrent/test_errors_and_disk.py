"""Bad input through the service: malformed magnet, unknown hash, silent peer (clear errors,
never a hang); a torrent with traversal names downloaded for real stays inside the cache."""

from __future__ import annotations

import asyncio
import hashlib
import os
import time
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import libtorrent as lt
import pytest
import pytest_asyncio

from app.domain.errors import BadTorrent
from app.services.sources.torrent_stream import StreamingService
from tests.fakes.swarm import LibtorrentSeeder

pytestmark = pytest.mark.timeout(60)


def _short(streaming: StreamingService, seconds: float) -> None:
    s = streaming.services.settings
    streaming.services.settings = s.model_copy(update={"torrent_metadata_timeout_s": seconds})


@pytest.mark.asyncio
async def test_malformed_magnet_is_a_clear_error(streaming: StreamingService) -> None:
    with pytest.raises(BadTorrent, match="malformed magnet"):
        await streaming.open_stream("magnet:?xt=urn:btih:not-a-hash")
    assert streaming.engine is None  # refused before the session was even needed


@pytest.mark.asyncio
async def test_unknown_hash_without_peers_times_out_with_a_reason(
    streaming: StreamingService,
) -> None:
    _short(streaming, 1.5)
    started = time.monotonic()
    with pytest.raises(BadTorrent, match="found no peers"):
        await streaming.open_stream("c0ffee" * 6 + "c0ff")
    assert time.monotonic() - started < 10
    assert streaming.engine is not None and not streaming.engine.active
    assert not streaming.session.ses.get_torrents()  # type: ignore[union-attr]


@pytest_asyncio.fixture
async def silent_peer() -> AsyncIterator[int]:
    """A 'peer' that accepts connections and never says a word."""
    held: list[asyncio.StreamWriter] = []

    async def hold(_r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        held.append(w)

    server = await asyncio.start_server(hold, "127.0.0.1", 0)
    yield server.sockets[0].getsockname()[1]
    for w in held:
        w.close()
    server.close()
    await server.wait_closed()


@pytest.mark.asyncio
async def test_metadata_timeout_with_a_silent_peer(streaming: StreamingService, silent_peer: int) -> None:
    _short(streaming, 2.0)
    magnet = f"magnet:?xt=urn:btih:{'ab' * 20}&x.pe=127.0.0.1:{silent_peer}"
    with pytest.raises(BadTorrent, match=r"no metadata for abab.* after 2 s"):
        await streaming.open_stream(magnet)
    # The service stays usable after a failure.
    with pytest.raises(BadTorrent):
        await streaming.open_stream("magnet:?dn=x")


def _hostile_torrent(root: Path) -> tuple[Path, list[bytes]]:
    """A multi-file torrent whose names try to climb out: '..', absolute, backslashes."""
    contents = [os.urandom(40_000), os.urandom(30_000), os.urandom(20_000)]
    paths = [[b"..", b"..", b"up.mp4"], [b"/abs.mp4"], [b"..\\..\\win.mp4"]]
    piece = 16384
    blob = b"".join(contents)
    hashes = b"".join(hashlib.sha1(blob[i : i + piece]).digest() for i in range(0, len(blob), piece))
    info = {
        b"name": b"../../escape",
        b"piece length": piece,
        b"pieces": hashes,
        b"files": [{b"length": len(c), b"path": p} for c, p in zip(contents, paths, strict=True)],
    }
    torrent = root / "hostile.torrent"
    torrent.write_bytes(lt.bencode({b"info": info}))
    return torrent, contents


@pytest.mark.asyncio
async def test_traversal_names_never_escape_the_cache_on_disk(
    streaming: StreamingService, tmp_path: Path
) -> None:
    torrent, contents = _hostile_torrent(tmp_path)
    seed_dir = tmp_path / "seed"
    ti = lt.torrent_info(str(torrent))
    fs = ti.layout()
    for i, data in enumerate(contents):  # the seeder reads from libtorrent's sanitised names
        target = seed_dir / fs.file_path(i)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    seeder = LibtorrentSeeder(torrent, seed_dir)
    try:
        cache = streaming.cache.root
        handles = []
        async with aiohttp.ClientSession() as http:
            for i, data in enumerate(contents):
                handle = await streaming.open_stream(str(torrent), file_index=i)
                if i == 0:
                    streaming.engine.active[handle.info_hash].handle.connect_peer(  # type: ignore[union-attr]
                        ("127.0.0.1", seeder.port)
                    )
                async with http.get(handle.url) as resp:
                    assert await resp.read() == data
                handles.append(handle)
        _check_disk(tmp_path, cache / handles[0].info_hash, seed_dir, contents)
    finally:
        seeder.close()


def _check_disk(tmp_path: Path, save_path: Path, seed_dir: Path, contents: list[bytes]) -> None:
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    for name in ("up.mp4", "abs.mp4", "win.mp4"):
        hits = [p for p in written if p.name.endswith(name)]
        assert hits, name
        for p in hits:
            real = p.resolve()
            assert real.is_relative_to(save_path.resolve()) or real.is_relative_to(seed_dir.resolve()), p
    assert not (save_path / ".." / ".." / "up.mp4").resolve().exists()
    assert not (save_path.parent.parent / "escape").exists()
    assert not Path("/abs.mp4").exists()
    inside = [p for p in written if p.resolve().is_relative_to(save_path.resolve())]
    sizes = sorted(p.stat().st_size for p in inside if p.suffix == ".mp4")
    assert sizes == sorted(len(c) for c in contents)
