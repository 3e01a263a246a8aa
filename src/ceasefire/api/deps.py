"""Typed dependencies: the store, and the user behind the bearer token."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ceasefire.api.errors import ApiError

Limit = Annotated[int, Query(ge=1, le=1000, description="how many items, at most 1000")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="items to skip")]

bearer = HTTPBearer(auto_error=False, description="A token from `ceasefire user add` or the admin API.")


def get_store(request: Request) -> Any:
    return request.app.state.store


StoreDep = Annotated[Any, Depends(get_store)]


def get_user(store: StoreDep,
             credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> Any | None:
    """The token's user; None without a token; 401 for a token the store does not know."""
    if credentials is None:
        return None
    user = store.authenticate(credentials.credentials)
    if user is None:
        raise ApiError(401, "unknown or revoked token")
    return user


OptionalUser = Annotated[Any | None, Depends(get_user)]


def require_user(user: OptionalUser) -> Any:
    if user is None:
        raise ApiError(401, "this needs a token: send 'Authorization: Bearer TOKEN'")
    return user


CurrentUser = Annotated[Any, Depends(require_user)]


def require_reader(request: Request, user: OptionalUser) -> Any | None:
    """Reading is open only when the app was started with public_read."""
    if user is None and not request.app.state.public_read:
        raise ApiError(401, "reading needs a token unless the server runs with --public-read")
    return user


Reader = Annotated[Any | None, Depends(require_reader)]


def permit(action: str):
    """A dependency that lets through only users whose role allows `action`."""

    def check(store: StoreDep, user: CurrentUser) -> Any:
        store.require(user, action)
        return user

    return check
