"""Events: filtered, paginated lists; one event with its evidence and claims; review."""
from __future__ import annotations

from dataclasses import astuple
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request

from ceasefire.api.deps import Limit, Offset, Reader, StoreDep, permit
from ceasefire.api.errors import ApiError
from ceasefire.api.schemas import EventDetail, EventPage, EventPublic, ReviewRequest, ReviewResult
from ceasefire.model import EVENT_TYPES, SUB_EVENT_TYPES, VERDICT_STATUSES
from ceasefire.store import EventFilter, User
from ceasefire.store.filters import REVIEW_STATUSES

router = APIRouter(prefix="/api/v1/events", tags=["events"])
COUNT_BUDGET_MS = 40  # longer counts (substring and verdict filters on large stores) give a lower bound

Text = Annotated[str | None, Query(max_length=200)]
EventType = Literal[tuple(EVENT_TYPES)]  # type: ignore[valid-type]
SubEventType = Literal[tuple(SUB_EVENT_TYPES)]  # type: ignore[valid-type]
VerdictStatus = Literal[VERDICT_STATUSES]  # type: ignore[valid-type]
ReviewStatus = Literal[REVIEW_STATUSES]  # type: ignore[valid-type]


def event_filter(
    date_from: date | None = None, date_to: date | None = None,
    event_type: EventType | None = None, sub_event_type: SubEventType | None = None, actor: Text = None,
    admin1: Text = None, country: Text = None, verdict: VerdictStatus | None = None, agreement: Text = None,
    review_status: ReviewStatus | None = None, text: Text = None, report_id: Text = None,
) -> EventFilter:
    """The query parameters `ceasefire export` takes, as one EventFilter."""
    if date_from and date_to and date_from > date_to:
        raise ApiError(422, "date_from is after date_to", field="date_from")
    values = dict(locals())
    for name in ("date_from", "date_to"):
        values[name] = values[name].isoformat() if values[name] else None
    return EventFilter.from_dict(values).validate()


Filters = Annotated[EventFilter, Depends(event_filter)]


@router.get("", response_model=EventPage, summary="List events")
def list_events(request: Request, store: StoreDep, _: Reader, filters: Filters,
                limit: Limit = 100,
                offset: Offset = 0) -> EventPage:
    """Newest first. The total is counted once per filter and kept until the store changes, so
    paging through a large result does not count it again. Counting stops after
    COUNT_BUDGET_MS: the total is then a lower bound (10,000 when that many were found, at
    least the events up to this page plus one when the page is full) and `total_exact` is false."""
    items = store.events(filters, limit=limit, offset=offset)
    total, exact = request.app.state.cache.get(store, ("count", astuple(filters)),
                                               lambda: store.count_events_within(filters, COUNT_BUDGET_MS))
    if not exact:
        total = max(total, offset + len(items) + (len(items) == limit))
    return EventPage(total=total, total_exact=exact, limit=limit, offset=offset,
                     items=[EventPublic.model_validate(item) for item in items])


@router.get("/{event_id}", response_model=EventDetail, summary="One event with evidence and claims")
def get_event(event_id: str, store: StoreDep, _: Reader) -> EventDetail:
    event = store.event(event_id)
    if event is None:
        raise ApiError(404, f"no event {event_id!r}")
    return EventDetail.model_validate(event)


@router.post("/{event_id}/review", response_model=ReviewResult, summary="Verify, reject, merge, split or correct",
             responses={401: {"description": "no token"}, 403: {"description": "role may not review"},
                        404: {"description": "no such event"}, 409: {"description": "not possible now"}})
def review_event(event_id: str, body: ReviewRequest, store: StoreDep,
                 user: Annotated[User, Depends(permit("review"))]) -> ReviewResult:
    """Every review is written to the audit log with its user, reason and time by the store."""
    extra: dict = {}
    if body.action == "merge":
        if not body.into:
            raise ApiError(422, "merge needs 'into': the event id to merge into", field="into")
        extra["into"] = body.into
    elif body.action == "split":
        if not body.mentions:
            raise ApiError(422, "split needs 'mentions': the mention ids to move out", field="mentions")
        extra["mentions"] = body.mentions
    elif body.action == "correct":
        if not body.fields:
            raise ApiError(422, "correct needs 'fields': the fields to change", field="fields")
        extra.update(body.fields)
    after = store.review(event_id, body.action, user, body.reason, **extra)
    return ReviewResult(event_id=event_id, action=body.action, review_status=(after or {}).get("review_status"),
                        event=EventPublic.model_validate(after) if after else None)
