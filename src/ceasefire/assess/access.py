"""The humanitarian-access ledger: per besieged area, deliveries, denials and time without aid."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ceasefire.assess.areas import AccessArea, link_area, load_areas
from ceasefire.model import Event

DELIVERIES = ("Aid delivered", "Aid partially delivered", "Airdrop")
DENIALS = ("Aid blocked",)
_REACHED = re.compile(
    r"(\d{1,3}(?:,\d{3})+|\d+)\s+(?:people|residents|civilians|inhabitants|persons|beneficiaries)", re.IGNORECASE)


@dataclass
class AreaStatus:
    """One area's line in the ledger, as of a day."""

    area: AccessArea
    as_of: date
    last_delivery: date | None = None
    days_without_access: int | None = None
    deliveries: int = 0
    blocked: int = 0
    blocked_by: dict[str, int] = field(default_factory=dict)
    people_reached: int | None = None
    counted_from: str | None = None  # "last delivery" or "siege start"
    timeline: list[dict[str, Any]] = field(default_factory=list)

    @property
    def population(self) -> int:
        return self.area.population

    @property
    def active(self) -> bool:
        """Is the area besieged (or hard to reach) on `as_of`, by its since/until dates?"""
        area = self.area
        return (area.since is None or area.since <= self.as_of) and (area.until is None or self.as_of <= area.until)

    def to_dict(self) -> dict[str, Any]:
        return {
            "area": self.area.id, "name": self.area.name, "status": self.area.status,
            "admin1": self.area.place.admin1, "besieged_by": list(self.area.besieged_by),
            "population": self.population, "as_of": self.as_of.isoformat(), "active": self.active,
            "last_delivery": self.last_delivery.isoformat() if self.last_delivery else None,
            "days_without_access": self.days_without_access, "counted_from": self.counted_from,
            "deliveries": self.deliveries,
            "blocked": self.blocked, "blocked_by": dict(self.blocked_by),
            "people_reached": self.people_reached, "timeline": self.timeline,
        }


def people_reached(event: Event) -> int | None:
    """The largest head count the evidence gives ('food for 2,400 people'), if any."""
    counts = []
    for row in event.evidence or ():
        for match in _REACHED.finditer((row or {}).get("sentence") or ""):
            counts.append(int(match.group(1).replace(",", "")))
    return max(counts) if counts else None


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(str(text)[:10]) if text else None
    except ValueError:
        return None


def access_ledger(events: Iterable[Event | dict], areas: list[AccessArea] | None = None,
                  as_of: date | str | None = None) -> list[AreaStatus]:
    """Per area: last delivery, days without access, deliveries blocked and by whom, people
    reached (largest single delivery) against people besieged. Only events up to `as_of` count;
    by default `as_of` is the latest humanitarian-access event, or today. Days without access
    count from the last delivery, or from the siege's start when none is recorded, and only
    while the area is under siege on `as_of`."""
    areas = load_areas() if areas is None else areas
    as_of = _day(as_of) if isinstance(as_of, str) else as_of
    linked: list[tuple[date, Event, AccessArea]] = []
    for event in events:
        if isinstance(event, dict):
            event = Event.from_dict(event)
        day = _day(event.event_date)
        if event.event_type != "Humanitarian access" or day is None or (as_of and day > as_of):
            continue
        area = link_area(event, areas)
        if area is not None:
            linked.append((day, event, area))
    if as_of is None:
        as_of = max((day for day, _, _ in linked), default=date.today())
    ledger = {area.id: AreaStatus(area, as_of) for area in areas}
    for day, event, area in sorted(linked, key=lambda item: (item[0], item[1].event_id or "")):
        status = ledger[area.id]
        status.timeline.append({"date": day.isoformat(), "sub_event_type": event.sub_event_type,
                                "actor1": event.actor1, "event_id": event.event_id})
        if event.sub_event_type in DELIVERIES:
            status.deliveries += 1
            status.last_delivery = day
            reached = people_reached(event)
            if reached is not None:
                status.people_reached = max(reached, status.people_reached or 0)
        elif event.sub_event_type in DENIALS:
            status.blocked += 1
            who = event.actor1 or "(not named)"
            status.blocked_by[who] = status.blocked_by.get(who, 0) + 1
    for status in ledger.values():
        if not status.active:
            continue
        start = status.last_delivery or status.area.since
        if start and start <= as_of:
            status.days_without_access = (as_of - start).days
            status.counted_from = "last delivery" if status.last_delivery else "siege start"
    return list(ledger.values())
