"""Torrent streaming benchmark: a 200 MB video seeded at 4 MB/s over loopback by libtorrent,
aria2c and transmission-cli; magnet -> first 2 MiB served -> first frame in VLC; seek to 80 %
-> frame; 12 s of play, then back 10 s (played data) -> frame; seek to 40 % -> frame, and 3 s
later back 10 s (never played) -> frame; each beside its floor (bytes / rate) from the same run.

    .venv/bin/python bench/stream.py [--size-mb 200] [--rate 4000000] [--seeders lt,aria2,tr]
                                     [--runs N] [--trace DIR]

The video (H.264 720p noise, ~16 Mbit/s, index at the end) is built once under --work
(default /tmp/cinema-bench-stream, never committed). Frames are timed with libvlc's display
callback (vmem); the first one also with the MediaPlayerVout event.
"""

from __future__ import annotations

import argparse
import asyncio
import ctypes
import itertools
import logging
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
from app.engines.playback.vlc_player import media_options
from app.engines.torrent.session import SessionConfig
from app.services.sources.torrent_stream import StreamingService
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
        extra = os.environ.get("BENCH_VLC_OPTS", "").split()  # experiments: more options
        self.player.set_media(self.instance.media_new(url, *media_options(url), *extra))

    def _on_vout(self, _event: Any) -> None:
        if self.vout_at is None:
            self.vout_at = time.monotonic()

    def frame_after(self, t: float) -> float | None:
        return next((f for f in self.frames if f > t), None)

    def playing_frame_after(self, t: float, gap: float = 0.25) -> float | None:
        """The first frame after ``t`` that another one follows within ``gap`` (playback)."""
        frames = [f for f in list(self.frames) if f > t]
        return next((a for a, b in itertools.pairwise(frames) if b - a <= gap), None)

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
    """Run a seek (``action()`` returns the fraction of the file it aims at); seconds to the
    first frame drawn after the player's request near that point; the floor: the bytes the player
    read after that request (up to its frame) that were not downloaded at the seek, at the
    seeder's rate. None when no such request comes within 30 s (the player is stuck)."""
    server = streaming.server
    assert server is not None
    had = bytes(entry.tracker.have)
    n_requests = len(server.requests)
    t_seek = time.monotonic()
    target = action() * size

    def request_near_target() -> tuple[float, int] | None:
        # A frame drawn after some other request (players re-read the index, flush old frames)
        # would be too early: the one that counts follows the request at the new position.
        for t, start in list(server.requests)[n_requests:]:
            if abs(start - target) < 0.03 * size:
                return t, start
        return None

    if not await wait_for(lambda: request_near_target() is not None, 30.0):
        return None, 0.0
    found = request_near_target()
    assert found is not None
    t_request, first_byte = found

    def first_data() -> float | None:
        # Players redraw the old picture around a seek: a frame counts only once data from the
        # new position has been served, and only when the next frame follows within 0.25 s.
        for t, start, _end in list(server.chunks):
            if t >= t_request and first_byte <= start < first_byte + 0.03 * size:
                return t
        return None

    if not await wait_for(lambda: first_data() is not None, 30.0):
        return None, 0.0
    after = first_data()
    assert after is not None
    ok = await wait_for(lambda: clock.playing_frame_after(after) is not None, 30.0)
    frame = clock.playing_frame_after(after) if ok else None
    until = frame if frame is not None else time.monotonic()
    missing = 0
    for t, start, end in list(server.chunks):
        if after <= t <= until:  # sent for the seek, before its frame: missing ones had to come
            missing += sum(
                min(end, hi) - max(start, lo)
                for p in entry.map.pieces(start, end)
                if not had[p]
                for lo, hi in [entry.map.file_range(p)]
            )
    return (frame - t_seek if frame else None), missing / rate


class _TraceLog(logging.Handler):
    def __init__(self, trace: PeerTrace) -> None:
        super().__init__(logging.DEBUG)
        self.trace = trace

    def emit(self, record: logging.LogRecord) -> None:
        self.trace.out.write(f"t={time.monotonic() - self.trace.t0:7.3f} LOG {record.getMessage()}\n")


