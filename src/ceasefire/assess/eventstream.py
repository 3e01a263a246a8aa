"""Events as JSONL (one EVENTS.md record per line), read from a file or a pipe."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO

from ceasefire.errors import InputError
from ceasefire.model import SUB_EVENT_TYPES, Event


def read_events(lines: Iterable[str], name: str = "<stdin>") -> Iterator[Event]:
    """Each line as an Event; a bad line raises one InputError naming the file, line and field."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"not a JSON object: {error.msg} at column {error.colno}",
                             path=name, line=number, code="E120") from None
        if not isinstance(row, dict):
            raise InputError(f"expected an event object, got {type(row).__name__}", path=name, line=number,
                             code="E120")
        sub = row.get("sub_event_type")
        if sub not in SUB_EVENT_TYPES:
            raise InputError(f"{sub!r} is not a sub-event type of EVENTS.md", path=name, line=number,
                             field="sub_event_type", code="E120")
        row.setdefault("event_type", SUB_EVENT_TYPES[sub])
        row.setdefault("event_date", None)
        for key in ("verdicts", "claims", "evidence"):
            if row.get(key) is None:
                row[key] = []
            elif not isinstance(row[key], list):
                raise InputError("expected a list", path=name, line=number, field=key, code="E120")
        try:
            event = Event.from_dict(row)
        except (KeyError, TypeError, ValueError) as error:
            raise InputError(f"not an event record: {error}", path=name, line=number, code="E120") from None
        yield event


def write_events(events: Iterable[Event], out: IO[str]) -> int:
    count = 0
    for event in events:
        out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count
