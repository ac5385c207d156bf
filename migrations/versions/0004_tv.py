"""TV (issue 13): channel mapping, playlist-guide links, favourites, reminders.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05

- ``channels.catchup_correction``: the playlist's ``catchup-correction`` (hours), subtracted from
  the times a catch-up URL carries (as Kodi's IPTV Simple does); ``channels.position``: the
  channel's place in its playlist (the channel list keeps the playlist's order).
- ``guide_pairs``: a playlist and a guide added separately, linked by hand (``epg add
  --guide-for``, Settings) or automatically; ``origin`` 'off' remembers an unlinking so that
  automatic pairing does not link them again.
- ``channel_links``: which guide channel feeds each playlist channel (tvg-id, name, fuzzy, or
  a person's choice in the mapping editor); kept across refreshes, channel ids being stable.
- ``favourite_channels``, ``reminders`` (an airing, or a title's next airing) and
  ``announced_airings`` (airings of watchlisted titles already announced).
"""

from alembic import op
import sqlalchemy as sa


revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("channels", schema=None) as batch_op:
        batch_op.add_column(sa.Column("catchup_correction", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("position", sa.Integer(), nullable=True))

    op.create_table(
        "guide_pairs",
        sa.Column("playlist_id", sa.Integer(), nullable=False),
        sa.Column("guide_id", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(), server_default="manual", nullable=False),
        sa.Column("created_at", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["playlist_id"], ["guide_sources.id"],
            name=op.f("fk_guide_pairs_playlist_id_guide_sources"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["guide_id"], ["guide_sources.id"],
            name=op.f("fk_guide_pairs_guide_id_guide_sources"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("playlist_id", "guide_id", name=op.f("pk_guide_pairs")),
    )
    op.create_table(
        "channel_links",
        sa.Column("playlist_channel_id", sa.String(), nullable=False),
        sa.Column("playlist_id", sa.Integer(), nullable=False),
        sa.Column("guide_channel_id", sa.String(), nullable=True),
        sa.Column("method", sa.String(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("updated_at", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["playlist_id"], ["guide_sources.id"],
            name=op.f("fk_channel_links_playlist_id_guide_sources"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("playlist_channel_id", name=op.f("pk_channel_links")),
    )
    with op.batch_alter_table("channel_links", schema=None) as batch_op:
        batch_op.create_index("ix_channel_links_guide_channel_id", ["guide_channel_id"], unique=False)
        batch_op.create_index("ix_channel_links_playlist_id", ["playlist_id"], unique=False)

    op.create_table(
        "favourite_channels",
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("channel_id", sa.String(), nullable=False),
        sa.Column("added_at", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["profile_id"], ["profiles.id"],
            name=op.f("fk_favourite_channels_profile_id_profiles"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("profile_id", "channel_id", name=op.f("pk_favourite_channels")),
    )
    op.create_table(
        "reminders",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("title_id", sa.String(), nullable=True),
        sa.Column("channel_id", sa.String(), nullable=True),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("stop", sa.Integer(), nullable=True),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("channel_name", sa.Text(), nullable=True),
        sa.Column("auto_play", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("fired_start", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["profile_id"], ["profiles.id"],
            name=op.f("fk_reminders_profile_id_profiles"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminders")),
    )
    with op.batch_alter_table("reminders", schema=None) as batch_op:
        batch_op.create_index("ix_reminders_profile_id", ["profile_id"], unique=False)

    op.create_table(
        "announced_airings",
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("title_id", sa.String(), nullable=False),
        sa.Column("channel_id", sa.String(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["profile_id"], ["profiles.id"],
            name=op.f("fk_announced_airings_profile_id_profiles"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "profile_id", "title_id", "channel_id", "start", name=op.f("pk_announced_airings")
        ),
    )


def downgrade() -> None:
    op.drop_table("announced_airings")
    with op.batch_alter_table("reminders", schema=None) as batch_op:
        batch_op.drop_index("ix_reminders_profile_id")
    op.drop_table("reminders")
    op.drop_table("favourite_channels")
    with op.batch_alter_table("channel_links", schema=None) as batch_op:
        batch_op.drop_index("ix_channel_links_playlist_id")
        batch_op.drop_index("ix_channel_links_guide_channel_id")
    op.drop_table("channel_links")
    op.drop_table("guide_pairs")
    with op.batch_alter_table("channels", schema=None) as batch_op:
        batch_op.drop_column("position")
        batch_op.drop_column("catchup_correction")
