"""The store: the only place with SQL (SQLite or PostgreSQL, Alembic migrations).

`Store.open(url)` gives reports, mentions, linked events, verdicts, review, users and the
hash-chained audit log; `ingest(paths, store)` reads and stores files in resumable batches;
`export(store, filters, format, out)` writes ACLED CSV, JSONL, GeoJSON or Parquet.
"""
from __future__ import annotations

from ceasefire.store.audit import AuditReport
from ceasefire.store.export import FORMATS, export
from ceasefire.store.filters import EventFilter
from ceasefire.store.ingest import IngestSummary, ingest
from ceasefire.store.store import IngestResult, Store
from ceasefire.store.users import ROLES, User

__all__ = ["AuditReport", "EventFilter", "FORMATS", "IngestResult", "IngestSummary", "ROLES", "Store", "User",
           "export", "ingest"]
