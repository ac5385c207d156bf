"""Applying one change to a database (the server on a push, this device on a pull) by the rules.

The rules are app.domain.sync's: the newer stamp wins, a deletion wins over older edits,
progress merges its two registers. Applying the same change twice changes nothing (a replayed
outbox doubles nothing). The outcome says whether the database now holds exactly the change
(``accepted``), something else that wins (``refused`` or ``merged``: the sender should take the
database's row), or the same already (``same``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any, Literal

from sqlalchemy import and_, select
from sqlalchemy.engine import Connection

from app.domain.sync import Stamp, merge_progress, newer, wins_over_deletion
from app.storage import tables as t
from app.storage.dialect import upsert
from app.storage.sync import entities as ent

Outcome = Literal["accepted", "merged", "refused", "same", "orphan"]


@dataclass(frozen=True, slots=True)
class Change:
    entity: str
    key: str
    op: str  # put, del
    data: dict[str, Any] | None
    stamp: Stamp
    title: dict[str, Any] | None = None  # a title stub (rows that name a title)

    def payload(self) -> str | None:
        if self.data is None:
            return None
        return json.dumps({"row": self.data, "title": self.title}, ensure_ascii=False, separators=(",", ":"))

    @staticmethod
    def from_log(entity: str, key: str, op: str, payload: str | None, stamp: Stamp) -> Change:
        body = json.loads(payload) if payload else None
        if body is None:
            return Change(entity, key, op, None, stamp)
        return Change(entity, key, op, body.get("row"), stamp, body.get("title"))


@dataclass(frozen=True, slots=True)
class Applied:
    outcome: Outcome
    change: Change | None = None  # what the database holds now (for the log or the sender)
    renamed: bool = False  # a profile's name was taken here: one of the two got a suffix


def read_stamp(conn: Connection, entity: str, key: str) -> Stamp | None:
    s = t.sync_stamps
    row = conn.execute(
        select(s.c.clock, s.c.clock2, s.c.device, s.c.deleted).where(
            and_(s.c.entity == entity, s.c.key == key)
        )
    ).first()
    return None if row is None else Stamp(int(row[0]), int(row[1]), str(row[2]), bool(row[3]))


def write_stamp(conn: Connection, entity: str, key: str, stamp: Stamp) -> None:
    values = {
        "entity": entity,
        "key": key,
        "clock": stamp.clock,
        "clock2": stamp.clock2,
        "device": stamp.device,
        "deleted": stamp.deleted,
    }
    conn.execute(
        upsert(
            conn, t.sync_stamps, ("entity", "key"), ("clock", "clock2", "device", "deleted"), values=values
        )
    )


def current(conn: Connection, entity: str, key: str) -> Change | None:
    """What the database holds for the row (its data and stamp, or its tombstone); None: nothing."""
    spec = ent.ENTITIES[entity]
    stamp = read_stamp(conn, entity, key)
    row = ent.read_one(conn, spec, key)
    if row is None:
        if stamp is not None and stamp.deleted:
            return Change(entity, key, "del", None, stamp)
        return None
    stamp = stamp if stamp is not None and not stamp.deleted else Stamp(0, 0, "")
    return Change(entity, key, "put", row, stamp, _stub(conn, spec, row))


def _stub(conn: Connection, spec: ent.Entity, row: dict[str, Any]) -> dict[str, Any] | None:
    return ent.title_stub(conn, row.get(spec.title)) if spec.title else None


def apply_change(
    conn: Connection, change: Change, *, side: Literal["server", "device"], now: int, force: bool = False
) -> Applied:
    """Apply ``change`` if the rules let it win (``force``: as it is, the server's settled row);
    the outcome and what the database holds now."""
    spec = ent.ENTITIES[change.entity]
    stamp = None if force else read_stamp(conn, change.entity, change.key)
    if change.op == "del":
        return _delete(conn, spec, change, stamp)
    assert change.data is not None
    if stamp is not None and stamp.deleted:
        if not wins_over_deletion(change.stamp, stamp):
            return Applied("refused", Change(change.entity, change.key, "del", None, stamp))
        stamp = None  # a newer edit brings the row back
    existing = None if force else ent.read_one(conn, spec, change.key)
    data, result_stamp = dict(change.data), change.stamp
    if existing is not None and stamp is not None:  # (a row without a stamp: any change wins)
        if spec.progress:
            data, result_stamp = merge_progress(existing, stamp, change.data, change.stamp)
            if data == existing and result_stamp == stamp:
                return Applied(
                    "same" if change.stamp == stamp else "refused", _held(conn, spec, change, data, stamp)
                )
        elif not newer(change.stamp, stamp):
            return Applied(
                "same" if change.stamp == stamp else "refused", _held(conn, spec, change, existing, stamp)
            )
    ent.ensure_title(conn, change.title, now)
    title_id = data.get(spec.title) if spec.title else None
    needs_title = spec.name in ("watchlist", "sources")  # a foreign key to titles
    if needs_title and title_id and change.title is None and ent.title_stub(conn, title_id) is None:
        return Applied("orphan")  # no stub came with it: nothing to attach the row to here
    renamed = False
    if spec.name == "profiles":
        renamed = _free_profile_name(conn, data, side=side)
        if renamed and side == "server":  # the sender must take the new name: a newer stamp
            result_stamp = replace(result_stamp, clock=result_stamp.clock + 1)
    try:
        ent.write(conn, spec, data)
    except ent.Orphan:
        return Applied("orphan")
    write_stamp(conn, change.entity, change.key, result_stamp)
    held = Change(change.entity, change.key, "put", data, result_stamp, change.title)
    outcome: Outcome = "accepted" if data == change.data and result_stamp == change.stamp else "merged"
    return Applied(outcome, held, renamed=renamed)


def _held(conn: Connection, spec: ent.Entity, change: Change, data: dict[str, Any], stamp: Stamp) -> Change:
    return Change(change.entity, change.key, "put", data, stamp, _stub(conn, spec, data))


def _delete(conn: Connection, spec: ent.Entity, change: Change, stamp: Stamp | None) -> Applied:
    tombstone = replace(change.stamp, deleted=True, clock2=0)
    if stamp is not None:
        if stamp.deleted and stamp == tombstone:
            return Applied("same", Change(change.entity, change.key, "del", None, stamp))
        if (tombstone.clock, tombstone.device) <= (stamp.latest, stamp.device):
            held = current(conn, change.entity, change.key)
            return Applied("refused", held)
    ent.delete(conn, spec, change.key)
    write_stamp(conn, change.entity, change.key, tombstone)
    return Applied("accepted", Change(change.entity, change.key, "del", None, tombstone))


def _free_profile_name(conn: Connection, data: dict[str, Any], *, side: str) -> bool:
    """Profile names are unique. When another profile holds the name, the one that reached the
    server later gets a suffix: on the server the incoming one, on a device its own profile
    not yet sent (renamed as a change of its own, so that the server hears of it)."""
    p = t.profiles
    taken = conn.execute(
        select(p.c.id).where(and_(p.c.name == data["name"], p.c.uid != data["uid"]))
    ).scalar()
    if taken is None:
        return False
    names = {r[0] for r in conn.execute(select(p.c.name))}
    base, n = str(data["name"]), 2
    while f"{base} ({n})" in names:
        n += 1
    free = f"{base} ({n})"
    if side == "server":
        data["name"] = free
        return True
    control = t.sync_control
    conn.execute(control.update().where(control.c.id == 1).values(applying=False))
    conn.execute(p.update().where(p.c.id == taken).values(name=free))
    conn.execute(control.update().where(control.c.id == 1).values(applying=True))
    return True
