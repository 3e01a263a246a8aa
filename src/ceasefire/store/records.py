"""Between EVENTS.md records (dicts) and table rows."""
from __future__ import annotations

import hashlib
import marshal
from collections.abc import Iterable, Mapping
from dataclasses import MISSING, fields
from typing import Any, NamedTuple

import orjson
from sqlalchemy import Row

from ceasefire.model import Event, Report

INDEXED = ("event_date", "date_precision", "event_type", "sub_event_type", "actor1", "actor2", "admin1",
           "location", "country", "latitude", "longitude", "fatalities")
DATASET_KEYS = ("source_row", "dataset")  # kept apart from the record (see ingest.rows.ImportedEvent)
_IN_COLUMNS = frozenset(INDEXED)
# Event fields in order, with the value a stored record leaves out (None or an empty list)
_FIELDS = {field.name: None if field.default_factory is MISSING else field.default_factory()
           for field in fields(Event)}


def dumps(value: Any) -> str:
    """Compact JSON, non-ASCII kept as is; dates and other values as str()."""
    return orjson.dumps(value, default=str, option=orjson.OPT_NON_STR_KEYS).decode("utf-8")


loads = orjson.loads


def event_record(event: Event | dict[str, Any]) -> dict[str, Any]:
    """The EVENTS.md record of an Event, without dataset-only keys."""
    record = dict(vars(event)) if isinstance(event, Event) else dict(event)  # vars: fast on the bulk path
    for key in DATASET_KEYS:
        record.pop(key, None)
    return record


def stored_json(record: dict[str, Any]) -> str:
    """The record as the `record` column keeps it: without the fields that have their own column,
    without empty Event fields, and with evidence values that repeat the record's notes or report
    id written as `true` (`record_of` puts all three back)."""
    kept = {key: value for key, value in record.items() if key not in _IN_COLUMNS and not (
        key in _FIELDS and (value is None or value == []))}
    if kept.get("evidence"):
        kept["evidence"] = [_evidence_stored(item, record) for item in kept["evidence"]]
    return dumps(kept)


# evidence keys whose value often repeats a record field: (evidence key, record field)
_REPEATED_IN_EVIDENCE = (("sentence", "notes"), ("report_id", "report_id"))


def _evidence_stored(item: Any, record: dict[str, Any]) -> Any:
    """An evidence item as stored: a sentence that is the notes, or a report id that is the
    record's, becomes `true` (in place, so the keys keep their order)."""
    if not isinstance(item, dict):
        return item
    stored = dict(item)
    for key, same in _REPEATED_IN_EVIDENCE:
        if key in stored and stored[key] is not None and stored[key] == record.get(same):
            stored[key] = True
    return stored


def record_of(row: Any) -> dict[str, Any]:
    """The full record of a mentions or events row (its columns and its `record` JSON), fields in
    Event order, then any others."""
    stored = loads(row.record)
    record = {}
    for name, empty in _FIELDS.items():
        if name in _IN_COLUMNS:
            record[name] = getattr(row, name)
        else:
            value = stored.pop(name, empty)
            record[name] = list(value) if value == [] else value
    record.update(stored)
    if record["evidence"]:
        record["evidence"] = [_evidence_read(item, record) for item in record["evidence"]]
    return record


def _evidence_read(item: Any, record: dict[str, Any]) -> Any:
    if isinstance(item, dict):
        for key, same in _REPEATED_IN_EVIDENCE:
            if item.get(key) is True:
                item[key] = record[same]
    return item


def indexed_values(record: dict[str, Any]) -> dict[str, Any]:
    values = {name: record.get(name) for name in INDEXED}
    values["record"] = stored_json(record)
    return values


def search_text(record: dict[str, Any]) -> str:
    """What the `text` filter searches: evidence sentences, notes and location, lower-cased."""
    parts: list[str] = []
    for part in [item.get("sentence") for item in record.get("evidence") or ()] + [
            record.get("notes"), record.get("location")]:
        if part and part not in parts:
            parts.append(part)
    return "\n".join(parts).lower()


def mention_key(mention_ids: list[str]) -> str:
    """Names a set of mentions; review decisions stay with an event while its set is unchanged."""
    return hashlib.sha1("\n".join(sorted(mention_ids)).encode("utf-8")).hexdigest()


def event_row(event_id: str, record: dict[str, Any], mention_ids: list[str], at: str,
              review_status: str = "unverified", merged_into: str | None = None) -> dict[str, Any]:
    """Values of one events-table row, by column."""
    return dict(zip(EVENT_COLUMNS, event_values(event_id, record, mention_ids, at, review_status, merged_into)))


def event_values(event_id: str, record: dict[str, Any], mention_ids: list[str], at: str,
                 review_status: str = "unverified", merged_into: str | None = None,
                 record_json: str | None = None) -> tuple:
    """Values of one events-table row, in EVENT_COLUMNS order (`record_json`: stored_json(record),
    when already made)."""
    report_ids = record.get("report_ids") or ([record["report_id"]] if record.get("report_id") else [])
    return (event_id, *map(record.get, INDEXED), record_json or stored_json(record), dumps(report_ids),
            search_text(record), review_status, merged_into, mention_key(mention_ids), at)


REPORT_COLUMNS = ("id", "sha256", "text", "title", "source", "url", "published", "ingested_at", "path")
MENTION_COLUMNS = ("id", "report_id", *INDEXED, "record", "source_row", "event_id")
EVENT_COLUMNS = ("id", *INDEXED, "record", "report_ids", "search", "review_status", "merged_into", "mention_key",
                 "updated_at")


