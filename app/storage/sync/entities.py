"""The synced tables: each row's global form (ids every device shares) and reading/writing it.

A row travels as a dict: its ``uid`` (tables with their own id), its parents by their uids
(``profile``, ``playlist``), and the columns every device shares; per-device columns (a
profile's default flag, PIN lock-out, a playlist's edit version, a source's health) stay out.
The same functions run on the local SQLite copy and on the PostgreSQL server: both hold the
same tables (one alembic history). The capture triggers of migration 0008 must cover
``Entity.changes`` (tests/storage/test_sync_capture.py checks it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Boolean, Table, and_, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import ColumnElement

from app.storage import tables as t
from app.storage.dialect import upsert

SEP = "\x1f"  # joins a key's parts (the capture triggers use char(31))


class Orphan(Exception):
    """A row's parent (profile, playlist) is not in this database (deleted, or not here yet)."""


@dataclass(frozen=True, slots=True)
class Ref:
    column: str  # the local foreign key: profile_id
    field: str  # its global field: profile (the parent's uid)
    parent: Table


@dataclass(frozen=True)
class Entity:
    name: str
    table: Table
    key: tuple[str, ...]  # the global fields that name a row
    changes: tuple[str, ...]  # columns whose update is a change (the triggers' UPDATE OF)
    carried: tuple[str, ...] = ()  # columns set once (creation times), carried too
    refs: tuple[Ref, ...] = ()
    conflict: tuple[str, ...] = ("uid",)  # the local unique columns a row is upserted on
    title: str | None = None  # the column naming a title: a title stub travels with the row
    where: ColumnElement[bool] | None = None  # which rows are synced (sources: own links)
    progress: bool = False
    booleans: frozenset[str] = field(default_factory=frozenset)

    @property
    def has_uid(self) -> bool:
        return "uid" in self.table.c

    @property
    def columns(self) -> tuple[str, ...]:
        """The local columns carried (refs excluded)."""
        refs = {r.column for r in self.refs}
        return tuple(c for c in (*self.changes, *self.carried) if c not in refs)

    def key_of(self, data: dict[str, Any]) -> str:
        return SEP.join(str(data[f]) for f in self.key)

    def split_key(self, key: str) -> dict[str, str]:
        parts = key.split(SEP, len(self.key) - 1)
        if len(parts) != len(self.key):
            raise ValueError(f"{self.name}: malformed key {key!r}")
        return dict(zip(self.key, parts, strict=True))


def _entity(name: str, table: Table, **kw: Any) -> Entity:
    booleans = frozenset(c.name for c in table.c if isinstance(c.type, Boolean))
    return Entity(name=name, table=table, booleans=booleans, **kw)


_PROFILE = Ref("profile_id", "profile", t.profiles)

# In dependency order: a parent before its children (the outbox keeps that order too).
ENTITIES: dict[str, Entity] = {
    e.name: e
    for e in (
        _entity(
            "stream_providers",
            t.stream_providers,
            key=("id",),
            changes=("kind", "name", "url", "enabled", "manifest"),
            carried=("id", "added_at"),
            conflict=("id",),
        ),
        _entity(
            "profiles",
            t.profiles,
            key=("uid",),
            changes=(
                "name",
                "avatar_color",
                "avatar_letter",
                "pin_hash",
                "is_kids",
                "max_age",
                "ui_language",
                "audio_language",
                "subtitle_language",
                "source_prefs",
            ),
            carried=("created_at",),
        ),
        _entity(
            "progress",
            t.progress,
            key=("profile", "item_key"),
            changes=(
                "profile_id",
                "item_key",
                "title_id",
                "position_ms",
                "duration_ms",
                "watched",
                "view_count",
                "updated_at",
                "watched_at",
            ),
            refs=(_PROFILE,),
            conflict=("profile_id", "item_key"),
            title="title_id",
            progress=True,
        ),
        _entity(
            "history",
            t.history,
            key=("uid",),
            changes=(
                "profile_id",
                "item_key",
                "title_id",
                "label",
                "location",
                "started_at",
                "ended_at",
                "position_ms",
                "duration_ms",
                "watched_ms",
                "provider",
                "source_kind",
            ),
            refs=(_PROFILE,),
            title="title_id",
        ),
        _entity(
            "watchlist",
            t.watchlist,
            key=("profile", "title_id"),
            changes=("profile_id", "title_id", "added_at"),
            refs=(_PROFILE,),
            conflict=("profile_id", "title_id"),
            title="title_id",
        ),
        _entity(
            "playlists",
            t.playlists,
            key=("uid",),
            changes=("profile_id", "name"),
            carried=("created_at",),
            refs=(_PROFILE,),
        ),
        _entity(
            "playlist_items",
            t.playlist_items,
            key=("uid",),
            changes=("playlist_id", "position", "item_key", "title_id", "label", "location", "duration_ms"),
            carried=("added_at",),
            refs=(Ref("playlist_id", "playlist", t.playlists),),
            title="title_id",
        ),
        _entity(
            "reminders",
            t.reminders,
            key=("uid",),
            changes=(
                "profile_id",
                "kind",
                "title_id",
                "channel_id",
                "start",
                "stop",
                "label",
                "channel_name",
                "auto_play",
                "fired_start",
            ),
            carried=("created_at",),
            refs=(_PROFILE,),
            title="title_id",
        ),
        _entity(
            "sources",
            t.sources,
            key=("title_id", "url"),
            changes=(
                "title_id",
                "url",
                "kind",
                "label",
                "quality",
                "headers",
                "info_hash",
                "file_idx",
                "origin",
            ),
            carried=("added_at", "provider"),
            conflict=("title_id", "url"),
            title="title_id",
            where=t.sources.c.origin == "user",
        ),
    )
}

