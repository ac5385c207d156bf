"""Guide import benchmark: our import of a ~1 M programme XMLTV beside the parse+insert floor.

Run:  .venv/bin/python bench/epg_ingest.py [--channels 1000 --days 7] [--gzip] [--out DIR]

Generates a realistic guide (Cyrillic descriptions, categories, +0300 offsets, «Х/ф» titles)
under DIR (default /tmp/cinema-bench-epg, never committed), then runs, each in a fresh process
on a fresh migrated database so that peak RSS is per run:
  floor: lxml iterparse + field extraction + sqlite3 executemany into the same table;
  ours:  cinema's import (epg_refresh.import_location) of the same file;
and times the catalog queries (films in the next 24 h, on air now, one channel's day), p95.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

START = 1767225600  # 2026-01-01 00:00 UTC
WORDS = (
    "история", "любовь", "город", "море", "война", "семья", "тайна", "дорога", "жизнь",
    "судьба", "друзья", "время", "дом", "путешествие", "надежда", "сердце", "зима", "лето",
    "ночь", "утро", "герой", "мечта", "память", "река", "степь", "звезда",
)  # fmt: skip
DESC_TAIL = (
    "В ролях: Иван Петров, Мария Сидорова, Алексей Смирнов. Режиссёр: Николай Кузнецов. ",
    "Ведущие рассказывают о главных событиях недели и отвечают на вопросы зрителей. ",
    "Документальный рассказ о природе и людях, которые живут рядом с ней. ",
)
CATEGORIES = ("Новости", "Сериал", "Художественный фильм", "Познавательное", "Спорт", "Детям")


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize()


def generate(path: Path, channels: int, days: int, seed: int = 7) -> int:
    """Write the guide; returns the number of programmes."""
    rng = random.Random(seed)
    descs = [
        f"{_sentence(rng, rng.randint(8, 40))}. {rng.choice(DESC_TAIL)}"
        f"{rng.choice(['США', 'СССР', 'Россия', 'Франция, Италия'])}, {rng.randint(1950, 2024)}."
        for _ in range(400)
    ]
    films = [_sentence(rng, rng.randint(1, 4)) for _ in range(3000)]
    shows = [_sentence(rng, rng.randint(1, 3)) for _ in range(600)]
    lengths = (5, 5, 5, 5, 10, 10, 10, 10)
    count = 0
    if path.suffix == ".gz":
        f = gzip.open(path, "wt", encoding="utf-8", newline="\n", compresslevel=6)  # noqa: SIM115
    else:
        f = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
    with f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<tv generator-info-name="bench">\n')
        for c in range(channels):
            f.write(
                f'<channel id="ch{c}.ru"><display-name lang="ru">Канал {c}</display-name>'
                f'<icon src="http://127.0.0.1/logo/{c}.png"/></channel>\n'
            )
        end = START + days * 86400
        for c in range(channels):
            t = START
            while t < end:
                roll = rng.random()
                if roll < 0.03:
                    length = rng.choice((90, 100, 120))
                    title = f'Х/ф "{rng.choice(films)}" 16+'
                    cat = "Художественный фильм"
                elif roll < 0.22:
                    length = rng.choice(lengths)
                    title = f"Т/с {rng.choice(shows)}. {rng.randint(1, 40)} с."
                    cat = "Сериал"
                else:
                    length = rng.choice(lengths)
                    title = rng.choice(shows)
                    cat = rng.choice(CATEGORIES)
                stop = t + length * 60
                s1 = time.strftime("%Y%m%d%H%M%S", time.gmtime(t + 10800))
                s2 = time.strftime("%Y%m%d%H%M%S", time.gmtime(stop + 10800))
                f.write(
                    f'<programme start="{s1} +0300" stop="{s2} +0300" channel="ch{c}.ru">'
                    f'<title lang="ru">{title}</title><desc lang="ru">{rng.choice(descs)}</desc>'
                    f'<category lang="ru">{cat}</category></programme>\n'
                )
                t = stop
                count += 1
        f.write("</tv>\n")
    return count


def _cpu_s() -> float:
    """CPU seconds of this process and its waited-for children (the parser process)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_floor(guide: Path, home: Path) -> dict[str, float]:
    from lxml import etree

    from app.core.config import AppPaths
    from app.providers.guide.feed import open_feed
    from app.providers.guide.xmltv.parser import parse_time
    from app.storage.db import Database

    paths = AppPaths.resolve(home)
    db = Database(paths.database)
    db.migrate()
    db.dispose()
    import sqlite3

    t0 = time.perf_counter()
    cpu0 = _cpu_s()
    conn = sqlite3.connect(paths.database, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute(
        "INSERT INTO guide_sources (id, name, kind, location, created_at) VALUES (1, 'f', 'xmltv', 'x', 0)"
    )
    conn.execute("BEGIN")
    sql = (
        "INSERT INTO programmes (source_id, channel_id, start, stop, title, description, category)"
        " VALUES (1, ?, ?, ?, ?, ?, ?)"
    )
    batch: list[tuple[object, ...]] = []
    n = 0
    with open_feed(guide, "floor") as stream:
        for _ev, el in etree.iterparse(
            stream, events=("end",), tag="programme", resolve_entities=False, no_network=True
        ):
            batch.append(
                (
                    el.get("channel"),
                    parse_time(el.get("start")),
                    parse_time(el.get("stop")),
                    el.findtext("title"),
                    el.findtext("desc"),
                    el.findtext("category"),
                )
            )
            el.clear()
            while el.getprevious() is not None:
                del el.getparent()[0]
            if len(batch) >= 4000:
                conn.executemany(sql, batch)
                n += len(batch)
                batch = []
    conn.executemany(sql, batch)
    n += len(batch)
    conn.execute("COMMIT")
    conn.close()
    return {
        "seconds": time.perf_counter() - t0,
        "cpu_seconds": _cpu_s() - cpu0,
        "programmes": n,
        "peak_rss_mb": _rss_mb(),
    }


def run_ours(guide: Path, home: Path) -> dict[str, float]:
    from datetime import UTC, datetime

    from app.bootstrap import build_services
    from app.core.clock import FixedClock
    from app.services.guide import refresh as epg_refresh

    services = build_services(data_dir=home, load_demo=False, console_log=False)
    services.clock = FixedClock(datetime.fromtimestamp(START + 86400 * 2 + 20 * 3600, UTC))
    rss_before = _rss_mb()
    t0 = time.perf_counter()
    cpu0 = _cpu_s()
    kids0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    res = epg_refresh.import_location(services, str(guide))
    seconds = time.perf_counter() - t0
    kids1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    parser_cpu = (kids1.ru_utime + kids1.ru_stime) - (kids0.ru_utime + kids0.ru_stime)
    out = {
        "seconds": seconds,
        "cpu_seconds": _cpu_s() - cpu0,
        # Parser process vs writer: on an otherwise idle 2-core machine the import takes
        # about the larger of the two.
        "parser_cpu_seconds": parser_cpu,
        "writer_cpu_seconds": _cpu_s() - cpu0 - parser_cpu,
        "programmes": res.programmes,
        "films": res.films,
        "peak_rss_mb": _rss_mb(),
        "rss_before_import_mb": rss_before,
        # The forked parser process (joined by now), measured separately by the kernel.
        "parser_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }
    out.update(time_queries(services))
    if os.environ.get("BENCH_REIMPORT"):
        # Replacing the same source's guide: the old rows are deleted in the same transaction.
        t0 = time.perf_counter()
        epg_refresh.refresh_source_blocking(services, res.source_id, force=True)
        out["reimport_seconds"] = time.perf_counter() - t0
    services.db.dispose()
    return out


def time_queries(services: object, runs: int = 200) -> dict[str, float]:
    from app.storage import guide_repo

    db = services.db  # type: ignore[attr-defined]
    now = START + 86400 * 2 + 20 * 3600
    rng = random.Random(1)
    channel_ids = guide_repo.source_channel_ids(db, 1)

    def p95(fn: object, n: int = runs) -> tuple[float, int]:
        times = []
        rows = 0
        for _ in range(n):
            t = time.perf_counter()
            rows = len(fn())  # type: ignore[operator]
            times.append(time.perf_counter() - t)
        times.sort()
        return times[int(len(times) * 0.95) - 1] * 1000, rows

    films_ms, films_rows = p95(lambda: guide_repo.films_between(db, now, now + 86400, limit=200))
    all_ms, all_rows = p95(lambda: guide_repo.films_between(db, now, now + 86400), 20)
    onair_ms, onair_rows = p95(lambda: guide_repo.on_air(db, now))
    day_ms, day_rows = p95(
        lambda: guide_repo.channel_day(db, rng.choice(channel_ids), now - 72000, now + 14400)
    )
    return {
        "q_films_24h_all_p95_ms": all_ms,
        "q_films_24h_all_rows": all_rows,
        "q_films_24h_p95_ms": films_ms,
        "q_films_24h_rows": films_rows,
        "q_on_air_p95_ms": onair_ms,
        "q_on_air_rows": onair_rows,
        "q_channel_day_p95_ms": day_ms,
        "q_channel_day_rows": day_rows,
    }


def child(which: str, guide: Path, home: Path) -> dict[str, float]:
    env = {**os.environ, "CINEMA_HOME": str(home)}
    proc = subprocess.run(
        [sys.executable, __file__, "--child", which, "--guide", str(guide), "--home", str(home)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"{which} failed:\n{proc.stderr}")
    result: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--channels", type=int, default=1000)
    ap.add_argument("--days", type=int, default=7)
    ap.add_argument("--gzip", action="store_true")
    ap.add_argument("--out", default="/tmp/cinema-bench-epg")
    ap.add_argument("--repeat", type=int, default=1, help="alternate floor/ours this many times")
    ap.add_argument("--reimport", action="store_true", help="also time a second import (replace)")
    ap.add_argument("--child")
    ap.add_argument("--guide")
    ap.add_argument("--home")
    args = ap.parse_args()
    if args.reimport:
        os.environ["BENCH_REIMPORT"] = "1"
    if args.child:
        fn = run_floor if args.child == "floor" else run_ours
        print(json.dumps(fn(Path(args.guide), Path(args.home))))
        return
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    guide = out / f"guide-{args.channels}x{args.days}.xml{'.gz' if args.gzip else ''}"
    if not guide.exists():
        t = time.perf_counter()
        n = generate(guide, args.channels, args.days)
        print(f"generated {guide} ({n} programmes) in {time.perf_counter() - t:.1f} s")
    size_mb = guide.stat().st_size / 1048576
    print(f"guide: {guide} {size_mb:.0f} MiB, cores: {os.cpu_count()}")
    ratios = []
    for run in range(args.repeat):
        results = {}
        # Alternate the order so that a burst of load elsewhere does not always hit one side.
        order = ("floor", "ours") if run % 2 == 0 else ("ours", "floor")
        for which in order:
            home = out / f"home-{which}"
            shutil.rmtree(home, ignore_errors=True)
            home.mkdir()
            results[which] = child(which, guide, home)
            print(which, json.dumps({k: round(v, 2) for k, v in results[which].items()}))
        ratio = results["ours"]["seconds"] / results["floor"]["seconds"]
        ratios.append(ratio)
        print(
            f"import: ours {results['ours']['seconds']:.1f} s vs floor "
            f"{results['floor']['seconds']:.1f} s = {ratio:.2f}x floor (CPU ours "
            f"{results['ours']['cpu_seconds']:.1f} s, floor {results['floor']['cpu_seconds']:.1f} s); "
            f"peak RSS ours "
            f"{results['ours']['peak_rss_mb']:.0f} MB (parser process "
            f"{results['ours']['parser_peak_rss_mb']:.0f} MB, app baseline before the import "
            f"{results['ours']['rss_before_import_mb']:.0f} MB), floor "
            f"{results['floor']['peak_rss_mb']:.0f} MB"
        )
    if len(ratios) > 1:
        ratios.sort()
        print(
            f"ours/floor over {len(ratios)} runs: median {ratios[len(ratios) // 2]:.2f}x, "
            f"all {', '.join(f'{r:.2f}' for r in ratios)}"
        )


if __name__ == "__main__":
    main()
