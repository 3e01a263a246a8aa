"""Readers: text, HTML, PDF, JSONL batches, ACLED and UCDP GED CSV exports -> Reports and Events.

`read_paths(paths)` yields Report, Event and InputError items; it never raises on bad input.
New formats plug in through the `ceasefire_readers()` hook (see `hookspecs.py`).
"""
from __future__ import annotations

from ceasefire.ingest.hookspecs import Reader, Source, hookimpl, readers
from ceasefire.ingest.paths import DEFAULT_MAX_BYTES, read_paths
from ceasefire.ingest.rows import ImportedEvent

__all__ = ["DEFAULT_MAX_BYTES", "ImportedEvent", "Reader", "Source", "hookimpl", "read_paths", "readers"]
