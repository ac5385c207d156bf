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


# -- what a dropped, pasted or opened location is (issue 18) -------------------------------------

VIDEO_SUFFIXES = (
    ".mkv", ".mp4", ".m4v", ".avi", ".mov", ".webm", ".ts", ".m2ts", ".mts", ".mpg", ".mpeg",
    ".wmv", ".flv", ".3gp", ".ogv", ".vob", ".divx", ".rmvb",
)  # fmt: skip
SUBTITLE_SUFFIXES = (".srt", ".ass", ".ssa", ".vtt", ".sub", ".smi")


class OpenKind:
    """What ``classify`` found: a video file or URL to play, a torrent (magnet, .torrent, info
    hash), a subtitle file for what plays, or nothing Cinema opens."""

    VIDEO = "video"
    URL = "url"
    TORRENT = "torrent"
    SUBTITLE = "subtitle"
    UNKNOWN = "unknown"


def classify(location: str) -> str:
    """The ``OpenKind`` of a pasted, dropped or opened location (text checks only)."""
    text = location.strip()
    if not text:
        return OpenKind.UNKNOWN
    if is_torrent_location(text):
        return OpenKind.TORRENT
    lower = text.split("?", 1)[0].lower()
    if lower.endswith(SUBTITLE_SUFFIXES) and "://" not in text:
        return OpenKind.SUBTITLE
    if re.match(r"^(?:https?|rtmp|rtsp|rtp|udp|mms|ftp)://\S+$", text, re.IGNORECASE):
        return OpenKind.URL
    if "://" in text or "\n" in text:
        return OpenKind.UNKNOWN
    return OpenKind.VIDEO if lower.endswith(VIDEO_SUFFIXES) else OpenKind.UNKNOWN


def magnet_name(location: str) -> str | None:
    """A magnet link's display name (``dn=``), None when it gives none."""
    from urllib.parse import parse_qs, urlsplit

    text = location.strip()
    if not text.lower().startswith("magnet:?"):
        return None
    query = parse_qs(urlsplit(text).query)
    names = [n.strip() for n in query.get("dn", []) if n.strip()]
    return names[0] if names else None


def magnet_hash(location: str) -> str | None:
    """A magnet's BitTorrent info-hash (``xt=urn:btih:``), as given; None when it has none."""
    match = re.search(r"xt=urn:btih:([0-9a-zA-Z]{32,40})", location)
    return match.group(1) if match else None