class PeerTrace:
    """--trace: libtorrent's view of each peer every 0.2 s, the snub alerts, finished pieces and the
    player's requests, as lines of ``t=<seconds> ...`` relative to the start of the run."""

    def __init__(self, streaming: StreamingService, handle: Any, path: Path) -> None:
        import libtorrent as lt

        self.lt = lt
        self.t0 = time.monotonic()
        self.out = path.open("w")
        self.streaming = streaming
        self.handle = handle
        session = streaming.session
        assert session is not None
        mask = session.ses.get_settings()["alert_mask"] | int(lt.alert_category.peer)
        if os.environ.get("BENCH_PEER_LOG"):  # libtorrent's wire log too (large)
            mask |= int(lt.alert_category.peer_log)
        session.ses.apply_settings({"alert_mask": mask})
        self._unsub = [
            session.subscribe(name, self._alert)
            for name in ("peer_snubbed_alert", "peer_unsnubbed_alert", "block_timeout_alert",
                         "piece_finished_alert", "peer_disconnected_alert", "peer_connect_alert",
                         "peer_log_alert")
        ]  # fmt: skip
        self.task = asyncio.ensure_future(self._poll())
        # The engine's own debug log (readers coming and going, layouts) in the same timeline.
        self._log = logging.getLogger("app.engines.torrent")
        self._handler = _TraceLog(self)
        self._log.addHandler(self._handler)
        self._log.setLevel(logging.DEBUG)

    def mark(self, what: str) -> None:
        self.out.write(f"t={time.monotonic() - self.t0:7.3f} MARK {what}\n")

    def _alert(self, alert: Any) -> None:  # pump thread; file writes are line-atomic enough here
        name = type(alert).__name__.replace("_alert", "")
        detail = f"piece={alert.piece_index}" if name == "piece_finished" else alert.message()
        self.out.write(f"t={time.monotonic() - self.t0:7.3f} {name} {detail}\n")

    async def _poll(self) -> None:
        try:
            await self._poll_forever()
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # a bench aid: say why it stopped, never break the run
            self.out.write(f"trace stopped: {exc!r}\n")

    async def _poll_forever(self) -> None:
        pi = self.lt.peer_info
        server = self.streaming.server
        seen_requests = 0
        last_chunk = 0.0
        while True:
            now = time.monotonic() - self.t0
            if server is not None and len(server.requests) > seen_requests:
                for t, start in list(server.requests)[seen_requests:]:
                    self.out.write(f"t={t - self.t0:7.3f} GET from byte {start}\n")
                seen_requests = len(server.requests)
            if server is not None:
                sent = [c for c in list(server.chunks) if c[0] > last_chunk]
                if sent:
                    last_chunk = sent[-1][0]
                    spans = sorted({(a, b) for _t, a, b in sent})
                    self.out.write(f"t={now:7.3f} SENT {spans[0][0]}..{spans[-1][1]} in {len(sent)} chunks\n")
            raw = self.handle._active.handle
            for p in raw.get_peer_info():
                f = p.flags
                flags = "".join(
                    c for c, bit in (("S", pi.snubbed), ("C", pi.remote_choked), ("I", pi.interesting))
                    if f & bit
                )  # fmt: skip
                client = bytes(p.client).decode(errors="replace")[:14]
                self.out.write(
                    f"t={now:7.3f} PEER {client:<14} flags={flags:<3} dq={p.download_queue_length:<4}"
                    f" qbytes={p.queue_bytes:<8} down={p.down_speed / 1e6:5.2f}MB/s"
                    f" rtt={p.rtt}ms timeout={p.request_timeout}s busy={p.downloading_piece_index}\n"
                )
            dq = raw.get_download_queue()
            self.out.write(f"t={now:7.3f} INFLIGHT {sorted(d['piece_index'] for d in dq)[:40]}\n")
            self.out.flush()
            await asyncio.sleep(0.2)

    def close(self) -> None:
        self.task.cancel()
        self._log.removeHandler(self._handler)
        for unsub in self._unsub:
            unsub()
        self.out.close()


