"""TV (issue 13): channel mapping, playlist-guide links, favourites, reminders.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05

Reserved in the chain so that the issues of this batch can add their schema in parallel; a slot
that its issue did not need stays a no-op.
"""

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
