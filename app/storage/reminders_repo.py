"""Reminders (an airing, or a title's next airing) and the watchlist airings already announced.

Portable SQL through ``Database.execute``: reminders belong to the household's library.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.storage.db import Database

_COLS = "id, kind, title_id, channel_id, start, stop, label, channel_name, auto_play, fired_start, created_at"


@dataclass(frozen=True, slots=True)
class ReminderRow:
    id: int
    kind: str  # airing, title
    title_id: str | None
    channel_id: str | None
    start: int | None
    stop: int | None
    label: str
    channel_name: str | None
    auto_play: bool
    fired_start: int | None
    created_at: int


@dataclass(frozen=True, slots=True)
class AiringRow:
    """An airing of a title (programme channel, times, channel name)."""

    title_id: str
    label: str
    channel_id: str
    channel_name: str
    start: int
    stop: int


def _row(r: tuple[object, ...]) -> ReminderRow:
    return ReminderRow(
        int(r[0]),  # type: ignore[call-overload]
        str(r[1]),
        r[2],  # type: ignore[arg-type]
        r[3],  # type: ignore[arg-type]
        r[4],  # type: ignore[arg-type]
        r[5],  # type: ignore[arg-type]
        str(r[6]),
        r[7],  # type: ignore[arg-type]
        bool(r[8]),
        r[9],  # type: ignore[arg-type]
        int(r[10]),  # type: ignore[call-overload]
    )


def add(
    db: Database,
    profile_id: int,
    *,
    kind: str,
    label: str,
    now: int,
    title_id: str | None = None,
    channel_id: str | None = None,
    start: int | None = None,
    stop: int | None = None,
    channel_name: str | None = None,
    auto_play: bool = False,
) -> int:
    """A new reminder, or the existing one for the same title / airing (its id)."""
    if kind == "title":
        same = db.execute(
            f"SELECT {_COLS} FROM reminders WHERE profile_id = :p AND kind = 'title' AND title_id = :t",
            {"p": profile_id, "t": title_id},
        )
    else:
        same = db.execute(
            f"SELECT {_COLS} FROM reminders WHERE profile_id = :p AND kind = 'airing' "
            "AND channel_id = :c AND start = :s",
            {"p": profile_id, "c": channel_id, "s": start},
        )
    if same:
        existing = _row(same[0])
        if auto_play and not existing.auto_play:
            db.execute("UPDATE reminders SET auto_play = TRUE WHERE id = :i", {"i": existing.id})
        return existing.id
    found = db.execute(
        "INSERT INTO reminders (profile_id, kind, title_id, channel_id, start, stop, label, "
        "channel_name, auto_play, created_at) VALUES (:p, :k, :t, :c, :s, :e, :l, :n, :a, :now) RETURNING id",
        {
            "p": profile_id, "k": kind, "t": title_id, "c": channel_id, "s": start, "e": stop,
            "l": label, "n": channel_name, "a": auto_play, "now": now,
        },
    )  # fmt: skip
    return int(found[0][0])


def all_of(db: Database, profile_id: int) -> list[ReminderRow]:
    rows = db.execute(
        f"SELECT {_COLS} FROM reminders WHERE profile_id = :p ORDER BY coalesce(start, 0), id",
        {"p": profile_id},
    )
    return [_row(r) for r in rows]


def remove(db: Database, profile_id: int, reminder_id: int) -> bool:
    found = db.execute(
        "SELECT id FROM reminders WHERE profile_id = :p AND id = :i", {"p": profile_id, "i": reminder_id}
    )
    db.execute("DELETE FROM reminders WHERE profile_id = :p AND id = :i", {"p": profile_id, "i": reminder_id})
    return bool(found)


def mark_fired(db: Database, reminder_id: int, start: int) -> None:
    db.execute("UPDATE reminders SET fired_start = :s WHERE id = :i", {"s": start, "i": reminder_id})


def prune_past_airings(db: Database, before: int) -> int:
    """Airing reminders whose airing ended before ``before`` are done."""
    where = "WHERE kind = 'airing' AND coalesce(stop, start + 3600) < :b"
    old = db.execute(f"SELECT count(*) FROM reminders {where}", {"b": before})
    db.execute(f"DELETE FROM reminders {where}", {"b": before})
    return int(old[0][0])


def title_airings(db: Database, title_ids: list[str], since: int, until: int) -> list[AiringRow]:
    """Airings of these titles starting in ``[since, until)``, in start order."""
    if not title_ids:
        return []
    names = {f"t{i}": t for i, t in enumerate(title_ids)}
    marks = ", ".join(f":{n}" for n in names)
    rows = db.execute(
        "SELECT p.title_id, coalesce(t.title, p.title), p.channel_id, coalesce(c.name, p.channel_id), "
        "p.start, coalesce(p.stop, p.start + 3600) FROM programmes p "
        "LEFT JOIN channels c ON c.id = p.channel_id "
        f"LEFT JOIN titles t ON t.id = p.title_id WHERE p.title_id IN ({marks}) AND p.start >= :a "
        "AND p.start < :b ORDER BY p.start, p.channel_id",
        {**names, "a": since, "b": until},
    )
    return [AiringRow(r[0], r[1], r[2], r[3], int(r[4]), int(r[5])) for r in rows]


def watchlist_ids(db: Database, profile_id: int) -> list[str]:
    rows = db.execute("SELECT title_id FROM watchlist WHERE profile_id = :p", {"p": profile_id})
    return [r[0] for r in rows]


def unannounced(db: Database, profile_id: int, airings: list[AiringRow]) -> list[AiringRow]:
    """The airings not announced yet; they are recorded as announced now."""
    fresh = []
    for a in airings:
        params = {"p": profile_id, "t": a.title_id, "c": a.channel_id, "s": a.start}
        if db.execute(
            "SELECT 1 FROM announced_airings WHERE profile_id = :p AND title_id = :t AND channel_id = :c "
            "AND start = :s",
            params,
        ):
            continue
        db.execute(
            "INSERT INTO announced_airings (profile_id, title_id, channel_id, start) VALUES (:p, :t, :c, :s) "
            "ON CONFLICT DO NOTHING",
            params,
        )
        fresh.append(a)
    return fresh


def prune_announced(db: Database, before: int) -> None:
    db.execute("DELETE FROM announced_airings WHERE start < :b", {"b": before})
