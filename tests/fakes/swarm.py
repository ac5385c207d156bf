"""Loopback swarm helpers: an ffmpeg-made video, a torrent of it, and seeders on 127.0.0.1
(libtorrent, aria2c, transmission-cli)."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import warnings
from pathlib import Path
from typing import Any

import libtorrent as lt


def make_video(path: Path, seconds: int = 20, bitrate: str = "1500k", size: str = "320x240") -> Path:
    """H.264/AAC MP4 with its index (moov) at the END, like most downloads: the footer matters."""
    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", f"testsrc2=size={size}:rate=25:duration={seconds}",
            "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}",
            "-c:v", "libx264", "-preset", "ultrafast", "-b:v", bitrate, "-g", "25",
            "-x264-params", "nal-hrd=cbr", "-minrate", bitrate, "-maxrate", bitrate,
            "-bufsize", "500k", "-c:a", "aac", "-b:a", "64k", "-shortest", str(path),
        ],
        check=True,
        timeout=300,
    )  # fmt: skip
    return path


def make_padded_file(path: Path, size: int) -> Path:
    """Random-ish bytes fast (for big benchmark files where a real video is too slow to encode)."""
    block = bytes(range(256)) * 4096
    with open(path, "wb") as fh:
        written = 0
        n = 0
        while written < size:
            chunk = (n.to_bytes(8, "little") + block)[: min(len(block), size - written)]
            fh.write(chunk)
            written += len(chunk)
            n += 1
    return path


def make_torrent(content: Path, out: Path, piece_length: int = 256 * 1024, v1_only: bool = True) -> Path:
    """A torrent of a file or folder; v1-only by default: aria2 and transmission 3 know no v2."""
    fs = lt.file_storage()
    base = content.parent
    paths = sorted(p for p in content.rglob("*") if p.is_file()) if content.is_dir() else [content]
    for p in paths:
        fs.add_file(str(p.relative_to(base)), p.stat().st_size)
    flags = lt.create_torrent.v1_only if v1_only else 0
    with warnings.catch_warnings():  # the file_storage constructor is deprecated in 2.1 only
        warnings.simplefilter("ignore", DeprecationWarning)
        ct = lt.create_torrent(fs, piece_length, flags=flags)
    lt.set_piece_hashes(ct, str(base))
    out.write_bytes(lt.bencode(ct.generate()))
    return out


def info_hash(torrent: Path) -> str:
    return str(lt.torrent_info(str(torrent)).info_hashes().v1)


def magnet(torrent: Path, peers: list[int]) -> str:
    ih = info_hash(torrent)
    hints = "".join(f"&x.pe=127.0.0.1:{port}" for port in peers)
    return f"magnet:?xt=urn:btih:{ih}&dn=video{hints}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_listening(port: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port}")


class LibtorrentSeeder:
    """A second libtorrent session seeding from ``data_dir``."""

    def __init__(self, torrent: Path, data_dir: Path, upload_rate: int = 0) -> None:
        self.ses = lt.session(
            {
                "listen_interfaces": "127.0.0.1:0",
                "enable_dht": False, "enable_lsd": False,
                "enable_upnp": False, "enable_natpmp": False,
                "allow_multiple_connections_per_ip": True,
                "upload_rate_limit": upload_rate,
                "tick_interval": 100,
            }
        )  # fmt: skip
        if upload_rate:
            # Loopback peers sit in the local peer class, which is not rate limited.
            ip_filter = lt.ip_filter()
            ip_filter.add_rule("0.0.0.0", "255.255.255.255", 1 << self.ses.global_peer_class_id)
            self.ses.set_peer_class_filter(ip_filter)
        atp = lt.add_torrent_params()
        atp.ti = lt.torrent_info(str(torrent))
        atp.save_path = str(data_dir)
        # Checked before it seeds, like any seeder that has been running for a while. Not
        # seed_mode: that hashes each piece at its first request, at most 3 at a time per
        # peer, and made the first pieces of a stream ~0.3 s late (docs/notes/5.md).
        atp.flags = 0  # not paused, not auto-managed: check now, then seed
        self.handle = self.ses.add_torrent(atp)
        deadline = time.monotonic() + 120
        while not self.handle.status().is_seeding:
            if time.monotonic() > deadline:
                raise TimeoutError(f"the libtorrent seeder did not finish checking {torrent}")
            time.sleep(0.05)
        self.port = int(self.ses.listen_port())

    def close(self) -> None:
        self.ses.pause()
        del self.ses


class Aria2Seeder:
    """Debian's aria2c seeding over loopback (DHT, LPD and PEX off)."""

    def __init__(self, torrent: Path, data_dir: Path, work: Path, upload_kib: int = 0) -> None:
        if shutil.which("aria2c") is None:
            raise RuntimeError("aria2c is not installed (tools/system_deps.sh)")
        self.port = free_port()
        work.mkdir(parents=True, exist_ok=True)
        cmd = [
            "aria2c", "--enable-dht=false", "--enable-dht6=false", "--bt-enable-lpd=false",
            "--enable-peer-exchange=false", "--seed-ratio=0.0", "--bt-seed-unverified=true",
            f"--listen-port={self.port}", f"--dir={data_dir}", "--summary-interval=0",
            "--console-log-level=warn", "--disable-ipv6=true", "--file-allocation=none",
            f"--max-overall-upload-limit={upload_kib}K", str(torrent),
        ]  # fmt: skip
        self.log = open(work / "aria2.log", "wb")  # noqa: SIM115 - closed in close()
        self.proc = subprocess.Popen(cmd, stdout=self.log, stderr=subprocess.STDOUT)
        wait_listening(self.port)

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)
        self.log.close()


class TransmissionSeeder:
    """Debian's transmission-cli 3.00 seeding over loopback (its timers: docs/PERFORMANCE.md)."""

    def __init__(
        self,
        torrent: Path,
        data_dir: Path,
        work: Path,
        *,
        upload_kib: int = 0,
        extra: dict[str, Any] | None = None,
    ) -> None:
        if shutil.which("transmission-cli") is None:
            raise RuntimeError("transmission-cli is not installed (tools/system_deps.sh)")
        self.port = free_port()
        config = work / "transmission"
        config.mkdir(parents=True, exist_ok=True)
        settings: dict[str, Any] = {
            "dht-enabled": False,
            "lpd-enabled": False,
            "pex-enabled": False,
            "port-forwarding-enabled": False,
            "bind-address-ipv4": "127.0.0.1",
            "peer-port": self.port,
            "rpc-enabled": False,
        }
        settings.update(extra or {})
        (config / "settings.json").write_text(json.dumps(settings))
        limit = ["-u", str(upload_kib)] if upload_kib else ["-U"]
        cmd = ["transmission-cli", "-g", str(config), "-w", str(data_dir), "-p", str(self.port),
               "-M", *limit, str(torrent)]  # fmt: skip
        self.log = open(work / "transmission.log", "wb")  # noqa: SIM115 - closed in close()
        self.proc = subprocess.Popen(cmd, stdout=self.log, stderr=subprocess.STDOUT)
        wait_listening(self.port, timeout=60)

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)
        self.log.close()
