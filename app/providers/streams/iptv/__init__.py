"""IPTV live and catch-up: the user's playlists as a stream source (CONTRACTS.md §4)."""

from app.domain.tv import CatchupOptions
from app.providers.streams.iptv.catchup import archive_url, template_for
from app.providers.streams.iptv.provider import PROVIDER_ID, AiringsReader, IptvStreams, ways_for_airings

__all__ = [
    "PROVIDER_ID",
    "AiringsReader",
    "CatchupOptions",
    "IptvStreams",
    "archive_url",
    "template_for",
    "ways_for_airings",
]
