"""A fake TMDB v3 on 127.0.0.1 (aiohttp in its own thread) answering with the real shapes.

It serves a candidate database (movies and tv with Russian, original and alternative titles)
and can add latency, a rate limit with 429 + Retry-After, 5xx bursts, bad JSON and a wrong key.
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import web

REALWORLD = Path(__file__).resolve().parents[2].parent / "shared" / "realworld"
GOOD_TOKEN = "fake-read-access-token-0123456789abcdef"
INVALID_KEY_BODY = {
    "status_message": "Invalid API key: You must be granted a valid key.",
    "success": False,
    "status_code": 7,
}
NOT_FOUND_BODY = {
    "status_message": "The resource you requested could not be found.",
    "status_code": 34,
}


class ThreadedServer:
    """Runs an aiohttp app on 127.0.0.1 in a background thread with its own loop."""

    def __init__(self, app: web.Application) -> None:
        self._app = app
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._runner: web.AppRunner | None = None
        self.port = 0

    def start(self) -> str:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(10)
        return f"http://127.0.0.1:{self.port}"

    async def _start(self) -> None:
        self._runner = web.AppRunner(self._app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    def stop(self) -> None:
        if self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)


def simple_norm(text: str) -> list[str]:
    text = text.lower().replace("ё", "е")
    return [w for w in re.split(r"[^\w]+", text) if w]


@dataclass
class Faults:
    latency_s: float = 0.0
    rate_per_s: int | None = None  # sliding one-second window; above it: 429
    retry_after: str = "1"
    fail_5xx: int = 0  # the next N requests answer 503
    bad_json_paths: tuple[str, ...] = ()  # path prefixes answered with broken JSON
    wrong_shape_paths: tuple[str, ...] = ()  # path prefixes answered with JSON of another shape


@dataclass
class Counters:
    requests: int = 0
    rate_limited: int = 0
    server_errors: int = 0
    unauthorized: int = 0
    paths: list[str] = field(default_factory=list)
    auth_seen: list[str] = field(default_factory=list)


def _title_tokens(entry: dict[str, Any]) -> list[set[str]]:
    titles = [entry["title"], entry.get("original_title") or "", *entry.get("alt_titles", ())]
    return [set(simple_norm(t)) for t in titles if t]


class FakeTmdb:
    """The fake's state: database, faults, counters. ``start()`` gives the base URL."""

    def __init__(
        self,
        movies: list[dict[str, Any]] | None = None,
        tv: list[dict[str, Any]] | None = None,
        *,
        image_base: str = "http://127.0.0.1:9/t/p/",
        faults: Faults | None = None,
        token: str = GOOD_TOKEN,
    ) -> None:
        self.movies = {m["id"]: m for m in movies or ()}
        self.tv = {t["id"]: t for t in tv or ()}
        self.image_base = image_base
        self.faults = faults or Faults()
        self.token = token
        self.counters = Counters()
        self._window: deque[float] = deque()
        self._lock = threading.Lock()
        app = web.Application()
        app.router.add_get("/__stats", self._stats)
        app.router.add_get("/3/{tail:.*}", self._handle)
        self._server = ThreadedServer(app)
        self.base_url = ""

    def start(self) -> str:
        self.base_url = self._server.start() + "/3"
        return self.base_url

    def stop(self) -> None:
        self._server.stop()

    # -- request handling --------------------------------------------------------------------

    async def _stats(self, _request: web.Request) -> web.Response:
        """Counters for a benchmark that runs this server in another process."""
        c = self.counters
        paths: dict[str, int] = {}
        for path in c.paths:
            key = "/" + path.split("/")[1]
            paths[key] = paths.get(key, 0) + 1
        return web.json_response(
            {
                "requests": c.requests,
                "rate_limited": c.rate_limited,
                "server_errors": c.server_errors,
                "paths": paths,
            }
        )

    def _over_limit(self) -> bool:
        limit = self.faults.rate_per_s
        if limit is None:
            return False
        now = time.monotonic()
        with self._lock:
            while self._window and self._window[0] <= now - 1.0:
                self._window.popleft()
            if len(self._window) >= limit:
                return True
            self._window.append(now)
            return False

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        self.counters.requests += 1
        path = "/" + request.match_info["tail"]
        self.counters.paths.append(path)
        if self.faults.latency_s:
            await asyncio.sleep(self.faults.latency_s)
        if self._over_limit():
            self.counters.rate_limited += 1
            body = {
                "success": False,
                "status_code": 25,
                "status_message": "Your request count is over the allowed limit.",
            }
            return web.json_response(body, status=429, headers={"Retry-After": self.faults.retry_after})
        if self.faults.fail_5xx > 0:
            self.faults.fail_5xx -= 1
            self.counters.server_errors += 1
            body = {"success": False, "status_code": 9, "status_message": "Service offline."}
            return web.json_response(body, status=503)
        auth = request.headers.get("Authorization", "")
        key = request.query.get("api_key")
        self.counters.auth_seen.append("bearer" if auth else ("api_key" if key else "none"))
        if auth != f"Bearer {self.token}" and key != self.token:
            self.counters.unauthorized += 1
            return web.json_response(INVALID_KEY_BODY, status=401)
        if any(path.startswith(p) for p in self.faults.bad_json_paths):
            return web.Response(text='{"page": 1, "results": [', content_type="application/json")
        if any(path.startswith(p) for p in self.faults.wrong_shape_paths):
            return web.json_response({"page": 1, "results": "none today"})
        try:
            body = self._route(path, request.query)
        except KeyError:
            return web.json_response(NOT_FOUND_BODY, status=404)
        return web.json_response(body)

    def _route(self, path: str, query: Any) -> Any:
        if path == "/configuration":
            config = json.loads((REALWORLD / "tmdb" / "ceg_configuration_details.json").read_text("utf-8"))
            config["images"]["secure_base_url"] = self.image_base
            config["images"]["base_url"] = self.image_base
            return config
        if m := re.fullmatch(r"/search/(movie|tv)", path):
            return self._search(m.group(1), query)
        if listed := self._lists(path, query):
            return listed
        if m := re.fullmatch(r"/(movie|tv)/(\d+)", path):
            media, ident = m.group(1), int(m.group(2))
            entry = (self.movies if media == "movie" else self.tv)[ident]
            return details_json(entry, media, query.get("language", "en-US"))
        if m := re.fullmatch(r"/tv/(\d+)/season/(\d+)", path):
            return season_json(self.tv[int(m.group(1))], int(m.group(2)), query.get("language", "en-US"))
        if m := re.fullmatch(r"/find/(tt\d+)", path):
            imdb = m.group(1)
            movies = [list_item(e, "movie") for e in self.movies.values() if e.get("imdb_id") == imdb]
            tv = [list_item(e, "tv") for e in self.tv.values() if e.get("imdb_id") == imdb]
            return {
                "movie_results": movies,
                "person_results": [],
                "tv_results": tv,
                "tv_episode_results": [],
                "tv_season_results": [],
            }
        raise KeyError(path)

    def _lists(self, path: str, query: Any) -> dict[str, Any] | None:
        """Discovery (issue 15): popular, trending, now playing, recommendations, similar, genres.
        An entry is listed where its ``lists`` names the list; ``recommendations``/``similar`` hold
        ids of the same medium."""
        if m := re.fullmatch(r"/genre/(movie|tv)/list", path):
            return {"genres": [{"id": g, "name": GENRE_NAMES[g]} for g in sorted(GENRE_NAMES)]}
        named = {"/movie/popular": ("movie", "popular"), "/movie/now_playing": ("movie", "new")}
        if path in named:
            media, name = named[path]
            hits = [e for e in self.movies.values() if name in e.get("lists", ())]
            return _page([list_item(e, media) for e in sorted(hits, key=lambda e: -e.get("popularity", 0.0))])
        if path == "/trending/all/week":
            items = [
                {**list_item(e, media), "media_type": media}
                for media, db in (("movie", self.movies), ("tv", self.tv))
                for e in db.values()
                if "trending" in e.get("lists", ())
            ]
            items.append({"id": 9, "media_type": "person", "name": "Someone", "known_for": []})
            return _page(items)
        if m := re.fullmatch(r"/(movie|tv)/(\d+)/(recommendations|similar)", path):
            media, ident, kind = m.group(1), int(m.group(2)), m.group(3)
            db = self.movies if media == "movie" else self.tv
            entry = db[ident]
            return _page([list_item(db[i], media) for i in entry.get(kind, ()) if i in db])
        return None

    def _search(self, media: str, query: Any) -> dict[str, Any]:
        words = set(simple_norm(query.get("query", "")))
        year = query.get("year") or query.get("primary_release_year") or query.get("first_air_date_year")
        db = self.movies if media == "movie" else self.tv
        hits = []
        for entry in db.values():
            if year and str(entry.get("year")) != str(year):
                continue
            # Like TMDB: every word of the query must appear in one of the titles.
            if words and any(words <= tokens for tokens in _title_tokens(entry)):
                hits.append(entry)
        hits.sort(key=lambda e: -e.get("popularity", 0.0))
        results = [list_item(e, media) for e in hits[:20]]
        return {"page": 1, "results": results, "total_pages": 1, "total_results": len(results)}


