"""Reliability (issue 19): pending progress saves and the like.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05

Reserved in the chain so that the issues of this batch can add their schema in parallel; a slot
that its issue did not need stays a no-op.
"""

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
