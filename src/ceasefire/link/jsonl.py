"""Event mentions in and linked events out, one JSON object per line (EVENTS.md output form)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

from ceasefire.errors import InputError
from ceasefire.ingest.events import event_from_row
from ceasefire.link.merge import LinkedEvent
from ceasefire.model import Event


def _rows(path: str | Path) -> Iterator[tuple[int, Any]]:
    """(line number, parsed JSON) for each non-blank line; one InputError for the first bad one."""
    name = str(path)
    try:
        handle = open(path, encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", path=name, code="E164") from None
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"not JSON: {error.msg} at column {error.colno}", path=name, line=number,
                                 code="E160") from None


def read_events(path: str | Path, sources: dict[str, str] | None = None) -> Iterator[Event]:
    """Mentions from an events JSONL file; `sources` fills `source` from a report id when missing."""
    for number, row in _rows(path):
        event = event_from_row(row, str(path), number)
        if sources and not event.source and event.report_id in sources:
            event.source = sources[event.report_id]
        yield event


def read_sources(path: str | Path) -> dict[str, str]:
    """report id -> source from an input documents batch (only `id` and `source` are read)."""
    return {str(row["id"]): str(row["source"]) for _, row in _rows(path)
            if isinstance(row, dict) and row.get("id") is not None and row.get("source")}


def linked_record(linked: LinkedEvent) -> dict[str, Any]:
    """An event record plus how it was linked."""
    record = linked.event.to_dict()
    record["mention_ids"] = linked.mention_ids
    record["independent_sources"] = linked.independent_sources
    record["link_reasons"] = linked.reasons
    return record


def write_linked(linked: Iterable[LinkedEvent], handle: IO[str]) -> int:
    count = 0
    for item in linked:
        handle.write(json.dumps(linked_record(item), ensure_ascii=False) + "\n")
        count += 1
    return count
