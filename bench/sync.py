"""Sync benchmark (issue 17): a progress save on one device → visible on another, p50/p95, and the
idle load each device puts on the library server, beside floors measured in the same run.

Two Cinema data folders share a throwaway PostgreSQL cluster on loopback (tests/fakes/postgres.py),
each with its own SyncEngine as the app runs it. Device A saves progress as the player does
(``library_repo.save_progress``, every ``--every`` seconds); the time runs until device B has
applied it and announced ProgressDidChange. Floors: a NOTIFY from one psycopg connection to
another on the same server (the wake-up alone), and A's outbox poll interval (a save waits up to
that long before it is sent). Targets: p95 ≤ 500 ms; idle ≤ 1 query per second per device.
The idle load is counted twice: the statements each engine sent (its own counter) and the
server's committed transactions in the database (pg_stat_database), over ``--idle`` seconds.

    .venv/bin/python bench/sync.py [--saves 200] [--every 0.1] [--idle 30]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TITLE = "tmdb:movie:603"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def notify_floor(dsn: str, rounds: int = 200) -> list[float]:
    """Milliseconds from NOTIFY on one connection to its arrival on another (the wake-up alone)."""
    import psycopg

    listener = psycopg.connect(dsn, autocommit=True)
    sender = psycopg.connect(dsn, autocommit=True)
    listener.execute("LISTEN bench_floor")
    times = []
    for i in range(rounds):
        start = time.perf_counter()
        sender.execute("SELECT pg_notify('bench_floor', %s)", (str(i),))
        for _n in listener.notifies(timeout=5, stop_after=1):
            times.append((time.perf_counter() - start) * 1000)
    listener.close()
    sender.close()
    return times


def server_transactions(dsn: str, database: str) -> int:
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        row = conn.execute(
            "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = %s", (database,)
        ).fetchone()
    return int(row[0]) if row else 0


def autovacuum_runs(dsn: str) -> int:
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        row = conn.execute(
            "SELECT coalesce(sum(autovacuum_count + autoanalyze_count), 0) FROM pg_stat_user_tables"
        ).fetchone()
    return int(row[0]) if row else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=200)
    parser.add_argument("--every", type=float, default=0.1, help="seconds between saves (± 50 %)")
    parser.add_argument("--idle", type=float, default=30.0, help="seconds of idle load measured")
    args = parser.parse_args()

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.bootstrap import build_services
    from app.core.events import ProgressDidChange
    from app.domain.sync import ServerAddress
    from app.services.sync.core import SyncCore
    from app.services.sync.engine import POLL_S, SyncEngine
    from app.storage import library_repo
    from tests.fakes.postgres import PostgresCluster, find_bindir

    bindir = find_bindir()
    if bindir is None:
        sys.exit("PostgreSQL server binaries not found (Debian package postgresql)")
    cluster = PostgresCluster(bindir).start()
    root = Path(tempfile.mkdtemp(prefix="cinema-bench-sync-"))
    engines: list[SyncEngine] = []
    try:
        address = ServerAddress.parse(cluster.create_database("library"))
        floor = notify_floor(cluster.dsn("library"))
        devices = {}
        for name in ("a", "b"):
            services = build_services(root / name, load_demo=False, console_log=False)
            services.db.execute(
                "INSERT INTO titles (id, kind, title, added_at, updated_at) "
                "VALUES (:t, 'film', 'Матрица', 0, 0)",
                {"t": TITLE},
            )
            core = SyncCore(services.db, address, device_name=name)
            core.connect()
            core.close()
            devices[name] = services
        seen: dict[int, float] = {}
        arrived = threading.Condition()

        def on_progress(event: ProgressDidChange) -> None:
            with arrived:
                seen[event.position_ms] = time.perf_counter()
                arrived.notify_all()

        devices["b"].bus.subscribe(ProgressDidChange, on_progress)
        for name, services in devices.items():
            engine = SyncEngine(services.db, address, services.bus, device_name=name)
            engine.start()
            engines.append(engine)
        for engine in engines:
            assert engine.wait_idle(30), "a device did not come online"

        a = devices["a"]
        latencies: list[float] = []
        lost = 0
        base = int(time.time()) - 100_000
        for i in range(args.saves):
            position = (i + 1) * 1000
            start = time.perf_counter()
            library_repo.save_progress(
                a.db, 1, TITLE, position, 7_200_000, title_id=TITLE, watched=None,
                now=datetime.fromtimestamp(base + i, UTC),
            )  # fmt: skip
            with arrived:
                if not arrived.wait_for(lambda p=position: p in seen, timeout=10):
                    lost += 1
                    continue
            latencies.append((seen[position] - start) * 1000)
            time.sleep(args.every * random.uniform(0.5, 1.5))

        for engine in engines:
            engine.wait_idle(30)
        # PostgreSQL's backends report their counts up to 10 s after going idle (PGSTAT_IDLE_INTERVAL)
        time.sleep(12.0)
        sent_before = [e.core.server.statements if e.core and e.core.server else 0 for e in engines]
        tx_before = server_transactions(cluster.dsn(), "library")
        time.sleep(args.idle)
        tx_after = server_transactions(cluster.dsn(), "library")
        vacuums = autovacuum_runs(cluster.dsn("library"))
        sent_after = [e.core.server.statements if e.core and e.core.server else 0 for e in engines]
        own = 2  # the two pg_stat_database reads above (from the postgres database: not counted)

        print(
            f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} (1/5/15 min)"
        )
        print(f"save → visible on the other device, {len(latencies)} saves ({lost} not seen within 10 s):")
        print(f"  p50 {statistics.median(latencies):7.1f} ms   p95 {pct(latencies, 0.95):7.1f} ms   "
              f"max {max(latencies):7.1f} ms   (target p95 ≤ 500 ms)")  # fmt: skip
        print(f"  floor: NOTIFY → LISTEN on loopback p50 {statistics.median(floor):.2f} ms, "
              f"p95 {pct(floor, 0.95):.2f} ms; outbox poll every {POLL_S * 1000:.0f} ms "
              f"(a save waits ≤ {POLL_S * 1000:.0f} ms before it is sent)")  # fmt: skip
        for name, before, after in zip(devices, sent_before, sent_after, strict=True):
            rate = (after - before) / args.idle
            print(f"  idle, device {name}: {rate:.3f} statements/s sent over {args.idle:.0f} s")
        print(f"  idle, server: {(tx_after - tx_before) / args.idle:.3f} transactions/s in the library's "
              f"database (both devices and the server's own autovacuum: {vacuums} run(s) so far; the "
              f"measuring reads ran elsewhere: {own} not counted) (target ≤ 1 per device)")  # fmt: skip
    finally:
        for engine in engines:
            engine.stop()
        cluster.stop()


if __name__ == "__main__":
    main()
