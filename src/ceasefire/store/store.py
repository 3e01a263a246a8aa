"""Store: the one place with SQL. SQLite (default) or PostgreSQL, migrated on open.

Every write runs in one transaction that also appends to the hash-chained audit log, so a
batch, a review action, a user change or a verdict recomputation is stored whole or not at all.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import Connection, bindparam, delete, func, insert, literal_column, or_, select, update
from sqlalchemy.exc import OperationalError

from ceasefire import config
from ceasefire.errors import CeasefireError, StoreError, ValidationError
from ceasefire.model import VERDICT_STATUSES, Event, Report
from ceasefire.store import audit, review as reviewing
from ceasefire.store.audit import AuditReport, now
from ceasefire.store.database import (
    E303, chunks, drop_deferrable_indexes, make_engine, migrate, restore_indexes, write,
)
from ceasefire.store.filters import EventFilter
from ceasefire.store.records import (
    EVENT_COLUMNS, MENTION_COLUMNS, REPORT_COLUMNS, Batch, MentionRow, ReportRow, dumps, event_of, event_record,
    event_row, loads, mention_key, prepare, record_of, report_of, verdict_of, with_report,
)
from ceasefire.store.schema import audit_log, events, mentions, reports, users, verdicts
from ceasefire.store.users import E404, E405, User, check_new_user, new_token, require, token_hash

E304 = "E304"  # report id already stored with another text
DEEP_PAGE = 1000  # from this offset on, event lists skip rows by date first (Store._page_start)
T = TypeVar("T")
Actor = User | str


@dataclass
class IngestResult:
    """What one write of reports and mentions did. `ids` maps each given report id to the stored
    one (they differ when the same text was already stored under another id)."""

    reports_added: int = 0
    reports_duplicate: int = 0
    mentions_added: int = 0
    mentions_duplicate: int = 0
    ids: dict[str, str] = field(default_factory=dict)
    errors: list[CeasefireError] = field(default_factory=list)


def _name(user: Actor | None) -> str:
    return user.name if isinstance(user, User) else (user or "system")


class Store:
    """Reports, mentions, linked events, verdicts, users and the audit log.

    Open with `Store.open(url)`; `url` defaults to `config.database_url()` (CEASEFIRE_DB, else
    ./ceasefire.db). `postgresql://...` uses psycopg 3. A new database is created by migrations;
    an older one is upgraded; one from a newer ceasefire is refused with a StoreError.
    """

    def __init__(self, engine, url: str):
        self.engine = engine
        self.url = url

    @classmethod
    def open(cls, url: str | None = None) -> "Store":
        url = config.database_url(url)
        engine = make_engine(url)
        try:
            migrate(engine)
        except OperationalError as error:
            engine.dispose()
            raise StoreError(f"cannot open database {url}: {error.orig}", code=E303) from None
        return cls(engine, url)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _read(self) -> Connection:
        return self.engine.connect()

    # --- reports and mentions -------------------------------------------------------------

    def add_reports(self, items: Iterable[Report], user: Actor = "system") -> IngestResult:
        """Store reports, idempotent by content hash: a text already stored counts as duplicate."""
        return self.add_batch(list(items), user=user)

    def add_mentions(self, report_id: str | None, items: Iterable[Event], user: Actor = "system") -> IngestResult:
        """Store event mentions drawn from one report (each also becomes its own linked event until
        `relink()`); a mention id already stored counts as duplicate."""
        batch = list(items)
        for item in batch:
            item.report_id = report_id
        return self.add_batch([], imported=batch, user=user)

    @contextmanager
    def deferred_indexes(self) -> Iterator[None]:
        """For a bulk load into SQLite: the lookup indexes are dropped, then built once at the end
        (or, after a crash, when the store is next opened). Elsewhere this does nothing."""
        if self.engine.dialect.name != "sqlite":
            yield
            return
        drop_deferrable_indexes(self.engine)
        try:
            yield
        finally:
            write(self.engine, restore_indexes)

    def known_reports(self, sha256s: Iterable[str]) -> dict[str, str]:
        """sha256 -> stored report id, for the hashes already stored."""
        with self._read() as connection:
            return dict(_lookup(connection, reports, "sha256", list(sha256s), "id"))

    def known_mentions(self, mention_ids: Iterable[str]) -> set[str]:
        with self._read() as connection:
            return {key for key, _ in _lookup(connection, mentions, "id", list(mention_ids))}

    def add_batch(self, batch_reports: list[Report], imported: Iterable[Event] = (),
                  extracted: Mapping[str, list[Event]] | None = None, user: Actor = "system") -> IngestResult:
        """Reports and their mentions in one transaction (one audit entry), so a crash loses or keeps
        the batch whole and a re-run skips what is stored.

        `imported`: events read from datasets; their report id follows a report stored under
        another id. `extracted`: report id -> mentions extracted from it; dropped when the report
        turns out to be stored already (its mentions were stored with it).
        """
        return self.add_rows(prepare(batch_reports, imported, extracted, at=now()), user=user)

    def add_rows(self, batch: Batch, user: Actor = "system") -> IngestResult:
        """`add_batch` for rows already prepared (`records.prepare`), e.g. in a reading process."""

        def work(connection: Connection) -> IngestResult:
            result = IngestResult()
            added = self._insert_reports(connection, batch.reports, result)
            self._insert_mentions(connection, batch.mentions, added, result)
            if result.reports_added or result.mentions_added or result.errors:
                audit.append(connection, _name(user), "ingest", None, {
                    "reports_added": result.reports_added, "reports_duplicate": result.reports_duplicate,
                    "mentions_added": result.mentions_added, "mentions_duplicate": result.mentions_duplicate,
                    "errors": len(result.errors)})
            return result

        return write(self.engine, work)

    def _insert_reports(self, connection: Connection, batch: list[ReportRow], result: IngestResult) -> set[str]:
        by_sha: dict[str, ReportRow] = {}
        for report in batch:
            if report.sha256 in by_sha:
                result.reports_duplicate += 1
                result.ids[report.id] = by_sha[report.sha256].id
            else:
                by_sha[report.sha256] = report
        stored = dict(_lookup(connection, reports, "sha256", list(by_sha), "id"))
        candidates: list[ReportRow] = []
        for sha, report in by_sha.items():
            if sha in stored:
                result.reports_duplicate += 1
                result.ids[report.id] = stored[sha]
            else:
                candidates.append(report)
        taken = {key for key, _ in _lookup(connection, reports, "id", [r.id for r in candidates])}
        rows = []
        for report in candidates:
            if report.id in taken:
                result.errors.append(StoreError(
                    f"report id {report.id!r} is already stored with a different text; give it another id",
                    path=report.path, code=E304))
                continue
            taken.add(report.id)
            result.ids[report.id] = report.id
            rows.append(report.values)
        _insert_values(connection, reports, REPORT_COLUMNS, rows)
        result.reports_added += len(rows)
        return {row[0] for row in rows}

    def _insert_mentions(self, connection: Connection, batch: list[MentionRow], added: set[str],
                         result: IngestResult) -> None:
        stored = {key for key, _ in _lookup(connection, mentions, "id", [mention.id for mention in batch])}
        mention_rows, event_rows = [], []
        for mention in batch:
            if mention.extracted and mention.report_id not in added:
                continue  # its report was stored before, with its mentions
            if mention.id in stored:
                result.mentions_duplicate += 1
                continue
            stored.add(mention.id)
            report_id = result.ids.get(mention.report_id, mention.report_id) if mention.report_id else None
            if report_id != mention.report_id:
                mention = with_report(mention, report_id)
            mention_rows.append(mention.mention)
            event_rows.append(mention.event)
        _insert_values(connection, mentions, MENTION_COLUMNS, mention_rows)
        _insert_values(connection, events, EVENT_COLUMNS, event_rows)
        result.mentions_added += len(mention_rows)

    def reports(self, limit: int = 100, offset: int = 0, text: str | None = None,
                source: str | None = None, with_text: bool = False) -> list[dict[str, Any]]:
        """Reports, newest published first; `text` is a case-insensitive substring of title or text."""
        newest = reports.c.published.desc().nulls_last()
        query = select(reports).order_by(newest, reports.c.id).limit(limit).offset(offset)
        for clause in self._report_clauses(text, source):
            query = query.where(clause)
        with self._read() as connection:
            return [report_of(row, with_text) for row in connection.execute(query)]

    def count_reports(self, text: str | None = None, source: str | None = None) -> int:
        query = select(func.count()).select_from(reports)
        for clause in self._report_clauses(text, source):
            query = query.where(clause)
        with self._read() as connection:
            return connection.execute(query).scalar_one()

    @staticmethod
    def _report_clauses(text: str | None, source: str | None) -> list[Any]:
        clauses = []
        if text:
            needle = text.lower()
            clauses.append(func.lower(reports.c.text).contains(needle, autoescape=True)
                           | func.lower(reports.c.title).contains(needle, autoescape=True))
        if source:
            clauses.append(reports.c.source == source)
        return clauses

    def report(self, report_id: str) -> dict[str, Any] | None:
        """One report with its text and the ids of the linked events drawn from it."""
        with self._read() as connection:
            row = connection.execute(select(reports).where(reports.c.id == report_id)).first()
            if row is None:
                return None
            found = report_of(row)
            found["event_ids"] = sorted(set(connection.execute(
                select(mentions.c.event_id).where(mentions.c.report_id == report_id)).scalars()))
            return found

    # --- linked events ----------------------------------------------------------------------

    def events(self, filters: EventFilter | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Linked events matching `filters`, newest first (event_date, then id), with verdicts."""
        clauses = (filters or EventFilter()).clauses()
        newest = (events.c.event_date.desc(), events.c.id.desc())
        with self._read() as connection:
            rows = None
            if offset >= DEEP_PAGE:
                bounded, skip = self._page_start(connection, clauses, offset)
                rows = list(connection.execute(select(events).where(*bounded).order_by(*newest).limit(limit)
                                               .offset(skip)))
                if len(rows) < limit:  # the last page: it may go on into events without a date
                    rows = None
            if rows is None:
                rows = list(connection.execute(select(events).where(*clauses).order_by(*newest).limit(limit)
                                               .offset(offset)))
            found = self._verdicts_of(connection, [row.id for row in rows])
        return [event_of(row, found.get(row.id)) for row in rows]

    def iter_events(self, filters: EventFilter | None = None, batch: int = 2000) -> Iterator[dict[str, Any]]:
        """Every matching event, by id, paged on the key so it streams millions of events."""
        clauses = (filters or EventFilter()).clauses()
        last = None
        while True:
            query = select(events).where(*clauses).order_by(events.c.id).limit(batch)
            if last is not None:
                query = query.where(events.c.id > last)
            with self._read() as connection:
                rows = list(connection.execute(query))
                found = self._verdicts_of(connection, [row.id for row in rows])
                originals = self._source_rows(connection, [row.id for row in rows])
            for row in rows:
                record = event_of(row, found.get(row.id))
                if row.id in originals:
                    record["source_row"] = originals[row.id]
                yield record
            if len(rows) < batch:
                return
            last = rows[-1].id

    @staticmethod
    def _page_start(connection: Connection, clauses: list[Any], offset: int) -> tuple[list[Any], int]:
        """A deep page without sorting the rows it skips: the date of its first row, read from the
        (filter, event_date) index, bounds the page, and only rows of later dates are counted."""
        start = connection.execute(select(events.c.event_date).where(*clauses)
                                   .order_by(events.c.event_date.desc()).limit(1).offset(offset)).scalar()
        if start is None:  # past the end, or among events without a date
            return clauses, offset
        later = events.c.event_date > start
        if connection.dialect.name == "postgresql":  # sorts missing dates first when descending
            later = or_(later, events.c.event_date.is_(None))
        skipped = connection.execute(select(func.count()).select_from(events).where(*clauses, later)).scalar_one()
        return [*clauses, events.c.event_date <= start], offset - skipped

    def count_events_within(self, filters: EventFilter | None, budget_ms: int, cap: int = 10_000) -> tuple[int, bool]:
        """(count, exact) within about `budget_ms`: first up to `cap` matches (a third of the
        budget), then, when there are more, every match (the rest of the budget, or twice the
        budget when the first `cap` came at the speed of an index); when time runs out, a lower
        bound (`cap` once that many were found, else 0) and False."""
        clauses = (filters or EventFilter()).clauses()
        matches = select(literal_column("1")).select_from(events).where(*clauses).limit(cap)  # index-only
        capped = select(func.count()).select_from(matches.subquery())
        began = time.monotonic()
        with self._read() as connection:
            found = _within(connection, budget_ms / 3, lambda: connection.execute(capped).scalar_one())
        if found is None:
            return 0, False
        if found < cap:
            return found, True
        quick = (time.monotonic() - began) * 1000 < budget_ms / 10
        total = self.count_events(filters, budget_ms=budget_ms * 2 if quick else budget_ms * 2 / 3)
        return (cap, False) if total is None else (total, True)

    def count_events(self, filters: EventFilter | None = None, budget_ms: int | None = None) -> int | None:
        """How many events match. With `budget_ms`, None when counting takes longer than that
        (a substring filter on a large store scans every event)."""
        query = select(func.count()).select_from(events).where(*(filters or EventFilter()).clauses())
        with self._read() as connection:
            if budget_ms is None:
                return connection.execute(query).scalar_one()
            return _within(connection, budget_ms, lambda: connection.execute(query).scalar_one())

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event: its record, verdicts, mentions, reports (with text) and review history."""
        with self._read() as connection:
            row = connection.execute(select(events).where(events.c.id == event_id)).first()
            if row is None:
                return None
            found = event_of(row, self._verdicts_of(connection, [event_id]).get(event_id))
            mention_rows = connection.execute(
                select(mentions).where(mentions.c.event_id == event_id).order_by(mentions.c.id)).all()
            found["mentions"] = [{"mention_id": m.id, "report_id": m.report_id, **record_of(m)}
                                 for m in mention_rows]
            report_ids = sorted({m.report_id for m in mention_rows if m.report_id} | set(found["report_ids"]))
            found["reports"] = [report_of(r) for r in connection.execute(
                select(reports).where(reports.c.id.in_(report_ids)).order_by(reports.c.id))]
            found["history"] = audit.entries(connection, target=event_id, limit=1000)
            return found

    def _verdicts_of(self, connection: Connection, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        found: dict[str, list[dict[str, Any]]] = {}
        for chunk in chunks(event_ids):
            for row in connection.execute(select(verdicts).where(verdicts.c.event_id.in_(chunk))
                                          .order_by(verdicts.c.agreement, verdicts.c.id)):
                found.setdefault(row.event_id, []).append(verdict_of(row))
        return found

    def _source_rows(self, connection: Connection, event_ids: list[str]) -> dict[str, dict[str, str]]:
        """The dataset row of events drawn from exactly one imported row (kept for exports)."""
        found: dict[str, Any] = {}
        for chunk in chunks(event_ids):
            query = select(mentions.c.event_id, mentions.c.source_row).where(mentions.c.event_id.in_(chunk))
            for event_id, source_row in connection.execute(query):
                found[event_id] = None if event_id in found else source_row
        return {key: loads(value) for key, value in found.items() if value}

    def mentions(self, report_id: str | None = None) -> list[Event]:
        """Stored mentions as Events (all, or those drawn from one report), by id."""
        with self._read() as connection:
            return _mention_events(connection, report_id)

    def relink(self, user: Actor = "system") -> dict[str, int]:
        """Recompute linked events from the mentions with `ceasefire.link.link_mentions`
        (deterministic: mentions are passed sorted by id).

        Analysts' work stands: an event someone reviewed, corrected, merged or split keeps its
        mentions, id, status and fields, and an event merged into another stays as it is; the
        linker groups only the other mentions. An event whose set of mentions comes out unchanged
        keeps its id. Verdicts of events that no longer exist are dropped (they are recomputable)."""

        def work(connection: Connection) -> dict[str, int]:
            reviewed = set(connection.execute(
                select(audit_log.c.target).where(audit_log.c.action.like("review.%")).distinct()).scalars())
            old_rows = list(connection.execute(select(events)))
            standing = [row for row in old_rows if row.merged_into is not None or row.review_status != "unverified"
                        or row.id in reviewed]
            standing_ids = {row.id for row in standing}
            held = {mention_id for mention_id, event_id in connection.execute(
                select(mentions.c.id, mentions.c.event_id)) if event_id in standing_ids}
            groups = _link([m for m in _mention_events(connection) if m.event_id not in held])
            old = {row.mention_key: row for row in old_rows if row.id not in standing_ids}
            connection.execute(delete(events))
            rows, used, at = [row._asdict() for row in standing], set(standing_ids), now()
            links: list[dict[str, str]] = []  # each grouped mention and its new event
            for record, mention_ids in groups:
                key = mention_key(mention_ids)
                before = old.get(key)
                if before is not None and before.id not in used:
                    event_id, record = before.id, record_of(before)
                else:
                    event_id = mention_ids[0] if len(mention_ids) == 1 else "ev-" + key[:16]
                    if event_id in used:
                        event_id = "ev-" + key[:16]
                used.add(event_id)
                record["event_id"] = event_id
                rows.append(event_row(event_id, record, mention_ids, at))
                links += [{"mention": m, "event": event_id} for m in mention_ids]
            for chunk in chunks(rows, 2000):
                connection.execute(insert(events), chunk)
            moved = update(mentions).where(mentions.c.id == bindparam("mention")).values(event_id=bindparam("event"))
            for chunk in chunks(links, 5000):
                connection.execute(moved, chunk)
            dropped = connection.execute(delete(verdicts).where(
                verdicts.c.event_id.not_in(select(events.c.id)))).rowcount
            summary = {"mentions": len(links) + len(held), "events": sum(1 for row in rows if row["merged_into"] is None),
                       "reviews_kept": sum(1 for row in standing if row.merged_into is None),
                       "verdicts_dropped": dropped}
            audit.append(connection, _name(user), "relink", None, summary)
            return summary

        return write(self.engine, work)

    # --- verdicts -----------------------------------------------------------------------------

    def set_verdicts(self, agreement_id: str, by_event: Mapping[str, list[dict[str, Any]]],
                     user: Actor = "system") -> int:
        """Replace every verdict of `agreement_id` with these ({event_id: [{agreement, status,
        reason, claim?, party?}]}) and returns how many were stored: verdicts of events that are
        not stored are left out, as `relink` drops them. Statuses: violation, excluded,
        access_denied, unattributed, none. Each row also keeps what tallies count: the tally's
        party key (the verdict's `party`, else worked out from the claim's or the event's
        actor1), whether the event has more than one verdict under the agreement, and copies
        of the event's columns tallies count by (store/tallies.py)."""
        rows = []
        for event_id, items in by_event.items():
            for item in items:
                if item.get("status") not in VERDICT_STATUSES:
                    raise ValidationError(f"verdict status {item.get('status')!r} of event {event_id} is not one "
                                          f"of {', '.join(VERDICT_STATUSES)}", field="status")
                claim = item.get("claim")
                rows.append({"event_id": event_id, "agreement": agreement_id, "status": item["status"],
                             "reason": item.get("reason"), "claim": dumps(claim) if claim is not None else None,
                             "party": item.get("party") or None, "contested": len(items) > 1})

        def work(connection: Connection) -> int:
            from ceasefire.store.tallies import fill_from_events

            fill_from_events(connection, agreement_id, rows)
            connection.execute(delete(verdicts).where(verdicts.c.agreement == agreement_id))
            for chunk in chunks(rows, 5000):
                connection.execute(insert(verdicts), chunk)
            tally: dict[str, int] = {}
            for row in rows:
                tally[row["status"]] = tally.get(row["status"], 0) + 1
            audit.append(connection, _name(user), "verdicts", agreement_id, {"events": len(by_event), **tally})
            return len(rows)

        return write(self.engine, work)

    def tally(self, agreement: Any, by: str = "party", filters: EventFilter | None = None) -> Any:
        """`ceasefire.assess.tally.tally()` of the events matching `filters`, counted in SQL from
        the stored verdicts (events not yet assessed under `agreement` are assessed on the fly)."""
        from ceasefire.store.tallies import count

        with self._read() as connection:
            return count(connection, agreement, by, filters)

    def verdicts(self, agreement: str | None = None, event_id: str | None = None,
                 status: str | None = None) -> list[dict[str, Any]]:
        """Stored verdicts, each with its event_id, by agreement and event."""
        query = select(verdicts).order_by(verdicts.c.agreement, verdicts.c.event_id, verdicts.c.id)
        for column, value in (("agreement", agreement), ("event_id", event_id), ("status", status)):
            if value is not None:
                query = query.where(verdicts.c[column] == value)
        with self._read() as connection:
            return [{"event_id": row.event_id, **verdict_of(row)} for row in connection.execute(query)]

    # --- review -------------------------------------------------------------------------------

    def review(self, event_id: str, action: str, user: User | None, reason: str, **fields: Any) -> dict[str, Any]:
        """An analyst's decision on one event, recorded with reason, user and time in the audit log
        in the same transaction. Actions: verify, reject, merge (into=OTHER_EVENT_ID), split
        (mentions=[MENTION_ID, ...], each moved out into a new event), correct (field=value, checked
        against the EVENTS.md types). Returns the event (for merge, the one merged into)."""
        require(user, "review")
        action = reviewing.check(action, reason)

        def work(connection: Connection) -> str:
            return reviewing.apply(connection, event_id, action, user.name, reason, fields)

        return self.event(write(self.engine, work))

    # --- users ----------------------------------------------------------------------------------

    def add_user(self, name: str, role: str, by: Actor | None = None) -> str:
        """Create a user and return their token (shown once; only its hash is stored). When
        `by` is a User it must be an admin; the first user may be added by anyone."""
        check_new_user(name, role)
        token = new_token()

        def work(connection: Connection) -> None:
            if isinstance(by, User):
                require(by, "users")
            if connection.execute(select(users.c.name).where(users.c.name == name)).first():
                raise ValidationError(f"user {name!r} exists", field="name", code="E403")
            connection.execute(insert(users).values(name=name, role=role, token_hash=token_hash(token),
                                                    created_at=now()))
            audit.append(connection, _name(by) if by else "system", "users.add", name, {"role": role})

        write(self.engine, work)
        return token

    def remove_user(self, name: str, by: Actor | None = None) -> None:
        """Remove a user: their token stops working at once. When `by` is a User it must be an
        admin. The last admin is kept, so someone can still manage users."""

        def work(connection: Connection) -> None:
            if isinstance(by, User):
                require(by, "users")
            row = connection.execute(select(users).where(users.c.name == name)).first()
            if row is None:
                raise ValidationError(f"no user {name!r}", field="name", code=E404)
            admins = connection.execute(select(func.count()).select_from(users).where(users.c.role == "admin"))
            if row.role == "admin" and admins.scalar_one() == 1:
                raise ValidationError(f"{name!r} is the last admin; add another admin first", field="name",
                                      code=E405)
            connection.execute(delete(users).where(users.c.name == name))
            audit.append(connection, _name(by) if by else "system", "users.remove", name, {"role": row.role})

        write(self.engine, work)

    def users(self) -> list[User]:
        with self._read() as connection:
            return [User(row.name, row.role) for row in connection.execute(select(users).order_by(users.c.name))]

    def user(self, name: str) -> User | None:
        with self._read() as connection:
            row = connection.execute(select(users).where(users.c.name == name)).first()
        return User(row.name, row.role) if row else None

    def authenticate(self, token: str | None) -> User | None:
        """The user holding this token, or None."""
        if not token:
            return None
        with self._read() as connection:
            row = connection.execute(select(users).where(users.c.token_hash == token_hash(token))).first()
        return User(row.name, row.role) if row else None

    require = staticmethod(require)

    # --- audit ----------------------------------------------------------------------------------

    def audit_verify(self) -> AuditReport:
        """Check the whole hash chain: catches entries edited, deleted or reordered in the database."""
        with self._read() as connection:
            return audit.verify(connection)

    def audit_log(self, target: str | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Audit entries, newest first (seq, at, user, action, target, payload, prev_hash, hash)."""
        with self._read() as connection:
            return audit.entries(connection, target, limit, offset)


def _lookup(connection: Connection, table, column: str, keys: list[str], value: str | None = None
            ) -> Iterator[tuple[str, Any]]:
    """(key, value) for the keys stored in `table.column`: plain SQL, as this runs for every ingested row."""
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    for chunk in chunks(keys):
        sql = (f"SELECT {column}, {value or 'NULL'} FROM {table.name} "
               f"WHERE {column} IN ({', '.join([mark] * len(chunk))})")
        yield from connection.exec_driver_sql(sql, tuple(chunk))


def _within(connection: Connection, budget_ms: int, work: Callable[[], T]) -> T | None:
    """`work()` on this read connection, or None when it runs longer than `budget_ms`: SQLite is
    interrupted from its progress handler, PostgreSQL by a statement timeout."""
    if connection.dialect.name == "postgresql":
        try:
            with connection.begin():
                connection.exec_driver_sql(f"SET LOCAL statement_timeout = {max(1, int(budget_ms))}")
                return work()
        except OperationalError as error:
            if getattr(error.orig, "sqlstate", None) == "57014":  # query_canceled
                return None
            raise
    raw = connection.connection.dbapi_connection
    deadline = time.monotonic() + budget_ms / 1000
    raw.set_progress_handler(lambda: time.monotonic() > deadline, 2000)
    try:
        return work()
    except OperationalError as error:
        if "interrupted" in str(error.orig):
            return None
        raise
    finally:
        raw.set_progress_handler(None, 0)


def _insert_values(connection: Connection, table, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """executemany straight to the driver: the bulk path (a million rows) skips per-row SQLAlchemy work."""
    if not rows:
        return
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})"
    connection.exec_driver_sql(sql, rows)


def _mention_events(connection: Connection, report_id: str | None = None) -> list[Event]:
    query = select(mentions).order_by(mentions.c.id)
    if report_id is not None:
        query = query.where(mentions.c.report_id == report_id)
    return [Event.from_dict(record_of(row)) for row in connection.execute(query)]


def _link(all_mentions: list[Event]) -> list[tuple[dict[str, Any], list[str]]]:
    """(merged record, mention ids) per linked event; one event per mention until link exists."""
    try:
        from ceasefire.link import link_mentions
    except ImportError:
        link_mentions = None
    if link_mentions is None:
        return [(event_record(m), [m.event_id]) for m in all_mentions]
    return [(event_record(linked.event), sorted(linked.mention_ids)) for linked in link_mentions(all_mentions)]
