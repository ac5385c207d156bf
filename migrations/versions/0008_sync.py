"""Shared library (issue 17): global ids, change capture, the outbox, stamps and the server's log.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05

The app keeps reading and writing its local SQLite tables; with a library server set, every
change to the user's own rows is captured here and sent to PostgreSQL (docs/notes/17.md).

- ``uid`` on profiles, history, playlists, playlist_items and reminders: an id that means the
  same row on every device (the integer ids are each database's own). SQLite fills it on insert
  (trigger ``sync_uid_<table>``); existing rows get one now.
- ``sync_control`` (one row): whether changes are captured, whether the sync is applying
  another device's change (not captured again), this device's id.
- ``sync_outbox``: the keys changed here and not yet on the server, in order (one entry per
  row: a newer change of the same row keeps the entry's place and bumps ``rev``).
- ``sync_stamps``: per row, the clock of its last change (progress: the time it was watched,
  and a second clock for the watched mark), the device, and whether it was deleted (tombstone).
- ``sync_log`` (server): every change the server accepted, in commit order; devices read it
  from their cursor. ``sync_devices`` (server): who shares the library, when last seen.

Capture triggers exist only in SQLite (the per-device working copy); the NOTIFY trigger only in
PostgreSQL (the shared server). Both dialects get every table, so that one schema serves both.
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

UID_TABLES = ("profiles", "history", "playlists", "playlist_items", "reminders")

NOW_MS = "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"
CAPTURING = "(SELECT capture AND NOT applying FROM sync_control WHERE id = 1)"
DEVICE = "(SELECT device FROM sync_control WHERE id = 1)"
SEP = " || char(31) || "


def _profile_uid(r: str) -> str:
    return f"(SELECT uid FROM profiles WHERE id = {r}.profile_id)"


def _profile_exists(r: str) -> str:
    return f"EXISTS (SELECT 1 FROM profiles WHERE id = {r}.profile_id)"


# name: (key expression of a row, columns whose update is a change, filter on any row, filter on
# deletes, progress clocks). ``{r}`` is NEW or OLD. Title-bound deletes are captured only while
# the title exists: a cascade from a title leaving this device's guide is local housekeeping.
ENTITIES: dict[str, dict[str, object]] = {
    "stream_providers": {
        "key": "{r}.id",
        "columns": ("kind", "name", "url", "enabled", "manifest"),
    },
    "profiles": {
        "key": "{r}.uid",
        "columns": (
            "name", "avatar_color", "avatar_letter", "pin_hash", "is_kids", "max_age", "ui_language",
            "audio_language", "subtitle_language", "source_prefs",
        ),
    },  # fmt: skip
    "progress": {
        "key": _profile_uid("{r}") + SEP + "{r}.item_key",
        "columns": (
            "profile_id", "item_key", "title_id", "position_ms", "duration_ms", "watched", "view_count",
            "updated_at", "watched_at",
        ),
        "filter": _profile_exists("{r}"),
        # demo titles' progress goes with the demo library on this device only
        "delete_filter": "NOT EXISTS (SELECT 1 FROM titles WHERE id = OLD.item_key AND is_demo)",
        "progress": True,
    },  # fmt: skip
    "history": {
        "key": "{r}.uid",
        "columns": (
            "profile_id", "item_key", "title_id", "label", "location", "started_at", "ended_at",
            "position_ms", "duration_ms", "watched_ms", "provider", "source_kind",
        ),
        "filter": _profile_exists("{r}"),
    },  # fmt: skip
    "watchlist": {
        "key": _profile_uid("{r}") + SEP + "{r}.title_id",
        "columns": ("profile_id", "title_id", "added_at"),
        "filter": _profile_exists("{r}"),
        "delete_filter": "EXISTS (SELECT 1 FROM titles WHERE id = OLD.title_id AND NOT is_demo)",
    },
    "playlists": {
        "key": "{r}.uid",
        "columns": ("profile_id", "name"),
        "filter": _profile_exists("{r}"),
    },
    "playlist_items": {
        "key": "{r}.uid",
        "columns": ("playlist_id", "position", "item_key", "title_id", "label", "location", "duration_ms"),
        "filter": "EXISTS (SELECT 1 FROM playlists WHERE id = {r}.playlist_id)",
    },
    "reminders": {
        "key": "{r}.uid",
        "columns": (
            "profile_id", "kind", "title_id", "channel_id", "start", "stop", "label", "channel_name",
            "auto_play", "fired_start",
        ),
        "filter": _profile_exists("{r}"),
    },  # fmt: skip
    "sources": {  # links added by hand only: searched sources are each device's cache
        "key": "{r}.title_id" + SEP + "{r}.url",
        "columns": ("title_id", "url", "kind", "label", "quality", "headers", "info_hash", "file_idx", "origin"),
        "filter": "{r}.origin = 'user'",
        "delete_filter": "EXISTS (SELECT 1 FROM titles WHERE id = OLD.title_id)",
    },
}


def _stamp(entity: str, key: str, clock: str, clock2: str, deleted: str) -> str:
    return (
        "INSERT INTO sync_stamps (entity, key, clock, clock2, device, deleted) "
        f"VALUES ('{entity}', {key}, {clock}, {clock2}, {DEVICE}, {deleted}) "
        "ON CONFLICT (entity, key) DO UPDATE SET clock = excluded.clock, clock2 = excluded.clock2, "
        "device = excluded.device, deleted = excluded.deleted;"
    )


def _outbox(entity: str, key: str, op_: str) -> str:
    return (
        f"INSERT INTO sync_outbox (entity, key, op, at, rev) VALUES ('{entity}', {key}, '{op_}', {NOW_MS}, 0) "
        "ON CONFLICT (entity, key) DO UPDATE SET op = excluded.op, rev = sync_outbox.rev + 1;"
    )


def _previous(entity: str, key: str, column: str) -> str:
    return f"(SELECT {column} FROM sync_stamps WHERE entity = '{entity}' AND key = {key})"


def _clocks(entity: str, spec: dict[str, object], key: str, event: str) -> tuple[str, str]:
    """(clock, clock2) of a change made here: later than the row's last stamp."""
    if not spec.get("progress"):
        return f"max({NOW_MS}, coalesce({_previous(entity, key, 'clock')} + 1, 0))", "0"
    # the time it was watched; a second save within the same second still counts as newer
    prev = _previous(entity, key, "clock")
    clock = (
        f"(CASE WHEN {prev} / 1000 = NEW.updated_at THEN max({prev} + 1, NEW.updated_at * 1000) "
        "ELSE NEW.updated_at * 1000 END)"
    )
    if event == "INSERT":
        return clock, f"(CASE WHEN NEW.watched THEN {clock} ELSE 0 END)"
    prev2 = _previous(entity, key, "clock2")
    clock2 = (
        f"(CASE WHEN OLD.watched IS NOT NEW.watched THEN max({clock}, coalesce({prev2} + 1, 0)) "
        f"ELSE coalesce({prev2}, CASE WHEN NEW.watched THEN {clock} ELSE 0 END) END)"
    )
    return clock, clock2


