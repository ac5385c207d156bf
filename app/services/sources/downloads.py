"""The Downloads page's work: torrents in the cache with their progress, rate and peers; Keep for
offline (finish the played file and keep it outside the cache's cap), pause, resume, remove with
or without the data; the cap and what the cache uses.

It shares the app's one torrent session with playback (``SourceOpener.streaming_service``):
a torrent that plays is the same torrent here. Listing never starts the session; Keep and
Resume do.
"""

from __future__ import annotations

import logging
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.tasks import run_blocking
from app.domain.errors import BadTorrent, CinemaError
from app.services.context import AppContext

if TYPE_CHECKING:
    from types import ModuleType

    from app.engines.torrent.engine import ActiveTorrent
    from app.services.sources.torrent_stream import StreamingService
    from app.storage.torrent_repo import TorrentRecord

log = logging.getLogger(__name__)


def _repo() -> ModuleType:
    """The torrents' table (SQLAlchemy and libtorrent load when the page is used, not at start)."""
    from app.storage import torrent_repo

    return torrent_repo


FINISHED_STATES = ("finished", "seeding")


class DownloadState:
    """What a row says: streaming now, downloading, paused, done, waiting (in the cache, idle)."""

    STREAMING = "streaming"
    DOWNLOADING = "downloading"
    METADATA = "metadata"
    PAUSED = "paused"
    DONE = "done"
    IDLE = "idle"


@dataclass(frozen=True)
class Download:
    """One torrent of the cache as the Downloads page shows it."""

    info_hash: str
    name: str
    size: int | None  # the torrent's bytes (the played file's when it is known to be one)
    progress: float  # 0..1 of what it wants (the played file once kept)
    rate: int  # bytes per second, down
    peers: int
    state: str
    keep: bool
    paused: bool
    on_disk: int  # bytes the cache folder really holds
    error: str | None = None


@dataclass(frozen=True)
class DownloadsView:
    items: tuple[Download, ...]
    cap_bytes: int
    used_bytes: int

    @property
    def kept_bytes(self) -> int:
        return sum(d.on_disk for d in self.items if d.keep)


