"""Sources (issue 14): providers, ranked sources with release fields, health, user links.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05

Reserved in the chain so that the issues of this batch can add their schema in parallel; a slot
that its issue did not need stays a no-op.
"""

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
