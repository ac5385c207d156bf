"""The app's providers, registered in order of preference: bootstrap calls ``build_registry``.

A provider reads what it needs when it is asked (the settings and secrets may change while the
app runs), so building the registry costs nothing: no network, no keyring, no heavy import.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from app.providers.base import GuideFeed, TvCatchup
from app.providers.guide.m3u.provider import M3uFeed
from app.providers.guide.programme_json.provider import ProgrammeJsonFeed
from app.providers.guide.xmltv.provider import XmltvFeed
from app.providers.meta.shikimori.provider import ShikimoriProvider
from app.providers.meta.tmdb.provider import SECRET as TMDB_SECRET
from app.providers.meta.tmdb.provider import TmdbProvider
from app.providers.registry import ProviderRegistry

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import datetime

    from app.core.config import Settings
    from app.domain.tv import CatchupOptions, ChannelAiring
    from app.net.shared import HttpClient


def guide_feeds() -> list[GuideFeed]:
    """The guide formats, one line each; the first also takes a URL whose name says nothing."""
    return [
        XmltvFeed(),
        M3uFeed(),
        ProgrammeJsonFeed(),
    ]


def build_registry(
    *,
    settings: Callable[[], Settings],
    http: Callable[[], HttpClient],
    secret: Callable[[str], str | None],
) -> ProviderRegistry:
    """Every provider the app ships. ``settings`` and ``http`` give the current settings and the
    app's one HTTP client; ``secret(name)`` reads a key from the keyring (or the environment)."""
    registry = ProviderRegistry(guide_feeds())
    # Metadata: for anime Shikimori is asked first, TMDB knows every kind.
    registry.register(ShikimoriProvider(http=http, settings=settings))
    registry.register(TmdbProvider(http=http, settings=settings, token=lambda: secret(TMDB_SECRET)))
    # Subtitles (issue 18): OpenSubtitles with the user's key
    from app.providers.subtitles.opensubtitles.provider import SECRET, OpenSubtitlesProvider

    registry.register(OpenSubtitlesProvider(http=http, settings=settings, key=lambda: secret(SECRET)))
    return registry


def tv_catchup(
    airings: Callable[[str, int], Sequence[ChannelAiring]],
    clock: Callable[[], datetime],
    options: Callable[[], CatchupOptions],
) -> TvCatchup:
    """Live TV and catch-up from the user's playlists. The services hand it its seams: a title's
    airings on channels one can watch (``airings(title_id, since)``), the time and the catch-up
    options, each read when it is asked."""
    from app.providers.streams.iptv import IptvStreams

    return IptvStreams(airings, clock, options)
