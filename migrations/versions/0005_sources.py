"""Sources (issue 14): stream providers, ranked sources with release fields, health, outcomes.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05

- ``stream_providers``: the user's Torznab indexers, Stremio addons and the built-in searches
  (Nyaa, Rutube, own links) with their state (enabled, status, last error, latency, counts);
  keys and configured addon URLs live in the keyring, never here.
- ``provider_events``: the Settings action log (added, removed, failed, recovered ...).
- ``sources`` gains who found it (``provider``), the torrent's ``info_hash``/``file_idx``, size,
  seeders, peers, grabs, the parsed release fields (JSON), the ranking ``components`` (JSON),
  where it came from (``origin``: search, user, demo), ``availability`` (0..1, from health) and
  the playback counts that feed it.
- ``source_outcomes``: every playback's outcome (time to first frame, stalls, error) per source
  and provider.
- ``source_searches``: when a title was last searched and what was found (the search cache).
"""

from alembic import op
import sqlalchemy as sa


revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stream_providers",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("enabled", sa.Boolean(), server_default="1", nullable=False),
        sa.Column("manifest", sa.Text(), nullable=True),
        sa.Column("manifest_at", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(), server_default="unknown", nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_ok_at", sa.Integer(), nullable=True),
        sa.Column("last_error_at", sa.Integer(), nullable=True),
        sa.Column("latency_ms", sa.Integer(), nullable=True),
        sa.Column("successes", sa.Integer(), server_default="0", nullable=False),
        sa.Column("failures", sa.Integer(), server_default="0", nullable=False),
        sa.Column("added_at", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stream_providers")),
    )
    op.create_table(
        "provider_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("provider_id", sa.String(), nullable=False),
        sa.Column("at", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_provider_events")),
    )
    with op.batch_alter_table("provider_events", schema=None) as batch_op:
        batch_op.create_index("ix_provider_events_at", ["at"], unique=False)

    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.add_column(sa.Column("provider", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("info_hash", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("file_idx", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("size_bytes", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("seeders", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("peers", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("grabs", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("release", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("components", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("origin", sa.String(), server_default="search", nullable=False))
        batch_op.add_column(sa.Column("availability", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("plays", sa.Integer(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("failures", sa.Integer(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("last_seen_at", sa.Integer(), nullable=True))
        batch_op.create_index("ix_sources_info_hash", ["info_hash"], unique=False)
        batch_op.create_index("ix_sources_url", ["url"], unique=False)

    op.create_table(
        "source_outcomes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("title_id", sa.String(), nullable=True),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("provider", sa.String(), nullable=True),
        sa.Column("at", sa.Integer(), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("first_frame_ms", sa.Integer(), nullable=True),
        sa.Column("stalls", sa.Integer(), server_default="0", nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_outcomes")),
    )
    with op.batch_alter_table("source_outcomes", schema=None) as batch_op:
        batch_op.create_index("ix_source_outcomes_url", ["url"], unique=False)
        batch_op.create_index("ix_source_outcomes_provider", ["provider"], unique=False)

    op.create_table(
        "source_searches",
        sa.Column("title_id", sa.String(), nullable=False),
        sa.Column("searched_at", sa.Integer(), nullable=False),
        sa.Column("found", sa.Integer(), server_default="0", nullable=False),
        sa.Column("providers", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("title_id", name=op.f("pk_source_searches")),
    )


def downgrade() -> None:
    op.drop_table("source_searches")
    with op.batch_alter_table("source_outcomes", schema=None) as batch_op:
        batch_op.drop_index("ix_source_outcomes_provider")
        batch_op.drop_index("ix_source_outcomes_url")
    op.drop_table("source_outcomes")
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.drop_index("ix_sources_url")
        batch_op.drop_index("ix_sources_info_hash")
        for name in (
            "last_seen_at", "failures", "plays", "availability", "origin", "components", "release",
            "grabs", "peers", "seeders", "size_bytes", "file_idx", "info_hash", "provider",
        ):
            batch_op.drop_column(name)
    with op.batch_alter_table("provider_events", schema=None) as batch_op:
        batch_op.drop_index("ix_provider_events_at")
    op.drop_table("provider_events")
    op.drop_table("stream_providers")