async def run_one(
    kind: str, video: Path, torrent: Path, work: Path, rate: int, size: int, trace: Path | None = None
) -> dict[str, Any]:
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
            tracer = PeerTrace(streaming, handle, trace) if trace is not None else None
            mark = tracer.mark if tracer is not None else (lambda _what: None)
            mark("metadata")
            out["metadata_s"] = t_meta - t0
            async with (
                aiohttp.ClientSession() as http,
                http.get(handle.url, headers={"Range": f"bytes=0-{2 * MiB - 1}"}) as resp,
            ):
                head = await resp.read()
            assert len(head) == 2 * MiB
            out["first_2mib_s"] = time.monotonic() - t_meta
            mark("first 2 MiB read")
            out["first_2mib_floor_s"] = 2 * MiB / rate
            assert streaming.server is not None
            entry = next(iter(streaming.server.entries.values()))
            clock = FrameClock(handle.url)
            served0 = entry.served
            t_play = time.monotonic()
            mark("play")
            clock.player.play()
            await wait_for(lambda: clock.vout_at is not None and clock.frames, 60.0)
            first = clock.frames[0] if clock.frames else None
            mark("first frame")
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
            mark("seek to 80 %")

            def seek_to(fraction: float) -> float:
                clock.player.set_position(fraction)
                return fraction

            out["seek80_s"], out["seek80_floor_s"] = await seek_and_time(
                streaming, clock, entry, lambda: seek_to(0.8), size, rate
            )
            mark(f"seek frame after {out['seek80_s']}")

            def back_10s() -> float:
                to = max(clock.player.get_time() - 10_000, 0)
                clock.player.set_time(to)
                return float(to) / length

            # The realistic back-seek: play on for a while, then "what did she say?": the last
            # 10 s were played, so they must still be here.
            await asyncio.sleep(12.0)
            mark("back-seek after 12 s of play")
            out["backseek_s"], out["backseek_floor_s"] = await seek_and_time(
                streaming, clock, entry, back_10s, size, rate
            )
            mark(f"back-seek frame after {out['backseek_s']}")
            # A second seek, then straight back: the 10 s before it were never played, only the
            # landing zone fetched after the seek's front can be there.
            await asyncio.sleep(2.0)
            mark("seek to 40 %")
            out["seek40_s"], out["seek40_floor_s"] = await seek_and_time(
                streaming, clock, entry, lambda: seek_to(0.4), size, rate
            )
            mark(f"seek frame after {out['seek40_s']}")
            await asyncio.sleep(3.0)
            mark("back-seek 3 s after the seek")
            out["backseek_fresh_s"], out["backseek_fresh_floor_s"] = await seek_and_time(
                streaming, clock, entry, back_10s, size, rate
            )
            mark(f"back-seek frame after {out['backseek_fresh_s']}")
            follower.cancel()
            if tracer is not None:
                tracer.close()
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
    ap.add_argument("--runs", type=int, default=1, help="runs per seeder")
    ap.add_argument("--trace", type=Path, help="a folder for per-run peer traces (PeerTrace)")
    args = ap.parse_args()
    video = make_big_video(args.work / "seed" / "Big Film (2024).mp4", args.size_mb)
    torrent = make_torrent(video, args.work / "big.torrent", piece_length=256 * 1024)
    print(f"video {video.stat().st_size / 1e6:.0f} MB, seeder rate {args.rate / 1e6:.1f} MB/s, "
          f"{os.cpu_count()} cores")  # fmt: skip
    rows = []
    if args.trace is not None:
        args.trace.mkdir(parents=True, exist_ok=True)
    for kind in args.seeders.split(","):
        for n in range(1, args.runs + 1):
            trace = args.trace / f"{kind}-{n}.log" if args.trace is not None else None
            res = await run_one(kind, video, torrent, args.work, args.rate, video.stat().st_size, trace)
            res["load"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
            rows.append(res)
            print(res, flush=True)
    print()
    print("seconds (ours | floor)  metadata  first-2MiB        first-frame       "
          "seek-80%          back-10s-played   seek-40%          back-10s-fresh    load")  # fmt: skip
    for r in rows:
        print(
            f"{r['seeder']:<22} {fmt(r['metadata_s'])}   "
            f"{fmt(r['first_2mib_s'])} | {fmt(r['first_2mib_floor_s'])}   "
            f"{fmt(r['first_frame_s'])} | {fmt(r['first_frame_floor_s'])}   "
            f"{fmt(r['seek80_s'])} | {fmt(r['seek80_floor_s'])}   "
            f"{fmt(r['backseek_s'])} | {fmt(r['backseek_floor_s'])}   "
            f"{fmt(r['seek40_s'])} | {fmt(r['seek40_floor_s'])}   "
            f"{fmt(r['backseek_fresh_s'])} | {fmt(r['backseek_fresh_floor_s'])}   {r['load']}"
        )


if __name__ == "__main__":
    asyncio.run(main())
