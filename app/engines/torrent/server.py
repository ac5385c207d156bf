"""The local stream server: HTTP Range over a torrent file being downloaded, 127.0.0.1 only."""

from __future__ import annotations

import itertools
import logging
import mimetypes
import re
import secrets
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import quote

from aiohttp import web

from app.engines.torrent.streaming import PieceMap, PieceTracker, StreamPolicy

log = logging.getLogger(__name__)

CHUNK = 256 * 1024
PieceReader = Callable[[int], Awaitable[bytes]]
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
_EXTRA_TYPES = {
    ".mkv": "video/x-matroska",
    ".webm": "video/webm",
    ".ts": "video/mp2t",
    ".m2ts": "video/mp2t",
    ".flv": "video/x-flv",
    ".avi": "video/x-msvideo",
}


def content_type(name: str) -> str:
    suffix = PurePosixPath(name).suffix.lower()
    return _EXTRA_TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"


@dataclass
class StreamEntry:
    """What one URL serves: a file of a torrent, its pieces and its streaming policy."""

    token: str
    name: str
    read_piece: PieceReader
    size: int
    policy: StreamPolicy
    tracker: PieceTracker
    readers: int = 0
    served: int = 0  # bytes sent, all readers

    @property
    def map(self) -> PieceMap:
        return self.policy.map


def parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """The inclusive byte range asked for; None for the whole file; ValueError if unsatisfiable."""
    if not header:
        return None
    match = _RANGE.match(header.strip())
    if not match:
        return None  # multi-range or junk: RFC 9110 lets us answer with the whole file
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:
        length = int(last)
        if length == 0:
            raise ValueError("empty suffix range")
        return max(size - length, 0), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or end < start:
        raise ValueError("range not satisfiable")
    return start, end


class StreamServer:
    """aiohttp on 127.0.0.1 with an unguessable token per stream and a Host header check."""

    def __init__(self, stall_timeout: float = 300.0) -> None:
        self.entries: dict[str, StreamEntry] = {}
        self.stall_timeout = stall_timeout
        self.port = 0
        self._runner: web.AppRunner | None = None
        self._ids = itertools.count(1)
        # (monotonic time, first byte) of the latest GET requests: what the player asked when.
        self.requests: deque[tuple[float, int]] = deque(maxlen=256)
        # (monotonic time, first byte, end byte) of the latest chunks written: what was sent when.
        self.chunks: deque[tuple[float, int, int]] = deque(maxlen=4096)

    async def start(self, port: int = 0) -> None:
        app = web.Application()
        app.router.add_route("GET", "/stream/{token}/{name:.*}", self._serve)
        app.router.add_route("HEAD", "/stream/{token}/{name:.*}", self._serve)
        # handler_cancellation: a player that hangs up (it seeks by opening a new request) must
        # stop being a reader at once; otherwise its handler waits on for a piece of the old
        # position and its window stays wanted, competing with the seek's pieces.
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False, handler_cancellation=True)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        server = site._server
        assert server is not None
        self.port = int(server.sockets[0].getsockname()[1])  # type: ignore[attr-defined]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def publish(
        self,
        name: str,
        read_piece: PieceReader,
        size: int,
        policy: StreamPolicy,
        tracker: PieceTracker,
    ) -> str:
        """Serve a file under a new token and return its URL."""
        token = secrets.token_urlsafe(24)
        leaf = PurePosixPath(name).name or "video"
        self.entries[token] = StreamEntry(token, leaf, read_piece, size, policy, tracker)
        return f"http://127.0.0.1:{self.port}/stream/{token}/{quote(leaf)}"

    def unpublish(self, url: str) -> None:
        for token, entry in list(self.entries.items()):
            if f"/stream/{entry.token}/" in url:
                del self.entries[token]

    def _host_ok(self, request: web.Request) -> bool:
        # A page in a browser can reach 127.0.0.1 through DNS rebinding; its Host gives it away.
        host = (request.headers.get("Host") or "").lower()
        return host in {f"127.0.0.1:{self.port}", f"localhost:{self.port}"}

    async def _serve(self, request: web.Request) -> web.StreamResponse:
        if not self._host_ok(request):
            raise web.HTTPForbidden(text="bad host")
        entry = self.entries.get(request.match_info["token"])
        if entry is None:
            raise web.HTTPNotFound()
        try:
            wanted = parse_range(request.headers.get("Range"), entry.size)
        except ValueError:
            raise web.HTTPRequestRangeNotSatisfiable(
                headers={"Content-Range": f"bytes */{entry.size}"}
            ) from None
        start, end = wanted if wanted is not None else (0, entry.size - 1)
        response = web.StreamResponse(status=206 if wanted is not None else 200)
        response.headers["Content-Type"] = content_type(entry.name)
        response.headers["Accept-Ranges"] = "bytes"
        response.headers["Content-Length"] = str(end - start + 1)
        if wanted is not None:
            response.headers["Content-Range"] = f"bytes {start}-{end}/{entry.size}"
        if request.method == "HEAD":
            await response.prepare(request)
            return response
        reader = next(self._ids)
        self.requests.append((time.monotonic(), start))
        entry.readers += 1
        entry.policy.set_reader(reader, start)
        try:
            await response.prepare(request)
            await self._copy(entry, reader, start, end, response)
            await response.write_eof()
        except ConnectionResetError:
            pass  # players drop connections when they seek: normal
        finally:
            entry.readers -= 1
            entry.policy.drop_reader(reader)
        return response

    async def _copy(
        self, entry: StreamEntry, reader: int, start: int, end: int, response: web.StreamResponse
    ) -> None:
        pos = start
        pmap = entry.map
        while pos <= end:
            piece = entry.map.piece_at(pos)
            entry.policy.set_reader(reader, pos)
            if not await entry.tracker.wait(piece, self.stall_timeout):
                log.warning("stream stalled at byte %d of %s", pos, entry.name)
                return
            if entry.tracker.error:
                log.warning("stream of %s failed: %s", entry.name, entry.tracker.error)
                return
            _, piece_end = entry.map.file_range(piece)
            stop = min(piece_end, end + 1, pos + CHUNK)
            blob = await entry.read_piece(piece)
            offset = pmap.file_offset + pos - piece * pmap.piece_length
            data = blob[offset : offset + stop - pos]
            if not data:
                log.warning("short read at byte %d of %s", pos, entry.name)
                return
            await response.write(data)
            self.chunks.append((time.monotonic(), pos, pos + len(data)))
            pos += len(data)
            entry.served += len(data)