# the title columns a stub carries to a device whose guide does not have the title
TITLE_STUB = (
    "id", "kind", "title", "original_title", "year", "overview", "runtime", "rating", "genres",
    "tmdb_id", "shikimori_id", "imdb_id", "certification", "min_age",
)  # fmt: skip


def _select(entity: Entity) -> tuple[Any, dict[str, Any]]:
    """SELECT of the global form (the carried columns, the uid, the parents' uids); the parents'
    aliases by field."""
    table = entity.table
    cols = [table.c[c].label(c) for c in entity.columns]
    if entity.has_uid:
        cols.append(table.c.uid.label("uid"))
    joined: Any = table
    parents: dict[str, Any] = {}
    for ref in entity.refs:
        parent = parents[ref.field] = ref.parent.alias(f"p_{ref.field}")
        cols.append(parent.c.uid.label(ref.field))
        joined = joined.join(parent, parent.c.id == table.c[ref.column])
    query = select(*cols).select_from(joined)
    if entity.where is not None:
        query = query.where(entity.where)
    return query, parents


def _key_clause(entity: Entity, key: str, parents: dict[str, Any]) -> ColumnElement[bool]:
    clauses = []
    for name, value in entity.split_key(key).items():
        parent = parents.get(name)
        clauses.append(parent.c.uid == value if parent is not None else entity.table.c[name] == value)
    return and_(*clauses)


def _clean(entity: Entity, row: Any) -> dict[str, Any]:
    data = dict(row._mapping)
    for name in entity.booleans & data.keys():
        data[name] = bool(data[name])
    return data


def read_one(conn: Connection, entity: Entity, key: str) -> dict[str, Any] | None:
    """The row named ``key`` in its global form, or None."""
    query, parents = _select(entity)
    row = conn.execute(query.where(_key_clause(entity, key, parents))).first()
    return None if row is None else _clean(entity, row)


def read_all(conn: Connection, entity: Entity) -> list[dict[str, Any]]:
    query, _parents = _select(entity)
    return [_clean(entity, r) for r in conn.execute(query)]


def title_stub(conn: Connection, title_id: str | None) -> dict[str, Any] | None:
    if not title_id:
        return None
    cols = [t.titles.c[c] for c in TITLE_STUB]
    row = conn.execute(select(*cols).where(t.titles.c.id == title_id)).first()
    return None if row is None else dict(row._mapping)


def ensure_title(conn: Connection, stub: dict[str, Any] | None, now: int) -> None:
    """A title this database lacks gets the stub (the guide, if it has the title, keeps its own)."""
    if not stub or not stub.get("id") or not stub.get("title"):
        return
    row = {k: stub.get(k) for k in TITLE_STUB}
    row.update({"kind": stub.get("kind") or "film", "is_demo": False, "added_at": now, "updated_at": now})
    conn.execute(upsert(conn, t.titles, ("id",), values=row))


def _parent_id(conn: Connection, ref: Ref, uid: Any) -> int:
    found = conn.execute(select(ref.parent.c.id).where(ref.parent.c.uid == uid)).scalar()
    if found is None:
        raise Orphan(f"{ref.parent.name} {uid} is not here")
    return int(found)


def local_values(conn: Connection, entity: Entity, data: dict[str, Any]) -> dict[str, Any]:
    """The row's column values in this database (parents' uids resolved to this database's ids)."""
    values = {c: data.get(c) for c in entity.columns}
    for name in entity.booleans & values.keys():
        values[name] = bool(values[name]) if values[name] is not None else None
    if entity.has_uid:
        values["uid"] = data["uid"]
    for ref in entity.refs:
        values[ref.column] = _parent_id(conn, ref, data.get(ref.field))
    return values


def write(conn: Connection, entity: Entity, data: dict[str, Any]) -> None:
    """Insert or update the row (Orphan when its parent is not here)."""
    values = local_values(conn, entity, data)
    update = [c for c in values if c not in entity.conflict]
    conn.execute(upsert(conn, entity.table, entity.conflict, update, values=values))


def delete(conn: Connection, entity: Entity, key: str) -> bool:
    """Delete the row named ``key``; False when it was not here (or its parent is not)."""
    table = entity.table
    parts = entity.split_key(key)
    clauses = []
    for name, value in parts.items():
        ref = next((r for r in entity.refs if r.field == name), None)
        if ref is None:
            clauses.append(table.c[name] == value)
            continue
        try:
            clauses.append(table.c[ref.column] == _parent_id(conn, ref, value))
        except Orphan:
            return False
    return bool(conn.execute(table.delete().where(and_(*clauses))).rowcount)
