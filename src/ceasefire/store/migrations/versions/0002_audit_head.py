"""Audit head: the last entry of the chain in one locked row; verdicts indexed by agreement and status.

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

GENESIS = "0" * 64


def upgrade() -> None:
    head = op.create_table(
        "audit_head", sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.Integer, nullable=False), sa.Column("hash", sa.String(64), nullable=False),
    )
    last = op.get_bind().execute(sa.text("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")).first()
    op.bulk_insert(head, [{"id": 1, "seq": last[0] if last else 0, "hash": last[1] if last else GENESIS}])
    op.create_index("ix_verdicts_agreement_status", "verdicts", ["agreement", "status", "event_id"])


def downgrade() -> None:
    op.drop_index("ix_verdicts_agreement_status", "verdicts")
    op.drop_table("audit_head")
