"""Stats for the player overlay: peers, rates, buffered ranges of the file, ETA to playable."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.engines.torrent.streaming import PieceMap, PieceTracker, StreamPolicy


@dataclass(frozen=True)
class StreamStats:
    state: str  # metadata | buffering | ready | error
    peers: int
    seeds: int
    download_rate: int  # bytes/s
    upload_rate: int
    progress: float  # of the file, 0..1
    buffered: tuple[tuple[int, int], ...]  # byte ranges [start, end) of the file we have
    eta_playable_s: float | None  # None when unknown (no rate yet), 0 when ready
    error: str | None = None

    def line(self) -> str:
        eta = "?" if self.eta_playable_s is None else f"{self.eta_playable_s:.1f}s"
        return (
            f"{self.state} peers={self.peers} seeds={self.seeds} "
            f"down={self.download_rate / 1e6:.2f}MB/s up={self.upload_rate / 1e6:.2f}MB/s "
            f"file={self.progress * 100:.1f}% ranges={len(self.buffered)} eta={eta}"
        )


def buffered_ranges(pieces: PieceMap, tracker: PieceTracker) -> tuple[tuple[int, int], ...]:
    ranges: list[tuple[int, int]] = []
    for piece in range(pieces.first, pieces.last + 1):
        if not tracker.have[piece]:
            continue
        start, end = pieces.file_range(piece)
        if ranges and ranges[-1][1] == start:
            ranges[-1] = (ranges[-1][0], end)
        else:
            ranges.append((start, end))
    return tuple(ranges)


def missing_for_play(policy: StreamPolicy) -> int:
    """Bytes still missing before the nearest reader (or the header) can play."""
    pieces = policy.map
    cfg = policy.config
    anchors = list(policy.readers.values()) or [0]
    missing = 0
    for byte in anchors:
        for piece in pieces.pieces(byte, min(byte + cfg.header_bytes, pieces.file_size)):
            if not policy.tracker.have[piece]:
                start, end = pieces.file_range(piece)
                missing += end - start
    return missing


def metadata_stats(status: Any, error: str | None = None) -> StreamStats:
    return StreamStats(
        state="error" if error else "metadata",
        peers=int(status.num_peers),
        seeds=int(status.num_seeds),
        download_rate=int(status.download_payload_rate),
        upload_rate=int(status.upload_payload_rate),
        progress=0.0,
        buffered=(),
        eta_playable_s=None,
        error=error,
    )


def stream_stats(status: Any, policy: StreamPolicy) -> StreamStats:
    pieces, tracker = policy.map, policy.tracker
    buffered = buffered_ranges(pieces, tracker)
    have_bytes = sum(end - start for start, end in buffered)
    missing = missing_for_play(policy)
    rate = int(status.download_payload_rate)
    if missing == 0:
        eta: float | None = 0.0
    else:
        eta = missing / rate if rate > 0 else None
    return StreamStats(
        state="error" if tracker.error else ("ready" if missing == 0 else "buffering"),
        peers=int(status.num_peers),
        seeds=int(status.num_seeds),
        download_rate=rate,
        upload_rate=int(status.upload_payload_rate),
        progress=have_bytes / pieces.file_size if pieces.file_size else 1.0,
        buffered=buffered,
        eta_playable_s=eta,
        error=tracker.error,
    )
