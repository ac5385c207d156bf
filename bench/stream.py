"""Torrent streaming benchmark: a 200 MB video seeded at 4 MB/s over loopback by libtorrent,
aria2c and transmission-cli; magnet -> first 2 MiB served -> first frame in VLC; seek to 80 %
-> frame; back-seek of 10 s -> frame; each beside its floor (bytes / rate) from the same run.

    .venv/bin/python bench/stream.py [--size-mb 200] [--rate 4000000] [--seeders lt,aria2,tr]

The video (H.264 720p noise, ~16 Mbit/s, index at the end) is built once under --work
(default /tmp/cinema-bench-stream, never committed). Frames are timed with libvlc's display
callback (vmem); the first one also with the MediaPlayerVout event.
"""

from __future__ import annotations

import argparse
import asyncio
import ctypes
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.bootstrap import build_services
from app.engines.torrent.session import SessionConfig
from app.services.streaming import StreamingService
from tests.fakes.swarm import (
    Aria2Seeder,
    LibtorrentSeeder,
    TransmissionSeeder,
    magnet,
    make_torrent,
)

MiB = 1024 * 1024
LOOPBACK = SessionConfig(listen_interfaces="127.0.0.1:0", dht=False, lsd=False, upnp=False, natpmp=False)


def make_big_video(path: Path, size_mb: int) -> Path:
    """~16 Mbit/s 720p noise: encode 10 s once, then stream-copy it end to end to the size."""
    if path.exists() and abs(path.stat().st_size - size_mb * 1e6) < size_mb * 1e6 * 0.15:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name("part.mp4")
    subprocess.run(
        ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
         "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25:duration=10,noise=alls=60:allf=t",
         "-f", "lavfi", "-i", "sine=frequency=440:duration=10",
         "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "16M", "-minrate", "16M",
         "-maxrate", "16M", "-bufsize", "4M", "-g", "25", "-c:a", "aac", "-shortest", str(part)],
        check=True,
    )  # fmt: skip
    copies = max(1, round(size_mb * 1e6 / part.stat().st_size))
    listing = path.with_name("list.txt")
    listing.write_text("".join(f"file '{part.name}'\n" for _ in range(copies)))
    subprocess.run(
        ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "concat", "-safe", "0",
         "-i", str(listing), "-c", "copy", str(path)],
        check=True,
    )  # fmt: skip
    return path


class FrameClock:
    """libvlc rendering into memory; display times recorded from VLC's thread (no libvlc calls)."""

    W, H = 320, 180

    def __init__(self, url: str) -> None:
        import vlc

        self.vlc = vlc
        self.frames: list[float] = []
        self.vout_at: float | None = None
        self.errors = threading.Event()
        self.buf = (ctypes.c_ubyte * (self.W * self.H * 4))()
        self.ptr = ctypes.cast(self.buf, ctypes.c_void_p)

        @vlc.CallbackDecorators.VideoLockCb
        def lock(_opaque: Any, planes: Any) -> Any:
            planes[0] = self.ptr
            return None

        @vlc.CallbackDecorators.VideoUnlockCb
        def unlock(_opaque: Any, _picture: Any, _planes: Any) -> None:
            return None

        @vlc.CallbackDecorators.VideoDisplayCb
        def display(_opaque: Any, _picture: Any) -> None:
            self.frames.append(time.monotonic())

        self._cbs = (lock, unlock, display)
        self.instance = vlc.Instance("--aout=dummy", "--quiet", "--no-xlib")
        self.player = self.instance.media_player_new()
        self.player.video_set_callbacks(lock, unlock, display, None)
        self.player.video_set_format("RV32", self.W, self.H, self.W * 4)
        events = self.player.event_manager()
        events.event_attach(vlc.EventType.MediaPlayerVout, self._on_vout)
        events.event_attach(vlc.EventType.MediaPlayerEncounteredError, lambda _e: self.errors.set())
        self.player.set_media(self.instance.media_new(url, ":network-caching=300"))

    def _on_vout(self, _event: Any) -> None:
        if self.vout_at is None:
            self.vout_at = time.monotonic()

    def frame_after(self, t: float) -> float | None:
        return next((f for f in self.frames if f > t), None)

    def close(self) -> None:
        self.player.stop()
        self.player.release()
        self.instance.release()


async def wait_for(cond: Any, limit: float, step: float = 0.005) -> bool:
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if cond():
            return True
        await asyncio.sleep(step)
    return False


async def seek_and_time(
    streaming: StreamingService, clock: FrameClock, entry: Any, action: Any, size: int, rate: int
) -> tuple[float | None, float]:
    """Run a seek; seconds to the first frame after the player's new request; the floor."""
    server = streaming.server
    assert server is not None
    served_before = entry.served
    n_requests = len(server.requests)
    t_seek = time.monotonic()
    action()
    # The frame that counts follows the request the seek caused (older frames may still flush).
    await wait_for(lambda: len(server.requests) > n_requests, 2.0)
    new = [t for t, _ in list(server.requests)[n_requests:]]
    after = new[0] if new else t_seek
    ok = await wait_for(lambda: clock.frame_after(after) is not None, 30.0)
    frame = clock.frame_after(after) if ok else None
    needed = entry.served - served_before
    return (frame - t_seek if frame else None), needed / rate


