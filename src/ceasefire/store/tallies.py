"""Tallies counted in SQL: the rows of `ceasefire.assess.tally.tally()` from stored verdicts.

Each verdict row carries what a tally counts: `party` (the tally's party key), `contested`
(the event has more than one verdict under that agreement) and copies of the event's
fatalities, date, governorate, sub-event type and merged_into, kept in step by a trigger on
events. A tally over a date range (and at most the governorate and sub-event type) is then one
GROUP BY over the verdicts' (agreement, event_date, ...) index; any other filter groups the
matching events joined to their verdicts, reading indexes only. The counting rules are the
Python tally's (see its docstring); the Python version stays for JSONL streams.

Events matching the filter that have no verdict under the agreement yet are assessed here, on
the fly, like the Python tally does; verdicts stored before their party was recorded (none
should be left after migration 0005) make the tally fall back to the Python one.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, and_, case, func, select, text

from ceasefire.assess.agreements import Agreement, load_agreement
from ceasefire.assess.tally import (
    COLUMNS, KEYS, STATUS_COLUMN, UNKNOWN, PartyOf, Tally, party_key, tally, week_of,
)
from ceasefire.model import Event
from ceasefire.store.database import chunks
from ceasefire.store.filters import EventFilter
from ceasefire.store.records import event_of, loads, verdict_of
from ceasefire.store.schema import events, verdicts

COPIED = ("fatalities", "event_date", "admin1", "sub_event_type", "merged_into")  # event columns verdicts copy
BY_DATE = {"date_from", "date_to", "admin1", "sub_event_type", "include_merged"}  # what copies can filter on


def fill_from_events(connection: Connection, agreement_id: str, rows: list[dict[str, Any]],
                     party_of: PartyOf | None = None) -> None:
    """Complete verdict rows (dicts with event_id, claim as JSON or None, party) from their stored
    events: the COPIED columns, the event's; `party`, when missing, the tally's party key for
    the perpetrator (the claim's actor1, or the event's). Rows of events not stored are removed."""
    found: dict[str, Any] = {}
    columns = [events.c[name] for name in COPIED]
    for chunk in chunks(sorted({row["event_id"] for row in rows})):
        query = select(events.c.id, events.c.actor1, *columns).where(events.c.id.in_(chunk))
        found.update((stored.id, stored) for stored in connection.execute(query))
    rows[:] = [row for row in rows if row["event_id"] in found]  # as relink drops those of events gone
    for row in rows:
        stored = found.get(row["event_id"])
        for name in COPIED:
            row[name] = getattr(stored, name) if stored is not None else None
        if not row.get("party"):
            party_of = party_of or PartyOf.for_agreement(agreement_id)
            claim = loads(row["claim"]) if row.get("claim") else None
            row["party"] = party_key({"claim": claim}, stored.actor1 if stored is not None else None, party_of)


def fill_stored_parties(connection: Connection, batch: int = 20_000) -> int:
    """Work out `party` for stored verdicts that lack it (verdicts stored before it was kept);
    returns how many were filled."""
    parties: dict[str, PartyOf] = {}
    filled, last = 0, None
    while True:
        query = "SELECT id, agreement, event_id, claim FROM verdicts WHERE party IS NULL"
        query += " ORDER BY id LIMIT :batch" if last is None else " AND id > :last ORDER BY id LIMIT :batch"
        rows = [dict(row._mapping) for row in connection.execute(text(query), {"last": last, "batch": batch})]
        if not rows:
            return filled
        by_agreement: dict[str, list[dict[str, Any]]] = {}
        for row in rows:
            by_agreement.setdefault(row["agreement"], []).append(row)
        for agreement_id, group in by_agreement.items():
            if agreement_id not in parties:
                parties[agreement_id] = PartyOf.for_agreement(agreement_id)
            fill_from_events(connection, agreement_id, group, parties[agreement_id])
        connection.execute(text("UPDATE verdicts SET party = :party WHERE id = :id"),
                           [{"party": row["party"], "id": row["id"]} for row in rows])
        filled += len(rows)
        last = rows[-1]["id"]


def _row_key(value: Any, by: str) -> str:
    if by == "week":
        return week_of(value)
    return value or UNKNOWN


def count(connection: Connection, agreement: Agreement | str, by: str = "party",
          filters: EventFilter | None = None) -> Tally:
    """The tally of the events matching `filters` under `agreement`, as `tally()` would count it."""
    if by not in KEYS:
        raise ValueError(f"by must be one of {', '.join(KEYS)}")
    agreement = load_agreement(agreement) if isinstance(agreement, str) else agreement
    filters = filters or EventFilter()
    filters.validate()
    if _by_date(filters):
        counted = _count(connection, agreement.id, by, filters, joined=False)
        if counted is not None:
            rows, totals, _ = counted
            stored = connection.execute(select(func.count()).select_from(events).where(*filters.clauses()))
            unassessed = stored.scalar_one() - totals["events"]
            if unassessed >= 0:  # else copies out of step with their events: count them joined
                return _finish(connection, agreement, by, filters, rows, totals, unassessed)
    counted = _count(connection, agreement.id, by, filters, joined=True)
    if counted is None:  # verdicts stored before they carried their party
        return tally(_matching(connection, filters), agreement, by=by)
    return _finish(connection, agreement, by, filters, *counted)


def _by_date(filters: EventFilter) -> bool:
    """Whether the verdicts' own copies can select the events: no filter but the date range, the
    governorate, the sub-event type and merged events."""
    return {name for name, value in vars(filters).items() if value not in (None, False)} <= BY_DATE


def _count(connection: Connection, agreement_id: str, by: str, filters: EventFilter,
           joined: bool) -> tuple[dict, dict, int] | None:
    """(rows, totals, matching events without a verdict) from one GROUP BY; None when a verdict
    lacks its party. `joined`: over the matching events joined to their verdicts; else over the
    verdicts' copies alone, which cannot see events without a verdict (0 is given)."""
    e, v = events.c, verdicts.c
    if joined:
        key = {"party": v.party, "admin1": e.admin1, "week": e.event_date, "type": e.sub_event_type}[by]
        contested_event = case((v.contested, e.id), else_=None)
        source = events.outerjoin(verdicts, and_(v.event_id == e.id, v.agreement == agreement_id))
        where = filters.clauses()
    else:
        key = {"party": v.party, "admin1": v.admin1, "week": v.event_date, "type": v.sub_event_type}[by]
        contested_event = case((v.contested, v.event_id), else_=None)
        source = verdicts
        where = [v.agreement == agreement_id, *_copy_clauses(filters)]
    violation_fatalities = func.sum(case((v.status == "violation", v.fatalities), else_=0))
    query = (select(key, v.status, contested_event, func.count(), violation_fatalities)
             .select_from(source).where(*where).group_by(key, v.status, contested_event))
    rows: dict[str, dict[str, Any]] = {}
    totals = dict.fromkeys(COLUMNS, 0)
    contested: dict[str, set[str]] = {}
    unassessed = 0
    for value, status, event_id, n, fatalities in connection.execute(query):
        if status is None:  # no verdict under this agreement yet
            unassessed += n
            continue
        if by == "party" and not value:
            return None
        name = _row_key(value, by)
        if event_id is not None:
            contested.setdefault(event_id, set()).add(name)
            continue
        column = STATUS_COLUMN.get(status, "none")
        target = _row(rows, name)
        target["events"] += n
        target[column] += n
        totals["events"] += n
        totals[column] += n
        if column == "violations":
            target["fatalities"] += fatalities or 0
            totals["fatalities"] += fatalities or 0
    for names in contested.values():
        totals["events"] += 1
        totals["contested"] += 1
        for name in names:
            _row(rows, name)["events"] += 1
            _row(rows, name)["contested"] += 1
    return rows, totals, unassessed


