"""Building the stream providers the user configured, and probing a new one before it is added.

The one place that maps a provider kind (torznab, stremio, nyaa, rutube, user) to its class;
the services and bootstrap go through it and never name a provider themselves.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from app.domain.errors import BadFeed
from app.domain.streams import StreamCandidate
from app.providers.base import StreamSearch
from app.providers.streams.http import ClientSource, get_capped, parse_xml
from app.providers.streams.nyaa.provider import NyaaProvider
from app.providers.streams.rutube.provider import RutubeProvider
from app.providers.streams.stremio.manifest import parse_manifest, public_url
from app.providers.streams.stremio.provider import StremioAddon, fetch_manifest
from app.providers.streams.torznab.feed import Caps, parse_caps
from app.providers.streams.torznab.provider import TorznabProvider, api_url
from app.providers.streams.user_urls.provider import UserLinks

TORZNAB, STREMIO, NYAA, RUTUBE, USER = "torznab", "stremio", "nyaa", "rutube", "user"
Secret = Callable[[str], str | None]


@dataclass(frozen=True, slots=True)
class StreamConfig:
    """One configured provider as stored (no key: keys and addon URLs are in the keyring)."""

    id: str
    kind: str
    name: str
    url: str | None
    manifest: dict[str, Any] | None


def secret_name(provider_id: str) -> str:
    """The keyring entry of a provider's key (Torznab) or full address (Stremio addon)."""
    return f"stream-{provider_id}"


def slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s[:40] or "provider"


def build(
    config: StreamConfig,
    *,
    secret: Secret,
    client: ClientSource,
    base_urls: dict[str, str],
    user_links: Callable[[str], Sequence[StreamCandidate]],
) -> StreamSearch | None:
    """The provider for ``config``, or None for a kind this version does not know."""
    if config.kind == TORZNAB and config.url:
        caps = Caps.from_json(config.manifest) if config.manifest else None
        name = secret_name(config.id)
        return TorznabProvider(config.id, config.name, config.url, lambda: secret(name), client, caps=caps)
    if config.kind == STREMIO and config.manifest:
        addon = parse_manifest(config.manifest, config.name)
        name = secret_name(config.id)
        return StremioAddon(config.id, addon, lambda: secret(name), client)
    if config.kind == NYAA:
        return NyaaProvider(base_urls.get(NYAA, "https://nyaa.si"), client, config.id)
    if config.kind == RUTUBE:
        return RutubeProvider(base_urls.get(RUTUBE, "https://rutube.ru"), client, config.id)
    if config.kind == USER:
        return UserLinks(user_links)
    return None


async def probe_indexer(url: str, key: str, client: ClientSource) -> tuple[str, dict[str, Any]]:
    """Read a Torznab indexer's caps with ``key`` (AuthError for a wrong key): (endpoint, caps)."""
    endpoint = api_url(url)
    if not endpoint.startswith(("http://", "https://")):
        raise BadFeed("an indexer URL starts with http:// or https://")
    body = await get_capped(
        client(), endpoint, name="indexer", params={"t": "caps", "apikey": key}, accept_status=(400,)
    )
    caps = parse_caps(parse_xml(body.data, "indexer"), "indexer")
    if not caps.modes:
        raise BadFeed("indexer: its capabilities list no search it can do")
    return endpoint, caps.to_json()


async def probe_addon(url: str, client: ClientSource) -> tuple[str, str, dict[str, Any]]:
    """Read and validate an addon's manifest: (its name, the public URL, the manifest)."""
    addon = await fetch_manifest(client, url)
    if addon.configuration_required:
        raise BadFeed(f"{addon.name} must be configured first (its page gives a configured URL)")
    if not addon.serves_streams:
        raise BadFeed(f"{addon.name} offers no streams (resources: {', '.join(map(_name, addon.resources))})")
    return addon.name, public_url(url), addon.raw


def _name(resource: Any) -> str:
    return resource if isinstance(resource, str) else str(resource.get("name"))
