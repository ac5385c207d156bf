"""Library and people (issue 15): profiles, history, playlists, discovery caches, age ratings.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05

- ``profiles`` gain an avatar (colour + letter), an optional PIN (salted hash, failures and a
  lock-out time so that guessing is rate-limited across processes), a kids' flag with the
  highest age allowed (RU scale in years), their own UI/audio/subtitle languages and source
  preferences (JSON), and when they were last used; names are unique.
- ``progress`` records when an item was marked watched.
- ``history`` records the time actually played and the source (provider, kind) a play used.
- ``playlists`` gain ``version`` and ``updated_at``: a change made from a stale view is refused
  with a message instead of overwriting another window's edit.
- ``playlist_items`` get their own id and hold any playable item (a title, or a path/URL from an
  imported M3U) with its label; the title id is not a foreign key, as the items must survive a
  guide clean-up (the old rows, if any, are copied over).
- ``titles`` gain the age certification (``certification`` as shown, ``min_age`` in years).
- ``discovery_rows``: the cached Home rows (popular, trending, new, anime season; the
  recommendations per profile) as JSON lists of title ids with their reasons.
"""

import time
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _add_columns(table: str, *columns: "sa.Column[Any]") -> None:
    # plain ADD COLUMN on both dialects: no table copy (titles carries the search triggers)
    for column in columns:
        op.add_column(table, column)


def _profiles_up() -> None:
    _add_columns(
        "profiles",
        sa.Column("avatar_color", sa.String(), nullable=True),
        sa.Column("avatar_letter", sa.String(), nullable=True),
        sa.Column("pin_hash", sa.Text(), nullable=True),
        sa.Column("pin_failures", sa.Integer(), server_default="0", nullable=False),
        sa.Column("pin_locked_until", sa.Integer(), nullable=True),
        sa.Column("is_kids", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("max_age", sa.Integer(), nullable=True),
        sa.Column("ui_language", sa.String(), nullable=True),
        sa.Column("audio_language", sa.String(), nullable=True),
        sa.Column("subtitle_language", sa.String(), nullable=True),
        sa.Column("source_prefs", sa.Text(), nullable=True),
        sa.Column("last_used_at", sa.Integer(), nullable=True),
    )
    op.create_index("ix_profiles_name", "profiles", ["name"], unique=True)


def _playlist_items_up() -> None:
    bind = op.get_bind()
    old = bind.execute(
        sa.text(
            "SELECT i.playlist_id, i.title_id, i.position, t.title FROM playlist_items i "
            "LEFT JOIN titles t ON t.id = i.title_id"
        )
    ).all()
    op.drop_table("playlist_items")
    items = op.create_table(
        "playlist_items",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("playlist_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("item_key", sa.String(), nullable=False),
        sa.Column("title_id", sa.String(), nullable=True),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("location", sa.Text(), nullable=True),
        sa.Column("duration_ms", sa.Integer(), nullable=True),
        sa.Column("added_at", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["playlist_id"],
            ["playlists.id"],
            name=op.f("fk_playlist_items_playlist_id_playlists"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_playlist_items")),
    )
    op.create_index("ix_playlist_items_playlist_position", "playlist_items", ["playlist_id", "position"])
    if old and items is not None:
        now = int(time.time())
        op.bulk_insert(
            items,
            [
                {
                    "playlist_id": r[0],
                    "position": r[2],
                    "item_key": r[1],
                    "title_id": r[1],
                    "label": r[3] or r[1],
                    "location": None,
                    "duration_ms": None,
                    "added_at": now,
                }
                for r in old
            ],
        )


def upgrade() -> None:
    _profiles_up()
    _add_columns("progress", sa.Column("watched_at", sa.Integer(), nullable=True))
    _add_columns(
        "history",
        sa.Column("watched_ms", sa.Integer(), server_default="0", nullable=False),
        sa.Column("provider", sa.String(), nullable=True),
        sa.Column("source_kind", sa.String(), nullable=True),
    )
    _add_columns(
        "playlists",
        sa.Column("version", sa.Integer(), server_default="0", nullable=False),
        sa.Column("updated_at", sa.Integer(), nullable=True),
    )
    _playlist_items_up()
    _add_columns(
        "titles",
        sa.Column("certification", sa.String(), nullable=True),
        sa.Column("min_age", sa.Integer(), nullable=True),
    )
    op.create_table(
        "discovery_rows",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=True),
        sa.Column("items", sa.Text(), nullable=False),
        sa.Column("refreshed_at", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name=op.f("fk_discovery_rows_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_discovery_rows")),
    )


def _drop_columns(table: str, *names: str) -> None:
    # native DROP COLUMN on both dialects (SQLite >= 3.35): a batch copy of a table would drop
    # it, and with foreign keys on SQLite deletes every row that references it
    for name in names:
        op.execute(f"ALTER TABLE {table} DROP COLUMN {name}")


def downgrade() -> None:
    op.drop_table("discovery_rows")
    _drop_columns("titles", "min_age", "certification")
    bind = op.get_bind()
    # back to one row per (playlist, title): items without a title cannot be kept in the old shape
    old = bind.execute(
        sa.text(
            "SELECT playlist_id, title_id, min(position) FROM playlist_items "
            "WHERE title_id IS NOT NULL AND title_id IN (SELECT id FROM titles) "
            "GROUP BY playlist_id, title_id"
        )
    ).all()
    op.drop_table("playlist_items")
    items = op.create_table(
        "playlist_items",
        sa.Column("playlist_id", sa.Integer(), nullable=False),
        sa.Column("title_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["playlist_id"],
            ["playlists.id"],
            name=op.f("fk_playlist_items_playlist_id_playlists"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["title_id"], ["titles.id"], name=op.f("fk_playlist_items_title_id_titles"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("playlist_id", "title_id", name=op.f("pk_playlist_items")),
    )
    if old and items is not None:
        op.bulk_insert(items, [{"playlist_id": r[0], "title_id": r[1], "position": r[2]} for r in old])
    _drop_columns("playlists", "updated_at", "version")
    _drop_columns("history", "source_kind", "provider", "watched_ms")
    _drop_columns("progress", "watched_at")
    op.drop_index("ix_profiles_name", table_name="profiles")
    _drop_columns(
        "profiles", "last_used_at", "source_prefs", "subtitle_language", "audio_language", "ui_language",
        "max_age", "is_kids", "pin_locked_until", "pin_failures", "pin_hash", "avatar_letter",
        "avatar_color",
    )  # fmt: skip
