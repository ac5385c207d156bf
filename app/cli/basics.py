"""Basic commands: self-test, library and history listings (play is routed to the GUI)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from app.services.context import AppContext


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "self-test", help="check storage, images, playback and the library database; exit 0 when all pass"
    )
    p.set_defaults(handler=cmd_self_test, needs_services=False)

    p = subparsers.add_parser(
        "play", help="open a file, URL, magnet or .torrent in the player (in the running app if there is one)"
    )
    p.add_argument("location", metavar="PATH_OR_URL", nargs="?", help="without it the app just opens")
    p.set_defaults(handler=None, gui=True)

    p = subparsers.add_parser("library", help="list the library's titles with their saved positions")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_library)

    p = subparsers.add_parser("history", help="list what was played, newest first")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--limit", type=int, default=200)
    p.set_defaults(handler=cmd_history)


def cmd_self_test(_services: AppContext | None, args: argparse.Namespace) -> int:
    from app.core.config import AppPaths
    from app.domain.errors import CinemaError
    from app.services.selftest import run_checks

    try:
        database = AppPaths.resolve(args.data_dir).database
    except CinemaError as exc:
        print(f"FAIL data folder: {exc}", flush=True)
        return 1
    results = run_checks(database)
    for r in results:
        print(f"{'PASS' if r.ok else 'FAIL'} {r.name}: {r.detail}", flush=True)
    return 0 if results and all(r.ok for r in results) else 1


def cmd_library(services: AppContext, args: argparse.Namespace) -> int:
    from app.services.library.catalog import CatalogService
    from app.services.library.progress import LibraryService

    catalog = CatalogService(services)
    progress = LibraryService(services).all_progress()
    ids = catalog.ids()
    briefs = catalog.briefs(ids)
    rows = []
    for tid in ids:
        b = briefs.get(tid)
        if b is None:
            continue
        p = progress.get(tid)
        rows.append(
            {
                "id": b.id,
                "kind": b.kind.value,
                "title": b.title,
                "original_title": b.original_title,
                "year": b.year,
                "rating": b.rating,
                "position_s": round(p.position_ms / 1000, 1) if p else 0.0,
                "duration_s": round(p.duration_ms / 1000, 1) if p and p.duration_ms else None,
                "watched": bool(p and p.watched),
                "next_airing": b.next_airing.start.isoformat() if b.next_airing else None,
            }
        )
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for r in rows:
            pos = f"  [{r['position_s']:.0f} s]" if r["position_s"] else ""
            print(f"{r['title']} ({r['year'] or '—'}){pos}")
    return 0


def cmd_history(services: AppContext, args: argparse.Namespace) -> int:
    from app.services.library.progress import LibraryService

    entries = LibraryService(services).history(args.limit)
    rows = [
        {
            "id": e.id,
            "item_key": e.item_key,
            "title_id": e.title_id,
            "label": e.label,
            "location": e.location,
            "started_at": e.started_at.isoformat(),
            "ended_at": e.ended_at.isoformat() if e.ended_at else None,
            "position_s": round(e.position_ms / 1000, 1),
            "duration_s": round(e.duration_ms / 1000, 1) if e.duration_ms else None,
        }
        for e in entries
    ]
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for r in rows:
            print(f"{r['started_at']}  {r['label']}  {r['position_s']:.0f} s")
    return 0
