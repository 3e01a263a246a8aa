"""Agreements, verdict tallies and the humanitarian-access ledger."""
from __future__ import annotations

from dataclasses import astuple, replace
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request

from ceasefire.api.deps import Reader, StoreDep
from ceasefire.api.routes.events import Filters
from ceasefire.assess import Agreement, access_ledger, installed_agreements, load_agreement, load_areas
from ceasefire.assess.tally import KEYS

router = APIRouter(prefix="/api/v1", tags=["assessment"])
_loaded: dict[str, tuple[float, Agreement]] = {}


def agreement_by_id(agreement_id: str) -> Agreement:
    """An installed agreement, read again only when its file changes (validation is not cheap)."""
    path = installed_agreements().get(agreement_id)
    if path is None:
        return load_agreement(agreement_id)  # raises the error that lists what is installed
    mtime = path.stat().st_mtime
    cached = _loaded.get(agreement_id)
    if cached is None or cached[0] != mtime:
        cached = _loaded[agreement_id] = (mtime, load_agreement(agreement_id))
    return cached[1]
AgreementId = Annotated[str, Query(min_length=1, max_length=100, pattern=r"^[a-z0-9][a-z0-9.-]*$")]


@router.get("/agreements", summary="Agreements installed as data")
def list_agreements(_: Reader) -> dict[str, Any]:
    items = []
    for agreement_id in installed_agreements():
        agreement = agreement_by_id(agreement_id)
        items.append({"id": agreement.id, "name": agreement.name, "country": agreement.country,
                      "start": agreement.start.isoformat(), "end": agreement.end.isoformat() if agreement.end else None,
                      "parties": len(agreement.parties), "excluded": len(agreement.excluded)})
    return {"items": items}


@router.get("/tallies", summary="Verdicts per party, governorate, week or type")
def get_tallies(request: Request, store: StoreDep, _: Reader, filters: Filters, agreement: AgreementId,
                by: Literal[KEYS] = "party") -> dict[str, Any]:  # type: ignore[valid-type]
    """Counts under one agreement for the events matching the filters, from the stored verdicts
    (events not yet assessed against it are assessed on the fly). The filter's own
    `agreement`/`verdict` still narrow."""
    terms = agreement_by_id(agreement)
    if not filters.verdict:  # `agreement` names what to count under, not which events to take
        filters = replace(filters, agreement=None)
    key = ("tallies", id(terms), by, astuple(filters))
    return request.app.state.cache.get(store, key, lambda: store.tally(terms, by=by, filters=filters).to_dict())


@router.get("/access", summary="The humanitarian-access ledger of besieged and hard-to-reach areas")
def get_access(request: Request, store: StoreDep, _: Reader, filters: Filters,
               agreement: Annotated[str | None, Query(max_length=100)] = None) -> dict[str, Any]:
    """One row per area as of `date_to` (or the latest access event): deliveries, denials and
    days without access. `agreement` limits the areas to that agreement's country."""
    country = agreement_by_id(agreement).country if agreement else None
    access_events = replace(filters, event_type="Humanitarian access", agreement=None, verdict=None)

    def ledger() -> dict[str, Any]:
        rows = access_ledger(store.iter_events(access_events), load_areas(country), as_of=filters.date_to)
        return {"as_of": rows[0].as_of.isoformat() if rows else None, "rows": [row.to_dict() for row in rows]}

    return request.app.state.cache.get(store, ("access", country, astuple(access_events)), ledger)
