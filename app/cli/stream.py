"""``cinema stream SOURCE``: stream a torrent to any player through the local stream server."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import sys
from collections.abc import Coroutine
from typing import Any, TypeVar

from app.services.context import AppContext

T = TypeVar("T")


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "stream",
        help="stream a torrent: print a local URL once the start is buffered, serve until Ctrl-C",
    )
    p.add_argument("source", metavar="SOURCE", help="magnet link, .torrent file or info-hash")
    p.add_argument("--file-index", type=int, default=None, help="file of the torrent to play")
    p.add_argument("--start-byte", type=int, default=0, help="prebuffer from here (resume)")
    p.add_argument("--list", action="store_true", help="list the torrent's files and exit")
    p.add_argument("--stats-interval", type=float, default=1.0, help="seconds between stats lines on stderr")
    p.set_defaults(handler=cmd_stream)


def cmd_stream(services: AppContext, args: argparse.Namespace) -> int:
    return asyncio.run(_stream(services, args))


async def _until_stopped(work: Coroutine[Any, Any, T], stop: asyncio.Event) -> T | None:
    """``work``'s result, or None as soon as ``stop`` is set (the work is cancelled)."""
    task = asyncio.ensure_future(work)
    waiting = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({task, waiting}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        waiting.cancel()
    if task.done():
        return task.result()
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError, Exception):
        await task
    return None


async def _stream(services: AppContext, args: argparse.Namespace) -> int:
    from app.services.sources.torrent_stream import StreamingService

    stop = asyncio.Event()
    stopped_by: list[int] = []
    loop = asyncio.get_running_loop()

    def on_signal(sig: int) -> None:
        stopped_by.append(sig)
        stop.set()

    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, on_signal, sig)
    async with StreamingService(services) as streaming:
        if args.list:  # every file with its index, a video or not (the way to find an index)
            files = await _until_stopped(streaming.list_files(args.source), stop)
            if files is None:
                print("stopped before the torrent's metadata arrived", file=sys.stderr, flush=True)
                return 128 + stopped_by[0]
            chosen = _default_file(files)
            for f in files:
                if not f.is_pad:
                    mark = "*" if chosen is not None and f.index == chosen else " "
                    print(f"{mark} {f.index}\t{f.size}\t{f.path}")
            return 0
        # Ctrl-C or SIGTERM while the metadata is awaited stops at once (128 + the signal)
        handle = await _until_stopped(
            streaming.open_stream(args.source, args.file_index, args.start_byte), stop
        )
        if handle is None:
            print("stopped before the torrent's metadata arrived", file=sys.stderr, flush=True)
            return 128 + stopped_by[0]
        print(f"buffering {handle.file_name} ({handle.size} bytes)", file=sys.stderr, flush=True)
        no_peers_s = services.settings.torrent_metadata_timeout_s
        playable = asyncio.ensure_future(streaming.wait_playable(handle, 3600, no_peers_s=no_peers_s))
        waiting = asyncio.ensure_future(stop.wait())
        served = False
        try:
            while not stop.is_set():
                done, _ = await asyncio.wait(
                    {playable, waiting} if not playable.done() else {waiting},
                    timeout=args.stats_interval,
                )
                if playable in done:
                    playable.result()  # raises BadTorrent if it failed (or no peer came in time)
                    print(handle.url, flush=True)
                    served = True
                print(handle.stats().line(), file=sys.stderr, flush=True)
        finally:
            playable.cancel()
            waiting.cancel()
            await streaming.close(handle)
    # stopped by a signal before the URL was ready: 128 + the signal, as a shell reports it
    return 0 if served or not stopped_by else 128 + stopped_by[0]


def _default_file(files: list[Any]) -> int | None:
    """The file streaming would pick (the largest video), or None when there is no video."""
    videos = [f for f in files if f.is_video and f.size > 0]
    return max(videos, key=lambda f: f.size).index if videos else None
