"""Torrent streaming for the UI and the player: open a source, get a local URL, stats, close."""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.core.tasks import run_blocking
from app.domain.errors import BadTorrent, NotFound
from app.engines.torrent.adding import TorrentFile, file_list, parse_source
from app.engines.torrent.cache import CacheEntry, TorrentCache
from app.engines.torrent.engine import ActiveTorrent, TorrentEngine
from app.engines.torrent.server import StreamServer
from app.engines.torrent.session import SessionConfig, TorrentSession
from app.engines.torrent.stats import StreamStats, metadata_stats, stream_stats
from app.engines.torrent.streaming import PolicyConfig, StreamPolicy
from app.services.context import AppContext
from app.storage import torrent_repo

log = logging.getLogger(__name__)

__all__ = ["BadTorrent", "StreamHandle", "StreamStats", "StreamingService"]


@dataclass
class StreamHandle:
    """One open stream: a URL any player can open, and live stats."""

    url: str
    file_name: str
    size: int
    info_hash: str
    file_index: int
    files: list[TorrentFile]
    _service: StreamingService = field(repr=False)
    _active: ActiveTorrent = field(repr=False)
    _policy: StreamPolicy = field(repr=False)
    _duration_s: float | None = field(default=None, repr=False)

    def stats(self) -> StreamStats:
        return self._service.stats(self)

    def set_duration(self, seconds: float) -> None:
        """Tell the engine the video's length (the player learns it): windows then cover
        seconds of video (8 s ahead, 15 s behind for instant back-seeks), not just bytes."""
        if seconds > 0:
            self._duration_s = seconds
            self._policy.set_bitrate(self.size / seconds)

    def set_playback_time(self, seconds: float) -> None:
        """The player's clock (call it on time changes): the back-seek landing zone follows the
        picture rather than the reader, which runs ahead by the player's read-ahead."""
        if self._duration_s and seconds >= 0:
            self._policy.set_play_byte(int(self.size * min(seconds / self._duration_s, 1.0)))


