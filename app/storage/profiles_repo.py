"""Profiles: the household's people, their avatar, PIN state, kids' limit, languages and preferences.

Portable SQL through ``Database.execute`` (profiles belong to the library a household may share
on a server). Deleting a profile deletes its progress, history, watchlist, playlists, reminders
and favourites by the tables' foreign keys (ON DELETE CASCADE).
"""

from __future__ import annotations

import json
from typing import Any

from app.domain.errors import LibraryError
from app.domain.profiles import Profile, SourcePrefs
from app.storage.db import Database

_COLS = (
    "id, name, avatar_color, avatar_letter, pin_hash, is_kids, max_age, ui_language, audio_language, "
    "subtitle_language, source_prefs, is_default, created_at, last_used_at"
)
# The columns ``update`` may change (never the id or the PIN state: those have their own calls).
EDITABLE = frozenset(
    {
        "name", "avatar_color", "avatar_letter", "is_kids", "max_age", "ui_language", "audio_language",
        "subtitle_language", "source_prefs",
    }
)  # fmt: skip


def _prefs(text: str | None) -> SourcePrefs:
    if not text:
        return SourcePrefs()
    try:
        return SourcePrefs.from_dict(json.loads(text))
    except ValueError:
        return SourcePrefs()


def _profile(r: tuple[Any, ...]) -> Profile:
    return Profile(
        id=int(r[0]),
        name=str(r[1]),
        avatar_color=r[2] or Profile.__dataclass_fields__["avatar_color"].default,  # type: ignore[arg-type]
        avatar_letter=r[3] or "",
        has_pin=bool(r[4]),
        is_kids=bool(r[5]),
        max_age=r[6],
        ui_language=r[7],
        audio_language=r[8],
        subtitle_language=r[9],
        source_prefs=_prefs(r[10]),
        is_default=bool(r[11]),
        created_at=int(r[12] or 0),
        last_used_at=r[13],
    )


def _duplicate(exc: Exception) -> bool:
    return "IntegrityError" in type(exc).__name__ or "UniqueViolation" in type(exc).__name__


def all_profiles(db: Database) -> list[Profile]:
    rows = db.execute(f"SELECT {_COLS} FROM profiles ORDER BY created_at, id")
    return [_profile(r) for r in rows]


def get(db: Database, profile_id: int) -> Profile | None:
    rows = db.execute(f"SELECT {_COLS} FROM profiles WHERE id = :id", {"id": profile_id})
    return _profile(rows[0]) if rows else None


def by_name(db: Database, name: str) -> Profile | None:
    """The profile called ``name`` (case does not matter, in any alphabet: compared in Python,
    as SQLite's lower() folds ASCII only; a household has a handful of profiles)."""
    wanted = name.strip().casefold()
    return next((p for p in all_profiles(db) if p.name.casefold() == wanted), None)


def count(db: Database) -> int:
    return int(db.execute("SELECT COUNT(*) FROM profiles")[0][0])


def starting(db: Database) -> Profile | None:
    """The profile the app opens with: the default one, else the one used last, else the first."""
    rows = db.execute(
        f"SELECT {_COLS} FROM profiles ORDER BY is_default DESC, "
        "CASE WHEN last_used_at IS NULL THEN 1 ELSE 0 END, last_used_at DESC, id LIMIT 1"
    )
    return _profile(rows[0]) if rows else None


def create(
    db: Database,
    name: str,
    *,
    now: int,
    avatar_color: str | None = None,
    avatar_letter: str | None = None,
    is_kids: bool = False,
    max_age: int | None = None,
) -> int:
    """The new profile's id; LibraryError when the name is taken."""
    try:
        rows = db.execute(
            "INSERT INTO profiles (name, is_default, created_at, avatar_color, avatar_letter, is_kids, "
            "max_age) VALUES (:name, FALSE, :now, :color, :letter, :kids, :age) RETURNING id",
            {
                "name": name,
                "now": now,
                "color": avatar_color,
                "letter": avatar_letter,
                "kids": bool(is_kids),
                "age": max_age,
            },
        )
    except Exception as exc:
        if _duplicate(exc):
            raise LibraryError(f"A profile called “{name}” exists already.") from exc
        raise
    return int(rows[0][0])


