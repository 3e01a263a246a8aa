"""What a situation report says, computed from plain data: event dicts, tally rows, ledger rows."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

STATUSES = ("violation", "excluded", "access_denied", "unattributed", "none")
TALLY_COLUMNS = {"violation": "violations", "excluded": "excluded", "access_denied": "access_denied",
                 "unattributed": "unattributed", "none": "none"}  # as assess.tally names them
STATUS_LABELS = {"violation": "violat.", "excluded": "excl.", "access_denied": "denied",
                 "unattributed": "unattr.", "none": "none"}


def verdict_of(event: dict[str, Any], agreement: str) -> str | None:
    """The event's verdict under one agreement, or None when it was not assessed against it."""
    for verdict in event.get("verdicts") or []:
        if verdict.get("agreement") == agreement:
            return verdict.get("status")
    return None


@dataclass
class Situation:
    """Everything one report shows. Tally rows as assess.tally gives them: {key, events, violations,
    fatalities, access_denied, excluded, unattributed, none, contested}; ledger rows as
    assess.access_ledger's AreaStatus.to_dict()."""

    agreement: dict[str, Any]
    date_from: date
    date_to: date
    events: list[dict[str, Any]]
    by_party: list[dict[str, Any]] = field(default_factory=list)
    by_admin1: list[dict[str, Any]] = field(default_factory=list)
    access: list[dict[str, Any]] = field(default_factory=list)
    generated: datetime = field(default_factory=lambda: datetime.now(timezone.utc).replace(microsecond=0))
    notable_count: int = 8

    @property
    def agreement_id(self) -> str:
        return str(self.agreement.get("id", ""))

    @property
    def title(self) -> str:
        name = self.agreement.get("name") or self.agreement_id
        return f"Situation report: {name}"

    @property
    def period(self) -> str:
        if self.date_from == self.date_to:
            return self.date_from.isoformat()
        return f"{self.date_from.isoformat()} to {self.date_to.isoformat()}"

    def status(self, event: dict[str, Any]) -> str | None:
        return verdict_of(event, self.agreement_id)

    def violations(self) -> list[dict[str, Any]]:
        return [e for e in self.events if self.status(e) == "violation"]

    def headline(self) -> list[tuple[str, int]]:
        violations = self.violations()
        denied = [row for row in self.access if _is_denied(row)]
        return [
            ("Events recorded", len(self.events)),
            ("Violations", len(violations)),
            ("Deaths in violations", sum(e.get("fatalities") or 0 for e in violations)),
            ("All reported deaths", sum(e.get("fatalities") or 0 for e in self.events)),
            ("Governorates with violations", len({e.get("admin1") for e in violations if e.get("admin1")})),
            ("Besieged areas", len(denied)),
        ]

    def violations_per_day(self) -> list[tuple[date, int]]:
        counts: dict[str, int] = {}
        for event in self.violations():
            if event.get("event_date"):
                counts[event["event_date"][:10]] = counts.get(event["event_date"][:10], 0) + 1
        days = (self.date_to - self.date_from).days + 1
        return [(day, counts.get(day.isoformat(), 0))
                for day in (self.date_from + timedelta(n) for n in range(max(days, 0)))]

    def notable(self) -> list[dict[str, Any]]:
        """Violations first, then the deadliest events; each keeps its evidence for citing sources."""
        rank = {status: i for i, status in enumerate(STATUSES)}
        ordered = sorted(self.events, key=lambda e: (
            rank.get(self.status(e) or "none", len(STATUSES)), -(e.get("fatalities") or 0), e.get("event_date") or ""))
        return ordered[: self.notable_count]


def _is_denied(row: dict[str, Any]) -> bool:
    return str(row.get("status") or "").lower() == "besieged"


def tally_table(rows: list[dict[str, Any]]) -> tuple[list[str], list[list[Any]]]:
    """Tally rows as a header and body, the verdict statuses in their fixed order."""
    header = ["", *STATUS_LABELS.values(), "contest.", "events", "deaths"]
    body = [[row.get("key") or "unknown", *(row.get(TALLY_COLUMNS[s], 0) or 0 for s in STATUSES),
             row.get("contested", 0) or 0, row.get("events", 0) or 0, row.get("fatalities", 0) or 0]
            for row in sorted(rows, key=lambda r: (-(r.get("violations") or 0), -(r.get("events") or 0)))]
    return header, body


ACCESS_COLUMNS = ("name", "admin1", "status", "population", "last_delivery", "days_without_access", "deliveries",
                  "blocked", "people_reached")


def access_table(rows: list[dict[str, Any]]) -> tuple[list[str], list[list[Any]]]:
    """Ledger rows as a table: the usual columns first, any others after."""
    columns = [c for c in ACCESS_COLUMNS if any(c in row for row in rows)] or sorted(
        {k for row in rows for k, v in row.items() if not isinstance(v, (list, dict))})
    return [c.replace("_", " ") for c in columns], [[_cell(row.get(c)) for c in columns] for row in rows]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:,.0f}"
    return str(value)


def sources_of(event: dict[str, Any]) -> list[str]:
    """The evidence sentences an event was drawn from, each with its report id."""
    quoted = []
    for item in event.get("evidence") or []:
        sentence = " ".join(str(item.get("sentence") or "").split())
        if sentence:
            quoted.append(f"“{sentence}” ({item.get('report_id') or 'source'})")
    return quoted
