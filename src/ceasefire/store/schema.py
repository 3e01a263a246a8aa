"""The tables, as SQLAlchemy Core. Migrations under migrations/ create and change them."""
from __future__ import annotations

from sqlalchemy import Boolean, Column, Float, Index, Integer, MetaData, String, Table, Text, false

metadata = MetaData()

reports = Table(
    "reports", metadata,
    Column("id", String, primary_key=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("text", Text, nullable=False),
    Column("title", Text),
    Column("source", String),
    Column("url", Text),
    Column("published", String(10), index=True),  # ISO date
    Column("ingested_at", String(32), nullable=False),
    Column("path", Text),
)


def _event_columns() -> list[Column]:
    """The indexed fields mentions and linked events share; the rest of the record is JSON in `record`
    (`records.record_of` puts the two together)."""
    return [
        Column("event_date", String(10)),
        Column("date_precision", String(8)),
        Column("event_type", String),
        Column("sub_event_type", String),
        Column("actor1", String),
        Column("actor2", String),
        Column("admin1", String),
        Column("location", String),
        Column("country", String),
        Column("latitude", Float),
        Column("longitude", Float),
        Column("fatalities", Integer),
        Column("record", Text, nullable=False),
    ]


mentions = Table(
    "mentions", metadata,
    Column("id", String, primary_key=True),
    Column("report_id", String, index=True),
    *_event_columns(),
    Column("source_row", Text),  # the dataset row as spelled in the export (ACLED, UCDP)
    Column("event_id", String, index=True),  # the linked event this mention is part of
)

events = Table(
    "events", metadata,
    Column("id", String, primary_key=True),
    *_event_columns(),
    Column("report_ids", Text, nullable=False),
    Column("search", Text),  # lower-cased evidence, notes and location, for substring search
    Column("review_status", String(12), nullable=False, server_default="unverified"),
    Column("merged_into", String),
    Column("mention_key", String(40), nullable=False),
    Column("updated_at", String(32), nullable=False),
    # filtered lists are ordered newest first, so each filter column is indexed with the date;
    # merged_into comes last so counts of unmerged events read only the index
    Index("ix_events_date_id", "event_date", "id", "merged_into"),
    Index("ix_events_type_date", "event_type", "event_date", "merged_into"),
    Index("ix_events_sub_type_date", "sub_event_type", "event_date", "merged_into"),
    Index("ix_events_admin1_date", "admin1", "event_date", "merged_into"),
    Index("ix_events_country_date", "country", "event_date", "merged_into"),
    Index("ix_events_review_date", "review_status", "event_date", "merged_into"),
)

verdicts = Table(
    "verdicts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String, nullable=False),
    Column("agreement", String, nullable=False),
    Column("status", String(16), nullable=False),
    Column("reason", Text),
    Column("claim", Text),  # JSON
    Column("party", String),  # the tally's party key (ceasefire.assess.tally.party_key)
    Column("contested", Boolean, nullable=False, server_default=false()),  # >1 verdict for the event
    # copies of the event's columns that tallies count by; a trigger on events keeps them in step
    Column("fatalities", Integer),
    Column("event_date", String(10)),
    Column("admin1", String),
    Column("sub_event_type", String),
    Column("merged_into", String),
    Index("ix_verdicts_agreement_status", "agreement", "status", "event_id"),
    # covering: tallies read what they count of an event's verdicts from the index alone
    Index("ix_verdicts_event_agreement", "event_id", "agreement", "status", "party", "contested", "fatalities"),
    # covering: tallies over a date range read only this index
    Index("ix_verdicts_agreement_date", "agreement", "event_date", "status", "party", "contested", "fatalities",
          "merged_into", "admin1", "sub_event_type", "event_id"),
)

users = Table(
    "users", metadata,
    Column("name", String, primary_key=True),
    Column("role", String(8), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", String(32), nullable=False),
)

audit_log = Table(
    "audit_log", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", String(32), nullable=False),
    Column("user", String, nullable=False),
    Column("action", String, nullable=False),
    Column("target", String),
    Column("payload", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Index("ix_audit_target", "target"),
)

# One row: the last entry of the chain. Writers lock it, so appends are serialised, and a row
# deleted from the tail of audit_log no longer matches it.
audit_head = Table(
    "audit_head", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", Integer, nullable=False),
    Column("hash", String(64), nullable=False),
)
