"""A demo database for trying the dashboard and the API: hand-written events in a YAML file,
written through the Store like any other data, assessed against an installed agreement."""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ceasefire.model import SUB_EVENT_TYPES, Event, Report

DEMO = Path(__file__).parent / "demo" / "syria-2016.yaml"
COLUMNS = ("event_date", "sub_event_type", "actor1", "actor2", "location", "admin1", "latitude", "longitude",
           "fatalities", "sentence")


def demo_records(path: Path = DEMO) -> tuple[list[Report], list[Event]]:
    """One report per row, and the event drawn from it with its evidence offsets."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    reports, events = [], []
    for number, values in enumerate(data["events"], start=1):
        row: dict[str, Any] = dict(zip(COLUMNS, values))
        day = row["event_date"] if isinstance(row["event_date"], date) else date.fromisoformat(row["event_date"])
        sentence = row.pop("sentence")
        lead = f"{data['source']} daily update, {day:%d %B %Y}.\n\n"
        text = f"{lead}{sentence}\n\nThe monitor could not independently verify all details."
        report = Report(id=f"demo-{number:03d}", text=text, published=day, title=f"Daily update {day}",
                        source=data["source"])
        start = len(lead)
        event = Event(**{**row, "event_date": day.isoformat()}, event_type=SUB_EVENT_TYPES[row["sub_event_type"]],
                      country=data["country"], geo_precision=1, report_id=report.id,
                      evidence=[{"report_id": report.id, "sentence": sentence, "start": start,
                                 "end": start + len(sentence)}])
        event.claims = [{"report_id": report.id, "source": data["source"], "actor1": event.actor1,
                         "actor2": event.actor2, "fatalities": event.fatalities}]
        reports.append(report)
        events.append(event)
    return reports, events


@lru_cache(maxsize=4)
def demo_verdicts(agreement: str) -> dict[str, list[dict[str, Any]]]:
    """The demo events' verdicts under one agreement (computed once per process)."""
    from ceasefire.assess import assess

    return {event.event_id: event.verdicts for event in assess(demo_records()[1], agreement)}


SCENARIO = "scenario"  # the built-in scenario's agreement (data/scenario.yaml)


def build_demo(store: Any, agreement: str | None = SCENARIO,
               users: tuple[tuple[str, str], ...] = (("admin", "admin"), ("analyst", "analyst"), ("viewer", "viewer")),
               ) -> dict[str, str]:
    """Fill an empty store with the demo events and their verdicts (under `agreement`, by default
    the scenario's; None for none); returns user name -> token."""
    if agreement == SCENARIO:
        from ceasefire.config import scenario

        agreement = scenario().get("agreement")
    reports, events = demo_records()
    store.add_batch(reports, extracted={event.report_id: [event] for event in events})
    if agreement:
        store.set_verdicts(agreement, demo_verdicts(agreement))
    return {name: store.add_user(name, role) for name, role in users}
