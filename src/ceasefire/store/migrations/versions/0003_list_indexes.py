"""Indexes that serve the filtered, date-ordered lists: (filter column, event_date).

The single-column actor indexes could not serve substring matches, and the merged_into and
mention_key indexes led SQLite to sort every event for a plain newest-first list.

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

DROPPED = {
    "ix_events_type": ["event_type", "sub_event_type"], "ix_events_admin1": ["admin1"],
    "ix_events_country": ["country"], "ix_events_actor1": ["actor1"], "ix_events_actor2": ["actor2"],
    "ix_events_review": ["review_status"], "ix_events_merged": ["merged_into"],
    "ix_events_mention_key": ["mention_key"],
}
CREATED = {
    "ix_events_type_date": ["event_type", "event_date"], "ix_events_sub_type_date": ["sub_event_type", "event_date"],
    "ix_events_admin1_date": ["admin1", "event_date"], "ix_events_country_date": ["country", "event_date"],
    "ix_events_review_date": ["review_status", "event_date"],
}


def upgrade() -> None:
    for name in DROPPED:
        op.drop_index(name, "events")
    for name, columns in CREATED.items():
        op.create_index(name, "events", columns)


def downgrade() -> None:
    for name in CREATED:
        op.drop_index(name, "events")
    for name, columns in DROPPED.items():
        op.create_index(name, "events", columns)
