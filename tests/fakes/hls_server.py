"""A real HLS/DASH server on 127.0.0.1: streams made by ffmpeg, optionally stalling after N segments."""

from __future__ import annotations

import shutil
import subprocess
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

VARIANTS = ((180, 400_000), (360, 900_000))


def make_hls(root: Path, seconds: int = 12) -> Path:
    """Write ``root/master.m3u8`` with a 180p and a 360p variant of 1 s segments; return it."""
    if shutil.which("ffmpeg") is None:
        raise RuntimeError("ffmpeg is needed to make the HLS test stream")
    lines = ["#EXTM3U", "#EXT-X-VERSION:3"]
    for height, bandwidth in VARIANTS:
        width = height * 16 // 9
        out = root / f"v{height}"
        out.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", f"testsrc2=size={width}x{height}:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440", "-t", str(seconds),
                "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-c:a", "aac", "-b:a", "48k",
                "-f", "hls", "-hls_time", "1", "-hls_playlist_type", "vod",
                "-hls_segment_filename", str(out / "seg%03d.ts"), str(out / "index.m3u8"),
            ],
            check=True,
        )  # fmt: skip
        lines.append(
            f'#EXT-X-STREAM-INF:BANDWIDTH={bandwidth},RESOLUTION={width}x{height},CODECS="avc1.42c01e,mp4a.40.2"'
        )
        lines.append(f"v{height}/index.m3u8")
    master = root / "master.m3u8"
    master.write_text("\n".join(lines) + "\n")
    return master


def make_dash(root: Path, seconds: int = 8) -> Path:
    """Write ``root/manifest.mpd`` (1 s fMP4 segments, video and audio); return it."""
    root.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25",
            "-f", "lavfi", "-i", "sine=frequency=440", "-t", str(seconds), "-c:v", "libx264",
            "-preset", "ultrafast", "-g", "25", "-c:a", "aac", "-b:a", "48k",
            "-f", "dash", "-seg_duration", "1", str(root / "manifest.mpd"),
        ],
        check=True,
    )  # fmt: skip
    return root / "manifest.mpd"


class _Handler(SimpleHTTPRequestHandler):
    server: HlsServer

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        srv = self.server
        with srv.lock:
            srv.requests.append(
                (self.path, self.headers.get("User-Agent", ""), self.headers.get("Referer", ""))
            )
            if self.path.endswith((".ts", ".m4s")):
                srv.segments_served += 1
                stalled = srv.stall_after is not None and srv.segments_served > srv.stall_after
            else:
                stalled = False
        if stalled:
            srv.release.wait()  # hang like a dead CDN until the test ends
            return
        super().do_GET()


class HlsServer(ThreadingHTTPServer):
    """Serves ``root``; ``stall_after`` segments then every segment request hangs."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, root: Path, stall_after: int | None = None) -> None:
        super().__init__(("127.0.0.1", 0), partial(_Handler, directory=str(root)))
        self.stall_after = stall_after
        self.segments_served = 0
        self.requests: list[tuple[str, str, str]] = []
        self.lock = threading.Lock()
        self.release = threading.Event()
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self) -> HlsServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.release.set()
        self.shutdown()
        self.server_close()