GENRE_NAMES = {
    16: "мультфильм",
    18: "драма",
    28: "боевик",
    35: "комедия",
    878: "фантастика",
    10751: "семейный",
}


def _page(results: list[dict[str, Any]]) -> dict[str, Any]:
    return {"page": 1, "results": results, "total_pages": 1, "total_results": len(results)}


def list_item(entry: dict[str, Any], media: str) -> dict[str, Any]:
    """A search/find list item in TMDB's shape (see realworld/tmdb/ceg_search_movie.json)."""
    date = f"{entry['year']}-06-15" if entry.get("year") else ""
    common = {
        "adult": False,
        "backdrop_path": entry.get("backdrop_path"),
        "genre_ids": entry.get("genre_ids", [18]),
        "id": entry["id"],
        "original_language": entry.get("original_language", "en"),
        "overview": entry.get("overview", ""),
        "popularity": entry.get("popularity", 1.0),
        "poster_path": entry.get("poster_path"),
        "vote_average": entry.get("vote_average", 6.5),
        "vote_count": entry.get("vote_count", 100),
    }
    if media == "movie":
        return {
            **common,
            "original_title": entry.get("original_title") or entry["title"],
            "release_date": date,
            "title": entry["title"],
            "video": False,
        }
    return {
        **common,
        "origin_country": entry.get("countries", ["US"]),
        "original_name": entry.get("original_title") or entry["title"],
        "first_air_date": date,
        "name": entry["title"],
    }


