"""Collect a Situation from the store: events of the period assessed against the agreement,
tallies by party and governorate, and the access ledger as of the last day."""
from __future__ import annotations

from datetime import date
from typing import Any

from ceasefire.assess import access_ledger, assess, load_agreement, load_areas, tally
from ceasefire.assess.zones import country_code
from ceasefire.report.situation import Situation
from ceasefire.store import EventFilter


def gather(store: Any, agreement_id: str, date_from: date, date_to: date) -> Situation:
    agreement = load_agreement(agreement_id)
    period = EventFilter(date_from=date_from.isoformat(), date_to=date_to.isoformat())
    events = [event.to_dict() for event in assess(store.iter_events(period), agreement)
              if event.country is None or country_code(event.country) == agreement.country]
    ledger = access_ledger(store.iter_events(EventFilter(event_type="Humanitarian access",
                                                         date_to=date_to.isoformat())),
                           load_areas(agreement.country), as_of=date_to)
    return Situation(
        agreement={"id": agreement.id, "name": agreement.name, "country": agreement.country},
        date_from=date_from, date_to=date_to, events=events,
        by_party=tally(events, agreement, by="party").rows,
        by_admin1=tally(events, agreement, by="admin1").rows,
        access=[row.to_dict() for row in ledger],
    )
