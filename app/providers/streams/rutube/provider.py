"""Rutube as a stream-search provider (CONTRACTS.md §8, unofficial JSON).

Search by title, keep the videos whose title names the film and whose duration fits its runtime
(trailers, clips and reviews are not the film), then read each one's play options: DRM, a
refused ACL or a live stream are dropped. The balancer's m3u8 URL is signed and expires, so a
candidate keeps the video's page and ``resolve`` asks for a fresh balancer URL at play time.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from typing import Any

from app.domain.errors import BadFeed, NotFound, ProviderUnavailable
from app.domain.models import SourceKind
from app.domain.streams import StreamCandidate, StreamQuery
from app.providers.base import Capability, Manifest
from app.providers.streams.http import ClientSource, get_capped, parse_json

_ID = re.compile(r"^[0-9a-f]{32}$")
_PAGE_ID = re.compile(r"/video/([0-9a-f]{32})/?")
MIN_FILM_S = 40 * 60  # without a known runtime, anything shorter is not a feature film
MAX_CHECKED = 4  # play options read for this many of the best matches
HEADERS = {"Referer": "https://rutube.ru/"}


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[^\w]+", text.lower().replace("ё", "е")) if w]


def duration_fits(duration_s: int | None, runtime_min: int | None) -> bool:
    """The video is as long as the film (within 15 %, at least 8 minutes of slack)."""
    if not duration_s or duration_s <= 0:
        return False
    if not runtime_min:
        return duration_s >= MIN_FILM_S
    expected = runtime_min * 60
    return abs(duration_s - expected) <= max(8 * 60, 0.15 * expected)


def names_film(video_title: str, query: StreamQuery) -> bool:
    words = set(_words(video_title))
    for name in (query.title, query.original_title, *query.alt_titles):
        wanted = _words(name or "")
        if wanted and all(w in words for w in wanted):
            return True
    return False


class RutubeProvider:
    """StreamSearch over Rutube; ``base_url`` is a setting (https://rutube.ru)."""

    def __init__(self, base_url: str, client: ClientSource, provider_id: str = "rutube") -> None:
        self.manifest = Manifest(
            id=provider_id,
            name="Rutube",
            capabilities=frozenset({Capability.STREAM_SEARCH}),
            kinds=("film", "cartoon", "documentary", "anime"),
        )
        self.base_url = base_url.rstrip("/")
        self._client = client

    async def _json(self, path: str, params: dict[str, str] | None = None) -> Any:
        body = await get_capped(
            self._client(),
            f"{self.base_url}{path}",
            name="Rutube",
            params={**(params or {}), "format": "json"},
        )
        return parse_json(body.data, "Rutube")

    async def search(self, text: str) -> list[dict[str, Any]]:
        data = await self._json("/api/search/video/", {"query": text, "page": "1"})
        results = data.get("results") if isinstance(data, dict) else None
        if not isinstance(results, list):
            raise BadFeed("Rutube: the search answer has no results list")
        return [r for r in results if isinstance(r, dict)]

    async def play_options(self, video_id: str) -> dict[str, Any]:
        if not _ID.match(video_id):
            raise NotFound("Rutube: not a video id")
        data = await self._json(f"/api/play/options/{video_id}/")
        if not isinstance(data, dict):
            raise BadFeed("Rutube: the play options are not an object")
        return data

    @staticmethod
    def balancer(options: dict[str, Any]) -> str | None:
        """The HLS master URL, or None when the video cannot be played here (DRM, ACL, live)."""
        if options.get("drm_token"):
            return None
        acl = options.get("acl_access")
        if isinstance(acl, dict) and acl.get("allowed") is False:
            return None
        balancer = options.get("video_balancer")
        if not isinstance(balancer, dict):
            return None
        url = balancer.get("m3u8") or balancer.get("default")
        return url if isinstance(url, str) and url.startswith(("http://", "https://")) else None

    async def streams(self, query: StreamQuery) -> Sequence[StreamCandidate]:
        texts = [t for t in (query.title, query.original_title) if t]
        if not texts:
            return []
        year = f" {query.year}" if query.year else ""
        found: dict[str, dict[str, Any]] = {}
        for batch in await asyncio.gather(*(self.search(t + year) for t in dict.fromkeys(texts))):
            for video in batch:
                vid = str(video.get("id") or "")
                if _ID.match(vid) and vid not in found:
                    found[vid] = video
        fitting = [
            v
            for v in found.values()
            if not v.get("is_livestream")
            and not v.get("is_adult")
            and names_film(str(v.get("title") or ""), query)
            and duration_fits(
                v.get("duration") if isinstance(v.get("duration"), int) else None, query.runtime_min
            )
        ][:MAX_CHECKED]
        options = await asyncio.gather(
            *(self.play_options(str(v["id"])) for v in fitting), return_exceptions=True
        )
        out: list[StreamCandidate] = []
        for video, opts in zip(fitting, options, strict=True):
            if isinstance(opts, BaseException):
                if isinstance(opts, (ProviderUnavailable, BadFeed, NotFound)):
                    continue
                raise opts
            if self.balancer(opts) is None:
                continue
            raw_author = video.get("author")
            author: dict[str, Any] = raw_author if isinstance(raw_author, dict) else {}
            out.append(
                StreamCandidate(
                    provider_id=self.manifest.id,
                    kind=SourceKind.HLS,
                    url=f"{self.base_url}/video/{video['id']}/",
                    label=" ".join(str(video.get("title") or "").split())[:200],
                    headers=dict(HEADERS),
                    duration_s=int(video["duration"]),
                    extra={
                        "resolve": True,
                        "author": str(author.get("name") or ""),
                        "hits": video.get("hits"),
                    },
                )
            )
        return out

    async def resolve(self, url: str) -> tuple[str, dict[str, str]]:
        """A fresh balancer URL for a candidate's page (signed URLs expire)."""
        m = _PAGE_ID.search(url)
        if not m:
            raise NotFound("Rutube: not a video page")
        found = self.balancer(await self.play_options(m.group(1)))
        if found is None:
            raise ProviderUnavailable("Rutube: this video cannot be played here (DRM or region)")
        return found, dict(HEADERS)
