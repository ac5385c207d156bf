"""The torrent cache dir: one folder per info-hash, a size cap, LRU clean-up of idle torrents."""

from __future__ import annotations

import logging
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

_HASH = re.compile(r"^[0-9a-f]{40}$")


@dataclass(frozen=True)
class CacheEntry:
    """What the clean-up needs to know of a torrent (from the torrents table)."""

    info_hash: str
    keep: bool
    last_access_at: int


def disk_usage(path: Path) -> int:
    """Bytes really allocated under ``path`` (sparse files count what is written)."""
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            try:
                st = os.lstat(os.path.join(root, name))
            except OSError:
                continue
            blocks = getattr(st, "st_blocks", None)
            total += blocks * 512 if blocks is not None else st.st_size
    return total


class TorrentCache:
    """Everything a torrent writes lives in ``root/<info-hash>/`` and nowhere else."""

    def __init__(self, root: Path, cap_bytes: int) -> None:
        self.root = root
        self.cap_bytes = cap_bytes
        self.root.mkdir(parents=True, exist_ok=True)

    def folder(self, info_hash: str) -> Path:
        if not _HASH.match(info_hash):
            raise ValueError(f"not an info-hash: {info_hash!r}")
        return self.root / info_hash

    def usage(self) -> dict[str, int]:
        """Bytes used per info-hash folder."""
        return {p.name: disk_usage(p) for p in self.root.iterdir() if p.is_dir() and _HASH.match(p.name)}

    def clean(self, entries: list[CacheEntry], active: set[str]) -> list[str]:
        """Delete least recently used, inactive, not-kept torrents until under the cap.

        Folders the database does not know (left by a crash) go first. Returns deleted hashes.
        """
        usage = self.usage()
        total = sum(usage.values())
        known = {e.info_hash: e for e in entries}
        orphans = [h for h in usage if h not in known and h not in active]
        by_age = sorted(
            (e for e in entries if not e.keep and e.info_hash not in active),
            key=lambda e: e.last_access_at,
        )
        deleted: list[str] = []
        for info_hash in orphans + [e.info_hash for e in by_age]:
            if total <= self.cap_bytes:
                break
            if info_hash not in usage:
                continue
            self.delete(info_hash)
            total -= usage[info_hash]
            deleted.append(info_hash)
        if total > self.cap_bytes:
            log.info(
                "torrent cache over its cap (%d > %d): rest is active or kept",
                total,
                self.cap_bytes,
            )
        return deleted

    def delete(self, info_hash: str) -> None:
        folder = self.folder(info_hash)
        # Never follow a link out of the cache while deleting.
        if folder.is_symlink():
            folder.unlink()
        elif folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)
