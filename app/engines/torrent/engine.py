"""Torrents added to the session for streaming: metadata wait, file choice, piece tracking."""

from __future__ import annotations

import asyncio
import logging
import shutil
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import libtorrent as lt

from app.domain.errors import BadTorrent
from app.engines.torrent.adding import (
    Source,
    TorrentFile,
    check_paths,
    choose_file,
    file_list,
    layout,
    validate_info,
)
from app.engines.torrent.mp4_index import index_range
from app.engines.torrent.session import TorrentSession
from app.engines.torrent.streaming import PieceMap, PieceTracker, PolicyConfig, StreamPolicy

log = logging.getLogger(__name__)

READ_CACHE_BYTES = 32 * 1024 * 1024

# connect_peer() flags (pex_flags_t): "supports encryption", without the default uTP and
# hole-punch hints (libtorrent 2.1 still tries uTP first; see SessionConfig.utp_connect_timeout).
PEX_ENCRYPTION = 0x1


@dataclass
class ActiveTorrent:
    """One torrent in the session and what we know about it."""

    info_hash: str
    handle: Any
    save_path: Path
    source: Source
    metadata: asyncio.Future[None]
    tracker: PieceTracker | None = None
    policies: dict[int, StreamPolicy] = field(default_factory=dict)
    error: str | None = None
    keeper: asyncio.Task[None] | None = None
    # Pieces read back through libtorrent (read_piece): waiters, and a small LRU of the data.
    reads: dict[int, list[asyncio.Future[bytes]]] = field(default_factory=dict)
    read_cache: OrderedDict[int, bytes] = field(default_factory=OrderedDict)
    tasks: set[asyncio.Future[None]] = field(default_factory=set)
    fresh: bool = False  # its cache folder was made by this add (nothing of an earlier stream in it)

    @property
    def info(self) -> Any:
        return self.handle.torrent_file()

    def files(self) -> list[TorrentFile]:
        return file_list(self.info)

    @property
    def name(self) -> str:
        return str(self.info.name()) if self.info is not None else self.info_hash

    @property
    def total_size(self) -> int:
        return int(layout(self.info).total_size()) if self.info is not None else 0


