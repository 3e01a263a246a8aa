"""The tamper-evident audit log of every review and user change."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from ceasefire.api.deps import Limit, Offset, StoreDep, permit

router = APIRouter(prefix="/api/v1/audit", tags=["audit"])


@router.get("", summary="Audit log entries, newest first")
def list_audit(store: StoreDep, _: Annotated[Any, Depends(permit("review"))],
               target: Annotated[str | None, Query(max_length=200, description="only entries about this id")] = None,
               limit: Limit = 100,
               offset: Offset = 0) -> dict[str, Any]:
    """Who did what, when and why: each entry is chained to the one before by its hash."""
    entries = store.audit_log(target=target, limit=limit, offset=offset)
    return {"limit": limit, "offset": offset, "items": entries}


@router.get("/verify", summary="Check the audit chain")
def verify_audit(store: StoreDep, _: Annotated[Any, Depends(permit("review"))]) -> dict[str, Any]:
    report = store.audit_verify()
    return {"ok": report.ok, "entries": report.entries, "problems": report.problems, "summary": str(report)}
