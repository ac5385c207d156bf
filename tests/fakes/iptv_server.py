"""A loopback IPTV server: live HLS with a sliding window, archive endpoints that record the exact
URL asked for, a channel that 404s and one that stalls.

Segments are real MPEG-TS made by ffmpeg (1 s each, a test picture with a running clock).
- ``/live/<ch>/index.m3u8`` (also ``mono.m3u8``, ``/live/u/p/<id>.m3u8``, any ``…/mpegts``):
  a live media playlist of ``window`` segments whose media sequence moves on with wall time,
  no ``#EXT-X-ENDLIST``. With a ``utc=`` query (shift/append catch-up) it is an archive.
- Archive: any path with ``timeshift``, ``archive`` or ``catchup`` in it, or a query with
  ``utc=``/``playseek=``: recorded in ``archive_requests`` and answered with a finished (VOD)
  playlist, or a whole TS for a ``.ts`` path.
- ``/dead/…``: 404. ``/stall/…``: the playlist answers, its segments hang.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

SEGMENTS = 8
ARCHIVE_MARKERS = ("timeshift", "archive", "catchup")


def make_segments(root: Path, count: int = SEGMENTS) -> list[Path]:
    """``count`` one-second MPEG-TS segments (320x180, 25 fps, a tone), made once per folder."""
    if shutil.which("ffmpeg") is None:
        raise RuntimeError("ffmpeg is needed to make the IPTV test stream")
    root.mkdir(parents=True, exist_ok=True)
    existing = sorted(root.glob("seg*.ts"))
    if len(existing) >= count:
        return existing[:count]
    subprocess.run(
        [
            "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25",
            "-f", "lavfi", "-i", "sine=frequency=440", "-t", str(count),
            "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-keyint_min", "25",
            "-c:a", "aac", "-b:a", "48k", "-f", "segment", "-segment_time", "1",
            "-segment_format", "mpegts", "-reset_timestamps", "0", str(root / "seg%03d.ts"),
        ],
        check=True,
    )  # fmt: skip
    return sorted(root.glob("seg*.ts"))[:count]


class IptvServer(ThreadingHTTPServer):
    """Serve it with ``with IptvServer(segments) as srv:``; ``srv.base`` is its URL."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, segments: list[Path], window: int = 4) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.data = [p.read_bytes() for p in segments]
        self.window = window
        self.started = time.monotonic()
        self.lock = threading.Lock()
        self.requests: list[tuple[str, dict[str, str]]] = []  # (path with query, headers)
        self.archive_requests: list[str] = []
        self.live_playlists = 0
        self.release = threading.Event()
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def media_sequence(self) -> int:
        return int(time.monotonic() - self.started)

    def __enter__(self) -> IptvServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.release.set()
        self.shutdown()
        self.server_close()


def is_archive(path: str, query: str) -> bool:
    lowered = path.lower()
    return any(m in lowered for m in ARCHIVE_MARKERS) or "utc=" in query or "playseek=" in query


class _Handler(BaseHTTPRequestHandler):
    server: IptvServer

    def log_message(self, *_args: object) -> None:
        pass

    def _send(self, body: bytes, content_type: str, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        srv = self.server
        parts = urlsplit(self.path)
        path, query = parts.path, parts.query
        with srv.lock:
            srv.requests.append((self.path, dict(self.headers.items())))
        if path.startswith("/dead/"):
            self._send(b"not found", "text/plain", 404)
            return
        name = path.rsplit("/", 1)[-1]
        if name.startswith("seg") and name.endswith(".ts"):
            if path.startswith("/stall/"):
                srv.release.wait()  # a dead CDN: the request hangs until the test ends
                return
            number = int(name[3:-3])
            self._send(srv.data[number % len(srv.data)], "video/mp2t")
            return
        folder = path.rsplit("/", 1)[0]
        if is_archive(path, query):
            with srv.lock:
                srv.archive_requests.append(self.path)
            if path.endswith(".ts") or path.endswith("/mpegts"):
                self._send(b"".join(srv.data), "video/mp2t")
                return
            lines = ["#EXTM3U", "#EXT-X-VERSION:3", "#EXT-X-TARGETDURATION:1", "#EXT-X-MEDIA-SEQUENCE:0",
                     "#EXT-X-PLAYLIST-TYPE:VOD"]  # fmt: skip
            for i in range(len(srv.data)):
                lines += ["#EXTINF:1.000,", f"{folder}/seg{i:03d}.ts"]
            lines.append("#EXT-X-ENDLIST")
            self._send(("\n".join(lines) + "\n").encode(), "application/vnd.apple.mpegurl")
            return
        if path.endswith((".m3u8", "/mpegts", "/live")) or "/live/" in path:
            with srv.lock:
                srv.live_playlists += 1
            seq = srv.media_sequence()
            n = len(srv.data)
            lines = ["#EXTM3U", "#EXT-X-VERSION:3", "#EXT-X-TARGETDURATION:1", f"#EXT-X-MEDIA-SEQUENCE:{seq}",
                     f"#EXT-X-DISCONTINUITY-SEQUENCE:{seq // n}"]  # fmt: skip
            for i in range(seq, seq + srv.window):
                if i % n == 0 and i != seq:  # the loop starts again: its timestamps jump back
                    lines.append("#EXT-X-DISCONTINUITY")
                lines += ["#EXTINF:1.000,", f"{folder}/seg{i:03d}.ts"]
            self._send(("\n".join(lines) + "\n").encode(), "application/vnd.apple.mpegurl")
            return
        self._send(b"not found", "text/plain", 404)
