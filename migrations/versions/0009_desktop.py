"""Desktop habits (issue 18): downloads kept offline, subtitles cache, window state.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05

Reserved in the chain so that the issues of this batch can add their schema in parallel; a slot
that its issue did not need stays a no-op.
"""

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