def _uid_fill(table: str) -> str:
    return f"UPDATE {table} SET uid = lower(hex(randomblob(16))) WHERE rowid = NEW.rowid AND uid IS NULL;"


def _sqlite_triggers() -> list[str]:
    made: list[str] = []
    for entity, spec in ENTITIES.items():
        key_of = str(spec["key"])
        row_filter = str(spec.get("filter", "1"))
        has_uid = entity in UID_TABLES
        # INSERT: the uid may be filled by the uid trigger after NEW was taken: read it back
        new_key = f"(SELECT uid FROM {entity} WHERE rowid = NEW.rowid)" if has_uid else key_of.format(r="NEW")
        when = f"{CAPTURING} AND {row_filter.format(r='NEW')}"
        clock, clock2 = _clocks(entity, spec, new_key, "INSERT")
        body = (_uid_fill(entity) if has_uid else "") + _stamp(entity, new_key, clock, clock2, "FALSE")
        made.append(
            f"CREATE TRIGGER sync_{entity}_insert AFTER INSERT ON {entity} WHEN {when} BEGIN "
            f"{body} {_outbox(entity, new_key, 'put')} END"
        )
        columns = ", ".join(spec["columns"])  # type: ignore[arg-type]
        key = key_of.format(r="NEW")
        clock, clock2 = _clocks(entity, spec, key, "UPDATE")
        made.append(
            f"CREATE TRIGGER sync_{entity}_update AFTER UPDATE OF {columns} ON {entity} WHEN {when} BEGIN "
            f"{_stamp(entity, key, clock, clock2, 'FALSE')} {_outbox(entity, key, 'put')} END"
        )
        old_key = key_of.format(r="OLD")
        gone = f"max({NOW_MS}, coalesce({_previous(entity, old_key, 'clock')} + 1, 0))"
        delete_when = f"{CAPTURING} AND {row_filter.format(r='OLD')} AND {spec.get('delete_filter', '1')}"
        made.append(
            f"CREATE TRIGGER sync_{entity}_delete AFTER DELETE ON {entity} WHEN {delete_when} BEGIN "
            f"{_stamp(entity, old_key, gone, '0', 'TRUE')} {_outbox(entity, old_key, 'del')} END"
        )
        if not has_uid:  # a row whose key changed (a placeholder title matched): the old key is gone
            made.append(
                f"CREATE TRIGGER sync_{entity}_rekey AFTER UPDATE OF {columns} ON {entity} "
                f"WHEN {CAPTURING} AND {row_filter.format(r='OLD')} AND {old_key} IS NOT {key} BEGIN "
                f"{_stamp(entity, old_key, gone, '0', 'TRUE')} {_outbox(entity, old_key, 'del')} END"
            )
    # made last, so fired first (SQLite fires the newest trigger first): the capture sees the uid
    for table in UID_TABLES:
        made.append(
            f"CREATE TRIGGER sync_uid_{table} AFTER INSERT ON {table} WHEN NEW.uid IS NULL BEGIN "
            f"{_uid_fill(table)} END"
        )
    return made


