"""A metadata-only torrent probe: does a magnet's swarm answer, and with how many peers?

Used by the sources' health check for torrents whose seeders no indexer reported (own magnet
links, addons that give none). Each magnet is added to a short-lived libtorrent session in upload mode, so no
piece is ever requested or written; the probe waits for the metadata (the swarm answered) and
counts the peers it met, then removes everything. Blocking: call it in a worker.
"""

from __future__ import annotations

import logging
import re
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass

log = logging.getLogger(__name__)

SETTLE_S = 0.5  # after the metadata, a moment for the other peers the swarm hands out


@dataclass(frozen=True)
class ProbeResult:
    magnet: str
    metadata: bool  # the swarm sent the torrent's info: it is alive
    seeds: int
    peers: int
    files: int = 0
    error: str | None = None


def probe_listen(listen_interfaces: str) -> str:
    """The app's listen interfaces on port 0 (the streaming session may hold the real port)."""
    return re.sub(r":\d+(?=,|$)", ":0", listen_interfaces)


def probe_magnets(
    magnets: Sequence[str],
    timeout_s: float = 10.0,
    *,
    listen_interfaces: str = "0.0.0.0:0,[::]:0",
    dht: bool = True,
    lsd: bool = True,
) -> list[ProbeResult]:
    """Probe every magnet at once for at most ``timeout_s``; one result per magnet, in order."""
    import libtorrent as lt

    results: dict[int, ProbeResult] = {}
    session = lt.session(
        {
            "listen_interfaces": listen_interfaces,
            "enable_dht": dht, "enable_lsd": lsd, "enable_upnp": False, "enable_natpmp": False,
            "allow_multiple_connections_per_ip": True,
            "alert_mask": 0,
        }
    )  # fmt: skip
    handles: dict[int, object] = {}
    with tempfile.TemporaryDirectory(prefix="cinema-probe-") as save_path:
        for n, magnet in enumerate(magnets):
            try:
                params = lt.parse_magnet_uri(magnet)
            except RuntimeError as exc:  # not a magnet libtorrent can read
                results[n] = ProbeResult(magnet, False, 0, 0, error=f"not a magnet link ({exc})")
                continue
            params.save_path = save_path
            # upload mode: never ask for a piece; metadata and peer counts only
            params.flags = lt.torrent_flags.upload_mode
            handles[n] = session.add_torrent(params)
        deadline = time.monotonic() + timeout_s
        settled: dict[int, float] = {}
        while handles and time.monotonic() < deadline:
            now = time.monotonic()
            for n, handle in list(handles.items()):
                status = handle.status()  # type: ignore[attr-defined]
                if status.has_metadata and n not in settled:
                    settled[n] = now + SETTLE_S
                if n in settled and now >= settled[n]:
                    results[n] = _result(magnets[n], handle)
                    del handles[n]
            time.sleep(0.05)
        for n, handle in handles.items():  # no answer in time: what was met so far
            results[n] = _result(magnets[n], handle)
        for handle in session.get_torrents():
            session.remove_torrent(handle)
        session.pause()
    del session
    return [results[n] for n in range(len(magnets))]


def _result(magnet: str, handle: object) -> ProbeResult:
    status = handle.status()  # type: ignore[attr-defined]
    files = 0
    if status.has_metadata:
        info = handle.torrent_file()  # type: ignore[attr-defined]
        files = info.num_files() if info is not None else 0
    seeds = max(status.num_seeds, status.list_seeds)
    peers = max(status.num_peers, status.list_peers)
    return ProbeResult(magnet, bool(status.has_metadata), seeds, peers, files)
