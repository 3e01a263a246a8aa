"""Verdicts carry what tallies count: the perpetrator's party, whether the event is contested,
and copies of the event's columns that tallies count by.

`party` is the tally's party key (see ceasefire.assess.tally); for verdicts already stored it
is worked out after the upgrade, by `store.database.migrate` (it needs the agreements and actor
registries, which a migration must not import); `contested` is true when the event has more
than one verdict under the same agreement; `fatalities`, `event_date`, `admin1`,
`sub_event_type` and `merged_into` are the event's, kept in step by a trigger on events. The
event_id index becomes (event_id, agreement, status, party, contested, fatalities), so a tally
joined to events reads verdicts from the index alone, and a tally over a date range reads only
(agreement, event_date, ...).

Revision ID: 0005
Revises: 0004
"""
from __future__ import annotations

from collections import Counter

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

COPIED = {"fatalities": sa.Integer, "event_date": sa.String(10), "admin1": sa.String, "sub_event_type": sa.String,
          "merged_into": sa.String}
BY_EVENT = ["event_id", "agreement", "status", "party", "contested", "fatalities"]
BY_DATE = ["agreement", "event_date", "status", "party", "contested", "fatalities", "merged_into", "admin1",
           "sub_event_type", "event_id"]
TRIGGER = "events_to_verdicts"


def upgrade() -> None:
    op.add_column("verdicts", sa.Column("party", sa.String))
    op.add_column("verdicts", sa.Column("contested", sa.Boolean, nullable=False, server_default=sa.false()))
    for name, kind in COPIED.items():
        op.add_column("verdicts", sa.Column(name, kind))
    op.execute("DELETE FROM verdicts WHERE event_id NOT IN (SELECT id FROM events)")  # as relink does
    _mark_contested(op.get_bind())
    op.execute(f"UPDATE verdicts SET {', '.join(f'{name} = events.{name}' for name in COPIED)} "
               "FROM events WHERE events.id = verdicts.event_id")
    op.drop_index("ix_verdicts_event_id", "verdicts")
    op.create_index("ix_verdicts_event_agreement", "verdicts", BY_EVENT)
    op.create_index("ix_verdicts_agreement_date", "verdicts", BY_DATE)
    copy = (f"UPDATE verdicts SET {', '.join(f'{name} = NEW.{name}' for name in COPIED)} "
            "WHERE event_id = NEW.id")
    columns = ", ".join(COPIED)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE FUNCTION {TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS "
                   f"$$ BEGIN {copy}; RETURN NULL; END $$")
        op.execute(f"CREATE TRIGGER {TRIGGER} AFTER UPDATE OF {columns} ON events FOR EACH ROW "
                   f"EXECUTE FUNCTION {TRIGGER}()")
    else:
        op.execute(f"CREATE TRIGGER {TRIGGER} AFTER UPDATE OF {columns} ON events FOR EACH ROW BEGIN {copy}; END")


def _mark_contested(connection: sa.Connection) -> None:
    """contested = the event has more than one verdict under the same agreement."""
    rows = connection.execute(sa.text(
        "SELECT id, event_id, agreement FROM verdicts WHERE event_id IN "
        "(SELECT event_id FROM verdicts GROUP BY event_id, agreement HAVING count(*) > 1)")).all()
    counts = Counter((row.event_id, row.agreement) for row in rows)
    ids = [{"id": row.id} for row in rows if counts[row.event_id, row.agreement] > 1]
    if ids:
        connection.execute(sa.text("UPDATE verdicts SET contested = TRUE WHERE id = :id"), ids)


def downgrade() -> None:
    op.execute(f"DROP TRIGGER {TRIGGER} ON events" if op.get_bind().dialect.name == "postgresql"
               else f"DROP TRIGGER {TRIGGER}")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP FUNCTION {TRIGGER}()")
    op.drop_index("ix_verdicts_agreement_date", "verdicts")
    op.drop_index("ix_verdicts_event_agreement", "verdicts")
    op.create_index("ix_verdicts_event_id", "verdicts", ["event_id"])
    with op.batch_alter_table("verdicts") as batch:
        for name in [*COPIED, "contested", "party"]:
            batch.drop_column(name)
