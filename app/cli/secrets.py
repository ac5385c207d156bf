"""`cinema secrets set|delete|status NAME`: API tokens kept in the system keyring only."""

from __future__ import annotations

import argparse
import getpass
import sys
import warnings
from typing import Any

from app.core import secrets

KNOWN = ("tmdb",)


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("secrets", help="store API tokens in the system keyring")
    sub = p.add_subparsers(dest="secrets_command", required=True)
    s = sub.add_parser("set", help="prompt for a token and keep it in the keyring")
    s.add_argument("name", choices=KNOWN)
    s.add_argument("--stdin", action="store_true", help="read the token from standard input")
    s.set_defaults(handler=cmd_set, needs_services=False)
    d = sub.add_parser("delete", help="forget a stored token")
    d.add_argument("name", choices=KNOWN)
    d.set_defaults(handler=cmd_delete, needs_services=False)
    st = sub.add_parser("status", help="say whether a token is available (never prints it)")
    st.add_argument("name", choices=KNOWN)
    st.set_defaults(handler=cmd_status, needs_services=False)


def _read_token(name: str, from_stdin: bool) -> str:
    """The token typed at a hidden prompt (the terminal, else standard input), or read from stdin."""
    stream = sys.stdin
    try:
        if from_stdin:
            return stream.readline().strip() if stream is not None and not stream.closed else ""
        with warnings.catch_warnings():
            # no terminal: the token comes from a pipe or a file, where echo does not matter
            warnings.simplefilter("ignore", getpass.GetPassWarning)
            return getpass.getpass(f"{name.upper()} token (input hidden): ").strip()
    except (EOFError, OSError, ValueError, AttributeError):  # input closed or ended, no terminal
        return ""


def cmd_set(_services: Any, args: argparse.Namespace) -> int:
    try:
        value = _read_token(args.name, args.stdin)
    except KeyboardInterrupt:
        print("\ncancelled; no change", file=sys.stderr)
        return 130
    if not value:
        print("nothing entered; no change", file=sys.stderr)
        return 1
    try:
        secrets.set_secret(args.name, value)
    except Exception as exc:  # keyring backends raise their own types; none must leak the value
        print(
            f"could not store the token in the keyring ({type(exc).__name__}); "
            f"for headless use set CINEMA_{args.name.upper()}_TOKEN instead",
            file=sys.stderr,
        )
        return 1
    print(f"{args.name} token stored in the keyring")
    return 0


def cmd_delete(_services: Any, args: argparse.Namespace) -> int:
    secrets.delete_secret(args.name)
    print(f"{args.name} token removed")
    return 0


def cmd_status(_services: Any, args: argparse.Namespace) -> int:
    present = bool(secrets.get_secret(args.name))
    print(f"{args.name}: {'set' if present else 'not set'}")
    return 0 if present else 1
