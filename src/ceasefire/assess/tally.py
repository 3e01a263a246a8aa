"""Tallies: violations, fatalities, access denials, excluded and unattributed events per key.

Counting rules (they make the rows reconcile with the event list):

- Every event counts once in the totals line. An event whose sources disagree on the
  perpetrator (one verdict per claim) is *contested*: it counts in `contested` and in no status
  column, so no source's account is taken over another's.
- By admin1, week or type each event falls in exactly one row, so every column of the rows sums
  to the totals line.
- By party, an uncontested event falls in its perpetrator's row; a contested event appears once
  in the row of each claimed perpetrator, counted in `events` and `contested` only. The status
  and fatality columns still sum to the totals line; `events` sums to the total plus one for
  every extra claim of a contested event.
- `fatalities` sums the fatalities of violation events only.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ceasefire.assess.agreements import Agreement, installed_agreements, load_agreement
from ceasefire.assess.verdicts import Judge
from ceasefire.model import Event

KEYS = ("party", "admin1", "week", "type")
COLUMNS = ("events", "violations", "fatalities", "access_denied", "excluded", "unattributed", "none", "contested")
STATUS_COLUMN = {"violation": "violations", "access_denied": "access_denied", "excluded": "excluded",
                  "unattributed": "unattributed", "none": "none"}
UNKNOWN = "(unknown)"


@dataclass
class Tally:
    agreement: str
    by: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"agreement": self.agreement, "by": self.by, "rows": self.rows, "totals": self.totals}


def week_of(event_date: str | None) -> str:
    try:
        year, week, _ = date.fromisoformat(str(event_date)[:10]).isocalendar()
    except ValueError:
        return UNKNOWN
    return f"{year}-W{week:02d}"


class PartyOf:
    """Perpetrator names -> the tally's party key under one agreement: the top-level party
    (units roll up to their parent), '(unidentified)' when no one is named or the name
    identifies no one, the name itself when the actor registry does not know it."""

    def __init__(self, judge: Judge | None):
        self.judge = judge
        self._keys: dict[str | None, str] = {}

    @classmethod
    def for_agreement(cls, agreement_id: str) -> "PartyOf":
        """With the installed agreement's registry; names only when it is not installed."""
        return cls(Judge(load_agreement(agreement_id)) if agreement_id in installed_agreements() else None)

    def __call__(self, name: str | None) -> str:
        key = self._keys.get(name)
        if key is None:
            key = self._keys[name] = self._resolve(name)
        return key

    def _resolve(self, name: str | None) -> str:
        if not (name or "").strip():
            return "(unidentified)"
        actor = self.judge.lookup(name) if self.judge else None
        if actor is None:
            return name.strip()
        if actor.label_only or actor.kind == "unidentified":
            return "(unidentified)"
        return self.judge.registry.lineage(actor)[-1].name


def perpetrator(verdict: dict[str, Any], actor1: str | None) -> str | None:
    """The name a verdict is about: its claim's actor1 when it judges one source's claim."""
    return (verdict.get("claim") or {}).get("actor1") if verdict.get("claim") else actor1


def party_key(verdict: dict[str, Any], actor1: str | None, party_of: PartyOf) -> str:
    """The row a verdict falls in by party: the verdict's own `party` when the judge set one."""
    return verdict.get("party") or party_of(perpetrator(verdict, actor1))


def _key(event: Event, by: str) -> str:
    if by == "admin1":
        return event.admin1 or UNKNOWN
    if by == "week":
        return week_of(event.event_date)
    return event.sub_event_type or UNKNOWN


def _in_range(event: Event, date_from: str | None, date_to: str | None) -> bool:
    if not (date_from or date_to):
        return True
    day = str(event.event_date or "")[:10]
    if not day:
        return False
    return (not date_from or day >= str(date_from)) and (not date_to or day <= str(date_to))


def tally(events: Iterable[Event | dict], agreement_id: str | Agreement, by: str = "party",
          date_from: str | date | None = None, date_to: str | date | None = None) -> Tally:
    """Count verdicts per key. Events not yet assessed against the agreement are assessed here."""
    if by not in KEYS:
        raise ValueError(f"by must be one of {', '.join(KEYS)}")
    agreement = agreement_id if isinstance(agreement_id, Agreement) else None
    agreement_id = agreement.id if agreement else agreement_id
    date_from = date_from.isoformat() if isinstance(date_from, date) else date_from
    date_to = date_to.isoformat() if isinstance(date_to, date) else date_to
    judge = Judge(agreement or load_agreement(agreement_id))
    party_of = PartyOf(judge)
    rows: dict[str, dict[str, Any]] = {}
    totals = dict.fromkeys(COLUMNS, 0)

    def row(key: str) -> dict[str, Any]:
        return rows.setdefault(key, {"key": key, **dict.fromkeys(COLUMNS, 0)})

    for event in events:
        if isinstance(event, dict):
            event = Event.from_dict(event)
        if not _in_range(event, date_from, date_to):
            continue
        verdicts = [v for v in event.verdicts or () if v.get("agreement") == agreement_id]
        if not verdicts:
            verdicts = judge.verdicts(event)
        totals["events"] += 1
        if len(verdicts) > 1:
            totals["contested"] += 1
            keys = [party_key(v, event.actor1, party_of) for v in verdicts] if by == "party" else [_key(event, by)]
            for key in dict.fromkeys(keys):
                row(key)["events"] += 1
                row(key)["contested"] += 1
            continue
        verdict = verdicts[0]
        target = row(party_key(verdict, event.actor1, party_of) if by == "party" else _key(event, by))
        column = STATUS_COLUMN.get(verdict.get("status"), "none")
        target["events"] += 1
        target[column] += 1
        totals[column] += 1
        if column == "violations":
            target["fatalities"] += event.fatalities or 0
            totals["fatalities"] += event.fatalities or 0
    return Tally(agreement_id, by, [rows[k] for k in sorted(rows)], totals)
