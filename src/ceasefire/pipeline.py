"""The whole flow over a store: ingest -> extract -> link -> assess -> store.

The stages stay independent; this module is the one place that runs them in order against a
database, for the CLI, the API and the demo.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ceasefire.assess import Agreement, Judge, access_ledger, assess, load_agreement, tally
from ceasefire.assess.tally import PartyOf, party_key
from ceasefire.config import PACKAGE_DATA, scenario
from ceasefire.model import Event

SAMPLES = PACKAGE_DATA / "samples"


def stored_event(row: dict[str, Any]) -> Event:
    """An Event from a store row (store rows carry extra keys such as review_status)."""
    return Event.from_dict(row)


def assess_store(store, agreement: Agreement | str) -> Counter:
    """(Re)compute every stored event's verdicts under `agreement`; returns counts by status.
    Events themselves are not touched: verdicts are stored beside them."""
    agreement = load_agreement(agreement) if isinstance(agreement, str) else agreement
    party_of = PartyOf(Judge(agreement))  # the tally's party key, stored with each verdict
    found: dict[str, list[dict[str, Any]]] = {}
    for event in assess((stored_event(row) for row in store.iter_events()), agreement):
        found[event.event_id] = [dict(v, party=party_key(v, event.actor1, party_of))
                                 for v in event.verdicts if v.get("agreement") == agreement.id]
    store.set_verdicts(agreement.id, found)
    return Counter(v["status"] for verdicts in found.values() for v in verdicts)


@dataclass
class RunSummary:
    """What one run over a set of reports gave: the monitor's first look."""

    db_url: str
    agreement: str | None
    reports: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)
    by_type: Counter = field(default_factory=Counter)
    verdicts: Counter = field(default_factory=Counter)
    by_party: list[dict[str, Any]] = field(default_factory=list)
    access: list[dict[str, Any]] = field(default_factory=list)


def run(paths: Iterable[str | Path], db_url: str, agreement_id: str | None = None, workers: int = 1,
        progress: bool | None = None) -> RunSummary:
    """Ingest reports (extracting and linking their events), assess them, and summarise."""
    from ceasefire.store import Store
    from ceasefire.store.ingest import ingest

    agreement_id = agreement_id or scenario().get("agreement")
    summary = RunSummary(db_url=db_url, agreement=agreement_id)
    with Store.open(db_url) as store:
        result = ingest(paths, store, workers=workers, progress=progress)
        summary.errors = [str(error) for error in result.errors]
        if agreement_id:
            summary.verdicts = assess_store(store, agreement_id)
        events = [stored_event(row) for row in store.iter_events()]
        summary.reports = store.count_reports()
    summary.events = len(events)
    summary.by_type = Counter(e.event_type for e in events)
    if agreement_id:
        summary.by_party = tally(events, agreement_id, by="party").rows
        summary.access = [status.to_dict() for status in access_ledger(events)]
    return summary


def run_demo(db_url: str, workers: int = 1) -> RunSummary:
    """The bundled sample reports of the built-in scenario, into a fresh database."""
    reports = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html", ".jsonl"))
    return run(reports, db_url, workers=workers)
