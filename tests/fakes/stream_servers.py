"""Loopback fakes of the stream providers, answering with the real samples of realworld/.

One aiohttp server on 127.0.0.1 plays Jackett (``/jackett/…/torznab/api``: caps and search),
Prowlarr (``/prowlarr/1/api``), Nyaa (``/nyaa/?page=rss``), a Torrentio-like Stremio addon
(``/torrentio/manifest.json``, ``/torrentio/stream/…``), Rutube (``/rutube/api/…``) and plain
media (``/media/…``). Faults per route: latency, an HTTP status, hostile bodies.
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from aiohttp import web

from tests.fakes.tmdb_server import REALWORLD, ThreadedServer

GOOD_KEY = "jackett-key-0123456789abcdef"
TORZNAB = REALWORLD / "torznab"
STREMIO = REALWORLD / "stremio"

# Jackett's caps (CONTRACTS.md §6) with movie-search by imdbid/tmdbid, as Jackett answers.
JACKETT_CAPS = """<?xml version="1.0" encoding="UTF-8"?>
<caps><server title="Jackett"/><limits max="100" default="100"/>
  <searching><search available="yes" supportedParams="q"/>
    <tv-search available="yes" supportedParams="q,season,ep,imdbid"/>
    <movie-search available="yes" supportedParams="q,imdbid,tmdbid"/>
    <music-search available="no" supportedParams="q"/></searching>
  <categories><category id="2000" name="Movies"><subcat id="2040" name="Movies/HD"/></category>
    <category id="5000" name="TV"><subcat id="5070" name="TV/Anime"/></category></categories>
