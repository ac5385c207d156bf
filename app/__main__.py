"""Entry point: parse arguments, run a headless command or start the GUI (qasync loop).

The GUI path parses only ``--data-dir`` and ``play``: it must not pay for importing every
headless command's dependencies before the first window paints.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence

# We use no pydantic plugins; looking them up scans every installed package's metadata.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from app import __version__


def build_parser() -> argparse.ArgumentParser:
    from app.cli import add_commands

    parser = argparse.ArgumentParser(
        prog="cinema", description="Cinema: films from TV, torrents and streams."
    )
    parser.add_argument("--version", action="version", version=f"cinema {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="keep all state (database, settings, cache, logs) under DIR (portable mode; also CINEMA_HOME)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_commands(subparsers)
    return parser


def _gui_request(argv: Sequence[str]) -> tuple[str | None, str | None] | None:
    """(data_dir, play location) when argv asks for the GUI, else None."""
    found = _gui_args(argv)
    return None if found is None else (found[0], found[1])


def _gui_args(argv: Sequence[str]) -> tuple[str | None, str | None, str | None] | None:
    """(data_dir, play location, ``--profile`` name) when argv asks for the GUI, else None."""
    quick = argparse.ArgumentParser(add_help=False)
    quick.add_argument("--data-dir")
    known, rest = quick.parse_known_args(list(argv))
    if not rest:
        return known.data_dir, None, None
    if rest[0] != "play" or "-h" in rest or "--help" in rest:
        return None
    # play [--profile NAME] [LOCATION]; the desktop file's "play %u" from the menu has no URL
    play = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    play.add_argument("--profile")
    play.add_argument("location", nargs="?")
    try:
        args, unknown = play.parse_known_args(rest[1:])
    except argparse.ArgumentError:
        return None  # "--profile" without a name: the full parser says what is wrong
    if unknown or (args.location or "").startswith("-"):
        return None
    return known.data_dir, args.location or None, args.profile


def _handed_over(data_dir: str | None, play: str | None) -> bool:
    """Another Cinema runs on this data folder: it takes ``play`` (and comes to the front)."""
    try:
        from app.core.config import AppPaths

        paths = AppPaths.resolve(data_dir)
    except Exception:  # the GUI's own start says what is wrong with the folder
        return False
    from app.ui.single_instance import absolute, hand_over, nobody_listens, server_name

    name = server_name(paths.data)
    if nobody_listens(name):
        return False  # the usual start: Qt's network module waits until Home has painted
    return hand_over(name, [absolute(play)] if play else [])


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    gui = _gui_args(argv)
    if gui is not None:
        # no cyclic garbage collection on the way to the first paint: the start allocates a few
        # hundred thousand objects (modules, classes, widgets) and none of them is garbage yet;
        # ~60 collections cost ~8 ms. run_gui turns it back on before it asks or waits for anything.
        gc.disable()
        data_dir, location, profile = gui
        if _handed_over(data_dir, location):
            return 0
        from app.bootstrap import run_gui

        return run_gui(data_dir, play=location, profile=profile)
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _command(args)
    except BrokenPipeError:
        # the reader went away (`cinema library --json | head`): nothing more to say to it
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141  # as a process ended by SIGPIPE
    except KeyboardInterrupt:
        return 130


# Exit codes: 1 a command failed, 2 the app could not start, 75 the database was busy (try again).
EXIT_BUSY = 75


def _command(args: argparse.Namespace) -> int:
    from app.cli import run

    if not getattr(args, "needs_services", True):
        return int(args.handler(None, args))
    from app.bootstrap import build_services
    from app.domain.errors import CinemaError, DatabaseBusy

    try:
        services = build_services(args.data_dir, console_log=False)
    except DatabaseBusy as exc:
        print(f"cinema: {exc}", file=sys.stderr)
        return EXIT_BUSY
    except CinemaError as exc:
        print(f"cinema: {exc}", file=sys.stderr)
        return 2
    try:
        return run(services, args)
    except DatabaseBusy as exc:
        print(f"cinema: {exc}", file=sys.stderr)
        return EXIT_BUSY
    except CinemaError as exc:
        print(f"cinema: {exc}", file=sys.stderr)
        return 1
    except (KeyboardInterrupt, BrokenPipeError):
        raise
    except Exception as exc:
        return _unexpected(services, exc)
    finally:
        services.db.dispose()


def _unexpected(services: object, exc: Exception) -> int:
    """A bug or an outside failure we did not foresee: the traceback to the log, one line here."""
    import logging

    from app.domain.errors import DatabaseBusy
    from app.storage.errors import translate

    ours = translate(exc, str(getattr(getattr(services, "db", None), "path", "")))
    if ours is not None:  # a busy or damaged database met outside the storage layer's own checks
        print(f"cinema: {ours}", file=sys.stderr)
        return EXIT_BUSY if isinstance(ours, DatabaseBusy) else 1
    logging.getLogger("app").error("command failed", exc_info=exc)
    logs = getattr(getattr(services, "paths", None), "logs", None)
    where = f" (details in {logs / 'cinema.jsonl'})" if logs is not None else ""
    print(f"cinema: unexpected error: {type(exc).__name__}: {exc}{where}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
