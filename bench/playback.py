"""Playback benchmark: play -> first frame (MediaPlayerVout) for a local file and for HLS on
loopback, through our PlaybackService, beside libvlc's floor (a bare python-vlc player on the
same input, same process, same run). Also the first time tick (when the clock starts moving).

    .venv/bin/python bench/playback.py [--runs 7]
    xvfb-run -a .venv/bin/python bench/playback.py --vout x11   # a real X11 video output

Media (a 20 s 720p H.264 clip and a two-variant HLS stream of 1 s segments) are made by ffmpeg
under --work (default /tmp/cinema-bench-playback) and served over 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import vlc

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.bootstrap import build_services
from app.domain.models import MediaRequest, SourceKind
from app.engines.playback.base import PlayerEvent
from app.services.library.progress import LibraryService
from app.services.playback.session import PlaybackService
from app.services.sources.resolve import Playable
from tests.fakes.hls_server import HlsServer, make_hls


def make_clip(path: Path) -> None:
    if path.exists():
        return
    subprocess.run(
        [
            "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25",
            "-f", "lavfi", "-i", "sine=frequency=440", "-t", "20", "-c:v", "libx264", "-preset", "veryfast",
            "-g", "50", "-c:a", "aac", "-b:a", "96k", "-movflags", "+faststart", str(path),
        ],
        check=True,
    )  # fmt: skip


def floor_once(instance: Any, mrl: str, caching: int) -> tuple[float, float]:
    """A bare libvlc player: seconds from play() to the Vout event and to the first time tick."""
    player = instance.media_player_new()
    vout, tick = threading.Event(), threading.Event()
    events = player.event_manager()
    events.event_attach(vlc.EventType.MediaPlayerVout, lambda e: vout.set() if e.u.new_count > 0 else None)
    events.event_attach(vlc.EventType.MediaPlayerTimeChanged, lambda e: tick.set() if e.u.new_time else None)
    player.set_media(instance.media_new(mrl, f":network-caching={caching}"))
    t0 = time.perf_counter()
    player.play()
    vout.wait(10)
    t_vout = time.perf_counter() - t0
    tick.wait(10)
    t_tick = time.perf_counter() - t0
    player.stop()
    player.release()
    return t_vout, t_tick


async def ours_once(pb: PlaybackService, location: str, kind: SourceKind) -> tuple[float, float]:
    """Our service: seconds from play() to VIDEO_STARTED on the loop, and to a moving clock."""
    loop = asyncio.get_running_loop()
    started: asyncio.Future[float] = loop.create_future()

    def listener(event: PlayerEvent, _value: object) -> None:
        if event is PlayerEvent.VIDEO_STARTED and not started.done():
            started.set_result(time.perf_counter())

    remove = pb.add_listener(listener)
    request = MediaRequest(location=location, item_key="media:bench", label="bench")
    t0 = time.perf_counter()
    pb.play([Playable(kind=kind, request=request, label="bench", hls=kind is SourceKind.HLS)])
    t_vout = await asyncio.wait_for(started, 10) - t0
    while pb._player is None or pb._player.time_ms() <= 0:  # noqa: ASYNC110 - polls libvlc's clock
        await asyncio.sleep(0.005)
    t_tick = time.perf_counter() - t0
    remove()
    pb.stop()
    await asyncio.sleep(0.2)  # let the stopped player go away on its worker thread
    return t_vout, t_tick


def ms(values: list[float]) -> str:
    low, high = min(values) * 1000, max(values) * 1000
    return f"{statistics.median(values) * 1000:6.0f} ms (min {low:.0f}, max {high:.0f})"


def prepare(work: Path) -> Path:
    work.mkdir(parents=True, exist_ok=True)
    clip = work / "clip720.mp4"
    make_clip(clip)
    if not (work / "hls" / "master.m3u8").exists():
        make_hls(work / "hls", seconds=20)
    return clip


async def main(args: argparse.Namespace, work: Path, clip: Path) -> None:

    vlc_args = f"--vout={args.vout} --aout=dummy"
    home = Path(tempfile.mkdtemp(prefix="cinema-bench-home-"))
    services = build_services(data_dir=home, load_demo=False, console_log=False)
    services.settings = services.settings.model_copy(update={"vlc_args": vlc_args})
    pb = PlaybackService(services, LibraryService(services))
    floor_instance = vlc.Instance(["--no-xlib", "--quiet", f"--vout={args.vout}", "--aout=dummy"])
    print(f"libvlc {vlc.libvlc_get_version().decode()}, vout={args.vout}, runs={args.runs} (median)")
    with HlsServer(work / "hls") as server:
        cases = [
            ("local mp4 720p", str(clip), clip.as_uri(), SourceKind.DIRECT),
            ("HLS master, loopback", master := f"{server.base}/master.m3u8", master, SourceKind.HLS),
        ]
        for name, location, mrl, kind in cases:
            floor_v, floor_t, our_v, our_t = [], [], [], []
            for _ in range(args.runs):
                v, t = await asyncio.to_thread(floor_once, floor_instance, mrl, 300)
                floor_v.append(v)
                floor_t.append(t)
                v, t = await ours_once(pb, location, kind)
                our_v.append(v)
                our_t.append(t)
            print(f"{name:22s} first frame: ours {ms(our_v)} | libvlc floor {ms(floor_v)}")
            print(f"{'':22s} clock moves: ours {ms(our_t)} | libvlc floor {ms(floor_t)}")
    pb.close()
    floor_instance.release()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--vout", default="dummy", help="dummy (headless) or x11 (under xvfb-run)")
    parser.add_argument("--work", default="/tmp/cinema-bench-playback")
    arguments = parser.parse_args()
    folder = Path(arguments.work)
    asyncio.run(main(arguments, folder, prepare(folder)))
