"""`cinema sync setup URL | status [--json] | now | off`: the household's shared library server.

Exit codes: 0 done; 1 the server is unreachable or refused us; 2 the address is not usable;
3 the server's schema is older (run again with --upgrade to upgrade it); 4 the server's schema
is newer (update Cinema on this device).
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
import warnings
from typing import Any

from app.domain.sync import (
    BadServerAddress,
    ServerAddress,
    ServerRefused,
    ServerSchemaNewer,
    ServerSchemaOlder,
    SyncError,
    SyncState,
)
from app.services.context import AppContext


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("sync", help="share the library with other devices through a PostgreSQL server")
    sub = p.add_subparsers(dest="sync_command", required=True)
    s = sub.add_parser("setup", help="join a library server (copies this library into it, or merges)")
    s.add_argument("url", help="postgresql://USER@HOST:5432/DATABASE[?sslmode=require]")
    s.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    s.add_argument("--upgrade", action="store_true", help="upgrade a server whose schema is older")
    s.set_defaults(handler=cmd_setup)
    st = sub.add_parser("status", help="server, state, lag, outbox size and last error")
    st.add_argument("--json", action="store_true")
    st.add_argument("--offline", action="store_true", help="do not ask the server")
    st.set_defaults(handler=cmd_status)
    n = sub.add_parser("now", help="send this device's changes and fetch the others' once")
    n.set_defaults(handler=cmd_now)
    o = sub.add_parser("off", help="stop sharing: the library stays on this device only")
    o.set_defaults(handler=cmd_off)


def _err(text: str) -> None:
    print(f"cinema: {text}", file=sys.stderr)


def _ask_password(address: ServerAddress) -> str:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", getpass.GetPassWarning)
            return getpass.getpass(f"Password for {address.user}@{address.host} (input hidden): ")
    except (EOFError, OSError, ValueError):
        return ""


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def cmd_setup(services: AppContext, args: argparse.Namespace) -> int:
    from app.services.sync import setup

    try:
        address = ServerAddress.parse(args.url)
    except BadServerAddress as exc:
        _err(str(exc))
        return 2
    password = None
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n") if sys.stdin is not None else ""
    upgrade = bool(args.upgrade)
    for _attempt in range(3):
        try:
            result = setup.setup(services, args.url, password=password, upgrade=upgrade)
            break
        except ServerSchemaOlder as exc:
            if not _interactive():
                _err(f"{exc} Run again with --upgrade to upgrade it.")
                return 3
            answer = input(f"{exc}\nUpgrade the library server now? [y/N] ").strip().lower()
            if answer not in ("y", "yes", "д", "да"):
                _err("the server was left as it is; nothing changed")
                return 3
            upgrade = True
        except ServerSchemaNewer as exc:
            _err(str(exc))
            return 4
        except ServerRefused as exc:
            if "password" in str(exc) and _interactive() and not args.password_stdin:
                password = _ask_password(address)
                if password:
                    continue
            _err(str(exc))
            return 1
        except SyncError as exc:
            _err(f"{exc} Nothing was lost: this library stays as it was.")
            return 1
    else:
        _err("no password accepted")
        return 1
    report = result.report
    if report is not None:
        made = "created the library on" if report.created else "joined"
        print(f"{made} {result.address}")
        merged = report.adopted_profiles
        print(f"sent {report.sent} rows, received {report.received}; {merged} profile(s) merged by name")
    else:
        print(f"already joined {result.address}: sent {result.sent}, received {result.received}")
    if not result.password_kept:
        print(
            "the password could not be kept in the keyring: set CINEMA_LIBRARY_SERVER_TOKEN for this device"
        )
    return 0


def cmd_status(services: AppContext, args: argparse.Namespace) -> int:
    from app.services.sync.setup import probe_status

    status = probe_status(services, probe=not args.offline)
    if args.json:
        print(json.dumps(status.as_json(), ensure_ascii=False, indent=2))
    else:
        print(f"server: {status.server or 'none (the library is on this device only)'}")
        print(f"state: {status.state.value}")
        print(f"outbox: {status.outbox_size} change(s) waiting")
        if status.lag:
            print(f"lag: {status.lag:.1f} s")
        if status.last_error:
            print(f"last error: {status.last_error}")
    return 1 if status.state in (SyncState.OFFLINE, SyncState.ERROR, SyncState.NEEDS_UPGRADE) else 0


def cmd_now(services: AppContext, args: argparse.Namespace) -> int:
    from app.services.sync.setup import sync_once

    try:
        received, sent = sync_once(services)
    except ServerSchemaOlder as exc:
        _err(f"{exc} Run “cinema sync setup URL --upgrade” to upgrade it.")
        return 3
    except ServerSchemaNewer as exc:
        _err(str(exc))
        return 4
    except BadServerAddress as exc:
        _err(str(exc))
        return 2
    except SyncError as exc:
        _err(f"{exc} The changes stay in the outbox.")
        return 1
    print(f"sent {sent}, received {received}")
    return 0


def cmd_off(services: AppContext, args: argparse.Namespace) -> int:
    from app.services.sync.setup import leave

    leave(services)
    print("the library is on this device only now (the server keeps its copy)")
    return 0
