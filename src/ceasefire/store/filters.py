"""EventFilter: the one filter object the API, the dashboard and `ceasefire export` share."""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, or_, select

from ceasefire.errors import ValidationError
from ceasefire.model import EVENT_TYPES, VERDICT_STATUSES
from ceasefire.store.schema import events, mentions, verdicts

REVIEW_STATUSES = ("unverified", "verified", "rejected")


@dataclass
class EventFilter:
    """Which linked events to list. Every field is optional; set fields are ANDed.

    date_from / date_to: ISO dates, inclusive. event_type, sub_event_type, admin1, country: exact.
    actor: case-insensitive substring of actor1 or actor2. verdict: a verdict status, of
    `agreement` when given (any agreement otherwise); agreement alone: events assessed under it.
    review_status: unverified | verified | rejected. text: case-insensitive substring of the
    evidence, notes or location. report_id: events drawn from that report.
    include_merged: also list events an analyst merged into another.
    """

    date_from: str | None = None
    date_to: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    admin1: str | None = None
    country: str | None = None
    verdict: str | None = None
    agreement: str | None = None
    review_status: str | None = None
    text: str | None = None
    report_id: str | None = None
    include_merged: bool = False

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> "EventFilter":
        """From query parameters or CLI options; unknown keys and empty values are ignored."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in known and v not in (None, "")})

    def validate(self) -> "EventFilter":
        from datetime import date

        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value is not None:
                try:
                    date.fromisoformat(value)
                except ValueError:
                    raise ValidationError(f"{value!r} is not an ISO date (YYYY-MM-DD)", field=name) from None
        if self.event_type is not None and self.event_type not in EVENT_TYPES:
            raise ValidationError(f"unknown event type {self.event_type!r}", field="event_type")
        if self.verdict is not None and self.verdict not in VERDICT_STATUSES:
            raise ValidationError(f"verdict must be one of {', '.join(VERDICT_STATUSES)}", field="verdict")
        if self.review_status is not None and self.review_status not in REVIEW_STATUSES:
            raise ValidationError(f"review_status must be one of {', '.join(REVIEW_STATUSES)}",
                                  field="review_status")
        return self

    def clauses(self) -> list[ColumnElement[bool]]:
        """SQL conditions on the events table."""
        self.validate()
        c = events.c
        where: list[ColumnElement[bool]] = []
        if not self.include_merged:
            where.append(c.merged_into.is_(None))
        if self.date_from:
            where.append(c.event_date >= self.date_from)
        if self.date_to:
            where.append(c.event_date <= self.date_to)
        for name in ("event_type", "sub_event_type", "admin1", "country", "review_status"):
            value = getattr(self, name)
            if value is not None:
                where.append(getattr(c, name) == value)
        if self.actor:
            needle = self.actor.lower()
            where.append(or_(func.lower(c.actor1).contains(needle, autoescape=True),
                             func.lower(c.actor2).contains(needle, autoescape=True)))
        if self.text:
            where.append(c.search.contains(self.text.lower(), autoescape=True))
        if self.verdict or self.agreement:
            judged = verdicts.alias("judged")  # apart from any verdicts the caller joins
            conditions = [judged.c.event_id == c.id]
            if self.verdict:
                conditions.append(judged.c.status == self.verdict)
            if self.agreement:
                conditions.append(judged.c.agreement == self.agreement)
            where.append(exists(select(judged.c.id).where(and_(*conditions))))
        if self.report_id:
            where.append(exists(
                select(mentions.c.id).where(mentions.c.event_id == c.id, mentions.c.report_id == self.report_id)))
        return where
