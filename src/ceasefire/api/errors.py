"""Every error leaves the API as JSON with a stable code: {"error": {"code", "message"}}."""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ceasefire.errors import AuthError, CeasefireError, InputError, StoreError, ValidationError

log = logging.getLogger("ceasefire.api")
NOT_FOUND = {"E305": 404}  # the store's "unknown event"


class ApiError(CeasefireError):
    """An error raised by the API layer itself, carrying its HTTP status."""

    def __init__(self, status: int, message: str, code: str | None = None, field: str | None = None):
        super().__init__(message, code=code or f"E{status}", field=field)
        self.status = status


def _body(code: str, message: str, **extra) -> dict:
    return {"error": {"code": code, "message": message, **extra}}


def status_for(error: CeasefireError) -> int:
    if isinstance(error, ApiError):
        return error.status
    if isinstance(error, AuthError):
        return 401 if error.code == "E401" else 403
    if isinstance(error, (InputError, ValidationError)):
        return 422
    if isinstance(error, StoreError):
        return NOT_FOUND.get(error.code, 409)
    return 400


async def _ceasefire_error(request: Request, error: CeasefireError) -> JSONResponse:
    extra = {"field": error.field} if error.field else {}
    headers = {"WWW-Authenticate": "Bearer"} if status_for(error) == 401 else None
    return JSONResponse(_body(error.code, error.message, **extra), status_for(error), headers=headers)


async def _http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
    return JSONResponse(_body(f"E{error.status_code}", str(error.detail)), error.status_code,
                        headers=getattr(error, "headers", None))


async def _validation_error(request: Request, error: RequestValidationError) -> JSONResponse:
    problems = [
        {"field": ".".join(str(part) for part in item.get("loc", ())), "message": item.get("msg", "")}
        for item in error.errors()
    ]
    first = problems[0] if problems else {"field": "", "message": "invalid request"}
    message = f"{first['field']}: {first['message']}" if first["field"] else first["message"]
    return JSONResponse(_body("E422", message, problems=problems), 422)


async def _unexpected(request: Request, error: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return JSONResponse(_body("E500", f"internal error ({type(error).__name__})"), 500)


def install(app: FastAPI) -> None:
    app.add_exception_handler(CeasefireError, _ceasefire_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)