def details_json(entry: dict[str, Any], media: str, language: str) -> dict[str, Any]:
    """Details with credits, videos, external_ids, alternative_titles, recommendations appended."""
    item = list_item(entry, media)
    russian = language.startswith("ru")
    overview = entry.get("overview", "") if russian else entry.get("overview_en", "An English overview.")
    genres = [
        {
            "id": g,
            "name": GENRE_NAMES.get(g, "драма"),
        }
        for g in item["genre_ids"]
    ]
    crew = [
        {
            "adult": False,
            "gender": 2,
            "id": 1000 + i,
            "known_for_department": "Directing",
            "name": name,
            "original_name": name,
            "popularity": 1.0,
            "profile_path": None,
            "credit_id": f"c{i}",
            "department": "Directing",
            "job": "Director",
        }
        for i, name in enumerate(entry.get("directors", []))
    ]
    cast = [
        {
            "adult": False,
            "gender": 2,
            "id": 2000 + i,
            "known_for_department": "Acting",
            "name": name,
            "original_name": name,
            "popularity": 1.0,
            "profile_path": None,
            "cast_id": i,
            "character": "",
            "credit_id": f"a{i}",
            "order": i,
        }
        for i, name in enumerate(entry.get("cast", ["Актёр Первый", "Актриса Вторая"]))
    ]
    data = {
        **{k: v for k, v in item.items() if k != "genre_ids"},
        "genres": genres,
        "overview": overview,
        "tagline": entry.get("tagline", "") if russian else "",
        "homepage": "",
        "status": "Released",
        "imdb_id": entry.get("imdb_id"),
        "credits": {"cast": cast, "crew": crew},
        "videos": {
            "results": [
                {
                    "iso_639_1": "ru",
                    "iso_3166_1": "RU",
                    "name": "Трейлер",
                    "key": f"yt{entry['id']}",
                    "site": "YouTube",
                    "size": 1080,
                    "type": "Trailer",
                    "official": True,
                    "published_at": "2020-01-01T00:00:00.000Z",
                    "id": f"v{entry['id']}",
                }
            ]
        },
        "external_ids": {
            "imdb_id": entry.get("imdb_id"),
            "wikidata_id": None,
            "facebook_id": None,
            "instagram_id": None,
            "twitter_id": None,
        },
        "recommendations": {"page": 1, "results": [], "total_pages": 0, "total_results": 0},
    }
    certified = entry.get("certification", {})  # {"RU": "16+", "US": "R"}: the age ratings
    if media == "movie":
        data["release_dates"] = {
            "results": [
                {
                    "iso_3166_1": c,
                    "release_dates": [{"certification": v, "type": 3, "note": "", "iso_639_1": ""}],
                }
                for c, v in certified.items()
            ]
        }
    else:
        data["content_ratings"] = {"results": [{"iso_3166_1": c, "rating": v} for c, v in certified.items()]}
    alt = [{"iso_3166_1": "US", "title": t, "type": ""} for t in entry.get("alt_titles", ())]
    countries = entry.get("countries", ["US"])
    if media == "movie":
        data.update(
            runtime=entry.get("runtime"),
            production_countries=[{"iso_3166_1": c, "name": c} for c in countries],
            origin_country=countries,
            alternative_titles={"titles": alt},
            belongs_to_collection=None, budget=0, revenue=0,
            production_companies=[], spoken_languages=[],
        )  # fmt: skip
    else:
        data.update(
            episode_run_time=[entry["runtime"]] if entry.get("runtime") else [],
            created_by=[], number_of_seasons=entry.get("seasons", 1),
            number_of_episodes=entry.get("episodes", 10),
            alternative_titles={"results": alt}, in_production=False, type="Scripted",
            seasons=[
                {"air_date": None, "episode_count": count, "id": entry["id"] * 100 + n, "name": f"Сезон {n}",
                 "overview": "", "poster_path": None, "season_number": n, "vote_average": 0}
                for n, count in enumerate(season_counts(entry), start=1)
            ],
        )  # fmt: skip
    return data


