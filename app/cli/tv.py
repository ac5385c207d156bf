"""``cinema channels`` and ``cinema remind add|list|remove``: TV, headless.

Exit codes: 0 done; 1 nothing to show where something was asked for (an unknown reminder);
2 invalid input (an unknown title).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from typing import Any

from app.domain.errors import CinemaError, DatabaseBusy, NotFound
from app.domain.tv import GuideCell
from app.services.context import AppContext
from app.services.guide.channels import ChannelGuide
from app.services.library.reminders import ReminderService


def _iso(moment: datetime | int | None) -> str | None:
    if moment is None:
        return None
    if isinstance(moment, int):
        moment = datetime.fromtimestamp(moment, UTC)
    return moment.astimezone().isoformat(timespec="seconds")


def _fail(exc: BaseException, code: int = 2) -> int:
    print(f"error: {exc}", file=sys.stderr)
    return 75 if isinstance(exc, DatabaseBusy) else code


def _cell(cell: GuideCell | None) -> dict[str, Any] | None:
    if cell is None:
        return None
    return {
        "title": cell.title,
        "start": _iso(cell.start),
        "stop": _iso(cell.stop),
        "kind": cell.kind,
        "title_id": cell.title_id,
    }


def cmd_channels(services: AppContext, args: argparse.Namespace) -> int:
    try:
        rows = ChannelGuide(services).channels_now()
    except CinemaError as exc:
        return _fail(exc)
    if args.json:
        out = [
            {
                "id": r.channel.id,
                "name": r.channel.name,
                "number": r.channel.number,
                "group": r.channel.group,
                "logo": r.channel.logo,
                "url": r.channel.stream_url,
                "backups": [b.stream_url for b in r.channel.backups],
                "catchup": r.channel.catchup_mode,
                "catchup_days": r.channel.catchup_days,
                "favourite": r.channel.favourite,
                "guide_channel": r.channel.guide_channel_id,
                "now": _cell(r.now),
                "next": _cell(r.next),
            }
            for r in rows
        ]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        now = f"{datetime.fromtimestamp(r.now.start).astimezone():%H:%M} {r.now.title}" if r.now else "—"
        nxt = f"{datetime.fromtimestamp(r.next.start).astimezone():%H:%M} {r.next.title}" if r.next else ""
        print(f"{r.channel.name:<28.28} {now:<40.40} {nxt}")
    return 0


def cmd_remind_add(services: AppContext, args: argparse.Namespace) -> int:
    try:
        rid = ReminderService(services).remind_title(args.title_id)
    except NotFound as exc:
        return _fail(exc)
    except CinemaError as exc:
        return _fail(exc, 1)
    print(rid)
    return 0


def reminder_object(r: Any) -> dict[str, Any]:
    return {
        "id": r.id,
        "kind": r.kind,
        "title_id": r.title_id,
        "label": r.label,
        "channel": r.channel_name,
        "channel_id": r.channel_id,
        "start": _iso(r.start),
        "stop": _iso(r.stop),
        "auto_play": r.auto_play,
    }


def cmd_remind_list(services: AppContext, args: argparse.Namespace) -> int:
    reminders = ReminderService(services).reminders()
    if args.json:
        print(json.dumps([reminder_object(r) for r in reminders], ensure_ascii=False, indent=2))
        return 0
    for r in reminders:
        when = f"{r.start.astimezone():%a %d %b %H:%M}" if r.start else "no airing in the guide yet"
        where = f" · {r.channel_name}" if r.channel_name else ""
        print(f"{r.id:>4}  {r.label}  ({when}{where})")
    return 0


def cmd_remind_remove(services: AppContext, args: argparse.Namespace) -> int:
    if not ReminderService(services).cancel(args.id):
        print(f"error: no reminder {args.id}", file=sys.stderr)
        return 1
    return 0


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("channels", help="TV channels with what is on now and next")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_channels)
    p = subparsers.add_parser("remind", help="reminders of airings")
    sub = p.add_subparsers(dest="remind_command", required=True)
    a = sub.add_parser("add", help="remind before the title's next airing (and each later one)")
    a.add_argument("title_id", metavar="TITLE_ID")
    a.set_defaults(handler=cmd_remind_add)
    ls = sub.add_parser("list", help="the reminders with the airing each points at")
    ls.add_argument("--json", action="store_true", help="print JSON")
    ls.set_defaults(handler=cmd_remind_list)
    rm = sub.add_parser("remove", help="remove a reminder")
    rm.add_argument("id", type=int, metavar="ID")
    rm.set_defaults(handler=cmd_remind_remove)
