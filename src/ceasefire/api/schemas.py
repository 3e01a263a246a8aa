"""API shapes, kept apart from the store's tables."""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Shape(BaseModel):
    """Store rows carry more keys than a shape shows; the extras are dropped."""

    model_config = ConfigDict(extra="ignore")


class Verdict(Shape):
    agreement: str | None = None
    status: str | None = None
    reason: str | None = None


class EventPublic(Shape):
    event_id: str
    event_date: str | None = None
    date_precision: str | None = None
    event_type: str
    sub_event_type: str | None = None
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
    report_ids: list[str] = Field(default_factory=list)
    verdicts: list[Verdict] = Field(default_factory=list)
    review_status: str | None = None
    notes: str | None = None


class Evidence(Shape):
    report_id: str | None = None
    sentence: str
    start: int | None = None
    end: int | None = None


class ReportPublic(Shape):
    id: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None


class ReportDetail(ReportPublic):
    text: str
    event_ids: list[str] = Field(default_factory=list, description="linked events drawn from this report")


class EventDetail(EventPublic):
    evidence: list[Evidence] = Field(default_factory=list)
    claims: list[dict[str, Any]] = Field(default_factory=list, description="each source's account, side by side")
    mentions: list[dict[str, Any]] = Field(default_factory=list, description="the per-report records linked here")
    reports: list[ReportDetail] = Field(default_factory=list)
    history: list[dict[str, Any]] = Field(default_factory=list, description="audit entries about this event")
    merged_into: str | None = None


class EventPage(BaseModel):
    total: int = Field(description="matching events; a lower bound when total_exact is false")
    total_exact: bool = Field(True, description="false when counting every match would have taken too long: "
                                                "there are at least `total` matching events")
    limit: int
    offset: int
    items: list[EventPublic]


class ReportPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[ReportPublic]


class ReviewRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    action: Literal["verify", "reject", "merge", "split", "correct"]
    reason: str = Field(min_length=1, max_length=2000, pattern=r"\S")
    into: str | None = Field(None, max_length=200, description="merge: the event id this one merges into")
    mentions: list[str] | None = Field(None, description="split: the mention ids to move out into new events")
    fields: dict[str, Any] | None = Field(None, description="correct: the fields to change and their new values")


class ReviewResult(BaseModel):
    event_id: str
    action: str
    review_status: str | None = None
    event: EventPublic | None = Field(None, description="the event afterwards (for merge, the one merged into)")


class UserPublic(Shape):
    name: str
    role: str


class UserCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$")
    role: Literal["viewer", "analyst", "admin"]


class UserCreated(UserPublic):
    token: str = Field(description="shown once; keep it safe")


class Me(UserPublic):
    can_review: bool
    can_manage_users: bool
