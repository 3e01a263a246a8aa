"""The append-only, hash-chained audit log.

Each entry's hash is sha256(prev_hash + canonical JSON of {seq, at, user, action, target, payload}),
so an entry edited, deleted or moved behind the application's back breaks the chain. The last
entry is also kept in `audit_head`, so a row cut from the tail is caught too.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Connection, insert, select, update

from ceasefire.store.schema import audit_head, audit_log

GENESIS = "0" * 64


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def canonical(value: Any) -> str:
    """The one JSON spelling of a value that hashes are taken over."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def entry_hash(prev_hash: str, seq: int, at: str, user: str, action: str, target: str | None,
               payload: Any) -> str:
    body = canonical({"seq": seq, "at": at, "user": user, "action": action, "target": target,
                      "payload": payload})
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def append(connection: Connection, user: str, action: str, target: str | None, payload: Any) -> int:
    """Append one entry inside the caller's write transaction; returns its seq."""
    head = connection.execute(select(audit_head.c.seq, audit_head.c.hash).where(audit_head.c.id == 1)).one()
    seq, at = head.seq + 1, now()
    digest = entry_hash(head.hash, seq, at, user, action, target, payload)
    connection.execute(insert(audit_log).values(
        seq=seq, at=at, user=user, action=action, target=target, payload=canonical(payload),
        prev_hash=head.hash, hash=digest))
    connection.execute(update(audit_head).where(audit_head.c.id == 1).values(seq=seq, hash=digest))
    return seq


@dataclass
class AuditReport:
    """What `Store.audit_verify()` found: ok when the whole chain checks out."""

    entries: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def __str__(self) -> str:
        if self.ok:
            return f"audit log intact: {self.entries} entries, hash chain verified"
        return f"audit log TAMPERED: {len(self.problems)} problem(s) in {self.entries} entries\n" + \
            "\n".join("  " + problem for problem in self.problems)


def verify(connection: Connection) -> AuditReport:
    """Walk the chain in seq order, checking numbering, links and each entry's own hash."""
    report = AuditReport()
    prev_hash, expected = GENESIS, 1
    rows = connection.execution_options(stream_results=True).execute(select(audit_log).order_by(audit_log.c.seq))
    for row in rows:
        report.entries += 1
        if row.seq != expected:
            report.problems.append(f"seq {row.seq}: expected seq {expected} (entry deleted or moved)")
        if row.prev_hash != prev_hash:
            report.problems.append(f"seq {row.seq}: does not link to the entry before it")
        try:
            payload = json.loads(row.payload)
        except ValueError:
            payload = row.payload
        if entry_hash(row.prev_hash, row.seq, row.at, row.user, row.action, row.target, payload) != row.hash:
            report.problems.append(f"seq {row.seq}: contents do not match its hash (entry edited)")
        prev_hash, expected = row.hash, row.seq + 1
    head = connection.execute(select(audit_head.c.seq, audit_head.c.hash).where(audit_head.c.id == 1)).first()
    if head is None or head.seq != expected - 1 or head.hash != prev_hash:
        report.problems.append(f"the chain ends at seq {expected - 1} but its head records seq "
                               f"{head.seq if head else None} (entries cut from the end)")
    return report


def entries(connection: Connection, target: str | None = None, limit: int = 100,
            offset: int = 0) -> list[dict[str, Any]]:
    """Newest first; only those about `target` when given."""
    query = select(audit_log).order_by(audit_log.c.seq.desc()).limit(limit).offset(offset)
    if target is not None:
        query = query.where(audit_log.c.target == target)
    return [{**row._asdict(), "payload": json.loads(row.payload)} for row in connection.execute(query)]
