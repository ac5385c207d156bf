"""Library and people (issue 15): profiles, playlists, discovery caches, statistics.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05

Reserved in the chain so that the issues of this batch can add their schema in parallel; a slot
that its issue did not need stays a no-op.
"""

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