async def run_one(kind: str, video: Path, torrent: Path, work: Path, rate: int, size: int) -> dict[str, Any]:
    seed_work = work / f"seeder-{kind}"
    shutil.rmtree(seed_work, ignore_errors=True)
    if kind == "lt":
        seeder: Any = LibtorrentSeeder(torrent, video.parent, upload_rate=rate)
    elif kind == "aria2":
        seeder = Aria2Seeder(torrent, video.parent, seed_work, upload_kib=rate // 1024)
    else:
        seeder = TransmissionSeeder(torrent, video.parent, seed_work, upload_kib=rate // 1000)
    home = Path(tempfile.mkdtemp(prefix=f"stream-{kind}-", dir=work))
    services = build_services(home, load_demo=False, console_log=False)
    out: dict[str, Any] = {"seeder": kind}
    try:
        async with StreamingService(services, session_config=LOOPBACK) as streaming:
            t0 = time.monotonic()
            handle = await streaming.open_stream(magnet(torrent, [seeder.port]))
            t_meta = time.monotonic()
            out["metadata_s"] = t_meta - t0
            async with (
                aiohttp.ClientSession() as http,
                http.get(handle.url, headers={"Range": f"bytes=0-{2 * MiB - 1}"}) as resp,
            ):
                head = await resp.read()
            assert len(head) == 2 * MiB
            out["first_2mib_s"] = time.monotonic() - t_meta
            out["first_2mib_floor_s"] = 2 * MiB / rate
            assert streaming.server is not None
            entry = next(iter(streaming.server.entries.values()))
            clock = FrameClock(handle.url)
            served0 = entry.served
            t_play = time.monotonic()
            clock.player.play()
            await wait_for(lambda: clock.vout_at is not None and clock.frames, 60.0)
            first = clock.frames[0] if clock.frames else None
            out["first_frame_s"] = (first - t_meta) if first else None
            out["vout_event_s"] = (clock.vout_at - t_meta) if clock.vout_at else None
            out["first_frame_floor_s"] = out["first_2mib_floor_s"] + (entry.served - served0) / rate
            out["play_to_frame_s"] = (first - t_play) if first else None
            await asyncio.sleep(2.0)
            length = clock.player.get_length()
            handle.set_duration(length / 1000)  # what the player facade does once it knows

            async def follow_clock() -> None:  # what a player does on its time-changed events
                while True:
                    handle.set_playback_time(clock.player.get_time() / 1000)
                    await asyncio.sleep(0.25)

            follower = asyncio.ensure_future(follow_clock())
            out["seek80_s"], out["seek80_floor_s"] = await seek_and_time(
                streaming, clock, entry, lambda: clock.player.set_position(0.8), size, rate
            )
            await asyncio.sleep(3.0)
            now_ms = clock.player.get_time()
            out["backseek_s"], out["backseek_floor_s"] = await seek_and_time(
                streaming,
                clock,
                entry,
                lambda: clock.player.set_time(max(now_ms - 10_000, 0)),
                size,
                rate,
            )
            follower.cancel()
            out["length_s"] = length / 1000
            out["vlc_error"] = clock.errors.is_set()
            await asyncio.to_thread(clock.close)
            out["stats"] = handle.stats().line()
    finally:
        seeder.close()
        services.db.dispose()
        shutil.rmtree(home, ignore_errors=True)
    return out


def fmt(v: Any) -> str:
    return "  -  " if v is None else f"{v:5.2f}"


async def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--size-mb", type=int, default=200)
    ap.add_argument("--rate", type=int, default=4_000_000, help="seeder upload limit, bytes/s")
    ap.add_argument("--seeders", default="lt,aria2,tr")
    ap.add_argument("--work", type=Path, default=Path("/tmp/cinema-bench-stream"))
    args = ap.parse_args()
    video = make_big_video(args.work / "seed" / "Big Film (2024).mp4", args.size_mb)
    torrent = make_torrent(video, args.work / "big.torrent", piece_length=256 * 1024)
    print(f"video {video.stat().st_size / 1e6:.0f} MB, seeder rate {args.rate / 1e6:.1f} MB/s, "
          f"{os.cpu_count()} cores")  # fmt: skip
    rows = []
    for kind in args.seeders.split(","):
        res = await run_one(kind, video, torrent, args.work, args.rate, video.stat().st_size)
        rows.append(res)
        print(res, flush=True)
    print()
    print("seconds (ours | floor)  metadata  first-2MiB        first-frame       "
          "seek-80%          back-seek-10s")  # fmt: skip
    for r in rows:
        print(
            f"{r['seeder']:<22} {fmt(r['metadata_s'])}   "
            f"{fmt(r['first_2mib_s'])} | {fmt(r['first_2mib_floor_s'])}   "
            f"{fmt(r['first_frame_s'])} | {fmt(r['first_frame_floor_s'])}   "
            f"{fmt(r['seek80_s'])} | {fmt(r['seek80_floor_s'])}   "
            f"{fmt(r['backseek_s'])} | {fmt(r['backseek_floor_s'])}"
        )


if __name__ == "__main__":
    asyncio.run(main())
