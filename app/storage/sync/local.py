"""This device's side of the sync: capture on/off, the outbox, applying the server's changes.

Changes to the user's rows are captured by the triggers of migration 0008 while ``capture`` is
on; a change applied from the server runs with ``applying`` set inside its own transaction, so
it is not captured again (no other connection can see the flag: SQLite has one writer).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.engine import Connection

from app.domain.sync import Stamp
from app.storage import tables as t
from app.storage.db import Database
from app.storage.sync import entities as ent
from app.storage.sync.apply import Change, apply_change, read_stamp

STATE_KEYS = ("server_id", "cursor", "last_error", "last_sync_at", "joined_url")


def now_ms() -> int:
    return int(time.time() * 1000)


def device_id(db: Database) -> str:
    with db.engine.connect() as conn:
        found = conn.execute(select(t.sync_control.c.device).where(t.sync_control.c.id == 1)).scalar()
    return str(found or "")


def capturing(db: Database) -> bool:
    with db.engine.connect() as conn:
        return bool(conn.execute(select(t.sync_control.c.capture).where(t.sync_control.c.id == 1)).scalar())


def set_capture(db: Database, on: bool) -> None:
    """Capture changes (a library server is set) or not (none: nothing is recorded)."""
    with db.errors(), db.engine.begin() as conn:
        conn.execute(t.sync_control.update().where(t.sync_control.c.id == 1).values(capture=on))
        if not on:  # what was waiting for a server that is no longer ours goes too
            conn.execute(t.sync_outbox.delete())


def outbox_info(db: Database) -> tuple[int, int | None]:
    """(changes waiting, unix ms of the oldest)."""
    o = t.sync_outbox
    with db.engine.connect() as conn:
        row = conn.execute(select(func.count(), func.min(o.c.at))).first()
    assert row is not None
    return int(row[0]), (int(row[1]) if row[1] is not None else None)


def outbox_head(db: Database) -> int | None:
    """The newest outbox entry's seq and rev folded into one number (cheap: for polling)."""
    rows = db.execute("SELECT max(seq), coalesce(sum(rev), 0) FROM sync_outbox")
    seq, revs = rows[0]
    return None if seq is None else int(seq) * 1_000_003 + int(revs)


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    seq: int
    rev: int
    change: Change | None  # None: the row is gone and its deletion follows (nothing to send)


def read_outbox(db: Database, limit: int = 500) -> list[OutboxEntry]:
    """The oldest waiting changes with the rows as they are now (one read: data and stamps agree)."""
    o = t.sync_outbox
    entries: list[OutboxEntry] = []
    with db.errors(), db.engine.connect() as conn, conn.begin():
        rows = conn.execute(
            select(o.c.seq, o.c.rev, o.c.entity, o.c.key, o.c.op).order_by(o.c.seq).limit(limit)
        )
        for seq, rev, entity, key, op in rows.all():
            entries.append(OutboxEntry(int(seq), int(rev), _outgoing(conn, entity, key, op)))
    return entries


def _outgoing(conn: Connection, entity: str, key: str, op: str) -> Change | None:
    spec = ent.ENTITIES.get(entity)
    stamp = read_stamp(conn, entity, key)
    if spec is None or stamp is None:
        return None
    if op == "del":
        return Change(entity, key, "del", None, stamp) if stamp.deleted else None
    data = ent.read_one(conn, spec, key)
    if data is None or stamp.deleted:
        return None
    stub = ent.title_stub(conn, data.get(spec.title)) if spec.title else None
    return Change(entity, key, "put", data, stamp, stub)


def ack(db: Database, entries: list[OutboxEntry]) -> None:
    """Forget entries the server has; an entry changed again since it was read stays (its rev moved)."""
    if not entries:
        return
    with db.errors(), db.engine.begin() as conn:
        conn.execute(
            text("DELETE FROM sync_outbox WHERE seq = :seq AND rev = :rev"),
            [{"seq": e.seq, "rev": e.rev} for e in entries],
        )


@dataclass
class Applied:
    changes: list[Change] = field(default_factory=list)  # what changed here
    orphans: list[Change] = field(default_factory=list)  # their parent is not here (yet)


