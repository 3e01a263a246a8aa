"""Verdicts carry what tallies count by: the perpetrator's party and whether the event is contested.

`party` is the tally's party key (see ceasefire.assess.tally); `contested` is true when the event
has more than one verdict under the same agreement. The event_id index becomes (event_id,
agreement, status, party, contested), so a tally reads verdicts from the index alone.

Revision ID: 0005
Revises: 0004
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

COVERING = ["event_id", "agreement", "status", "party", "contested"]


def upgrade() -> None:
    op.add_column("verdicts", sa.Column("party", sa.String))
    op.add_column("verdicts", sa.Column("contested", sa.Boolean, nullable=False, server_default=sa.false()))
    op.execute(
        "UPDATE verdicts SET contested = TRUE WHERE EXISTS (SELECT 1 FROM verdicts AS other "
        "WHERE other.event_id = verdicts.event_id AND other.agreement = verdicts.agreement "
        "AND other.id <> verdicts.id)")
    op.drop_index("ix_verdicts_event_id", "verdicts")
    op.create_index("ix_verdicts_event_agreement", "verdicts", COVERING)


def downgrade() -> None:
    op.drop_index("ix_verdicts_event_agreement", "verdicts")
    op.create_index("ix_verdicts_event_id", "verdicts", ["event_id"])
    op.drop_column("verdicts", "contested")
    op.drop_column("verdicts", "party")
