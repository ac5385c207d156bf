"""Recommended for you at 20,000 titles: the GUI loop's lag while the recommendations are computed.

A profile with 2,000 history entries over a 20,000-title library; a loopback fake TMDB answers
each watched title's recommendations and similar titles (40 each). ``Discovery.recommend()``
runs on the Qt application's qasync loop (the window's loop) while a 5 ms ticker on the same loop
records how late each tick comes. The floor, measured in the same process: the ticker alone for
as long. Issue 15's bound: lag <= 16 ms.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python bench/recommendations.py [--runs 5]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TICK_S = 0.005


def fake_movies(titles: int) -> list[dict[str, Any]]:
    """The library's titles as TMDB knows them, each related to 40 others (recommended, similar)."""
    rng = random.Random(11)
    movies = []
    for i in range(titles):
        ident = 100000 + i
        related = rng.sample(range(100000, 100000 + titles), 40)
        movies.append(
            {
                "id": ident,
                "title": f"Фильм {i}",
                "year": 1950 + i % 75,
                "genre_ids": rng.sample([28, 18, 35, 878, 16, 10751], 2),
                "popularity": rng.uniform(1, 100),
                "recommendations": related[:20],
                "similar": related[20:],
            }
        )
    return movies


def seed_history(home: Path, entries: int) -> None:
    """The first profile watched ``entries`` titles (some marked watched), one every 10 minutes."""
    from app.bootstrap import build_services

    services = build_services(home, load_demo=False, console_log=False)
    profile = services.profile_id
    done = services.db.execute("SELECT count(*) FROM history WHERE profile_id = :p", {"p": profile})
    if done[0][0] >= entries:
        services.db.dispose()
        return
    ids = [r[0] for r in services.db.execute("SELECT id FROM titles WHERE id LIKE 'tmdb:movie:%'")]
    rng = random.Random(3)
    now = int(time.time())
    conn = services.db.raw()
    with conn:
        conn.execute("BEGIN")
        for n, tid in enumerate(rng.sample(ids, entries)):
            started = now - n * 600
            conn.execute(
                "INSERT INTO history (profile_id, item_key, title_id, label, location, started_at, "
                "watched_ms) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (profile, tid, tid, tid, "http://127.0.0.1:9/x.mp4", started, rng.randint(5, 150) * 60_000),
            )
            if n % 3 == 0:
                conn.execute(
                    "INSERT OR IGNORE INTO progress (profile_id, item_key, title_id, position_ms, "
                    "duration_ms, watched, view_count, updated_at) VALUES (?, ?, ?, 0, 6000000, 1, 1, ?)",
                    (profile, tid, tid, started),
                )
    services.db.dispose()


async def ticker(lags: list[float], stop: asyncio.Event) -> None:
    """How late each 5 ms tick of the loop comes (ms)."""
    while not stop.is_set():
        started = time.perf_counter()
        await asyncio.sleep(TICK_S)
        lags.append(max(0.0, (time.perf_counter() - started - TICK_S) * 1000))


async def measure(services: Any, runs: int) -> dict[str, list[float]]:
    from app.services.discover.rows import Discovery

    result: dict[str, list[float]] = {"lag_max": [], "lag_p99": [], "took": [], "floor_max": [], "picks": []}
    for _ in range(runs):
        lags: list[float] = []
        stop = asyncio.Event()
        tick = asyncio.ensure_future(ticker(lags, stop))
        started = time.perf_counter()
        picks = await Discovery(services).recommend()
        took = time.perf_counter() - started
        stop.set()
        await tick
        lags.sort()
        result["lag_max"].append(lags[-1])
        result["lag_p99"].append(lags[int(len(lags) * 0.99) - 1] if len(lags) > 1 else lags[-1])
        result["took"].append(took * 1000)
        result["picks"].append(float(len(picks)))
        services.db.execute("DELETE FROM provider_cache")  # the next run asks the fake again
        floor: list[float] = []
        stop = asyncio.Event()
        tick = asyncio.ensure_future(ticker(floor, stop))
        await asyncio.sleep(took)
        stop.set()
        await tick
        result["floor_max"].append(max(floor))
    return result


def run(home: Path, titles: int, runs: int) -> dict[str, list[float]]:
    import qasync
    from PySide6.QtWidgets import QApplication

    from app.bootstrap import build_services
    from tests.fakes.tmdb_server import GOOD_TOKEN, FakeTmdb

    tmdb = FakeTmdb(fake_movies(titles))
    tmdb.start()
    os.environ["CINEMA_TMDB_TOKEN"] = GOOD_TOKEN
    app = QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    services = build_services(home, load_demo=False, console_log=False)
    services.settings = services.settings.model_copy(
        update={"tmdb_base_url": tmdb.base_url, "shikimori_base_url": "http://127.0.0.1:9"}
    )
    try:
        return loop.run_until_complete(measure(services, runs))
    finally:
        tmdb.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--titles", type=int, default=20000)
    parser.add_argument("--history", type=int, default=2000)
    args = parser.parse_args()
    os.environ.setdefault("CINEMA_DEMO_ENABLED", "0")
    os.environ.setdefault("CINEMA_DISCOVERY_REFRESH_HOURS", "0")
    from bench.library_gen import generate

    home = Path(tempfile.gettempdir()) / f"cinema-bench-recommend-{args.titles}"
    generate(home, args.titles, posters=20)
    seed_history(home, args.history)
    result = run(home, args.titles, args.runs)
    loads = " ".join(f"{x:.2f}" for x in os.getloadavg())
    size = f"{args.titles} titles, {args.history} history entries"
    print(f"recommendations at {size} ({args.runs} runs; load {loads}):")
    for name, label in (
        ("took", "recommend() took"),
        ("lag_max", "loop lag, max tick"),
        ("lag_p99", "loop lag, p99 tick"),
        ("floor_max", "floor: idle loop, max tick"),
    ):
        values = sorted(result[name])
        runs = " ".join(f"{v:.1f}" for v in result[name])
        print(f"  {label:28} median {statistics.median(values):7.1f} ms   max {values[-1]:7.1f} ms  [{runs}]")
    print(f"  picks per run: {json.dumps(sorted(set(result['picks'])))}")


if __name__ == "__main__":
    main()
