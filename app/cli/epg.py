"""``cinema epg add|list|refresh|remove|import`` and ``cinema films``: the guide, headless."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from app.domain.errors import CinemaError, DatabaseBusy
from app.services.context import AppContext
from app.services.guide import catalog as guide_catalog
from app.services.guide import refresh as epg_refresh
from app.services.guide.refresh import RefreshProgress

if TYPE_CHECKING:
    from app.services.scheduler import GuideOutcome, RefreshScheduler

_T = TypeVar("_T")


class ProgressBar:
    """One line on stderr, redrawn in place; silent when stderr is not a terminal."""

    def __init__(self, enabled: bool | None = None) -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self._drawn = False

    def __call__(self, p: RefreshProgress) -> None:
        if not self.enabled:
            return
        mib = p.bytes_read / 1048576
        if p.bytes_total:
            frac = min(1.0, p.bytes_read / p.bytes_total) if p.bytes_read else 0.0
            filled = int(frac * 30)
            bar = "#" * filled + "-" * (30 - filled)
            line = f"\r{p.phase:<8} [{bar}] {mib:8.1f} MiB {p.programmes:>9} programmes"
        else:
            line = f"\r{p.phase:<8} {mib:8.1f} MiB {p.programmes:>9} programmes"
        sys.stderr.write(line)
        sys.stderr.flush()
        self._drawn = True

    def close(self) -> None:
        if self._drawn:
            sys.stderr.write("\n")
            sys.stderr.flush()


def _fail(exc: BaseException) -> int:
    print(f"error: {exc}", file=sys.stderr)
    return 75 if isinstance(exc, DatabaseBusy) else 2  # 75: busy, try again (as app.__main__)


def _iso(value: str) -> datetime:
    dt = datetime.fromisoformat(value)
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def cmd_add(services: AppContext, args: argparse.Namespace) -> int:
    if args.guide_for is not None:
        return _add_guide_for(services, args)
    try:
        sid = epg_refresh.add_source(services, args.source, args.name, args.kind)
    except (CinemaError, ValueError) as exc:
        return _fail(exc)
    print(sid)
    return 0


def _add_guide_for(services: AppContext, args: argparse.Namespace) -> int:
    """``epg add GUIDE --guide-for PLAYLIST_ID``: add (or reuse) the guide, import it through the
    refresh flow, pair it with the playlist and map their channels; prints the guide's id and
    what was linked."""
    from app.services.guide import pairing

    playlist = next((s for s in epg_refresh.list_sources(services) if s.id == args.guide_for), None)
    if playlist is None or playlist.kind != "m3u":
        return _fail(ValueError(f"source {args.guide_for} is not a playlist (see 'cinema epg list')"))
    try:
        imported = _import(services, args)
    except (CinemaError, ValueError) as exc:
        return _fail(exc)
    if isinstance(imported, int):
        return imported
    sid, _res = imported
    try:
        found = pairing.link_guide(services, args.guide_for, sid)
    except (CinemaError, ValueError) as exc:
        return _fail(exc)
    print(sid)
    methods = ", ".join(f"{n} by {m}" for m, n in sorted(found.by_method.items()))
    linked = f"linked {len(found.links)} channels of playlist {args.guide_for}"
    print(linked + (f" ({methods})" if methods else ""))
    return 0


def _run_flow(services: AppContext, work: Callable[[], Awaitable[_T]]) -> _T:
    """Run ``work`` (a call into the scheduler's refresh flow) on a fresh loop, one progress
    line per guide on stderr, and close the app's HTTP client with the loop it belongs to."""
    import asyncio

    from app.services.scheduler import RefreshDidProgress

    bars: dict[int, ProgressBar] = {}

    def draw(event: RefreshDidProgress) -> None:
        if event.source_id not in bars:  # a new line per guide
            for bar in bars.values():
                bar.close()
            bars[event.source_id] = ProgressBar()
        bars[event.source_id](
            RefreshProgress(
                event.source_id, event.phase, event.bytes_read, event.bytes_total, event.programmes
            )
        )

    async def run() -> _T:
        try:
            return await work()
        finally:
            await services.net.aclose()  # the app's HTTP client belongs to this loop

    unsubscribe = services.bus.subscribe(RefreshDidProgress, draw)
    try:
        return asyncio.run(run())
    finally:
        unsubscribe()
        for bar in bars.values():
            bar.close()


def _scheduler(services: AppContext) -> RefreshScheduler:
    from app.services.scheduler import RefreshScheduler

    scheduler = services.scheduler
    assert isinstance(scheduler, RefreshScheduler)
    return scheduler


def _import(services: AppContext, args: argparse.Namespace) -> tuple[int, GuideOutcome] | int:
    """Import ``args.source`` once through the refresh flow (prune, enrichment, the flow's
    lock). Returns the guide's id and its outcome or, when it failed, says why on stderr and
    returns the exit code (75: busy, try again, as app.__main__; 2: any other failure)."""
    scheduler = _scheduler(services)
    sid, result = _run_flow(
        services, lambda: scheduler.import_guide(args.source, args.name, args.kind, origin="cli")
    )
    outcome = next((o for o in result.guides if o.source_id == sid), None)
    if result.error is not None or outcome is None or outcome.status == "error":
        error = result.error if result.error is not None else (outcome.error if outcome else None)
        busy = result.busy or bool(outcome and outcome.busy)
        print(f"error: {error or 'the guide was not imported'}", file=sys.stderr)
        return 75 if busy else 2
    return sid, outcome


def cmd_list(services: AppContext, args: argparse.Namespace) -> int:
    sources = epg_refresh.list_sources(services)
    if args.json:
        print(json.dumps([s.model_dump() for s in sources], ensure_ascii=False, indent=2))
        return 0
    for s in sources:
        when = datetime.fromtimestamp(s.last_refresh_at, UTC).isoformat() if s.last_refresh_at else "never"
        print(
            f"{s.id:>3} {s.kind:<13} {s.name}  [{s.last_status or 'new'} {when}] "
            f"{s.channels_count} channels, {s.programmes_count} programmes, {s.films_count} films"
            + (f", {len(s.unmatched_channels)} unmatched" if s.unmatched_channels else "")
        )
        if s.last_error:
            print(f"    {'note' if s.last_status == 'ended' else 'error'}: {s.last_error}")
    return 0


def cmd_remove(services: AppContext, args: argparse.Namespace) -> int:
    epg_refresh.remove_source(services, args.id)
    return 0


def cmd_refresh(services: AppContext, args: argparse.Namespace) -> int:
    """The app's one refresh flow (the scheduler's): guides, prune, demo week, enrichment."""
    scheduler = _scheduler(services)
    result = _run_flow(services, lambda: scheduler.run_once(args.ids or None, force=args.force, origin="cli"))
    if result.error is not None:
        print(f"error: {result.error}", file=sys.stderr)
        return 75 if result.busy else 2
    code = 0
    for res in result.guides:
        if res.status == "error":
            print(f"error: {res.error}", file=sys.stderr)
            code = 75 if res.busy else 2
            continue
        print(
            f"{res.source_id}: {res.status} {res.channels} channels, {res.programmes} programmes, "
            f"{res.films} films in {res.seconds:.1f} s" + (f" ({res.message})" if res.message else "")
        )
    return code


def cmd_import(services: AppContext, args: argparse.Namespace) -> int:
    """``epg import``: the guide added (or reused) and imported once through the refresh flow."""
    try:
        imported = _import(services, args)
    except (CinemaError, ValueError) as exc:
        return _fail(exc)
    if isinstance(imported, int):
        return imported
    sid, res = imported
    summary: dict[str, Any] = {
        "source_id": sid,
        "kind": res.kind,
        "channels": res.channels,
        "programmes": res.programmes,
        "films": res.films,
        "unmatched_channels": res.unmatched_count,  # how many (the guide's list keeps the names)
        "seconds": res.seconds,
    }
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        print(
            f"imported {res.channels} channels, {res.programmes} programmes, {res.films} films "
            f"in {res.seconds:.1f} s"
        )
    if res.message:  # a guide that ended, or one the playlist names that could not be fetched
        sys.stdout.flush()  # the summary first, then the note, whether or not stdout is a file
        print(f"note: {res.message}", file=sys.stderr)
    return 0


def cmd_films(services: AppContext, args: argparse.Namespace) -> int:
    try:
        start = _iso(args.start) if args.start else None
        end = _iso(args.end) if args.end else None
    except ValueError as exc:
        return _fail(exc)
    items = guide_catalog.films(services, start, end)
    if args.json:
        print(json.dumps([i.model_dump(mode="json") for i in items], ensure_ascii=False, indent=2))
        return 0
    for i in items:
        year = f" ({i.year_hint})" if i.year_hint else ""
        print(f"{i.start:%Y-%m-%d %H:%M}  {i.channel:<24.24} {i.kind:<11} {i.title}{year}")
    return 0


def register(subparsers: Any) -> None:
    epg = subparsers.add_parser("epg", help="TV guide sources")
    sub = epg.add_subparsers(dest="epg_command", required=True)
    p = sub.add_parser("add", help="add a guide source (URL or file)")
    p.add_argument("source")
    p.add_argument("--name")
    p.add_argument("--kind", choices=epg_refresh.KINDS)
    p.add_argument(
        "--guide-for",
        type=int,
        metavar="PLAYLIST_ID",
        help="the guide of that playlist: import it now and map the playlist's channels onto it",
    )
    p.set_defaults(handler=cmd_add)
    p = sub.add_parser("list", help="list guide sources")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)
    p = sub.add_parser("remove", help="remove a guide source and its guide")
    p.add_argument("id", type=int)
    p.set_defaults(handler=cmd_remove)
    p = sub.add_parser("refresh", help="refresh guide sources")
    p.add_argument("ids", type=int, nargs="*")
    p.add_argument("--force", action="store_true", help="ignore ETag / unchanged checks")
    p.set_defaults(handler=cmd_refresh)
    p = sub.add_parser("import", help="import a guide once (adds it as a source)")
    p.add_argument("source")
    p.add_argument("--name")
    p.add_argument("--kind", choices=epg_refresh.KINDS)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_import)
    p = subparsers.add_parser("films", help="films in the guide (next 24 h by default)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--from", dest="start", help="ISO time")
    p.add_argument("--to", dest="end", help="ISO time")
    p.set_defaults(handler=cmd_films)
