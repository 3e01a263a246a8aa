"""merged_into at the end of the list indexes, so counts of unmerged events read only the index.

Revision ID: 0004
Revises: 0003
"""
from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

BEFORE = {
    "ix_events_date_id": ["event_date", "id"],
    "ix_events_type_date": ["event_type", "event_date"], "ix_events_sub_type_date": ["sub_event_type", "event_date"],
    "ix_events_admin1_date": ["admin1", "event_date"], "ix_events_country_date": ["country", "event_date"],
    "ix_events_review_date": ["review_status", "event_date"],
}


def upgrade() -> None:
    for name, columns in BEFORE.items():
        op.drop_index(name, "events")
        op.create_index(name, "events", [*columns, "merged_into"])


def downgrade() -> None:
    for name, columns in BEFORE.items():
        op.drop_index(name, "events")
        op.create_index(name, "events", columns)
