"""Entry point: parse arguments, run a headless command or start the GUI (qasync loop).

The GUI path parses only ``--data-dir`` and ``play``: it must not pay for importing every
headless command's dependencies before the first window paints.
"""

from __future__ import annotations

import argparse
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
    quick = argparse.ArgumentParser(add_help=False)
    quick.add_argument("--data-dir")
    known, rest = quick.parse_known_args(list(argv))
    if not rest:
        return known.data_dir, None
    if rest[0] == "play" and len(rest) == 2 and not rest[1].startswith("-"):
        return known.data_dir, rest[1]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    gui = _gui_request(argv)
    if gui is not None:
        from app.bootstrap import run_gui

        return run_gui(gui[0], play=gui[1])
    parser = build_parser()
    args = parser.parse_args(argv)
    from app.cli import run

    if not getattr(args, "needs_services", True):
        return int(args.handler(None, args))
    from app.bootstrap import build_services
    from app.domain.errors import CinemaError

    try:
        services = build_services(args.data_dir, console_log=False)
    except CinemaError as exc:
        print(f"cinema: {exc}", file=sys.stderr)
        return 2
    try:
        return run(services, args)
    except CinemaError as exc:
        print(f"cinema: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    finally:
        services.db.dispose()


if __name__ == "__main__":
    sys.exit(main())
