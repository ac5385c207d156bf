"""``cinema profile``, ``watchlist`` and ``playlist``: the household's profiles and their lists.

``--profile NAME`` (on library, history, watchlist, playlist and play) runs a command as that
profile; a profile with a PIN asks for it (or reads it from stdin when that is not a terminal).
Exit codes: 0 done; 1 failed (not found, refused: the message says why); 2 invalid input.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path
from typing import Any

from app.domain.errors import LibraryError, NotFound, WrongPin
from app.domain.profiles import RU_AGES, Profile
from app.services.context import AppContext

EXIT_INVALID = 2


def add_profile_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", metavar="NAME", help="run as this profile (default: the current one)")


def register(subparsers: Any) -> None:
    # --profile on the commands other modules define (registered before this one)
    for name in ("library", "history", "play"):
        existing = subparsers.choices.get(name)
        if existing is not None:
            add_profile_option(existing)
    history = subparsers.choices.get("history")
    if history is not None:
        history.add_argument(
            "--export", metavar="FILE", help="write the whole history to FILE (.csv or .json)"
        )
        history.set_defaults(handler=_history_or_export(history.get_default("handler")))

    p = subparsers.add_parser("profile", help="the household's profiles (local, no account)")
    sub = p.add_subparsers(dest="profile_command", required=True)
    a = sub.add_parser("add", help="create a profile")
    a.add_argument("name", metavar="NAME")
    a.add_argument("--kids", action="store_true", help="a kids' profile (titles above its age are hidden)")
    a.add_argument(
        "--max-age", type=int, choices=RU_AGES, help="a kids' profile's highest age rating (default 12)"
    )
    a.add_argument("--pin", action="store_true", help="protect it with a PIN (asked for, or read from stdin)")
    a.set_defaults(handler=cmd_profile_add)
    ls = sub.add_parser("list", help="the profiles (* marks the current one)")
    ls.add_argument("--json", action="store_true", help="print JSON")
    ls.set_defaults(handler=cmd_profile_list)
    use = sub.add_parser("use", help="make a profile the current one (the app starts with it)")
    use.add_argument("name", metavar="NAME")
    use.set_defaults(handler=cmd_profile_use)
    rm = sub.add_parser("remove", help="delete a profile with its progress, history, lists and reminders")
    rm.add_argument("name", metavar="NAME")
    rm.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    rm.set_defaults(handler=cmd_profile_remove)

    p = subparsers.add_parser("watchlist", help="the profile's watchlist")
    sub = p.add_subparsers(dest="watchlist_command", required=True)
    for name, help_text in (("add", "add a title (by id or name)"), ("remove", "remove a title")):
        c = sub.add_parser(name, help=help_text)
        c.add_argument("title", metavar="TITLE")
        add_profile_option(c)
        c.set_defaults(handler=cmd_watchlist_change, watchlist_on=name == "add")
    ls = sub.add_parser("list", help="the watchlist, newest first")
    ls.add_argument("--json", action="store_true", help="print JSON")
    add_profile_option(ls)
    ls.set_defaults(handler=cmd_watchlist_list)

    p = subparsers.add_parser("playlist", help="the profile's playlists")
    sub = p.add_subparsers(dest="playlist_command", required=True)
    c = sub.add_parser("create", help="create a playlist")
    c.add_argument("name", metavar="NAME")
    add_profile_option(c)
    c.set_defaults(handler=cmd_playlist_create)
    a = sub.add_parser("add", help="add titles (id or name), files or URLs to the end of a playlist")
    a.add_argument("playlist", metavar="PLAYLIST")
    a.add_argument("items", metavar="ITEM", nargs="+")
    add_profile_option(a)
    a.set_defaults(handler=cmd_playlist_add)
    ls = sub.add_parser("list", help="the playlists, or one playlist's items")
    ls.add_argument("playlist", metavar="PLAYLIST", nargs="?")
    ls.add_argument("--json", action="store_true", help="print JSON")
    add_profile_option(ls)
    ls.set_defaults(handler=cmd_playlist_list)
    e = sub.add_parser("export", help="write a playlist as M3U (to FILE, or to stdout)")
    e.add_argument("playlist", metavar="PLAYLIST")
    e.add_argument("file", metavar="FILE", nargs="?")
    add_profile_option(e)
    e.set_defaults(handler=cmd_playlist_export)
    i = sub.add_parser("import", help="read an M3U file into a new playlist (broken lines are reported)")
    i.add_argument("file", metavar="FILE")
    i.add_argument("--name", help="the new playlist's name (default: the file's)")
    add_profile_option(i)
    i.set_defaults(handler=cmd_playlist_import)


def _history_or_export(listing: Any) -> Any:
    def handler(context: AppContext, args: argparse.Namespace) -> int:
        if not getattr(args, "export", None):
            return int(listing(context, args))
        from app.services.library.history import HistoryService

        target = Path(args.export).expanduser()
        if target.suffix.lower() not in (".csv", ".json"):
            _error("--export FILE must end in .csv or .json")
            return EXIT_INVALID
        count = HistoryService(context).export(target)
        print(f"Wrote {count} entr{'y' if count == 1 else 'ies'} to {target}.")
        return 0

    return handler


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    print()


def _error(message: str) -> None:
    print(f"cinema: {message}", file=sys.stderr)


def read_pin(prompt: str) -> str:
    """A PIN from the terminal (hidden) or, when stdin is not one, its first line."""
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.strip()


def use_profile(context: AppContext, name: str, *, remember: bool = False) -> Profile:
    """Switch ``context`` to the profile ``name``, asking for its PIN when it has one."""
    from app.services.library.profiles import ProfileService

    service = ProfileService(context)
    profile = service.find(name)
    pin = read_pin(f"PIN for {profile.name}: ") if profile.has_pin else None
    return service.switch(profile.id, pin, remember=remember)


def profile_object(profile: Profile, current_id: int) -> dict[str, Any]:
    return {
        "id": profile.id,
        "name": profile.name,
        "current": profile.id == current_id,
        "kids": profile.is_kids,
        "max_age": profile.age_limit,
        "pin": profile.has_pin,
        "avatar": {"color": profile.avatar_color, "letter": profile.letter},
        "ui_language": profile.ui_language,
        "audio_language": profile.audio_language,
        "subtitle_language": profile.subtitle_language,
    }


# -- profile -------------------------------------------------------------------------------------


def cmd_profile_add(context: AppContext, args: argparse.Namespace) -> int:
    from app.services.library.profiles import ProfileService

    if args.max_age is not None and not args.kids:
        _error("--max-age is for kids' profiles: add --kids")
        return EXIT_INVALID
    pin = None
    if args.pin:
        pin = read_pin("New PIN (4-8 digits): ")
    try:
        profile = ProfileService(context).create(args.name, kids=args.kids, max_age=args.max_age, pin=pin)
    except LibraryError as exc:
        _error(str(exc))
        return EXIT_INVALID
    limit = f", kids up to {profile.age_limit}+" if profile.is_kids else ""
    print(
        f"Profile “{profile.name}” created (id {profile.id}{limit}{', PIN set' if profile.has_pin else ''})."
    )
    return 0


def cmd_profile_list(context: AppContext, args: argparse.Namespace) -> int:
    from app.services.library.profiles import ProfileService

    profiles = ProfileService(context).all()
    current = context.profile_id
    if args.json:
        _print_json([profile_object(p, current) for p in profiles])
        return 0
    for p in profiles:
        marks = [f"kids {p.age_limit}+"] if p.is_kids else []
        marks += ["PIN"] if p.has_pin else []
        extra = f"  ({', '.join(marks)})" if marks else ""
        print(f"{'*' if p.id == current else ' '} {p.name}{extra}")
    return 0


def cmd_profile_use(context: AppContext, args: argparse.Namespace) -> int:
    try:
        profile = use_profile(context, args.name, remember=True)
    except WrongPin as exc:
        _error(str(exc))
        return 1
    print(f"Using “{profile.name}”.")
    return 0


def cmd_profile_remove(context: AppContext, args: argparse.Namespace) -> int:
    from app.services.library.profiles import ProfileService

    service = ProfileService(context)
    profile = service.find(args.name)
    if not args.yes:
        if sys.stdin is None or not sys.stdin.isatty():
            _error(f"deleting “{profile.name}” deletes its progress, history and lists: add --yes to confirm")
            return 1
        answer = input(f"Delete “{profile.name}” with its progress, history, lists and reminders? [y/N] ")
        if answer.strip().lower() not in ("y", "yes", "д", "да"):
            print("Nothing deleted.")
            return 1
    service.delete(profile.id)
    print(f"Profile “{profile.name}” deleted.")
    return 0


# -- watchlist -----------------------------------------------------------------------------------


def resolve_title(context: AppContext, text: str) -> tuple[str, str]:
    """(id, title) of a title given by id or by name (the best match of the catalog search)."""
    from app.services.library.catalog import CatalogFilter, CatalogService
    from app.storage import titles_lookup

    known = titles_lookup.labels(context.db, [text])
    if text in known:
        return text, known[text][0]
    catalog = CatalogService(context)
    found = catalog.query(CatalogFilter(text=text, sort="relevance"), limit=1)
    if not found:
        raise NotFound(f"No title matches “{text}”.")
    return found[0], titles_lookup.labels(context.db, found)[found[0]][0]


def cmd_watchlist_change(context: AppContext, args: argparse.Namespace) -> int:
    from app.services.library.catalog import CatalogService

    title_id, title = resolve_title(context, args.title)
    CatalogService(context).set_in_watchlist(title_id, args.watchlist_on)
    print(f"{'Added' if args.watchlist_on else 'Removed'} “{title}” ({title_id}).")
    return 0


def cmd_watchlist_list(context: AppContext, args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from app.storage import watchlist_repo

    rows = watchlist_repo.watchlist(context.db, context.profile_id)
    if args.json:
        _print_json(
            [
                {"id": tid, "title": title, "year": year,
                 "added_at": datetime.fromtimestamp(added, UTC).astimezone().isoformat(timespec="seconds")}
                for tid, title, year, added in rows
            ]
        )  # fmt: skip
        return 0
    for tid, title, year, _added in rows:
        print(f"{title} ({year or '—'})  {tid}")
    return 0


# -- playlist ------------------------------------------------------------------------------------


def cmd_playlist_create(context: AppContext, args: argparse.Namespace) -> int:
    from app.services.library.playlists import PlaylistService

    try:
        playlist = PlaylistService(context).create(args.name)
    except LibraryError as exc:
        _error(str(exc))
        return EXIT_INVALID
    print(f"Playlist “{playlist.name}” created (id {playlist.id}).")
    return 0


def _is_location(text: str) -> bool:
    return "://" in text or text.lower().startswith("magnet:") or Path(text).expanduser().exists()


def cmd_playlist_add(context: AppContext, args: argparse.Namespace) -> int:
    from app.services.library.playlists import PlaylistService

    service = PlaylistService(context)
    playlist = service.find(args.playlist)
    titles: list[str] = []
    places: list[tuple[str, str]] = []
    for item in args.items:
        if _is_location(item):
            location = (
                item
                if "://" in item or item.lower().startswith("magnet:")
                else str(Path(item).expanduser().resolve())
            )
            places.append((location.rsplit("/", 1)[-1], location))
        else:
            titles.append(resolve_title(context, item)[0])
    added = service.add_titles(playlist.id, titles) + service.add_locations(playlist.id, places)
    print(f"Added {added} item{'s' if added != 1 else ''} to “{playlist.name}”.")
    return 0


def cmd_playlist_list(context: AppContext, args: argparse.Namespace) -> int:
    from app.services.library.playlists import PlaylistService

    service = PlaylistService(context)
    if args.playlist is None:
        playlists = service.all()
        if args.json:
            _print_json([{"id": p.id, "name": p.name, "items": p.count} for p in playlists])
        else:
            for p in playlists:
                print(f"{p.name}  ({p.count})")
        return 0
    playlist, items = service.contents(service.find(args.playlist).id)
    if args.json:
        _print_json(
            {
                "id": playlist.id,
                "name": playlist.name,
                "items": [
                    {"id": i.id, "position": i.position, "label": i.label, "title_id": i.title_id,
                     "location": i.location}
                    for i in items
                ],
            }
        )  # fmt: skip
        return 0
    for n, i in enumerate(items, start=1):
        print(f"{n:3}. {i.label}  {i.title_id or i.location}")
    return 0


def cmd_playlist_export(context: AppContext, args: argparse.Namespace) -> int:
    from app.services.library.playlists import PlaylistService

    service = PlaylistService(context)
    playlist = service.find(args.playlist)
    if not args.file:
        sys.stdout.write(service.m3u(playlist.id))
        return 0
    count = service.export_m3u(playlist.id, Path(args.file).expanduser())
    print(f"Wrote {count} item{'s' if count != 1 else ''} to {args.file}.")
    return 0


def cmd_playlist_import(context: AppContext, args: argparse.Namespace) -> int:
    from app.services.library.playlists import PlaylistService

    path = Path(args.file).expanduser()
    try:
        data = path.read_bytes()
    except OSError as exc:
        _error(f"cannot read {path}: {exc.strerror or exc}")
        return EXIT_INVALID
    result = PlaylistService(context).import_m3u(data, args.name or path.stem)
    for line, problem in result.problems:
        where = f"line {line}: " if line else ""
        print(f"{path.name}: {where}{problem} (skipped)", file=sys.stderr)
    print(f"Imported {result.added} item{'s' if result.added != 1 else ''} into “{result.playlist.name}”.")
    return 0


def apply_profile_option(context: AppContext, args: argparse.Namespace) -> None:
    """``--profile NAME``: the command runs as that profile (its PIN asked for); raises our errors."""
    name = getattr(args, "profile", None)
    if name:
        use_profile(context, name)
