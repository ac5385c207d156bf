"""A fake Shikimori REST v1 on 127.0.0.1: /api/animes search and details in the real shapes
(string scores, site-relative images), with the 5/s AND 90/min limits answered by 429."""

from __future__ import annotations

import asyncio
import threading
import time
from collections import deque
from typing import Any

from aiohttp import web

from tests.fakes.tmdb_server import Counters, ThreadedServer, simple_norm


class FakeShikimori:
    def __init__(
        self,
        animes: list[dict[str, Any]] | None = None,
        *,
        latency_s: float = 0.0,
        limits: tuple[tuple[int, float], ...] = ((5, 1.0), (90, 60.0)),
        expected_agent_prefix: str = "Cinema/",
    ) -> None:
        self.animes = {a["id"]: a for a in animes or ()}
        self.latency_s = latency_s
        self.limits = limits
        self.expected_agent_prefix = expected_agent_prefix
        self.counters = Counters()
        self.agents: list[str] = []
        self._logs: list[deque[float]] = [deque() for _ in limits]
        self._lock = threading.Lock()
        app = web.Application()
        app.router.add_get("/api/animes", self._search)
        app.router.add_get("/api/animes/{id:\\d+}", self._details)
        app.router.add_get("/api/animes/{id:\\d+}/similar", self._similar)
        app.router.add_get("/system/{tail:.*}", self._image)
        self._server = ThreadedServer(app)
        self.base_url = ""

    def start(self) -> str:
        self.base_url = self._server.start()
        return self.base_url

    def stop(self) -> None:
        self._server.stop()

    def _over_limit(self) -> bool:
        now = time.monotonic()
        with self._lock:
            for (limit, period), log in zip(self.limits, self._logs, strict=True):
                while log and log[0] <= now - period:
                    log.popleft()
                if len(log) >= limit:
                    return True
            for log in self._logs:
                log.append(now)
            return False

    async def _gate(self, request: web.Request) -> web.Response | None:
        self.counters.requests += 1
        self.counters.paths.append(request.path_qs)
        self.agents.append(request.headers.get("User-Agent", ""))
        if self.latency_s:
            await asyncio.sleep(self.latency_s)
        if not request.headers.get("User-Agent", "").startswith(self.expected_agent_prefix):
            return web.Response(status=403, text="Forbidden")
        if self._over_limit():
            self.counters.rate_limited += 1
            return web.Response(status=429, text="Retry later", headers={"Retry-After": "1"})
        return None

    async def _search(self, request: web.Request) -> web.Response:
        if (blocked := await self._gate(request)) is not None:
            return blocked
        words = set(simple_norm(request.query.get("search", "")))
        limit = int(request.query.get("limit", "10"))
        if "search" not in request.query:  # a list (issue 15): this season's, or the most popular
            season = request.query.get("season")
            listed = [a for a in self.animes.values() if season is None or a.get("season") == season]
            listed.sort(key=lambda a: -float(a.get("popularity", 0)))
            return web.json_response([list_item(a) for a in listed[:limit]])
        hits = []
        for anime in self.animes.values():
            titles = [
                anime["name"],
                anime.get("russian") or "",
                *anime.get("english", []),
                *anime.get("synonyms", []),
            ]
            if words and any(words <= set(simple_norm(t)) for t in titles if t):
                hits.append(anime)
        return web.json_response([list_item(a) for a in hits[:limit]])

    async def _image(self, request: web.Request) -> web.Response:
        """Posters live on the site itself, under /system/animes/original/<id>.jpg."""
        from tests.fakes.poster_server import make_image

        self.counters.paths.append(request.path)
        return web.Response(body=make_image("JPEG", (225, 318)), content_type="image/jpeg")

    async def _similar(self, request: web.Request) -> web.Response:
        if (blocked := await self._gate(request)) is not None:
            return blocked
        anime = self.animes.get(int(request.match_info["id"]))
        if anime is None:
            return web.json_response({"code": 404, "message": "Not found"}, status=404)
        return web.json_response(
            [list_item(self.animes[i]) for i in anime.get("similar", ()) if i in self.animes]
        )

    async def _details(self, request: web.Request) -> web.Response:
        if (blocked := await self._gate(request)) is not None:
            return blocked
        anime = self.animes.get(int(request.match_info["id"]))
        if anime is None:
            return web.json_response({"code": 404, "message": "Not found"}, status=404)
        return web.json_response(details(anime))


def list_item(anime: dict[str, Any]) -> dict[str, Any]:
    """The AnimeSerializer shape (see realworld/shikimori/..._animes_index.json)."""
    ident = anime["id"]
    return {
        "id": ident,
        "name": anime["name"],
        "russian": anime.get("russian"),
        "image": {
            "original": f"/system/animes/original/{ident}.jpg?1700000000",
            "preview": f"/system/animes/preview/{ident}.jpg?1700000000",
            "x96": f"/system/animes/x96/{ident}.jpg?1700000000",
            "x48": f"/system/animes/x48/{ident}.jpg?1700000000",
        },
        "url": f"/animes/{ident}-{'-'.join(simple_norm(anime['name']))}",
        "kind": anime.get("kind", "tv"),
        "score": str(anime.get("score", "7.5")),
        "status": anime.get("status", "released"),
        "episodes": anime.get("episodes", 12),
        "episodes_aired": anime.get("episodes_aired", 0),
        "aired_on": f"{anime['year']}-04-05" if anime.get("year") else None,
        "released_on": None,
    }


def details(anime: dict[str, Any]) -> dict[str, Any]:
    """The AnimeProfileSerializer shape (see realworld/shikimori/..._animes_show.json)."""
    return {
        **list_item(anime),
        "rating": anime.get("rating", "pg_13"),
        "english": anime.get("english", [None]),
        "japanese": anime.get("japanese", [None]),
        "synonyms": anime.get("synonyms", []),
        "license_name_ru": None,
        "duration": anime.get("duration", 24),
        "description": anime.get("description", "Описание [i]с BB-кодом[/i]."),
        "description_html": '<div class="b-text_with_paragraphs"></div>',
        "description_source": None,
        "franchise": None,
        "favoured": False,
        "anons": False,
        "ongoing": False,
        "thread_id": 1,
        "topic_id": 1,
        "myanimelist_id": anime["id"],
        "rates_scores_stats": [],
        "rates_statuses_stats": [],
        "updated_at": "2022-11-26T17:19:33.411+03:00",
        "next_episode_at": anime.get("next_episode_at"),
        "fansubbers": [],
        "fandubbers": [],
        "licensors": [],
        "genres": [{"id": 1, "name": "Action", "russian": "Экшен", "kind": "genre", "entry_type": "Anime"}],
        "studios": [
            {
                "id": 1,
                "name": anime.get("studio", "Studio Ghibli"),
                "filtered_name": "x",
                "real": True,
                "image": None,
            }
        ],
        "videos": [],
        "screenshots": [],
        "user_rate": None,
    }
