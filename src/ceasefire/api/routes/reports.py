"""Source reports, kept whole."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from ceasefire.api.deps import Limit, Offset, Reader, StoreDep
from ceasefire.api.errors import ApiError
from ceasefire.api.schemas import ReportDetail, ReportPage, ReportPublic

router = APIRouter(prefix="/api/v1/reports", tags=["reports"])


@router.get("", response_model=ReportPage, summary="List source reports")
def list_reports(store: StoreDep, _: Reader,
                 text: Annotated[str | None, Query(max_length=200, description="words in title or text")] = None,
                 source: Annotated[str | None, Query(max_length=200)] = None,
                 limit: Limit = 100,
                 offset: Offset = 0) -> ReportPage:
    items = store.reports(limit=limit, offset=offset, text=text, source=source)
    return ReportPage(total=store.count_reports(text=text, source=source), limit=limit, offset=offset,
                      items=[ReportPublic.model_validate(item) for item in items])


@router.get("/{report_id}", response_model=ReportDetail, summary="One report with its full text")
def get_report(report_id: str, store: StoreDep, _: Reader) -> ReportDetail:
    report = store.report(report_id)
    if report is None:
        raise ApiError(404, f"no report {report_id!r}")
    return ReportDetail.model_validate(report)
