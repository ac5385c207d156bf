"""A small outside world for discovery: fake TMDB and Shikimori with lists, and a poster server."""
# ruff: noqa: E501

from __future__ import annotations

from typing import Any

import pytest

from tests.fakes.poster_server import PosterServer
from tests.fakes.shikimori_server import FakeShikimori
from tests.fakes.tmdb_server import GOOD_TOKEN, FakeTmdb

# fmt: off
MOVIES: list[dict[str, Any]] = [
    {"id": 27205, "title": "Начало", "original_title": "Inception", "year": 2010, "genre_ids": [28, 878],
     "poster_path": "/inception.jpg", "popularity": 80.0, "vote_average": 8.4, "lists": ["popular", "trending"],
     "recommendations": [157336, 155], "similar": [603], "certification": {"RU": "12+", "US": "PG-13"}},
    {"id": 157336, "title": "Интерстеллар", "original_title": "Interstellar", "year": 2014, "genre_ids": [878, 18],
     "poster_path": "/interstellar.jpg", "popularity": 70.0, "vote_average": 8.6, "lists": ["popular"],
     "certification": {"US": "PG-13"}},
    {"id": 155, "title": "Тёмный рыцарь", "original_title": "The Dark Knight", "year": 2008, "genre_ids": [28, 18],
     "poster_path": "/dark.jpg", "popularity": 60.0, "vote_average": 8.5, "lists": ["trending"],
     "certification": {"RU": "16+"}},
    {"id": 603, "title": "Матрица", "original_title": "The Matrix", "year": 1999, "genre_ids": [28, 878],
     "poster_path": "/matrix.jpg", "popularity": 50.0, "vote_average": 8.2, "lists": ["new"]},
    {"id": 862, "title": "История игрушек", "original_title": "Toy Story", "year": 1995, "genre_ids": [16, 35, 10751],
     "poster_path": "/toy.jpg", "popularity": 40.0, "vote_average": 8.0, "lists": ["popular", "new"],
     "recommendations": [603], "certification": {"RU": "0+", "US": "G"}},
]
TV: list[dict[str, Any]] = [
    {"id": 1396, "title": "Во все тяжкие", "original_title": "Breaking Bad", "year": 2008, "genre_ids": [18],
     "poster_path": "/bb.jpg", "popularity": 90.0, "vote_average": 8.9, "lists": ["trending"]},
]
ANIMES: list[dict[str, Any]] = [
    {"id": 52991, "name": "Sousou no Frieren", "russian": "Провожающая в последний путь Фрирен", "year": 2026,
     "season": "fall_2026", "popularity": 9, "score": "9.3", "rating": "pg_13", "similar": [5114]},
    {"id": 5114, "name": "Fullmetal Alchemist: Brotherhood", "russian": "Стальной алхимик: Братство",
     "year": 2009, "season": "spring_2009", "popularity": 10, "score": "9.1", "rating": "r"},
]
# fmt: on


class World:
    def __init__(self, latency_s: float = 0.0, poster_base: str | None = None) -> None:
        self.posters: PosterServer | None = None
        if poster_base is None:  # else: posters from nowhere (the views draw their own)
            self.posters = PosterServer()
            poster_base = self.posters.start()
        self.tmdb = FakeTmdb(MOVIES, TV, image_base=f"{poster_base}/t/p/")
        self.tmdb.faults.latency_s = latency_s
        self.tmdb.start()
        self.shiki = FakeShikimori(ANIMES, latency_s=latency_s)
        self.shiki.start()

    def configure(self, services: Any, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("CINEMA_TMDB_TOKEN", GOOD_TOKEN)
        services.settings = services.settings.model_copy(
            update={
                "tmdb_base_url": self.tmdb.base_url,
                "shikimori_base_url": self.shiki.base_url,
                "discovery_refresh_hours": 6.0,
            }
        )

    def stop(self) -> None:
        self.tmdb.stop()
        self.shiki.stop()
        if self.posters is not None:
            self.posters.stop()
