"""``cinema sources``, ``indexer``, ``addon`` and ``video add``: ways to watch, headless.

Exit codes: 0 done; 1 failed (a provider refused, nothing found to remove); 2 invalid input (a
bad link, a wrong key, an unusable addon); 3 the link is stored already (its title is named).
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import sys
import warnings
from datetime import datetime
from typing import Any

from app.domain.errors import AuthError, BadFeed, CinemaError, NotFound
from app.domain.models import SourceKind
from app.domain.release import RankedStream
from app.services.context import AppContext

EXIT_INVALID = 2
EXIT_DUPLICATE = 3
KIND_NAMES = {
    SourceKind.IPTV_LIVE: "live", SourceKind.IPTV_CATCHUP: "archive", SourceKind.TORRENT: "torrent",
    SourceKind.HLS: "hls", SourceKind.DIRECT: "direct", SourceKind.PAGE: "page",
}  # fmt: skip


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("sources", help="every way to watch a title, ranked (with why)")
    p.add_argument("title_id", metavar="TITLE_ID")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--refresh", action="store_true", help="ask every provider again (ignore the cache)")
    p.set_defaults(handler=cmd_sources)

    p = subparsers.add_parser("indexer", help="Torznab indexers (Jackett, Prowlarr)")
    sub = p.add_subparsers(dest="indexer_command", required=True)
    a = sub.add_parser("add", help="add an indexer; its API key is read from stdin or a prompt")
    a.add_argument("kind", choices=("torznab",))
    a.add_argument("name", metavar="NAME")
    a.add_argument("url", metavar="URL")
    a.set_defaults(handler=cmd_indexer_add)
    ls = sub.add_parser("list", help="the indexers with their status")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=lambda s, a: cmd_list(s, a, ("torznab",)))
    rm = sub.add_parser("remove", help="remove an indexer (and its key from the keyring)")
    rm.add_argument("id", metavar="ID")
    rm.set_defaults(handler=lambda s, a: cmd_remove(s, a, ("torznab",)))

    p = subparsers.add_parser("addon", help="Stremio addons that offer streams")
    sub = p.add_subparsers(dest="addon_command", required=True)
    a = sub.add_parser("add", help="add an addon by its manifest URL")
    a.add_argument("url", metavar="URL")
    a.set_defaults(handler=cmd_addon_add)
    ls = sub.add_parser("list", help="the addons with their status")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=lambda s, a: cmd_list(s, a, ("stremio",)))
    rm = sub.add_parser("remove", help="remove an addon")
    rm.add_argument("id", metavar="ID")
    rm.set_defaults(handler=lambda s, a: cmd_remove(s, a, ("stremio",)))

    p = subparsers.add_parser("video", help="your own links")
    sub = p.add_subparsers(dest="video_command", required=True)
    a = sub.add_parser("add", help="add a link (http, https, magnet or a local file) to a title")
    a.add_argument("--title", required=True, metavar="TITLE", help="a title id or name (new if none has it)")
    a.add_argument("url", metavar="URL")
    a.set_defaults(handler=cmd_video_add)


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone().isoformat(timespec="seconds") if moment is not None else None


def source_object(item: RankedStream) -> dict[str, Any]:
    """One way to watch as ``cinema sources --json`` prints it."""
    c, r = item.candidate, item.release
    return {
        "kind": KIND_NAMES.get(c.kind, c.kind.value),
        "label": c.label,
        "url": c.url,
        "start": _iso(c.start),
        "stop": _iso(c.stop),
        "channel": c.channel,
        "playable_now": c.playable_now,
        "provider": c.provider_id,
        "score": round(item.score, 3),
        "components": [p.to_json() for p in item.components],
        "quality": r.quality or c.quality,
        "size_bytes": c.size_bytes,
        "seeders": c.seeders,
        "peers": c.peers,
        "audio": list(r.audio_languages),
        "voice": list(r.voice),
        "subtitles": list(r.subtitles),
        "health": item.health,
        "also_from": list(item.merged_from),
    }


def cmd_sources(services: AppContext, args: argparse.Namespace) -> int:
    from app.services.sources.search import SourceSearch, query_for

    query = query_for(services, args.title_id)
    if query is None:
        print(f"cinema: no title {args.title_id}", file=sys.stderr)
        return 1
    result = asyncio.run(SourceSearch(services).search(query, refresh=args.refresh))
    from app.services.sources.preferences import preferences
    from app.services.sources.ranking import explained

    prefs = preferences(services.settings)
    objects = [source_object(explained(r, prefs)) for r in result.ranked]
    failed = {pid: state for pid, state in result.providers.items() if state not in ("ok", "searching")}
    for state in failed.values():
        print(f"warning: {state}", file=sys.stderr)
    if args.json:
        json.dump(objects, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if not objects:
        print("no sources found")
    for n, o in enumerate(objects, 1):
        seeders = f"👤 {o['seeders']}" if o["seeders"] is not None else ""
        bits = " · ".join(b for b in (o["kind"], o["quality"] or "", _size(o["size_bytes"]), seeders) if b)
        print(f"{n:>3}. {o['score']:.2f}  {o['label'][:70]}  [{bits}]  {o['provider']}")
    return 0


def _size(size: int | None) -> str:
    return f"{size / 1024**3:.1f} GB" if size else ""


def _read_key() -> str:
    stream = sys.stdin
    try:
        if stream is not None and not stream.closed and not stream.isatty():
            return stream.readline().strip()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", getpass.GetPassWarning)
            return getpass.getpass("API key (input hidden): ").strip()
    except (EOFError, OSError, ValueError, AttributeError):
        return ""


def cmd_indexer_add(services: AppContext, args: argparse.Namespace) -> int:
    from app.services.sources import admin

    try:
        key = _read_key()
    except KeyboardInterrupt:
        print("\ncancelled; nothing added", file=sys.stderr)
        return 130
    if not key:
        print("cinema: no API key entered; nothing added", file=sys.stderr)
        return EXIT_INVALID
    try:
        added = asyncio.run(admin.add_indexer(services, args.name, args.url, key))
    except (AuthError, BadFeed, NotFound) as exc:
        print(f"cinema: {exc}; nothing added", file=sys.stderr)
        return EXIT_INVALID
    except CinemaError as exc:
        print(f"cinema: {exc}", file=sys.stderr)
        return 1
    print(f"added indexer {added.name} as {added.id}")
    return 0


def cmd_addon_add(services: AppContext, args: argparse.Namespace) -> int:
    from app.services.sources import admin

    try:
        added = asyncio.run(admin.add_addon(services, args.url))
    except (BadFeed, NotFound, AuthError) as exc:
        print(f"cinema: {exc}; nothing added", file=sys.stderr)
        return EXIT_INVALID
    except CinemaError as exc:
        print(f"cinema: {exc}", file=sys.stderr)
        return 1
    print(f"added addon {added.name} as {added.id}")
    return 0


def cmd_list(services: AppContext, args: argparse.Namespace, kinds: tuple[str, ...]) -> int:
    from app.services.sources import admin

    rows = admin.list_providers(services, kinds)
    objects = [
        {
            "id": r.id, "name": r.name, "url": r.url, "enabled": r.enabled, "status": r.status,
            "last_error": r.last_error, "latency_ms": r.latency_ms,
            "success_rate": round(r.success_rate, 3) if r.success_rate is not None else None,
        }
        for r in rows
    ]  # fmt: skip
    if args.json:
        json.dump(objects, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if not objects:
        print("none added")
    for o in objects:
        state = o["status"] if o["enabled"] else "disabled"
        error = f"  ({o['last_error']})" if o["last_error"] else ""
        print(f"{o['id']}  {o['name']}  {o['url'] or ''}  {state}{error}")
    return 0


def cmd_remove(services: AppContext, args: argparse.Namespace, kinds: tuple[str, ...]) -> int:
    from app.services.sources import admin

    if not admin.remove(services, args.id, kinds):
        print(f"cinema: nothing called {args.id} to remove", file=sys.stderr)
        return 1
    print(f"removed {args.id}")
    return 0


def cmd_video_add(services: AppContext, args: argparse.Namespace) -> int:
    from app.services.sources.links import DuplicateLink, InvalidLink, add_link, find_or_create_title

    try:
        title_id = find_or_create_title(services, args.title)
        added = asyncio.run(add_link(services, title_id, args.url))
    except DuplicateLink as exc:
        print(f"cinema: {exc}", file=sys.stderr)
        return EXIT_DUPLICATE
    except InvalidLink as exc:
        print(f"cinema: invalid link: {exc}", file=sys.stderr)
        return EXIT_INVALID
    link = added.link
    quality = f", {link.quality}" if link.quality else ""
    print(f"added {KIND_NAMES.get(link.kind, link.kind.value)} link{quality} to {title_id}")
    return 0
