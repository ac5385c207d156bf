"""Zapping benchmark (issue 13): channel change -> first frame (MediaPlayerVout) on loopback live
HLS, through what Page Down does in the player (the channel's live playables into the same
PlaybackService and libvlc player), beside libvlc's floor (one bare python-vlc player switching
its media to the same URLs, same process, same run). Target: <= 500 ms.

    .venv/bin/python bench/zap.py [--zaps 20] [--vout dummy|x11]

The live channels are served by tests/fakes/iptv_server.py (1 s MPEG-TS segments made by
ffmpeg, a sliding window of 4) on 127.0.0.1; the playlist is imported through the app.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import vlc

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.bootstrap import build_services  # noqa: E402
from app.engines.playback.base import PlayerEvent  # noqa: E402
from app.services.guide import refresh as epg_refresh  # noqa: E402
from app.services.guide.channels import ChannelGuide  # noqa: E402
from app.services.library.progress import LibraryService  # noqa: E402
from app.services.playback.live import live_playables  # noqa: E402
from app.services.playback.session import PlaybackService  # noqa: E402
from tests.fakes.iptv_server import IptvServer, make_segments  # noqa: E402

CHANNELS = 10


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def summary(values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return f"median {statistics.median(ms):5.0f} ms, p95 {pct(ms, 95):5.0f} ms, max {max(ms):5.0f} ms"


def floor_zaps(instance: Any, urls: list[str], zaps: int) -> list[float]:
    """One bare libvlc player: set_media + play on the next URL, seconds to its Vout."""
    player = instance.media_player_new()
    vout = threading.Event()
    player.event_manager().event_attach(
        vlc.EventType.MediaPlayerVout, lambda e: vout.set() if e.u.new_count > 0 else None
    )
    out = []
    for i in range(zaps + 1):
        vout.clear()
        media = instance.media_new(urls[i % len(urls)], ":network-caching=300")
        t0 = time.perf_counter()
        player.set_media(media)
        player.play()
        if not vout.wait(10):
            raise RuntimeError("the floor player showed no picture in 10 s")
        if i:  # the first open is not a channel change
            out.append(time.perf_counter() - t0)
        time.sleep(0.3)
    player.stop()
    player.release()
    return out


async def our_zaps(pb: PlaybackService, channels: list[Any], zaps: int) -> list[float]:
    started = asyncio.Event()

    def listen(event: PlayerEvent, _value: object) -> None:
        if event is PlayerEvent.VIDEO_STARTED:
            started.set()

    pb.add_listener(listen)
    out = []
    for i in range(zaps + 1):
        started.clear()
        t0 = time.perf_counter()
        pb.play(live_playables(channels[i % len(channels)]))  # what Page Down does
        await asyncio.wait_for(started.wait(), 10)
        if i:
            out.append(time.perf_counter() - t0)
        await asyncio.sleep(0.3)
    return out


async def main(args: argparse.Namespace) -> None:
    work = Path(args.work)
    segments = make_segments(work / "segments")
    home = Path(tempfile.mkdtemp(prefix="cinema-bench-zap-"))
    services = build_services(data_dir=home, load_demo=False, console_log=False)
    services.settings = services.settings.model_copy(update={"vlc_args": f"--vout={args.vout} --aout=dummy"})
    with IptvServer(segments) as server:
        lines = ["#EXTM3U"]
        for n in range(CHANNELS):
            lines += [f'#EXTINF:-1 tvg-id="ch{n}",Канал {n}', server.url(f"/live/ch{n}/index.m3u8")]
        playlist = home / "zap.m3u"
        playlist.write_text("\n".join(lines) + "\n", "utf-8")
        epg_refresh.import_location(services, str(playlist))
        channels = ChannelGuide(services).channels()
        urls = [c.stream_url or "" for c in channels]
        floor_instance = vlc.Instance(["--no-xlib", "--quiet", f"--vout={args.vout}", "--aout=dummy"])
        pb = PlaybackService(services, LibraryService(services))
        print(f"libvlc {vlc.libvlc_get_version().decode()}, vout={args.vout}, {args.zaps} zaps")
        floor = await asyncio.to_thread(floor_zaps, floor_instance, urls, args.zaps)
        ours = await our_zaps(pb, channels, args.zaps)
        # the same VlcPlayer (libvlc instance, video window) served every zap
        player_kept = pb._player is not None
        pb.close()
        floor_instance.release()
    print(f"channel change -> first frame: ours  {summary(ours)}")
    print(f"                               floor {summary(floor)}")
    print(f"ours / floor (median): {statistics.median(ours) / statistics.median(floor):.2f}x; "
          f"the same player (libvlc instance and window) for every zap: {player_kept}; "
          "target <= 500 ms")  # fmt: skip


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--zaps", type=int, default=20)
    parser.add_argument("--vout", default="dummy", help="dummy (headless) or x11 (under xvfb-run)")
    parser.add_argument("--work", default="/tmp/cinema-bench-zap")
    asyncio.run(main(parser.parse_args()))