def update(db: Database, profile_id: int, **changes: Any) -> None:
    """Change the ``EDITABLE`` columns given; ``source_prefs`` is a SourcePrefs."""
    unknown = set(changes) - EDITABLE
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    if not changes:
        return
    params: dict[str, Any] = {"id": profile_id}
    sets = []
    for column, given in changes.items():
        value = given
        if column == "source_prefs" and isinstance(given, SourcePrefs):
            value = json.dumps(given.as_dict())
        if column == "is_kids":
            value = bool(given)
        params[column] = value
        sets.append(f"{column} = :{column}")
    try:
        db.execute(f"UPDATE profiles SET {', '.join(sets)} WHERE id = :id", params)
    except Exception as exc:
        if _duplicate(exc):
            raise LibraryError(f"A profile called “{changes.get('name')}” exists already.") from exc
        raise


def delete(db: Database, profile_id: int) -> bool:
    """Delete a profile with all its data. False when there was no such profile; LibraryError
    when it is the last one (the check and the delete are one statement: two processes
    deleting the last two at once cannot both succeed)."""
    if get(db, profile_id) is None:
        return False
    rows = db.execute(
        "DELETE FROM profiles WHERE id = :id AND (SELECT COUNT(*) FROM profiles) > 1 RETURNING id",
        {"id": profile_id},
    )
    if not rows:
        raise LibraryError("The last profile cannot be deleted: create another one first.")
    # the default went with it: the oldest profile left takes its place
    db.execute(
        "UPDATE profiles SET is_default = TRUE WHERE id = (SELECT min(id) FROM profiles) "
        "AND NOT EXISTS (SELECT 1 FROM profiles WHERE is_default)"
    )
    return True


def mark_used(db: Database, profile_id: int, now: int, *, make_default: bool = True) -> None:
    """Remember the profile chosen (the next start opens with it)."""
    db.execute("UPDATE profiles SET last_used_at = :now WHERE id = :id", {"id": profile_id, "now": now})
    if make_default:
        db.execute(
            "UPDATE profiles SET is_default = (id = :id) WHERE is_default != (id = :id)", {"id": profile_id}
        )


# -- the PIN -------------------------------------------------------------------------------------


def pin_state(db: Database, profile_id: int) -> tuple[str | None, int, int | None]:
    """(hash or None, wrong tries in a row, locked until) of a profile."""
    rows = db.execute(
        "SELECT pin_hash, pin_failures, pin_locked_until FROM profiles WHERE id = :id", {"id": profile_id}
    )
    if not rows:
        return None, 0, None
    return rows[0][0], int(rows[0][1] or 0), rows[0][2]


def set_pin(db: Database, profile_id: int, pin_hash: str | None) -> None:
    db.execute(
        "UPDATE profiles SET pin_hash = :pin, pin_failures = 0, pin_locked_until = NULL WHERE id = :id",
        {"id": profile_id, "pin": pin_hash},
    )


def record_failure(db: Database, profile_id: int) -> int:
    """Count one more wrong PIN (atomically: two processes guessing add up); the count now."""
    rows = db.execute(
        "UPDATE profiles SET pin_failures = pin_failures + 1 WHERE id = :id RETURNING pin_failures",
        {"id": profile_id},
    )
    return int(rows[0][0]) if rows else 0


def lock_until(db: Database, profile_id: int, until: int) -> None:
    db.execute(
        "UPDATE profiles SET pin_locked_until = :until WHERE id = :id", {"id": profile_id, "until": until}
    )


def reset_failures(db: Database, profile_id: int) -> None:
    db.execute(
        "UPDATE profiles SET pin_failures = 0, pin_locked_until = NULL WHERE id = :id", {"id": profile_id}
    )