class TorrentEngine:
    """Adds torrents to the one session and keeps per-torrent state fed by alerts."""

    def __init__(
        self,
        session: TorrentSession,
        cache_root: Path,
        loop: asyncio.AbstractEventLoop,
        policy: PolicyConfig | None = None,
    ) -> None:
        self.session = session
        self.cache_root = cache_root
        self.loop = loop
        self.policy = policy or PolicyConfig()
        self.active: dict[str, ActiveTorrent] = {}
        self._by_handle: dict[Any, ActiveTorrent] = {}
        self._unsubscribe = [
            session.subscribe("metadata_received_alert", self._on_metadata),
            session.subscribe("piece_finished_alert", self._on_piece),
            session.subscribe("torrent_error_alert", self._on_error),
            session.subscribe("file_error_alert", self._on_error),
            session.subscribe("read_piece_alert", self._on_read_piece),
        ]

    # -- alert handlers (pump thread) -----------------------------------------------------
    def _find(self, alert: Any) -> ActiveTorrent | None:
        return self._by_handle.get(alert.handle)

    def _on_metadata(self, alert: Any) -> None:
        active = self._find(alert)
        if active is not None:
            self.loop.call_soon_threadsafe(_resolve, active.metadata)

    def _on_piece(self, alert: Any) -> None:
        active = self._find(alert)
        if active is not None and active.tracker is not None:
            active.tracker.mark(int(alert.piece_index))

    def _on_read_piece(self, alert: Any) -> None:
        active = self._find(alert)
        if active is None:
            return
        error = alert.error
        failed = bool(error.value()) if hasattr(error, "value") else False
        data = None if failed else bytes(alert.buffer)
        why = error.message() if failed else ""
        self.loop.call_soon_threadsafe(self._piece_read, active, int(alert.piece), data, why)

    def _piece_read(self, active: ActiveTorrent, piece: int, data: bytes | None, why: str) -> None:
        if data is not None:
            active.read_cache[piece] = data
            active.read_cache.move_to_end(piece)
            while sum(map(len, active.read_cache.values())) > READ_CACHE_BYTES:
                active.read_cache.popitem(last=False)
        for fut in active.reads.pop(piece, ()):
            if fut.done():
                continue
            if data is None:
                fut.set_exception(BadTorrent(f"cannot read piece {piece}: {why}"))
            else:
                fut.set_result(data)

    async def read_piece(self, active: ActiveTorrent, piece: int) -> bytes:
        """A finished piece, read through libtorrent.

        Not from the file on disk: libtorrent 2 reports a piece finished once its hash checks
        out, while its blocks may still sit in the store buffer on their way to the file; a
        direct file read then returned zeros (seen in test_server under load).
        """
        cached = active.read_cache.get(piece)
        if cached is not None:
            active.read_cache.move_to_end(piece)
            return cached
        fut: asyncio.Future[bytes] = self.loop.create_future()
        waiters = active.reads.setdefault(piece, [])
        waiters.append(fut)
        if len(waiters) == 1:
            active.handle.read_piece(piece)
        return await asyncio.wait_for(fut, 60)

    def _on_error(self, alert: Any) -> None:
        active = self._find(alert)
        if active is None:
            return
        active.error = alert.message()
        if active.tracker is not None:
            active.tracker.fail(active.error)
        self.loop.call_soon_threadsafe(_fail, active.metadata, active.error)

    # -- adding ---------------------------------------------------------------------------
    async def add(self, source: Source, metadata_timeout: float) -> ActiveTorrent:
        """Add (or find) a torrent and wait for its metadata; BadTorrent on timeout."""
        existing = self.active.get(source.info_hash)
        if existing is not None:
            await self._wait_metadata(existing, metadata_timeout)
            return existing
        save_path = self.cache_root / source.info_hash
        if source.params.ti is not None:
            check_paths(source.params.ti, save_path)  # before anything is made on disk
        fresh = not save_path.exists()
        save_path.mkdir(parents=True, exist_ok=True)
        params = self.session.load_resume(source.info_hash)
        if params is None or (source.params.ti is not None and params.ti is None):
            params = source.params
        params.save_path = str(save_path)
        # Added paused and auto-managed by default: clear both so it starts at once.
        params.flags &= ~(lt.torrent_flags.paused | lt.torrent_flags.auto_managed)
        # Sequential until the policy starts: at metadata libtorrent picks pieces at once, before
        # any priority of ours can reach it, and its first small (slow-start) queue went to
        # random pieces; in order, it goes to the header, which every player reads first.
        params.flags |= lt.torrent_flags.sequential_download
        # Not default_dont_download: a torrent that wants nothing is "finished", announces
        # upload-only, and transmission then treats us as a seed: choked, even disconnected.
        handle = await asyncio.to_thread(self.session.ses.add_torrent, params)
        active = ActiveTorrent(
            info_hash=source.info_hash,
            handle=handle,
            save_path=save_path,
            source=source,
            metadata=self.loop.create_future(),
            fresh=fresh,
        )
        self._by_handle[handle] = active
        self.active[source.info_hash] = active
        if source.peers:
            active.keeper = asyncio.ensure_future(self._keep_hint_peers(active))
        if handle.status().has_metadata:
            _resolve(active.metadata)
        try:
            await self._wait_metadata(active, metadata_timeout)
        except BaseException:  # refused, timed out or cancelled (Ctrl-C)
            if active.fresh:
                await self.discard(active)
            else:
                await self.remove(active, delete_files=not source.params.ti)
            raise
        return active

    async def _keep_hint_peers(self, active: ActiveTorrent) -> None:
        """Connect the magnet's x.pe peers now and again whenever we have no peer at all.

        A seeder still checking its files refuses us, and libtorrent gives a peer up after a few
        failures: with hints as the only source (no DHT, no tracker) that is a stream that never
        starts. Checked four times a second; the first attempt is immediate.
        """
        while active.info_hash in self.active and active.handle.is_valid():
            if active.handle.status().num_peers == 0:
                for peer in active.source.peers:
                    active.handle.connect_peer(peer, 0, PEX_ENCRYPTION)
            await asyncio.sleep(0.25)

    async def _wait_metadata(self, active: ActiveTorrent, limit_s: float) -> None:
        try:
            await asyncio.wait_for(asyncio.shield(active.metadata), limit_s)
        except TimeoutError:
            status = active.handle.status()
            if status.num_peers == 0 and status.list_peers == 0:
                why = "found no peers"
            else:
                why = f"{status.num_peers} peer(s) did not send it"
            raise BadTorrent(f"no metadata for {active.info_hash} after {limit_s:g} s: {why}") from None
        info = active.info
        if active.tracker is None:
            try:
                validate_info(info)
                check_paths(info, active.save_path)
            except BadTorrent:
                await self.remove(active, delete_files=True)
                raise
            # Listen first, then snapshot: a piece finishing in between is caught either way.
            active.tracker = PieceTracker(self.loop, info.num_pieces(), active.handle.have_piece)
            status = active.handle.status(lt.status_flags_t.query_pieces)
            active.tracker.merge(list(status.pieces))

    def open_file(self, active: ActiveTorrent, file_index: int | None, start_byte: int = 0) -> StreamPolicy:
        """Choose the file and start its streaming policy (idempotent per file)."""
        file = choose_file(active.info, file_index)
        policy = active.policies.get(file.index)
        if policy is None:
            assert active.tracker is not None
            info = active.info
            pieces = PieceMap(file.offset, file.size, info.piece_length(), info.num_pieces())
            policy = StreamPolicy(
                active.handle,
                pieces=pieces,
                tracker=active.tracker,
                file=file,
                num_files=info.num_files(),
                config=self.policy,
            )
            active.policies[file.index] = policy
            policy.start(start_byte)
            if not self.policy.sequential_within_window:
                active.handle.unset_flags(lt.torrent_flags.sequential_download)
            if policy.is_mp4:
                self._find_index(active, policy)
        return policy

    def _find_index(self, active: ActiveTorrent, policy: StreamPolicy) -> None:
        """Once the file's first piece is here, read where its MP4 index is (set_index)."""
        first = policy.map.first
        assert active.tracker is not None
        tracker = active.tracker

        async def read() -> None:
            index = None
            try:
                blob = await self.read_piece(active, first)
                skip = policy.map.file_offset - first * policy.map.piece_length
                index = index_range(blob[skip:], policy.map.file_size)
            except Exception as exc:  # a failed read: the usual footer
                log.info("could not read the MP4 header of %s: %s", active.name, exc)
            policy.set_index(index)

        def spawn() -> None:
            task = asyncio.ensure_future(read())
            active.tasks.add(task)
            task.add_done_callback(active.tasks.discard)

        def arrived(piece: int) -> None:
            if piece == first:
                tracker.listeners.remove(arrived)
                spawn()

        if tracker.have[first]:
            spawn()
        else:
            tracker.listeners.append(arrived)

    def file_path(self, active: ActiveTorrent, file: TorrentFile) -> Path:
        path = active.save_path / file.path
        check = path.resolve()
        if not check.is_relative_to(active.save_path.resolve()):
            raise BadTorrent(f"file name escapes the cache: {file.path!r}")
        return path

    async def remove(self, active: ActiveTorrent, delete_files: bool = False) -> None:
        self.active.pop(active.info_hash, None)
        self._by_handle.pop(active.handle, None)
        if active.keeper is not None:
            active.keeper.cancel()
        _retire(active)
        if active.handle.is_valid():
            if active.handle.status().has_metadata and not delete_files:
                await asyncio.to_thread(self.session.save_resume, [active.handle])
            flags = lt.session.delete_files if delete_files else 0
            self.session.ses.remove_torrent(active.handle, flags)

    async def discard(self, active: ActiveTorrent) -> None:
        """Forget a torrent refused on its first add: no files, folder or resume data stay behind."""
        await self.remove(active, delete_files=True)
        self.session.resume_file(active.info_hash).unlink(missing_ok=True)
        if active.fresh and active.save_path.parent == self.cache_root:
            await asyncio.to_thread(shutil.rmtree, active.save_path, True)

    def close(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        for active in self.active.values():
            _retire(active)


def _retire(active: ActiveTorrent) -> None:
    """No more libtorrent calls for this torrent from its tasks and policies."""
    for task in active.tasks:
        task.cancel()
    for policy in active.policies.values():
        policy.close()


def _resolve(fut: asyncio.Future[None]) -> None:
    if not fut.done():
        fut.set_result(None)


def _fail(fut: asyncio.Future[None], message: str) -> None:
    if not fut.done():
        fut.set_exception(BadTorrent(f"torrent failed: {message}"))