def season_counts(entry: dict[str, Any]) -> list[int]:
    """Episodes per season: ``season_episodes`` [8, 10], else ``episodes`` spread over ``seasons``."""
    if entry.get("season_episodes"):
        return list(entry["season_episodes"])
    seasons = max(1, int(entry.get("seasons", 1)))
    return [max(1, int(entry.get("episodes", 10)) // seasons)] * seasons


def season_json(entry: dict[str, Any], number: int, language: str) -> dict[str, Any]:
    """``/tv/{id}/season/{n}`` in TMDB's shape (CONTRACTS.md; realworld jdrouet_tv-episode-details)."""
    counts = season_counts(entry)
    if not 1 <= number <= len(counts):
        raise KeyError(f"/tv/{entry['id']}/season/{number}")
    first_year = int(entry.get("year") or 2020) + number - 1
    russian = language.startswith("ru")
    episodes = [
        {
            "air_date": f"{first_year}-{1 + (e - 1) // 4 % 12:02d}-{1 + (e - 1) % 4 * 7:02d}",
            "episode_number": e,
            "id": entry["id"] * 10_000 + number * 1000 + e,
            "name": (f"Серия {e}" if russian else f"Episode {e}"),
            "overview": "",
            "production_code": "",
            "runtime": entry.get("runtime"),
            "season_number": number,
            "still_path": f"/still{entry['id']}_{number}_{e}.jpg",
            "vote_average": 7.0,
            "vote_count": 10,
            "crew": [],
            "guest_stars": [],
        }
        for e in range(1, counts[number - 1] + 1)
    ]
    return {
        "_id": f"s{entry['id']}_{number}", "air_date": episodes[0]["air_date"], "episodes": episodes,
        "id": entry["id"] * 100 + number, "name": f"Сезон {number}", "overview": "", "poster_path": None,
        "season_number": number,
    }  # fmt: skip


def main() -> None:
    """Serve a database from a JSON file until killed: ``python -m tests.fakes.tmdb_server
    DB.json [--latency S] [--rate N] [--image-base URL]``; prints the base URL on one line."""
    import argparse
    import sys

    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--latency", type=float, default=0.0)
    parser.add_argument("--rate", type=int, default=None)
    parser.add_argument("--image-base", default="http://127.0.0.1:9/t/p/")
    args = parser.parse_args()
    data = json.loads(Path(args.db).read_text("utf-8"))
    fake = FakeTmdb(
        data.get("movies", []),
        data.get("tv", []),
        image_base=args.image_base,
        faults=Faults(latency_s=args.latency, rate_per_s=args.rate),
    )
    print(fake.start(), flush=True)
    try:
        sys.stdin.read()  # until the parent closes our stdin
    finally:
        fake.stop()


if __name__ == "__main__":
    main()
