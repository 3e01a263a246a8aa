"""CSV rows streamed from a dataset export, with their line numbers and per-row errors."""
from __future__ import annotations

import csv
import io
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ceasefire.errors import InputError
from ceasefire.ingest.errors import E101, E103, E104, E107, E108, input_error
from ceasefire.ingest.hookspecs import Source
from ceasefire.model import EVENT_TYPES, Event, Report

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass
class ImportedEvent(Event):
    """An event read from a dataset export, with the row as the dataset spelled it."""

    dataset: str | None = None
    source_row: dict[str, str] | None = field(default=None, repr=False)


def header_of(head: bytes) -> list[str]:
    """The column names of a CSV file's first line, lower-cased."""
    first = head.split(b"\n", 1)[0].decode("utf-8-sig", errors="replace").strip("\r")
    return [name.strip().lower() for name in next(csv.reader([first]), [])]


def csv_rows(source: Source) -> Iterator[tuple[int, dict[str, str]] | InputError]:
    """(line, row) per data row; a broken row gives an InputError and reading goes on."""
    handle = io.TextIOWrapper(source.open(), encoding="utf-8-sig", errors="surrogateescape", newline="")
    with handle:
        reader = csv.reader(handle, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            yield input_error(E101, source.name, None, "no header")
            return
        except csv.Error as error:
            yield input_error(E107, source.name, 1, f"header: {error}")
            return
        # interned, so a reader's lookups by column name match the key itself
        names = [sys.intern(name.strip()) for name in header]
        empty_row = dict.fromkeys(names, "")
        width, limit = len(names), source.max_bytes
        start = reader.line_num + 1  # where the next row begins
        try:
            for values in reader:
                line, start = start, reader.line_num + 1
                if not values or values == [""]:
                    continue
                if len(values) != width:
                    yield input_error(E107, source.name, line, f"{len(values)} fields where the header has {width}")
                    continue
                row = empty_row.copy()  # the header's keys already in place, so no resizing as they are added
                row.update(zip(names, values))
                text = "".join(values)
                if len(text) > limit:
                    yield input_error(E104, source.name, line, f"row is over {limit} bytes")
                    continue
                # a bad byte reads as a lone surrogate, never ASCII; isascii() is a flag check
                if not text.isascii() and _undecodable(text):
                    bad = next(key for key, value in row.items() if _undecodable(value))
                    yield input_error(E103, source.name, line, "bad byte in this row", field=bad)
                    continue
                yield line, row
        except csv.Error as error:
            yield input_error(E107, source.name, start, f"{error} (truncated file?)")


def _undecodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


class RowError(ValueError):
    """A value of one row that does not parse; carries the column name."""

    def __init__(self, column: str, detail: str):
        super().__init__(detail)
        self.column = column


def row_error(source: Source, line: int, error: RowError) -> InputError:
    return input_error(E108, source.name, line, str(error), field=error.column)


def read_dataset(source: Source, row_to_event: Callable[[dict[str, str]], tuple[Event, Report | None]]
                 ) -> Iterator[Event | Report | InputError]:
    """Each row through `row_to_event`: its Report (if any) first, then its Event."""
    for item in csv_rows(source):
        if not isinstance(item, tuple):
            yield item
            continue
        line, row = item
        try:
            event, report = row_to_event(row)
        except RowError as error:
            yield row_error(source, line, error)
            continue
        if report is not None:
            report.path = f"{source.name}:{line}"
            yield report
        yield event


def optional(row: dict[str, str], column: str) -> str | None:
    value = (row.get(column) or "").strip()
    return value or None


def number(row: dict[str, str], column: str, kind: type = float) -> float | int | None:
    return parse_number(column, optional(row, column), kind)


def parse_number(column: str, value: str | None, kind: type = float) -> float | int | None:
    """A stripped cell as a number (None when empty); `column` names it in the error."""
    if not value:
        return None
    try:
        return kind(float(value)) if kind is int else kind(value)
    except (ValueError, OverflowError):  # OverflowError: "inf" as a count
        raise RowError(column, f"{value!r} is not a number") from None


def check_types(event_type: str | None, sub_event_type: str | None) -> None:
    if event_type not in EVENT_TYPES:
        raise RowError("event_type", f"unknown event type {event_type!r}")
    if sub_event_type not in EVENT_TYPES[event_type]:
        raise RowError("sub_event_type", f"{sub_event_type!r} is not a sub-type of {event_type!r}")
