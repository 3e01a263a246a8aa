"""Between EVENTS.md records (dicts) and table rows."""
from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import Row

from ceasefire.model import Event

INDEXED = ("event_date", "date_precision", "event_type", "sub_event_type", "actor1", "actor2", "admin1",
           "location", "country", "latitude", "longitude", "fatalities")
DATASET_KEYS = ("source_row", "dataset")  # kept apart from the record (see ingest.rows.ImportedEvent)


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str)


def dumps(value: Any) -> str:
    return _ENCODER.encode(value)


def event_record(event: Event | dict[str, Any]) -> dict[str, Any]:
    """The EVENTS.md record of an Event, without dataset-only keys."""
    record = dict(vars(event)) if isinstance(event, Event) else dict(event)  # vars: fast on the bulk path
    for key in DATASET_KEYS:
        record.pop(key, None)
    return record


def indexed_values(record: dict[str, Any], record_json: str | None = None) -> dict[str, Any]:
    values = {name: record.get(name) for name in INDEXED}
    values["record"] = record_json if record_json is not None else dumps(record)
    return values


def search_text(record: dict[str, Any]) -> str:
    """What the `text` filter searches: evidence sentences, notes and location, lower-cased."""
    parts = [item.get("sentence") or "" for item in record.get("evidence") or []]
    parts += [record.get("notes") or "", record.get("location") or ""]
    return "\n".join(dict.fromkeys(part for part in parts if part)).lower()


def mention_key(mention_ids: list[str]) -> str:
    """Names a set of mentions; review decisions stay with an event while its set is unchanged."""
    return hashlib.sha1("\n".join(sorted(mention_ids)).encode("utf-8")).hexdigest()


def event_row(event_id: str, record: dict[str, Any], mention_ids: list[str], at: str,
              review_status: str = "unverified", merged_into: str | None = None,
              record_json: str | None = None) -> dict[str, Any]:
    """Values of one events-table row."""
    report_ids = record.get("report_ids") or ([record["report_id"]] if record.get("report_id") else [])
    return {
        "id": event_id, **indexed_values(record, record_json), "report_ids": dumps(report_ids),
        "search": search_text(record), "review_status": review_status, "merged_into": merged_into,
        "mention_key": mention_key(mention_ids), "updated_at": at,
    }


def event_of(row: Row, verdicts: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """An events-table row as the EVENTS.md record plus review_status and merged_into."""
    record = json.loads(row.record)
    record["event_id"] = row.id
    record["report_ids"] = json.loads(row.report_ids)
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
        verdict["claim"] = json.loads(row.claim)
    return verdict
