"""The app's providers, registered in order of preference: bootstrap calls ``build_registry``.

A provider reads what it needs when it is asked (the settings and secrets may change while the
app runs), so building the registry costs nothing: no network, no keyring, no heavy import.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from app.providers.base import GuideFeed
from app.providers.guide.m3u.provider import M3uFeed
from app.providers.guide.programme_json.provider import ProgrammeJsonFeed
from app.providers.guide.xmltv.provider import XmltvFeed
from app.providers.meta.shikimori.provider import ShikimoriProvider
from app.providers.meta.tmdb.provider import TmdbProvider
from app.providers.registry import ProviderRegistry

if TYPE_CHECKING:
    from app.core.config import Settings
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
    registry.register(TmdbProvider(http=http, settings=settings, token=lambda: secret("tmdb")))
    # Subtitles (issue 18): OpenSubtitles with the user's key
    from app.providers.subtitles.opensubtitles.provider import SECRET, OpenSubtitlesProvider

    registry.register(OpenSubtitlesProvider(http=http, settings=settings, key=lambda: secret(SECRET)))
    return registry
