"""Extended M3U as a guide feed: a playlist's channels (streamed), and the guide its header names."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from app.providers.base import Capability, Manifest
from app.providers.guide.feed import ChannelRecord, ProgrammeRecord, content_start
from app.providers.guide.m3u.parser import M3uReader

MAX_BYTES = 256 * 1024**2  # about a million channels


class M3uFeed:
    """IPTV playlists: channels with stream URLs; programmes come from the guide they name."""

    manifest = Manifest(id="m3u", name="M3U", capabilities=frozenset({Capability.GUIDE_FEED}), kinds=("m3u",))
    max_bytes: int | None = MAX_BYTES
    conditional = False  # an unchanged playlist may name a guide that changed

    def sniff(self, head: bytes, name: str = "") -> bool:
        if head:
            return content_start(head).startswith((b"#EXTM3U", b"#EXTINF"))
        return name.lower().endswith((".m3u", ".m3u8"))

    def records(self, stream: IO[bytes], label: str) -> Iterator[ChannelRecord | ProgrammeRecord]:
        return M3uReader(label).channels(stream)

    def linked_guides(self, stream: IO[bytes], label: str) -> list[str]:
        return M3uReader(label).linked_guides(stream)