</caps>"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss><channel><item><title>&lol3;</title></item></channel></rss>"""
EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/evil.dtd">
<rss><channel><item><title>x</title><link>magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567</link></item></channel></rss>"""


@dataclass
class Release:
    """One torrent the fake indexers know (rendered in Jackett's real item shape)."""

    title: str
    info_hash: str
    size: int
    seeders: int
    peers: int
    imdb: str = "tt0133093"
    category: int = 2040


def torznab_feed(releases: list[Release], indexer: str = "faketracker", key: str = "") -> bytes:
    """A Jackett result page in the shape of realworld/torznab/sonarr_Torznab_torznab_tpb.xml."""
    items = []
    for r in releases:
        magnet = f"magnet:?xt=urn:btih:{r.info_hash}&amp;dn={escape(r.title.replace(' ', '+'))}"
        dl = f"http://127.0.0.1/dl/{indexer}/?jackett_apikey={key}&amp;path=x" if key else ""
        items.append(
            f"""<item><title>{escape(r.title)}</title><guid>http://tracker.local/t/{r.info_hash[:8]}</guid>
   <jackettindexer id="{indexer}">{indexer}</jackettindexer><comments>http://tracker.local/t/{r.info_hash[:8]}</comments>
   <pubDate>Sat, 14 Mar 2015 17:10:42 +0300</pubDate><size>{r.size}</size><files>3</files><grabs>10</grabs>
   <description/><link>{dl or magnet}</link><category>{r.category}</category>
   <enclosure url="{dl or magnet}" length="{r.size}" type="application/x-bittorrent"/>
   <torznab:attr name="category" value="{r.category}"/><torznab:attr name="imdbid" value="{r.imdb}"/>
   <torznab:attr name="seeders" value="{r.seeders}"/><torznab:attr name="peers" value="{r.peers}"/>
   <torznab:attr name="magneturl" value="{magnet}"/><torznab:attr name="infohash" value="{r.info_hash}"/>
   <torznab:attr name="downloadvolumefactor" value="0"/><torznab:attr name="uploadvolumefactor" value="1"/>
  </item>"""
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" '
        'xmlns:torznab="http://torznab.com/schemas/2015/feed">\n <channel>'
        '<atom:link href="http://127.0.0.1:9117/" '
        f'rel="self" type="application/rss+xml"/>\n  <title>{indexer}</title>\n  '
        + "\n  ".join(items)
        + "\n </channel></rss>"
    ).encode()


MATRIX_RELEASES = [
    Release(
        "Матрица / The Matrix (1999) BDRip 1080p | Дубляж, MVO | Sub Rus, Eng",
        "a" * 40,
        9 * 1024**3,
        120,
        140,
    ),
    Release("The.Matrix.1999.2160p.UHD.BluRay.REMUX.HDR.HEVC.Atmos-EPSiLON", "b" * 40, 60 * 1024**3, 35, 50),
    Release("The Matrix 1999 720p BRRip x264-YIFY", "c" * 40, 1 * 1024**3, 3, 4),
    Release("Matrix.1999.CAMRip.x264", "d" * 40, 700 * 1024**2, 200, 210),
    Release("Матрица (1999) WEB-DL 1080p | AVO Гоблин", "e" * 40, 4 * 1024**3, 0, 0),
]


@dataclass
class RouteFault:
    latency_s: float = 0.0
    status: int | None = None
    body: bytes | None = None
    content_type: str = "application/xml"
    endless: bool = False  # stream bytes until the client gives up


@dataclass
class Counters:
    paths: list[str] = field(default_factory=list)
    queries: list[dict[str, str]] = field(default_factory=list)


class FakeStreamServers:
    """The fakes' state. ``faults[prefix]`` applies to paths starting with ``prefix``."""

    def __init__(self) -> None:
        self.releases: list[Release] = list(MATRIX_RELEASES)
        self.key = GOOD_KEY
        self.faults: dict[str, RouteFault] = {}
        self.counters = Counters()
        self.rutube_videos: list[dict[str, Any]] = []
        self.stremio_manifest: dict[str, Any] = json.loads(
            (STREMIO / "blockbustr_torrentio_manifest.json").read_text()
        )
        self.stremio_streams: dict[str, bytes] = {
            "movie/tt0133093": (STREMIO / "blockbustr_torrentio_stream_movie_tt0133093.json").read_bytes(),
            "series/tt0944947:1:2": (
                STREMIO / "blockbustr_torrentio_stream_series_tt0944947_1_2.json"
            ).read_bytes(),
        }
        self._lock = threading.Lock()
        app = web.Application()
        app.router.add_get("/jackett/api/v2.0/indexers/{indexer}/results/torznab/api", self._torznab)
        app.router.add_get("/prowlarr/{indexer}/api", self._torznab)
        app.router.add_get("/nyaa/", self._nyaa)
        app.router.add_get("/torrentio/manifest.json", self._manifest)
        app.router.add_get("/torrentio/stream/{type}/{id}.json", self._stream)
        app.router.add_get("/rutube/api/search/video/", self._rutube_search)
        app.router.add_get("/rutube/api/play/options/{vid}/", self._rutube_options)
        app.router.add_get("/media/{name}", self._media)
        self._server = ThreadedServer(app)
        self.base_url = ""

    def start(self) -> str:
        self.base_url = self._server.start()
        return self.base_url

    def stop(self) -> None:
        self._server.stop()

    def url(self, path: str) -> str:
        return self.base_url + path

    async def _fault(self, request: web.Request) -> web.StreamResponse | None:
        with self._lock:
            self.counters.paths.append(request.path)
            self.counters.queries.append(dict(request.query))
        for prefix, fault in self.faults.items():
            if not request.path.startswith(prefix):
                continue
            if fault.latency_s:
                await asyncio.sleep(fault.latency_s)
            if fault.endless:
                response = web.StreamResponse(headers={"Content-Type": fault.content_type})
                await response.prepare(request)
                chunk = b"<rss>" + b"A" * 65531
                try:
                    for _ in range(100_000):  # ~6.5 GB if nobody stops reading
                        await response.write(chunk)
                except (ConnectionError, asyncio.CancelledError):
                    pass
                return response
            if fault.status is not None or fault.body is not None:
                headers = {"Retry-After": "30"} if fault.status == 429 else {}
                return web.Response(
                    status=fault.status or 200,
                    body=fault.body or b"",
                    content_type=fault.content_type,
                    headers=headers,
                )
        return None

    async def _torznab(self, request: web.Request) -> web.StreamResponse:
        faulted = await self._fault(request)
        if faulted is not None:
            return faulted
        if request.query.get("apikey") != self.key:  # Jackett answers auth errors with HTTP 200
            return web.Response(
                body=(TORZNAB / "sonarr_Newznab_unauthorized.xml").read_bytes(),
                content_type="application/xml",
            )
        t = request.query.get("t")
        if t == "caps":
            return web.Response(text=JACKETT_CAPS, content_type="application/xml")
        if t in ("search", "movie", "tvsearch"):
            return web.Response(
                body=torznab_feed(self.releases, request.match_info["indexer"]),
                content_type="application/rss+xml",
            )
        return web.Response(
            status=400,
            text='<error code="202" description="No such function"/>',
            content_type="application/xml",
        )

    async def _nyaa(self, request: web.Request) -> web.StreamResponse:
        faulted = await self._fault(request)
        if faulted is not None:
            return faulted
        return web.Response(
            body=(TORZNAB / "sonarr_Nyaa_Nyaa2021.xml").read_bytes(), content_type="application/xml"
        )

    async def _manifest(self, request: web.Request) -> web.StreamResponse:
        faulted = await self._fault(request)
        if faulted is not None:
            return faulted
        return web.json_response(self.stremio_manifest)

    async def _stream(self, request: web.Request) -> web.StreamResponse:
        faulted = await self._fault(request)
        if faulted is not None:
            return faulted
        key = f"{request.match_info['type']}/{request.match_info['id']}"
        body = self.stremio_streams.get(key)
        if body is None:
            return web.json_response({"err": "not found"}, status=404)
        return web.Response(body=body, content_type="application/json")

    async def _rutube_search(self, request: web.Request) -> web.StreamResponse:
        faulted = await self._fault(request)
        if faulted is not None:
            return faulted
        words = [w for w in re.split(r"\W+", request.query.get("query", "").lower()) if w and not w.isdigit()]
        found = [v for v in self.rutube_videos if all(w in v["title"].lower() for w in words)]
        return web.json_response({"results": found, "has_next": False, "next": None, "page": 1})

    async def _rutube_options(self, request: web.Request) -> web.StreamResponse:
        faulted = await self._fault(request)
        if faulted is not None:
            return faulted
        vid = request.match_info["vid"]
        video = next((v for v in self.rutube_videos if v["id"] == vid), None)
        if video is None:
            return web.json_response({"detail": "not found"}, status=404)
        return web.json_response(
            {
                "video_balancer": {
                    "default": self.url(f"/media/{vid}.m3u8?sign=1"),
                    "m3u8": self.url(f"/media/{vid}.m3u8?sign=1"),
                },
                "drm_token": video.get("drm_token"),
                "acl_access": {"allowed": not video.get("blocked"), "err_text": None},
                "live_streams": {},
                "captions": [],
            }
        )

    async def _media(self, request: web.Request) -> web.StreamResponse:
        faulted = await self._fault(request)
        if faulted is not None:
            return faulted
        name = request.match_info["name"]
        if name.endswith(".m3u8"):
            text = (REALWORLD / "hls" / "videojs_master-fmp4.m3u8").read_text()
            return web.Response(text=text, content_type="application/vnd.apple.mpegurl")
        if name.endswith(".html"):
            return web.Response(
                text="<!doctype html><html><head><title>Плеер фильма</title></head></html>",
                content_type="text/html",
            )
        if name.endswith((".mp4", ".mkv")):
            # 64 KB: what a health check reads of a video (a throughput sample)
            return web.Response(body=b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 65524, content_type="video/mp4")
        return web.Response(text="plain", content_type="text/plain")


def rutube_video(vid: str, title: str, duration: int, **extra: Any) -> dict[str, Any]:
    """A search result in the shape of CONTRACTS.md §8 (``results[]`` video objects)."""
    return {
        "id": vid, "title": title, "description": "", "thumbnail_url": "", "duration": duration,
        "author": {"id": 1, "name": "Киностудия"}, "created_ts": "2020-01-01T00:00:00",
        "category": {"name": "Фильмы"}, "is_adult": False, "hits": 1000, "is_livestream": False,
        "video_url": f"https://rutube.ru/video/{vid}/", **extra,
    }  # fmt: skip


def realworld_path(*parts: str) -> Path:
    return REALWORLD.joinpath(*parts)
