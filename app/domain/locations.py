"""What an ad hoc location is (``cinema play``, a clicked magnet link): cheap string checks that
the window can use before the player and its engines are loaded."""

from __future__ import annotations

import re

from app.domain.models import SourceKind

_INFO_HASH = re.compile(r"^(?:[0-9a-fA-F]{40}|[A-Za-z2-7]{32})$")


def is_torrent_location(location: str) -> bool:
    """A magnet link, a .torrent file or URL, or a bare info-hash."""
    text = location.strip()
    return (
        text.lower().startswith("magnet:")
        or text.split("?")[0].lower().endswith(".torrent")
        or bool(_INFO_HASH.match(text))
    )


def is_hls_location(location: str) -> bool:
    path = location.split("?", 1)[0].lower()
    return path.endswith((".m3u8", ".m3u")) and "://" in location


def location_kind(location: str) -> SourceKind:
    """The source kind of a location given without a title."""
    if is_torrent_location(location):
        return SourceKind.TORRENT
    return SourceKind.HLS if is_hls_location(location) else SourceKind.DIRECT