class StreamingService:
    """Owns the one torrent session, the stream server and the cache; Qt-free."""

    def __init__(
        self,
        services: AppContext,
        session_config: SessionConfig | None = None,
        policy: PolicyConfig | None = None,
    ) -> None:
        self.services = services
        s = services.settings
        self.session_config = session_config or SessionConfig(
            listen_interfaces=s.torrent_listen_interfaces,
            dht=s.torrent_dht,
            lsd=s.torrent_lsd,
            upnp=s.torrent_upnp,
            natpmp=s.torrent_natpmp,
            tick_interval_ms=s.torrent_tick_interval_ms,
        )
        self.policy = policy
        self.cache = TorrentCache(services.paths.cache / "torrents", int(s.torrent_cache_gb * 1e9))
        self.session: TorrentSession | None = None
        self.engine: TorrentEngine | None = None
        self.server: StreamServer | None = None
        self.handles: list[StreamHandle] = []
        self._start_lock = asyncio.Lock()

    async def _ensure_started(self) -> TorrentEngine:
        async with self._start_lock:
            if self.engine is None:
                state_dir = self.cache.root / ".state"
                self.session = await run_blocking(TorrentSession, self.session_config, state_dir)
                loop = asyncio.get_running_loop()
                self.engine = TorrentEngine(self.session, self.cache.root, loop, self.policy)
                self.server = StreamServer()
                await self.server.start(self.services.settings.torrent_stream_port)
            return self.engine

    async def started_engine(self) -> TorrentEngine:
        """The one session, started now if it was not (Downloads: Keep, Resume)."""
        return await self._ensure_started()

    async def open_stream(
        self,
        source: str,
        file_index: int | None = None,
        start_byte: int = 0,
        *,
        choose: Callable[[Sequence[TorrentFile], str], int | None] | None = None,
    ) -> StreamHandle:
        """Add the torrent, wait for metadata, start the streaming policy, publish a URL.

        ``choose(files, torrent name)``: without ``file_index``, picks the file once the metadata
        lists them (an episode in a season pack; None: the largest video), in a worker.
        Raises BadTorrent for a bad source, a metadata timeout or a missing file; NotFound
        when ``choose`` finds no file for what was asked.
        """
        parsed = await run_blocking(parse_source, source)
        engine = await self._ensure_started()
        await self._clean_cache()
        timeout = self.services.settings.torrent_metadata_timeout_s
        active = await engine.add(parsed, timeout)
        try:
            if file_index is None and choose is not None:
                file_index = await run_blocking(choose, active.files(), active.name)
            policy = engine.open_file(active, file_index, start_byte)
            file = policy.file
            engine.file_path(active, file)  # refuses a name that would escape the cache
        except (BadTorrent, NotFound):
            if active.fresh:  # refused on its first add: leave no folder or resume data behind
                await engine.discard(active)
            raise
        assert self.server is not None and active.tracker is not None
        url = self.server.publish(
            file.path,
            functools.partial(engine.read_piece, active),
            file.size,
            policy,
            active.tracker,
        )
        now = int(self.services.clock.now().timestamp())
        await run_blocking(
            functools.partial(
                torrent_repo.record_access,
                self.services.db,
                active.info_hash,
                source=source,
                now=now,
                name=active.name,
                total_size=active.total_size,
                file_index=file.index,  # the file Keep for offline finishes (Downloads)
            )
        )
        handle = StreamHandle(
            url=url,
            file_name=file.path,
            size=file.size,
            info_hash=active.info_hash,
            file_index=file.index,
            files=active.files(),
            _service=self,
            _active=active,
            _policy=policy,
        )
        self.handles.append(handle)
        return handle

    async def list_files(self, source: str) -> list[TorrentFile]:
        """A torrent's files (any kind, video or not): from a .torrent at once, else after metadata."""
        parsed = await run_blocking(parse_source, source)
        if parsed.params.ti is not None:
            return file_list(parsed.params.ti)
        engine = await self._ensure_started()
        active = await engine.add(parsed, self.services.settings.torrent_metadata_timeout_s)
        files = active.files()
        if active.fresh:
            await engine.discard(active)  # listing downloads nothing and keeps nothing
        return files

    def stats(self, handle: StreamHandle) -> StreamStats:
        status = handle._active.handle.status()
        if handle._active.tracker is None:
            return metadata_stats(status, handle._active.error)
        return stream_stats(status, handle._policy)

    async def wait_playable(
        self, handle: StreamHandle, limit_s: float, *, no_peers_s: float | None = None
    ) -> None:
        """Wait until the header, an MP4's index and the resume position are buffered.

        With ``no_peers_s``, BadTorrent as soon as no peer has been connected for that long
        (a torrent nobody shares would otherwise wait ``limit_s``, an hour for the CLI).
        """
        if no_peers_s is None:
            return await self._wait_start(handle, limit_s)
        start = asyncio.ensure_future(self._wait_start(handle, limit_s))
        alone = asyncio.ensure_future(self._no_peers(handle, no_peers_s))
        try:
            done, _ = await asyncio.wait({start, alone}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (start, alone):
                task.cancel()
        (start if start in done else alone).result()
        return None

    async def _no_peers(self, handle: StreamHandle, limit_s: float) -> None:
        loop = asyncio.get_running_loop()
        alone_since = loop.time()
        while True:
            await asyncio.sleep(min(0.5, limit_s / 4))
            if handle._active.handle.status().num_peers > 0:
                alone_since = loop.time()
            elif loop.time() - alone_since >= limit_s:
                raise BadTorrent(
                    f"{handle.file_name}: found no peers in {limit_s:g} s (nobody shares this torrent "
                    "now); try another source or later"
                )

    async def _wait_start(self, handle: StreamHandle, limit_s: float) -> None:
        policy = handle._policy

        async def have_start() -> bool:
            for piece in policy.start_pieces:
                if not await policy.tracker.wait(piece, limit_s):
                    return False
            return True

        ok = await have_start()
        if ok:  # where an MP4's index is (read from the first piece) adds start pieces
            try:
                await asyncio.wait_for(policy.index_read.wait(), limit_s)
            except TimeoutError:
                ok = False
        if not ok or not await have_start():
            raise BadTorrent(f"{handle.file_name}: not playable after {limit_s:g} s")

    async def set_keep(self, handle: StreamHandle, keep: bool) -> None:
        """Keep the whole file for offline viewing (downloads the rest, exempt from clean-up)."""
        await run_blocking(torrent_repo.set_keep, self.services.db, handle.info_hash, keep)
        if keep:
            handle._policy.keep_all()

    async def close(self, handle: StreamHandle) -> None:
        if handle in self.handles:
            self.handles.remove(handle)
        if self.server is not None:
            self.server.unpublish(handle.url)
        still_used = any(h.info_hash == handle.info_hash for h in self.handles)
        if not still_used and self.engine is not None:
            records = await run_blocking(torrent_repo.list_torrents, self.services.db)
            kept = any(r.keep and r.info_hash == handle.info_hash for r in records)
            if not kept:
                await self.engine.remove(handle._active)
        await self._clean_cache()

    async def _clean_cache(self) -> None:
        records = await run_blocking(torrent_repo.list_torrents, self.services.db)
        entries = [CacheEntry(r.info_hash, r.keep, r.last_access_at) for r in records]
        active = set(self.engine.active) if self.engine is not None else set()
        deleted = await run_blocking(self.cache.clean, entries, active)
        if deleted:
            log.info("torrent cache: removed %d idle torrents", len(deleted))
            await run_blocking(torrent_repo.delete_torrents, self.services.db, deleted)

    async def shutdown(self) -> None:
        """Stop serving, save resume data and close the session."""
        if self.server is not None:
            await self.server.stop()
        if self.engine is not None:
            self.engine.close()
        if self.session is not None:
            await run_blocking(self.session.close)
        self.engine = self.session = self.server = None

    async def __aenter__(self) -> StreamingService:
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.shutdown()