def apply_remote(
    db: Database,
    changes: list[Change],
    *,
    cursor: int | None = None,
    sent: dict[tuple[str, str], Stamp] | None = None,
) -> Applied:
    """Apply the server's changes in one transaction, not captured again; the cursor moves with them.

    ``sent``: the stamps of rows just pushed. The server's answer for such a row is taken as it
    is (the server settled it) unless the row changed here again meanwhile.
    """
    report = Applied()
    now = int(time.time())
    control = t.sync_control
    with db.errors(), db.engine.begin() as conn:
        conn.execute(control.update().where(control.c.id == 1).values(applying=True))  # takes the lock
        try:
            for change in changes:
                expected = (sent or {}).get((change.entity, change.key))
                force = expected is not None and read_stamp(conn, change.entity, change.key) == expected
                result = apply_change(conn, change, side="device", now=now, force=force)
                if result.outcome == "orphan":
                    report.orphans.append(change)
                elif result.outcome in ("accepted", "merged"):
                    report.changes.append(change)
            if cursor is not None:
                _set_state(conn, "cursor", str(cursor))
        finally:
            conn.execute(control.update().where(control.c.id == 1).values(applying=False))
    return report


def local_id(db: Database, table: str, uid: str) -> int | None:
    rows = db.execute(f"SELECT id FROM {table} WHERE uid = :u", {"u": uid})
    return int(rows[0][0]) if rows else None


# -- joining a server --------------------------------------------------------------------------


def adopt_profiles(db: Database, server_profiles: list[tuple[str, str]]) -> int:
    """Local profiles named like one on the server become that profile (its uid); how many."""
    by_name = {name: uid for uid, name in server_profiles}
    by_fold = {name.casefold(): uid for uid, name in server_profiles}
    adopted = 0
    with db.errors(), db.engine.begin() as conn:
        p = t.profiles
        taken = {uid for uid, _name in server_profiles}
        for pid, uid, name in conn.execute(select(p.c.id, p.c.uid, p.c.name)).all():
            target = by_name.get(name) or by_fold.get(str(name).casefold())
            if target is None or target == uid or target not in taken:
                continue
            taken.discard(target)  # one local profile per server profile
            conn.execute(p.update().where(p.c.id == pid).values(uid=target))
            adopted += 1
    return adopted


def _initial_stamp(spec: ent.Entity, row: dict[str, Any], device: str) -> Stamp:
    """A row from before the sync: progress by the time it was watched, anything else older than
    any edit (clock 0)."""
    if spec.progress:
        clock = int(row.get("updated_at") or 0) * 1000
        watched = int(row.get("watched_at") or row.get("updated_at") or 0) * 1000
        return Stamp(clock, watched if row.get("watched") else 0, device)
    return Stamp(0, 0, device)  # no time of its own: the server's row, if it has one, stays


def seed(db: Database) -> int:
    """Start capturing and queue every synced row as a change (joining a server); how many."""
    queued = 0
    at = now_ms()
    with db.errors(), db.engine.begin() as conn:
        control = t.sync_control
        conn.execute(control.update().where(control.c.id == 1).values(capture=True))
        device = str(conn.execute(select(control.c.device).where(control.c.id == 1)).scalar())
        conn.execute(t.sync_stamps.delete())
        conn.execute(t.sync_outbox.delete())
        for spec in ent.ENTITIES.values():
            stamps, outbox = [], []
            for row in ent.read_all(conn, spec):
                key = spec.key_of(row)
                s = _initial_stamp(spec, row, device)
                stamps.append({"entity": spec.name, "key": key, "clock": s.clock, "clock2": s.clock2,
                               "device": device, "deleted": False})  # fmt: skip
                outbox.append({"entity": spec.name, "key": key, "op": "put", "at": at, "rev": 0})
            if stamps:
                conn.execute(t.sync_stamps.insert(), stamps)
                conn.execute(t.sync_outbox.insert(), outbox)
                queued += len(stamps)
    return queued


# -- the sync's own state (app_state: sync.<name>) ---------------------------------------------


def _set_state(conn: Connection, name: str, value: str | None) -> None:
    a = t.app_state
    conn.execute(a.delete().where(a.c.key == f"sync.{name}"))
    if value is not None:
        conn.execute(a.insert().values(key=f"sync.{name}", value=value))


def set_state(db: Database, **values: str | None) -> None:
    with db.errors(), db.engine.begin() as conn:
        for name, value in values.items():
            assert name in STATE_KEYS, name
            _set_state(conn, name, value)


def get_state(db: Database) -> dict[str, str]:
    rows = db.execute("SELECT key, value FROM app_state WHERE key LIKE 'sync.%'")
    return {str(k)[5:]: str(v) for k, v in rows}


def forget_server(db: Database) -> None:
    """No server any more: capture off, outbox, stamps and the server's cursor gone."""
    with db.errors(), db.engine.begin() as conn:
        conn.execute(t.sync_control.update().where(t.sync_control.c.id == 1).values(capture=False))
        conn.execute(t.sync_outbox.delete())
        conn.execute(t.sync_stamps.delete())
        for name in STATE_KEYS:
            _set_state(conn, name, None)