class Downloads:
    """Qt-free; call it from the loop. ``streaming()`` gives the app's torrent session service."""

    def __init__(self, services: AppContext, streaming: Callable[[], StreamingService]) -> None:
        self._s = services
        self._streaming = streaming

    # -- reading --------------------------------------------------------------------------------
    def _service(self) -> StreamingService:
        return self._streaming()

    def _active(self, info_hash: str) -> ActiveTorrent | None:
        engine = self._service().engine
        return engine.active.get(info_hash) if engine is not None else None

    def _streamed(self) -> set[str]:
        return {h.info_hash for h in self._service().handles}

    def _read(self) -> tuple[list[TorrentRecord], dict[str, int]]:
        return _repo().list_torrents(self._s.db), self._service().cache.usage()

    async def view(self) -> DownloadsView:
        """Every torrent of the cache, newest use first, with live figures for those in the session."""
        records, usage = await run_blocking(self._read)
        streamed = self._streamed()
        items: list[Download] = []
        finished: list[tuple[str, int]] = []
        for record in sorted(records, key=lambda r: -r.last_access_at):
            item = self._item(record, usage.get(record.info_hash, 0), streamed)
            items.append(item)
            if item.state == DownloadState.DONE and record.completed_at is None and item.keep:
                finished.append((record.info_hash, item.on_disk))
        if finished:
            await run_blocking(self._mark_done, finished)
        cap = self._service().cache.cap_bytes
        return DownloadsView(tuple(items), cap, sum(usage.values()))

    def _item(self, record: TorrentRecord, on_disk: int, streamed: set[str]) -> Download:
        name = record.name or record.info_hash
        active = self._active(record.info_hash)
        if active is None or not active.handle.is_valid():
            size = record.total_size
            if record.completed_at is not None:
                progress = 1.0
            elif record.done_bytes is not None and size:
                progress = min(1.0, record.done_bytes / size)
            else:
                progress = min(1.0, on_disk / size) if size else 0.0
            done = record.completed_at is not None
            state = (
                DownloadState.DONE
                if done
                else (DownloadState.PAUSED if record.paused else DownloadState.IDLE)
            )
            return Download(
                record.info_hash, name, size, progress, 0, 0, state, record.keep, record.paused, on_disk
            )
        status = active.handle.status()
        wanted = int(getattr(status, "total_wanted", 0) or 0)
        progress = float(status.progress) if status.has_metadata else 0.0
        if not status.has_metadata:
            state = DownloadState.METADATA
        elif str(status.state).rsplit(".", 1)[-1] in FINISHED_STATES or progress >= 1.0:
            state = DownloadState.DONE
        elif bool(status.paused):
            state = DownloadState.PAUSED
        elif record.info_hash in streamed:
            state = DownloadState.STREAMING
        else:
            state = DownloadState.DOWNLOADING
        # its rate is an average that decays: a paused or finished one moves nothing
        paused = bool(status.paused) or state == DownloadState.DONE
        return Download(
            record.info_hash,
            active.name if status.has_metadata else name,
            wanted or record.total_size,
            progress,
            0 if paused else int(status.download_payload_rate),
            0 if paused else int(status.num_peers),
            state,
            record.keep,
            bool(status.paused),
            on_disk,
            active.error,
        )

    def _mark_done(self, finished: list[tuple[str, int]]) -> None:
        now = int(self._s.clock.now().timestamp())
        for info_hash, size in finished:
            _repo().update_state(self._s.db, info_hash, completed_at=now, done_bytes=size)

    def has_unfinished_kept(self) -> bool:
        """A torrent kept for offline is neither paused nor finished (blocking: a worker asks)."""
        records = _repo().list_torrents(self._s.db)
        return any(r.keep and not r.paused and r.completed_at is None for r in records)

    def _record(self, info_hash: str) -> TorrentRecord:
        records: list[TorrentRecord] = _repo().list_torrents(self._s.db)
        for record in records:
            if record.info_hash == info_hash:
                return record
        raise CinemaError("this torrent is not in the cache any more")

    # -- acting ---------------------------------------------------------------------------------
    async def keep(self, info_hash: str, on: bool = True) -> None:
        """Keep for offline: the played file is downloaded to the end and the cache's clean-up
        leaves it alone. Off: it is an ordinary cached torrent again (removed when idle and over the cap)."""
        record = await run_blocking(self._record, info_hash)
        await run_blocking(_repo().update_state, self._s.db, info_hash, keep=on, paused=False)
        if not on:
            return
        await self._download(record)

    async def _download(self, record: TorrentRecord) -> None:
        """Put the torrent in the session (if it is not) and want all of its file."""
        service = self._service()
        for handle in service.handles:  # it plays now: its stream keeps the whole file
            if handle.info_hash == record.info_hash:
                await service.set_keep(handle, True)
                return
        engine = await service.started_engine()
        active = engine.active.get(record.info_hash)
        if active is None:
            try:
                from app.engines.torrent.adding import parse_source

                source = await run_blocking(parse_source, record.source)
            except BadTorrent as exc:
                raise CinemaError(f"{record.name or record.info_hash}: {exc}") from None
            active = await engine.add(source, self._s.settings.torrent_metadata_timeout_s)
        policy = engine.open_file(active, record.file_index)
        policy.keep_all()
        if active.handle.status().paused:
            active.handle.resume()
        now = int(self._s.clock.now().timestamp())
        await run_blocking(
            lambda: _repo().record_access(
                self._s.db,
                record.info_hash,
                source=record.source,
                now=now,
                name=active.name,
                total_size=active.total_size,
                file_index=policy.file.index,
            )
        )

    async def pause(self, info_hash: str) -> None:
        """Stop downloading (and sharing) it; not while it plays."""
        if info_hash in self._streamed():
            raise CinemaError("it plays now: stop the video first, then pause its download")
        await run_blocking(_repo().update_state, self._s.db, info_hash, paused=True)
        active = self._active(info_hash)
        if active is not None and active.handle.is_valid():
            status = active.handle.status()
            active.handle.pause()
            if status.has_metadata:
                done = int(getattr(status, "total_wanted_done", 0) or 0)
                await run_blocking(_repo().update_state, self._s.db, info_hash, done_bytes=done)

    async def resume(self, info_hash: str) -> None:
        """Go on downloading a paused torrent (a kept one is added to the session again)."""
        record = await run_blocking(self._record, info_hash)
        await run_blocking(_repo().update_state, self._s.db, info_hash, paused=False)
        active = self._active(info_hash)
        if active is not None and active.handle.is_valid():
            active.handle.resume()
        elif record.keep and record.completed_at is None:
            await self._download(record)

    async def remove(self, info_hash: str, delete_data: bool, move_to: Path | None = None) -> Path | None:
        """Take it out of the session and the list; ``delete_data`` also deletes its files.
        Without it the files leave the cache (whose clean-up would delete them) for ``move_to``:
        the folder they are in now is returned."""
        if info_hash in self._streamed():
            raise CinemaError("it plays now: stop the video first, then remove it")
        service = self._service()
        active = self._active(info_hash)
        if active is not None and service.engine is not None:
            await service.engine.remove(active, delete_files=delete_data)
        moved: Path | None = None
        if not delete_data and move_to is not None:
            record = await run_blocking(self._record, info_hash)
            moved = await run_blocking(
                _move_out, service.cache.folder(info_hash), move_to, record.name or info_hash
            )
        await run_blocking(_repo().delete_torrents, self._s.db, [info_hash])
        if delete_data:
            await run_blocking(service.cache.delete, info_hash)
        if service.session is not None:
            resume = service.session.resume_file(info_hash)
            await run_blocking(lambda: resume.unlink(missing_ok=True))
        return moved

    async def resume_kept(self) -> int:
        """At start: kept torrents that were not finished (and not paused) go on downloading."""
        records = await run_blocking(_repo().list_torrents, self._s.db)
        pending = [r for r in records if r.keep and not r.paused and r.completed_at is None]
        for record in pending:
            try:
                await self._download(record)
            except CinemaError as exc:
                log.warning("a kept torrent could not be resumed: %s", exc)
        return len(pending)


def _move_out(folder: Path, target: Path, name: str) -> Path | None:
    """Move what a torrent wrote from the cache into ``target`` under a free name (its one file
    or its folder); None when it wrote nothing."""
    entries = list(folder.iterdir()) if folder.is_dir() else []
    if not entries:
        return None
    source = entries[0] if len(entries) == 1 else folder
    base = (
        re.sub(r'[/\\:*?"<>|]+', "_", source.name if source is not folder else name).strip(" .") or "torrent"
    )
    target.mkdir(parents=True, exist_ok=True)
    stem, dot, suffix = base.rpartition(".") if "." in base and source.is_file() else (base, "", "")
    destination, n = target / base, 2
    while destination.exists():
        destination, n = target / (f"{stem} ({n}).{suffix}" if dot else f"{base} ({n})"), n + 1
    shutil.move(str(source), str(destination))
    if source is not folder:
        shutil.rmtree(folder, ignore_errors=True)
    return destination
