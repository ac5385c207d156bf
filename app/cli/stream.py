"""``cinema stream SOURCE``: stream a torrent to any player through the local stream server."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import sys
from typing import Any

from app.services.context import AppContext


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


async def _stream(services: AppContext, args: argparse.Namespace) -> int:
    from app.services.sources.torrent_stream import StreamingService

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    async with StreamingService(services) as streaming:
        handle = await streaming.open_stream(args.source, args.file_index, args.start_byte)
        if args.list:
            for f in handle.files:
                if not f.is_pad:
                    mark = "*" if f.index == handle.file_index else " "
                    print(f"{mark} {f.index}\t{f.size}\t{f.path}")
            return 0
        print(f"buffering {handle.file_name} ({handle.size} bytes)", file=sys.stderr, flush=True)
        playable = asyncio.ensure_future(streaming.wait_playable(handle, 3600))
        waiting = asyncio.ensure_future(stop.wait())
        try:
            while not stop.is_set():
                done, _ = await asyncio.wait(
                    {playable, waiting} if not playable.done() else {waiting},
                    timeout=args.stats_interval,
                )
                if playable in done:
                    playable.result()  # raises BadTorrent if it failed
                    print(handle.url, flush=True)
                print(handle.stats().line(), file=sys.stderr, flush=True)
        finally:
            playable.cancel()
            waiting.cancel()
            await streaming.close(handle)
    return 0
