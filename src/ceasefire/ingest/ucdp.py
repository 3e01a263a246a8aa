"""UCDP GED CSV exports: each row an Event with the best fatality estimate and low/high as a claim."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ceasefire.ingest.hookspecs import Item, Reader, Source, hookimpl
from ceasefire.ingest.rows import ImportedEvent, RowError, header_of, number, optional, read_dataset
from ceasefire.model import Report

SNIFF = {"relid", "type_of_violence", "side_a", "side_b", "date_start", "best"}
# UCDP type_of_violence: 1 state-based, 2 non-state, 3 one-sided violence against civilians
VIOLENCE_TYPES = {
    "1": ("Battles", "Armed clash"),
    "2": ("Battles", "Armed clash"),
    "3": ("Violence against civilians", "Attack"),
}
# UCDP where_prec 1 exact place, 2 within 25 km, 3+ district, region or country
GEO_PRECISION = {"1": 1, "2": 2, "3": 2, "4": 3, "5": 3, "6": 3, "7": 3}


def _date(row: dict[str, str], column: str) -> date | None:
    value = optional(row, column)
    if value is None:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise RowError(column, f"{value!r} is not an ISO date") from None


def _precision(start: date, end: date | None) -> str:
    span = (end - start).days if end else 0
    return "day" if span <= 0 else "week" if span <= 7 else "month"


def row_to_event(row: dict[str, str]) -> tuple[ImportedEvent, Report | None]:
    """One UCDP GED row as an Event; its headline and article citation as a Report."""
    row_id = optional(row, "id")
    if not row_id:
        raise RowError("id", "missing")
    kinds = VIOLENCE_TYPES.get((row.get("type_of_violence") or "").strip())
    if kinds is None:
        raise RowError("type_of_violence", f"{row.get('type_of_violence')!r} is not 1, 2 or 3")
    start = _date(row, "date_start")
    if start is None:
        raise RowError("date_start", "missing")
    event_id = f"ucdp-{row_id}"
    best, low, high = number(row, "best", int), number(row, "low", int), number(row, "high", int)
    text = "\n".join(part for part in (optional(row, "source_headline"), optional(row, "source_article")) if part)
    report = Report(id=event_id, text=text, published=start, source="UCDP GED") if text else None
    evidence = [{"report_id": event_id, "sentence": text, "start": 0, "end": len(text)}] if text else []
    event = ImportedEvent(
        event_id=event_id, event_date=start.isoformat(), date_precision=_precision(start, _date(row, "date_end")),
        event_type=kinds[0], sub_event_type=kinds[1],
        actor1=optional(row, "side_a"), actor2=optional(row, "side_b"),
        location=optional(row, "where_coordinates"), admin1=optional(row, "adm_1"), admin2=optional(row, "adm_2"),
        country=optional(row, "country"), latitude=number(row, "latitude"), longitude=number(row, "longitude"),
        geo_precision=GEO_PRECISION.get((row.get("where_prec") or "").strip()),
        fatalities=best, report_id=event_id if report else None, evidence=evidence, source="UCDP GED",
        claims=[{"report_id": event_id if report else None, "source": "UCDP GED",
                 "fatalities": best, "fatalities_low": low, "fatalities_high": high}],
        notes=optional(row, "source_headline"), dataset="ucdp", source_row=row,
    )
    return event, report


def read_ucdp(source: Source) -> Iterator[Item]:
    return read_dataset(source, row_to_event)


@hookimpl
def ceasefire_readers() -> list[Reader]:
    return [Reader("ucdp-ged-csv", (".csv",), read_ucdp, sniff=lambda head: SNIFF <= set(header_of(head)),
                   whole=False)]