def _trigger_names() -> list[str]:
    names = [f"sync_uid_{t}" for t in UID_TABLES]
    for entity in ENTITIES:
        names += [f"sync_{entity}_insert", f"sync_{entity}_update", f"sync_{entity}_delete"]
        if entity not in UID_TABLES:
            names.append(f"sync_{entity}_rekey")
    return names


PG_NOTIFY_FUNCTION = """
CREATE OR REPLACE FUNCTION cinema_sync_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- one notification per transaction (identical ones merge); the payload names the device
    PERFORM pg_notify('cinema_library', coalesce(current_setting('cinema.device', true), ''));
    RETURN NULL;
END $$
"""


def upgrade() -> None:
    bind = op.get_bind()
    big_id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")  # SQLite: a rowid alias
    for table in UID_TABLES:
        op.add_column(table, sa.Column("uid", sa.String(), nullable=True))
        ids = [r[0] for r in bind.execute(sa.text(f"SELECT id FROM {table} WHERE uid IS NULL"))]
        for row_id in ids:  # ids made in Python: neither dialect's random function is the other's
            bind.execute(sa.text(f"UPDATE {table} SET uid = :u WHERE id = :i"), {"u": uuid.uuid4().hex, "i": row_id})
        op.create_index(f"ix_{table}_uid", table, ["uid"], unique=True)
    control = op.create_table(
        "sync_control",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("capture", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("applying", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("device", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_control")),
    )
    op.bulk_insert(control, [{"id": 1, "capture": False, "applying": False, "device": uuid.uuid4().hex}])
    op.create_table(
        "sync_outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entity", sa.String(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("op", sa.String(), nullable=False),
        sa.Column("at", sa.BigInteger(), nullable=False),
        sa.Column("rev", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_outbox")),
        sa.UniqueConstraint("entity", "key", name="uq_sync_outbox_entity_key"),
    )
    op.create_table(
        "sync_stamps",
        sa.Column("entity", sa.String(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("clock", sa.BigInteger(), nullable=False),
        sa.Column("clock2", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("device", sa.String(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "key", name=op.f("pk_sync_stamps")),
    )
    op.create_table(
        "sync_log",
        sa.Column("seq", big_id, autoincrement=True, nullable=False),
        sa.Column("entity", sa.String(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("op", sa.String(), nullable=False),
        sa.Column("data", sa.Text(), nullable=True),
        sa.Column("clock", sa.BigInteger(), nullable=False),
        sa.Column("clock2", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("device", sa.String(), nullable=False),
        sa.Column("at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_log")),
    )
    op.create_index("ix_sync_log_entity_key", "sync_log", ["entity", "key", "seq"])
    op.create_table(
        "sync_devices",
        sa.Column("device", sa.String(), nullable=False),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("first_seen_at", sa.BigInteger(), nullable=False),
        sa.Column("last_seen_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("device", name=op.f("pk_sync_devices")),
    )
    if bind.dialect.name == "sqlite":  # the per-device working copy: capture its changes
        for sql in _sqlite_triggers():
            op.execute(sql)
    elif bind.dialect.name == "postgresql":  # the shared server: tell listening devices
        op.execute(PG_NOTIFY_FUNCTION)
        op.execute(
            "CREATE TRIGGER sync_log_notify AFTER INSERT ON sync_log "
            "FOR EACH STATEMENT EXECUTE FUNCTION cinema_sync_notify()"
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in _trigger_names():
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS sync_log_notify ON sync_log")
        op.execute("DROP FUNCTION IF EXISTS cinema_sync_notify()")
    op.drop_table("sync_devices")
    op.drop_index("ix_sync_log_entity_key", table_name="sync_log")
    op.drop_table("sync_log")
    op.drop_table("sync_stamps")
    op.drop_table("sync_outbox")
    op.drop_table("sync_control")
    for table in reversed(UID_TABLES):
        op.drop_index(f"ix_{table}_uid", table_name=table)
        # native DROP COLUMN (SQLite >= 3.35): a batch copy would drop the table's other triggers
        op.execute(f"ALTER TABLE {table} DROP COLUMN uid")
