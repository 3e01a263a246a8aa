"""Users and roles: viewers read, analysts review, admins manage users."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends

from ceasefire.api.deps import CurrentUser, StoreDep, permit
from ceasefire.api.schemas import Me, UserCreate, UserCreated, UserPublic
from ceasefire.api.errors import ApiError
from ceasefire.errors import AuthError, ValidationError
from ceasefire.store.users import E404

router = APIRouter(prefix="/api/v1/users", tags=["users"])
Admin = Annotated[Any, Depends(permit("users"))]


def _allowed(store, user, action: str) -> bool:
    try:
        store.require(user, action)
    except AuthError:
        return False
    return True


@router.get("/me", response_model=Me, summary="The user behind the token")
def me(store: StoreDep, user: CurrentUser) -> Me:
    return Me(name=user.name, role=user.role, can_review=_allowed(store, user, "review"),
              can_manage_users=_allowed(store, user, "users"))


@router.get("", response_model=list[UserPublic], summary="All users (admins)")
def list_users(store: StoreDep, _: Admin) -> list[UserPublic]:
    return [UserPublic(name=u.name, role=u.role) for u in store.users()]


@router.post("", response_model=UserCreated, status_code=201, summary="Add a user and get its token (admins)")
def add_user(body: UserCreate, store: StoreDep, admin: Admin) -> UserCreated:
    token = store.add_user(body.name, body.role, by=admin.name)
    return UserCreated(name=body.name, role=body.role, token=token)


@router.delete("/{name}", status_code=204, summary="Remove a user; their token stops working (admins)",
               responses={404: {"description": "no such user"}, 409: {"description": "the last admin"}})
def remove_user(name: str, store: StoreDep, admin: Admin) -> None:
    try:
        store.remove_user(name, by=admin)
    except ValidationError as error:  # no such user, or the last admin
        raise ApiError(404 if error.code == E404 else 409, error.message, code=error.code, field="name") from None
