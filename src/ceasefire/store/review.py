"""Analysts' decisions on linked events: verify, reject, merge, split, correct.

Each runs inside the caller's write transaction and appends its audit entries there.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection, select, update

from ceasefire.errors import StoreError, ValidationError
from ceasefire.model import DATE_PRECISIONS, EVENT_TYPES
from ceasefire.store import audit
from ceasefire.store.records import dumps, event_row, indexed_values, mention_key, record_of, search_text
from ceasefire.store.schema import events, mentions

ACTIONS = ("verify", "reject", "merge", "split", "correct")
STATUS = {"verify": "verified", "reject": "rejected"}
TEXT_FIELDS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "location", "admin1", "admin2",
               "country", "notes", "source")
E305 = "E305"  # unknown event
E306 = "E306"  # review action not possible


def check(action: str, reason: str | None) -> str:
    if action not in ACTIONS:
        raise ValidationError(f"review action {action!r} is not one of {', '.join(ACTIONS)}", field="action")
    if not (reason or "").strip():
        raise ValidationError("a review needs a reason", field="reason")
    return action


def apply(connection: Connection, event_id: str, action: str, user: str, reason: str,
          fields: dict[str, Any]) -> str:
    """Carry out one review action; returns the id of the event to show afterwards."""
    row = _event(connection, event_id)
    if row.merged_into and action != "split":
        raise StoreError(f"event {event_id} was merged into {row.merged_into}; review that one", code=E306)
    if action in STATUS:
        connection.execute(update(events).where(events.c.id == event_id)
                           .values(review_status=STATUS[action], updated_at=audit.now()))
        audit.append(connection, user, f"review.{action}", event_id,
                     {"reason": reason, "before": row.review_status, "after": STATUS[action]})
        return event_id
    if action == "correct":
        return _correct(connection, row, user, reason, fields)
    if action == "merge":
        return _merge(connection, row, user, reason, fields.get("into"))
    return _split(connection, row, user, reason, fields.get("mentions"))


def _event(connection: Connection, event_id: str):
    row = connection.execute(select(events).where(events.c.id == event_id)).first()
    if row is None:
        raise StoreError(f"no event {event_id!r}", code=E305)
    return row


def clean_corrections(fields: dict[str, Any], record: dict[str, Any]) -> dict[str, Any]:
    """Field changes checked against EVENTS.md: types and sub-types, ISO dates, numbers."""
    if not fields:
        raise ValidationError("correct needs at least one field=value", field="fields")
    changes: dict[str, Any] = {}
    for name, value in fields.items():
        value = None if value == "" else value
        if name == "event_date":
            try:
                value = date.fromisoformat(str(value)).isoformat()
            except ValueError:
                raise ValidationError(f"{value!r} is not an ISO date", field=name) from None
        elif name == "date_precision":
            if value not in DATE_PRECISIONS:
                raise ValidationError(f"must be one of {', '.join(DATE_PRECISIONS)}", field=name)
        elif name in ("event_type", "sub_event_type"):
            pass  # checked together below
        elif name in ("fatalities", "geo_precision"):
            value = _number(name, value, int)
            if value is not None and (value < 0 or (name == "geo_precision" and value not in (1, 2, 3))):
                raise ValidationError(f"{value} is out of range", field=name)
        elif name in ("latitude", "longitude"):
            value = _number(name, value, float)
            limit = 90 if name == "latitude" else 180
            if value is not None and not -limit <= value <= limit:
                raise ValidationError(f"{value} is out of range", field=name)
        elif name in TEXT_FIELDS:
            value = None if value is None else str(value).strip() or None
        else:
            raise ValidationError(f"{name!r} cannot be corrected", field=name)
        changes[name] = value
    event_type = changes.get("event_type", record.get("event_type"))
    sub_event_type = changes.get("sub_event_type", record.get("sub_event_type"))
    if event_type not in EVENT_TYPES:
        raise ValidationError(f"unknown event type {event_type!r}", field="event_type")
    if sub_event_type not in EVENT_TYPES[event_type]:
        raise ValidationError(f"{sub_event_type!r} is not a sub-type of {event_type!r}", field="sub_event_type")
    return changes


def _number(name: str, value: Any, kind: type) -> Any:
    if value is None:
        return None
    try:
        return kind(value)
    except (TypeError, ValueError):
        raise ValidationError(f"{value!r} is not a number", field=name) from None


def _store_record(connection: Connection, event_id: str, record: dict[str, Any], **extra: Any) -> None:
    connection.execute(update(events).where(events.c.id == event_id).values(
        **indexed_values(record), search=search_text(record), updated_at=audit.now(), **extra))


def _correct(connection: Connection, row, user: str, reason: str, fields: dict[str, Any]) -> str:
    record = record_of(row)
    changes = clean_corrections(fields, record)
    before = {name: record.get(name) for name in changes}
    record.update(changes)
    _store_record(connection, row.id, record)
    audit.append(connection, user, "review.correct", row.id, {"reason": reason, "before": before, "after": changes})
    return row.id


def _mention_ids(connection: Connection, event_id: str) -> list[str]:
    return sorted(connection.execute(
        select(mentions.c.id).where(mentions.c.event_id == event_id)).scalars())


def _merged_record(into: dict[str, Any], other: dict[str, Any]) -> dict[str, Any]:
    """`into` keeps its fields; reports, evidence and claims of `other` are added."""
    record = dict(into)
    record["report_ids"] = sorted(set(into.get("report_ids") or []) | set(other.get("report_ids") or []))
    for key in ("evidence", "claims"):
        seen = {dumps(item) for item in into.get(key) or []}
        record[key] = list(into.get(key) or []) + [i for i in other.get(key) or [] if dumps(i) not in seen]
    return record


def _merge(connection: Connection, row, user: str, reason: str, into: str | None) -> str:
    if not into or into == row.id:
        raise ValidationError("merge needs another event id to merge into", field="into")
    target = _event(connection, into)
    if target.merged_into:
        raise StoreError(f"event {into} was itself merged into {target.merged_into}", code=E306)
    connection.execute(update(mentions).where(mentions.c.event_id == row.id).values(event_id=into))
    record = _merged_record(record_of(target), record_of(row))
    ids = _mention_ids(connection, into)
    _store_record(connection, into, record, report_ids=dumps(record["report_ids"]), mention_key=mention_key(ids))
    connection.execute(update(events).where(events.c.id == row.id).values(merged_into=into, updated_at=audit.now()))
    audit.append(connection, user, "review.merge", row.id, {"reason": reason, "into": into})
    audit.append(connection, user, "review.absorb", into, {"reason": reason, "from": row.id, "mentions": ids})
    return into


def _split(connection: Connection, row, user: str, reason: str, moving: list[str] | None) -> str:
    current = _mention_ids(connection, row.id)
    moving = sorted(set(moving or []))
    if not moving:
        raise ValidationError("split needs the mention ids to move out", field="mentions")
    unknown = [m for m in moving if m not in current]
    if unknown:
        raise ValidationError(f"mentions {', '.join(unknown)} are not part of event {row.id}", field="mentions")
    remaining = [m for m in current if m not in moving]
    if not remaining:
        raise ValidationError("a split must leave at least one mention in the event", field="mentions")
    at, created = audit.now(), []
    for mention_id in moving:
        record = record_of(connection.execute(select(mentions).where(mentions.c.id == mention_id)).one())
        taken = connection.execute(select(events.c.merged_into).where(events.c.id == mention_id)).first()
        if taken is not None and taken.merged_into == row.id:  # the event merged in earlier comes back
            connection.execute(events.delete().where(events.c.id == mention_id))
            taken = None
        new_id = mention_id if taken is None else "ev-" + mention_key([mention_id])[:16]
        record["event_id"] = new_id
        connection.execute(events.insert().values(event_row(new_id, record, [mention_id], at)))
        connection.execute(update(mentions).where(mentions.c.id == mention_id).values(event_id=new_id))
        created.append(new_id)
        audit.append(connection, user, "review.split_out", new_id, {"reason": reason, "from": row.id})
    kept_reports = sorted(set(connection.execute(select(mentions.c.report_id).where(
        mentions.c.id.in_(remaining), mentions.c.report_id.is_not(None))).scalars()))
    record = record_of(row)
    record["report_ids"] = kept_reports
    record["evidence"] = [e for e in record.get("evidence") or [] if e.get("report_id") in kept_reports]
    record["claims"] = [c for c in record.get("claims") or [] if c.get("report_id") in kept_reports + [None]]
    _store_record(connection, row.id, record, report_ids=dumps(kept_reports), mention_key=mention_key(remaining))
    audit.append(connection, user, "review.split", row.id, {"reason": reason, "mentions": moving, "new_events": created})
    return row.id
