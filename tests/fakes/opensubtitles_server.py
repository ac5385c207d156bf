"""A fake OpenSubtitles REST API v1 on 127.0.0.1 with the shapes of CONTRACTS.md §9.

``GET /api/v1/subtitles`` answers from a small catalogue (by moviehash, imdb_id, tmdb_id or a
query; filtered by ``languages``); unsorted parameters get a redirect to the sorted URL, as the
real API does. ``POST /api/v1/download`` hands out a link to ``/files/<id>`` and counts the daily
quota: past ``quota`` downloads it answers 406 with ``requests``, ``remaining`` and
``reset_time``. A wrong ``Api-Key`` gets 403 with the real message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from aiohttp import web

from tests.fakes.tmdb_server import ThreadedServer

GOOD_KEY = "fake-opensubtitles-key-0123456789"
HASH = "8e245d9679d31e12"  # the movie hash of the test clip is set by the test


@dataclass
class FakeSubtitle:
    file_id: int
    language: str
    release: str
    downloads: int
    imdb_id: int = 1375666
    tmdb_id: int = 27205
    moviehash: str | None = None
    text: str = "1\n00:00:01,000 --> 00:00:04,000\nПривет из субтитров\n"


def default_catalogue(moviehash: str | None = None) -> list[FakeSubtitle]:
    return [
        FakeSubtitle(101, "en", "Inception.2010.1080p.BluRay.x264", 90_000),
        FakeSubtitle(102, "ru", "Inception.2010.BDRip.Rus", 1_500, moviehash=moviehash),
        FakeSubtitle(103, "ru", "Inception.2010.720p.WEB", 40_000),
        FakeSubtitle(104, "de", "Inception.2010.German", 5_000),
    ]


@dataclass
class Stats:
    searches: list[dict[str, str]] = field(default_factory=list)
    downloads: list[int] = field(default_factory=list)
    files: int = 0
    redirects: int = 0


class FakeOpenSubtitles:
    def __init__(self, catalogue: list[FakeSubtitle] | None = None, *, quota: int = 5, key: str = GOOD_KEY):
        self.catalogue = {s.file_id: s for s in catalogue or default_catalogue()}
        self.quota = quota
        self.key = key
        self.stats = Stats()
        app = web.Application()
        app.router.add_get("/api/v1/subtitles", self._search)
        app.router.add_post("/api/v1/download", self._download)
        app.router.add_get("/files/{file_id}", self._file)
        self._server = ThreadedServer(app)
        self.origin = ""

    @property
    def base_url(self) -> str:
        return f"{self.origin}/api/v1"

    def start(self) -> str:
        self.origin = self._server.start()
        return self.base_url

    def stop(self) -> None:
        self._server.stop()

    def _refused(self, request: web.Request) -> web.Response | None:
        if request.headers.get("Api-Key") != self.key:
            return web.json_response({"message": "You cannot consume this service"}, status=403)
        return None

    async def _search(self, request: web.Request) -> web.Response:
        refused = self._refused(request)
        if refused is not None:
            return refused
        params = list(request.query.items())
        if [k for k, _ in params] != sorted(k for k, _ in params):
            self.stats.redirects += 1
            raise web.HTTPMovedPermanently(f"/api/v1/subtitles?{urlencode(sorted(params))}")
        query = dict(params)
        self.stats.searches.append(query)
        languages = set(query.get("languages", "").split(",")) - {""}
        moviehash = query.get("moviehash")
        found = []
        for sub in self.catalogue.values():
            if languages and sub.language not in languages:
                continue
            by_id = query.get("imdb_id") == str(sub.imdb_id) or query.get("tmdb_id") == str(sub.tmdb_id)
            by_hash = moviehash is not None and moviehash == sub.moviehash
            by_name = "inception" in query.get("query", "").lower()
            if by_id or by_hash or by_name:
                found.append(_item(sub, by_hash))
        body = {"total_pages": 1, "total_count": len(found), "per_page": 50, "page": 1, "data": found}
        return web.json_response(body)

    async def _download(self, request: web.Request) -> web.Response:
        refused = self._refused(request)
        if refused is not None:
            return refused
        body = await request.json()
        used = len(self.stats.downloads)
        if used >= self.quota:
            return web.json_response(
                {
                    "requests": used + 1,
                    "remaining": 0,
                    "message": f"You have downloaded your allowed {self.quota} subtitles for 24h.",
                    "reset_time": "23 hours and 59 minutes",
                    "reset_time_utc": "2026-12-06T14:00:00.000Z",
                },
                status=406,
            )
        file_id = int(body["file_id"])
        if file_id not in self.catalogue:
            return web.json_response({"message": "Invalid file_id"}, status=400)
        self.stats.downloads.append(file_id)
        sub = self.catalogue[file_id]
        return web.json_response(
            {
                "link": f"{self.origin}/files/{file_id}",
                "file_name": f"{sub.release}.srt",
                "requests": used + 1,
                "remaining": self.quota - used - 1,
                "message": "Your quota will be renewed in 23 hours and 59 minutes",
                "reset_time": "23 hours and 59 minutes",
                "reset_time_utc": "2026-12-06T14:00:00.000Z",
            }
        )

    async def _file(self, request: web.Request) -> web.Response:
        sub = self.catalogue.get(int(request.match_info["file_id"]))
        if sub is None:
            return web.Response(status=410)
        self.stats.files += 1
        return web.Response(body=sub.text.encode("utf-8"), content_type="application/x-subrip")


def _item(sub: FakeSubtitle, hash_match: bool) -> dict[str, Any]:
    return {
        "id": str(sub.file_id * 10),
        "type": "subtitle",
        "attributes": {
            "subtitle_id": str(sub.file_id * 10),
            "language": sub.language,
            "download_count": sub.downloads,
            "hearing_impaired": False,
            "hd": True,
            "fps": 23.976,
            "ratings": 8.0,
            "from_trusted": True,
            "foreign_parts_only": False,
            "ai_translated": False,
            "machine_translated": False,
            "moviehash_match": hash_match,
            "release": sub.release,
            "upload_date": "2020-01-01T00:00:00Z",
            "url": f"https://www.opensubtitles.com/en/subtitles/{sub.file_id}",
            "uploader": {"uploader_id": 1, "name": "someone", "rank": "trusted"},
            "feature_details": {
                "feature_id": 1,
                "feature_type": "Movie",
                "year": 2010,
                "title": "Inception",
                "movie_name": "2010 - Inception",
                "imdb_id": sub.imdb_id,
                "tmdb_id": sub.tmdb_id,
            },
            "files": [{"file_id": sub.file_id, "cd_number": 1, "file_name": f"{sub.release}.srt"}],
        },
    }
