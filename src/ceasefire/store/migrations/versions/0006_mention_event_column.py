"""Each mention names its linked event in `mentions.event_id`; the one-to-one event_mentions table goes.

Revision ID: 0006
Revises: 0005
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("mentions", sa.Column("event_id", sa.String))
    op.execute("UPDATE mentions SET event_id = (SELECT event_mentions.event_id FROM event_mentions "
               "WHERE event_mentions.mention_id = mentions.id)")
    op.create_index("ix_mentions_event_id", "mentions", ["event_id"])
    op.drop_index("ix_event_mentions_event_id", "event_mentions")
    op.drop_table("event_mentions")


def downgrade() -> None:
    op.create_table(
        "event_mentions",
        sa.Column("mention_id", sa.String, primary_key=True),
        sa.Column("event_id", sa.String, nullable=False),
    )
    op.create_index("ix_event_mentions_event_id", "event_mentions", ["event_id"])
    op.execute("INSERT INTO event_mentions (mention_id, event_id) SELECT id, event_id FROM mentions "
               "WHERE event_id IS NOT NULL")
    op.drop_index("ix_mentions_event_id", "mentions")
    with op.batch_alter_table("mentions") as batch:
        batch.drop_column("event_id")
