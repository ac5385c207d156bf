# ruff: noqa: E501
"""Benchmark: enrich 1,000 guide films against the fake TMDB (50 ms latency, 40 req/s, 429
above it) and print wall time beside the rate floor (requests / 40); then a second run that
must send zero requests.

    .venv/bin/python bench/enrich.py [--films 1000] [--latency 0.05] [--rate 40] [--no-posters]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

ADJ = ["Белый", "Тихий", "Последний", "Дикий", "Северный", "Тайный", "Золотой", "Старый", "Ночной", "Красный",
       "Далёкий", "Железный", "Тёмный", "Весенний", "Горький", "Чужой", "Морской", "Лесной", "Зимний", "Вечный"]  # fmt: skip
NOUN = ["берег", "город", "сад", "ветер", "поезд", "остров", "дом", "мост", "путь", "лес", "маяк", "сон",
        "огонь", "рубеж", "капитан", "снег", "двор", "перевал", "шторм", "след"]  # fmt: skip
TAIL = ["", "", "", " 2", ": Возвращение", " и другие", ": Начало", " на рассвете"]


def make_world(films: int, seed: int = 7) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A TMDB database and the guide films to match (each film has a same-title decoy of
    another year, so the year matters as it does with real remakes)."""
    rng = random.Random(seed)
    movies: list[dict[str, Any]] = []
    guide: list[dict[str, Any]] = []
    seen: set[tuple[str, int]] = set()
    ident = 10_000
    while len(guide) < films:
        title = f"{rng.choice(ADJ)} {rng.choice(NOUN)}{rng.choice(TAIL)}"
        year = rng.randint(1960, 2024)
        if (title, year) in seen:
            continue
        seen.add((title, year))
        ident += 2
        runtime = rng.randint(80, 150)
        movies.append({"id": ident, "title": title, "original_title": title, "year": year, "runtime": runtime,
                       "countries": ["RU"], "directors": ["Режиссёр Первый"], "poster_path": f"/p{ident}.jpg", "overview": "Описание.",
                       "popularity": rng.uniform(1, 50), "vote_count": rng.randint(10, 5000)})  # fmt: skip
        movies.append({"id": ident + 1, "title": title, "original_title": title, "year": year - rng.randint(5, 30),
                       "runtime": runtime, "countries": ["US"], "directors": ["Someone Else"],
                       "popularity": rng.uniform(1, 50), "vote_count": rng.randint(10, 5000)})  # fmt: skip
        guide.append({"film_key": f"{title.lower()}|{year}", "title": f"х/ф {title}", "year_hint": year,
                      "country_hint": "Россия", "duration_min": runtime + 25})  # fmt: skip
    return movies, guide


async def run(services: Any) -> Any:
    from app.services.enrich.enricher import Enricher

    return await Enricher(services).run()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--films", type=int, default=1000)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--rate", type=int, default=40)
    parser.add_argument("--no-posters", action="store_true")
    args = parser.parse_args()

    home = tempfile.mkdtemp(prefix="cinema-bench-enrich-")
    os.environ["CINEMA_HOME"] = home
    from app.bootstrap import build_services
    from app.storage.enrich_repo import seed_guide_films
    from tests.fakes.tmdb_server import GOOD_TOKEN

    movies, guide = make_world(args.films)
    if args.no_posters:
        for m in movies:
            m["poster_path"] = None
    posters = subprocess.Popen(
        [sys.executable, "-m", "tests.fakes.poster_server"],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert posters.stdout is not None and posters.stdin is not None
    poster_base = posters.stdout.readline().strip()
    # The fake servers run in their own processes, as the real ones would: our client's work
    # does not delay their clocks (in one process the GIL made the 429 window see bunched requests).
    db_file = Path(home) / "tmdb_db.json"
    db_file.write_text(json.dumps({"movies": movies}, ensure_ascii=False), "utf-8")
    server = subprocess.Popen(
        [sys.executable, "-m", "tests.fakes.tmdb_server", str(db_file), "--latency", str(args.latency),
         "--rate", str(args.rate), "--image-base", f"{poster_base}/t/p/"],
        cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert server.stdout is not None and server.stdin is not None
    base_url = server.stdout.readline().strip()
    os.environ["CINEMA_TMDB_TOKEN"] = GOOD_TOKEN
    services = build_services(home, load_demo=False, console_log=False)
    services.settings = services.settings.model_copy(
        update={"tmdb_base_url": base_url, "tmdb_rate_per_second": float(args.rate)}
    )
    seed_guide_films(services.db, guide, int(time.time()))

    started = time.perf_counter()
    cpu_started = time.process_time()
    first = asyncio.run(run(services))
    wall = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    stats = json.loads(urllib.request.urlopen(base_url.rsplit("/3", 1)[0] + "/__stats").read())
    floor = stats["requests"] / args.rate
    second = asyncio.run(run(services))
    stats2 = json.loads(urllib.request.urlopen(base_url.rsplit("/3", 1)[0] + "/__stats").read())
    result = {
        "films": args.films,
        "latency_ms": round(args.latency * 1000),
        "rate_limit_per_s": args.rate,
        "matched": first.matched,
        "unmatched": first.unmatched,
        "failed": first.failed,
        "requests": first.requests,
        "server_saw": stats["requests"],
        "rate_limited_429": stats["rate_limited"],
        "poster_downloads": first.poster_downloads,
        "wall_s": round(wall, 2),
        "rate_floor_s": round(floor, 2),
        "ratio": round(wall / floor, 3),
        "client_cpu_s": round(cpu, 1),
        "load_avg_1m": round(os.getloadavg()[0], 2),
        "second_run_requests": second.requests,
        "second_run_server_saw": stats2["requests"] - stats["requests"],
        "second_run_s": round(second.seconds, 3),
        "requests_by_endpoint": stats["paths"],
    }
    print(json.dumps(result, ensure_ascii=False))
    print(
        f"{args.films} films: {wall:.1f} s for {stats['requests']} TMDB requests; rate floor "
        f"{floor:.1f} s (requests / {args.rate}) -> {wall / floor:.2f}x; 429s: {stats['rate_limited']}; "
        f"second run: {second.requests} requests in {second.seconds:.2f} s"
    )
    server.stdin.close()
    server.wait(10)
    posters.stdin.close()
    posters.wait(10)
    services.db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
