"""Search latency at 20,000 titles, per query kind, beside the bare FTS5 floor of the same run.

Builds the same library as bench/grid.py (bench/library_gen.py + the guide week) and times,
without Qt, what the grid and the suggestions ask for on each keystroke:

- ``CatalogService.query(CatalogFilter(text=...))`` for bench/grid.py's 9 queries (one letter to
  two words, one with a typo), interleaved with the floor: a bare FTS5 MATCH of the same words
  returning rowids (grid.py's floor), and a bare MATCH of the expression we actually run (for
  the typo this includes the repaired word);
- suggestions (8 under the field) for the same texts;
- text with a filter or a sort (SQL path);
- every one-letter prefix, kept since the warm-up and ranked cold;
- the first query after ``catalog_version`` moved (the rank table is rebuilt), and the warm-up
  the app runs in a worker after start-up and after a refresh.

    .venv/bin/python bench/search.py [--runs 20] [--home DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# bench/grid.py's queries, by kind
KINDS = {
    "one letter": ["н"],
    "prefix": ["ноч", "последн", "звезд"],
    "whole word": ["ночь", "капитан"],
    "two words": ["город мор", "тайна остров"],
    "typo": ["возвращние"],
}
FILTERED = [
    ("text + kind anime", {"kinds": ("anime",)}),
    ("text + genre", {"genre": "драма"}),
    ("text + rating >= 7", {"rating_min": 7.0}),
    ("text, sort by year", {"sort": "year"}),
    ("text, sort by title", {"sort": "title"}),
    ("text + on TV", {"availability": "on_air"}),
]


def pct(values: list[float], p: float) -> float:
    """The same percentile as bench/grid.py (nearest rank, rounded down)."""
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * p) - 1)]


def timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def row(label: str, ours: list[float], floor: list[float] | None = None, extra: str = "") -> None:
    text = f"{label:34} {statistics.median(ours):6.2f} / {pct(ours, 0.95):6.2f} / {max(ours):6.2f} ms"
    if floor:
        text += f"   {statistics.median(floor):5.2f} / {pct(floor, 0.95):5.2f} ms"
    print(text + (f"   {extra}" if extra else ""))


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.2f} {five:.2f} (1 and 5 min, {os.cpu_count()} cores, shared machine)"


def one_letter(catalog: Any, db: Any) -> None:
    from app.services.library.catalog import CatalogFilter
    from app.storage import search_repo

    letters = search_repo.first_letters(db)
    kept, cold, sizes = [], [], []
    for _ in range(5):
        catalog.warm_search()  # as the app's worker does after start-up and after a refresh
        for letter in letters:
            kept.append(timed(lambda letter=letter: catalog.query(CatalogFilter(text=letter))))
        for letter in letters:
            search_repo.forget_results(db)
            cold.append(
                timed(lambda letter=letter: sizes.append(len(catalog.query(CatalogFilter(text=letter)))))
            )
    span = f"{len(letters)} letters, {min(sizes)}-{max(sizes)} hits"
    row("one letter, any: kept since warm-up", kept, extra=span)
    row("one letter, any: ranked cold", cold)


def measure(home: Path, runs: int) -> None:
    from app.bootstrap import build_services
    from app.services.library.catalog import CatalogFilter, CatalogService
    from app.services.library.search import words
    from app.storage import search_repo

    services = build_services(home, load_demo=False, console_log=False)
    catalog = CatalogService(services)
    conn = services.db.raw()
    warm_ms = timed(catalog.warm_search)

    def bare(expr: str) -> Callable[[], object]:
        sql = "SELECT rowid FROM titles_fts WHERE titles_fts MATCH ?"
        return lambda: conn.execute(sql, (expr,)).fetchall()

    texts = [t for group in KINDS.values() for t in group]
    catalog.query(CatalogFilter(text=texts[0]))  # statement cache, lazy imports
    ours: dict[str, list[float]] = {t: [] for t in texts}
    floor: dict[str, list[float]] = {t: [] for t in texts}
    floor_expr: dict[str, list[float]] = {t: [] for t in texts}
    sugg: dict[str, list[float]] = {t: [] for t in texts}
    hits: dict[str, int] = {}
    exprs = {t: catalog.search.expression(t) or "" for t in texts}
    for _ in range(runs):
        for text in texts:  # the same order as bench/grid.py: each query after the 8 others
            ours[text].append(
                timed(lambda text=text: hits.__setitem__(text, len(catalog.query(CatalogFilter(text=text)))))
            )
            floor[text].append(timed(bare(" AND ".join(f'"{w}"*' for w in words(text)))))
            floor_expr[text].append(timed(bare(exprs[text])))
        for text in texts:
            sugg[text].append(timed(lambda text=text: catalog.search.suggestions(text)))

    print(
        f"{'query':34} {'ours p50 / p95 / max':>26}   {'floor p50 / p95':>17}   hits, FTS of our expression"
    )
    for text in texts:
        f_ex = floor_expr[text]
        row(f"  {text!r}", ours[text], floor[text], f"{hits[text]:5} hits, {statistics.median(f_ex):5.2f} ms")
    print()
    print(f"{'kind':34} {'ours p50 / p95 / max':>26}   {'floor p50 / p95':>17}")
    for kind, group in KINDS.items():
        row(kind, [v for t in group for v in ours[t]], [v for t in group for v in floor[t]])
    every = [v for t in texts for v in ours[t]]
    row(f"all 9 queries x {runs}", every, [v for t in texts for v in floor[t]], "target <= 5 ms p95")
    row("suggestions (8), all 9 queries", [v for t in texts for v in sugg[t]])

    print()
    base = texts[:]
    for label, fields in FILTERED:
        times = []
        for _ in range(max(1, runs // 4)):
            for text in base:
                flt = CatalogFilter(text=text, **fields)  # type: ignore[arg-type]
                times.append(timed(lambda flt=flt: catalog.query(flt)))
        row(label, times)

    # every one-letter prefix: kept since warm() vs ranked from scratch (cold)
    print()
    if hasattr(search_repo, "first_letters"):  # not in an older tree run for comparison
        one_letter(catalog, services.db)
    else:
        print("(one-letter figures need search_repo.first_letters)")

    # after a title write the rating order and the kept results follow catalog_version
    rebuild, rewarm = [], []
    for i in range(5):
        conn.execute("UPDATE titles SET rating = rating WHERE rowid = ?", (1 + i,))
        rebuild.append(timed(lambda: catalog.query(CatalogFilter(text="ноч"))))
        conn.execute("UPDATE titles SET rating = rating WHERE rowid = ?", (1 + i,))
        rewarm.append(timed(catalog.warm_search))
    row("first query after a title write", rebuild)
    row("warm-up (worker) after a title write", rewarm, extra=f"(at start: {warm_ms:.1f} ms)")
    services.db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--titles", type=int, default=20000)
    parser.add_argument("--home", type=Path, help="reuse (or create) the library here")
    args = parser.parse_args()
    from bench.grid import seed_guide
    from bench.library_gen import generate

    print(f"load before: {load()}")
    with tempfile.TemporaryDirectory(prefix="cinema-search-") as tmp:
        home = generate(args.home or Path(tmp) / "big", args.titles)
        seed_guide(home, args.titles)
        measure(home, args.runs)
    print(f"load after: {load()}")


if __name__ == "__main__":
    main()
