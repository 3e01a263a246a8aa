"""Initial schema: reports, mentions, linked events, verdicts, users, audit log.

Revision ID: 0001
Revises:
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _event_columns() -> list[sa.Column]:
    return [
        sa.Column("event_date", sa.String(10)), sa.Column("date_precision", sa.String(8)),
        sa.Column("event_type", sa.String), sa.Column("sub_event_type", sa.String),
        sa.Column("actor1", sa.String), sa.Column("actor2", sa.String), sa.Column("admin1", sa.String),
        sa.Column("location", sa.String), sa.Column("country", sa.String),
        sa.Column("latitude", sa.Float), sa.Column("longitude", sa.Float),
        sa.Column("fatalities", sa.Integer), sa.Column("record", sa.Text, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "reports",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("text", sa.Text, nullable=False), sa.Column("title", sa.Text), sa.Column("source", sa.String),
        sa.Column("url", sa.Text), sa.Column("published", sa.String(10)),
        sa.Column("ingested_at", sa.String(32), nullable=False), sa.Column("path", sa.Text),
    )
    op.create_index("ix_reports_published", "reports", ["published"])
    op.create_table(
        "mentions", sa.Column("id", sa.String, primary_key=True), sa.Column("report_id", sa.String),
        *_event_columns(), sa.Column("source_row", sa.Text),
    )
    op.create_index("ix_mentions_report_id", "mentions", ["report_id"])
    op.create_table(
        "events", sa.Column("id", sa.String, primary_key=True), *_event_columns(),
        sa.Column("report_ids", sa.Text, nullable=False), sa.Column("search", sa.Text),
        sa.Column("review_status", sa.String(12), nullable=False, server_default="unverified"),
        sa.Column("merged_into", sa.String), sa.Column("mention_key", sa.String(40), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )
    for name, columns in {
        "ix_events_date_id": ["event_date", "id"], "ix_events_type": ["event_type", "sub_event_type"],
        "ix_events_admin1": ["admin1"], "ix_events_country": ["country"], "ix_events_actor1": ["actor1"],
        "ix_events_actor2": ["actor2"], "ix_events_review": ["review_status"],
        "ix_events_merged": ["merged_into"], "ix_events_mention_key": ["mention_key"],
    }.items():
        op.create_index(name, "events", columns)
    op.create_table(
        "event_mentions", sa.Column("mention_id", sa.String, primary_key=True),
        sa.Column("event_id", sa.String, nullable=False),
    )
    op.create_index("ix_event_mentions_event_id", "event_mentions", ["event_id"])
    op.create_table(
        "verdicts", sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String, nullable=False), sa.Column("agreement", sa.String, nullable=False),
        sa.Column("status", sa.String(16), nullable=False), sa.Column("reason", sa.Text),
        sa.Column("claim", sa.Text),
    )
    op.create_index("ix_verdicts_event_id", "verdicts", ["event_id"])
    op.create_table(
        "users", sa.Column("name", sa.String, primary_key=True), sa.Column("role", sa.String(8), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "audit_log", sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("at", sa.String(32), nullable=False), sa.Column("user", sa.String, nullable=False),
        sa.Column("action", sa.String, nullable=False), sa.Column("target", sa.String),
        sa.Column("payload", sa.Text, nullable=False), sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_audit_target", "audit_log", ["target"])


def downgrade() -> None:
    for table in ("audit_log", "users", "verdicts", "event_mentions", "events", "mentions", "reports"):
        op.drop_table(table)
