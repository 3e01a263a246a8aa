"""JSONL batches: one input document of EVENTS.md per line."""
from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

from ceasefire.ingest.errors import E103, E104, E105, E106, E108, input_error
from ceasefire.ingest.hookspecs import Item, Reader, Source, hookimpl
from ceasefire.model import Report


def read_jsonl(source: Source) -> Iterator[Item]:
    with source.open() as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            if len(raw) > source.max_bytes:
                yield input_error(E104, source.name, number, f"line of {len(raw)} bytes > {source.max_bytes}")
                continue
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as error:
                yield input_error(E103, source.name, number, f"byte 0x{raw[error.start]:02x} at column {error.start + 1}")
                continue
            item = _report(source.name, number, line)
            if item is not None:
                yield item


def _report(name: str, number: int, line: str) -> Item | None:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        truncated = " (truncated line?)" if not line.endswith("\n") else ""
        return input_error(E105, name, number, f"{error.msg} at column {error.colno}{truncated}")
    if not isinstance(row, dict):
        return input_error(E105, name, number, f"expected an object, got {type(row).__name__}")
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        return input_error(E106, name, number, "a non-empty string is needed", field="text")
    for key in ("id", "title", "source", "url", "published"):
        if row.get(key) is not None and not isinstance(row[key], (str, int)):
            return input_error(E108, name, number, "expected a string", field=key)
    published = row.get("published")
    if published:
        try:
            published = date.fromisoformat(str(published)[:10])
        except ValueError:
            return input_error(E108, name, number, f"{published!r} is not an ISO date", field="published")
    given = row.get("id")
    fields = dict(published=published or None, title=row.get("title"), source=row.get("source"),
                  url=row.get("url"), path=f"{name}:{number}")
    if given in (None, ""):
        return Report.named_by_content(text, **fields)
    return Report(id=str(given), text=text, **fields)


@hookimpl
def ceasefire_readers() -> list[Reader]:
    return [Reader("jsonl", (".jsonl", ".ndjson"), read_jsonl, whole=False)]
