"""The records that flow through ceasefire: a Report in, Events out (see EVENTS.md)."""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import Any

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
    "Humanitarian access": (
        "Aid delivered", "Aid partially delivered", "Aid blocked", "Airdrop", "Siege", "Evacuation",
    ),
}
SUB_EVENT_TYPES: dict[str, str] = {sub: typ for typ, subs in EVENT_TYPES.items() for sub in subs}
DATE_PRECISIONS = ("day", "week", "month", "year")
VERDICT_STATUSES = ("violation", "excluded", "access_denied", "unattributed", "none")


CONTENT_ID_LENGTH = 16  # characters of the content hash that name a report without an id


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Report:
    """One source document, kept whole."""

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None  # where it was read from, for error messages

    @property
    def sha256(self) -> str:
        """The text's content hash, worked out once per text."""
        cached = self.__dict__.get("_sha256")
        if cached is None or cached[0] is not self.text:
            cached = self.__dict__["_sha256"] = (self.text, content_hash(self.text))
        return cached[1]

    @classmethod
    def named_by_content(cls, text: str, **fields: Any) -> "Report":
        """A report without a given id, named by a prefix of its content hash."""
        report = cls(id="", text=text, **fields)
        report.id = report.sha256[:CONTENT_ID_LENGTH]
        return report

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> "Report":
        published = row.get("published")
        if isinstance(published, str) and published:
            published = date.fromisoformat(published[:10])
        return cls(
            id=str(row["id"]), text=row["text"], published=published or None,
            title=row.get("title"), source=row.get("source"), url=row.get("url"), path=row.get("path"),
        )

    def to_dict(self) -> dict[str, Any]:
        row = asdict(self)
        row["published"] = self.published.isoformat() if self.published else None
        return row


@dataclass
class Evidence:
    report_id: str
    sentence: str
    start: int
    end: int


@dataclass
class Event:
    """One event record in the format of EVENTS.md."""

    event_date: str | None
    event_type: str
    sub_event_type: str
    date_precision: str = "day"
    actor1: str | None = None
    actor2: str | None = None
    assoc_actor_1: str | None = None
    assoc_actor_2: str | None = None
    location: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int | None = None
    report_id: str | None = None
    report_ids: list[str] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    verdicts: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    source: str | None = None
    notes: str | None = None
    event_id: str | None = None

    def __post_init__(self) -> None:
        if self.report_id and not self.report_ids:
            self.report_ids = [self.report_id]
        if not self.event_id:
            self.event_id = self.stable_id()

    def stable_id(self) -> str:
        """Same report, date, type and place give the same id on every run."""
        start = self.evidence[0]["start"] if self.evidence else ""
        key = "|".join(str(v) for v in (
            self.report_id, self.event_date, self.sub_event_type, self.location, self.admin1, start,
        ))
        return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> "Event":
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in row.items() if k in known})
