"""Series and anime (issue 16): episodes with their provider ids and stills; airings' numbers.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05

- ``episodes`` (already in the schema, never written before) gain the still (a path or URL),
  the provider ids (TMDB episode id, IMDb id of the episode) and when the row was last written.
  One row per (series title, season, number); the series title is ``titles.id`` of kind
  ``series`` or ``anime``.
- ``programmes`` gain ``season`` and ``episode_num``: the numbers the guide gives for a series
  airing («Сезон 2. Серия 5», «12 с.», XMLTV ``episode-num``). ``episode`` keeps the guide's text.

Per-episode progress is not a table of its own: it is a ``progress`` row per profile with
``item_key = 'ep:<series title id>:<season>:<number>'`` and ``title_id`` = the series, so that the
sync's capture (migration 0008) carries it to other devices like a film's progress.

- ``series_releases``: per profile and series, the release the last episode played from
  (Stremio's ``behaviorHints.bingeGroup``), so the next episode, tomorrow too, keeps it.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN on both dialects: no table copy
    op.add_column("episodes", sa.Column("still_path", sa.Text(), nullable=True))
    op.add_column("episodes", sa.Column("tmdb_id", sa.Integer(), nullable=True))
    op.add_column("episodes", sa.Column("imdb_id", sa.String(), nullable=True))
    op.add_column("episodes", sa.Column("updated_at", sa.Integer(), nullable=True))
    op.add_column("programmes", sa.Column("season", sa.Integer(), nullable=True))
    op.add_column("programmes", sa.Column("episode_num", sa.Integer(), nullable=True))
    op.create_table(
        "series_releases",
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("title_id", sa.String(), nullable=False),
        sa.Column("binge_group", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name=op.f("fk_series_releases_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("profile_id", "title_id", name=op.f("pk_series_releases")),
    )


def downgrade() -> None:
    op.drop_table("series_releases")
    with op.batch_alter_table("programmes") as batch:
        batch.drop_column("episode_num")
        batch.drop_column("season")
    with op.batch_alter_table("episodes") as batch:
        batch.drop_column("updated_at")
        batch.drop_column("imdb_id")
        batch.drop_column("tmdb_id")
        batch.drop_column("still_path")