class ReportRow(NamedTuple):
    """A report ready to insert: `values` in REPORT_COLUMNS order."""

    id: str
    sha256: str
    path: str | None
    values: tuple


# a new mention's event row repeats the mention's id, indexed columns and record
_SHARED = slice(2, 3 + len(INDEXED))  # in MENTION_COLUMNS: the indexed columns and the record
_EVENT_ONLY = 2 + len(INDEXED)  # in EVENT_COLUMNS: where the columns mentions lack begin


class MentionRow(NamedTuple):
    """A mention and the event it starts as, ready to insert: `mention` in MENTION_COLUMNS order,
    and `linked`, the events-table columns a mention lacks (`event` puts the row together).
    `extracted`: drawn from a report of the same batch, so dropped when that report is a duplicate."""

    id: str
    report_id: str | None
    mention: tuple
    linked: tuple
    extracted: bool

    @property
    def event(self) -> tuple:
        """The events-table row, in EVENT_COLUMNS order."""
        return (self.mention[0], *self.mention[_SHARED], *self.linked)


class Batch(NamedTuple):
    """Reports and mentions turned into table rows, in plain tuples: cheap to pass between processes."""

    reports: list[ReportRow]
    mentions: list[MentionRow]

    def __add__(self, other: "Batch") -> "Batch":  # type: ignore[override]
        return Batch(self.reports + other.reports, self.mentions + other.mentions)

    def to_bytes(self) -> bytes:
        """The rows in marshal's format (they hold nothing but strings, numbers and None): about
        half the cost of pickling them, to send from a reading process (`from_bytes` reads it)."""
        return marshal.dumps(([tuple(row) for row in self.reports], [tuple(row) for row in self.mentions]))

    @classmethod
    def from_bytes(cls, data: bytes) -> "Batch":
        reports, mentions = marshal.loads(data)
        return cls(list(map(ReportRow._make, reports)), list(map(MentionRow._make, mentions)))


def prepare(reports: Iterable[Report], imported: Iterable[Event] = (),
            extracted: Mapping[str, list[Event]] | None = None, at: str = "") -> Batch:
    """Rows for reports, events read from datasets (`imported`) and events extracted from those
    reports (`extracted`: report id -> events)."""
    report_rows = [report_row(report, at) for report in reports]
    mention_rows = [mention_row(event.report_id, event, at) for event in imported]
    for report_id, found in (extracted or {}).items():
        mention_rows += [mention_row(report_id, event, at, extracted=True) for event in found]
    return Batch(report_rows, mention_rows)


def report_row(report: Report, at: str) -> ReportRow:
    sha = report.sha256
    published = report.published.isoformat() if report.published else None
    return ReportRow(report.id, sha, report.path, (report.id, sha, report.text, report.title, report.source,
                                                   report.url, published, at, report.path))


def mention_row(report_id: str | None, event: Event | dict[str, Any], at: str, extracted: bool = False) -> MentionRow:
    record = event_record(event)
    if record.get("report_id") != report_id:
        record = moved_to_report(record, report_id)
    source_row = event.get("source_row") if isinstance(event, dict) else getattr(event, "source_row", None)
    record_json = stored_json(record)
    event_id = record["event_id"]
    mention = (event_id, report_id, *map(record.get, INDEXED), record_json,
               dumps(source_row) if source_row is not None else None, event_id)  # its own event, until linked
    linked = event_values(event_id, record, [event_id], at, record_json=record_json)[_EVENT_ONLY:]
    return MentionRow(event_id, report_id, mention, linked, extracted)


def moved_to_report(record: dict[str, Any], report_id: str | None) -> dict[str, Any]:
    """A record whose report is stored under another id (same text) points at that id."""
    record = dict(record, report_id=report_id, report_ids=[report_id] if report_id else [])
    record["evidence"] = [dict(item, report_id=report_id) for item in record.get("evidence") or []]
    return record


def with_report(row: MentionRow, report_id: str | None) -> MentionRow:
    """The same mention pointed at another report id."""
    columns = dict(zip(MENTION_COLUMNS, row.mention))
    record = record_of(_Columns(columns))
    if columns["source_row"] is not None:
        record["source_row"] = loads(columns["source_row"])
    at = dict(zip(EVENT_COLUMNS, row.event))["updated_at"]
    return mention_row(report_id, record, at, extracted=row.extracted)


class _Columns:
    """Attribute access to column values, as on a table row."""

    def __init__(self, values: dict[str, Any]):
        self.__dict__.update(values)


def event_of(row: Row, verdicts: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """An events-table row as the EVENTS.md record plus review_status and merged_into."""
    record = record_of(row)
    record["event_id"] = row.id
    record["report_ids"] = loads(row.report_ids)
    record["verdicts"] = verdicts or []
    record["review_status"] = row.review_status
    record["merged_into"] = row.merged_into
    return record


def report_of(row: Row, with_text: bool = True) -> dict[str, Any]:
    report = row._asdict()
    if not with_text:
        report.pop("text", None)
    return report


def verdict_of(row: Row) -> dict[str, Any]:
    verdict = {"agreement": row.agreement, "status": row.status, "reason": row.reason}
    if row.claim is not None:
        verdict["claim"] = loads(row.claim)
    if row.party:
        verdict["party"] = row.party
    return verdict
