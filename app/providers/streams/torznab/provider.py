"""A Torznab indexer as a stream-search provider: caps read once and cached, then the best
search the caps allow (``imdbid``/``tmdbid``, else the title and year in Russian and original)."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit, urlunsplit

from app.domain.models import SourceKind
from app.domain.streams import StreamCandidate, StreamQuery
from app.providers.base import Capability, Manifest
from app.providers.streams.http import ClientSource, get_capped, parse_xml
from app.providers.streams.torznab.feed import Caps, Item, parse_caps, parse_items

log = logging.getLogger(__name__)

CAPS_TTL_S = 24 * 3600
MOVIES, TV, ANIME = 2000, 5000, 5070
KEY_PLACEHOLDER = "{apikey}"  # a .torrent link that carries the key is stored with this instead


def api_url(url: str) -> str:
    """The indexer's Torznab endpoint: Jackett's ``…/torznab/`` and Prowlarr's ``…/1/`` end in ``api``."""
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/")
    if not path.endswith("/api"):
        path += "/api"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


class TorznabProvider:
    """StreamSearch over one Torznab indexer. ``key()`` reads its API key (keyring) per request."""

    def __init__(
        self,
        provider_id: str,
        name: str,
        url: str,
        key: Callable[[], str | None],
        client: ClientSource,
        *,
        caps: Caps | None = None,
        limit: int = 100,
    ) -> None:
        self.manifest = Manifest(
            id=provider_id,
            name=name,
            capabilities=frozenset({Capability.STREAM_SEARCH}),
            kinds=("film", "series", "anime", "cartoon", "documentary"),
        )
        self.endpoint = api_url(url)
        self._key = key
        self._client = client
        self.caps = caps
        self._caps_at = time.monotonic() if caps is not None else 0.0
        self._limit = limit

    async def _get(self, params: dict[str, str]) -> bytes:
        key = self._key()
        query = {**params, **({"apikey": key} if key else {})}
        body = await get_capped(
            self._client(), self.endpoint, name=self.manifest.name, params=query, accept_status=(400,)
        )
        return body.data

    async def read_caps(self) -> Caps:
        """``t=caps`` (cached for a day); raises AuthError for a wrong key (error 100)."""
        if self.caps is not None and time.monotonic() - self._caps_at < CAPS_TTL_S:
            return self.caps
        data = await self._get({"t": "caps"})
        self.caps = parse_caps(parse_xml(data, self.manifest.name), self.manifest.name)
        self._caps_at = time.monotonic()
        return self.caps

    def plan(self, query: StreamQuery, caps: Caps) -> list[dict[str, str]]:
        """The searches to send for ``query`` under ``caps`` (each a parameter dict)."""
        cats = self._categories(query, caps)
        base = {"limit": str(self._limit), **({"cat": cats} if cats else {})}
        episode = query.season is not None or query.episode is not None
        if episode and caps.supports("tv-search"):
            mode = {"t": "tvsearch"}
            if query.season is not None and caps.supports("tv-search", "season"):
                mode["season"] = str(query.season)
            if query.episode is not None and caps.supports("tv-search", "ep"):
                mode["ep"] = str(query.episode)
            if query.imdb_id and caps.supports("tv-search", "imdbid"):
                return [{**base, **mode, "imdbid": query.imdb_id}]
            return [{**base, **mode, "q": q} for q in self._texts(query, with_year=False)]
        if not episode and query.kind != "anime" and caps.supports("movie-search"):
            if query.imdb_id and caps.supports("movie-search", "imdbid"):
                return [{**base, "t": "movie", "imdbid": query.imdb_id}]
            if query.tmdb_id and caps.supports("movie-search", "tmdbid"):
                return [{**base, "t": "movie", "tmdbid": str(query.tmdb_id)}]
            return [{**base, "t": "movie", "q": q} for q in self._texts(query)]
        return [{**base, "t": "search", "q": q} for q in self._texts(query)]

    @staticmethod
    def _texts(query: StreamQuery, with_year: bool = True) -> list[str]:
        year = f" {query.year}" if with_year and query.year else ""
        out: list[str] = []
        for name in (query.title, query.original_title, *query.alt_titles[:1]):
            text = " ".join((name or "").split())
            if text and f"{text}{year}" not in out:
                out.append(f"{text}{year}")
        return out[:3]

    @staticmethod
    def _categories(query: StreamQuery, caps: Caps) -> str:
        wanted = {"anime": (ANIME, MOVIES), "series": (TV,)}.get(query.kind, (MOVIES,))
        known = caps.categories
        chosen = [c for c in wanted if not known or c in known or any(k // 1000 == c // 1000 for k in known)]
        return ",".join(str(c) for c in chosen)

    async def streams(self, query: StreamQuery) -> Sequence[StreamCandidate]:
        caps = await self.read_caps()
        plans = self.plan(query, caps)
        if not plans:
            return []
        answers = await asyncio.gather(*(self._get(p) for p in plans))
        seen: set[str] = set()
        out: list[StreamCandidate] = []
        key = self._key() or ""
        for data in answers:
            for item in parse_items(parse_xml(data, self.manifest.name), self.manifest.name):
                ident = item.info_hash or item.link
                if ident in seen:
                    continue
                seen.add(ident)
                out.append(self._candidate(item, key))
        return out

    def _candidate(self, item: Item, key: str) -> StreamCandidate:
        link = item.link
        extra: dict[str, object] = {"categories": list(item.categories)}
        if key and len(key) >= 4 and key in link:
            link = link.replace(key, KEY_PLACEHOLDER)  # the key stays in the keyring
            extra["needs_key"] = self.manifest.id
        if item.page:
            extra["page"] = item.page
        if item.files is not None:
            extra["files"] = item.files
        if item.freeleech:
            extra["freeleech"] = True
        return StreamCandidate(
            provider_id=self.manifest.id,
            kind=SourceKind.TORRENT,
            url=link,
            label=item.title,
            info_hash=item.info_hash,
            size_bytes=item.size,
            seeders=item.seeders,
            peers=item.peers,
            grabs=item.grabs,
            extra=extra,
        )
