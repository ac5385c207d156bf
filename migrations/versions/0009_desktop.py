"""Desktop habits (issue 18): the Downloads page's torrent state and the subtitle cache.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05

- ``torrents`` gains ``paused`` (the user paused it on the Downloads page: it is not resumed at
  start), ``done_bytes`` (what was downloaded when it was last seen, for a torrent not in the
  session now), ``completed_at`` (when a kept torrent finished) and ``file_index`` (the file
  that was played, the one Keep for offline finishes).
- ``subtitle_files``: subtitles downloaded from a provider (OpenSubtitles), cached on disk by
  the provider's file id, with what they were found for (the item, its movie hash, language).
"""

from alembic import op
import sqlalchemy as sa


revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("torrents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("paused", sa.Boolean(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("done_bytes", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("completed_at", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("file_index", sa.Integer(), nullable=True))
    op.create_table(
        "subtitle_files",
        sa.Column("provider", sa.String(), nullable=False),
        sa.Column("file_id", sa.String(), nullable=False),
        sa.Column("language", sa.String(), nullable=False),
        sa.Column("release", sa.Text(), nullable=True),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("item_key", sa.String(), nullable=True),
        sa.Column("moviehash", sa.String(), nullable=True),
        sa.Column("downloaded_at", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("provider", "file_id", name=op.f("pk_subtitle_files")),
    )
    with op.batch_alter_table("subtitle_files", schema=None) as batch_op:
        batch_op.create_index("ix_subtitle_files_item_key", ["item_key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("subtitle_files", schema=None) as batch_op:
        batch_op.drop_index("ix_subtitle_files_item_key")
    op.drop_table("subtitle_files")
    with op.batch_alter_table("torrents", schema=None) as batch_op:
        batch_op.drop_column("file_index")
        batch_op.drop_column("completed_at")
        batch_op.drop_column("done_bytes")
        batch_op.drop_column("paused")