def _copy_clauses(filters: EventFilter) -> list[Any]:
    """EventFilter.clauses() for the fields in BY_DATE, on the verdicts' copies."""
    v = verdicts.c
    where = [] if filters.include_merged else [v.merged_into.is_(None)]
    if filters.date_from:
        where.append(v.event_date >= filters.date_from)
    if filters.date_to:
        where.append(v.event_date <= filters.date_to)
    if filters.admin1 is not None:
        where.append(v.admin1 == filters.admin1)
    if filters.sub_event_type is not None:
        where.append(v.sub_event_type == filters.sub_event_type)
    return where


def _row(rows: dict[str, dict[str, Any]], name: str) -> dict[str, Any]:
    return rows.setdefault(name, {"key": name, **dict.fromkeys(COLUMNS, 0)})


def _finish(connection: Connection, agreement: Agreement, by: str, filters: EventFilter,
            rows: dict[str, dict[str, Any]], totals: dict[str, int], unassessed: int) -> Tally:
    """The tally with the matching events not yet assessed (`unassessed` of them) assessed here."""
    if unassessed:
        fresh = tally(_unassessed(connection, filters, agreement.id), agreement, by=by)
        for counted in fresh.rows:
            target = _row(rows, counted["key"])
            for column in COLUMNS:
                target[column] += counted[column]
        for column in COLUMNS:
            totals[column] += fresh.totals[column]
    return Tally(agreement.id, by, [rows[name] for name in sorted(rows)], totals)


def _unassessed(connection: Connection, filters: EventFilter, agreement_id: str) -> Iterator[Event]:
    """Matching events with no verdict under the agreement, without their other verdicts."""
    assessed = select(verdicts.c.id).where(verdicts.c.event_id == events.c.id, verdicts.c.agreement == agreement_id)
    query = select(events).where(*filters.clauses(), ~assessed.exists()).order_by(events.c.id)
    for stored in connection.execute(query):
        yield Event.from_dict(event_of(stored))


def _matching(connection: Connection, filters: EventFilter) -> Iterator[Event]:
    """Every matching event with its verdicts, for the Python tally."""
    query = select(events).where(*filters.clauses()).order_by(events.c.id)
    stored = list(connection.execute(query))
    found: dict[str, list[dict[str, Any]]] = {}
    for chunk in chunks([item.id for item in stored]):
        for verdict in connection.execute(select(verdicts).where(verdicts.c.event_id.in_(chunk))):
            found.setdefault(verdict.event_id, []).append(verdict_of(verdict))
    for item in stored:
        yield Event.from_dict(event_of(item, found.get(item.id)))

