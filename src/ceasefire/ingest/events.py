"""Event records as JSONL (one EVENTS.md record per line), read from a file or a pipe.

The later stages (`ceasefire link`, `ceasefire assess`, `ceasefire tally`) read their input
here, so a bad record is reported the same way everywhere: file, line and field.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from ceasefire.errors import InputError
from ceasefire.model import SUB_EVENT_TYPES, Event

E120 = "E120"  # a line that is not an event record
TEXT_FIELDS = ("event_date", "report_id", "source", "location", "admin1", "admin2", "actor1", "actor2")
NUMBER_FIELDS = ("fatalities", "latitude", "longitude", "geo_precision")
LIST_FIELDS = ("verdicts", "claims", "evidence", "report_ids")


def read_events(lines: Iterable[str], name: str = "<stdin>") -> Iterator[Event]:
    """Each non-blank line as an Event; the first bad line raises an InputError naming it."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"not a JSON object: {error.msg} at column {error.colno}",
                             path=name, line=number, code=E120) from None
        yield event_from_row(row, name, number)


def event_from_row(row: Any, name: str, number: int) -> Event:
    def bad(message: str, field: str | None = None) -> InputError:
        return InputError(message, path=name, line=number, field=field, code=E120)

    if not isinstance(row, dict):
        raise bad(f"expected an event object, got {type(row).__name__}")
    sub = row.get("sub_event_type")
    if sub not in SUB_EVENT_TYPES:
        raise bad(f"{sub!r} is not a sub-event type of EVENTS.md", "sub_event_type")
    row.setdefault("event_type", SUB_EVENT_TYPES[sub])
    if row["event_type"] != SUB_EVENT_TYPES[sub]:
        raise bad(f"'{sub}' is not a sub-type of '{row['event_type']}'", "sub_event_type")
    row.setdefault("event_date", None)
    for key in TEXT_FIELDS:
        if row.get(key) is not None and not isinstance(row[key], str):
            raise bad("expected a string", key)
    for key in NUMBER_FIELDS:
        value = row.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
            raise bad("expected a number", key)
    for key in LIST_FIELDS:
        if row.get(key) is None:
            row[key] = []
        elif not isinstance(row[key], list):
            raise bad("expected a list", key)
    try:
        return Event.from_dict(row)
    except (KeyError, TypeError, ValueError) as error:
        raise bad(f"not an event record: {error}") from None
