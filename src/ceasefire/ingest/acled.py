"""ACLED CSV exports: each row an Event (and its notes a Report), and back again."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from functools import lru_cache
from operator import itemgetter
from typing import Any

from ceasefire.ingest.hookspecs import Item, Reader, Source, hookimpl
from ceasefire.ingest.rows import (
    ImportedEvent, RowError, check_types, header_of, parse_number, read_dataset,
)
from ceasefire.model import Report

ACLED_COLUMNS = (
    "data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year", "time_precision",
    "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "timestamp", "iso3",
)
SNIFF = {"event_id_cnty", "event_date", "event_type"}
DATE_FORMATS = ("%Y-%m-%d", "%d-%b-%y", "%d %B %Y", "%d %b %Y", "%d-%b-%Y", "%d-%B-%y", "%d-%B-%Y",
                "%d/%m/%Y", "%B %d, %Y")
PRECISIONS = {"1": "day", "2": "week", "3": "month"}
TIME_PRECISION = {"day": "1", "week": "2", "month": "3", "year": "3"}
ACCESS_TYPE = "Humanitarian access"  # ours; ACLED has no such type
# record field -> ACLED column, for the columns both have
FIELDS = {
    "event_id": "event_id_cnty", "event_type": "event_type", "sub_event_type": "sub_event_type",
    "actor1": "actor1", "assoc_actor_1": "assoc_actor_1", "actor2": "actor2", "assoc_actor_2": "assoc_actor_2",
    "country": "country", "admin1": "admin1", "admin2": "admin2", "location": "location",
    "latitude": "latitude", "longitude": "longitude", "geo_precision": "geo_precision",
    "source": "source", "notes": "notes", "fatalities": "fatalities",
}


def parse_date(value: str | None) -> date | None:
    """ACLED spells dates `9-May-20`, `09 May 2020` or `2020-05-09` depending on the export."""
    value = (value or "").strip()
    return _parse_date(value) if value else None


@lru_cache(maxsize=65536)
def _parse_date(value: str) -> date:
    for form in DATE_FORMATS:
        try:
            return datetime.strptime(value, form).date()
        except ValueError:
            continue
    raise RowError("event_date", f"{value!r} is not a date ACLED writes")


# the columns row_to_event reads, in the order it unpacks them
READ_COLUMNS = (
    "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "notes", "source",
    "latitude", "longitude", "geo_precision", "fatalities",
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "location", "admin1", "admin2", "country",
)
READ_CELLS = itemgetter(*READ_COLUMNS)


def row_to_event(row: dict[str, str]) -> tuple[ImportedEvent, Report | None]:
    """One ACLED row as an Event, and its notes as the Report the evidence points at."""
    try:
        as_read = READ_CELLS(row)
    except KeyError:  # an export that leaves some of these columns out: their cells are empty
        as_read = tuple(row.get(column, "") for column in READ_COLUMNS)
    stripped = tuple(map(str.strip, as_read))
    (event_id, event_date, time_precision, event_type, sub_event_type, notes, source,
     latitude_cell, longitude_cell, geo_precision_cell, fatalities_cell,
     actor1, assoc_actor_1, actor2, assoc_actor_2, location, admin1, admin2, country) = stripped
    if not event_id:
        raise RowError("event_id_cnty", "missing")
    if not event_date:
        raise RowError("event_date", "missing")
    day = _parse_date(event_date)
    precision = PRECISIONS.get(time_precision or "1")
    if precision is None:
        raise RowError("time_precision", f"{row['time_precision']!r} is not 1, 2 or 3")
    event_type, sub_event_type = event_type or None, sub_event_type or None
    check_types(event_type, sub_event_type)
    notes = notes or None
    report = None
    evidence = []
    if notes:
        report = Report(event_id, notes, day, source=source or None)
        evidence = [{"report_id": event_id, "sentence": notes, "start": 0, "end": len(notes)}]
    latitude, longitude = parse_number("latitude", latitude_cell), parse_number("longitude", longitude_cell)
    geo_precision = parse_number("geo_precision", geo_precision_cell, int)
    fatalities = parse_number("fatalities", fatalities_cell, int)
    event = ImportedEvent(
        event_id=event_id, event_date=day.isoformat(), date_precision=precision,
        event_type=event_type, sub_event_type=sub_event_type,
        latitude=latitude, longitude=longitude, geo_precision=geo_precision, fatalities=fatalities,
        report_id=event_id if report else None, evidence=evidence, notes=notes, dataset="acled",
        actor1=actor1 or None, actor2=actor2 or None, assoc_actor_1=assoc_actor_1 or None,
        assoc_actor_2=assoc_actor_2 or None, location=location or None, admin1=admin1 or None,
        admin2=admin2 or None, country=country or None, source=source or None,
    )
    # an export writes a text cell back stripped and a number as str(number): only the cells
    # that may not read back the same way need comparing
    if as_read != stripped:
        suspects = COLUMN_FIELDS
    elif (latitude_cell, longitude_cell, geo_precision_cell, fatalities_cell) != (
            str(latitude), str(longitude), str(geo_precision), str(fatalities)):
        suspects = NUMBER_FIELDS
    else:
        suspects = {}
    event.source_row = _unmodelled(row, event, suspects)
    return event, report


COLUMN_FIELDS = {column: name for name, column in FIELDS.items()}
NUMBER_FIELDS = {"latitude": "latitude", "longitude": "longitude", "geo_precision": "geo_precision",
                 "fatalities": "fatalities"}


def _unmodelled(row: dict[str, str], event: ImportedEvent, suspects: dict[str, str]) -> dict[str, str]:
    """The cells an export would not write the same way from the event (ids, ACLED codes,
    the date's spelling, number formats); the rest is rebuilt from the record.

    Of the record's own columns, only `suspects` (column -> field) are compared."""
    kept = dict(row)
    for column in COLUMN_FIELDS:
        kept.pop(column, None)
    if not all(kept.values()):
        kept = {column: cell for column, cell in kept.items() if cell}
    for column, name in suspects.items():
        cell, value = row.get(column, ""), getattr(event, name)
        if cell != ("" if value is None else value if type(value) is str else str(value)):
            kept[column] = cell
    if kept.get("year") == event.event_date[:4]:
        del kept["year"]
    if kept.get("time_precision") == TIME_PRECISION[event.date_precision]:
        del kept["time_precision"]
    return kept


def read_acled(source: Source) -> Iterator[Item]:
    return read_dataset(source, row_to_event)


def _same(column: str, original: str, value: Any) -> bool:
    """Whether the original cell already says `value` (so its spelling is kept)."""
    if value is None:
        return not original.strip()
    try:
        if column == "event_date":
            return parse_date(original) == date.fromisoformat(value)
        if isinstance(value, (int, float)):
            return float(original) == float(value)
    except (RowError, ValueError):
        return False
    return original == str(value)


def to_acled_row(record: dict[str, Any], original: dict[str, str] | None = None) -> dict[str, str]:
    """An EVENTS.md record in ACLED's columns; cells unchanged since import keep their spelling."""
    original = original or {}
    values: dict[str, Any] = {column: record.get(name) for name, column in FIELDS.items()}
    values["event_date"] = record.get("event_date")
    values["time_precision"] = TIME_PRECISION.get(record.get("date_precision") or "day", "1")
    values["year"] = record["event_date"][:4] if record.get("event_date") else None
    if record.get("event_type") == ACCESS_TYPE:
        values["event_type"], values["sub_event_type"] = "Strategic developments", "Other"
        note = f"[{ACCESS_TYPE}: {record.get('sub_event_type')}]"
        values["notes"] = f"{note} {record.get('notes') or ''}".strip()
    out = {}
    for column in ACLED_COLUMNS:
        if column not in values:
            out[column] = original.get(column, "")
            continue
        value, cell = values[column], original.get(column)
        if cell is not None and _same(column, cell, value):
            out[column] = cell
        elif column == "event_date" and value:
            out[column] = value
        else:
            out[column] = "" if value is None else str(value)
    return out


@hookimpl
def ceasefire_readers() -> list[Reader]:
    return [Reader("acled-csv", (".csv",), read_acled, sniff=lambda head: SNIFF <= set(header_of(head)),
                   whole=False)]
