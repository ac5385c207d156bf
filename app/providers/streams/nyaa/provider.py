"""Nyaa's RSS search (CONTRACTS.md §7) as a stream-search provider for anime.

One search per name the title is known by (Shikimori's romaji, English and Russian names), in
the anime categories; the ``nyaa:`` fields give seeders, leechers, downloads, info-hash and a
human-readable size. The old nyaa.se feed (stats only in the description) is read too.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from urllib.parse import urljoin

from lxml import etree

from app.domain.errors import BadFeed
from app.domain.models import SourceKind
from app.domain.streams import StreamCandidate, StreamQuery
from app.providers.base import Capability, Manifest
from app.providers.streams.http import ClientSource, get_capped, parse_xml
from app.providers.streams.torznab.feed import make_magnet, normal_hash

NYAA_NS = "https://nyaa.si/xmlns/nyaa"
_UNITS = {"b": 1, "kib": 1024, "mib": 1024**2, "gib": 1024**3, "tib": 1024**4,
          "kb": 1000, "mb": 1000**2, "gb": 1000**3, "tb": 1000**4}  # fmt: skip
_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*([KMGT]i?B|B)\b", re.IGNORECASE)
_OLD_STATS = re.compile(r"(\d+) seeder\(s\), (\d+) leecher\(s\), (\d+) download\(s\)")


def parse_size(text: str | None) -> int | None:
    """``609.6 MiB`` → bytes (binary and decimal prefixes)."""
    m = _SIZE.search(text or "")
    if not m:
        return None
    return int(float(m.group(1)) * _UNITS[m.group(2).lower()])


def _int(text: str | None) -> int | None:
    text = (text or "").strip()
    return int(text) if text.isdigit() else None


def parse_feed(data: bytes, name: str, base_url: str) -> list[StreamCandidate]:
    root = parse_xml(data, name)
    if etree.QName(root).localname != "rss":
        raise BadFeed(f"{name}: the answer is not RSS")
    out: list[StreamCandidate] = []
    for item in root.iter("item"):
        title = " ".join((item.findtext("title") or "").split())
        link = urljoin(base_url, (item.findtext("link") or "").strip())
        if not title or not link.startswith(("http://", "https://", "magnet:")):
            continue

        def nyaa(field: str, node: etree._Element = item) -> str | None:
            found = node.findtext(f"{{{NYAA_NS}}}{field}")
            return found if isinstance(found, str) else None

        info_hash = normal_hash(nyaa("infoHash"))
        seeders, leechers, downloads = _int(nyaa("seeders")), _int(nyaa("leechers")), _int(nyaa("downloads"))
        size = parse_size(nyaa("size"))
        description = item.findtext("description") or ""
        old = _OLD_STATS.search(description)
        if old and seeders is None:
            seeders, leechers, downloads = (int(g) for g in old.groups())
        if size is None:
            size = parse_size(description)
        extra: dict[str, object] = {}
        guid = (item.findtext("guid") or "").strip()
        if guid.startswith(("http://", "https://")):
            extra["page"] = guid
        for field in ("categoryId", "trusted", "remake"):
            value = nyaa(field)
            if value:
                extra[field] = value.strip()
        out.append(
            StreamCandidate(
                provider_id="",  # set by the provider
                kind=SourceKind.TORRENT,
                url=make_magnet(info_hash, title) if info_hash else link,
                label=title,
                info_hash=info_hash,
                size_bytes=size,
                seeders=seeders,
                peers=(seeders or 0) + (leechers or 0) if seeders is not None else None,
                grabs=downloads,
                extra={**extra, "torrent_url": link} if info_hash else extra,
            )
        )
    return out


class NyaaProvider:
    """StreamSearch over Nyaa's RSS (anime only); ``base_url`` is a setting (default nyaa.si)."""

    def __init__(self, base_url: str, client: ClientSource, provider_id: str = "nyaa") -> None:
        self.manifest = Manifest(
            id=provider_id,
            name="Nyaa",
            capabilities=frozenset({Capability.STREAM_SEARCH}),
            kinds=("anime",),
        )
        self.base_url = base_url.rstrip("/") + "/"
        self._client = client

    @staticmethod
    def terms(query: StreamQuery) -> list[str]:
        """Romaji, English and Russian names, each once (an episode adds its number)."""
        out: list[str] = []
        for name in (query.original_title, *query.alt_titles, query.title):
            text = " ".join((name or "").split())
            if text and text.lower() not in (t.lower() for t in out):
                out.append(text)
        suffix = f" {query.episode:02d}" if query.episode is not None else ""
        return [t + suffix for t in out[:3]]

    async def streams(self, query: StreamQuery) -> Sequence[StreamCandidate]:
        terms = self.terms(query)
        answers = await asyncio.gather(
            *(
                get_capped(
                    self._client(),
                    self.base_url,
                    name="Nyaa",
                    params={"page": "rss", "q": term, "c": "1_0", "f": "0"},
                )
                for term in terms
            )
        )
        seen: set[str] = set()
        out: list[StreamCandidate] = []
        for body in answers:
            for cand in parse_feed(body.data, "Nyaa", self.base_url):
                ident = cand.info_hash or cand.url
                if ident not in seen:
                    seen.add(ident)
                    out.append(_with_provider(cand, self.manifest.id))
        return out


def _with_provider(cand: StreamCandidate, provider_id: str) -> StreamCandidate:
    from dataclasses import replace

    return replace(cand, provider_id=provider_id)
